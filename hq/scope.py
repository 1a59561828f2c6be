"""Scope: which rows a device may read and write, computed from its identity (org unit,
level, member), never from what it sends.

Read scope
  officer  rows owned by its unit or a unit below; rows whose audience names its unit,
           a unit below or a unit above (broadcasts); the org tree rows of the units
           above and below it.
  member   the org tree rows above and below its unit; PUBLIC rows owned by its unit or
           addressed to it or a unit above; PERSONAL rows about its member; any row whose
           audience names its member.
Write scope
  officer  rows owned by its unit or a unit below, before and after the change (moving a
           row to another branch is done by a unit above both).
  member   only rows it authors about itself: PERSONAL tables whose member column is not
           the row itself (never the roster), owned by its unit, about its member, with
           an empty audience.
  nobody   writes the org tree: it is kept at HQ (`lianxin-hq org add`).

The same rules exist twice, as SQL over `row_state` (pull pages) and in Python over a
`RowScope` (writes, and rows' past scope); tests hold them to each other.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    and_,
    exists,
    false,
    or_,
    select,
)

from desktop.store.schema import REGISTRY, Registry, Scope, Table
from hq.tables import org_closure, orgs, row_audience, row_state


class Level(enum.StrEnum):
    OFFICER = "officer"
    MEMBER = "member"


@dataclass(frozen=True)
class RowScope:
    """What decides who holds a row: its owner, its member (PERSONAL), its audience."""

    owner: str | None
    member: str | None
    audience: tuple[str, ...]


def tables_with(scope: Scope, registry: Registry = REGISTRY) -> list[str]:
    return [t.name for t in registry if t.scope is scope]


def tree_table(registry: Registry = REGISTRY) -> Table:
    """The org tree's table (exactly one TREE table, with name, level and parent_id)."""
    found = [t for t in registry if t.scope is Scope.TREE]
    if len(found) != 1 or not all(found[0].has_column(c) for c in ("name", "level", "parent_id")):
        raise RuntimeError("the registry must declare one TREE table with name, level, parent_id")
    return found[0]


def descendants_of(conn: Connection, org_id: str) -> frozenset[str]:
    rows = conn.execute(
        select(org_closure.c.descendant).where(org_closure.c.ancestor == org_id)
    ).scalars()
    return frozenset(rows)


def ancestors_of(conn: Connection, org_id: str) -> frozenset[str]:
    """Units above `org_id` (not itself)."""
    rows = conn.execute(
        select(org_closure.c.ancestor).where(
            org_closure.c.descendant == org_id, org_closure.c.depth > 0
        )
    ).scalars()
    return frozenset(rows)


def neighbours_query(org_id: str) -> Select[Any]:
    """Units beside the path from the root to `org_id`: the other children of every unit
    above it (sister branches, the other committees). Devices hold their names so that
    an officer can address a transfer letter to them; their records stay out of scope."""
    above = select(org_closure.c.ancestor).where(
        org_closure.c.descendant == org_id, org_closure.c.depth > 0
    )
    return select(orgs.c.id).where(orgs.c.parent_id.in_(above))


def neighbours_of(conn: Connection, org_id: str) -> frozenset[str]:
    return frozenset(str(unit) for unit in conn.execute(neighbours_query(org_id)).scalars())


