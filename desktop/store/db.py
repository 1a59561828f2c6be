"""The encrypted SQLite database: opening, keying, pragmas, transactions.

SQLCipher 4 through `sqlcipher3`. The standard-library `sqlite3` accepts `PRAGMA key` and
silently writes plaintext, so `open_database` refuses any driver whose
`PRAGMA cipher_version` does not answer. It also refuses a database written by a newer
Lianxin before any pragma can write to it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlcipher3

from desktop.store import schema
from desktop.store.errors import CipherUnavailable, DatabaseDamaged, VaultTooNew, WrongKey

log = logging.getLogger(__name__)

KEY_BYTES = 32

#: Page cache per connection, in KiB. SQLCipher's cost is per page read from disk (each
#: is decrypted and its HMAC checked), so the hot pages of a 100k-member branch must fit:
#: opening the app reads the members table (~50 MiB), the outbox index (~23 MiB) and the
#: roster index; searching adds the search index (~23 MiB). With 64 MiB the first two
#: evicted each other and opening took ~0.6 s longer. Memory is used only as pages are
#: read.
CACHE_KIB = 128 * 1024


def _null(_value: None) -> None:
    return None


# sqlcipher3 binds a None far slower than a value: without an adapter registered for it,
# it asks the value for one twice, and each miss raises and clears an exception. Rows of
# a first pull or an import are a quarter empty fields: 100,000 members took 2.5 s to
# insert with their NULLs, 0.8 s with this. The value bound is still None (NULL).
sqlcipher3.dbapi2.register_adapter(type(None), _null)


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("database key must be 32 bytes")
    # Raw key: SQLCipher skips its own PBKDF2, the vault has already done the slow part.
    return f"PRAGMA key = \"x'{key.hex()}'\""


class Database:
    """One keyed connection. Owned by one thread at a time (the UI's database worker)."""

    def __init__(self, conn: Any, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._depth = 0
        self._lock = threading.RLock()

    @property
    def conn(self) -> Any:
        if self._conn is None:
            raise RuntimeError("database is closed")
        return self._conn

    @property
    def closed(self) -> bool:
        return self._conn is None

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> Any:
        return self.conn.executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        return list(self.conn.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """A write transaction; nested calls join the outer one (savepoints are not needed:
        a use case is one transaction, and an error anywhere rolls all of it back)."""
        with self._lock:
            if self._depth == 0:
                self.conn.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self.conn.execute("ROLLBACK")
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    try:
                        self.conn.execute("COMMIT")
                    except BaseException:
                        # A failed COMMIT (disk full, deferred constraint) leaves SQLite's
                        # transaction open: end it, or every later BEGIN fails.
                        if self.conn.in_transaction:
                            self.conn.execute("ROLLBACK")
                        raise

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None

    # --- checks -------------------------------------------------------------------------

    def cipher_version(self) -> str:
        return str(self.scalar("PRAGMA cipher_version"))

    def integrity_problems(self) -> list[str]:
        """Problems found by SQLite's and SQLCipher's own checks; empty when healthy."""
        # SQLCipher's check first: it names every page whose HMAC fails, where SQLite's
        # own check stops at the first such page with "database disk image is malformed".
        problems = [str(r[0]) for r in self.query("PRAGMA cipher_integrity_check")]
        try:
            problems += [str(r[0]) for r in self.query("PRAGMA integrity_check") if r[0] != "ok"]
        except sqlcipher3.dbapi2.DatabaseError as exc:
            problems.append(str(exc))
        return problems


def configure(conn: Any) -> None:
    """The pragmas every connection gets once keyed (the cipher benchmark gives plain
    SQLite the very same ones, to measure what encryption alone costs)."""
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise DatabaseDamaged(detail=f"journal mode {mode}")
    # FULL: a commit survives power loss too, not only a killed process; laptops lose power.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")


def open_database(path: Path, key: bytes, *, driver: ModuleType | None = None) -> Database:
    """Open (or create) the database at `path` with the raw 32-byte `key`.

    Raises CipherUnavailable if the driver cannot encrypt, WrongKey if the key does not
    decrypt the file, VaultTooNew if a newer Lianxin wrote it.
    """
    driver = driver or sqlcipher3.dbapi2
    conn = driver.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        # The key must be the first statement on the connection.
        conn.execute(_key_pragma(key))
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not version[0]:
            raise CipherUnavailable()
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except driver.DatabaseError as exc:  # "file is not a database"
            raise WrongKey() from exc
        # Before configure(): `journal_mode = WAL` rewrites the header of a file kept in
        # another journal mode, and a newer Lianxin may keep it so. (migrate() checks too.)
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if found > schema.SCHEMA_VERSION:
            raise VaultTooNew(found=found, supported=schema.SCHEMA_VERSION)
        configure(conn)
    except BaseException:
        conn.close()
        raise
    log.debug("database opened (%s)", path.name)
    return Database(conn, path)
