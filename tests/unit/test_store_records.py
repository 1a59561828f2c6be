"""Generic record access: writes, reads, validation, and the change log written with them.

Most tests use a bare store (a keyed database, the registry plus a `samples` table with
every column type, and a hybrid clock whose wall time the test sets), so they need no key
derivation. A few use a whole workspace where the point is what a user opens.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import sqlcipher3

from desktop.store import audit, meta
from desktop.store.db import Database, open_database
from desktop.store.errors import InvalidValue, RecordNotFound, UnknownTable
from desktop.store.hlc import HybridClock, Stamp
from desktop.store.ids import new_id
from desktop.store.migrations import migrate
from desktop.store.records import Records
from desktop.store.schema import (
    REGISTRY,
    ROW_CREATED,
    Column,
    ColumnType,
    Registry,
    Scope,
    Search,
    Table,
    encode_row,
    expand_change,
    table_ddl,
)
from desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from conftest import Template

SAMPLES = Table(
    "samples",
    (
        Column("title", required=True, max_length=10, search=Search.NAME),
        Column("amount", ColumnType.INTEGER),
        Column("ratio", ColumnType.REAL),
        Column("flag", ColumnType.BOOL),
        Column("day", ColumnType.DATE),
        Column("tags", ColumnType.JSON),
        Column("data", ColumnType.BLOB),
        Column("kind", choices=("a", "b")),
    ),
    Scope.ORG,
)
ORG = "org-1"
DEVICE = "device-1"
AUTHOR = "user-1"
START_MS = 1_750_000_000_000


@dataclass
class Store:
    path: Path
    key: bytes
    db: Database
    records: Records
    wall: list[int]  # the clock's wall time in ms; tests move it

    def tick(self, ms: int = 1) -> None:
        self.wall[0] += ms


def make_registry() -> Registry:
    registry = Registry()
    for table in REGISTRY:
        registry.register(table)
    registry.register(SAMPLES)
    return registry


def open_store(path: Path, key: bytes, wall: list[int]) -> Store:
    db = open_database(path, key)
    migrate(db)
    if not db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'samples'"):
        with db.transaction():
            for stmt in table_ddl(SAMPLES):
                db.execute(stmt)
    clock = HybridClock(DEVICE, wall=lambda: wall[0])
    records = Records(db, make_registry(), clock, device=DEVICE)
    records.author = AUTHOR
    return Store(path, key, db, records, wall)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "store.db", os.urandom(32), [START_MS])
    yield s
    s.db.close()


def insert(s: Store, table: str = "samples", **values: Any) -> str:
    with s.records.transaction():
        return s.records.insert(table, values or {"title": "一"}, owner_org=ORG)


def changes(db: Database, row_id: str | None = None) -> list[dict[str, Any]]:
    sql = (
        "SELECT seq, row_id, tbl, col, value, hlc, base_hlc, author, device, device_seq "
        "FROM changes"
    )
    params: tuple[Any, ...] = ()
    if row_id:
        sql += " WHERE row_id = ?"
        params = (row_id,)
    cursor = db.execute(sql + " ORDER BY seq", params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def snapshot(db: Database) -> dict[str, list[Any]]:
    """Everything a write could touch: rows, search index, change log, audit, meta."""
    out = {t: db.query(f"SELECT * FROM {t} ORDER BY 1") for t in ("samples", "members")}
    out.update({t: db.query(f"SELECT * FROM {t} ORDER BY 1") for t in ("changes", "meta")})
    out["audit_blocks"] = db.query("SELECT * FROM audit_blocks ORDER BY id")
    out["fts"] = db.query("SELECT rowid FROM fts_samples ORDER BY rowid")
    return out


# --- insert, get, query, count ---------------------------------------------------------


def test_insert_and_get_every_type(store: Store) -> None:
    values = {
        "title": "张三",
        "amount": -(2**63),
        "ratio": 2,
        "flag": False,
        "day": "2024-02-29",
        "tags": ["甲", {"k": 1}],
        "data": b"\x00\xff",
        "kind": "b",
    }
    with store.records.transaction():
        row_id = store.records.insert("samples", values, owner_org=ORG, audience=["org-2"])
    got = store.records.get("samples", row_id)
    assert got is not None
    assert {k: got[k] for k in values} == {**values, "ratio": 2.0}
    assert isinstance(got["ratio"], float)
    assert got["flag"] is False
    assert got["owner_org"] == ORG
    assert got["audience"] == ["org-2"]
    assert got["deleted"] is False
    assert got["id"] == row_id
    assert got["hlc"] == got["created"]
    assert store.records.require("samples", row_id) == got


def test_optional_fields_read_back_as_none(store: Store) -> None:
    row_id = insert(store, title="李四", day="")
    got = store.records.require("samples", row_id)
    assert got["day"] is None
    assert got["amount"] is None
    assert got["tags"] is None
    assert got["audience"] == []


def test_query_filters_orders_and_pages(store: Store) -> None:
    with store.records.transaction():
        for n in range(5):
            store.records.insert("samples", {"title": f"t{n}", "amount": n}, owner_org=ORG)
    rows = store.records.query("samples", "amount >= ?", (2,), order_by="amount DESC")
    assert [r["amount"] for r in rows] == [4, 3, 2]
    page = store.records.query("samples", order_by="amount", limit=2, offset=1)
    assert [r["title"] for r in page] == ["t1", "t2"]
    assert store.records.count("samples") == 5
    assert store.records.count("samples", "amount < ?", (2,)) == 2


def test_get_of_an_unknown_id_is_none_and_require_raises(store: Store) -> None:
    assert store.records.get("samples", new_id()) is None
    with pytest.raises(RecordNotFound):
        store.records.require("samples", new_id())


def test_unknown_table_is_a_typed_error(store: Store) -> None:
    with pytest.raises(UnknownTable):
        store.records.get("nope", "x")
    with pytest.raises(UnknownTable), store.records.transaction():
        store.records.insert("nope", {}, owner_org=ORG)


def test_writes_outside_a_transaction_are_refused(store: Store) -> None:
    with pytest.raises(RuntimeError, match="transaction"):
        store.records.insert("samples", {"title": "x"}, owner_org=ORG)
    assert store.records.count("samples") == 0


def test_summary_of_the_last_transaction(store: Store) -> None:
    a = insert(store)
    with store.records.transaction():
        b = store.records.insert("samples", {"title": "二"}, owner_org=ORG)
        store.records.update("samples", a, {"amount": 1})
        store.records.delete("samples", b)
    summary = store.records.last_summary
    assert (summary.tables, summary.inserted, summary.updated, summary.deleted) == (
        {"samples"},
        1,
        1,
        1,
    )


# --- update and delete -----------------------------------------------------------------


def test_update_changes_only_what_differs(store: Store) -> None:
    row_id = insert(store, title="张三", amount=1, flag=True)
    store.tick()
    with store.records.transaction():
        changed = store.records.update(
            "samples", row_id, {"title": "张三", "amount": 2, "flag": True, "kind": "a"}
        )
    assert sorted(changed) == ["amount", "kind"]
    got = store.records.require("samples", row_id)
    assert (got["title"], got["amount"], got["flag"], got["kind"]) == ("张三", 2, True, "a")
    assert got["hlc"] > got["created"]


def test_an_update_that_changes_nothing_writes_nothing(store: Store) -> None:
    row_id = insert(store, title="张三", amount=1)
    before = snapshot(store.db)
    with store.records.transaction():
        assert store.records.update("samples", row_id, {"title": "张三", "amount": 1}) == []
    assert snapshot(store.db) == before


def test_update_can_clear_an_optional_field(store: Store) -> None:
    row_id = insert(store, title="张三", amount=1)
    with store.records.transaction():
        assert store.records.update("samples", row_id, {"amount": None}) == ["amount"]
    assert store.records.require("samples", row_id)["amount"] is None
    assert changes(store.db, row_id)[-1]["value"] is None


def test_delete_is_a_tombstone(store: Store) -> None:
    row_id = insert(store, title="张三")
    keep = insert(store, title="李四")
    with store.records.transaction():
        store.records.delete("samples", row_id)
    assert store.records.get("samples", row_id) is None
    tomb = store.records.get("samples", row_id, include_deleted=True)
    assert tomb is not None
    assert tomb["deleted"] is True
    assert tomb["title"] == "张三"  # kept until compaction, so the delete can sync
    assert store.records.count("samples") == 1
    assert [r["id"] for r in store.records.query("samples")] == [keep]
    last = changes(store.db, row_id)[-1]
    assert (last["col"], last["value"]) == ("_deleted", 1)
    with pytest.raises(RecordNotFound), store.records.transaction():
        store.records.update("samples", row_id, {"amount": 1})
    with pytest.raises(RecordNotFound), store.records.transaction():
        store.records.delete("samples", row_id)


# --- validation: an invalid value raises and writes nothing ------------------------------

LONG = "长" * 11
BAD_INSERTS: list[tuple[str, dict[str, Any], str]] = [
    ("unknown column", {"title": "x", "colour": "red"}, "colour"),
    ("system column", {"title": "x", "_deleted": 1}, "_deleted"),
    ("text gets a number", {"title": 5}, "title"),
    ("too long", {"title": LONG}, "title"),
    ("required missing", {"amount": 1}, "title"),
    ("required empty", {"title": ""}, "title"),
    ("integer gets text", {"title": "x", "amount": "3"}, "amount"),
    ("integer gets a bool", {"title": "x", "amount": True}, "amount"),
    ("integer out of range", {"title": "x", "amount": 2**63}, "amount"),
    ("real gets text", {"title": "x", "ratio": "1.5"}, "ratio"),
    ("bool gets text", {"title": "x", "flag": "yes"}, "flag"),
    ("bool gets a number", {"title": "x", "flag": 1}, "flag"),
    ("impossible date", {"title": "x", "day": "2023-02-29"}, "day"),
    ("month 13", {"title": "x", "day": "2024-13"}, "day"),
    ("slashes", {"title": "x", "day": "2024/01/01"}, "day"),
    ("two-digit year", {"title": "x", "day": "24-01-01"}, "day"),
    ("date gets a number", {"title": "x", "day": 20240101}, "day"),
    ("json gets text", {"title": "x", "tags": "a,b"}, "tags"),
    ("blob gets text", {"title": "x", "data": "bytes?"}, "data"),
    ("bad choice", {"title": "x", "kind": "c"}, "kind"),
]


@pytest.mark.parametrize(
    ("values", "column"),
    [pytest.param(v, c, id=name) for name, v, c in BAD_INSERTS],
)
def test_invalid_insert_raises_and_writes_nothing(
    store: Store, values: dict[str, Any], column: str
) -> None:
    insert(store, title="已有")
    before = snapshot(store.db)
    with pytest.raises(InvalidValue) as info, store.records.transaction():
        store.records.insert("samples", values, owner_org=ORG)
    assert info.value.params["column"] == column
    assert snapshot(store.db) == before


BAD_UPDATES: list[tuple[str, dict[str, Any]]] = [
    ("unknown column", {"colour": "red"}),
    ("system column", {"_hlc": "x"}),
    ("row id", {"id": "other"}),
    ("clear a required field", {"title": None}),
    ("too long", {"title": LONG}),
    ("wrong type", {"amount": 1.5}),
    ("bad date", {"day": "2024-04-31"}),
    ("bad choice", {"kind": "z"}),
    ("good then bad", {"amount": 7, "kind": "z"}),
]


@pytest.mark.parametrize("values", [pytest.param(v, id=n) for n, v in BAD_UPDATES])
def test_invalid_update_raises_and_writes_nothing(store: Store, values: dict[str, Any]) -> None:
    row_id = insert(store, title="已有", amount=1)
    before = snapshot(store.db)
    with pytest.raises(InvalidValue), store.records.transaction():
        store.records.update("samples", row_id, values)
    assert snapshot(store.db) == before


def test_a_failed_write_caught_inside_a_transaction_leaves_no_trace(store: Store) -> None:
    """A use case may catch a bad row and carry on (an import skipping bad lines). The
    failed call must leave nothing: no row, no search entry, and above all no change-log
    entry describing a row that does not exist (HQ would receive a phantom member)."""
    with store.records.transaction():
        with pytest.raises(InvalidValue):
            store.records.insert_many(
                "samples",
                [{"title": "好一"}, {"title": "好二"}, {"title": "坏", "kind": "z"}],
                owner_org=ORG,
            )
        good = store.records.insert("samples", {"title": "后来"}, owner_org=ORG)
    assert [r["id"] for r in store.records.query("samples")] == [good]
    assert {c["row_id"] for c in changes(store.db)} == {good}
    assert store.records.search_rowids("samples", "好") == []
    assert audit.verify(store.db).ok


def test_a_duplicate_id_caught_inside_a_transaction_leaves_no_trace(store: Store) -> None:
    taken = insert(store, title="原来")
    before = changes(store.db)
    with store.records.transaction(), pytest.raises(sqlcipher3.dbapi2.IntegrityError):
        store.records.insert_many(
            "samples",
            [{"title": "新一"}, {"title": "新二"}],
            owner_org=ORG,
            row_ids=[None, taken],
        )
    assert [r["title"] for r in store.records.query("samples")] == ["原来"]
    assert changes(store.db) == before
    assert store.records.search_rowids("samples", "新") == []


# --- the change log and outbox -----------------------------------------------------------


def outbox(db: Database) -> list[dict[str, Any]]:
    cursor = db.execute("SELECT * FROM outbox ORDER BY device_seq")
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def test_insert_appends_one_outbox_entry_carrying_every_field(store: Store) -> None:
    with store.records.transaction():
        row_id = store.records.insert(
            "samples", {"title": "张三", "amount": 3, "flag": True}, owner_org=ORG
        )
    row = store.records.require("samples", row_id)
    entries = outbox(store.db)
    assert len(entries) == 1
    (entry,) = entries
    assert entry["col"] == ROW_CREATED
    assert dict(expand_change(entry["col"], entry["value"])) == {
        "owner_org": ORG,
        "audience": "[]",
        "title": "张三",
        "amount": 3,
        "flag": 1,
    }
    assert (entry["row_id"], entry["tbl"], entry["hlc"]) == (row_id, "samples", row["hlc"])
    assert entry["base_hlc"] is None  # nothing was overwritten
    assert (entry["author"], entry["device"]) == (AUTHOR, DEVICE)
    assert entry["device_seq"] == 1


def test_a_created_row_with_a_blob_expands_back_to_its_bytes() -> None:
    value = encode_row({"title": "照片", "photo": b"\x00\xffJPEG"})
    assert dict(expand_change(ROW_CREATED, value)) == {"title": "照片", "photo": b"\x00\xffJPEG"}
    assert expand_change("title", "x") == [("title", "x")]


def test_update_base_hlc_is_the_version_of_that_field_it_overwrote(store: Store) -> None:
    row_id = insert(store, title="张三", amount=1)
    created = store.records.require("samples", row_id)["created"]
    store.tick()
    with store.records.transaction():
        store.records.update("samples", row_id, {"amount": 2})
    first = changes(store.db, row_id)[-1]
    assert (first["col"], first["base_hlc"]) == ("amount", created)
    store.tick()
    with store.records.transaction():
        store.records.update("samples", row_id, {"title": "张叁"})
    title = changes(store.db, row_id)[-1]
    # The title was last written at creation: the amount's later edit is not its base.
    assert (title["col"], title["base_hlc"]) == ("title", created)
    store.tick()
    with store.records.transaction():
        store.records.update("samples", row_id, {"amount": 3})
    second = changes(store.db, row_id)[-1]
    assert (second["col"], second["base_hlc"]) == ("amount", first["hlc"])
    store.tick()
    with store.records.transaction():
        store.records.delete("samples", row_id)
    tomb = changes(store.db, row_id)[-1]
    assert (tomb["col"], tomb["base_hlc"]) == ("_deleted", created)
    assert first["hlc"] < title["hlc"] < second["hlc"] < tomb["hlc"]


def test_every_field_of_a_row_equals_its_latest_change(store: Store) -> None:
    row_id = insert(store, title="张三", amount=1)
    with store.records.transaction():
        store.records.update("samples", row_id, {"amount": 2, "tags": ["x"]})
        store.records.update("samples", row_id, {"amount": 3})
    with store.records.transaction():
        store.records.update(
            "samples",
            row_id,
            {"title": "李四"},
        )
    latest: dict[str, Any] = {}
    by_col: dict[str, str] = {}
    for c in changes(store.db, row_id):
        for col, value in expand_change(c["col"], c["value"]):
            latest[col] = value
            by_col[col] = c["hlc"]
    raw = store.db.query("SELECT title, amount, tags, _v FROM samples WHERE id = ?", (row_id,))
    title, amount, tags, versions = raw[0]
    assert (latest["title"], latest["amount"], latest["tags"]) == (title, amount, tags)
    # Fields written after creation carry their own version; the rest, the creation's.
    assert json.loads(versions) == {k: by_col[k] for k in ("title", "amount", "tags")}


def test_local_tables_never_reach_the_outbox(store: Store) -> None:
    with store.records.transaction():
        user = store.records.insert("users", {"name": "王芳", "role": "member"}, owner_org=ORG)
    logged = changes(store.db, user)
    assert logged  # audited like everything else
    assert all(c["device_seq"] is None for c in logged)
    assert outbox(store.db) == []


def test_rollback_undoes_rows_change_log_audit_and_search(store: Store) -> None:
    kept = insert(store, title="张三", amount=1)
    before = snapshot(store.db)
    with pytest.raises(RuntimeError, match="abort"), store.records.transaction():
        store.records.insert("samples", {"title": "李四"}, owner_org=ORG)
        store.records.update("samples", kept, {"title": "王五", "amount": 2})
        store.records.delete("samples", kept)
        raise RuntimeError("abort")
    assert snapshot(store.db) == before
    assert store.records.search_rowids("samples", "李四") == []
    assert len(store.records.search_rowids("samples", "张三")) == 1
    assert store.records.last_summary.inserted == 1  # still the last committed one
    assert audit.verify(store.db).ok


def test_device_seq_strictly_increases_and_restarts_after_a_rollback(store: Store) -> None:
    """Decision: device_seq numbers the outbox HQ receives. A number must never name two
    different changes that HQ might both see. A rolled-back transaction was never
    committed, so nothing could have been pushed, and the next commit may take the same
    numbers: the sequence stays gapless, and HQ (idempotent by (device, device_seq)) never
    sees a reused number."""
    insert(store)
    assert [e["device_seq"] for e in outbox(store.db)] == [1]
    with pytest.raises(ValueError, match="abort"), store.records.transaction():
        store.records.insert("samples", {"title": "回滚"}, owner_org=ORG)
        raise ValueError("abort")
    insert(store, title="二")
    insert(store, title="三")
    seqs = [e["device_seq"] for e in outbox(store.db)]
    assert seqs == [1, 2, 3]
    assert not any("回滚" in str(e["value"]) for e in outbox(store.db))


def test_device_seq_is_unique_across_two_connections(tmp_path: Path) -> None:
    """The app and the CLI may have one data folder open at once; their numbers must not
    collide (each is assigned inside the write lock)."""
    key = os.urandom(32)
    wall = [START_MS]
    a = open_store(tmp_path / "s.db", key, wall)
    b = open_store(tmp_path / "s.db", key, wall)
    try:
        for n in range(6):
            insert(a if n % 2 else b, title=f"t{n}")
            wall[0] += 1
        seqs = [e["device_seq"] for e in outbox(a.db)]
        assert seqs == list(range(1, len(seqs) + 1))
        assert len(seqs) == 6  # one change per created row
        assert audit.verify(a.db).ok
    finally:
        a.db.close()
        b.db.close()


def test_stamps_are_unique_across_two_connections_with_a_frozen_clock(tmp_path: Path) -> None:
    """Two processes on one data folder share the device id; with the wall clock standing
    still, each must still issue stamps past the other's, or two different edits would
    carry the same version and merge could not order them."""
    key = os.urandom(32)
    wall = [START_MS]  # never advances
    a = open_store(tmp_path / "s.db", key, wall)
    b = open_store(tmp_path / "s.db", key, wall)
    try:
        ids = [insert(a if n % 2 else b, title=f"t{n}") for n in range(6)]
        stamps = [a.records.require("samples", i)["hlc"] for i in ids]
        assert len(set(stamps)) == len(stamps)
        assert stamps == sorted(stamps)
    finally:
        a.db.close()
        b.db.close()


# --- ids and clocks --------------------------------------------------------------------


def test_row_ids_are_time_ordered_uuidv7(store: Store) -> None:
    with store.records.transaction():
        ids = [store.records.insert("samples", {"title": "x"}, owner_org=ORG) for _ in range(50)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids == sorted(ids)
    many = [new_id() for _ in range(5000)]
    assert many == sorted(many)
    assert len(set(many)) == len(many)


def test_stamps_keep_increasing_when_the_wall_clock_goes_back(store: Store) -> None:
    first = insert(store, title="一")
    store.wall[0] -= 3_600_000  # someone sets the laptop's clock back an hour
    second = insert(store, title="二")
    a = Stamp.parse(store.records.require("samples", first)["hlc"])
    b = Stamp.parse(store.records.require("samples", second)["hlc"])
    assert b > a


def test_clock_resumes_past_the_last_stamp_after_reopening(store: Store) -> None:
    future = START_MS + 10 * 365 * 86_400_000  # last session ran with a clock years ahead
    store.wall[0] = future
    row_id = insert(store)
    last = Stamp.parse(store.records.require("samples", row_id)["hlc"])
    stored = meta.get(store.db, meta.CLOCK)
    assert stored is not None
    assert Stamp.parse(stored) >= last
    # Reopened with real wall time, far behind `future`: the next write still goes past.
    reopened = Records(store.db, make_registry(), HybridClock(DEVICE), device=DEVICE)
    with reopened.transaction():
        later = reopened.insert("samples", {"title": "二"}, owner_org=ORG)
    assert Stamp.parse(reopened.require("samples", later)["hlc"]) > Stamp.parse(stored)


# --- the same through a workspace --------------------------------------------------------


def test_workspace_writes_are_stamped_with_user_and_device(
    workspace: Callable[..., Workspace], workspace_template: Template
) -> None:
    ws = workspace()
    with ws.records.transaction():
        member = ws.records.insert("members", {"name": "张三"}, owner_org=ws.org_id)
    logged = changes(ws.db, member)
    assert {c["author"] for c in logged} == {ws.user.id}
    assert {c["device"] for c in logged} == {ws.device_id}
    ws.close()
    again = Workspace.unlock(ws.folder, workspace_template.admin, workspace_template.password)
    try:
        assert again.records.require("members", member)["name"] == "张三"
        assert again.device_id == ws.device_id
    finally:
        again.close()


def test_a_records_transaction_inside_a_bare_database_one_is_still_logged(store: Store) -> None:
    """A use case that opens the database transaction itself (to read and write raw
    tables in the same unit) must not lose the change log of its record writes: those
    would otherwise never reach the outbox, and HQ would never hear of them."""
    with store.db.transaction():
        store.db.execute("INSERT INTO meta(key, value) VALUES ('raw', 'x')")
        with store.records.transaction():
            row_id = store.records.insert("samples", {"title": "张三"}, owner_org=ORG)
    logged = {
        col for c in changes(store.db, row_id) for col, _ in expand_change(c["col"], c["value"])
    }
    assert logged >= {"title", "owner_org"}
    assert audit.verify(store.db).blocks == 1


def test_record_writes_need_a_records_transaction(store: Store) -> None:
    with pytest.raises(RuntimeError, match="transaction"), store.db.transaction():
        store.records.insert("samples", {"title": "张三"}, owner_org=ORG)
    assert store.records.count("samples") == 0
