"""Transfers at HQ: when HQ holds a receipt (a row of a table that declares HandOver) and
the letter it answers, and the receipt comes from the unit the letter is addressed to,
the member's records are re-owned from the letter's sender to that unit.

What moves, from the registry alone: the member's row and every row of a PERSONAL table
whose member column names the member, owned by the sender, and the attachments of those
rows. The move is a batch of HQ's own changes (new sequence numbers, scope moves), so
the receiver's devices get the records whole on their next pull and the sender's devices
remove them; the sender keeps its letter, which it owns.

It runs in the transaction that stored the push (all or nothing with it), for the
receipts the push touched and for those waiting for a letter the push brought (a
receipt may reach HQ first). `hq_handovers` remembers every receipt looked at: a moved
one is never moved again, and at start-up `catch_up` hands over receipts HQ holds but
has not looked at (a database upgraded from before this module).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from desktop.store.schema import REGISTRY, HandOver, Registry, Scope
from desktop.store.schema.attachments import ATTACHMENTS
from desktop.sync.protocol import OWNER, Change, value_json
from hq.db import by_table, head, lock_sequence
from hq.merge import HQ_DEVICE, Batch
from hq.orgs import hq_clock
from hq.tables import RECORD_NAMED, field_state, hq_handovers, row_state

log = logging.getLogger(__name__)

MOVED = "moved"
WAITING = "waiting"
REFUSED = "refused"
#: A receipt for a letter its own unit holds (a paper letter recorded by the receiver):
#: nothing crosses units, nothing moves.
LOCAL = "local"


@dataclass(frozen=True)
class Handover:
    """What became of one receipt."""

    tbl: str
    receipt_id: str
    outcome: str
    reason: str = ""
    letter_id: str | None = None
    member_id: str | None = None
    from_org: str | None = None
    to_org: str | None = None
    rows_moved: int = 0
    seq: int | None = None


def receipt_tables(registry: Registry = REGISTRY) -> dict[str, HandOver]:
    return {t.name: t.hand_over for t in registry if t.hand_over is not None}


def letter_tables(registry: Registry = REGISTRY) -> dict[str, list[str]]:
    """Each letter table with the receipt tables that answer it."""
    out: dict[str, list[str]] = {}
    for tbl, rule in receipt_tables(registry).items():
        out.setdefault(rule.letter_table, []).append(tbl)
    return out


def settle_pushed(
    conn: Connection, changes: Sequence[Change], *, now_ms: int, registry: Registry = REGISTRY
) -> list[Handover]:
    """Hand over what a push just stored made possible: its receipts, and receipts that
    were waiting for its letters. Call in the push's transaction, after the merge."""
    receipts = receipt_tables(registry)
    letters = letter_tables(registry)
    touched = {(c.tbl, c.row_id) for c in changes if c.tbl in receipts}
    letter_ids = sorted({c.row_id for c in changes if c.tbl in letters})
    if letter_ids:
        for part in _parts(letter_ids):
            touched |= {
                (row.tbl, row.receipt_id)
                for row in conn.execute(
                    select(hq_handovers.c.tbl, hq_handovers.c.receipt_id).where(
                        hq_handovers.c.letter_id.in_(part), hq_handovers.c.outcome != MOVED
                    )
                )
            }
    if not touched:
        return []
    return settle(conn, sorted(touched), now_ms=now_ms, registry=registry)


def catch_up(conn: Connection, *, now_ms: int, registry: Registry = REGISTRY) -> list[Handover]:
    """Hand over receipts HQ holds that were never looked at (start-up)."""
    lock_sequence(conn)
    keys: list[tuple[str, str]] = []
    for tbl in receipt_tables(registry):
        seen = select(hq_handovers.c.receipt_id).where(hq_handovers.c.tbl == tbl)
        keys += [
            (tbl, row_id)
            for row_id in conn.execute(
                select(row_state.c.row_id).where(
                    row_state.c.tbl == tbl,
                    row_state.c.deleted.is_(False),
                    row_state.c.row_id.not_in(seen),
                )
            ).scalars()
        ]
    if not keys:
        return []
    done = settle(conn, keys, now_ms=now_ms, registry=registry)
    log.info("handover catch-up: %d receipts looked at", len(done))
    return done


