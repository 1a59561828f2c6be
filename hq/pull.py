"""Pull pages: what changed in a device's scope since its cursor, in HQ sequence order.

HQ keeps each field's current value with the sequence number of the change that set it.
A page holds the fields whose number lies in (cursor, next_cursor], grouped by row, so a
field edited ten times since the cursor travels once, with its current value; a field
edited again after the page was cut travels in a later page. A row that entered the
device's scope within the page's range (new, transferred in, newly addressed to it)
travels whole, with every field HQ holds; a row that left it is listed as a removal.
The scope moves of the range decide both, so nothing depends on when the device pulls.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from desktop.sync.protocol import (
    DELETED,
    ConflictRecord,
    PulledField,
    PulledRow,
    PullRequest,
    PullResponse,
    RowRef,
    Value,
    Version,
    read_value,
)
from hq.db import by_table, head
from hq.errors import Refusal
from hq.scope import DeviceScope, Level, RowScope
from hq.tables import conflicts, field_state, row_audience, row_state, scope_moves

log = logging.getLogger(__name__)

_FIELD_COLUMNS = (
    field_state.c.seq,
    field_state.c.tbl,
    field_state.c.row_id,
    field_state.c.col,
    field_state.c.value,
    field_state.c.hlc,
    field_state.c.device,
    field_state.c.author,
)


def _values(texts: Sequence[str | None]) -> list[Value]:
    """Stored JSON texts to values, parsed in one go (a page holds thousands)."""
    if not texts:
        return []
    parsed = json.loads("[" + ",".join("null" if t is None else t for t in texts) + "]")
    return [read_value(v) if isinstance(v, dict) else v for v in parsed]


def _scope_of(owner: str | None, member: str | None, audience: str) -> RowScope:
    return RowScope(owner, member, tuple(json.loads(audience)))


def pull_page(
    conn: Connection, scope: DeviceScope, request: PullRequest, *, now_ms: int
) -> PullResponse:
    top = head(conn)
    cursor = request.cursor
    if cursor > top:
        raise Refusal(
            409,
            "cursor_ahead",
            "This device has seen changes HQ no longer holds (HQ was restored from an older "
            "backup): pull again from the start.",
        )
    f, r = field_state.c, row_state.c
    found = conn.execute(
        select(*_FIELD_COLUMNS)
        .join(row_state, and_(r.tbl == f.tbl, r.row_id == f.row_id))
        .where(f.seq > cursor, scope.read_filter())
        .order_by(f.seq)
        .limit(request.limit + 1)
    ).all()
    more = len(found) > request.limit
    upto = found[request.limit - 1].seq if more else top
    if more:
        # The fields a created row sets share one number: the page takes all or none.
        found = [row for row in found if row.seq < upto]
        found += conn.execute(select(*_FIELD_COLUMNS).where(f.seq == upto)).all()
    entered, removals = _moves(conn, scope, cursor, upto)
    keys = {(row[1], row[2]) for row in found} | entered
    states = {
        (row.tbl, row.row_id): row
        for tbl, ids in by_table(keys)
        for row in conn.execute(
            select(r.tbl, r.row_id, r.deleted, r.created_hlc, r.created_seq).where(
                r.tbl == tbl, r.row_id.in_(ids)
            )
        )
    }
    whole = entered | {k for k, row in states.items() if row.created_seq > cursor}
    fields = _fields(conn, cursor, upto, found, keys, whole)
    rows = []
    for key in sorted(keys, key=lambda k: (fields[k][0].seq if fields.get(k) else 0, k)):
        state = states[key]
        if state.deleted:
            # A deleted row's data is gone for every device: only its tombstone travels.
            items = tuple(x for x in fields.get(key, ()) if x.col == DELETED)
        else:
            items = tuple(fields.get(key, ()))
        if items:
            entire = key in whole
            created = state.created_hlc if entire else None
            rows.append(PulledRow(key[0], key[1], created, entire, items))
    found_conflicts = _conflicts(conn, scope, cursor, upto) if scope.level is Level.OFFICER else ()
    return PullResponse(tuple(rows), tuple(removals), found_conflicts, upto, more, top, now_ms)


def _moves(
    conn: Connection, scope: DeviceScope, cursor: int, upto: int
) -> tuple[set[tuple[str, str]], list[RowRef]]:
    """Rows whose scope changed in (cursor, upto]: those in the device's scope now that
    were outside it at some point of the range (entered), and those outside it now that
    were inside it at some point (removed). A device that never held a removed row just
    ignores the removal; one that held an entered row gets it whole again."""
    m = scope_moves.c
    history: dict[tuple[str, str], list[bool]] = {}
    for move in conn.execute(
        select(m.tbl, m.row_id, m.old_owner, m.old_member, m.old_audience).where(
            m.seq > cursor, m.seq <= upto
        )
    ):
        if move.tbl in scope.registry:
            before = _scope_of(move.old_owner, move.old_member, move.old_audience)
            history.setdefault((move.tbl, move.row_id), []).append(
                scope.can_read(scope.registry[move.tbl], move.row_id, before)
            )
    if not history:
        return set(), []
    now = _current_scopes(conn, sorted(history))
    entered: set[tuple[str, str]] = set()
    removed: list[RowRef] = []
    for key, seen in sorted(history.items()):
        visible = key in now and scope.can_read(scope.registry[key[0]], key[1], now[key])
        if visible and not all(seen):
            entered.add(key)
        elif not visible and any(seen):
            removed.append(RowRef(*key))
    return entered, removed


def _current_scopes(
    conn: Connection, keys: Sequence[tuple[str, str]]
) -> dict[tuple[str, str], RowScope]:
    r, a = row_state.c, row_audience.c
    owners: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    audiences: dict[tuple[str, str], list[str]] = {}
    for tbl, ids in by_table(keys):
        for row in conn.execute(
            select(r.row_id, r.owner_org, r.member_id).where(r.tbl == tbl, r.row_id.in_(ids))
        ):
            owners[(tbl, row.row_id)] = (row.owner_org, row.member_id)
        for row_id, unit in conn.execute(
            select(a.row_id, a.unit).where(a.tbl == tbl, a.row_id.in_(ids))
        ):
            audiences.setdefault((tbl, row_id), []).append(unit)
    return {
        key: RowScope(owner, member, tuple(sorted(audiences.get(key, ()))))
        for key, (owner, member) in owners.items()
    }


def _fields(
    conn: Connection,
    cursor: int,
    upto: int,
    in_range: Sequence[Any],
    keys: set[tuple[str, str]],
    whole: set[tuple[str, str]],
) -> dict[tuple[str, str], list[PulledField]]:
    """The page's fields: those set in the range, and every other field of whole rows."""
    f = field_state.c
    found = list(in_range)
    for tbl, ids in by_table(whole):
        found += conn.execute(
            select(*_FIELD_COLUMNS).where(
                f.tbl == tbl, f.row_id.in_(ids), or_(f.seq <= cursor, f.seq > upto)
            )
        ).all()
    values = _values([row[4] for row in found])
    out: dict[tuple[str, str], list[PulledField]] = {}
    for (seq, tbl, row_id, col, _, hlc, device, author), value in zip(found, values, strict=True):
        key = (tbl, row_id)
        if key in keys:
            out.setdefault(key, []).append(PulledField(col, value, hlc, seq, device, author))
    for items in out.values():
        items.sort(key=lambda item: item.seq)
    return out


