"""Migrations: the migrated schema is exactly what the registry declares, every past
version's fixture data folder upgrades without losing anything, and data from a newer
Lianxin is refused untouched."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from desktop.store import audit, migrations
from desktop.store.db import Database, open_database
from desktop.store.errors import VaultTooNew
from desktop.store.migrations import MIGRATIONS, Migration, current_version, migrate
from desktop.store.schema import (
    REGISTRY,
    SCHEMA_VERSION,
    Column,
    Registry,
    Table,
    table_ddl,
)
from desktop.store.vault import VAULT_FILE, KdfParams
from desktop.store.workspace import DB_FILE, Workspace

VAULTS = Path(__file__).resolve().parents[1] / "fixtures" / "vaults"
#: Tables the store itself keeps (not declared in the registry).
CORE = {"meta", "changes", "audit_blocks", "outbox", "sqlite_sequence"}
#: The sync engine's own tables (not record tables, so not in the registry).
SYNC = {"sync_refused", "sync_conflicts", "sync_log", "blobs", "bundle_keys"}

Shape = dict[str, Any]


def schema_shape(conn: Any, tables: set[str] | None = None) -> dict[str, Shape]:
    """Each object's observable shape: columns (by name, so a column added later with
    ALTER TABLE matches), indexes with their columns, and virtual tables' definitions."""
    out: dict[str, Shape] = {}
    for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view')"
    ).fetchall():
        if tables is not None and name not in tables:
            continue
        shape: Shape = {"type": kind}
        if sql and sql.upper().startswith("CREATE VIRTUAL TABLE"):
            shape["sql"] = re.sub(r"\s+", " ", sql)
        else:
            shape["columns"] = {
                r[1]: (r[2].upper(), r[3], r[4], r[5])
                for r in conn.execute(f"PRAGMA table_info({name})").fetchall()
            }
            shape["indexes"] = {
                r[1]: (
                    r[2],
                    r[4],
                    tuple(c[2] for c in conn.execute(f"PRAGMA index_info({r[1]})").fetchall()),
                )
                for r in conn.execute(f"PRAGMA index_list({name})").fetchall()
            }
        out[name] = shape
    return out


def declared_shape(registry: Registry) -> dict[str, Shape]:
    """What the registry's declarations create on an empty database."""
    conn = sqlcipher3.dbapi2.connect(":memory:")
    try:
        for table in registry:
            for stmt in table_ddl(table):
                conn.execute(stmt)
        return schema_shape(conn)
    finally:
        conn.close()


def schema_drift(db: Database, registry: Registry) -> dict[str, tuple[Any, Any]]:
    """Objects whose migrated shape differs from the declared one: name → (have, want)."""
    want = declared_shape(registry)
    have = schema_shape(db.conn, None)
    names = (set(want) | set(have)) - CORE - SYNC
    return {n: (have.get(n), want.get(n)) for n in sorted(names) if have.get(n) != want.get(n)}


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "fresh.db", os.urandom(32))
    yield db
    db.close()


def test_a_new_database_migrates_to_the_current_version(fresh: Database) -> None:
    assert current_version(fresh) == 0
    assert migrate(fresh) == list(range(1, SCHEMA_VERSION + 1))
    assert current_version(fresh) == SCHEMA_VERSION
    assert migrate(fresh) == []  # idempotent


def test_migrated_schema_matches_the_registry_exactly(fresh: Database) -> None:
    """Changing a declaration without writing a migration fails here."""
    migrate(fresh)
    assert schema_drift(fresh, REGISTRY) == {}
    core = schema_shape(fresh.conn, CORE)
    assert set(core) == CORE


def test_a_declaration_changed_without_a_migration_is_caught(fresh: Database) -> None:
    migrate(fresh)
    members = REGISTRY["members"]
    changed = Registry()
    with_nickname = Table(
        members.name,
        (*members.columns, Column("nickname")),
        members.scope,
        member_column=members.member_column,
    )
    for table in REGISTRY:
        changed.register(with_nickname if table is members else table)
    drift = schema_drift(fresh, changed)
    assert list(drift) == ["members"]
    assert "nickname" in drift["members"][1]["columns"]


