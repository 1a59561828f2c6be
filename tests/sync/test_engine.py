"""The sync engine against a live HQ: enrolment, push, pull, scope, conflicts."""

from __future__ import annotations

from collections.abc import Callable

from conftest import LiveHq, sync

from desktop.domain.members import add_member, count_members
from desktop.store.workspace import Workspace


def test_two_laptops_of_one_branch_see_each_others_members(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    b = enrolled("b", branch)
    add_member(a, {"name": "张三", "gender": "male"})
    sync(a)
    outcome = sync(b)
    assert outcome.pulled_rows >= 1
    names = [r["name"] for r in b.records.query("members")]
    assert "张三" in names
    assert count_members(b) == count_members(a)
