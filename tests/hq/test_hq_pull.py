"""Pull pages: bounded, resumable from the cursor, proportional to what changed."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hqkit import Hq, Refused

from desktop.store.schema import DATA_FORMAT
from desktop.sync.protocol import MAX_PULL_LIMIT, PULL_PATH, PullRequest, encode_body


def test_pages_deliver_everything_once_in_order(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    writer, reader = hq.enrol(branch), hq.enrol(branch)
    rows = [
        writer.insert("members", {"name": f"成员{n}", "phone": f"1390000{n:04d}"})
        for n in range(40)
    ]
    writer.push()
    pages = reader.pull(limit=7)
    assert len(pages) > 10
    cursors = [page.next_cursor for page in pages]
    assert cursors == sorted(cursors)
    assert [page.more for page in pages] == [True] * (len(pages) - 1) + [False]
    assert pages[-1].next_cursor == pages[-1].head
    assert set(rows) <= set(reader.rows)
    assert {k: v for k, v in reader.state().items() if k in rows} == {
        k: v for k, v in writer.state().items() if k in rows
    }
    # A new row arrives whole in the first page that touches it.
    first_seen: set[str] = set()
    for page in pages:
        for row in page.rows:
            if row.row_id in rows and row.row_id not in first_seen:
                first_seen.add(row.row_id)
                assert row.whole
                assert {f.col for f in row.fields} == {"owner_org", "audience", "name", "phone"}


def test_a_branch_among_busy_ones_pulls_just_its_rows(hq: Hq) -> None:
    """Most of HQ's log is other branches' work: the device's pages are then drawn from
    its own rows (on PostgreSQL), and hold those, whole, and what is addressed to it."""
    mine, busy = hq.org("第一党支部", hq.root), hq.org("第二党支部", hq.root)
    writer, other, reader = hq.enrol(mine), hq.enrol(busy), hq.enrol(mine)
    ours = [writer.insert("members", {"name": f"成员{n}"}) for n in range(6)]
    writer.push()
    theirs = [other.insert("members", {"name": f"乙{n}"}) for n in range(4)]
    for round_ in range(60):
        for row_id in theirs:
            other.update("members", row_id, {"phone": f"13{round_:09d}"})
    addressed = other.insert("members", {"name": "抄送"}, audience=[mine])
    other.push()
    writer.update("members", ours[0], {"phone": "13900000000"})
    writer.push()
    pages = reader.pull(limit=40)
    received = {row.row_id for page in pages for row in page.rows if row.tbl == "members"}
    assert received == {*ours, addressed}
    assert reader.state()[ours[0]]["phone"] == "13900000000"
    assert {k: v for k, v in reader.state().items() if k in ours} == writer.state()


def test_a_page_not_applied_is_sent_again(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    writer, reader = hq.enrol(branch), hq.enrol(branch)
    for n in range(5):
        writer.insert("members", {"name": f"成员{n}"})
    writer.push()
    reader.pull(limit=4)  # the tree and part of the roster
    head = reader.cursor
    for n in range(5):
        writer.insert("members", {"name": f"新成员{n}"})
    writer.push()
    first = reader.pull_page(limit=6)
    # The link was cut before the page was applied: the cursor did not move.
    assert reader.cursor == head
    again = reader.pull_page(limit=6)
    assert replace(again, server_time_ms=first.server_time_ms) == first
    reader.apply(again)
    reader.pull()
    assert {k: v for k, v in reader.state().items() if k in writer.rows} == writer.state()


def test_a_field_edited_many_times_travels_once(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    writer, reader = hq.enrol(branch), hq.enrol(branch)
    row = writer.insert("members", {"name": "张三"})
    writer.push()
    reader.pull()
    for n in range(5):
        writer.update("members", row, {"phone": f"1380000000{n}"})
        writer.push()
    [page] = reader.pull()
    [pulled] = page.rows
    assert not pulled.whole
    assert [(f.col, f.value) for f in pulled.fields] == [("phone", "13800000004")]


def test_a_pull_with_nothing_new_is_tiny(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    device = hq.enrol(branch)
    device.insert("members", {"name": "张三"})
    device.sync()
    body = encode_body(PullRequest(DATA_FORMAT, device.cursor).to_wire())
    response = device.request(PULL_PATH, None, body=body)
    assert response.status_code == 200
    assert len(body) < 80
    assert len(response.content) < 120
    [page] = device.pull()
    assert (page.rows, page.removals, page.conflicts, page.more) == ((), (), (), False)


def test_a_cursor_beyond_hq_is_refused(hq: Hq) -> None:
    device = hq.enrol(hq.root)
    with pytest.raises(Refused) as refused:
        device.pull_page(cursor=10_000)
    assert refused.value.status == 409
    assert refused.value.body.error == "cursor_ahead"


@pytest.mark.parametrize("limit", [0, MAX_PULL_LIMIT + 1, -1])
def test_a_page_size_out_of_bounds_is_refused(hq: Hq, limit: int) -> None:
    device = hq.enrol(hq.root)
    wire = PullRequest(DATA_FORMAT, 0).to_wire() | {"limit": limit}
    assert device.request(PULL_PATH, wire).status_code == 400


def test_a_created_row_is_never_split_across_pages(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    writer, reader = hq.enrol(branch), hq.enrol(branch)
    full = {"name": "张三", "phone": "13800000000", "post": "电工", "education": "本科"}
    rows = [writer.insert("members", full) for _ in range(6)]
    writer.push()
    pages = reader.pull(limit=2)  # fewer fields than one created row sets
    for page in pages:
        for row in page.rows:
            if row.row_id in rows:
                assert row.whole
                assert len(row.fields) == 6
    assert {k: v for k, v in reader.state().items() if k in rows} == writer.state()