def test_a_failing_migration_changes_nothing(
    fresh: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    migrate(fresh)
    before = schema_shape(fresh.conn)

    def broken(db: Database) -> None:
        db.execute("CREATE TABLE half_done (x TEXT)")
        db.execute("ALTER TABLE members ADD COLUMN nickname TEXT")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        (*MIGRATIONS, Migration(SCHEMA_VERSION + 1, "broken", broken)),
    )
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError, match="migration bug"):
        migrate(fresh)
    assert current_version(fresh) == SCHEMA_VERSION
    assert schema_shape(fresh.conn) == before
    assert not fresh.in_transaction


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def test_data_from_a_newer_lianxin_is_refused_untouched(
    workspace: Callable[..., Workspace], workspace_template: Any
) -> None:
    ws = workspace()
    folder = ws.folder
    ws.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    ws.close()
    before = digest(folder)
    assert set(before) == {DB_FILE, VAULT_FILE}
    with pytest.raises(VaultTooNew) as info:
        Workspace.unlock(folder, workspace_template.admin, workspace_template.password)
    assert info.value.params == {"found": SCHEMA_VERSION + 1, "supported": SCHEMA_VERSION}
    assert "Nothing was changed" in info.value.message
    after = digest(folder)
    assert after[DB_FILE] == before[DB_FILE]
    assert after[VAULT_FILE] == before[VAULT_FILE]


# --- fixture data folders of every past version -----------------------------------------


def fixture_versions() -> list[int]:
    return sorted(int(p.name[1:]) for p in VAULTS.glob("v*") if p.name[1:].isdigit())


def test_every_schema_version_has_a_fixture() -> None:
    """Each migration adds one: run tests/fixtures/make_fixture.py after adding it."""
    assert fixture_versions() == list(range(1, SCHEMA_VERSION + 1))


def comparable(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {r["id"]: {k: v for k, v in r.items() if k != "deleted"} for r in rows}


@pytest.mark.parametrize("version", fixture_versions())
def test_fixture_upgrades_and_keeps_its_data(
    version: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = VAULTS / f"v{version}"
    expected = json.loads((source / "fixture.json").read_text("utf-8"))
    assert expected["schema_version"] == version
    pristine = digest(source)
    folder = tmp_path / "data"
    shutil.copytree(source, folder)

    admin = next(n for n, u in expected["users"].items() if u["role"] == "secretary")
    ws = Workspace.unlock(folder, admin, expected["users"][admin]["password"])
    try:
        db = ws.db
        assert current_version(db) == SCHEMA_VERSION
        assert schema_drift(db, REGISTRY) == {}
        assert db.integrity_problems() == []
        report = audit.verify(db)
        assert report.ok, report
        assert report.blocks == expected["audit_blocks"]
        assert report.changes == expected["changes"]
        assert db.scalar("SELECT count(*) FROM outbox") == expected["outbox"]
        assert (ws.device_id, ws.org_id) == (expected["device_id"], expected["org_id"])

        # Every row, every field, every version stamp: as written by the old version.
        # Fields added by later migrations read as empty on the old rows.
        for table, rows in expected["rows"].items():
            want = comparable(
                [{**{c.name: None for c in REGISTRY[table].columns}, **row} for row in rows]
            )
            assert comparable(ws.records.query(table)) == want, table
        for table, ids in expected["deleted"].items():
            for row_id in ids:
                assert ws.records.get(table, row_id) is None
                tomb = ws.records.get(table, row_id, include_deleted=True)
                assert tomb is not None
                assert tomb["deleted"]

        names = {r["id"]: r["name"] for r in expected["rows"]["members"]}
        for query, found in expected["searches"].items():
            rowids = ws.records.search_rowids("members", query)
            got = sorted(
                names[r["id"]] for r in ws.records.rows_by_rowid("members", rowids).values()
            )
            assert got == found, query

        # The upgraded folder keeps working: a new write continues the outbox and the chain.
        with ws.records.transaction():
            new = ws.records.insert("members", {"name": "新成员"}, owner_org=ws.org_id)
        seqs = [r[0] for r in db.query("SELECT device_seq FROM outbox ORDER BY device_seq")]
        assert seqs == list(range(1, len(seqs) + 1))
        assert ws.records.search_rowids("members", "xcy")
        assert audit.verify(db).ok
        assert new in {r["id"] for r in ws.records.query("members")}
    finally:
        ws.close()

    # Every user still unlocks, and the recovery code still opens the data.
    for name, user in expected["users"].items():
        again = Workspace.unlock(folder, name, user["password"])
        assert again.user.role == user["role"]
        again.close()
    monkeypatch.setattr("desktop.store.workspace.tuned_kdf", KdfParams)  # the floor, faster
    recovered = Workspace.recover(folder, expected["recovery_code"], admin, "after-upgrade-1")
    recovered.close()
    assert digest(source) == pristine  # the fixture itself is never written
