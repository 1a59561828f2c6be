"""Demo data that looks like a real overseas temporary branch: valid ID numbers that agree
with birth date and gender, dates in the order the rules demand, groups, and names that
search finds by their pinyin initials. Same seed, same people."""

from __future__ import annotations

import itertools
import re
import shutil
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pypinyin import Style, lazy_pinyin, pinyin

from desktop.domain import demo, idnumber
from desktop.domain.members import count_members, member_rowids, member_rows
from desktop.domain.users import list_users
from desktop.store import audit
from desktop.store.errors import PermissionDenied, VaultExists
from desktop.store.vault import KdfParams
from desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from conftest import Template

TODAY = date(2026, 6, 30)
MEMBERS = 1000
PASSWORD = "demo password 连心"
MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")
OVERSEAS_MOBILE = re.compile(r"^\+(213 [567]\d{8}|971 5\d{8})$")


def _open_copy(template: Template, folder: Path) -> Workspace:
    shutil.copytree(template.folder, folder)
    ws = Workspace.unlock(folder, template.admin, template.password)
    ws.kdf = KdfParams()
    return ws


@pytest.fixture(scope="module")
def filled(
    tmp_path_factory: pytest.TempPathFactory, workspace_template: Template
) -> Iterator[tuple[Workspace, demo.DemoSummary, list[dict[str, Any]]]]:
    ws = _open_copy(workspace_template, tmp_path_factory.mktemp("demo") / "data")
    summary = demo.fill_demo(ws, MEMBERS, seed=7, today=TODAY)
    rows = ws.records.query("members")
    yield ws, summary, rows
    ws.close()


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def test_every_id_number_is_valid_and_agrees_with_the_record(filled: Any) -> None:
    _ws, _summary, rows = filled
    assert len(rows) == MEMBERS
    for row in rows:
        number = row["id_number"]
        assert idnumber.is_valid(number), number
        assert idnumber.birth_date(number) == _day(row["birth_date"])
        assert idnumber.gender(number) == row["gender"]
    assert len({r["id_number"] for r in rows}) == MEMBERS


def test_region_codes_are_real_districts_matching_the_native_place(filled: Any) -> None:
    _ws, _summary, rows = filled
    places = {(r["id_number"][:6], r["native_place"]) for r in rows}
    by_code = Counter(code for code, _place in places)
    assert all(n == 1 for n in by_code.values()), "one region code, one native place"
    known = {
        "110105": "北京市朝阳区",
        "310104": "上海市徐汇区",
        "420106": "湖北省武汉市武昌区",
        "440305": "广东省深圳市南山区",
        "510107": "四川省成都市武侯区",
        "610113": "陕西省西安市雁塔区",
    }
    seen = dict(places)
    assert {code: seen[code] for code in known if code in seen} == {
        code: place for code, place in known.items() if code in seen
    }
    assert len(by_code) >= 20


def test_dates_follow_the_development_rules(filled: Any) -> None:
    _ws, _summary, rows = filled
    for row in rows:
        born, applied, joined = (
            _day(row[k]) for k in ("birth_date", "applied_date", "joined_date")
        )
        assert _age(born, applied) >= 18, "an applicant is at least 18"
        assert (joined - applied).days >= 365, "a year as activist at least"
        assert joined <= TODAY
        if row["category"] == "full":
            assert _day(row["full_date"]) == demo.one_year_after(joined)
            assert (_day(row["full_date"]) - joined).days in (365, 366)
            assert _day(row["full_date"]) <= TODAY
        else:
            assert row["category"] == "probationary"
            assert row["full_date"] is None
            assert (TODAY - joined).days < 366, "still within the year of probation"
        if row["status"] == "lost_contact":
            assert joined <= _day(row["status_date"]) <= TODAY
        else:
            assert row["status"] == "normal"
            assert row["status_date"] is None


