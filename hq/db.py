"""HQ's database: one engine for SQLite (the embedded default) or PostgreSQL, and the
two kinds of transaction the service uses.

`write()` serialises writers where it matters: on SQLite it begins IMMEDIATE (the write
lock is taken before the first read); pushes additionally lock the sequence counter row,
which on PostgreSQL orders them. `read()` gives one consistent snapshot (REPEATABLE READ
on PostgreSQL; a WAL read transaction on SQLite), so a pull page never sees half a push.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import ConnectionPoolEntry

from hq.errors import HqError
from hq.tables import (
    HQ_SCHEMA,
    SCHEMA_2_INDEXES,
    SCHEMA_2_TABLES,
    SCHEMA_3_INDEXES,
    SCHEMA_3_TABLES,
    counters,
    hq_meta,
    metadata,
)

log = logging.getLogger(__name__)

SEQ = "seq"
#: How long a writer waits for SQLite's lock before giving up.
SQLITE_BUSY_MS = 30_000


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(
        url,
        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000},
        pool_size=8,
        max_overflow=8,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("lianxin_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _postgres_engine(url: str) -> Engine:
    # No server-side prepared statements: a push's write round trip runs in a psycopg
    # pipeline, and when a pipeline is aborted (a stale read, a duplicate push) the
    # statements it prepared are gone on the server while psycopg still counts them
    # ("prepared statement _pg3_N does not exist" on the next push). Each statement is
    # planned for its own values anyway (plan_cache_mode below), so no plan made while a
    # table was small (a fresh HQ) keeps scanning it whole once it is large.
    engine = create_engine(
        url,
        # A connection for each request thread of a worker (hq.app.REQUEST_THREADS), its
        # push writer and its health checks: connections beyond the pool are opened and
        # closed for each request, which under load costs more than the request.
        pool_size=20,
        max_overflow=20,
        pool_pre_ping=True,
        connect_args={"prepare_threshold": None},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # No JIT compilation: the planner's costs for a large branch's pull pages pass
        # its thresholds, and compiling took longer (0.4 s) than running the query.
        # Every HQ query is short. Committed, or the pool's rollback would undo it.
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SET jit = off")
            cursor.execute("SET plan_cache_mode = force_custom_plan")
        dbapi_connection.commit()

    return engine


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise HqError(f"not a database URL: {url}") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise HqError("an SQLite database must be a file (sqlite:///path/to/hq.db)")
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return _sqlite_engine(url)
    if backend == "postgresql":
        return _postgres_engine(url)
    raise HqError(f"unsupported database {backend!r}: use sqlite:/// or postgresql+psycopg://")


class HqDatabase:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_postgres = self.engine.dialect.name == "postgresql"

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            conn.execution_options(lianxin_write=True)
            with conn.begin():
                yield conn

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            if self.is_postgres:
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    def dispose(self) -> None:
        self.engine.dispose()

    # --- schema --------------------------------------------------------------------

    def initialised(self) -> bool:
        database = self.engine.url.database
        if not self.is_postgres and database and not Path(database).exists():
            return False  # and connecting would create an empty file
        with self.engine.connect() as conn:
            if not self.engine.dialect.has_table(conn, hq_meta.name):
                return False
            version = conn.execute(
                select(hq_meta.c.value).where(hq_meta.c.key == "schema")
            ).scalar()
        return version is not None

    def require_initialised(self) -> None:
        if not self.initialised():
            raise HqError("this HQ database is not set up yet: run `lianxin-hq init` first")
        self.upgrade()

    def upgrade(self) -> list[int]:
        """Bring a database of an older schema up to HQ_SCHEMA, one forward migration at
        a time, all in one transaction; returns the versions reached. A database newer
        than this code is refused, untouched. Safe when several servers start at once:
        the schema row is locked, so one upgrades and the others find it done."""
        with self.write() as conn:
            version = int(
                conn.execute(
                    select(hq_meta.c.value).where(hq_meta.c.key == "schema").with_for_update()
                ).scalar_one()
            )
            if version > HQ_SCHEMA:
                raise HqError(
                    f"this HQ database has schema {version}; this lianxin-hq understands "
                    f"{HQ_SCHEMA}: update lianxin-hq"
                )
            reached = []
            while version < HQ_SCHEMA:
                MIGRATIONS[version](conn)
                version += 1
                reached.append(version)
            if reached:
                conn.execute(
                    update(hq_meta).where(hq_meta.c.key == "schema").values(value=str(version))
                )
        for number in reached:
            log.info("HQ database upgraded to schema %d", number)
        return reached

    def create_schema(self, conn: Connection, created_at: int) -> None:
        metadata.create_all(conn)
        conn.execute(
            insert(hq_meta),
            [
                {"key": "schema", "value": str(HQ_SCHEMA)},
                {"key": "created_at", "value": str(created_at)},
            ],
        )
        conn.execute(insert(counters).values(name=SEQ, value=0))


# --- forward migrations: MIGRATIONS[n] takes a database at schema n to n + 1 ---------


def _to_2(conn: Connection) -> None:
    """Attachment contents: the blob tables and the index of who names a content."""
    metadata.create_all(conn, tables=list(SCHEMA_2_TABLES), checkfirst=True)
    for index in SCHEMA_2_INDEXES:
        index.create(conn, checkfirst=True)


def _to_3(conn: Connection) -> None:
    """Transfers: the handovers table and the index of a record's attachments. Receipts
    already at HQ are handed over when the service starts (hq.handover.catch_up)."""
    metadata.create_all(conn, tables=list(SCHEMA_3_TABLES), checkfirst=True)
    for index in SCHEMA_3_INDEXES:
        index.create(conn, checkfirst=True)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _to_2, 2: _to_3}


def by_table(keys: Iterable[tuple[str, str]], size: int = 500) -> Iterator[tuple[str, list[str]]]:
    """(table, row ids) in chunks: lookups name both, so they use the (tbl, row_id) keys."""
    grouped: dict[str, list[str]] = {}
    for tbl, row_id in sorted(set(keys)):
        grouped.setdefault(tbl, []).append(row_id)
    for tbl, ids in grouped.items():
        for start in range(0, len(ids), size):
            yield tbl, ids[start : start + size]


def lock_sequence(conn: Connection) -> int:
    """Lock the HQ sequence until commit and return its current value."""
    return int(
        conn.execute(
            select(counters.c.value).where(counters.c.name == SEQ).with_for_update()
        ).scalar_one()
    )


def store_sequence(conn: Connection, value: int) -> None:
    conn.execute(update(counters).where(counters.c.name == SEQ).values(value=value))


_HEAD = select(counters.c.value).where(counters.c.name == SEQ)


def head(conn: Connection) -> int:
    return int(conn.execute(_HEAD).scalar_one())
