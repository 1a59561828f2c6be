"""Per-field merge: concurrent edits of a field keep the higher HLC everywhere and the
losing value in a conflict record; a delete beats a concurrent edit; replicas converge."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from hqkit import Device, Hq, Refused, expect_ok
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop.store.schema import DATA_FORMAT, ROW_CREATED, expand_change
from desktop.sync.protocol import (
    PUSH_PATH,
    Change,
    PushRequest,
    PushResponse,
    Value,
    now_ms,
    value_json,
)
from hq import merge
from hq.merge import Batch
from hq.pushes import write_push
from hq.tables import changes, conflicts, counters, field_state, row_state


def _branch_with_officers(hq: Hq, count: int = 2) -> tuple[str, list[Device]]:
    branch = hq.org("第一党支部", hq.root)
    return branch, [hq.enrol(branch) for _ in range(count)]


def _shared_member(a: Device, others: list[Device]) -> str:
    row = a.insert("members", {"name": "张三", "phone": "13800000000"})
    a.push()
    for device in others:
        device.pull()
    return row


def _last(device: Device) -> Change:
    return device.outbox[-1]


@pytest.mark.parametrize("a_first", [True, False])
def test_concurrent_edits_keep_the_later_stamp_and_record_the_other(hq: Hq, a_first: bool) -> None:
    _, (a, b) = _branch_with_officers(hq)
    row = _shared_member(a, [b])
    a.update("members", row, {"phone": "13911111111"})
    b.update("members", row, {"phone": "13922222222"})
    edits = {_last(a).hlc: _last(a), _last(b).hlc: _last(b)}
    winner, loser = edits[max(edits)], edits[min(edits)]
    first, second = (a, b) if a_first else (b, a)
    assert first.push().conflicts == 0
    assert second.push().conflicts == 1
    for device in (a, b):
        device.pull()
        assert device.state()[row]["phone"] == winner.value
    assert a.state() == b.state()
    [conflict] = a.conflicts.values()
    assert b.conflicts == a.conflicts
    assert (conflict.tbl, conflict.row_id, conflict.col, conflict.kind) == (
        "members",
        row,
        "phone",
        "edit",
    )
    assert (conflict.winner.value, conflict.winner.hlc) == (winner.value, winner.hlc)
    assert (conflict.loser.value, conflict.loser.hlc) == (loser.value, loser.hlc)
    assert {conflict.winner.device, conflict.loser.device} == {a.id, b.id}
    assert conflict.base_hlc in (winner.base_hlc, loser.base_hlc)
    assert conflict.loser.author in (a.author, b.author)
    assert not conflict.resolved


def test_an_edit_made_after_seeing_the_other_is_no_conflict(hq: Hq) -> None:
    _, (a, b) = _branch_with_officers(hq)
    row = _shared_member(a, [b])
    a.update("members", row, {"phone": "13911111111"})
    a.push()
    b.pull()
    b.update("members", row, {"phone": "13922222222"})
    assert b.push().conflicts == 0
    a.pull()
    assert a.state()[row]["phone"] == "13922222222"
    assert a.conflicts == {}


def test_the_same_value_written_twice_is_no_conflict(hq: Hq) -> None:
    _, (a, b) = _branch_with_officers(hq)
    row = _shared_member(a, [b])
    a.update("members", row, {"phone": "13911111111"})
    b.update("members", row, {"phone": "13911111111"})
    a.push()
    assert b.push().conflicts == 0


def test_edits_of_different_fields_merge_without_conflict(hq: Hq) -> None:
    _, (a, b) = _branch_with_officers(hq)
    row = _shared_member(a, [b])
    a.update("members", row, {"phone": "13911111111"})
    b.update("members", row, {"post": "技术员", "hardship": True})
    assert a.push().conflicts + b.push().conflicts == 0
    a.pull()
    b.pull()
    assert a.state()[row] == b.state()[row]
    assert a.state()[row]["phone"] == "13911111111"
    assert a.state()[row]["post"] == "技术员"


def test_a_delete_beats_an_edit_that_arrives_later(hq: Hq) -> None:
    _, (a, b) = _branch_with_officers(hq)
    row = _shared_member(a, [b])
    a.delete("members", row)
    b.update("members", row, {"phone": "13922222222"})
    a.push()
    assert b.push().conflicts == 1
    for device in (a, b):
        device.pull()
        assert row not in device.state()
    [conflict] = a.conflicts.values()
    assert (conflict.kind, conflict.col) == ("delete", "phone")
    assert conflict.loser.value == "13922222222"
    assert conflict.winner.value is None
    assert conflict.winner.device == a.id


def test_a_delete_beats_an_edit_that_arrived_first(hq: Hq) -> None:
    _, (a, b) = _branch_with_officers(hq)
    row = _shared_member(a, [b])
    a.delete("members", row)
    b.update("members", row, {"phone": "13922222222"})  # after the delete, unaware of it
    b.push()
    assert a.push().conflicts == 1
    for device in (a, b):
        device.pull()
        assert row not in device.state()
    [conflict] = b.conflicts.values()
    assert (conflict.kind, conflict.loser.value, conflict.loser.device) == (
        "delete",
        "13922222222",
        b.id,
    )


def test_a_deleted_row_travels_as_its_tombstone_only(hq: Hq) -> None:
    _, (a, b) = _branch_with_officers(hq)
    row = _shared_member(a, [b])
    a.delete("members", row)
    a.push()
    [page] = b.pull()
    [pulled] = [r for r in page.rows if r.row_id == row]
    assert [f.col for f in pulled.fields] == ["_deleted"]
    late = hq.enrol(a.org)
    [first] = late.pull()
    [fresh] = [r for r in first.rows if r.row_id == row]
    assert [f.col for f in fresh.fields] == ["_deleted"]


def test_a_reviewed_conflict_is_resolved_for_every_officer(hq: Hq) -> None:
    _, (a, b, c) = _branch_with_officers(hq, 3)
    row = _shared_member(a, [b, c])
    a.update("members", row, {"phone": "13911111111"})
    b.update("members", row, {"phone": "13922222222"})
    a.push()
    b.push()
    for device in (a, b, c):
        device.pull()
    [conflict_id] = c.conflicts
    # The officer keeps the losing value: a new edit, and the conflict marked resolved.
    c.update("members", row, {"phone": c.conflicts[conflict_id].loser.value})
    answer = c.push(resolved=[conflict_id])
    assert answer.conflicts == 0
    for device in (a, b, c):
        device.pull()
        assert device.conflicts == {}
    assert a.state() == b.state() == c.state()
    with hq.db.read() as conn:
        resolved = conn.execute(select(conflicts.c.resolved_by)).scalar_one()
    assert resolved == c.id
    # Resolving it again is harmless.
    c.push(resolved=[conflict_id])


def test_an_unknown_conflict_cannot_be_resolved(hq: Hq) -> None:
    _, (a,) = _branch_with_officers(hq, 1)
    with pytest.raises(Refused) as refused:
        a.push(resolved=[12345])
    assert refused.value.status == 422


# --- convergence -----------------------------------------------------------------------

_branches = itertools.count(1)
_PHONES = ["13800000001", "13800000002", "13800000003", None]


@st.composite
def _script(draw: st.DrawFn) -> list[tuple[str, int, int, object]]:
    """Steps: (action, device, row, value) with action in insert/edit/delete/push/pull/cut."""
    steps = []
    for _ in range(draw(st.integers(5, 30))):
        action = draw(
            st.sampled_from(["insert", "edit", "edit", "edit", "delete", "push", "pull", "cut"])
        )
        steps.append(
            (
                action,
                draw(st.integers(0, 2)),
                draw(st.integers(0, 3)),
                draw(st.sampled_from(_PHONES)) if action == "edit" else draw(st.integers(1, 5)),
            )
        )
    return steps


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(script=_script())
def test_replicas_converge_and_keep_every_overwritten_value(
    hq: Hq, script: list[tuple[str, int, int, object]]
) -> None:
    branch = hq.org(f"支部{next(_branches)}", hq.root)
    devices = [hq.enrol(branch), hq.enrol(branch), hq.enrol(hq.root)]
    rows: list[str] = []
    for action, who, which, value in script:
        device = devices[who]
        live = [r for r in rows if r in device.rows and not device.rows[r].deleted]
        if action == "insert" or (action in ("edit", "delete") and not live):
            rows.append(device.insert("members", {"name": f"成员{len(rows)}"}, owner=branch))
        elif action == "edit":
            target = live[which % len(live)]
            field = ["phone", "post", "name"][int(which) % 3]
            device.update("members", target, {field: value if field != "name" else f"名{value}"})
        elif action == "delete":
            device.delete("members", live[which % len(live)])
        elif action == "push":
            device.push()
        elif action == "cut":
            # A link cut mid-push: HQ took only the first part of the batch.
            device.push(device.outbox[: int(str(value))])
        else:
            device.pull(limit=int(str(value)))
    for device in devices:
        device.push()
    for device in devices:
        device.pull(limit=3)
    views = [{k: v for k, v in d.state().items() if k in rows} for d in devices]
    assert views[0] == views[1] == views[2]
    _assert_nothing_lost(hq, rows)


def _assert_nothing_lost(hq: Hq, rows: list[str]) -> None:
    """Every value written is the field's value now, or was deliberately overwritten by an
    edit based on it, or is kept in a conflict record."""
    with hq.db.read() as conn:
        log = _field_log(conn.execute(select(changes).where(changes.c.row_id.in_(rows))).all())
        final = {
            (f.row_id, f.col): (f.value, f.hlc)
            for f in conn.execute(select(field_state).where(field_state.c.row_id.in_(rows)))
        }
        deleted = {
            r.row_id
            for r in conn.execute(select(row_state).where(row_state.c.row_id.in_(rows)))
            if r.deleted
        }
        kept = {(c.row_id, c.col, c.loser_hlc) for c in conn.execute(select(conflicts))}
    based_on = {(c.row_id, c.col, c.base_hlc) for c in log}
    # Concurrent edits that wrote the same value merge without a conflict (nothing
    # differs): the value stays, with the later stamp. An edit based on that stamp
    # overwrote the earlier edit's value knowingly too. So a value is not lost when the
    # same value, stamped the same or later, was the base of an edit.
    overwritten: dict[tuple[str, str, str], str] = {}
    for c in log:
        if (c.row_id, c.col, c.hlc) in based_on:
            same = (c.row_id, c.col, c.value)
            overwritten[same] = max(overwritten.get(same, ""), c.hlc)
    for change in log:
        if change.col == "_deleted":
            continue
        key = (change.row_id, change.col)
        value, hlc = final.get(key, ("null", ""))
        if change.row_id in deleted:
            delete_hlc = final[(change.row_id, "_deleted")][1]
            # An edit made after the delete survives as the value, as a conflict, or as
            # the base of a later edit of the same field (overwritten in order, not lost).
            if change.hlc > delete_hlc:
                assert (
                    (change.row_id, change.col, change.hlc) in kept
                    or change.value == value
                    or (change.row_id, change.col, change.hlc) in based_on
                    or overwritten.get((change.row_id, change.col, change.value), "") >= change.hlc
                ), f"edit after a delete lost: {change}"
            continue
        assert (
            change.hlc == hlc
            or change.value == value
            or (change.row_id, change.col, change.hlc) in based_on
            or overwritten.get((change.row_id, change.col, change.value), "") >= change.hlc
            or (change.row_id, change.col, change.hlc) in kept
        ), _history(log, kept, change, value, hlc)


class _Entry(NamedTuple):
    seq: int
    device: str
    row_id: str
    col: str
    value: str
    hlc: str
    base_hlc: str | None


def _field_log(log: list[Any]) -> list[_Entry]:
    """The change log with each created row spread into its fields."""
    out = []
    for c in log:
        if c.col == ROW_CREATED:
            for col, value in expand_change(ROW_CREATED, json.loads(c.value)):
                out.append(_Entry(c.seq, c.device, c.row_id, col, value_json(value), c.hlc, None))
        else:
            out.append(_Entry(c.seq, c.device, c.row_id, c.col, c.value, c.hlc, c.base_hlc))
    return out


def _history(
    log: list[Any], kept: set[tuple[str, str, str]], lost: Any, value: Any, hlc: str
) -> str:
    lines = [f"value lost: {lost.value} at {lost.hlc}; final {value} at {hlc}; field history:"]
    for c in sorted(log, key=lambda c: c.seq):
        if c.row_id == lost.row_id and c.col in (lost.col, "_deleted"):
            mark = " (kept in a conflict)" if (c.row_id, c.col, c.hlc) in kept else ""
            lines.append(
                f"  seq {c.seq} dev {c.device[-4:]} {c.col}={c.value} hlc {c.hlc[9:22]}"
                f" base {(c.base_hlc or '')[9:22]}{mark}"
            )
    return "\n".join(lines)


def test_the_same_row_created_twice_merges_field_by_field(hq: Hq) -> None:
    _, (a, b) = _branch_with_officers(hq)
    # Two officers register the same member offline under an id both derive alike.
    a.insert("members", {"name": "张三", "phone": "13811111111"}, row_id="member-zhang")
    b.insert("members", {"name": "张三", "post": "电工"}, row_id="member-zhang")
    a.push()
    answer = b.push()
    a.pull()
    b.pull()
    assert a.state()["member-zhang"] == b.state()["member-zhang"]
    assert a.state()["member-zhang"]["phone"] == "13811111111"
    assert a.state()["member-zhang"]["post"] == "电工"
    assert answer.conflicts == 0  # same name; the other fields were each set once


# --- PostgreSQL: pushes merged before the sequence lock ----------------------------------


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        (None, "null"),
        (True, "true"),
        (2**62, "4611686018427387904"),
        (1e-05, "1e-05"),  # as json writes it, whatever encodes the messages
        (1e16, "1e+16"),
        ("张三", '"张三"'),
        ('say "hi"\\', '"say \\"hi\\"\\\\"'),
        ("tab\tline\x00", '"tab\\tline\\u0000"'),
        (b"\x00\xff", '{"$b":"AP8="}'),
    ],
)
def test_stored_value_texts_keep_one_form(value: Value, stored: str) -> None:
    # HQ compares stored texts to tell concurrent edits apart: texts written before
    # and after a change of encoder must not differ for one value.
    assert value_json(value) == stored


def _postgres_only(hq: Hq) -> None:
    if not hq.db.is_postgres:
        pytest.skip("SQLite merges every push under its write lock: nothing runs ahead")


def _written_ahead(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each write made ahead of the lock stood (False: its reads were stale)."""
    outcomes: list[bool] = []
    original = merge._write_ahead

    def spy(*args: Any, **kwargs: Any) -> bool:
        outcomes.append(original(*args, **kwargs))
        return outcomes[-1]

    monkeypatch.setattr(merge, "_write_ahead", spy)
    return outcomes