def settle(
    conn: Connection,
    keys: Sequence[tuple[str, str]],
    *,
    now_ms: int,
    registry: Registry = REGISTRY,
) -> list[Handover]:
    """Look at these receipts (table, id) and hand over those that are complete."""
    lock_sequence(conn)  # held already by a push; taken here by start-up
    known = _known(conn, keys)
    out = []
    for tbl, receipt_id in keys:
        previous = known.get((tbl, receipt_id))
        if previous == MOVED:
            continue
        found = _decide(conn, registry, tbl, receipt_id)
        if found.outcome == MOVED:
            found = _move(conn, registry, found, now_ms)
        elif found.outcome == REFUSED:
            log.warning(
                "receipt %s %s not handed over: %s", found.tbl, found.receipt_id, found.reason
            )
        _remember(conn, found, previous is not None, now_ms)
        out.append(found)
    return out


def _parts(items: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _known(conn: Connection, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
    h = hq_handovers.c
    found: dict[tuple[str, str], str] = {}
    for tbl, ids in by_table(keys):
        for row in conn.execute(
            select(h.tbl, h.receipt_id, h.outcome).where(h.tbl == tbl, h.receipt_id.in_(ids))
        ):
            found[(row.tbl, row.receipt_id)] = row.outcome
    return found


def _row(conn: Connection, tbl: str, row_id: str) -> tuple[str | None, bool] | None:
    """A row's owner and whether it is deleted, or None when HQ does not have it."""
    found = conn.execute(
        select(row_state.c.owner_org, row_state.c.deleted).where(
            row_state.c.tbl == tbl, row_state.c.row_id == row_id
        )
    ).first()
    return None if found is None else (found.owner_org, bool(found.deleted))


def _field(conn: Connection, tbl: str, row_id: str, col: str) -> str | None:
    """A text field's current value at HQ (None when unset)."""
    raw = conn.execute(
        select(field_state.c.value).where(
            field_state.c.tbl == tbl, field_state.c.row_id == row_id, field_state.c.col == col
        )
    ).scalar()
    value = json.loads(raw) if raw is not None else None
    return value if isinstance(value, str) and value else None


def _decide(conn: Connection, registry: Registry, tbl: str, receipt_id: str) -> Handover:
    rule = registry[tbl].hand_over
    assert rule is not None
    receipt = _row(conn, tbl, receipt_id)
    if receipt is None or receipt[1]:
        return Handover(tbl, receipt_id, REFUSED, "the receipt was withdrawn")
    to_org = receipt[0]
    letter_id = _field(conn, tbl, receipt_id, rule.letter_column)
    if letter_id is None:
        return Handover(tbl, receipt_id, REFUSED, "the receipt names no letter", to_org=to_org)
    base = Handover(tbl, receipt_id, WAITING, letter_id=letter_id, to_org=to_org)
    letter = _row(conn, rule.letter_table, letter_id)
    if letter is None:
        return _with(base, WAITING, "the letter has not reached HQ yet")
    from_org, letter_deleted = letter
    member_id = _field(conn, rule.letter_table, letter_id, rule.member_column)
    addressee = _field(conn, rule.letter_table, letter_id, rule.to_column)
    base = _with(base, WAITING, "", member_id=member_id, from_org=from_org)
    if letter_deleted:
        return _with(base, REFUSED, "the letter was withdrawn")
    if rule.void_column and (
        _field(conn, rule.letter_table, letter_id, rule.void_column) in rule.void_values
    ):
        return _with(base, REFUSED, "the letter was cancelled by its sender")
    if from_org == to_org:
        return _with(base, LOCAL, "the letter and its receipt belong to the same unit")
    if addressee != to_org:
        return _with(base, REFUSED, "the receipt comes from a unit the letter is not addressed to")
    if member_id is None:
        return _with(base, REFUSED, "the letter names no member")
    return _with(base, MOVED, "")


def _with(h: Handover, outcome: str, reason: str, **changes: str | None) -> Handover:
    fields = {**h.__dict__, "outcome": outcome, "reason": reason, **changes}
    return Handover(**fields)


def _member_rows(
    conn: Connection, registry: Registry, member_id: str, owner: str
) -> list[tuple[str, str, str]]:
    """(table, row id, owner field's stamp) of every live row about the member that
    `owner` holds, and of the attachments of those rows."""
    personal = [t.name for t in registry if t.scope is Scope.PERSONAL]
    r = row_state.c
    found = [
        (row.tbl, row.row_id)
        for row in conn.execute(
            select(r.tbl, r.row_id).where(
                r.member_id == member_id,
                r.owner_org == owner,
                r.deleted.is_(False),
                r.tbl.in_(personal),
            )
        )
    ]
    if ATTACHMENTS.name in registry and found:
        f = field_state.c
        names = sorted(value_json(row_id) for _tbl, row_id in found)
        attached: list[str] = []
        for part in _parts(names):
            # RECORD_NAMED: the very constants of the partial index field_state_record.
            attached += conn.execute(
                select(f.row_id).where(RECORD_NAMED, f.value.in_(part))
            ).scalars()
        for part in _parts(sorted(set(attached))):
            found += [
                (ATTACHMENTS.name, row_id)
                for row_id in conn.execute(
                    select(r.row_id).where(
                        r.tbl == ATTACHMENTS.name,
                        r.row_id.in_(part),
                        r.owner_org == owner,
                        r.deleted.is_(False),
                    )
                ).scalars()
            ]
    stamps: dict[tuple[str, str], str] = {}
    for tbl, ids in by_table(found):
        for row in conn.execute(
            select(field_state.c.row_id, field_state.c.hlc).where(
                field_state.c.tbl == tbl,
                field_state.c.row_id.in_(ids),
                field_state.c.col == OWNER,
            )
        ):
            stamps[(tbl, row.row_id)] = row.hlc
    return [(tbl, row_id, stamps.get((tbl, row_id), "")) for tbl, row_id in sorted(set(found))]


def _move(conn: Connection, registry: Registry, h: Handover, now_ms: int) -> Handover:
    assert h.member_id is not None and h.from_org is not None and h.to_org is not None
    rows = _member_rows(conn, registry, h.member_id, h.from_org)
    if not rows:
        # Already at the receiver (or never pushed): nothing to move, and never again.
        return _with(h, MOVED, "no records of the member were held by the sender")
    clock = hq_clock(conn)
    for _tbl, _row_id, stamp in rows:
        if stamp:
            clock.observe(stamp)  # HQ's change must win over the sender's last one
    moves = [
        Change(n, row_id, tbl, OWNER, h.to_org, str(clock.now()), stamp or None, None)
        for n, (tbl, row_id, stamp) in enumerate(rows, start=1)
    ]
    Batch(conn, HQ_DEVICE, None, now_ms=now_ms, registry=registry).apply(moves)
    seq = head(conn)
    log.info(
        "transfer handed over: %d records of a member moved to unit %s (seq %d)",
        len(rows),
        h.to_org,
        seq,
    )
    return Handover(
        h.tbl,
        h.receipt_id,
        MOVED,
        "",
        h.letter_id,
        h.member_id,
        h.from_org,
        h.to_org,
        len(rows),
        seq,
    )


def _remember(conn: Connection, h: Handover, known: bool, now_ms: int) -> None:
    values = {
        "letter_id": h.letter_id,
        "member_id": h.member_id,
        "from_org": h.from_org,
        "to_org": h.to_org,
        "outcome": h.outcome,
        "reason": h.reason or None,
        "rows_moved": h.rows_moved,
        "seq": h.seq,
        "updated_ms": now_ms,
    }
    if known:
        conn.execute(
            update(hq_handovers)
            .where(hq_handovers.c.tbl == h.tbl, hq_handovers.c.receipt_id == h.receipt_id)
            .values(**values)
        )
    else:
        conn.execute(insert(hq_handovers).values(tbl=h.tbl, receipt_id=h.receipt_id, **values))


def handovers(conn: Connection) -> list[Handover]:
    """Every receipt HQ has looked at, for the operator."""
    return [
        Handover(
            row.tbl,
            row.receipt_id,
            row.outcome,
            row.reason or "",
            row.letter_id,
            row.member_id,
            row.from_org,
            row.to_org,
            row.rows_moved,
            row.seq,
        )
        for row in conn.execute(select(hq_handovers).order_by(hq_handovers.c.updated_ms))
    ]
