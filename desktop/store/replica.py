"""This device's side of sync, in store terms: the outbox as it leaves, changes from
other devices as they arrive, rows that leave this device's scope.

Arriving fields merge by the same rule as at HQ: a field takes the incoming value only
when its stamp is above the version this device holds, so applying a page twice, or
pages out of order, leaves the same state. Applied changes are written to the change log
(device_seq NULL: never sent again) and sealed into the audit trail with the local ones.
Nothing here knows the wire format; desktop.sync maps messages onto these calls.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.store import meta, search_backlog
from desktop.store import search as search_keys
from desktop.store.records import UNSEALED, ChangeRow, Records
from desktop.store.schema import ROW_CREATED, Scope, Table, canonical_json, encode_row

log = logging.getLogger(__name__)

#: changes.acked: waiting, stored at HQ, replaced at enrolment, refused by HQ.
PENDING, ACKED, REPLACED, REFUSED = 0, 1, 2, 3
DELETED = "_deleted"
_SYSTEM_FIELDS = ("owner_org", "audience")
_CHUNK = 500


class FieldVersion(Protocol):
    """A field as another replica holds it (the wire's pulled fields have this shape)."""

    @property
    def col(self) -> str: ...
    @property
    def value(self) -> Any: ...
    @property
    def hlc(self) -> str: ...
    @property
    def device(self) -> str: ...
    @property
    def author(self) -> str | None: ...


class SharedStamp(Protocol):
    """Fields that share one stamp, as a mapping of column to value (the wire's
    `Stamped` has this shape)."""

    @property
    def hlc(self) -> str: ...
    @property
    def device(self) -> str: ...
    @property
    def author(self) -> str | None: ...
    @property
    def values(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class IncomingField:
    col: str
    value: Any
    hlc: str
    device: str
    author: str | None


@dataclass(frozen=True, slots=True)
class IncomingRow:
    """A row's fields as another replica holds them. `created_hlc` is set when the row
    comes whole (new to this device); then fields not listed are empty.

    The row's fields are `fields` and those in `stamped`: fields sharing one stamp may
    come that way, without an object each (a first pull's rows do)."""

    tbl: str
    row_id: str
    created_hlc: str | None
    fields: Sequence[FieldVersion] = ()
    stamped: SharedStamp | None = None

    def all_fields(self) -> Sequence[FieldVersion]:
        """Every field, one object each."""
        s = self.stamped
        if s is None:
            return self.fields
        return [
            *self.fields,
            *(IncomingField(col, v, s.hlc, s.device, s.author) for col, v in s.values.items()),
        ]


@dataclass
class Applied:
    rows_created: int = 0
    fields_applied: int = 0
    fields_older: int = 0
    rows_missing: int = 0
    removed: int = 0


class Replica:
    """Sync-facing operations on an open store; every call runs inside
    `records.transaction()`, which the caller holds for one whole page."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.db = records.db
        self.registry = records.registry

    # --- the outbox ---------------------------------------------------------------------

    def outbox(self, after: int, limit: int) -> list[tuple[Any, ...]]:
        """Up to `limit` waiting changes with device_seq above `after`:
        (device_seq, row_id, tbl, col, value, hlc, base_hlc, author)."""
        return self.db.query(
            "SELECT device_seq, row_id, tbl, col, value, hlc, base_hlc, author FROM changes "
            "WHERE device_seq > ? AND device_seq IS NOT NULL AND acked = 0 "
            "ORDER BY device_seq LIMIT ?",
            (after, limit),
        )

    def outbox_count(self) -> int:
        return int(
            self.db.scalar(
                "SELECT count(*) FROM changes WHERE device_seq IS NOT NULL AND acked = 0"
            )
        )

    def acknowledge(self, through: int) -> int:
        """HQ holds every change up to `through`: they leave the outbox."""
        cursor = self.db.execute(
            "UPDATE changes SET acked = ? WHERE device_seq IS NOT NULL AND device_seq <= ? "
            "AND acked = ?",
            (ACKED, through, PENDING),
        )
        return int(cursor.rowcount)

    def set_aside(self, refused: Iterable[tuple[int, str]], at: str) -> int:
        """Changes HQ refused: kept (never dropped), never sent again, shown to officers."""
        count = 0
        for device_seq, reason in refused:
            cursor = self.db.execute(
                "UPDATE changes SET acked = ? WHERE device_seq = ? AND acked = ?",
                (REFUSED, device_seq, PENDING),
            )
            if cursor.rowcount:
                self.db.execute(
                    "INSERT OR REPLACE INTO sync_refused(device_seq, reason, at) VALUES (?, ?, ?)",
                    (device_seq, reason[:1000], at),
                )
                count += 1
        return count

    def refused(self) -> list[tuple[Any, ...]]:
        """(device_seq, tbl, row_id, col, value, hlc, reason, at), newest first."""
        return self.db.query(
            "SELECT c.device_seq, c.tbl, c.row_id, c.col, c.value, c.hlc, r.reason, r.at "
            "FROM sync_refused r JOIN changes c ON c.device_seq = r.device_seq "
            "ORDER BY r.device_seq DESC"
        )

    def pending_rows(self, row_ids: Sequence[str]) -> dict[str, int]:
        """For each row with changes not yet at HQ: its lowest state (pending or refused)."""
        out: dict[str, int] = {}
        for start in range(0, len(row_ids), _CHUNK):
            chunk = list(row_ids[start : start + _CHUNK])
            for row_id, state in self.db.query(
                "SELECT row_id, max(acked) FROM changes WHERE device_seq IS NOT NULL "
                f"AND acked IN (0, 3) AND row_id IN ({', '.join('?' * len(chunk))}) "
                "GROUP BY row_id",
                chunk,
            ):
                out[row_id] = int(state)
        return out

    # --- arriving changes --------------------------------------------------------------

    def apply(self, rows: Sequence[IncomingRow], *, defer_search: bool = False) -> Applied:
        """Merge fields from HQ into local rows (highest stamp wins, per field).

        With `defer_search` (a first pull), new rows get no search entries here: they
        wait for `search_backlog.complete`, which indexes them all at once."""
        outcome = Applied()
        newest = ""
        by_table: dict[str, list[IncomingRow]] = {}
        for row in rows:
            by_table.setdefault(row.tbl, []).append(row)
            if row.stamped is not None and row.stamped.hlc > newest:
                newest = row.stamped.hlc
            for f in row.fields:
                newest = max(newest, f.hlc)
        if newest:
            self.records.clock.observe(newest)
        for tbl, items in by_table.items():
            table = self.registry[tbl]
            if table.scope is Scope.LOCAL:
                raise ValueError(f"{tbl} is never synced")
            for start in range(0, len(items), _CHUNK):
                self._apply_chunk(table, items[start : start + _CHUNK], outcome, defer_search)
        return outcome

    def _held(
        self, t: Table, names: Sequence[str], ids: Sequence[str]
    ) -> dict[str, dict[str, Any]]:
        """The local state of those of these rows this device holds, by id."""
        select = ", ".join(("_rowid", "id", "_deleted", "_created", "_v", *_SYSTEM_FIELDS, *names))
        cursor = self.db.execute(
            f"SELECT {select} FROM {t.name} WHERE id IN ({', '.join('?' * len(ids))})", ids
        )
        header = [d[0] for d in cursor.description]
        held: dict[str, dict[str, Any]] = {}
        for values in cursor.fetchall():
            record = dict(zip(header, values, strict=True))
            held[record["id"]] = record
        return held

    def _apply_chunk(
        self, t: Table, rows: Sequence[IncomingRow], outcome: Applied, defer_search: bool
    ) -> None:
        names = [c.name for c in t.columns]
        held = self._held(t, names, [r.row_id for r in rows])
        known = frozenset(("owner_org", "audience", DELETED, *names))
        # What a row new to this device may carry to take the fast way in (a tombstone,
        # an unknown field, or fields of several stamps take the general one).
        plain = known - {DELETED}
        search_at = [(c.search, c.name) for c in t.searchable if c.search]
        document = search_keys.document
        new_rows: list[tuple[Any, ...]] = []
        fts_new: list[tuple[int, str]] = []
        # Rows created by this chunk: written together at its end (or before one of them
        # comes again in it, so that the merge finds it in the table).
        created_here: set[str] = set()
        created = 0
        next_rowid = int(self.db.scalar(f"SELECT coalesce(max(_rowid), 0) FROM {t.name}")) + 1
        # Rows from this number up have no search entries yet (see search_backlog): new
        # ones join them, and edits to them leave the index alone.
        unindexed = search_backlog.pending_from(self.db, t.name) if search_at else None
        if search_at and defer_search and unindexed is None:
            unindexed = next_rowid
            search_backlog.defer(self.db, t.name, unindexed)
        if unindexed is not None:
            search_at = []
        log_rows = self.records.received
        tbl = t.name
        for row in rows:
            row_id = row.row_id
            if row_id in created_here:
                self._insert_new(t, names, new_rows, fts_new)
                created_here.clear()
                held.update(self._held(t, names, [row_id]))
            current = held.get(row_id)
            stamped = row.stamped
            if (
                current is None
                and stamped is not None
                and not row.fields
                and stamped.hlc == row.created_hlc
                and stamped.values.keys() <= plain
            ):
                # A row new to this device, created once and never edited since (every
                # row of a first pull): its fields, its search document and its one
                # creation change straight from the values, no object per field.
                values = stamped.values
                owner = values.get("owner_org")
                if owner is None:
                    log.warning("a row of %s arrived without its owner; skipped", tbl)
                    outcome.rows_missing += 1
                    continue
                stamp = stamped.hlc
                new_rows.append(
                    (
                        next_rowid,
                        row_id,
                        owner,
                        values.get("audience", "[]"),
                        0,
                        stamp,
                        stamp,
                        "{}",
                        *map(values.get, names),
                    )
                )
                if search_at:
                    fts_new.append(
                        (next_rowid, document([(k, values.get(n)) for k, n in search_at]))
                    )
                log_rows.append(
                    (
                        row_id,
                        tbl,
                        ROW_CREATED,
                        encode_row(values),
                        stamp,
                        None,
                        stamped.author,
                        stamped.device,
                        None,
                    )
                )
                next_rowid += 1
                created_here.add(row_id)
                created += 1
                continue
            all_fields = row.all_fields()
            fields = [f for f in all_fields if f.col in known]
            if len(fields) != len(all_fields):
                # A newer Lianxin's field: the schema check at HQ makes this rare; skip it.
                log.warning("ignored unknown fields of %s", tbl)
            if current is not None:
                self._merge_fields(t, current, row, fields, outcome, log_rows, unindexed)
                continue
            if row.created_hlc is None:
                outcome.rows_missing += 1
                continue
            new = self._new_row(t, names, row, fields)
            if new is None:
                # A row deleted before this device ever saw it: HQ sends only its
                # tombstone, and there is nothing to keep.
                if not any(f.col == DELETED for f in fields):
                    log.warning("a row of %s arrived without its owner; skipped", tbl)
                outcome.rows_missing += 1
                continue
            db_row, deleted = new
            new_rows.append((next_rowid, *db_row))
            if search_at and not deleted:
                values = dict(zip(names, db_row[7:], strict=True))
                fts_new.append((next_rowid, document((k, values[n]) for k, n in search_at)))
            self._log_created(log_rows, tbl, row, fields)
            next_rowid += 1
            created_here.add(row_id)
            created += 1
        self._insert_new(t, names, new_rows, fts_new)
        outcome.rows_created += created
        self.records.touched(tbl, inserted=created)

    @staticmethod
    def _new_row(
        t: Table, names: Sequence[str], row: IncomingRow, fields: Sequence[FieldVersion]
    ) -> tuple[tuple[Any, ...], int] | None:
        """A row new to this device as its table stores it (without its row number), and
        whether it is deleted; None when it has no owner (nothing to keep)."""
        assert row.created_hlc is not None
        values: dict[str, Any] = dict.fromkeys(names)
        values["owner_org"] = None
        values["audience"] = "[]"
        versions: dict[str, str] = {}
        deleted = 0
        latest = row.created_hlc
        for f in fields:
            if f.col == DELETED:
                deleted = 1
            else:
                values[f.col] = f.value
            if f.hlc != row.created_hlc:
                versions[f.col] = f.hlc
            latest = max(latest, f.hlc)
        if values["owner_org"] is None:
            return None
        db_row = (
            row.row_id,
            values["owner_org"],
            values["audience"],
            deleted,
            row.created_hlc,
            latest,
            canonical_json(versions),
            *(values[n] for n in names),
        )
        return db_row, deleted

    def _insert_new(
        self,
        t: Table,
        names: Sequence[str],
        new_rows: list[tuple[Any, ...]],
        fts_new: list[tuple[int, str]],
    ) -> None:
        """Write the rows gathered so far (and empty the lists for more)."""
        if new_rows:
            placeholders = ", ".join("?" * (8 + len(names)))
            self.db.executemany(
                f"INSERT INTO {t.name} (_rowid, id, owner_org, audience, _deleted, _created, "
                f"_hlc, _v{''.join(', ' + n for n in names)}) VALUES ({placeholders})",
                new_rows,
            )
            new_rows.clear()
        if fts_new:
            self.db.executemany(f"INSERT INTO {t.fts_table}(rowid, terms) VALUES (?, ?)", fts_new)
            fts_new.clear()

    def _merge_fields(
        self,
        t: Table,
        current: dict[str, Any],
        row: IncomingRow,
        fields: Sequence[FieldVersion],
        outcome: Applied,
        log_rows: list[ChangeRow],
        unindexed: int | None,
    ) -> None:
        versions: dict[str, str] = json.loads(current["_v"])
        created = current["_created"]
        changed: dict[str, Any] = {}
        latest = ""
        for f in fields:
            held = versions.get(f.col, created)
            if f.hlc <= held:
                outcome.fields_older += 1
                continue
            versions[f.col] = f.hlc
            changed[f.col] = 1 if f.col == DELETED else f.value
            latest = max(latest, f.hlc)
            log_rows.append(
                (row.row_id, t.name, f.col, changed[f.col], f.hlc, None, f.author, f.device, None)
            )
            outcome.fields_applied += 1
        if not changed:
            return
        sets = ", ".join(f"{name} = ?" for name in changed)
        self.db.execute(
            f"UPDATE {t.name} SET {sets}, _hlc = max(_hlc, ?), _v = ? WHERE _rowid = ?",
            (*changed.values(), latest, canonical_json(versions), current["_rowid"]),
        )
        current.update(changed)
        current["_v"] = canonical_json(versions)
        rowid = current["_rowid"]
        indexed = unindexed is None or rowid < unindexed
        if (
            t.searchable
            and indexed
            and (DELETED in changed or any(t.column(n).search for n in changed if t.has_column(n)))
        ):
            self.db.execute(f"DELETE FROM {t.fts_table} WHERE rowid = ?", (rowid,))
            if not current[DELETED] and DELETED not in changed:
                document = search_keys.document(
                    (c.search, current.get(c.name)) for c in t.searchable if c.search
                )
                self.db.execute(
                    f"INSERT INTO {t.fts_table}(rowid, terms) VALUES (?, ?)", (rowid, document)
                )
        if DELETED in changed:
            current[DELETED] = 1
            self.records.touched(t.name, deleted=1)
        else:
            self.records.touched(t.name, updated=1)

    @staticmethod
    def _log_created(
        log_rows: list[ChangeRow], tbl: str, row: IncomingRow, fields: Sequence[FieldVersion]
    ) -> None:
        """A row new to this device is logged as its creation plus any later field edits."""
        assert row.created_hlc is not None
        first = [f for f in fields if f.hlc == row.created_hlc and f.col != DELETED]
        rest = [f for f in fields if f.hlc != row.created_hlc or f.col == DELETED]
        if first:
            origin = first[0]
            log_rows.append(
                (
                    row.row_id,
                    tbl,
                    ROW_CREATED,
                    encode_row({f.col: f.value for f in first}),
                    row.created_hlc,
                    None,
                    origin.author,
                    origin.device,
                    None,
                )
            )
        for f in rest:
            value = 1 if f.col == DELETED else f.value
            log_rows.append((row.row_id, tbl, f.col, value, f.hlc, None, f.author, f.device, None))

    # --- rows leaving scope ---------------------------------------------------------------

    def remove(self, refs: Iterable[tuple[str, str]]) -> int:
        """Rows that left this device's scope (a member transferred away): the local copy
        goes, and so do its search entries. This is not a delete: nothing is sent."""
        removed = 0
        for tbl, row_id in refs:
            if tbl not in self.registry:
                continue
            t = self.registry[tbl]
            rowid = self.db.scalar(f"SELECT _rowid FROM {t.name} WHERE id = ?", (row_id,))
            if rowid is None:
                continue
            if search_backlog.is_indexed(self.db, t, rowid):
                self.db.execute(f"DELETE FROM {t.fts_table} WHERE rowid = ?", (rowid,))
            self.db.execute(f"DELETE FROM {t.name} WHERE _rowid = ?", (rowid,))
            self.records.touched(t.name, deleted=1)
            removed += 1
        return removed

    # --- joining HQ -------------------------------------------------------------------

    def join(self, hq_org: str) -> int:
        """Make this vault's data HQ's: at enrolment, the org units made at first run are
        replaced by HQ's (which arrive with the first pull) and every row they owned is
        re-owned by `hq_org`. Changes waiting in the outbox were written against units HQ
        never knew: they are marked replaced (kept in the audit trail) and every live row is
        logged again as created, under its new owner. Returns the rows to be sent."""
        tree = [t for t in self.registry if t.scope is Scope.TREE]
        local_units = self._first_run_units(tree)
        self.db.execute(
            "UPDATE changes SET acked = ? WHERE device_seq IS NOT NULL AND acked = ?",
            (REPLACED, PENDING),
        )
        for t in tree:
            if t.searchable:
                self.db.execute(f"DELETE FROM {t.fts_table}")
            self.db.execute(f"DELETE FROM {t.name}")
            self.records.touched(t.name, deleted=len(local_units))
        queued = 0
        for t in self.registry:
            if t.scope in (Scope.LOCAL, Scope.TREE):
                if t.scope is Scope.LOCAL:
                    self._rename_units(t, local_units, hq_org)
                continue
            self._rename_units(t, local_units, hq_org)
            queued += self._log_again(t)
        return queued

    def _first_run_units(self, tree: list[Table]) -> set[str]:
        """This vault's own unit and the units above it, as the first run made them: HQ's
        unit takes their place. Units below it (the branch's groups) keep their ids; HQ
        adopts them with `lianxin-hq org add --id` (see `local_subunits`)."""
        own = meta.get(self.db, meta.ORG_ID)
        found: set[str] = set()
        for t in tree:
            unit = own
            while unit and unit not in found:
                found.add(unit)
                unit = self.db.scalar(f"SELECT parent_id FROM {t.name} WHERE id = ?", (unit,))
        return found

    def local_subunits(self) -> list[tuple[str, str, str, str]]:
        """(id, name, level, parent id) of the units below this vault's own unit."""
        own = meta.get(self.db, meta.ORG_ID)
        out: list[tuple[str, str, str, str]] = []
        for t in self.registry:
            if t.scope is not Scope.TREE:
                continue
            parents = [own]
            while parents:
                below = self.db.query(
                    f"SELECT id, name, level, parent_id FROM {t.name} WHERE _deleted = 0 AND "
                    f"parent_id IN ({', '.join('?' * len(parents))})",
                    parents,
                )
                out += below
                parents = [r[0] for r in below]
        return out

    def _rename_units(self, t: Table, old: set[str], new: str) -> None:
        """Every reference to a first-run unit now names HQ's unit instead."""
        if not old:
            return
        marks = ", ".join("?" * len(old))
        text_columns = ["owner_org", *(c.name for c in t.columns if c.sql_type == "TEXT")]
        for name in text_columns:
            if name == "audience":
                continue
            self.db.execute(
                f"UPDATE {t.name} SET {name} = ? WHERE {name} IN ({marks})", (new, *old)
            )
        if t.synced:
            for rowid, audience in self.db.query(
                f"SELECT _rowid, audience FROM {t.name} WHERE audience != '[]'"
            ):
                ids = json.loads(audience)
                renamed = sorted({new if x in old else x for x in ids})
                if renamed != ids:
                    self.db.execute(
                        f"UPDATE {t.name} SET audience = ? WHERE _rowid = ?",
                        (canonical_json(renamed), rowid),
                    )

    def _log_again(self, t: Table) -> int:
        names = [c.name for c in t.columns]
        cursor = self.db.execute(
            f"SELECT _rowid, id, owner_org, audience, {', '.join(names)} FROM {t.name} "
            "WHERE _deleted = 0 ORDER BY _rowid"
        )
        count = 0
        pending = self.records.received
        author, device = self.records.author, self.records.device
        restamped: list[tuple[str, str, int]] = []
        while batch := cursor.fetchmany(2000):
            for rowid, row_id, owner, audience, *values in batch:
                stamp = str(self.records.clock.now())
                fields: dict[str, Any] = {"owner_org": owner, "audience": audience}
                fields.update((n, v) for n, v in zip(names, values, strict=True) if v is not None)
                pending.append(
                    (
                        row_id,
                        t.name,
                        ROW_CREATED,
                        encode_row(fields),
                        stamp,
                        None,
                        author,
                        device,
                        UNSEALED,
                    )
                )
                restamped.append((stamp, stamp, rowid))
                count += 1
        self.db.executemany(
            f"UPDATE {t.name} SET _created = ?, _hlc = ?, _v = '{{}}' WHERE _rowid = ?",
            restamped,
        )
        return count
