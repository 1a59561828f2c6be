"""The encrypted database: fails closed without SQLCipher, refuses a wrong key, keeps its
pragmas, and leaves a usable connection after any failed transaction."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from desktop.store.db import Database, open_database
from desktop.store.errors import CipherUnavailable, WrongKey

SQLITE_HEADER = b"SQLite format 3\x00"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def db_path(tmp_path: Path, key: bytes) -> Path:
    """An encrypted database with one table and one row, closed."""
    path = tmp_path / "test.db"
    db = open_database(path, key)
    db.execute("CREATE TABLE t (x TEXT)")
    db.execute("INSERT INTO t VALUES ('机密 secret')")
    db.close()
    return path


def test_new_database_is_encrypted_and_reopens(tmp_path: Path, key: bytes) -> None:
    path = tmp_path / "new.db"
    db = open_database(path, key)
    db.execute("CREATE TABLE t (x TEXT)")
    db.execute("INSERT INTO t VALUES ('机密 secret')")
    db.close()
    data = path.read_bytes()
    assert not data.startswith(SQLITE_HEADER)
    assert b"secret" not in data
    assert "机密".encode() not in data
    again = open_database(path, key)
    assert again.scalar("SELECT x FROM t") == "机密 secret"
    again.close()


def test_standard_library_driver_fails_closed_on_a_new_file(tmp_path: Path, key: bytes) -> None:
    """sqlite3 accepts `PRAGMA key` and silently writes plaintext: the store must refuse."""
    path = tmp_path / "new.db"
    with pytest.raises(CipherUnavailable):
        open_database(path, key, driver=sqlite3)
    # sqlite3 may leave an empty file behind, but never a plaintext database.
    assert not path.exists() or path.read_bytes() == b""


def test_standard_library_driver_leaves_an_existing_database_untouched(
    db_path: Path, key: bytes
) -> None:
    before = sha256(db_path)
    with pytest.raises(CipherUnavailable):
        open_database(db_path, key, driver=sqlite3)
    assert sha256(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == [db_path.name]


def test_wrong_key_is_a_clear_error_and_changes_nothing(db_path: Path) -> None:
    before = sha256(db_path)
    with pytest.raises(WrongKey):
        open_database(db_path, os.urandom(32))
    assert sha256(db_path) == before


def test_key_must_be_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        open_database(tmp_path / "x.db", b"short")


def test_pragmas_in_effect(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    try:
        assert db.cipher_version().startswith("4.")
        assert db.scalar("PRAGMA journal_mode") == "wal"
        assert db.scalar("PRAGMA temp_store") == 2  # MEMORY: no plaintext temp files
        assert db.scalar("PRAGMA synchronous") == 2  # FULL: commits survive power loss
        assert db.scalar("PRAGMA foreign_keys") == 1
        assert db.integrity_problems() == []
    finally:
        db.close()


def test_close_folds_the_wal_back(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    db.execute("INSERT INTO t VALUES ('more')")
    assert Path(f"{db_path}-wal").stat().st_size > 0
    db.close()
    assert db.closed
    wal = Path(f"{db_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    with pytest.raises(RuntimeError, match="closed"):
        db.execute("SELECT 1")


def _count(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM t"))


def test_transaction_commits_and_rolls_back(db_path: Path, key: bytes) -> None:
    db = open_database(db_path, key)
    try:
        with db.transaction():
            db.execute("INSERT INTO t VALUES ('a')")
        assert _count(db) == 2
        with pytest.raises(ZeroDivisionError), db.transaction():
            db.execute("INSERT INTO t VALUES ('b')")
            with db.transaction():  # nested: joins the outer one
                db.execute("INSERT INTO t VALUES ('c')")
            _ = 1 / 0
        assert _count(db) == 2
        assert not db.in_transaction
    finally:
        db.close()


def test_an_error_in_a_nested_transaction_rolls_back_the_outer_one(
    db_path: Path, key: bytes
) -> None:
    db = open_database(db_path, key)
    try:
        with pytest.raises(KeyError), db.transaction():
            db.execute("INSERT INTO t VALUES ('outer')")
            with db.transaction():
                db.execute("INSERT INTO t VALUES ('inner')")
                raise KeyError("boom")
        assert _count(db) == 1
    finally:
        db.close()


def test_failed_commit_leaves_a_usable_connection(db_path: Path, key: bytes) -> None:
    """A COMMIT can fail (disk full, a deferred constraint). SQLite then keeps the
    transaction open; the store must end it, or every later write fails with "cannot start
    a transaction within a transaction"."""
    db = open_database(db_path, key)
    try:
        db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
        db.execute(
            "CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER "
            "REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)"
        )
        with pytest.raises(sqlcipher3.dbapi2.IntegrityError), db.transaction():
            db.execute("INSERT INTO child VALUES (1, 99)")  # fails only at COMMIT
        assert not db.in_transaction
        assert not db.conn.in_transaction
        assert db.scalar("SELECT count(*) FROM child") == 0
        with db.transaction():
            db.execute("INSERT INTO parent VALUES (1)")
        assert db.scalar("SELECT count(*) FROM parent") == 1
    finally:
        db.close()


def test_integrity_problems_reports_a_damaged_page_instead_of_raising(
    db_path: Path, key: bytes
) -> None:
    db = open_database(db_path, key)
    with db.transaction():
        db.executemany("INSERT INTO t VALUES (?)", [("x" * 500,) for _ in range(200)])
    db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) > 10 * page
    data[5 * page + 1000] ^= 0x01
    db_path.write_bytes(bytes(data))
    db = open_database(db_path, key)  # page 1 is intact, so the key is still accepted
    try:
        problems = db.integrity_problems()
        assert any("HMAC" in p for p in problems), problems
    finally:
        db.close()
