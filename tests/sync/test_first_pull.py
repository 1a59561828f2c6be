"""A new laptop's first pull: every row lands whole, searchable, logged once and sealed;
a cut loses at most the page in flight; an HQ that takes only small pages still serves."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from synckit import TEMPLATE_PASSWORD, LiveHq, sync

from desktop.domain.idnumber import make as make_id
from desktop.store import audit, search_backlog
from desktop.store.replica import Replica
from desktop.store.schema import ROW_CREATED
from desktop.store.workspace import Workspace
from desktop.sync import state
from desktop.sync.engine import SyncEngine, SyncOutcome
from desktop.sync.errors import HqUnreachable
from desktop.sync.protocol import PULL_PATH, V1_PULL_LIMIT, messages

NAMES = ("张三", "李小明", "欧阳长乐", "曾国华", "王　芳", "单雄信", "阿卜杜拉·买买提")


def _roster(ws: Workspace, branch: str, count: int) -> list[str]:
    with ws.records.transaction():
        return ws.records.insert_many(
            "members",
            (
                {
                    "name": f"{NAMES[n % len(NAMES)]}{n}" if n >= len(NAMES) else NAMES[n],
                    "gender": "male",
                    "id_number": make_id("110101", date(1980, 1, 1 + n % 28), n),
                    "phone": f"138{n:08d}",
                }
                for n in range(count)
            ),
            owner_org=branch,
        )


def _synced_branch(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], count: int
) -> tuple[Workspace, list[str], Workspace]:
    """Laptop a with a roster of `count` members sent to HQ, and laptop b just enrolled
    for the same branch (its first pull still to come)."""
    branch = live_hq.branch()
    a = enrolled("a", branch)
    ids = _roster(a, branch, count)
    sync(a)
    return a, ids, enrolled("b", branch)


def _members(ws: Workspace) -> dict[str, dict[str, Any]]:
    out = {}
    for r in ws.records.query("members"):
        out[r["id"]] = {k: v for k, v in r.items() if k != "hlc"}
    return out


def _found(ws: Workspace, text: str) -> set[str]:
    rowids = ws.records.search_rowids("members", text)
    return {r["id"] for r in ws.records.rows_by_rowid("members", rowids).values()}


def test_a_first_pull_lands_every_row_whole_searchable_logged_once_and_sealed(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    ids = _roster(a, branch, 40)
    with a.records.transaction():
        a.records.update("members", ids[1], {"post": "组织委员"})  # two stamps: general way
        a.records.delete("members", ids[2])  # deleted before b ever saw it
    sync(a)
    b = enrolled("b", branch)
    outcome = sync(b)
    assert outcome.pulled_rows >= 39

    assert _members(b) == _members(a)
    assert ids[2] not in _members(b)
    zhang, xiaoming = ids[0], ids[1]
    assert zhang in _found(b, "张三") and zhang in _found(b, "zhangsan")
    assert zhang in _found(b, "zs")
    assert xiaoming in _found(b, "xiaoming") and xiaoming in _found(b, "小明")
    id_number = b.records.require("members", ids[5])["id_number"]
    assert _found(b, id_number) == {ids[5]}
    assert ids[5] in _found(b, id_number[-6:])
    assert not _found(b, "组织委员")  # not a searchable field
    # Indexed in bulk after the last page: nothing is left waiting, nothing twice.
    assert search_backlog.tables(b.db) == []
    assert b.db.scalar("SELECT count(*) FROM fts_members") == b.records.count("members")

    # Received changes: logged (never sent again), one creation per row, sealed.
    created = b.db.query(
        "SELECT row_id, count(*) FROM changes WHERE tbl = 'members' AND col = ? "
        "AND device_seq IS NULL GROUP BY row_id",
        (ROW_CREATED,),
    )
    assert dict(created) == dict.fromkeys(_members(b), 1)
    edits = b.db.query(
        "SELECT col, value FROM changes WHERE row_id = ? AND col != ?", (xiaoming, ROW_CREATED)
    )
    assert edits == [("post", "组织委员")]
    assert Replica(b.records).outbox_count() == 0
    report = audit.verify(b.db)
    assert report.ok, report.reason

    # A second pull changes nothing; an edit on a then merges into b.
    sync(b)
    assert _members(b) == _members(a)
    with a.records.transaction():
        a.records.update("members", zhang, {"name": "李四"})
    sync(a)
    sync(b)
    assert b.records.require("members", zhang)["name"] == "李四"
    assert zhang in _found(b, "lisi") and zhang not in _found(b, "zhangsan")
    assert audit.verify(b.db).ok


def _first_pull_cut(ws: Workspace, *, on_pull: int) -> SyncOutcome:
    """A first pull in small pages (some 30 rows, then 60, then 120: a first pull's pages
    double) whose link is cut when page `on_pull` is asked for."""
    with ws.records.transaction():
        state.put_number(ws.db, state.PULL_LIMIT, 200)
    engine = SyncEngine(ws.records)
    call = engine.link.call
    pulls = 0

    def cut(path: str, message: Any) -> Any:
        nonlocal pulls
        if path == PULL_PATH:
            pulls += 1
            if pulls == on_pull:
                raise HqUnreachable(detail="cut by the test")
        return call(path, message)

    engine.link.call = cut  # type: ignore[method-assign]
    return engine.run()


def test_the_status_says_when_a_first_pull_makes_its_rows_searchable(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    a, ids, b = _synced_branch(live_hq, enrolled, 20)
    phases: list[str] = []
    assert SyncEngine(b.records, on_progress=lambda p: phases.append(p.phase)).run().ok
    # Indexing comes after the last page, and is not shown as receiving.
    assert phases.index("index") > max(n for n, phase in enumerate(phases) if phase == "pull")
    assert ids[0] in _found(b, "zhangsan")
    with a.records.transaction():
        a.records.update("members", ids[0], {"phone": "13911112222"})
    sync(a)
    phases.clear()
    assert SyncEngine(b.records, on_progress=lambda p: phases.append(p.phase)).run().ok
    assert "pull" in phases and "index" not in phases  # a later pull indexes as it goes
    assert _found(b, "13911112222") == {ids[0]}


def test_a_cut_during_a_first_pull_loses_at_most_the_page_in_flight(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    a, _, b = _synced_branch(live_hq, enrolled, 150)
    outcome = _first_pull_cut(b, on_pull=3)
    assert not outcome.ok and isinstance(outcome.error, HqUnreachable)
    landed = _members(b)
    cursor = state.number(b.db, state.CURSOR)
    assert 0 < len(landed) < 150 and cursor > 0
    # What landed is whole and sealed with its cursor; it waits for its search entries.
    assert all(landed[k] == v for k, v in _members(a).items() if k in landed)
    assert "members" in search_backlog.tables(b.db)
    assert audit.verify(b.db).ok

    sync(b)
    assert _members(b) == _members(a)
    # The resumed pull made every row searchable, those of the cut one too.
    assert search_backlog.tables(b.db) == []
    for row_id, member in _members(b).items():
        assert row_id in _found(b, member["phone"])
    assert b.db.scalar("SELECT count(*) FROM fts_members") == 150
    created = b.db.query(
        "SELECT count(*), count(DISTINCT row_id) FROM changes WHERE col = ? AND tbl = 'members'",
        (ROW_CREATED,),
    )
    assert created == [(150, 150)]
    assert audit.verify(b.db).ok


def test_rows_of_a_cut_first_pull_are_searchable_after_the_next_unlock(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    _, ids, b = _synced_branch(live_hq, enrolled, 80)
    assert not _first_pull_cut(b, on_pull=2).ok
    landed = set(_members(b))
    assert landed and "members" in search_backlog.tables(b.db)
    folder, user = b.folder, b.user.name
    b.close()

    again = Workspace.unlock(folder, user, TEMPLATE_PASSWORD)
    try:
        assert search_backlog.tables(again.db) == []
        assert ids[0] in landed and ids[0] in _found(again, "zhangsan")
        for row_id in landed:
            phone = again.records.require("members", row_id)["phone"]
            assert _found(again, phone) == {row_id}
    finally:
        again.close()


def test_an_hq_that_takes_only_small_pages_still_serves_a_first_pull(
    live_hq: LiveHq,
    enrolled: Callable[..., Workspace],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="desktop.sync.engine")
    branch = live_hq.branch()
    a = enrolled("a", branch)
    _roster(a, branch, 30)
    sync(a)
    # HQ (in this process) reads pull requests with the older, smaller limit.
    monkeypatch.setattr(messages, "MAX_PULL_LIMIT", V1_PULL_LIMIT)
    b = enrolled("b", branch)
    with b.records.transaction():
        state.put_number(b.db, state.PULL_LIMIT, 4 * V1_PULL_LIMIT)
    sync(b)
    assert _members(b) == _members(a)
    assert state.number(b.db, state.PULL_LIMIT) <= V1_PULL_LIMIT
    assert "at most 20000 fields" in caplog.text


# --- decoding a page ------------------------------------------------------------------

STAMP = "0001795311012794:00020:dev-a"


def _row(fields: list[Any]) -> list[Any]:
    return ["members", "row-1", STAMP, 1, fields]


def test_fields_sharing_one_stamp_decode_as_one_mapping_and_as_fields_alike() -> None:
    wire = _row(
        [
            ["owner_org", "org-1", 7, STAMP, "dev-a", None],
            ["audience", "[]", 7],
            ["name", "张三", 7],
            ["hardship", 1, 7],
            ["post", None, 7],
        ]
    )
    row = messages.PulledRow.from_wire(wire)
    stamped = row.stamped
    assert stamped is not None
    assert (stamped.hlc, stamped.device, stamped.author) == (STAMP, "dev-a", None)
    assert stamped.values == {
        "owner_org": "org-1",
        "audience": "[]",
        "name": "张三",
        "hardship": 1,
        "post": None,
    }
    slow = messages.PulledRow(
        "members",
        "row-1",
        STAMP,
        True,
        tuple(
            messages.PulledField(col, value, STAMP, 7, "dev-a", None)
            for col, value in stamped.values.items()
        ),
    )
    assert row == slow and row.fields == slow.fields
    assert messages.PulledRow.from_wire(row.to_wire()) == row


@pytest.mark.parametrize(
    "fields",
    [
        [["name", "a", 7, STAMP, "dev-a", None], ["post", "b", 8, "later", "dev-a", None]],
        [["name", "a", 7, STAMP, "dev-a", None], ["post", {"$b": "AAE="}, 7]],
        [["name", True, 7, STAMP, "dev-a", None]],
    ],
)
def test_other_shapes_decode_field_by_field(fields: list[Any]) -> None:
    if fields[-1][3:4] == ["later"]:
        fields[-1][3] = STAMP.replace("00020", "00021")
    row = messages.PulledRow.from_wire(_row(fields))
    assert row.stamped is None
    assert [f.col for f in row.fields] == [f[0] for f in fields]


@pytest.mark.parametrize(
    "fields",
    [
        [["name", "a", 0, STAMP, "dev-a", None]],
        [["name", "a", 7, STAMP, "dev-a", None], ["post", "b", -1]],
        [["name", "a", 7, STAMP, "dev-a", None], ["post", "b", True]],
        [["name", "a", 7, STAMP, "dev-a", None], [3, "b", 7]],
        [["name", "a", 7, STAMP, "dev-a", None], ["x" * 64, "b", 7]],
        [["name", "a", 7, STAMP, "dev-a", None], ["post", ["b"], 7]],
        [["name", "a", 7, STAMP, "dev-a", None], ["post", "b"]],
        [["name", "a", 7, "not a stamp", "dev-a", None]],
        [["name", "a", 7, STAMP, "bad device!", None]],
        [["name", "a", 7, STAMP, "dev-a", "bad author!"]],
        [],
    ],
)
def test_malformed_fields_are_refused_as_before(fields: list[Any]) -> None:
    if not fields:
        # An empty row is no field at all: read (as before), and nothing to apply.
        assert messages.PulledRow.from_wire(_row(fields)).fields == ()
        return
    with pytest.raises(messages.ProtocolError):
        messages.PulledRow.from_wire(_row(fields))
