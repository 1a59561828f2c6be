"""Member development as an organiser meets it: steps in order, every time rule of the
2014 rules at its boundary day, introducers and contacts who must be full members, one
extension only, and the member record that admission makes and conversion completes."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from desktop.domain import development_cases as cases
from desktop.domain import idnumber
from desktop.domain.development import RULES, TimeRules, add_months, case_file
from desktop.domain.development_cases import Person
from desktop.domain.development_due import case_view, list_cases
from desktop.domain.members import add_member
from desktop.store.errors import InvalidInput, PermissionDenied
from desktop.store.workspace import Workspace

TODAY = date(2026, 6, 30)
APPLIED = date(2023, 3, 10)
BORN = date(1998, 5, 20)


@pytest.fixture
def ws(workspace: Callable[..., Workspace]) -> Workspace:
    ws = workspace()
    for name, category in (
        ("李强", "full"),
        ("王芳", "full"),
        ("赵敏", "full"),
        ("孙磊", "probationary"),
    ):
        add_member(ws, {"name": name, "category": category})
    return ws


def _open(ws: Workspace, applied: date = APPLIED, born: date = BORN, **more: Any) -> str:
    return cases.open_case(ws, {"name": "陈晨", "birth_date": born, **more}, applied, today=TODAY)


def _record(ws: Workspace, case_id: str, step: int, day: date, **kw: Any) -> str:
    return cases.record_step(ws, case_id, step, day, today=TODAY, **kw)


def _refused(ws: Workspace, case_id: str, step: int, day: date, **kw: Any) -> str:
    with pytest.raises(InvalidInput) as caught:
        _record(ws, case_id, step, day, **kw)
    return caught.value.message


CONTACTS = [Person("李强")]
INTRODUCERS = [Person("李强"), Person("王芳")]


def _to_step(ws: Workspace, case_id: str, last: int, start: date = APPLIED) -> date:
    """Record steps 2..last on rule-abiding days; returns the day of the last one."""
    day = start
    activist = None
    for step in range(2, last + 1):
        day = day + timedelta(days=5)
        kw: dict[str, Any] = {}
        if step == 3:
            activist = day
        if step == 5:
            kw["people"] = CONTACTS
        if step == 7:
            assert activist is not None
            day = max(day, add_months(activist, 12))
        if step == 9:
            kw["people"] = INTRODUCERS
        if step == 11:
            kw["training_days"] = 3
        if step in (15,):
            kw["outcome"] = "passed"
        if step in (17, 24):
            kw["outcome"] = "approved"
        if step in (22,):
            day = max(day, add_months(case_file(ws, case_id).day(15) or day, 12))
        if step == 23:
            kw["outcome"] = "converted"
        _record(ws, case_id, step, day, **kw)
    return day


def test_opening_a_case_records_the_written_application(ws: Workspace) -> None:
    case_id = _open(ws)
    file = case_file(ws, case_id)
    assert [e.step for e in file.entries] == [1]
    assert file.entries[0].day == APPLIED
    assert file.case["stage"] == 1 and file.case["state"] == "open"


def test_applicant_must_be_18_on_the_day_of_the_application(ws: Workspace) -> None:
    born = date(2005, 4, 1)
    with pytest.raises(InvalidInput) as caught:
        _open(ws, applied=date(2023, 3, 31), born=born)
    assert "at least 18" in caught.value.message
    assert "2023-04-01" in caught.value.message  # the earliest allowed date
    assert _open(ws, applied=date(2023, 4, 1), born=born)


def test_age_comes_from_the_id_number_when_no_birth_date_is_given(ws: Workspace) -> None:
    number = idnumber.make("110105", date(2006, 1, 15), 21)
    with pytest.raises(InvalidInput, match="2024-01-15"):
        cases.open_case(ws, {"name": "周洋", "id_number": number}, date(2024, 1, 14), today=TODAY)
    case_id = cases.open_case(
        ws, {"name": "周洋", "id_number": number}, date(2024, 1, 15), today=TODAY
    )
    assert case_file(ws, case_id).case["birth_date"] == "2006-01-15"


def test_an_applicant_without_birth_date_or_id_number_is_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="date of birth or ID number"):
        cases.open_case(ws, {"name": "周洋"}, APPLIED, today=TODAY)


def test_steps_are_taken_in_order(ws: Workspace) -> None:
    case_id = _open(ws)
    message = _refused(ws, case_id, 4, APPLIED + timedelta(days=10))
    assert "Record step 2 first" in message
    _record(ws, case_id, 2, APPLIED + timedelta(days=3))
    assert "already recorded" in _refused(ws, case_id, 2, APPLIED + timedelta(days=4))
    assert "before the step before it" in _refused(ws, case_id, 3, APPLIED + timedelta(days=2))
    assert "future" in _refused(ws, case_id, 3, TODAY + timedelta(days=1))


def test_the_talk_is_due_within_a_month_and_a_late_one_is_flagged(ws: Workspace) -> None:
    on_time, late = _open(ws), _open(ws)
    deadline = date(2023, 4, 10)
    assert list_cases(ws, only="overdue", today=deadline) == []
    overdue = list_cases(ws, only="overdue", today=deadline + timedelta(days=1))
    assert {c.id for c in overdue} == {on_time, late}
    assert overdue[0].items[0].kind == "talk" and overdue[0].items[0].day == deadline
    _record(ws, on_time, 2, deadline)
    _record(ws, late, 2, deadline + timedelta(days=1))  # allowed, but flagged
    states = {
        case_id: case_view(ws, case_id, today=TODAY).steps[1].state for case_id in (on_time, late)
    }
    assert states == {on_time: "done", late: "late"}


def test_a_development_target_only_after_one_year_as_activist(ws: Workspace) -> None:
    case_id = _open(ws)
    day = _to_step(ws, case_id, 6)
    activist = case_file(ws, case_id).day(3)
    assert activist is not None
    year = add_months(activist, 12)
    assert day < year
    message = _refused(ws, case_id, 7, year - timedelta(days=1))
    assert "at least 12 months as an activist" in message and str(year) in message
    view = case_view(ws, case_id, today=year - timedelta(days=1))
    assert view.steps[6].state == "blocked" and view.steps[6].day == year
    _record(ws, case_id, 7, year)
    assert case_file(ws, case_id).case["stage"] == 3


def test_six_monthly_reviews_repeat_and_the_next_is_due_six_months_later(ws: Workspace) -> None:
    case_id = _open(ws)
    _to_step(ws, case_id, 5)
    activist = case_file(ws, case_id).day(3)
    assert activist is not None
    first_due = add_months(activist, 6)
    review = [i for i in list_cases(ws, today=first_due)[0].items if i.kind == "review"]
    assert review[0].day == first_due and not review[0].overdue
    assert list_cases(ws, only="overdue", today=first_due + timedelta(days=1))
    _record(ws, case_id, 6, first_due)
    _record(ws, case_id, 6, add_months(first_due, 6))
    summary = list_cases(ws, today=add_months(first_due, 6))[0]
    assert [i.day for i in summary.items if i.kind == "review"] == [add_months(first_due, 12)]
    assert len(case_file(ws, case_id).of(6)) == 2


def test_contacts_must_be_one_or_two_full_members(ws: Workspace) -> None:
    case_id = _open(ws)
    _to_step(ws, case_id, 4)
    day = APPLIED + timedelta(days=40)
    assert "one or two full members" in _refused(ws, case_id, 5, day)
    three = [Person("李强"), Person("王芳"), Person("赵敏")]
    assert "one or two full members" in _refused(ws, case_id, 5, day, people=three)
    assert "孙磊 is not a full member" in _refused(ws, case_id, 5, day, people=[Person("孙磊")])
    assert "不在 is not" in _refused(ws, case_id, 5, day, people=[Person("不在")])
    _record(ws, case_id, 5, day, people=[Person("李强"), Person("王芳")])
    people = case_file(ws, case_id).last(5).people  # type: ignore[union-attr]
    assert [p["role"] for p in people] == ["contact", "contact"]
    assert all(p["member_id"] for p in people)


def test_introducers_must_be_two_full_members_on_the_roster(ws: Workspace) -> None:
    case_id = _open(ws)
    day = _to_step(ws, case_id, 8) + timedelta(days=1)
    assert "two full members as introducers" in _refused(
        ws, case_id, 9, day, people=[Person("李强")]
    )
    probationary = [Person("李强"), Person("孙磊")]
    assert "孙磊 is not a full member" in _refused(ws, case_id, 9, day, people=probationary)
    twice = [Person("李强"), Person("李强")]
    assert "twice" in _refused(ws, case_id, 9, day, people=twice)
    add_member(ws, {"name": "王芳", "category": "full"})
    assert "Several full members" in _refused(ws, case_id, 9, day, people=INTRODUCERS)
    _record(ws, case_id, 9, day, people=[Person("李强"), Person("赵敏")])


def test_training_needs_three_days_or_24_class_hours(ws: Workspace) -> None:
    case_id = _open(ws)
    day = _to_step(ws, case_id, 10) + timedelta(days=1)
    assert "3 days or 24" in _refused(ws, case_id, 11, day, training_days=2, training_hours=23)
    _record(ws, case_id, 11, day, training_hours=24)
    assert case_file(ws, case_id).last(11).outcome == "hours=24"  # type: ignore[union-attr]
    other = _open(ws)
    _record(ws, other, 11, _to_step(ws, other, 10) + timedelta(days=1), training_days=3)


def test_admission_creates_the_probationary_member_with_history(ws: Workspace) -> None:
    number = idnumber.make("110105", BORN, 31)
    case_id = _open(ws, id_number=number, phone="13800000000", born=BORN)
    meeting = _to_step(ws, case_id, 15)
    assert case_file(ws, case_id).case["member_id"] is None
    _record(ws, case_id, 16, meeting + timedelta(days=10))
    _record(ws, case_id, 17, meeting + timedelta(days=20), outcome="approved")
    case = case_file(ws, case_id).case
    assert case["state"] == "admitted"
    member = ws.records.require("members", case["member_id"])
    assert member["name"] == "陈晨" and member["id_number"] == number
    assert member["category"] == "probationary" and member["status"] == "normal"
    assert member["joined_date"] == meeting.isoformat()
    assert member["applied_date"] == APPLIED.isoformat()
    events = ws.records.query("member_events", "member_id = ?", (member["id"],), order_by="date")
    assert [e["kind"] for e in events] == ["applied", "admitted"]
    assert events[1]["date"] == meeting.isoformat()


def test_approval_after_three_months_is_overdue_and_a_failed_vote_is_voted_again(
    ws: Workspace,
) -> None:
    case_id = _open(ws)
    meeting = _to_step(ws, case_id, 14) + timedelta(days=1)
    _record(ws, case_id, 15, meeting, outcome="failed")
    assert "Record step 15 first" in _refused(ws, case_id, 16, meeting + timedelta(days=2))
    _record(ws, case_id, 15, meeting + timedelta(days=30), outcome="passed")
    deadline = add_months(meeting + timedelta(days=30), 3)
    assert not list_cases(ws, only="overdue", today=deadline)
    overdue = list_cases(ws, only="overdue", today=deadline + timedelta(days=1))
    assert [i.kind for i in overdue[0].items if i.overdue] == ["approval"]


def test_conversion_not_before_one_year_of_probation(ws: Workspace) -> None:
    case_id = _open(ws)
    _to_step(ws, case_id, 21)
    meeting = case_file(ws, case_id).day(15)
    assert meeting is not None
    end = add_months(meeting, 12)
    message = _refused(ws, case_id, 22, end - timedelta(days=1))
    assert f"probation ends on {end}" in message
    _record(ws, case_id, 22, end)


def test_probation_is_extended_once_by_at_most_a_year(ws: Workspace) -> None:
    case_id = _open(ws)
    applied_conversion = _to_step(ws, case_id, 22)
    file = case_file(ws, case_id)
    end = file.probation_end()
    assert end is not None and applied_conversion == end
    too_far = add_months(end, 12) + timedelta(days=1)
    message = _refused(ws, case_id, 23, end, outcome="extended", extended_to=too_far)
    assert str(add_months(end, 12)) in message
    new_end = add_months(end, 6)
    _record(ws, case_id, 23, end, outcome="extended", extended_to=new_end)
    assert case_file(ws, case_id).probation_end() == new_end
    member_id = case_file(ws, case_id).case["member_id"]
    events = ws.records.query(
        "member_events", "member_id = ? AND kind = 'probation_extended'", (member_id,)
    )
    assert events[0]["new_value"] == new_end.isoformat()
    assert events[0]["old_value"] == end.isoformat()
    assert "probation ends on" in _refused(
        ws, case_id, 23, new_end - timedelta(days=1), outcome="converted"
    )
    twice = _refused(
        ws, case_id, 23, new_end, outcome="extended", extended_to=add_months(new_end, 1)
    )
    assert "only once" in twice
    _record(ws, case_id, 23, new_end, outcome="converted")
    _record(ws, case_id, 24, new_end + timedelta(days=20), outcome="approved")
    member = ws.records.require("members", member_id)
    assert member["category"] == "full" and member["full_date"] == new_end.isoformat()


def test_conversion_makes_the_member_full_from_the_end_of_probation(ws: Workspace) -> None:
    case_id = _open(ws)
    approved = _to_step(ws, case_id, 24)
    file = case_file(ws, case_id)
    end = file.probation_end()
    assert file.case["state"] == "converted" and end is not None
    member = ws.records.require("members", file.case["member_id"])
    assert member["category"] == "full" and member["full_date"] == end.isoformat()
    assert approved > end
    kinds = [
        e["kind"]
        for e in ws.records.query(
            "member_events", "member_id = ?", (member["id"],), order_by="date, _rowid"
        )
    ]
    assert kinds == ["applied", "admitted", "converted"]
    _record(ws, case_id, 25, approved + timedelta(days=1))
    assert case_view(ws, case_id, today=TODAY).summary.next_step is None


def test_a_closed_case_takes_no_more_steps_and_leaves_the_list(ws: Workspace) -> None:
    case_id = _open(ws)
    with pytest.raises(InvalidInput, match="Say why"):
        cases.close_case(ws, case_id, "  ")
    cases.close_case(ws, case_id, "withdrew the application")
    assert "closed" in _refused(ws, case_id, 2, APPLIED + timedelta(days=2))
    assert list_cases(ws) == []
    closed = list_cases(ws, include_closed=True)
    assert closed[0].closed_reason == "withdrew the application"


def test_cases_are_listed_by_stage(ws: Workspace) -> None:
    early, later = _open(ws), _open(ws)
    _to_step(ws, later, 8)
    assert [c.id for c in list_cases(ws, stage=1)] == [early]
    assert [c.id for c in list_cases(ws, stage=3)] == [later]
    assert [c.stage for c in list_cases(ws)] == [1, 3]


def test_time_rules_are_configurable(ws: Workspace) -> None:
    lenient = TimeRules(activist_min_months=6)
    assert RULES.activist_min_months == 12
    case_id = _open(ws)
    _to_step(ws, case_id, 6)
    activist = case_file(ws, case_id).day(3)
    assert activist is not None
    cases.record_step(ws, case_id, 7, add_months(activist, 6), rules=lenient, today=TODAY)


def test_members_may_not_see_or_keep_development_cases(ws: Workspace) -> None:
    case_id = _open(ws)
    ws.user = type(ws.user)(ws.user.id, ws.user.name, "member", None)
    with pytest.raises(PermissionDenied):
        list_cases(ws)
    with pytest.raises(PermissionDenied):
        _record(ws, case_id, 2, APPLIED)


def test_the_command_line_lists_what_is_due_and_records_a_step(
    workspace: Callable[..., Workspace],
    workspace_template: Any,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    from desktop import cli

    ws = workspace()
    today = date.today()
    cases.open_case(ws, {"name": "陈晨", "birth_date": BORN}, today - timedelta(days=40))
    cases.open_case(ws, {"name": "周洋", "birth_date": BORN}, today - timedelta(days=2))
    folder = ws.folder
    ws.close()
    monkeypatch.setenv("LIANXIN_PASSWORD", workspace_template.password)
    base = ["--data-dir", str(folder), "--user", workspace_template.admin, "development"]

    assert cli.main([*base, "list", "--due", "--json"]) == 0
    listed = json.loads(capfd.readouterr().out)
    by_name = {c["name"]: c for c in listed}
    assert (by_name["陈晨"]["overdue"], by_name["陈晨"]["due_soon"]) == (True, False)
    assert (by_name["周洋"]["overdue"], by_name["周洋"]["due_soon"]) == (False, True)
    assert by_name["陈晨"]["due"][0]["kind"] == "talk"
    day = (today - timedelta(days=1)).isoformat()
    assert cli.main([*base, "step", "陈晨", "2", "--date", day, "--person", "支部书记"]) == 0
    assert "Recorded step 2" in capfd.readouterr().out
    assert cli.main([*base, "step", "陈晨", "7", "--date", day]) == 2
    assert "Record step 3 first" in capfd.readouterr().err
    assert cli.main([*base, "list", "--due"]) == 0
    assert "陈晨" not in capfd.readouterr().out
