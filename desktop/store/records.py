"""Generic record access: every write to a declared table goes through here.

Each write validates against the schema registry, stamps the row with the hybrid clock,
keeps the per-field versions that make concurrent edits detectable, updates the search
index, and appends to the change log in the same transaction: one change per field for
updates and deletes, one change carrying every field for a created row (ROW_CREATED).
Local changes to synced tables carry a `device_seq`: they are the outbox until HQ
acknowledges them. At commit the transaction's changes are sealed into one audit block.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.store import audit, meta, search_backlog
from desktop.store import search as search_keys
from desktop.store.db import Database
from desktop.store.errors import InvalidValue, RecordNotFound
from desktop.store.hlc import HybridClock
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.ids import new_id
from desktop.store.schema import ROW_CREATED, Registry, Table, canonical_json, encode_row

log = logging.getLogger(__name__)

Record = dict[str, Any]
#: One change as the change log stores it:
#: (row_id, tbl, col, value, hlc, base_hlc, author, device, device_seq)
ChangeRow = tuple[str, str, str, Any, str, str | None, str | None, str, int | None]

#: Marks a change that will get a device_seq when its transaction is sealed.
UNSEALED = -1
_ROW_HEADER = ("id", "owner_org", "audience", "_deleted", "_created", "_hlc", "_v")


@dataclass
class WriteSummary:
    """What one transaction changed, for the UI's "changes happened" signal."""

    tables: set[str] = field(default_factory=set)
    inserted: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def empty(self) -> bool:
        return not self.tables


