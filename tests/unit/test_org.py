"""The org tree and committee terms as a branch officer meets them: units added below the
branch, a temporary branch closed only once emptied, the committee-or-secretary rule at 7
full members, term lengths of 3 to 5 years, warnings from 90 days before a term ends, and
members kept out."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from desktop import cli
from desktop.domain import committee_terms as terms
from desktop.domain import org
from desktop.domain.committee_terms import Election, PostInput, add_years
from desktop.domain.overview import overview
from desktop.domain.users import add_user
from desktop.store.errors import InvalidInput, PermissionDenied
from desktop.store.workspace import Workspace

TODAY = date(2026, 6, 30)
PASSWORD = "member password 1"

MakeWorkspace = Callable[..., Workspace]


def _members(ws: Workspace, count: int, **values: Any) -> list[str]:
    rows = [
        {"name": f"党员{i:03d}", "category": "full", "status": "normal", **values}
        for i in range(count)
    ]
    with ws.records.transaction():
        return ws.records.insert_many("members", rows, owner_org=ws.org_id)


def _committee(ws: Workspace, ids: list[str]) -> list[PostInput]:
    posts = ("secretary", "organiser", "publicity", "discipline", "member")
    return [PostInput(post, member_id=m) for post, m in zip(posts, ids, strict=False)]


def _elect(ws: Workspace, elected: date, body: str = "secretary", years: int = 3, **kw: Any) -> str:
    posts = kw.pop("posts", None) or [PostInput("secretary", name="王书记")]
    return terms.start_election(
        ws, ws.org_id, Election(elected, body, years, posts), today=TODAY, **kw
    )


def _unit(ws: Workspace, unit_id: str) -> org.UnitInfo:
    return next(u for u in org.org_tree(ws, TODAY) if u.id == unit_id)


# --- the tree ------------------------------------------------------------------------------


def test_the_tree_runs_from_the_committee_to_the_groups_with_member_counts(
    workspace: MakeWorkspace,
) -> None:
    ws = workspace()
    first = org.add_unit(ws, ws.org_id, {"name": "第一党小组", "code": "01"}, TODAY)
    second = org.add_unit(ws, ws.org_id, {"name": "第二党小组", "code": "02"}, TODAY)
    _members(ws, 3, group_id=first)
    _members(ws, 2, group_id=second, formal_unit="中建八局一公司党委")
    _members(ws, 1, status="left", group_id=first)  # no longer counted
    tree = org.org_tree(ws, TODAY)
    assert [(u.level, u.depth) for u in tree] == [
        ("committee", 0),
        ("branch", 1),
        ("group", 2),
        ("group", 2),
    ]
    committee, branch, g1, g2 = tree
    assert [u.name for u in (g1, g2)] == ["第一党小组", "第二党小组"]
    assert branch.own and branch.editable and g1.editable
    assert not committee.editable, "the committee above is its own officers' to change"
    assert (g1.formal_here, g1.managed_here) == (3, 0)
    assert (g2.formal_here, g2.managed_here) == (0, 2)
    assert (branch.formal_here, branch.managed_here) == (3, 2)
    assert (committee.formal_here, committee.managed_here) == (3, 2)


def test_a_group_is_added_below_the_branch_and_owned_by_it(workspace: MakeWorkspace) -> None:
    ws = workspace()
    group = org.add_unit(
        ws, ws.org_id, {"name": " 第一党小组 ", "place": "阿尔及尔", "established": "2025-03-01"}
    )
    row = ws.records.require("org_units", group)
    assert (row["name"], row["level"], row["parent_id"]) == ("第一党小组", "group", ws.org_id)
    assert row["owner_org"] == ws.org_id
    assert row["place"] == "阿尔及尔" and row["established"] == "2025-03-01"
    assert org.group_names(ws) == {group: "第一党小组"}


def test_adding_a_unit_is_refused_where_it_does_not_belong(workspace: MakeWorkspace) -> None:
    ws = workspace()
    committee = org.org_tree(ws, TODAY)[0]
    org.add_unit(ws, ws.org_id, {"name": "第一党小组"}, TODAY)
    with pytest.raises(InvalidInput, match="already a unit called 第一党小组"):
        org.add_unit(ws, ws.org_id, {"name": "第一党小组"}, TODAY)
    with pytest.raises(InvalidInput, match="cannot be added below"):
        org.add_unit(ws, ws.org_id, {"name": "第二支部", "level": "branch"}, TODAY)
    with pytest.raises(InvalidInput, match="above this computer's unit"):
        org.add_unit(ws, committee.id, {"name": "第二支部", "level": "branch"}, TODAY)
    with pytest.raises(InvalidInput, match="name"):
        org.add_unit(ws, ws.org_id, {"name": "  "}, TODAY)
    with pytest.raises(InvalidInput, match="in the future"):
        org.add_unit(ws, ws.org_id, {"name": "第三党小组", "established": "2026-07-01"}, TODAY)
    assert len(org.group_names(ws)) == 1


def test_a_unit_is_renamed_and_its_place_set(workspace: MakeWorkspace) -> None:
    ws = workspace()
    group = org.add_unit(ws, ws.org_id, {"name": "第一党小组"}, TODAY)
    org.update_unit(ws, group, {"name": "工程部党小组", "place": "奥兰"}, TODAY)
    assert _unit(ws, group).name == "工程部党小组" and _unit(ws, group).place == "奥兰"
    org.update_unit(ws, ws.org_id, {"temporary": True}, TODAY)
    assert _unit(ws, ws.org_id).temporary


# --- closing -------------------------------------------------------------------------------


def test_a_unit_closes_only_once_its_members_and_units_moved(workspace: MakeWorkspace) -> None:
    ws = workspace()
    org.update_unit(ws, ws.org_id, {"temporary": True}, TODAY)
    group = org.add_unit(ws, ws.org_id, {"name": "第一党小组"}, TODAY)
    members = _members(ws, 2, group_id=group)
    with pytest.raises(InvalidInput) as refused:
        org.close_unit(ws, group, TODAY, TODAY)
    assert "still has 2 members and 0 open units" in str(refused.value)
    with ws.records.transaction():
        for member in members:
            ws.records.update("members", member, {"group_id": None})
    org.close_unit(ws, group, TODAY, TODAY)
    assert _unit(ws, group).closed == TODAY.isoformat()

    _elect(ws, TODAY - timedelta(days=400))
    with pytest.raises(InvalidInput, match="still has 2 members"):
        org.close_unit(ws, ws.org_id, TODAY, TODAY)
    with ws.records.transaction():
        for member in members:
            ws.records.delete("members", member)  # transferred out
    org.close_unit(ws, ws.org_id, TODAY, TODAY)
    assert _unit(ws, ws.org_id).closed == TODAY.isoformat()
    assert terms.current_term(ws, ws.org_id) is None, "the term ends with the unit"
    assert terms.past_terms(ws, ws.org_id)[0].closed_date == TODAY.isoformat()
    with pytest.raises(InvalidInput, match="closed"):
        org.add_unit(ws, ws.org_id, {"name": "第二党小组"}, TODAY)


def test_a_permanent_branch_is_not_closed_from_its_own_computer(
    workspace: MakeWorkspace,
) -> None:
    ws = workspace()
    with pytest.raises(InvalidInput, match="Only a temporary branch closes itself"):
        org.close_unit(ws, ws.org_id, TODAY, TODAY)
    group = org.add_unit(ws, ws.org_id, {"name": "第一党小组"}, TODAY)
    with pytest.raises(InvalidInput, match="in the future"):
        org.close_unit(ws, group, TODAY + timedelta(days=1), TODAY)
    assert _unit(ws, group).closed is None


# --- elections -----------------------------------------------------------------------------


def test_six_full_members_elect_a_secretary_and_seven_a_committee(
    workspace: MakeWorkspace,
) -> None:
    ws = workspace()
    ids = _members(ws, 6)
    _members(ws, 3, category="probationary")  # no vote, not counted
    _members(ws, 1, status="lost_contact")
    with pytest.raises(InvalidInput) as refused:
        _elect(ws, TODAY, "committee", posts=_committee(ws, ids))
    assert "6 full members" in str(refused.value) and "at least 7" in str(refused.value)
    assert terms.current_term(ws, ws.org_id) is None, "nothing written"
    _elect(ws, TODAY - timedelta(days=10), "secretary", posts=[PostInput("secretary", ids[0])])

    ids += _members(ws, 1)
    with pytest.raises(InvalidInput, match=r"7 full members.*elects a committee"):
        _elect(ws, TODAY, "secretary", posts=[PostInput("secretary", ids[0])])
    _elect(ws, TODAY, "committee", posts=_committee(ws, ids))
    current = terms.current_term(ws, ws.org_id)
    assert current is not None and current.body == "committee"
    assert [s.post for s in current.seats][:2] == ["secretary", "organiser"]
    assert current.secretary == "党员000"


def test_posts_follow_the_rules_of_the_body(workspace: MakeWorkspace) -> None:
    ws = workspace()
    ids = _members(ws, 7)
    (probationary,) = _members(ws, 1, category="probationary", name="预备党员甲")
    with pytest.raises(InvalidInput, match="exactly one secretary"):
        _elect(ws, TODAY, "committee", posts=_committee(ws, ids)[1:])
    with pytest.raises(InvalidInput, match="at least 3 members"):
        _elect(ws, TODAY, "committee", posts=_committee(ws, ids)[:2])
    with pytest.raises(InvalidInput, match="预备党员甲 is not a full member"):
        _elect(
            ws, TODAY, "committee", posts=[*_committee(ws, ids), PostInput("youth", probationary)]
        )
    twice = [*_committee(ws, ids), PostInput("organiser", ids[1])]
    with pytest.raises(InvalidInput, match="entered twice"):
        _elect(ws, TODAY, "committee", posts=twice)
    # A person not on this roster holds a post by name.
    posts = [*_committee(ws, ids)[:2], PostInput("publicity", name="外单位 李宣传")]
    _elect(ws, TODAY, "committee", posts=posts)
    seats = terms.current_term(ws, ws.org_id).seats  # type: ignore[union-attr]
    assert [(s.name, s.member_id) for s in seats][-1] == ("外单位 李宣传", None)


def test_a_secretary_body_has_a_secretary_and_at_most_one_deputy(
    workspace: MakeWorkspace,
) -> None:
    ws = workspace()
    ids = _members(ws, 4)
    with pytest.raises(InvalidInput, match="at most one deputy"):
        _elect(ws, TODAY, posts=[PostInput("secretary", ids[0]), PostInput("organiser", ids[1])])
    deputies = [PostInput("deputy_secretary", i) for i in ids[1:3]]
    with pytest.raises(InvalidInput, match="at most one deputy"):
        _elect(ws, TODAY, posts=[PostInput("secretary", ids[0]), *deputies])
    _elect(ws, TODAY, posts=[PostInput("secretary", ids[0]), deputies[0]])


def test_a_term_lasts_three_to_five_years_from_its_start(workspace: MakeWorkspace) -> None:
    ws = workspace()
    for years in (2, 6):
        with pytest.raises(InvalidInput, match="3 to 5 years"):
            _elect(ws, date(2024, 2, 29), years=years)
    _elect(ws, date(2024, 2, 29))
    term = terms.current_term(ws, ws.org_id)
    assert term is not None
    assert (term.elected_date, term.start_date, term.end_date) == (
        "2024-02-29",
        "2024-02-29",
        "2027-02-28",
    )
    assert terms.TERM_RULES["branch"].default_years == 3
    # An HQ with another rule passes its own table.
    longer = {"branch": terms.TermRule(min_years=3, max_years=6, default_years=5)}
    _elect(ws, date(2026, 3, 1), years=6, rules=longer)
    assert terms.current_term(ws, ws.org_id).end_date == "2032-03-01"  # type: ignore[union-attr]


def test_the_next_election_ends_the_current_term_and_keeps_the_history(
    workspace: MakeWorkspace,
) -> None:
    ws = workspace()
    (first, second) = _members(ws, 2)
    _elect(ws, date(2020, 5, 10), posts=[PostInput("secretary", first)])
    with pytest.raises(InvalidInput, match="cannot be earlier"):
        _elect(ws, date(2020, 5, 1), posts=[PostInput("secretary", second)])
    with pytest.raises(InvalidInput, match="in the future"):
        _elect(ws, TODAY + timedelta(days=1), posts=[PostInput("secretary", second)])
    _elect(ws, date(2023, 5, 12), posts=[PostInput("secretary", second)], years=5)
    current = terms.current_term(ws, ws.org_id)
    (past,) = terms.past_terms(ws, ws.org_id)
    assert current is not None and current.secretary == "党员001"
    assert current.end_date == "2028-05-12"
    assert (past.start_date, past.closed_date, past.secretary) == (
        "2020-05-10",
        "2023-05-12",
        "党员000",
    )
    assert past.seats[0].end_date == "2023-05-12", "the post ends with the term"
    terms.end_term(ws, current.id, TODAY, TODAY)
    assert terms.current_term(ws, ws.org_id) is None
    assert len(terms.past_terms(ws, ws.org_id)) == 2


# --- warnings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "kind"), [(91, None), (90, "due"), (0, "due"), (-1, "overdue")]
)
def test_the_warning_starts_90_days_before_the_term_ends(
    workspace: MakeWorkspace, days_left: int, kind: str | None
) -> None:
    ws = workspace()
    org.add_unit(ws, ws.org_id, {"name": "第一党小组"}, TODAY)  # groups are never warned
    end = TODAY + timedelta(days=days_left)
    _elect(ws, add_years(end, -3))
    warnings = terms.term_warnings(ws, TODAY)
    assert [w.kind for w in warnings] == ([kind] if kind else [])
    if kind:
        assert warnings[0].days_left == days_left and warnings[0].end_date == end.isoformat()
        assert warnings[0].unit_id == ws.org_id
        assert overview(ws, TODAY).term_warnings == tuple(warnings)
    assert len(terms.term_warnings(ws, TODAY, warn_days=days_left + 1)) == 1


def test_a_branch_without_a_term_is_told_to_record_one(workspace: MakeWorkspace) -> None:
    ws = workspace()
    (warning,) = terms.term_warnings(ws, TODAY)
    assert (warning.kind, warning.unit_id) == ("no_term", ws.org_id)


# --- who may do it -------------------------------------------------------------------------


def test_members_see_nothing_of_the_org_tree_and_change_nothing(
    workspace: MakeWorkspace,
) -> None:
    ws = workspace()
    _elect(ws, TODAY)
    add_user(ws, "dangyuan", "member", PASSWORD)
    folder = ws.folder
    ws.close()
    member = Workspace.unlock(folder, "dangyuan", PASSWORD)
    try:
        for attempt in (
            lambda: org.org_tree(member, TODAY),
            lambda: terms.term_warnings(member, TODAY),
            lambda: terms.current_term(member, member.org_id),
            lambda: org.add_unit(member, member.org_id, {"name": "第一党小组"}, TODAY),
            lambda: _elect(member, TODAY),
        ):
            with pytest.raises(PermissionDenied):
                attempt()
        assert overview(member, TODAY).term_warnings == ()
    finally:
        member.close()


# --- the command line ----------------------------------------------------------------------


def test_the_cli_prints_the_tree_and_a_units_term(
    workspace: MakeWorkspace,
    workspace_template: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ws = workspace()
    folder = ws.folder
    ids = _members(ws, 7)
    org.add_unit(ws, ws.org_id, {"name": "第一党小组"})
    _elect(ws, date.today() - timedelta(days=3 * 365 - 30), "committee", posts=_committee(ws, ids))
    ws.close()
    monkeypatch.setenv(cli.ENV_PASSWORD, workspace_template.password)
    base = ["--data-dir", str(folder)]
    assert cli.main([*base, "org", "tree"]) == 0
    text = capsys.readouterr().out
    branch_line = next(line for line in text.splitlines() if "[branch]" in line)
    assert "WARNING: term ends in" in branch_line and "members 7 formal here" in branch_line
    assert cli.main([*base, "org", "tree", "--json"]) == 0
    units = json.loads(capsys.readouterr().out)
    assert [u["level"] for u in units] == ["committee", "branch", "group"]
    assert units[1]["warning"]["kind"] == "due"
    assert cli.main([*base, "org", "term", units[1]["name"], "--json"]) == 0
    term = json.loads(capsys.readouterr().out)
    assert term["current"]["body"] == "committee"
    assert term["current"]["seats"][0]["post"] == "secretary"
    assert cli.main([*base, "org", "term", "党小组"]) == 0
    assert "No current term" in capsys.readouterr().out
    assert cli.main([*base, "org", "term", "没有这个单位"]) == 2
    assert "No unit is called 没有这个单位" in capsys.readouterr().err
