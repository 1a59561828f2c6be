"""The org tree at HQ: units, their closure (for scope queries), and the synced org tree
table that devices hold. HQ administers the tree (`lianxin-hq org add`); each change is
also written to the change log as HQ's own edit of the TREE table, so devices receive it
like any other row. An officer's device may add and edit units below its own unit (a
branch its groups); HQ adopts them into its tree when the push is stored.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import uuid6
from sqlalchemy import Connection, func, insert, select, update

from desktop.store.hlc import HybridClock, Stamp
from desktop.store.schema import ROW_CREATED, encode_row
from desktop.store.schema.org import LEVELS
from desktop.sync.protocol import AUDIENCE, OWNER, Change, Rejected, is_valid_id
from hq.errors import HqError, Refusal
from hq.merge import HQ_DEVICE, Batch
from hq.scope import DeviceScope, tree_table
from hq.tables import changes, field_state, org_closure, orgs

log = logging.getLogger(__name__)

ROOT_LEVEL = "hq"


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    level: str
    parent_id: str | None
    depth: int


def hq_clock(conn: Connection) -> HybridClock:
    """HQ's own clock, resumed past every stamp it has issued."""
    last = conn.execute(
        select(func.max(changes.c.hlc)).where(changes.c.device == HQ_DEVICE)
    ).scalar()
    return HybridClock(HQ_DEVICE, last=Stamp.parse(last) if last else None)


def get_org(conn: Connection, org_id: str) -> Org | None:
    row = conn.execute(select(orgs).where(orgs.c.id == org_id)).first()
    if row is None:
        return None
    depth = conn.execute(
        select(func.count())
        .select_from(org_closure)
        .where(org_closure.c.descendant == org_id, org_closure.c.depth > 0)
    ).scalar_one()
    return Org(row.id, row.name, row.level, row.parent_id, int(depth))


def require_org(conn: Connection, org_id: str) -> Org:
    org = get_org(conn, org_id)
    if org is None:
        raise HqError(f"no org unit {org_id}: see `lianxin-hq org list`")
    return org


def add_org(
    conn: Connection,
    name: str,
    level: str,
    parent_id: str | None,
    *,
    now_ms: int,
    org_id: str | None = None,
) -> Org:
    """Add a unit (the root when `parent_id` is None) and publish it to devices. `org_id`
    adopts an id a branch already uses (its groups, made before it enrolled)."""
    name = name.strip()
    if not name or len(name) > 200:
        raise HqError("an org unit needs a name of 1 to 200 characters")
    if level not in LEVELS:
        raise HqError(f"unknown level {level!r}: choose one of {', '.join(LEVELS)}")
    if parent_id is None:
        if conn.execute(select(orgs.c.id).where(orgs.c.parent_id.is_(None))).first():
            raise HqError("the org tree already has its root")
    else:
        parent = require_org(conn, parent_id)
        twin = conn.execute(
            select(orgs.c.id).where(orgs.c.parent_id == parent_id, orgs.c.name == name)
        ).first()
        if twin is not None:
            raise HqError(f"{parent.name} already has a unit called {name}")
    if org_id is not None:
        if not is_valid_id(org_id):
            raise HqError(f"{org_id!r} is not a valid unit id")
        if get_org(conn, org_id) is not None:
            raise HqError(f"a unit with id {org_id} already exists")
    org_id = org_id or str(uuid6.uuid7())
    _insert_unit(conn, org_id, name, level, parent_id, now_ms)
    _publish(conn, org_id, {"name": name, "level": level, "parent_id": parent_id}, now_ms)
    log.info("org unit %s added (%s) under %s", org_id, level, parent_id or "nothing")
    org = get_org(conn, org_id)
    assert org is not None
    return org


def _insert_unit(
    conn: Connection, org_id: str, name: str, level: str, parent_id: str | None, now_ms: int
) -> None:
    """A unit in HQ's tree and its closure pairs (not published: see the callers)."""
    conn.execute(
        insert(orgs).values(
            id=org_id, name=name, level=level, parent_id=parent_id, created_at=now_ms
        )
    )
    pairs = [{"ancestor": org_id, "descendant": org_id, "depth": 0}]
    if parent_id is not None:
        above = conn.execute(
            select(org_closure.c.ancestor, org_closure.c.depth).where(
                org_closure.c.descendant == parent_id
            )
        ).all()
        pairs += [
            {"ancestor": ancestor, "descendant": org_id, "depth": depth + 1}
            for ancestor, depth in above
        ]
    conn.execute(insert(org_closure), pairs)