class Records:
    def __init__(
        self, db: Database, registry: Registry, clock: HybridClock, *, device: str
    ) -> None:
        self.db = db
        self.registry = registry
        self.clock = clock
        self.device = device
        #: The local user id stamped on every change (set at unlock).
        self.author: str | None = None
        self._pending: list[ChangeRow] = []
        self._depth = 0
        self._summary = WriteSummary()
        self.last_summary = WriteSummary()

    # --- transactions ------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[WriteSummary]:
        """One use case, one transaction. Nested calls join the outer one.

        At the outermost commit the transaction's changes are written to the change log
        and sealed into an audit block; on any error nothing at all is written.
        """
        # Outermost among record transactions, not database ones: inside a bare
        # `db.transaction()` the changes must still be sealed, or they never reach the log.
        outermost = self._depth == 0
        self._depth += 1
        try:
            with self.db.transaction():
                if outermost:
                    self._catch_up_clock()
                yield self._summary
                if outermost:
                    self._seal()
        except BaseException:
            if outermost:
                self._pending.clear()
                self._summary = WriteSummary()
            raise
        finally:
            self._depth -= 1
        if outermost:
            self.last_summary, self._summary = self._summary, WriteSummary()

    def _catch_up_clock(self) -> None:
        """Move the clock past the last stamp any process sealed in this database: this
        process in an earlier session (whose wall clock may have been ahead), or another
        process on the same folder right now.

        The app and the CLI may write to one data folder and share its device id; the
        write lock is held from here to commit, so stamps issued in between are unique."""
        last = meta.get(self.db, meta.CLOCK)
        if last:
            self.clock.observe(last)

    def _seal(self) -> None:
        if not self._pending:
            return
        changes, self._pending = self._pending, []
        # device_seq is assigned here, inside the write lock, so that two processes on
        # one data folder (the app and the CLI) never hand out the same number.
        # The condition lets SQLite read the maximum from the partial index on device_seq;
        # without it, every commit scans the whole change log.
        last_seq = self.db.scalar(
            "SELECT coalesce(max(device_seq), 0) FROM changes WHERE device_seq IS NOT NULL"
        )
        seqs = itertools.count(int(last_seq) + 1)
        changes = [(*c[:8], next(seqs)) if c[8] == UNSEALED else c for c in changes]
        audit.append_block(self.db, changes, author=self.author, device=self.device)
        meta.put(self.db, meta.CLOCK, str(self.clock.now()))

    def _need_tx(self) -> None:
        if not self._depth:
            raise RuntimeError("record writes must run inside Records.transaction()")

    @contextlib.contextmanager
    def _one_write(self) -> Iterator[None]:
        """Make one write call all or nothing. If it raises (a bad value in the third row,
        a duplicate id), its rows, index entries and pending changes are undone, so a
        caller that catches the error and goes on commits nothing of it, and the change
        log never describes a row that was not written."""
        self._need_tx()
        mark = len(self._pending)
        self.db.execute("SAVEPOINT record_write")
        try:
            yield
        except BaseException:
            del self._pending[mark:]
            self.db.execute("ROLLBACK TO record_write")
            self.db.execute("RELEASE record_write")
            raise
        self.db.execute("RELEASE record_write")

    @property
    def received(self) -> list[ChangeRow]:
        """Where changes applied from other devices are logged (device_seq None), to be
        sealed with this transaction (desktop.store.replica writes them)."""
        self._need_tx()
        return self._pending

    def touched(self, table: str, *, inserted: int = 0, updated: int = 0, deleted: int = 0) -> None:
        """Count writes made outside this class (arriving changes) in the summary."""
        if inserted or updated or deleted:
            self._summary.tables.add(table)
            self._summary.inserted += inserted
            self._summary.updated += updated
            self._summary.deleted += deleted

    @staticmethod
    def _outbound(table: Table) -> int | None:
        """Placeholder for the device_seq a change gets when sealed (None: never sent)."""
        return UNSEALED if table.synced else None

    # --- writes ------------------------------------------------------------------------

    def insert(
        self,
        table: str,
        values: Mapping[str, Any],
        *,
        owner_org: str,
        audience: Sequence[str] = (),
        row_id: str | None = None,
    ) -> str:
        return self.insert_many(
            table, [values], owner_org=owner_org, audience=audience, row_ids=[row_id]
        )[0]

    def insert_many(
        self,
        table: str,
        rows: Iterable[Mapping[str, Any]],
        *,
        owner_org: str,
        audience: Sequence[str] = (),
        row_ids: Sequence[str | None] | None = None,
    ) -> list[str]:
        """Insert rows that share an owner; one statement per batch (imports, demo data)."""
        with self._one_write():
            return self._insert_many(table, rows, owner_org, audience, row_ids)

    def _insert_many(
        self,
        table: str,
        rows: Iterable[Mapping[str, Any]],
        owner_org: str,
        audience: Sequence[str],
        row_ids: Sequence[str | None] | None,
    ) -> list[str]:
        t = self.registry[table]
        columns = t.columns
        names = [c.name for c in columns]
        known = frozenset(names)
        audience_json = t.column("audience").to_db(list(audience))
        required = [c.name for c in columns if c.required]
        # Where each searchable value sits in a converted row (no dict per row). None
        # while the table's newest rows wait for their search entries: these join them.
        search_at = [(c.search, names.index(c.name)) for c in t.searchable if c.search]
        if search_at and search_backlog.pending_from(self.db, table) is not None:
            search_at = []
        # Loop invariants, hoisted: a 100k-member import runs this body 100k times.
        outbound = self._outbound(t)
        author, device = self.author, self.device
        pending = self._pending
        # The row numbers SQLite would give (one past the largest, in order), given here
        # so the search index is written by row number, not by a lookup of each id.
        first = int(self.db.scalar(f"SELECT coalesce(max(_rowid), 0) FROM {table}")) + 1
        db_rows: list[tuple[Any, ...]] = []
        fts_docs: list[tuple[int, str]] = []
        ids: list[str] = []
        for n, values in enumerate(rows):
            if not known.issuperset(values):
                unknown = sorted(set(values) - known)[0]
                raise InvalidValue(column=unknown, problem=_N("Errors", "no such field"))
            for name in required:
                if values.get(name) in (None, ""):
                    raise InvalidValue(column=name, problem=_N("Errors", "required"))
            # A missing value of an optional column stores NULL: to_db(None) would say so too.
            converted = [None if (v := values.get(c.name)) is None else c.to_db(v) for c in columns]
            row_id = (row_ids[n] if row_ids and n < len(row_ids) else None) or new_id()
            stamp = str(self.clock.now())
            ids.append(row_id)
            db_rows.append((first + n, row_id, owner_org, audience_json, stamp, stamp, *converted))
            # One change carries the new row: every field it was created with, at one
            # stamp and with no base (see ROW_CREATED).
            fields = {"owner_org": owner_org, "audience": audience_json}
            fields.update((k, v) for k, v in zip(names, converted, strict=True) if v is not None)
            pending.append(
                (
                    row_id,
                    table,
                    ROW_CREATED,
                    encode_row(fields),
                    stamp,
                    None,
                    author,
                    device,
                    outbound,
                )
            )
            if search_at:
                document = search_keys.document((kind, converted[i]) for kind, i in search_at)
                fts_docs.append((first + n, document))
        if not db_rows:
            return ids
        placeholders = ", ".join("?" * (6 + len(names)))
        self.db.executemany(
            f"INSERT INTO {table} (_rowid, id, owner_org, audience, _created, _hlc, "
            f"{', '.join(names)}) VALUES ({placeholders})",
            db_rows,
        )
        if fts_docs:
            self.db.executemany(f"INSERT INTO {t.fts_table}(rowid, terms) VALUES (?, ?)", fts_docs)
        self._summary.tables.add(table)
        self._summary.inserted += len(db_rows)
        return ids

    def update(self, table: str, row_id: str, changes: Mapping[str, Any]) -> list[str]:
        """Change some fields of a row; returns the names of the fields that changed."""
        with self._one_write():
            return self._update(table, row_id, changes)

    def _update(self, table: str, row_id: str, changes: Mapping[str, Any]) -> list[str]:
        t = self.registry[table]
        row = self._raw(t, row_id)
        if row is None or row["_deleted"]:
            raise RecordNotFound(table=table, row_id=row_id)
        versions: dict[str, str] = json.loads(row["_v"])
        new_values: dict[str, Any] = {}
        for name, value in changes.items():
            col = t.column(name)
            db_value = col.to_db(list(value) if name == "audience" else value)
            if db_value != row[name]:
                new_values[name] = db_value
        if not new_values:
            return []
        stamp = str(self.clock.now())
        for name, value in new_values.items():
            base = versions.get(name, row["_created"])
            self._pending.append(
                (
                    row_id,
                    table,
                    name,
                    value,
                    stamp,
                    base,
                    self.author,
                    self.device,
                    self._outbound(t),
                )
            )
            versions[name] = stamp
        sets = ", ".join(f"{name} = ?" for name in new_values)
        self.db.execute(
            f"UPDATE {table} SET {sets}, _hlc = ?, _v = ? WHERE id = ?",
            (*new_values.values(), stamp, canonical_json(versions), row_id),
        )
        if any(t.column(n).search for n in new_values):
            merged = {c.name: new_values.get(c.name, row[c.name]) for c in t.columns}
            self._reindex(t, row["_rowid"], merged)
        self._summary.tables.add(table)
        self._summary.updated += 1
        return list(new_values)

    def delete(self, table: str, row_id: str) -> None:
        """Tombstone a row: it disappears from queries and search, and the delete syncs."""
        with self._one_write():
            self._delete(table, row_id)

    def _delete(self, table: str, row_id: str) -> None:
        t = self.registry[table]
        row = self._raw(t, row_id)
        if row is None or row["_deleted"]:
            raise RecordNotFound(table=table, row_id=row_id)
        versions: dict[str, str] = json.loads(row["_v"])
        stamp = str(self.clock.now())
        self._pending.append(
            (
                row_id,
                table,
                "_deleted",
                1,
                stamp,
                versions.get("_deleted", row["_created"]),
                self.author,
                self.device,
                self._outbound(t),
            )
        )
        versions["_deleted"] = stamp
        self.db.execute(
            f"UPDATE {table} SET _deleted = 1, _hlc = ?, _v = ? WHERE id = ?",
            (stamp, canonical_json(versions), row_id),
        )
        if search_backlog.is_indexed(self.db, t, row["_rowid"]):
            self.db.execute(f"DELETE FROM {t.fts_table} WHERE rowid = ?", (row["_rowid"],))
        self._summary.tables.add(table)
        self._summary.deleted += 1

    # --- reads -------------------------------------------------------------------------

    def get(self, table: str, row_id: str, *, include_deleted: bool = False) -> Record | None:
        t = self.registry[table]
        row = self._raw(t, row_id)
        if row is None or (row["_deleted"] and not include_deleted):
            return None
        return self._decode(t, row)

    def require(self, table: str, row_id: str) -> Record:
        record = self.get(table, row_id)
        if record is None:
            raise RecordNotFound(table=table, row_id=row_id)
        return record

    def query(
        self,
        table: str,
        where: str = "",
        params: Sequence[Any] = (),
        *,
        order_by: str = "_rowid",
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Record]:
        """Live rows matching an SQL condition written by domain code (never user text)."""
        t = self.registry[table]
        sql = f"SELECT {self._select_list(t)} FROM {table} WHERE _deleted = 0"
        if where:
            sql += f" AND ({where})"
        sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        cursor = self.db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [self._decode(t, dict(zip(names, r, strict=True))) for r in cursor.fetchall()]

    def count(self, table: str, where: str = "", params: Sequence[Any] = ()) -> int:
        self.registry[table]
        sql = f"SELECT count(*) FROM {table} WHERE _deleted = 0"
        if where:
            sql += f" AND ({where})"
        return int(self.db.scalar(sql, params))

    def search_rowids(
        self,
        table: str,
        text: str,
        *,
        where: str = "",
        params: Sequence[Any] = (),
        order_by: str = "_rowid",
        limit: int | None = None,
    ) -> list[int]:
        """Row numbers of live rows whose searchable fields match what the user typed."""
        t = self.registry[table]
        expression = search_keys.match_expression(text)
        if expression is None or not t.searchable:
            return []
        sql = (
            f"SELECT _rowid FROM {table} WHERE _deleted = 0 AND _rowid IN "
            f"(SELECT rowid FROM {t.fts_table} WHERE {t.fts_table} MATCH ?)"
        )
        if where:
            sql += f" AND ({where})"
        sql += f" ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self.db.query(sql, (expression, *params))]

    def rows_by_rowid(self, table: str, rowids: Sequence[int]) -> dict[int, Record]:
        """Fetch rows by row number (the lazy table models fetch visible rows this way)."""
        t = self.registry[table]
        out: dict[int, Record] = {}
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            cursor = self.db.execute(
                f"SELECT _rowid, {self._select_list(t)} FROM {table} "
                f"WHERE _rowid IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            names = [d[0] for d in cursor.description]
            for r in cursor.fetchall():
                row = dict(zip(names, r, strict=True))
                out[row["_rowid"]] = self._decode(t, row)
        return out

    # --- internals ---------------------------------------------------------------------

    @staticmethod
    def _select_list(t: Table) -> str:
        return ", ".join((*_ROW_HEADER, *(c.name for c in t.columns)))

    def _raw(self, t: Table, row_id: str) -> dict[str, Any] | None:
        cursor = self.db.execute(
            f"SELECT _rowid, {self._select_list(t)} FROM {t.name} WHERE id = ?", (row_id,)
        )
        r = cursor.fetchone()
        if r is None:
            return None
        return dict(zip([d[0] for d in cursor.description], r, strict=True))

    @staticmethod
    def _decode(t: Table, row: dict[str, Any]) -> Record:
        record: Record = {
            "id": row["id"],
            "owner_org": row["owner_org"],
            "audience": json.loads(row["audience"]),
            "deleted": bool(row["_deleted"]),
            "created": row["_created"],
            "hlc": row["_hlc"],
        }
        for c in t.columns:
            record[c.name] = c.from_db(row[c.name])
        return record

    @staticmethod
    def _document(t: Table, values: Mapping[str, Any]) -> str:
        return search_keys.document(
            (c.search, values.get(c.name)) for c in t.searchable if c.search
        )

    def _reindex(self, t: Table, rowid: int, values: Mapping[str, Any]) -> None:
        if not search_backlog.is_indexed(self.db, t, rowid):
            return
        self.db.execute(f"DELETE FROM {t.fts_table} WHERE rowid = ?", (rowid,))
        self.db.execute(
            f"INSERT INTO {t.fts_table}(rowid, terms) VALUES (?, ?)",
            (rowid, self._document(t, values)),
        )