def _conflicts(
    conn: Connection, scope: DeviceScope, cursor: int, upto: int
) -> tuple[ConflictRecord, ...]:
    c = conflicts.c
    created = and_(c.created_seq > cursor, c.created_seq <= upto)
    if cursor == 0:
        # A device starting afresh needs only what is still to be reviewed.
        window = and_(created, c.resolved_seq.is_(None))
    else:
        window = or_(created, and_(c.resolved_seq > cursor, c.resolved_seq <= upto))
    found = conn.execute(
        select(conflicts)
        .join(
            row_state,
            and_(row_state.c.tbl == c.tbl, row_state.c.row_id == c.row_id),
        )
        .where(window, scope.read_filter())
        .order_by(c.id)
    ).all()
    values = _values([v for row in found for v in (row.winner_value, row.loser_value)])
    return tuple(
        ConflictRecord(
            row.id,
            row.tbl,
            row.row_id,
            row.col,
            row.kind,
            Version(values[2 * i], row.winner_hlc, row.winner_author, row.winner_device),
            Version(values[2 * i + 1], row.loser_hlc, row.loser_author, row.loser_device),
            row.base_hlc,
            row.created_seq,
            row.resolved_seq is not None and row.resolved_seq <= upto,
        )
        for i, row in enumerate(found)
    )
