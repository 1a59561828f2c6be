"""Pushes written together (group commit): each push of a group gets its own answer, a
refused one is rolled back alone, and what the others stored is exactly what they would
have stored one by one."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from hqkit import Device, Hq
from sqlalchemy import select

from desktop.sync.protocol import PushResponse
from hq.errors import Refusal
from hq.pushes import CheckedPush, PushGroups
from hq.tables import changes, counters


def _checked(hq: Hq, device: Device) -> CheckedPush:
    return device.checked_push()


def _sent(device: Device, answer: PushResponse | Exception) -> PushResponse:
    assert isinstance(answer, PushResponse), answer
    return device.acknowledged(answer)


def _groups(hq: Hq) -> PushGroups:
    groups: PushGroups = hq.app.state.service.pushes
    return groups


def _numbered_in_order(hq: Hq) -> bool:
    with hq.db.read() as conn:
        seqs = list(conn.execute(select(changes.c.seq).order_by(changes.c.seq)).scalars())
        top = int(conn.execute(select(counters.c.value)).scalar_one())
    return seqs == list(range(1, top + 1))


def _members(device: Device) -> set[str]:
    """The names of the members the device holds."""
    return {
        str(row.value("name"))
        for row in device.rows.values()
        if row.tbl == "members" and not row.deleted
    }


def _officers(hq: Hq, branches: int, each: int) -> list[list[Device]]:
    return [
        [hq.enrol(branch) for _ in range(each)]
        for branch in (hq.org(f"第{n + 1}党支部", hq.root) for n in range(branches))
    ]


def test_pushes_of_several_devices_written_together_are_each_stored(hq: Hq) -> None:
    [[a, b], [c, _]] = _officers(hq, 2, 2)
    for n, device in enumerate((a, b, c)):
        device.insert("members", {"name": f"成员{n}", "phone": f"1380000000{n}"})
        device.insert("members", {"name": f"成员{n}乙"})
    answers = _groups(hq).write_group([_checked(hq, d) for d in (a, b, c)])
    assert [_sent(d, x).accepted for d, x in zip((a, b, c), answers, strict=True)] == [2, 2, 2]
    assert _numbered_in_order(hq)
    # Each officer sees its own branch's four members, and c's branch only c's two.
    for device in (a, b, c):
        device.pull()
    assert a.state() == b.state()
    assert _members(a) == {"成员0", "成员0乙", "成员1", "成员1乙"}
    assert _members(c) == {"成员2", "成员2乙"}


def test_a_refused_push_in_a_group_is_rolled_back_alone(hq: Hq) -> None:
    [[a], [b]] = _officers(hq, 2, 1)
    a.insert("members", {"name": "张三"})
    # b writes a member into a's branch: outside its scope.
    b.insert("members", {"name": "李四"}, owner=a.org)
    before = hq.counts()
    answers = _groups(hq).write_group([_checked(hq, b), _checked(hq, a)])
    assert isinstance(answers[0], Refusal) and answers[0].status == 403
    assert _sent(a, answers[1]).accepted == 1
    after = hq.counts()
    assert after["changes"] == before["changes"] + 1
    assert _numbered_in_order(hq)
    a.pull()
    assert _members(a) == {"张三"}


def test_concurrent_edits_in_one_group_keep_the_later_and_record_the_other(hq: Hq) -> None:
    [[a, b]] = _officers(hq, 1, 2)
    row = a.insert("members", {"name": "张三", "phone": "13800000000"})
    a.push()
    b.pull()
    a.update("members", row, {"phone": "13911111111"})
    b.update("members", row, {"phone": "13922222222"})
    answers = _groups(hq).write_group([_checked(hq, a), _checked(hq, b)])
    assert [_sent(d, x).accepted for d, x in zip((a, b), answers, strict=True)] == [1, 1]
    assert sum(_sent(d, x).conflicts for d, x in zip((a, b), answers, strict=True)) == 1
    for device in (a, b):
        device.pull()
    assert a.state() == b.state()
    assert a.state()[row]["phone"] == "13922222222"  # b's stamp is the later
    [conflict] = a.conflicts.values()
    assert conflict.loser.value == "13911111111"
    assert _numbered_in_order(hq)


def test_the_same_push_twice_in_one_group_is_stored_once(hq: Hq) -> None:
    [[a]] = _officers(hq, 1, 1)
    a.insert("members", {"name": "张三"})
    a.insert("members", {"name": "李四"})
    push = _checked(hq, a)
    before = hq.counts()["changes"]
    first, again = _groups(hq).write_group([push, push])
    assert isinstance(first, PushResponse) and isinstance(again, PushResponse)
    assert (first.accepted, first.duplicates) == (2, 0)
    assert (again.accepted, again.duplicates) == (0, 2)
    assert hq.counts()["changes"] == before + 2


def test_many_devices_pushing_at_once_through_the_endpoint_all_land(hq: Hq) -> None:
    devices = [d for branch in _officers(hq, 3, 3) for d in branch]
    for n, device in enumerate(devices):
        for k in range(5):
            device.insert("members", {"name": f"成员{n}-{k}"})
    answers: dict[str, PushResponse] = {}
    failures: list[BaseException] = []

    def push(device: Device) -> None:
        try:
            answers[device.id] = device.push()
        except BaseException as failure:
            failures.append(failure)

    threads = [threading.Thread(target=push, args=(d,)) for d in devices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    assert [answers[d.id].accepted for d in devices] == [5] * len(devices)
    assert _numbered_in_order(hq)
    _each_sees_its_branch(devices)


def _each_sees_its_branch(devices: Sequence[Device]) -> None:
    for device in devices:
        device.pull()
    by_org: dict[str, set[str]] = {}
    for device in devices:
        names = _members(device)
        by_org.setdefault(device.org, names)
        assert names == by_org[device.org]
        assert len(names) == 15


def test_a_push_refused_after_it_wrote_is_undone_alone_and_the_group_numbered_in_order(
    hq: Hq,
) -> None:
    # a's unit is refused only once its merge has written (when HQ adopts the units a
    # push adds): its savepoint, numbers included, goes; b's unit and c's member stay.
    [[a, c], [b, _]] = _officers(hq, 2, 2)
    a.insert("org_units", {"name": "另一个支部", "level": "branch", "parent_id": a.org})
    b.insert("org_units", {"name": "第一党小组", "level": "group", "parent_id": b.org})
    c.insert("members", {"name": "王五"})
    before = hq.counts()
    refused, added, member = _groups(hq).write_group([_checked(hq, d) for d in (a, b, c)])
    assert isinstance(refused, Refusal) and refused.status == 403
    assert _sent(b, added).accepted == 1 and _sent(c, member).accepted == 1
    assert hq.counts()["changes"] == before["changes"] + 2
    assert _numbered_in_order(hq)
    b2 = hq.enrol(b.org)
    b2.pull()
    assert "第一党小组" in {
        str(row.value("name")) for row in b2.rows.values() if row.tbl == "org_units"
    }