def _meanwhile(monkeypatch: pytest.MonkeyPatch, step: Callable[[], object]) -> None:
    """Run `step` once, between the next batch's reads and its taking the lock."""
    original = Batch._write_prepared
    pending = [step]

    def interleaved(self: Batch, *args: Any, **kwargs: Any) -> Any:
        if pending:
            pending.pop()()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Batch, "_write_prepared", interleaved)


def _assert_numbered_in_order(hq: Hq) -> None:
    """Every change and resolution has its own number, with none skipped."""
    with hq.db.read() as conn:
        seqs = list(conn.execute(select(changes.c.seq).order_by(changes.c.seq)).scalars())
        top = int(conn.execute(select(counters.c.value)).scalar_one())
    assert seqs == list(range(1, top + 1))


def test_a_push_merged_on_reads_gone_stale_is_merged_again(
    hq: Hq, monkeypatch: pytest.MonkeyPatch
) -> None:
    _postgres_only(hq)
    _, (a, b) = _branch_with_officers(hq)
    row = _shared_member(a, [b])
    a.update("members", row, {"phone": "13911111111"})
    b.update("members", row, {"phone": "13922222222", "post": "电工"})
    outcomes = _written_ahead(monkeypatch)
    # a's push commits after b's batch has read the row and before it takes the lock
    # (through the other app worker: this one's push writer is busy with b's).
    _meanwhile(monkeypatch, a.push_alone)
    answer = b.push()
    assert outcomes == [True, False]  # a's write stood; b's was undone, then redone
    assert (answer.accepted, answer.conflicts) == (2, 1)
    for device in (a, b):
        device.pull()
    assert a.state() == b.state()
    assert a.state()[row]["post"] == "电工"
    [conflict] = a.conflicts.values()
    assert {conflict.winner.device, conflict.loser.device} == {a.id, b.id}
    _assert_numbered_in_order(hq)
    _assert_nothing_lost(hq, [row])