def _tree_fields(conn: Connection, row_id: str) -> dict[str, object]:
    table = tree_table().name
    found = conn.execute(
        select(field_state.c.col, field_state.c.value).where(
            field_state.c.tbl == table,
            field_state.c.row_id == row_id,
            field_state.c.col.in_(("name", "level", "parent_id")),
        )
    ).all()
    return {col: json.loads(value) for col, value in found if value is not None}


def _refuse(reason: str, row_id: str, pushed: Sequence[Change]) -> Refusal:
    """Refuse the push, naming the changes to the unit at fault (the device sets them
    aside with the reason, and sends the rest again)."""
    rejected = tuple(Rejected(c.device_seq, reason) for c in pushed if c.row_id == row_id)
    return Refusal(403, "out_of_scope", reason, rejected=rejected)


def adopt_pushed_units(
    conn: Connection, scope: DeviceScope, pushed: Sequence[Change], *, now_ms: int
) -> list[str]:
    """Take into HQ's tree the units a device's push added or changed below its own unit.

    Call in the push's transaction, after the merge: a Refusal undoes the whole push. A
    unit must sit below the device's unit, one level down or more from its parent, and
    stays under the parent it was made with (moving a unit is HQ's work)."""
    table = tree_table().name
    touched = sorted({c.row_id for c in pushed if c.tbl == table})
    adopted = []
    for row_id in touched:
        if row_id == scope.org_id or row_id in scope.ancestors:
            raise _refuse(
                "your own unit and those above it are kept at HQ: ask HQ to change them",
                row_id,
                pushed,
            )
        fields = _tree_fields(conn, row_id)
        name, level, parent_id = fields.get("name"), fields.get("level"), fields.get("parent_id")
        if not isinstance(parent_id, str) or parent_id not in scope.descendants:
            raise _refuse("a unit you add must be placed below your own unit", row_id, pushed)
        parent = require_org(conn, parent_id)
        if not isinstance(level, str) or level not in LEVELS:
            raise _refuse("a unit needs a level", row_id, pushed)
        if LEVELS.index(level) <= LEVELS.index(parent.level):
            raise _refuse("a unit must be at a lower level than the unit above it", row_id, pushed)
        if not isinstance(name, str) or not name.strip():
            raise _refuse("a unit needs a name", row_id, pushed)
        existing = get_org(conn, row_id)
        if existing is None:
            _insert_unit(conn, row_id, name.strip(), level, parent_id, now_ms)
            adopted.append(row_id)
            log.info("org unit %s (%s) added below %s by a device", row_id, level, parent_id)
        elif existing.parent_id != parent_id:
            # Units never move (nor go): HQ's workers keep devices' scopes for as long
            # as the tree has as many units (hq.auth._device_and_scope).
            raise _refuse(
                "moving a unit to another place in the tree is done at HQ", row_id, pushed
            )
        else:
            conn.execute(
                update(orgs).where(orgs.c.id == row_id).values(name=name.strip(), level=level)
            )
    return adopted


def _publish(conn: Connection, org_id: str, values: dict[str, str | None], now_ms: int) -> None:
    fields = {OWNER: org_id, AUDIENCE: "[]"}
    fields.update((col, value) for col, value in values.items() if value is not None)
    created = Change(
        1,
        org_id,
        tree_table().name,
        ROW_CREATED,
        encode_row(fields),
        str(hq_clock(conn).now()),
        None,
        None,
    )
    Batch(conn, HQ_DEVICE, None, now_ms=now_ms).apply([created])


def list_orgs(conn: Connection) -> list[Org]:
    """Every unit, depth-first from the root, children by name."""
    children: dict[str | None, list[Org]] = {}
    for row in conn.execute(select(orgs.c.id, orgs.c.name, orgs.c.level, orgs.c.parent_id)):
        children.setdefault(row.parent_id, []).append(
            Org(row.id, row.name, row.level, row.parent_id, 0)
        )
    out: list[Org] = []

    def walk(parent: str | None, depth: int) -> None:
        for org in sorted(children.get(parent, []), key=lambda o: (o.name, o.id)):
            out.append(Org(org.id, org.name, org.level, org.parent_id, depth))
            walk(org.id, depth + 1)

    walk(None, 0)
    return out


def find_org(conn: Connection, ref: str) -> Org:
    """A unit by id, or by its exact name when that is unique."""
    org = get_org(conn, ref)
    if org is not None:
        return org
    ids = conn.execute(select(orgs.c.id).where(orgs.c.name == ref)).scalars().all()
    if len(ids) == 1:
        return require_org(conn, ids[0])
    if len(ids) > 1:
        raise HqError(f"several org units are called {ref!r}: give the id")
    raise HqError(f"no org unit {ref!r}: see `lianxin-hq org list`")
