"""The audit chain: one block per committed transaction; any edit, removal or insertion
made behind the store's back (raw SQL) is reported at the block where it happened.

What a local chain cannot show: someone who holds the key can cut the newest blocks and
their changes together, or rewrite the whole chain. Only a copy of the head kept elsewhere
(HQ's acknowledgements) can; that is sync's job, not this module's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from desktop.store import audit
from desktop.store.db import Database
from desktop.store.workspace import Workspace


def block_of(db: Database, seq: int) -> int:
    return int(db.scalar("SELECT block FROM changes WHERE seq = ?", (seq,)))


@pytest.fixture
def ws(workspace: Callable[..., Workspace]) -> Workspace:
    """A workspace with four more committed transactions (blocks 2 to 5)."""
    w = workspace()
    r = w.records
    with r.transaction():
        a = r.insert("members", {"name": "张三", "gender": "male"}, owner_org=w.org_id)
    with r.transaction():
        b = r.insert("members", {"name": "李四"}, owner_org=w.org_id)
        r.update("members", a, {"phone": "13800138000", "post": "技术员"})
    with r.transaction():
        r.update("members", b, {"name": "李斯", "work_unit": "项目部"})
    with r.transaction():
        r.delete("members", a)
    return w


def test_verify_counts_blocks_and_changes(ws: Workspace) -> None:
    report = audit.verify(ws.db)
    assert report.ok
    assert (report.bad_block, report.reason) == (None, "")
    assert report.blocks == 5
    assert report.changes == ws.db.scalar("SELECT count(*) FROM changes")
    authors = {r[0] for r in ws.db.query("SELECT author FROM audit_blocks")}
    assert authors == {ws.user.id}


def test_a_transaction_without_changes_adds_no_block(ws: Workspace) -> None:
    with ws.records.transaction():
        pass
    assert audit.verify(ws.db).blocks == 5


def test_blocks_record_who_and_from_which_device(ws: Workspace) -> None:
    last = ws.db.query("SELECT author, device, at FROM audit_blocks ORDER BY id DESC LIMIT 1")
    author, device, at = last[0]
    assert (author, device) == (ws.user.id, ws.device_id)
    assert at.endswith("+00:00")


def middle_change(db: Database) -> int:
    """A change in the middle of block 3 (neither its first nor its last)."""
    first, last = db.query("SELECT first_seq, last_seq FROM audit_blocks WHERE id = 3")[0]
    assert last - first >= 2
    return int(first + 1)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("value", "王五"),
        ("value", None),
        ("row_id", "someone-else"),
        ("tbl", "users"),
        ("col", "id_number"),
        ("hlc", "0000000000000001:00000:x"),
        ("base_hlc", "0000000000000001:00000:x"),
        ("author", "intruder"),
        ("device", "other-laptop"),
        ("device_seq", 999_999),
    ],
)
def test_an_altered_change_is_reported(ws: Workspace, column: str, value: Any) -> None:
    seq = middle_change(ws.db)
    ws.db.execute(f"UPDATE changes SET {column} = ? WHERE seq = ?", (value, seq))
    report = audit.verify(ws.db)
    assert not report.ok
    assert report.bad_block == 3
    assert report.reason == "a change was altered"


def test_two_swapped_values_are_reported(ws: Workspace) -> None:
    first, last = ws.db.query("SELECT first_seq, last_seq FROM audit_blocks WHERE id = 3")[0]
    v1, v2 = (ws.db.scalar("SELECT value FROM changes WHERE seq = ?", (s,)) for s in (first, last))
    assert v1 != v2
    ws.db.execute("UPDATE changes SET value = ? WHERE seq = ?", (v2, first))
    ws.db.execute("UPDATE changes SET value = ? WHERE seq = ?", (v1, last))
    assert audit.verify(ws.db).bad_block == 3


@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_a_deleted_change_is_reported(ws: Workspace, where: str) -> None:
    first, last = ws.db.query("SELECT first_seq, last_seq FROM audit_blocks WHERE id = 3")[0]
    seq = {"first": first, "middle": middle_change(ws.db), "last": last}[where]
    ws.db.execute("DELETE FROM changes WHERE seq = ?", (seq,))
    report = audit.verify(ws.db)
    assert (report.ok, report.bad_block) == (False, 3)
    assert report.reason == "changes were removed"


def test_a_deleted_change_in_the_newest_block_is_reported(ws: Workspace) -> None:
    last = ws.db.scalar("SELECT max(seq) FROM changes")
    ws.db.execute("DELETE FROM changes WHERE seq = ?", (last,))
    assert audit.verify(ws.db).bad_block == 5


def test_a_forged_change_after_the_chain_is_reported(ws: Workspace) -> None:
    ws.db.execute(
        "INSERT INTO changes (row_id, tbl, col, value, hlc, device, block) "
        "SELECT row_id, tbl, col, '伪造', hlc, device, block FROM changes "
        "ORDER BY seq DESC LIMIT 1"
    )
    report = audit.verify(ws.db)
    assert not report.ok
    assert report.bad_block == 6
    assert report.reason == "changes exist outside any block"


@pytest.mark.parametrize(
    ("column", "value", "reason"),
    [
        ("at", "2020-01-01T00:00:00+00:00", "the block itself was altered"),
        ("author", "intruder", "the block itself was altered"),
        ("device", "other-laptop", "the block itself was altered"),
        ("hash", "0" * 64, "the block itself was altered"),
        ("digest", "0" * 64, "a change was altered"),
        ("prev_hash", "f" * 64, "the link to the previous block is broken"),
        ("last_seq", None, "a change was altered"),
    ],
)
def test_an_edited_block_is_reported(ws: Workspace, column: str, value: Any, reason: str) -> None:
    if column == "last_seq":
        ws.db.execute("UPDATE audit_blocks SET last_seq = last_seq - 1 WHERE id = 3")
    else:
        ws.db.execute(f"UPDATE audit_blocks SET {column} = ? WHERE id = 3", (value,))
    report = audit.verify(ws.db)
    assert not report.ok
    assert report.reason == reason
    assert report.bad_block == 3


def test_a_deleted_block_is_reported(ws: Workspace) -> None:
    ws.db.execute("DELETE FROM audit_blocks WHERE id = 3")
    report = audit.verify(ws.db)
    assert (report.ok, report.bad_block) == (False, 4)
    assert report.reason == "a block is missing before this one"


def test_the_newest_block_deleted_leaves_its_changes_unaccounted(ws: Workspace) -> None:
    ws.db.execute("DELETE FROM audit_blocks WHERE id = 5")
    report = audit.verify(ws.db)
    assert (report.ok, report.bad_block) == (False, 5)
    assert report.reason == "changes exist outside any block"


def test_a_deleted_block_with_its_changes_is_reported(ws: Workspace) -> None:
    first, last = ws.db.query("SELECT first_seq, last_seq FROM audit_blocks WHERE id = 2")[0]
    ws.db.execute("DELETE FROM changes WHERE seq BETWEEN ? AND ?", (first, last))
    ws.db.execute("DELETE FROM audit_blocks WHERE id = 2")
    assert audit.verify(ws.db).bad_block == 3


def test_the_first_bad_block_is_the_one_reported(ws: Workspace) -> None:
    ws.db.execute("UPDATE changes SET value = 'x' WHERE block = 4")
    ws.db.execute("UPDATE changes SET value = 'x' WHERE block = 2")
    assert audit.verify(ws.db).bad_block == 2


def test_writes_after_verification_extend_a_valid_chain(ws: Workspace) -> None:
    with ws.records.transaction():
        ws.records.insert("members", {"name": "王五"}, owner_org=ws.org_id)
    report = audit.verify(ws.db)
    assert report.ok
    assert report.blocks == 6
    assert block_of(ws.db, int(ws.db.scalar("SELECT max(seq) FROM changes"))) == 6
