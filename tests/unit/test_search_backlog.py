"""Rows of a first pull are indexed for search in bulk after their pages: until then they
are not found, afterwards every one is, with its latest values, exactly once; a pull that
stops halfway (a cut, a crash) leaves a mark that the next unlock or sync completes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest

from desktop.store import search_backlog
from desktop.store.hlc import HybridClock
from desktop.store.ids import new_id
from desktop.store.replica import IncomingField, IncomingRow, Replica
from desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from conftest import Template

REMOTE = new_id()
NAMES = ("张三", "李小明", "欧阳长乐", "曾国华", "王　芳", "单雄信")


@dataclass(frozen=True)
class Stamped:
    """Fields sharing one stamp, as a first pull's rows come."""

    hlc: str
    device: str
    author: str | None
    values: dict[str, Any]


def _incoming(ws: Workspace, count: int) -> list[IncomingRow]:
    clock = HybridClock(REMOTE)
    rows = []
    for n in range(count):
        stamp = str(clock.now())
        values = {
            "owner_org": ws.org_id,
            "audience": "[]",
            "name": f"{NAMES[n % len(NAMES)]}{n:03d}",
            "phone": f"139{n:08d}",
        }
        rows.append(
            IncomingRow("members", new_id(), stamp, (), Stamped(stamp, REMOTE, None, values))
        )
    return rows


def _pull(ws: Workspace, rows: list[IncomingRow]) -> None:
    with ws.records.transaction():
        Replica(ws.records).apply(rows, defer_search=True)


def _found(ws: Workspace, text: str) -> set[str]:
    rowids = ws.records.search_rowids("members", text)
    return {r["id"] for r in ws.records.rows_by_rowid("members", rowids).values()}


def _entries(ws: Workspace) -> int:
    return int(ws.db.scalar("SELECT count(*) FROM fts_members"))


def test_pulled_rows_wait_for_the_index_then_are_all_found(
    workspace: Callable[..., Workspace],
) -> None:
    ws = workspace()
    rows = _incoming(ws, 30)
    _pull(ws, rows)
    assert ws.records.count("members") == 30
    assert search_backlog.tables(ws.db) == ["members"]
    assert not _found(ws, "zhangsan") and _entries(ws) == 0

    with ws.records.transaction():
        indexed = search_backlog.complete(ws.db, ws.records.registry)
    assert indexed == 30
    assert search_backlog.tables(ws.db) == []
    for n, row in enumerate(rows):
        assert _found(ws, f"139{n:08d}") == {row.row_id}
    assert rows[0].row_id in _found(ws, "zhangsan")
    assert _entries(ws) == 30


def test_writes_while_rows_wait_are_indexed_once_with_their_latest_values(
    workspace: Callable[..., Workspace],
) -> None:
    ws = workspace()
    rows = _incoming(ws, 12)
    _pull(ws, rows)
    renamed, gone, merged = rows[0].row_id, rows[1].row_id, rows[2].row_id
    with ws.records.transaction():
        ws.records.update("members", renamed, {"name": "赵六"})
        ws.records.delete("members", gone)
        local = ws.records.insert("members", {"name": "孙七"}, owner_org=ws.org_id)
    # An edit from another device to a waiting row.
    later = str(HybridClock(REMOTE).now())
    edit = IncomingField("name", "周八", later, REMOTE, None)
    with ws.records.transaction():
        Replica(ws.records).apply([IncomingRow("members", merged, None, (edit,))])
    assert not _found(ws, "zhaoliu") and not _found(ws, "sunqi") and not _found(ws, "zhouba")

    search_backlog.complete(ws.db, ws.records.registry)
    assert _found(ws, "zhaoliu") == {renamed} and renamed not in _found(ws, "zhangsan")
    assert _found(ws, "zhouba") == {merged} and merged not in _found(ws, "ouyang")
    assert _found(ws, "sunqi") == {local}
    assert gone not in _found(ws, "lixiaoming")
    # One entry per live row: nothing indexed twice, the deleted row not at all.
    assert _entries(ws) == ws.records.count("members") == 12

    # Once complete, writes keep the index current again.
    with ws.records.transaction():
        ws.records.update("members", renamed, {"name": "钱九"})
    assert _found(ws, "qianjiu") == {renamed} and not _found(ws, "zhaoliu")


def test_a_failed_page_leaves_neither_its_rows_nor_a_mark(
    workspace: Callable[..., Workspace],
) -> None:
    ws = workspace()
    with pytest.raises(RuntimeError), ws.records.transaction():
        Replica(ws.records).apply(_incoming(ws, 5), defer_search=True)
        raise RuntimeError("the link dropped while the page was applied")
    assert ws.records.count("members") == 0
    assert search_backlog.tables(ws.db) == []


def test_unlocking_completes_what_a_cut_pull_left(
    workspace: Callable[..., Workspace], workspace_template: Template
) -> None:
    ws = workspace()
    rows = _incoming(ws, 8)
    _pull(ws, rows)
    folder, user = ws.folder, ws.user.name
    ws.close()
    again = Workspace.unlock(folder, user, workspace_template.password)
    try:
        assert search_backlog.tables(again.db) == []
        assert rows[0].row_id in _found(again, "zhangsan")
        assert _entries(again) == 8
    finally:
        again.close()


def test_a_large_backlog_is_indexed_a_chunk_per_transaction(
    workspace: Callable[..., Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws = workspace()
    monkeypatch.setattr(search_backlog, "CHUNK", 7)
    monkeypatch.setattr(search_backlog, "_BATCH", 3)
    rows = _incoming(ws, 25)
    _pull(ws, rows)
    first = int(ws.db.scalar("SELECT min(_rowid) FROM members"))
    assert search_backlog.pending_from(ws.db, "members") == first
    with ws.db.transaction():
        assert search_backlog.index_chunk(ws.db, ws.records.registry["members"]) == (7, False)
    # The mark moved past what is done: a crash now keeps it, the rest follows later.
    assert search_backlog.pending_from(ws.db, "members") == first + 7
    assert search_backlog.complete(ws.db, ws.records.registry) == 18
    assert search_backlog.tables(ws.db) == []
    assert {r.row_id for r in rows} == set().union(*(_found(ws, f"139{n:08d}") for n in range(25)))
    assert _entries(ws) == 25
