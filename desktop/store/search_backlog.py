"""Search entries written after their rows: a first pull stores its rows without them and
indexes them in bulk once its last page is in, which costs the device less than indexing
each page as it comes, and is done while HQ has nothing left to send.

While `meta` holds `search_from:<table>` = N, that table's rows numbered N and up have no
entries in its search index. Every writer keeps it so (desktop.store.records and
.replica leave the index alone for such rows) and `complete` indexes them from the
table itself, so an edit made in between is indexed with its new values. The mark is
written in the transaction of the rows it covers: a pull cut after some pages, or a
crash, leaves it behind, and the next sync or the next unlock finishes the work.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from desktop.store import meta
from desktop.store import search as search_keys
from desktop.store.db import Database
from desktop.store.schema import Registry, Search, Table

log = logging.getLogger(__name__)

_KEY = "search_from:"
#: Rows indexed per transaction: a cut or a crash keeps what was done, and the write lock
#: is never held for long (the GUI's connection writes too).
CHUNK = 20_000
#: Rows per batch of search documents; the next batch's are made while one is written.
_BATCH = 2_500
_encode_documents = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def pending_from(db: Database, table: str) -> int | None:
    """The first row number of `table` still to be indexed, or None when none is."""
    value = meta.get(db, _KEY + table)
    return None if value is None else int(value)


def is_indexed(db: Database, t: Table, rowid: int) -> bool:
    """Whether the row has search entries to keep current: its table is searchable and
    the row does not wait for them."""
    if not t.searchable:
        return False
    waiting = pending_from(db, t.name)
    return waiting is None or rowid < waiting


def defer(db: Database, table: str, rowid: int) -> None:
    """Rows of `table` from `rowid` up are written without search entries (a mark already
    lower stays: the rows between are unindexed too)."""
    found = pending_from(db, table)
    if found is None or rowid < found:
        meta.put(db, _KEY + table, str(rowid))


def tables(db: Database) -> list[str]:
    """Tables with rows still to be indexed."""
    return [
        str(r[0])[len(_KEY) :]
        for r in db.query("SELECT key FROM meta WHERE key LIKE ? ORDER BY key", (_KEY + "%",))
    ]


def complete(db: Database, registry: Registry) -> int:
    """Index every row still waiting, a chunk per transaction; returns how many rows."""
    waiting = [registry[name] for name in tables(db) if name in registry]
    if not waiting:
        return 0
    done = 0
    with ThreadPoolExecutor(1, thread_name_prefix="lianxin-search") as pool:
        for t in waiting:
            finished = False
            while not finished:
                with db.transaction():
                    indexed, finished = index_chunk(db, t, pool)
                done += indexed
    log.info("search index completed: %d rows of %s", done, ", ".join(t.name for t in waiting))
    return done


def index_chunk(db: Database, t: Table, pool: ThreadPoolExecutor | None = None) -> tuple[int, bool]:
    """Index the next CHUNK rows of `t` still unindexed, in the caller's transaction, and
    move the mark past them; returns how many, and whether the table is done (the mark
    is gone)."""
    start = pending_from(db, t.name)
    if start is None:
        return 0, True
    columns = t.searchable
    rows = db.query(
        f"SELECT _rowid{''.join(', ' + c.name for c in columns)} FROM {t.name} "
        "WHERE _rowid >= ? AND _deleted = 0 ORDER BY _rowid LIMIT ?",
        (start, CHUNK),
    )
    search_at = [(c.search, i + 1) for i, c in enumerate(columns) if c.search]
    batches = [rows[i : i + _BATCH] for i in range(0, len(rows), _BATCH)]
    if pool is None or len(batches) < 2:
        for batch in batches:
            _insert(db, t, _documents(search_at, batch))
    else:
        # Documents are Python work (pinyin), the index is SQLite's: the next batch's
        # documents are made on the pool's thread while one statement, which runs without
        # the interpreter lock, writes this batch.
        upcoming: Future[list[tuple[int, str]]] = pool.submit(_documents, search_at, batches[0])
        for n in range(len(batches)):
            ready = upcoming.result()
            if n + 1 < len(batches):
                upcoming = pool.submit(_documents, search_at, batches[n + 1])
            _insert(db, t, ready)
    if len(rows) < CHUNK:
        db.execute("DELETE FROM meta WHERE key = ?", (_KEY + t.name,))
        return len(rows), True
    meta.put(db, _KEY + t.name, str(rows[-1][0] + 1))
    return len(rows), False


def _documents(
    search_at: Sequence[tuple[Search, int]], rows: Sequence[Sequence[Any]]
) -> list[tuple[int, str]]:
    document = search_keys.document
    return [(r[0], document([(kind, r[i]) for kind, i in search_at])) for r in rows]


def _insert(db: Database, t: Table, documents: list[tuple[int, str]]) -> None:
    """Documents into the index in one statement (they travel as one JSON object).

    One statement, not one per row: SQLite writes the batch without taking the
    interpreter lock back, so the thread making the next documents runs meanwhile (a
    statement per row would wait for the lock behind it at every row)."""
    if documents:
        db.execute(
            f"INSERT INTO {t.fts_table}(rowid, terms) "
            "SELECT CAST(key AS INTEGER), value FROM json_each(?)",
            (_encode_documents(dict(documents)),),
        )
