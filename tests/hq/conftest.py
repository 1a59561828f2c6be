"""Every HQ test runs twice: on an SQLite file and on PostgreSQL.

PostgreSQL is reached at LIANXIN_TEST_PG (default postgresql+psycopg://postgres@127.0.0.1:5432/test,
trust auth). The session makes its own database and gives each test a fresh schema in
it; the database is dropped at the end. When PostgreSQL cannot be reached its tests are
skipped with the reason, unless LIANXIN_REQUIRE_PG=1 (CI), where they fail.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from hqkit import PASSPHRASE, Hq
from sqlalchemy.engine import make_url

from hq.keys import HqKeys, sealed_keys

PG_URL = os.environ.get("LIANXIN_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def hq_keys() -> tuple[HqKeys, list[dict[str, str]]]:
    """HQ's keys, sealed once per session at the Argon2id floor (tests never weaken it)."""
    keys = HqKeys.generate()
    return keys, sealed_keys(keys, PASSPHRASE)


def _libpq(url: str, database: str | None = None) -> str:
    parsed = make_url(url)
    return (
        f"host={parsed.host or '127.0.0.1'} port={parsed.port or 5432} "
        f"user={parsed.username or 'postgres'} dbname={database or parsed.database} "
        "connect_timeout=3"
    )


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A PostgreSQL database of this session's own; yields its SQLAlchemy URL."""
    name = f"lianxin_hq_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        admin = psycopg.connect(_libpq(PG_URL), autocommit=True)
    except psycopg.OperationalError as error:
        reason = f"PostgreSQL not reachable at {PG_URL}: {str(error).strip()}"
        if os.environ.get("LIANXIN_REQUIRE_PG") == "1":
            pytest.fail(reason + " (LIANXIN_REQUIRE_PG=1)")
        pytest.skip(reason)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_libpq(PG_URL), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database: an SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hq.db'}"
    base: str = request.getfixturevalue("pg_database")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(_libpq(base), autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return f"{base}?options={quote(f'-csearch_path={schema}')}"


@pytest.fixture
def hq(db_url: str, hq_keys: tuple[HqKeys, list[dict[str, str]]]) -> Iterator[Hq]:
    server = Hq(db_url, *hq_keys)
    yield server
    server.close()
