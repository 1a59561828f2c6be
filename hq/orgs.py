"""The org tree at HQ: units, their closure (for scope queries), and the synced org tree
table that devices hold. HQ alone changes the tree; each change is also written to the
change log as HQ's own edit of the TREE table, so devices receive it like any other row.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import uuid6
from sqlalchemy import Connection, func, insert, select

from desktop.store.hlc import HybridClock, Stamp
from desktop.store.schema import ROW_CREATED, encode_row
from desktop.store.schema.org import LEVELS
from desktop.sync.protocol import AUDIENCE, OWNER, Change, is_valid_id
from hq.errors import HqError
from hq.merge import HQ_DEVICE, Batch
from hq.scope import tree_table
from hq.tables import changes, org_closure, orgs

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
    _publish(conn, org_id, {"name": name, "level": level, "parent_id": parent_id}, now_ms)
    log.info("org unit %s added (%s) under %s", org_id, level, parent_id or "nothing")
    org = get_org(conn, org_id)
    assert org is not None
    return org


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