def test_a_push_sent_again_while_the_first_is_merging_is_stored_once(
    hq: Hq, monkeypatch: pytest.MonkeyPatch
) -> None:
    _postgres_only(hq)
    _, (a,) = _branch_with_officers(hq, 1)
    a.insert("members", {"name": "李四"})
    a.insert("members", {"name": "王五"})
    request = PushRequest(DATA_FORMAT, 1, 2, tuple(a.outbox), now_ms())
    outcomes = _written_ahead(monkeypatch)
    # A retry (the link dropped before the answer) arrives and is merged first (by the
    # other app worker: not through this one's push writer, which is busy with the first).
    again: list[PushResponse] = []
    retry = a.checked_push()
    _meanwhile(monkeypatch, lambda: again.append(write_push(hq.db, retry)))
    first = PushResponse.from_wire(expect_ok(a.request(PUSH_PATH, request.to_wire())))
    assert outcomes == [True, False]
    assert (again[0].accepted, again[0].duplicates) == (2, 0)
    assert (first.accepted, first.duplicates) == (0, 2)
    with hq.db.read() as conn:
        stored = select(func.count()).select_from(changes).where(changes.c.device == a.id)
        assert conn.execute(stored).scalar_one() == 2
    _assert_numbered_in_order(hq)


def test_pushes_at_the_same_time_lose_nothing(hq: Hq) -> None:
    _postgres_only(hq)
    branch, devices = _branch_with_officers(hq, 4)
    rows = [devices[0].insert("members", {"name": f"成员{n}"}) for n in range(3)]
    devices[0].push()
    for device in devices:
        device.pull()
    failures: list[BaseException] = []
    start = threading.Barrier(len(devices))

    def work(number: int, device: Device) -> None:
        try:
            start.wait()
            for step in range(6):
                for n, row in enumerate(rows):
                    col = ("phone", "post")[(number + n + step) % 2]
                    device.update("members", row, {col: f"{number}-{step}-{n}"})
                if step % 3 == 2:
                    device.insert("members", {"name": f"新{number}-{step}"}, owner=branch)
                device.push()
                if step % 2:
                    device.pull(limit=7)
        except BaseException as error:  # reported below, in the test's thread
            failures.append(error)

    threads = [threading.Thread(target=work, args=(n, device)) for n, device in enumerate(devices)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    for device in devices:
        device.push()
    for device in devices:
        device.pull(limit=11)
    views = [{k: v for k, v in d.state().items() if k in rows} for d in devices]
    assert all(view == views[0] for view in views)
    _assert_numbered_in_order(hq)
    _assert_nothing_lost(hq, rows)