@dataclass(frozen=True)
class DeviceScope:
    device_id: str
    org_id: str
    level: Level
    member_id: str | None
    #: The device's unit and every unit below it.
    descendants: frozenset[str]
    #: Every unit above the device's unit.
    ancestors: frozenset[str]
    #: The org units beside those (neighbours_query): read, never written.
    neighbours: frozenset[str] = frozenset()
    registry: Registry = REGISTRY

    @classmethod
    def load(
        cls, conn: Connection, device_id: str, org_id: str, level: str, member_id: str | None
    ) -> DeviceScope:
        return cls(
            device_id,
            org_id,
            Level(level),
            member_id,
            descendants_of(conn, org_id),
            ancestors_of(conn, org_id),
            neighbours_of(conn, org_id),
        )

    @property
    def related(self) -> frozenset[str]:
        return self.descendants | self.ancestors

    # --- reading -----------------------------------------------------------------------

    def can_read(self, table: Table, row_id: str, row: RowScope) -> bool:
        if table.scope is Scope.LOCAL:
            return False
        if table.scope is Scope.TREE and (row_id in self.related or row_id in self.neighbours):
            return True
        if self.level is Level.OFFICER:
            return row.owner in self.descendants or any(a in self.related for a in row.audience)
        if self.member_id is not None and self.member_id in row.audience:
            return True
        if table.scope is Scope.PUBLIC:
            upward = self.ancestors | {self.org_id}
            return row.owner == self.org_id or any(a in upward for a in row.audience)
        if table.scope is Scope.PERSONAL:
            return self.member_id is not None and row.member == self.member_id
        return False

    def read_filter(self) -> ColumnElement[bool]:
        """SQL over `row_state`: the rows this device may hold now."""
        r = row_state.c
        below = select(org_closure.c.descendant).where(org_closure.c.ancestor == self.org_id)
        upward = select(org_closure.c.ancestor).where(org_closure.c.descendant == self.org_id)
        related = below.union(upward)
        tree = and_(
            r.tbl.in_(tables_with(Scope.TREE, self.registry)),
            or_(r.row_id.in_(related), r.row_id.in_(neighbours_query(self.org_id))),
        )

        def addressed(units: ColumnElement[bool]) -> ColumnElement[bool]:
            return exists().where(
                row_audience.c.tbl == r.tbl, row_audience.c.row_id == r.row_id, units
            )

        if self.level is Level.OFFICER:
            return or_(r.owner_org.in_(below), tree, addressed(row_audience.c.unit.in_(related)))
        member: ColumnElement[bool] = false()
        if self.member_id is not None:
            member = or_(
                and_(
                    r.tbl.in_(tables_with(Scope.PERSONAL, self.registry)),
                    r.member_id == self.member_id,
                ),
                addressed(row_audience.c.unit == self.member_id),
            )
        public = and_(
            r.tbl.in_(tables_with(Scope.PUBLIC, self.registry)),
            or_(r.owner_org == self.org_id, addressed(row_audience.c.unit.in_(upward))),
        )
        return or_(tree, public, member)

    def candidate_rows(self) -> CompoundSelect[Any]:
        """(tbl, row_id) of every row `read_filter` may pass, and some it does not, each
        found through an index: its owner, its id (the org tree), its audience, its
        member. A page drawn from the device's rows starts here and applies
        `read_filter` to these alone, instead of to every row HQ holds (a scan that
        grows with the whole organisation, page after page). An officer's are exactly
        the rows `read_filter` passes: its rules are these three lookups."""
        r, a = row_state.c, row_audience.c
        units = sorted(self.related | self.neighbours)
        parts: list[Select[Any]] = [
            select(r.tbl, r.row_id).where(r.owner_org.in_(sorted(self.descendants))),
            select(r.tbl, r.row_id).where(
                r.tbl.in_(tables_with(Scope.TREE, self.registry)), r.row_id.in_(units)
            ),
            select(a.tbl, a.row_id).where(
                a.unit.in_(sorted(self.related | {self.member_id} - {None}))
            ),
        ]
        if self.member_id is not None:
            parts.append(select(r.tbl, r.row_id).where(r.member_id == self.member_id))
        return parts[0].union(*parts[1:])

    # --- writing -----------------------------------------------------------------------

    def write_refusal(self, table: Table, before: RowScope | None, after: RowScope) -> str | None:
        """Why this device may not make this row go from `before` (None: new) to
        `after`, or None when it may."""
        if table.scope is Scope.TREE:
            # An officer keeps the units below its own (groups, sub-branches); where they
            # sit in the tree is checked after the merge (hq.orgs.adopt_pushed_units).
            inside = after.owner in self.descendants and (
                before is None or before.owner in self.descendants
            )
            if self.level is not Level.OFFICER or not inside:
                return "the org tree above your unit is kept at HQ: ask HQ to change it"
            return None
        if self.level is Level.OFFICER:
            if before is not None and before.owner not in self.descendants:
                return "this record belongs to a unit outside yours"
            if after.owner not in self.descendants:
                return "a record can only belong to your unit or a unit below it"
            return None
        if table.scope is not Scope.PERSONAL or table.member_column == "id":
            return "a member's device may only write the member's own entries"
        for state in (before, after):
            if state is not None and (state.owner != self.org_id or state.member != self.member_id):
                return "a member's device may only write the member's own entries"
        if after.audience:
            return "a member's entries cannot be addressed to others"
        return None