def test_the_mix_looks_like_a_real_branch(filled: Any) -> None:
    _ws, summary, rows = filled
    probationary = sum(r["category"] == "probationary" for r in rows)
    lost = sum(r["status"] == "lost_contact" for r in rows)
    assert 0.04 * MEMBERS < probationary < 0.13 * MEMBERS
    assert 0 < lost < 0.05 * MEMBERS
    assert (summary.probationary, summary.lost_contact) == (probationary, lost)
    assert summary.full_members == MEMBERS - probationary
    ethnicities = Counter(r["ethnicity"] for r in rows)
    assert ethnicities.most_common(1)[0][0] == "汉族"
    assert len(ethnicities) >= 4, "a few ethnic-minority members"
    assert any("·" in r["name"] for r in rows) or len(ethnicities) >= 6
    lengths = Counter(len(r["name"]) for r in rows if r["ethnicity"] == "汉族")
    assert lengths[2] > 0.1 * MEMBERS, "one-character given names: 张伟, 王芳"
    assert lengths[3] > 0.5 * MEMBERS, "two-character given names"
    surnames = Counter(r["name"][0] for r in rows if r["ethnicity"] == "汉族")
    assert {s for s, _n in surnames.most_common(5)} & {"王", "李", "张", "刘", "陈"}
    assert 0.6 < sum(r["gender"] == "male" for r in rows) / MEMBERS < 0.95
    for row in rows:
        assert MAINLAND_MOBILE.match(row["phone"]) or OVERSEAS_MOBILE.match(row["phone"]), row
        assert row["education"] and row["work_unit"] and row["post"]
    assert sum(r["phone"].startswith("+213") for r in rows) > 0.1 * MEMBERS
    assert any(r["phone"].startswith("+971") for r in rows)


def test_groups_are_made_under_the_branch_and_every_member_is_in_one(filled: Any) -> None:
    ws, summary, rows = filled
    groups = ws.records.query("org_units", "level = 'group'")
    assert 3 <= len(groups) <= 8
    assert {g["parent_id"] for g in groups} == {ws.org_id}
    assert tuple(sorted(g["name"] for g in groups)) == tuple(sorted(summary.groups))
    members_per_group = Counter(r["group_id"] for r in rows)
    assert set(members_per_group) == {g["id"] for g in groups}
    leaders = Counter(r["group_id"] for r in rows if r["party_post"] == demo.GROUP_LEADER)
    assert set(leaders) == {g["id"] for g in groups}
    assert set(leaders.values()) == {1}
    posts = Counter(r["party_post"] for r in rows if r["party_post"])
    assert posts["书记"] == 1 and posts["组织委员"] == 1
    for row in rows:
        if row["party_post"]:
            assert row["category"] == "full" and row["status"] == "normal"


def _initials(reading: Sequence[str]) -> set[str]:
    """Initials of a name's reading and of its tails (the given name alone: 张三 → s)."""
    letters = "".join(s[0] for s in reading if s)
    return {letters[i:] for i in range(len(letters))}


def _any_reading_initials(name: str) -> set[str]:
    keys: set[str] = set()
    for reading in itertools.product(*pinyin(name, style=Style.NORMAL, heteronym=True)):
        keys |= _initials(reading)
    return keys


def test_initials_find_the_right_people(filled: Any) -> None:
    ws, _summary, rows = filled
    target = next(r for r in rows if len(r["name"]) == 2 and r["ethnicity"] == "汉族")
    query = "".join(s[0] for s in lazy_pinyin(target["name"]))
    assert len(query) == 2
    found = {r["id"]: r["name"] for r in member_rows(ws, member_rowids(ws, query)).values()}
    assert target["id"] in found
    # Everyone found has those initials in some reading of their name …
    for name in found.values():
        assert any(key.startswith(query) for key in _any_reading_initials(name)), name
    # … and everyone whose name is usually read so is found.
    usual = {
        r["id"] for r in rows if any(k.startswith(query) for k in _initials(lazy_pinyin(r["name"])))
    }
    assert usual <= set(found)


