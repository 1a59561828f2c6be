"""Per-field merge of accepted changes into HQ's state, with conflict records.

A batch (one push, or HQ's own edits of the org tree) is applied in one transaction that
holds the HQ sequence lock. Each change takes the next sequence number. A field keeps the
value with the highest HLC, whatever order changes arrive in, so every replica that
applies the same rule converges. When a change's base is not the field's current version
and the values differ, the edits were concurrent and the losing value is kept in
`conflicts`. A delete is final: edits the deleter could not have seen (stamped after the
delete) and edits that arrive for a deleted row are kept as conflicts of kind "delete".
A created row (one change, column ROW_CREATED) merges as that many field changes, all at
its stamp with no base, under its one sequence number.

Write scope is checked on each touched row as it was before the batch and as it is after
it; any refusal refuses the whole batch and nothing is written.

The lock is held as briefly as the rules allow: the fields of created rows, the check for
changes HQ already has and HQ's copy of the touched rows are all read before it is taken
(other pushes merge meanwhile on PostgreSQL). Once it is held, the changes committed since
those reads decide whether they still stand: if one touched the same rows, or came from
the same device (a push sent again), everything is read again under the lock.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
import psycopg
from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy import Table as Table_
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import BindParameter

from desktop.store.schema import REGISTRY, ROW_CREATED, Registry, Scope, Table
from desktop.sync.protocol import (
    AUDIENCE,
    DELETED,
    OWNER,
    Change,
    Rejected,
    Value,
    created_fields,
    value_json,
)
from hq.db import by_table, head, lock_sequence, store_sequence
from hq.errors import Refusal
from hq.scope import DeviceScope, Level, RowScope
from hq.tables import changes, conflicts, field_state, row_audience, row_state, scope_moves

log = logging.getLogger(__name__)

#: The origin of HQ's own changes (the org tree); its HLC node has the same name.
HQ_DEVICE = "hq"
_NULL = "null"
#: One side of a conflict: value (JSON text), hlc, author, device.
Side = tuple[str | None, str, str | None, str]
_CHUNK = 500


@dataclass
class FieldState:
    value: str | None
    hlc: str
    seq: int
    device: str
    author: str | None
    known: bool = True
    dirty: bool = False


@dataclass
class RowState:
    tbl: str
    row_id: str
    owner: str | None
    member: str | None
    audience: tuple[str, ...]
    deleted: bool
    created_hlc: str
    created_seq: int
    scope_seq: int | None
    known: bool = True
    dirty: bool = False
    audience_dirty: bool = False
    fields: dict[str, FieldState] = field(default_factory=dict)
    before: RowScope | None = None

    @property
    def scope(self) -> RowScope:
        return RowScope(self.owner, self.member, self.audience)


@dataclass(frozen=True)
class Outcome:
    accepted: int
    duplicates: int
    conflicts: int
    resolved: int


# Reads of a batch's rows, made once: the ids are bound when they run (an expanding
# parameter), where a list written into each statement would have SQLAlchemy coerce
# every id and make a new cache key, push after push.
_IDS: BindParameter[list[str]] = bindparam("ids", expanding=True)
#: Each row with its audience (one line per unit named), in one query.
_ROWS_WITH_AUDIENCE = (
    select(row_state, row_audience.c.unit)
    .select_from(
        row_state.outerjoin(
            row_audience,
            and_(
                row_audience.c.tbl == row_state.c.tbl,
                row_audience.c.row_id == row_state.c.row_id,
            ),
        )
    )
    .where(row_state.c.tbl == bindparam("tbl"), row_state.c.row_id.in_(_IDS))
)
# The same on PostgreSQL, row by row (LATERAL; OFFSET 0 keeps it so). A new HQ has no
# statistics until autovacuum's first analysis, a minute or more after its tables fill:
# meanwhile the planner took a table for a few rows, and matched the ids of `IN` against
# every row of the table (3.5 ms a push for 8,000 rows, growing with the table).
_ROWS_WITH_AUDIENCE_PG = (
    "SELECT found.tbl, found.row_id, found.owner_org, found.member_id, found.deleted, "
    "found.created_hlc, found.created_seq, found.scope_seq, row_audience.unit "
    "FROM unnest(CAST(%(ids)s AS TEXT[])) AS wanted(row_id) CROSS JOIN LATERAL ("
    "SELECT * FROM row_state WHERE tbl = %(tbl)s AND row_id = wanted.row_id OFFSET 0) AS found "
    "LEFT JOIN row_audience ON row_audience.tbl = found.tbl AND row_audience.row_id = found.row_id"
)
# Fields by row id alone, the table checked on each row read: with `tbl` in the query
# too, PostgreSQL without statistics yet (a new HQ) would rather scan the whole key.
_ROW_FIELDS = select(field_state).where(field_state.c.row_id.in_(_IDS))
_SOME_FIELDS = _ROW_FIELDS.where(field_state.c.col.in_(bindparam("cols", expanding=True)))


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Batch:
    """Applies one origin's changes; `scope` is None for HQ itself (no write checks)."""

    def __init__(
        self,
        conn: Connection,
        origin: str,
        scope: DeviceScope | None,
        *,
        now_ms: int,
        registry: Registry = REGISTRY,
    ) -> None:
        self.conn = conn
        self.origin = origin
        self.scope = scope
        self.now_ms = now_ms
        self.registry = registry
        self.rows: dict[tuple[str, str], RowState] = {}
        self.seq = 0
        self._changes: list[dict[str, Any]] = []
        self._moves: list[dict[str, Any]] = []
        self._conflicts: list[dict[str, Any]] = []
        self._touched: dict[tuple[str, str], list[int]] = {}
        # What `prepare` found, for `finish`.
        self._batch: Sequence[Change] = ()
        self._resolved: Sequence[int] = ()
        self._expanded: dict[int, list[tuple[Change, str]]] = {}
        self._read_at = 0
        self._fresh: list[Change] = []
        self._duplicates = 0
        self._ahead = False

    def apply(
        self,
        batch: Sequence[Change],
        resolved: Sequence[int] = (),
        *,
        commit: bool = False,
        created: Mapping[Change, Sequence[tuple[str, Value]]] | None = None,
    ) -> Outcome:
        """Merge `batch` (already checked against the registry, in device_seq order).
        `created` may give created rows' fields as `created_fields` returned them when
        the batch was checked (they are found again otherwise).

        `commit` lets the batch commit the connection's transaction as it writes, when
        the transaction holds nothing else (a push): on PostgreSQL the sequence lock is
        then released without a round trip more (see `_write_ahead`). Otherwise, or when
        the batch ends otherwise, the caller commits as usual."""
        self.prepare(batch, resolved, created=created)
        return self.finish(commit=commit)

    def prepare(
        self,
        batch: Sequence[Change],
        resolved: Sequence[int] = (),
        *,
        created: Mapping[Change, Sequence[tuple[str, Value]]] | None = None,
    ) -> None:
        """The work before the sequence lock: the created rows' fields, the changes HQ
        already has, HQ's copy of the touched rows and, on PostgreSQL, the merge on what
        was read. Several batches may be prepared in one transaction before any of them
        is finished (hq.pushes): each finds out when it is finished whether what it
        read still stands."""
        self._batch = batch
        self._resolved = resolved
        self._expanded = self._expand(batch, created or {})
        self._read_at = head(self.conn)
        self._fresh, self._duplicates = self._skip_duplicates(batch)
        self._load(self._fresh)
        self._ahead = self.conn.dialect.name == "postgresql" and not resolved
        if self._ahead:
            self.seq = self._read_at
            for change in self._fresh:
                self._merge(change, self._expanded)
            try:
                self._check_scope()
            except Refusal:
                # Maybe on a state that has changed since: decided under the lock.
                self._ahead = False
                self._forget()

    def finish(self, *, commit: bool = False) -> Outcome:
        """Take the sequence lock and write the prepared batch (merged again under the
        lock when what it read no longer stands)."""
        batch, fresh, duplicates = self._batch, self._fresh, self._duplicates
        read_at = self._read_at
        if self._ahead:
            done = self._write_prepared(commit=commit)
            if done is not None:
                return done
            self._forget()
            read_at = -1  # read everything again, under the lock
        elif self.conn.dialect.name == "postgresql" and not self._resolved:
            read_at = -1  # the merge ahead was refused: decide on what is read under the lock
        self.seq = lock_sequence(self.conn)
        if self.seq != read_at and (read_at < 0 or self._stale(read_at, batch)):
            self._forget()
            fresh, duplicates = self._skip_duplicates(batch)
            self._load(fresh)
        for change in fresh:
            self._merge(change, self._expanded)
        self._check_scope()
        resolutions = self._resolve(self._resolved)
        self._write()
        if resolutions:
            self.conn.execute(
                update(conflicts)
                .where(conflicts.c.id == bindparam("b_id"))
                .values(resolved_seq=bindparam("b_seq"), resolved_by=self.origin),
                resolutions,
            )
        store_sequence(self.conn, self.seq)
        return Outcome(len(fresh), duplicates, len(self._conflicts), len(resolutions))

    def _forget(self) -> None:
        self.rows.clear()
        self._changes.clear()
        self._moves.clear()
        self._conflicts.clear()
        self._touched.clear()

    # --- PostgreSQL: merged before the lock, written in one round trip under it ----------

    def _write_prepared(self, *, commit: bool) -> Outcome | None:
        """Write what was merged before the lock, numbered from `read_at` on, in one
        round trip that takes the lock, checks that those reads still stand, and shifts
        the numbers to where the sequence really is. None when the reads no longer
        stand: then nothing was written, and the batch is merged again under the lock
        on what is read then.

        Every push holds the lock while it writes; writing from here, with no Python
        between the statements, keeps that short whatever else the process is doing."""
        if not self._changes:
            return Outcome(0, self._duplicates, 0, 0)
        read_at = self._read_at
        ids = sorted({change.row_id for change in self._fresh})
        used = self.seq - read_at
        pending = self._pending()
        if not _write_ahead(self.conn, pending, read_at, used, self.origin, ids, commit=commit):
            return None
        return Outcome(len(self._fresh), self._duplicates, len(self._conflicts), 0)

    # --- before the lock ---------------------------------------------------------------

    def _expand(
        self, batch: Sequence[Change], created: Mapping[Change, Sequence[tuple[str, Value]]]
    ) -> dict[int, list[tuple[Change, str]]]:
        """Each created row (by id() of its change) as the field changes it is merged as,
        checked and normalised, with their values' JSON: work that needs no lock."""
        expanded = {}
        for change in batch:
            if change.col == ROW_CREATED:
                # Made directly: dataclasses.replace() costs several times as much, for
                # every field of every created row.
                seq, row_id, tbl, hlc, author = (
                    change.device_seq,
                    change.row_id,
                    change.tbl,
                    change.hlc,
                    change.author,
                )
                fields = created.get(change)
                if fields is None:
                    fields = created_fields(change, self.registry)
                expanded[id(change)] = [
                    (Change(seq, row_id, tbl, col, value, hlc, None, author), value_json(value))
                    for col, value in fields
                ]
        return expanded

    def _stale(self, read_at: int, batch: Sequence[Change]) -> bool:
        """Whether a change committed since `read_at` touched a row of the batch or came
        from its device: what was read before the lock may no longer be so."""
        c = changes.c
        touched = or_(c.device == self.origin, c.row_id.in_(sorted({x.row_id for x in batch})))
        found = self.conn.execute(
            select(c.seq).where(c.seq > read_at, c.seq <= self.seq, touched).limit(1)
        ).first()
        return found is not None

    # --- loading -----------------------------------------------------------------------

    def _skip_duplicates(self, batch: Sequence[Change]) -> tuple[list[Change], int]:
        """Changes HQ already has (a push sent again) are skipped, after checking that
        they are the same changes: a device_seq reused for another change means the
        device's data was restored from an older copy, and would silently lose edits."""
        seqs = [c.device_seq for c in batch]
        if not seqs or self.origin == HQ_DEVICE:
            return list(batch), 0
        c = changes.c
        seen: dict[int, tuple[int, str, str, str]] = {
            row.device_seq: (row.device_seq, row.row_id, row.col, row.hlc)
            for row in self.conn.execute(
                select(c.device_seq, c.row_id, c.col, c.hlc).where(
                    c.device == self.origin, c.device_seq.between(min(seqs), max(seqs))
                )
            )
        }
        fresh = []
        for change in batch:
            known = seen.get(change.device_seq)
            if known is None:
                fresh.append(change)
            elif known != (change.device_seq, change.row_id, change.col, change.hlc):
                raise Refusal(
                    409,
                    "sequence_reused",
                    "HQ already holds a different change with this number from this device: "
                    "its data was probably restored from an older copy. Enrol it again.",
                    rejected=(Rejected(change.device_seq, "sequence number reused"),),
                )
        return fresh, len(batch) - len(fresh)

    def _load(self, batch: Sequence[Change]) -> None:
        keys = sorted({(c.tbl, c.row_id) for c in batch})
        self.load_rows(keys)
        # Rows HQ does not have yet have no fields either.
        known = {key for key in keys if key in self.rows}
        # A delete needs every field of its row (edits it beats are kept as conflicts), and
        # so does a creation of a row HQ already has; an edit needs its field, and the
        # row's tombstone to lose to.
        whole = {(c.tbl, c.row_id) for c in batch if c.col in (DELETED, ROW_CREATED)} & known
        wanted = {(c.tbl, c.row_id, c.col) for c in batch} | {(*k, DELETED) for k in keys}
        queries: list[tuple[str, Select[Any], dict[str, list[str]]]] = [
            (tbl, _ROW_FIELDS, {"ids": ids}) for tbl, ids in by_table(whole)
        ]
        for tbl, ids in by_table(known - whole):
            cols = sorted({col for t, r, col in wanted if t == tbl})
            queries.append((tbl, _SOME_FIELDS, {"ids": ids, "cols": cols}))
        for tbl, query, params in queries:
            for row in self.conn.execute(query, params):
                state = self.rows.get((row.tbl, row.row_id))
                if state is not None and row.tbl == tbl:
                    state.fields[row.col] = FieldState(
                        row.value, row.hlc, row.seq, row.device, row.author
                    )

    def load_rows(self, keys: Sequence[tuple[str, str]]) -> None:
        wanted = set(keys) - set(self.rows)
        audiences: dict[tuple[str, str], list[str]] = {}
        postgres = self.conn.dialect.name == "postgresql"
        for tbl, ids in by_table(wanted):
            found = (
                self.conn.exec_driver_sql(_ROWS_WITH_AUDIENCE_PG, {"tbl": tbl, "ids": ids})
                if postgres
                else self.conn.execute(_ROWS_WITH_AUDIENCE, {"tbl": tbl, "ids": ids})
            )
            for row in found:
                key = (row.tbl, row.row_id)
                if key in wanted and key not in self.rows:
                    self.rows[key] = RowState(
                        row.tbl,
                        row.row_id,
                        row.owner_org,
                        row.member_id,
                        (),
                        bool(row.deleted),
                        row.created_hlc,
                        row.created_seq,
                        row.scope_seq,
                    )
                if row.unit is not None:
                    audiences.setdefault(key, []).append(row.unit)
        for key in wanted:
            state = self.rows.get(key)
            if state is not None:
                state.audience = tuple(sorted(audiences.get(key, ())))
                state.before = state.scope

    # --- merging -----------------------------------------------------------------------

    def _next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def _merge(self, change: Change, expanded: dict[int, list[tuple[Change, str]]]) -> None:
        table = self.registry[change.tbl]
        seq = self._next_seq()
        key = (change.tbl, change.row_id)
        self._touched.setdefault(key, []).append(change.device_seq)
        row = self.rows.get(key)
        if row is None:
            row = self._new_row(table, change, seq)
        vjson = value_json(change.value)
        self._changes.append(
            {
                "seq": seq,
                "device": self.origin,
                "device_seq": None if self.origin == HQ_DEVICE else change.device_seq,
                "row_id": change.row_id,
                "tbl": change.tbl,
                "col": change.col,
                "value": vjson,
                "hlc": change.hlc,
                "base_hlc": change.base_hlc,
                "author": change.author,
                "received_at": self.now_ms,
            }
        )
        if change.col == ROW_CREATED:
            # A created row is merged as that many field changes, one stamp, no base.
            for field_change, vjson in expanded[id(change)]:
                self._merge_field(row, field_change, seq, vjson)
        elif change.col == DELETED:
            self._delete(row, change, seq)
        else:
            self._merge_field(row, change, seq, vjson)

    def _merge_field(self, row: RowState, change: Change, seq: int, vjson: str) -> None:
        current = row.fields.get(change.col)
        current_value = current.value if current else _NULL
        if row.deleted:
            if vjson != current_value:
                tomb = row.fields.get(DELETED)
                self._conflict(
                    row, change, "delete", winner=_winner_of_delete(tomb), loser=None, seq=seq
                )
            return
        if current is None:
            # A field never set takes the first value that arrives: nothing is lost.
            self._set_field(row, change, vjson, seq)
            return
        # An insert's fields have no base: they were made at the row's creation.
        base = change.base_hlc or row.created_hlc
        concurrent = base != current.hlc and vjson != current_value
        if change.hlc <= current.hlc:
            if vjson != current_value:
                self._conflict(row, change, "edit", winner=current, loser=None, seq=seq)
            return
        if concurrent:
            self._conflict(row, change, "edit", winner=None, loser=current, seq=seq)
        self._set_field(row, change, vjson, seq)

    def _new_row(self, table: Table, change: Change, seq: int) -> RowState:
        member = change.row_id if table.member_column == "id" else None
        row = RowState(
            change.tbl,
            change.row_id,
            None,
            member,
            (),
            False,
            change.hlc,
            seq,
            None,
            known=False,
            dirty=True,
        )
        self.rows[(change.tbl, change.row_id)] = row
        return row

    def _set_field(self, row: RowState, change: Change, vjson: str, seq: int) -> None:
        old = row.fields.get(change.col)
        row.fields[change.col] = FieldState(
            vjson,
            change.hlc,
            seq,
            self.origin,
            change.author,
            known=old.known if old else False,
            dirty=True,
        )
        table = self.registry[row.tbl]
        moves = change.col in (OWNER, AUDIENCE) or (
            table.scope is Scope.PERSONAL and change.col == table.member_column
        )
        if not moves:
            return  # row_state holds nothing this changes
        row.dirty = True
        recorded = bool(self._moves) and self._moves[-1]["seq"] == seq
        if row.created_seq != seq and row.known and not recorded:
            # A row created in this batch has no past scope worth recording: no device
            # could have held it before. One change (a created row) records one move.
            self._moves.append(
                {
                    "seq": seq,
                    "tbl": row.tbl,
                    "row_id": row.row_id,
                    "old_owner": row.owner,
                    "old_member": row.member,
                    "old_audience": json.dumps(list(row.audience)),
                }
            )
            row.scope_seq = seq
        value = change.value
        if change.col == OWNER:
            row.owner = str(value)
        elif change.col == AUDIENCE:
            row.audience = tuple(sorted(json.loads(str(value))))
            row.audience_dirty = True
        else:
            row.member = None if value is None else str(value)

    def _delete(self, row: RowState, change: Change, seq: int) -> None:
        if row.deleted:
            return
        for col, state in sorted(row.fields.items()):
            if col != DELETED and state.hlc > change.hlc:
                # Stamped after the delete: the deleter cannot have seen this edit.
                self._conflict_values(
                    row,
                    col,
                    "delete",
                    winner=(None, change.hlc, change.author, self.origin),
                    loser=(state.value, state.hlc, state.author, state.device),
                    base=None,
                    seq=seq,
                )
        row.deleted = True
        row.dirty = True
        self._set_field(row, change, value_json(1), seq)

    def _conflict(
        self,
        row: RowState,
        change: Change,
        kind: str,
        *,
        winner: FieldState | Side | None,
        loser: FieldState | None,
        seq: int,
    ) -> None:
        mine: Side = (value_json(change.value), change.hlc, change.author, self.origin)
        win: Side
        lose: Side
        if winner is None and loser is not None:
            win, lose = mine, (loser.value, loser.hlc, loser.author, loser.device)
        elif isinstance(winner, FieldState):
            win, lose = (winner.value, winner.hlc, winner.author, winner.device), mine
        else:
            assert winner is not None
            win, lose = winner, mine
        self._conflict_values(
            row, change.col, kind, winner=win, loser=lose, base=change.base_hlc, seq=seq
        )

    def _conflict_values(
        self,
        row: RowState,
        col: str,
        kind: str,
        *,
        winner: Side,
        loser: Side,
        base: str | None,
        seq: int,
    ) -> None:
        self._conflicts.append(
            {
                "tbl": row.tbl,
                "row_id": row.row_id,
                "col": col,
                "kind": kind,
                "winner_value": winner[0],
                "winner_hlc": winner[1],
                "winner_author": winner[2],
                "winner_device": winner[3],
                "loser_value": loser[0],
                "loser_hlc": loser[1],
                "loser_author": loser[2],
                "loser_device": loser[3],
                "base_hlc": base,
                "created_seq": seq,
            }
        )

    # --- checking ----------------------------------------------------------------------

    def _check_scope(self) -> None:
        missing: list[Rejected] = []
        forbidden: list[Rejected] = []
        for key, seqs in self._touched.items():
            row = self.rows[key]
            if row.owner is None:
                missing += [
                    Rejected(
                        s,
                        f"{row.tbl} {row.row_id} is not known at HQ and the push "
                        "does not say which unit owns it",
                    )
                    for s in seqs
                ]
                continue
            if self.scope is None:
                continue
            refusal = self.scope.write_refusal(self.registry[row.tbl], row.before, row.scope)
            if refusal is not None:
                forbidden += [Rejected(s, f"{row.tbl} {row.row_id}: {refusal}") for s in seqs]
        if missing:
            raise Refusal(422, "unknown_row", missing[0].reason, rejected=tuple(missing))
        if forbidden:
            raise Refusal(
                403, "out_of_scope", forbidden[0].reason, rejected=tuple(sorted(forbidden))
            )

    def _resolve(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        """Mark reviewed conflicts resolved; each resolution takes a sequence number so
        that it reaches the other officers' devices."""
        if not ids:
            return []
        if self.scope is None:
            raise ValueError("HQ resolves no conflicts itself")
        found = {
            row.id: row
            for part in _chunks(sorted(set(ids)))
            for row in self.conn.execute(
                select(
                    conflicts.c.id, conflicts.c.tbl, conflicts.c.row_id, conflicts.c.resolved_seq
                ).where(conflicts.c.id.in_(part))
            )
        }
        unknown = sorted(set(ids) - set(found))
        if unknown:
            raise Refusal(422, "unknown_conflict", f"conflict {unknown[0]} is not known at HQ")
        keys = [(row.tbl, row.row_id) for row in found.values()]
        self.load_rows([k for k in keys if k not in self.rows])
        out = []
        for conflict_id, row in sorted(found.items()):
            state = self.rows.get((row.tbl, row.row_id))
            if state is None or state.owner is None:
                raise Refusal(422, "unknown_conflict", f"conflict {conflict_id} has no record")
            table = self.registry[row.tbl]
            if (
                self.scope.level is not Level.OFFICER
                or self.scope.write_refusal(table, state.before or state.scope, state.scope)
                is not None
            ):
                raise Refusal(
                    403, "out_of_scope", f"conflict {conflict_id} is outside this device's scope"
                )
            if row.resolved_seq is None:
                seq = self._next_seq()
                out.append({"b_id": conflict_id, "b_seq": seq})
        return out

    # --- writing -----------------------------------------------------------------------

    def _pending(self) -> Pending:
        """Everything the batch writes, table by table."""
        out = Pending(self._changes, moves=self._moves, conflicts=self._conflicts)
        for row in self.rows.values():
            for col, state in row.fields.items():
                if not state.dirty:
                    continue
                values = {
                    "b_tbl": row.tbl,
                    "b_row_id": row.row_id,
                    "b_col": col,
                    "b_value": state.value,
                    "b_hlc": state.hlc,
                    "b_seq": state.seq,
                    "b_device": state.device,
                    "b_author": state.author,
                }
                (out.old_fields if state.known else out.new_fields).append(values)
            if row.dirty:
                values_row = {
                    "b_tbl": row.tbl,
                    "b_row_id": row.row_id,
                    "b_owner_org": row.owner,
                    "b_member_id": row.member,
                    "b_deleted": row.deleted,
                    "b_created_hlc": row.created_hlc,
                    "b_created_seq": row.created_seq,
                    "b_scope_seq": row.scope_seq,
                }
                (out.old_rows if row.known else out.new_rows).append(values_row)
            if row.audience_dirty:
                if row.known:
                    out.audience_reset.append((row.tbl, row.row_id))
                out.audience_rows += [
                    {"tbl": row.tbl, "row_id": row.row_id, "unit": unit} for unit in row.audience
                ]
        return out

    def _write(self) -> None:
        conn = self.conn
        pending = self._pending()
        if pending.changes:
            conn.execute(insert(changes), pending.changes)
        _save_state(
            conn,
            field_state,
            ("tbl", "row_id", "col"),
            ("value", "hlc", "seq", "device", "author"),
            pending.new_fields,
            pending.old_fields,
        )
        _save_state(
            conn,
            row_state,
            ("tbl", "row_id"),
            ("owner_org", "member_id", "deleted", "scope_seq"),
            pending.new_rows,
            pending.old_rows,
            insert_only=("created_hlc", "created_seq"),
        )
        for tbl, ids in by_table(pending.audience_reset):
            conn.execute(
                delete(row_audience).where(
                    row_audience.c.tbl == tbl, row_audience.c.row_id.in_(ids)
                )
            )
        if pending.audience_rows:
            conn.execute(insert(row_audience), pending.audience_rows)
        if pending.moves:
            conn.execute(insert(scope_moves), pending.moves)
        if pending.conflicts:
            conn.execute(insert(conflicts), pending.conflicts)


@dataclass
class Pending:
    """A batch's writes: rows of each table (state tables' parameters are prefixed b_)."""

    changes: list[dict[str, Any]]
    new_fields: list[dict[str, Any]] = field(default_factory=list)
    old_fields: list[dict[str, Any]] = field(default_factory=list)
    new_rows: list[dict[str, Any]] = field(default_factory=list)
    old_rows: list[dict[str, Any]] = field(default_factory=list)
    audience_reset: list[tuple[str, str]] = field(default_factory=list)
    audience_rows: list[dict[str, str]] = field(default_factory=list)
    moves: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def _save_state(
    conn: Connection,
    table: Table_,
    keys: tuple[str, ...],
    columns: tuple[str, ...],
    new: list[dict[str, Any]],
    known: list[dict[str, Any]],
    *,
    insert_only: tuple[str, ...] = (),
) -> None:
    """Insert the new rows of a state table and update the known ones, one executemany
    each; a row's parameters are its column names prefixed with `b_`."""

    def bound(names: Iterable[str]) -> dict[str, Any]:
        return {name: bindparam(f"b_{name}") for name in names}

    if new:
        conn.execute(insert(table).values(**bound((*keys, *insert_only, *columns))), new)
    if known:
        skip = {f"b_{name}" for name in insert_only}
        conn.execute(
            update(table)
            .where(*(table.c[k] == bindparam(f"b_{k}") for k in keys))
            .values(**bound(columns)),
            [{k: v for k, v in row.items() if k not in skip} for row in known],
        )


def _winner_of_delete(tomb: FieldState | None) -> Side:
    if tomb is None:
        raise RuntimeError("a deleted row without its _deleted field")
    return (None, tomb.hlc, tomb.author, tomb.device)


# --- PostgreSQL: a batch's writes in one round trip ----------------------------------------

_SAVEPOINT = "lianxin_batch"
_LOCK = "SELECT value FROM counters WHERE name = 'seq' FOR UPDATE"
#: Fails (division by zero, _STALE_ERROR) when a change committed since the batch's reads
#: touched its rows or came from its device: each statement of the round trip sees what
#: was committed before it began, so this one sees every push the lock waited for. An
#: error, not a result, because the statements after it, up to the commit, must then not
#: run, and the round trip cannot wait for the client to say so. (Plain SQL has no
#: RAISE; the divisor comes from a query, so the planner cannot fold it in advance.)
_FRESH = (
    "SELECT 1 / (1 - (EXISTS (SELECT 1 FROM changes WHERE seq > %(read_at)s "
    "AND seq <= (SELECT value FROM counters WHERE name = 'seq') "
    "AND (device = %(origin)s OR row_id = ANY(%(ids)b::text[]))))::int)"
)
_STALE_ERROR = psycopg.errors.DivisionByZero
#: How far the batch's numbers (counted from read_at) move: to where the sequence is.
_SHIFT = "(SELECT value - %(read_at)s AS shift FROM counters WHERE name = 'seq') AS s"
_NEW_SEQ = "v.seq + s.shift"
#: A number that may be the batch's (above read_at) or one HQ already had.
_ANY_SEQ = "CASE WHEN v.{0} > %(read_at)s THEN v.{0} + s.shift ELSE v.{0} END"


def _rows(columns: Sequence[tuple[str, str]], prefix: str = "") -> str:
    """A statement's rows as `v`, with a column of each name, from one JSON parameter
    `rows`: an array of objects keyed by `prefix` and the column names (other keys are
    ignored). psycopg passes a JSON text as it is; arrays, one per column, cost it a
    Python loop over every value."""
    typed = ", ".join(f"{prefix}{name} {kind}" for name, kind in columns)
    if not prefix:
        return f"json_to_recordset(%(rows)s::json) AS v({typed})"
    named = ", ".join(f"{prefix}{name} AS {name}" for name, _ in columns)
    return f"(SELECT {named} FROM json_to_recordset(%(rows)s::json) AS j({typed})) AS v"


def _insert(
    table: str, columns: Sequence[tuple[str, str]], shifted: dict[str, str], prefix: str = ""
) -> str:
    values = ", ".join(shifted.get(name, f"v.{name}") for name, _ in columns)
    names = ", ".join(name for name, _ in columns)
    return f"INSERT INTO {table} ({names}) SELECT {values} FROM {_rows(columns, prefix)}, {_SHIFT}"


_CHANGE_COLUMNS = (
    ("seq", "bigint"),
    ("device", "text"),
    ("device_seq", "bigint"),
    ("row_id", "text"),
    ("tbl", "text"),
    ("col", "text"),
    ("value", "text"),
    ("hlc", "text"),
    ("base_hlc", "text"),
    ("author", "text"),
    ("received_at", "bigint"),
)
_FIELD_COLUMNS = (
    ("tbl", "text"),
    ("row_id", "text"),
    ("col", "text"),
    ("value", "text"),
    ("hlc", "text"),
    ("seq", "bigint"),
    ("device", "text"),
    ("author", "text"),
)
_ROW_COLUMNS = (
    ("tbl", "text"),
    ("row_id", "text"),
    ("owner_org", "text"),
    ("member_id", "text"),
    ("deleted", "boolean"),
    ("created_hlc", "text"),
    ("created_seq", "bigint"),
    ("scope_seq", "bigint"),
)
_MOVE_COLUMNS = (
    ("seq", "bigint"),
    ("tbl", "text"),
    ("row_id", "text"),
    ("old_owner", "text"),
    ("old_member", "text"),
    ("old_audience", "text"),
)
_CONFLICT_COLUMNS = tuple(
    (name, "bigint" if name == "created_seq" else "text")
    for name in (
        "tbl",
        "row_id",
        "col",
        "kind",
        "winner_value",
        "winner_hlc",
        "winner_author",
        "winner_device",
        "loser_value",
        "loser_hlc",
        "loser_author",
        "loser_device",
        "base_hlc",
        "created_seq",
    )
)
_AUDIENCE_COLUMNS = (("tbl", "text"), ("row_id", "text"), ("unit", "text"))

_INSERT_CHANGES = _insert("changes", _CHANGE_COLUMNS, {"seq": _NEW_SEQ})
_INSERT_FIELDS = _insert("field_state", _FIELD_COLUMNS, {"seq": _NEW_SEQ}, "b_")
_UPDATE_FIELDS = (
    "UPDATE field_state AS f SET value = v.value, hlc = v.hlc, seq = v.seq + s.shift, "
    f"device = v.device, author = v.author FROM {_rows(_FIELD_COLUMNS, 'b_')}, {_SHIFT} "
    "WHERE f.tbl = v.tbl AND f.row_id = v.row_id AND f.col = v.col"
)
_INSERT_ROWS = _insert(
    "row_state",
    _ROW_COLUMNS,
    {"created_seq": "v.created_seq + s.shift", "scope_seq": _ANY_SEQ.format("scope_seq")},
    "b_",
)
_UPDATE_ROWS = (
    "UPDATE row_state AS r SET owner_org = v.owner_org, member_id = v.member_id, "
    f"deleted = v.deleted, scope_seq = {_ANY_SEQ.format('scope_seq')} "
    f"FROM {_rows(_ROW_COLUMNS, 'b_')}, {_SHIFT} WHERE r.tbl = v.tbl AND r.row_id = v.row_id"
)
_RESET_AUDIENCES = (
    "DELETE FROM row_audience WHERE (tbl, row_id) IN "
    f"(SELECT v.tbl, v.row_id FROM {_rows(_AUDIENCE_COLUMNS[:2])})"
)
_INSERT_AUDIENCES = (
    "INSERT INTO row_audience (tbl, row_id, unit) SELECT v.tbl, v.row_id, v.unit "
    f"FROM {_rows(_AUDIENCE_COLUMNS)}"
)
_INSERT_MOVES = _insert("scope_moves", _MOVE_COLUMNS, {"seq": _NEW_SEQ})
_INSERT_CONFLICTS = _insert(
    "conflicts", _CONFLICT_COLUMNS, {"created_seq": "v.created_seq + s.shift"}
)
_ADVANCE = "UPDATE counters SET value = value + %(used)s WHERE name = 'seq'"


def _rows_json(rows: Sequence[dict[str, Any]]) -> str:
    """The `rows` parameter of a `_rows` statement."""
    return orjson.dumps(rows).decode("utf-8")


def _write_ahead(
    conn: Connection,
    pending: Pending,
    read_at: int,
    used: int,
    origin: str,
    ids: list[str],
    *,
    commit: bool,
) -> bool:
    """Take the sequence lock, check that nothing the batch read has changed since
    `read_at`, and write the batch with its numbers moved into place, in one round trip
    (a psycopg pipeline); with `commit`, commit the transaction in it too. False, with
    nothing written but the lock held (and the transaction open), when something has
    changed.

    Committing in the round trip releases the lock as soon as PostgreSQL has written
    the batch. Otherwise the lock stays held until this thread has read the answers and
    sent COMMIT, which first means getting the GIL back from the process's other
    request threads: under load that wait, not the writing, was most of the time every
    other push waited for the lock."""
    raw = conn.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    statements: list[tuple[str, dict[str, Any]]] = []
    for sql, rows in (
        (_INSERT_CHANGES, pending.changes),
        (_INSERT_FIELDS, pending.new_fields),
        (_UPDATE_FIELDS, pending.old_fields),
        (_INSERT_ROWS, pending.new_rows),
        (_UPDATE_ROWS, pending.old_rows),
        (_INSERT_MOVES, pending.moves),
        (_INSERT_CONFLICTS, pending.conflicts),
    ):
        if rows:
            statements.append((sql, {"rows": _rows_json(rows), "read_at": read_at}))
    if pending.audience_reset:
        reset = [{"tbl": tbl, "row_id": row_id} for tbl, row_id in pending.audience_reset]
        statements.append((_RESET_AUDIENCES, {"rows": _rows_json(reset)}))
    if pending.audience_rows:
        statements.append((_INSERT_AUDIENCES, {"rows": _rows_json(pending.audience_rows)}))
    statements.append((_ADVANCE, {"used": used}))
    if commit:
        statements.append(("COMMIT", {}))
    cursor = raw.cursor()
    try:
        try:
            # An error skips the rest of the pipeline, the commit included.
            with raw.pipeline():
                cursor.execute(_LOCK)
                cursor.execute(f"SAVEPOINT {_SAVEPOINT}")
                cursor.execute(_FRESH, {"read_at": read_at, "origin": origin, "ids": ids})
                for sql, params in statements:
                    cursor.execute(sql, params)
            return True
        except (_STALE_ERROR, psycopg.errors.IntegrityError):
            # Stale reads, or a write they got wrong (a key HQ has since been given):
            # nothing of the batch stays, the lock does.
            cursor.execute(f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}")
            return False
    finally:
        cursor.close()