def test_the_full_name_and_the_id_number_find_a_member(filled: Any) -> None:
    ws, _summary, rows = filled
    target = rows[MEMBERS // 2]
    by_name = member_rows(ws, member_rowids(ws, target["name"]))
    assert target["id"] in {r["id"] for r in by_name.values()}
    assert all(target["name"] in r["name"] for r in by_name.values())
    by_number = member_rows(ws, member_rowids(ws, target["id_number"]))
    assert [r["id"] for r in by_number.values()] == [target["id"]]


def test_every_member_is_in_the_change_log_and_the_audit_chain_holds(filled: Any) -> None:
    ws, _summary, _rows = filled
    logged = ws.db.scalar("SELECT count(DISTINCT row_id) FROM outbox WHERE tbl = 'members'")
    assert logged == MEMBERS
    report = audit.verify(ws.db)
    assert report.ok, report.reason


def _people(ws: Workspace) -> list[tuple[Any, ...]]:
    fields = ("name", "id_number", "phone", "applied_date", "joined_date", "status")
    return [tuple(r[f] for f in fields) for r in ws.records.query("members")]


def test_the_same_seed_gives_the_same_people(tmp_path: Path, workspace_template: Template) -> None:
    first = _open_copy(workspace_template, tmp_path / "a")
    second = _open_copy(workspace_template, tmp_path / "b")
    third = _open_copy(workspace_template, tmp_path / "c")
    try:
        demo.fill_demo(first, 300, seed=3, today=TODAY)
        demo.fill_demo(second, 300, seed=3, today=TODAY)
        demo.fill_demo(third, 300, seed=4, today=TODAY)
        assert _people(first) == _people(second)
        assert _people(first) != _people(third)
    finally:
        for ws in (first, second, third):
            ws.close()


def test_a_small_branch_has_three_groups_and_a_secretary_but_no_committee(
    tmp_path: Path, workspace_template: Template
) -> None:
    ws = _open_copy(workspace_template, tmp_path / "data")
    try:
        summary = demo.fill_demo(ws, 0, today=TODAY)
        assert (summary.members, len(summary.groups)) == (0, 3)
        summary = demo.fill_demo(ws, 6, today=TODAY)
        posts = [r["party_post"] for r in ws.records.query("members") if r["party_post"]]
        assert posts.count("书记") == 1
        assert "组织委员" not in posts, "fewer than 7 full members elect no committee"
    finally:
        ws.close()


def test_create_demo_workspace_makes_three_users_who_can_unlock(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    ws = demo.create_demo_workspace(folder, 60, password=PASSWORD, kdf=KdfParams())
    try:
        branch = ws.records.require("org_units", ws.org_id)
        assert branch["name"] == demo.BRANCH_NAME and branch["temporary"] is True
        org = ws.records.require("org_units", branch["parent_id"])
        assert org["name"] == demo.ORG_NAME
        roles = {a.name: (a.role, a.member_id) for a in list_users(ws)}
        assert roles[demo.SECRETARY] == ("secretary", None)
        assert roles[demo.OFFICER] == ("officer", None)
        role, member_id = roles[demo.MEMBER]
        assert role == "member" and member_id is not None
        linked = ws.records.require("members", member_id)
        assert linked["category"] == "full" and linked["status"] == "normal"
        assert count_members(ws) == 60
    finally:
        ws.close()

    member = Workspace.unlock(folder, demo.MEMBER, PASSWORD)
    try:
        assert member.user.member_id == member_id
        assert count_members(member) == 1, "a member sees only their own record"
        with pytest.raises(PermissionDenied):
            demo.fill_demo(member, 10)
    finally:
        member.close()
    Workspace.unlock(folder, demo.OFFICER, PASSWORD).close()

    with pytest.raises(VaultExists):
        demo.create_demo_workspace(folder, 10, password=PASSWORD, kdf=KdfParams())
