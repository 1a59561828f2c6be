"""Roster import as an officer meets it: a messy spreadsheet (title rows, a two-row merged
header, blank and 合计 rows, padded names, full-width digits, every date form, numbers
Excel mangled) is previewed row by row with each problem at its spreadsheet row, then
imported in one transaction, and undone as a unit unless its members were edited."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from desktop import cli_roster
from desktop.domain import idnumber
from desktop.domain.members import add_member
from desktop.domain.roster_import import (
    RowStatus,
    import_plan,
    import_roster,
    list_imports,
    preview,
    undo_import,
)
from desktop.domain.roster_values import parse_date, parse_phone
from desktop.store.errors import InvalidInput, PermissionDenied
from desktop.store.workspace import Workspace

TODAY = date(2025, 3, 14)
WANG_ID = idnumber.make("110105", date(1990, 3, 15), 2)  # female
LI_ID = next(
    n for s in range(1, 999, 2) if (n := idnumber.make("370102", date(1985, 6, 9), s)).endswith("X")
)
ZHAO_ID = idnumber.make("420106", date(1990, 1, 1), 4)  # female
SUN_ID = idnumber.make("510107", date(1987, 11, 2), 5)  # male
VAULT_ID = idnumber.make("320102", date(1979, 5, 20), 7)
CUT_ID = float(idnumber.make("110105", date(1988, 7, 1), 11))  # what Excel keeps
GROUP = "第一党小组"


def messy_roster(path: Path) -> Path:
    """Every kind of mess the issue lists, at known rows (see the asserts)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["阿尔及利亚项目临时党支部党员花名册"])  # 1: title, merged across
    sheet.merge_cells("A1:L1")
    sheet.append(["填报单位：项目党支部", None, None, None, "2025年3月"])  # 2
    sheet.append(  # 3: upper header row; 入党情况 is a merged parent of H and I
        ["序号", "姓名", "性别", "出生年月", "身份证号码", "民族", "联系电话", "入党情况", None,
         "人员类别", "所在党小组", "爱好"]
    )  # fmt: skip
    sheet.append([None] * 7 + ["入党时间", "转正时间"])  # 4: lower header row
    sheet.merge_cells("H3:I3")
    for letter in "ABCDEFGJKL":
        sheet.merge_cells(f"{letter}3:{letter}4")
    rows: list[list[Any]] = [
        # 5: padded name, a real Excel date cell, +86 phone with spaces, 1988.07 / 年月
        [1, "王　芳", "女", datetime(1990, 3, 15), WANG_ID, "汉族", "+86 138 0013 8000",
         "2015.07", "2016年7月", "正式党员", GROUP, "读书"],
        [],  # 6: blank
        # 7: lower-case x, full-width phone digits, 1985/6, 2010/7/1, 20110701
        [2, "李强", "男", "1985/6", LI_ID.lower(), "汉族", "１３９１２３４５６７８",
         "2010/7/1", "20110701", "正式", GROUP, None],
        # 8: the ID number Excel stored as a number: digits lost
        [3, "张伟", "男", "1988-07-01", CUT_ID, "汉族", None, "198807", None, "预备党员"],
        # 9: a serial day number without its date format, 0086, 1988年7月1日, numeric 2012.07
        [4, "赵敏", "女", 32874, ZHAO_ID, "回族", "0086-139-1234-5678", 2012.07,
         "2013年7月1日", "正式党员"],
        # 10: the same person as row 5 again
        [5, "王芳", "女", "1990-03", WANG_ID, "汉族"],
        # 11: a member already in the vault
        [6, "周建国", "男", "1979-05-20", VAULT_ID, "汉族"],
        # 12: a date nobody can read; a full-width ID number; gender differs from the ID
        [7, "孙涛", "女", "去年", "".join(chr(ord(c) + 0xFEE0) for c in SUN_ID)],
        # 13: summary row
        ["合计", "7人"],
        # 14: a row of numbers only (a count left under the table)
        [None, None, None, None, None, None, None, None, None, None, None, 7],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    # The float stays a float only if Excel's number cell is kept as such.
    sheet["E8"].data_type = "n"
    book.save(path)
    return path


@pytest.fixture
def ws(workspace: Callable[..., Workspace]) -> Workspace:
    ws = workspace()
    with ws.records.transaction():
        ws.records.insert(
            "org_units",
            {"name": GROUP, "level": "group", "parent_id": ws.org_id},
            owner_org=ws.org_id,
        )
    add_member(ws, {"name": "周建国", "id_number": VAULT_ID})
    return ws


def by_row(plan: Any) -> dict[int, Any]:
    return {r.row: r for r in plan.rows}


def messages(row: Any) -> str:
    return " | ".join(p.message for p in row.problems)


def test_every_mess_is_read_or_reported_at_its_row(ws: Workspace, tmp_path: Path) -> None:
    plan = preview(ws, messy_roster(tmp_path / "花名册.xlsx"), today=TODAY)
    rows = by_row(plan)
    assert min(rows) == 5, "title rows and both header rows are not data"
    assert [p.message for p in plan.file_problems] == [
        'Column L "爱好" is not a roster field; its values are not imported.'
    ]

    wang = rows[5]
    assert wang.status is RowStatus.OK, messages(wang)
    assert wang.name == "王芳"
    assert wang.values["birth_date"] == "1990-03-15"
    assert wang.values["phone"] == "+8613800138000"
    assert wang.values["joined_date"] == "2015-07"
    assert wang.values["full_date"] == "2016-07"
    assert wang.values["category"] == "full"
    assert wang.values["group_id"]
    assert wang.values["gender"] == "female"

    assert rows[6].status is RowStatus.SKIPPED

    li = rows[7]
    assert li.status is RowStatus.OK, messages(li)
    assert li.values["id_number"] == LI_ID  # lower-case x fixed silently
    assert li.values["phone"] == "13912345678"
    assert li.values["birth_date"] == "1985-06"
    assert (li.values["joined_date"], li.values["full_date"]) == ("2010-07-01", "2011-07-01")

    zhang = rows[8]
    assert zhang.status is RowStatus.ERROR
    assert "E8" in messages(zhang) and "lost its last digits" in messages(zhang)
    assert "format the column as text".lower() in messages(zhang).lower()

    zhao = rows[9]
    assert zhao.status is RowStatus.OK, messages(zhao)
    assert zhao.values["birth_date"] == "1990-01-01"
    assert zhao.values["phone"] == "+8613912345678"
    assert zhao.values["joined_date"] == "2012-07"
    assert zhao.values["full_date"] == "2013-07-01"

    again = rows[10]
    assert again.status is RowStatus.WARNING and again.duplicate
    assert "row 5" in messages(again)

    known = rows[11]
    assert known.status is RowStatus.WARNING and known.duplicate
    assert "of 周建国, already in the roster" in messages(known)

    sun = rows[12]
    assert sun.status is RowStatus.ERROR
    assert 'D12): "去年" is not a date' in messages(sun)
    assert "gender entered differs" in messages(sun)

    assert rows[13].status is RowStatus.SKIPPED
    assert rows[14].status is RowStatus.SKIPPED
    assert (plan.count(RowStatus.OK), plan.count(RowStatus.ERROR)) == (3, 2)


def test_import_writes_rows_without_errors_and_skips_duplicates(
    ws: Workspace, tmp_path: Path
) -> None:
    before = ws.records.count("members")
    _plan, result = import_roster(ws, messy_roster(tmp_path / "r.xlsx"), today=TODAY)
    assert result.imported == 3
    assert ws.records.count("members") == before + 3
    names = {m["name"] for m in ws.records.query("members", "import_id = ?", (result.import_id,))}
    assert names == {"王芳", "李强", "赵敏"}
    events = ws.records.query("member_events", "ref_id = ?", (result.import_id,))
    assert len(events) == 3 and {e["kind"] for e in events} == {"imported"}
    (record,) = list_imports(ws)
    assert (record.file_name, record.rows, record.skipped) == ("r.xlsx", 3, 4)
    assert record.by_name == ws.user.name


def test_duplicates_are_imported_when_allowed(ws: Workspace, tmp_path: Path) -> None:
    plan = preview(ws, messy_roster(tmp_path / "r.xlsx"), today=TODAY)
    result = import_plan(ws, plan, allow_duplicates=True, today=TODAY)
    assert result.imported == 5


def test_import_is_one_transaction(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = preview(ws, messy_roster(tmp_path / "r.xlsx"), today=TODAY)
    before = (ws.records.count("members"), ws.records.count("roster_imports"))
    real = ws.records.insert_many

    def failing(table: str, *args: Any, **kwargs: Any) -> list[str]:
        if table == "member_events":
            raise RuntimeError("disk full")
        return real(table, *args, **kwargs)

    monkeypatch.setattr(ws.records, "insert_many", failing)
    with pytest.raises(RuntimeError):
        import_plan(ws, plan, today=TODAY)
    assert (ws.records.count("members"), ws.records.count("roster_imports")) == before


def test_undo_removes_the_import_as_a_unit(ws: Workspace, tmp_path: Path) -> None:
    before = ws.records.count("members")
    _plan, result = import_roster(ws, messy_roster(tmp_path / "r.xlsx"), today=TODAY)
    assert undo_import(ws, result.import_id) == 3
    assert ws.records.count("members") == before
    assert ws.records.count("member_events", "ref_id = ?", (result.import_id,)) == 0
    assert list_imports(ws)[0].undone_at
    with pytest.raises(InvalidInput, match="already undone"):
        undo_import(ws, result.import_id)


def test_undo_is_refused_after_an_edit_naming_the_member(ws: Workspace, tmp_path: Path) -> None:
    before = ws.records.count("members")
    _plan, result = import_roster(ws, messy_roster(tmp_path / "r.xlsx"), today=TODAY)
    li = ws.records.query("members", "name = '李强'")[0]
    with ws.records.transaction():
        ws.records.update("members", li["id"], {"phone": "13800000000"})
    with pytest.raises(InvalidInput, match="1 of its members were changed since \\(李强\\)"):
        undo_import(ws, result.import_id)
    assert ws.records.count("members") == before + 3


def test_undo_is_refused_when_other_records_name_a_member(ws: Workspace, tmp_path: Path) -> None:
    _plan, result = import_roster(ws, messy_roster(tmp_path / "r.xlsx"), today=TODAY)
    zhao = ws.records.query("members", "name = '赵敏'")[0]
    with ws.records.transaction():
        ws.records.insert(
            "member_entries",
            {"member_id": zhao["id"], "kind": "training", "title": "入党积极分子培训"},
            owner_org=ws.org_id,
        )
    with pytest.raises(InvalidInput, match="赵敏"):
        undo_import(ws, result.import_id)


def test_a_member_may_not_import(ws: Workspace, tmp_path: Path) -> None:
    path = messy_roster(tmp_path / "r.xlsx")
    ws.user = type(ws.user)(**{**ws.user.__dict__, "role": "member"})
    with pytest.raises(PermissionDenied):
        preview(ws, path, today=TODAY)


def test_csv_in_gb18030_with_title_row(ws: Workspace, tmp_path: Path) -> None:
    header = "姓名,性别,身份证号,入党时间\n"
    text = f"党员名单\n{header}王　芳,女,{WANG_ID},1988.07\n,,,\n合计,1,,\n{header}"
    path = tmp_path / "名单.csv"
    path.write_bytes(text.encode("gb18030"))
    rows = by_row(preview(ws, path, today=TODAY))
    assert rows[3].status is RowStatus.OK, messages(rows[3])
    assert rows[3].values["name"] == "王芳" and rows[3].values["joined_date"] == "1988-07"
    assert rows[4].status is RowStatus.SKIPPED and rows[5].status is RowStatus.SKIPPED
    assert rows[6].status is RowStatus.SKIPPED, "a header repeated on a printed page"


def test_csv_id_in_exponent_form_is_an_error(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("\ufeff姓名,身份证号\n李强,1.10105E+17\n", encoding="utf-8")
    (row,) = preview(ws, path, today=TODAY).rows
    assert row.status is RowStatus.ERROR and "B2" in messages(row)


def test_a_file_without_a_header_is_refused(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match="No header row"):
        preview(ws, path, today=TODAY)


@pytest.mark.parametrize(
    ("cell", "iso"),
    [
        ("1988.07", "1988-07"),
        ("1988年7月", "1988-07"),
        ("1988年7月1日", "1988-07-01"),
        ("198807", "1988-07"),
        ("19880701", "1988-07-01"),
        ("1988/7", "1988-07"),
        ("1988/7/1", "1988-07-01"),
        ("1988-07-01", "1988-07-01"),
        ("1988-7", "1988-07"),
        ("１９８８．０７", "1988-07"),
        (datetime(1988, 7, 1), "1988-07-01"),
        (32325, "1988-07-01"),
        (1988.07, "1988-07"),
        (1988.11, "1988-11"),
    ],
)
def test_date_forms(cell: Any, iso: str) -> None:
    assert parse_date(cell, TODAY) == iso


@pytest.mark.parametrize("cell", ["1988", "88.7", "1988.13", "2030-01", 1988.1, "July 1988"])
def test_dates_not_read_exactly_are_refused(cell: Any) -> None:
    from desktop.domain.roster_values import CellError

    with pytest.raises(CellError):
        parse_date(cell, TODAY)


@pytest.mark.parametrize(
    ("cell", "phone"),
    [
        ("+86 138 0013 8000", "+8613800138000"),
        ("0086 13800138000", "+8613800138000"),
        ("138-0013-8000", "13800138000"),
        (13800138000, "13800138000"),
        ("+213 (5) 51234567", "+213551234567"),
    ],
)
def test_phone_forms(cell: Any, phone: str) -> None:
    assert parse_phone(cell) == phone


# --- the command line ----------------------------------------------------------------


def run_cli(ws: Workspace, *argv: str) -> tuple[int, str]:
    """The roster commands on an open workspace, as `lianxin-cli members …` runs them."""
    import argparse
    import contextlib

    parser = argparse.ArgumentParser()
    groups = parser.add_subparsers()

    def command(group: Any, name: str, handler: Any, help_text: str) -> Any:
        sub = group.add_parser(name, help=help_text)
        sub.set_defaults(handler=handler)
        return sub

    @contextlib.contextmanager
    def unlocked(_args: Any) -> Any:
        yield ws

    lines: list[str] = []
    cli_roster.add_commands(groups, command, unlocked, lambda *text: lines.extend(text))
    args = parser.parse_args(list(argv))
    code = args.handler(args)
    return code, "\n".join(lines)


def test_cli_json_is_the_shape_the_issue_gives(ws: Workspace, tmp_path: Path) -> None:
    path = messy_roster(tmp_path / "r.xlsx")
    before = ws.records.count("members")
    code, out = run_cli(ws, "import", str(path), "--dry-run", "--json")
    data = json.loads(out)
    assert code == 1  # rows with errors
    assert ws.records.count("members") == before, "--dry-run writes nothing"
    assert ws.records.count("roster_imports") == 0
    rows = data["rows"]
    assert [r["row"] for r in rows] == list(range(5, 15))
    for row in rows:
        assert set(row) == {"row", "status", "name", "problems"}
        assert row["status"] in ("ok", "warning", "error", "skipped")
        assert all(isinstance(p, str) for p in row["problems"])
    assert rows[0] == {"row": 5, "status": "ok", "name": "王芳", "problems": []}
    assert rows[3]["status"] == "error" and rows[3]["row"] == 8


def test_cli_import_list_and_undo(ws: Workspace, tmp_path: Path) -> None:
    path = messy_roster(tmp_path / "r.xlsx")
    code, out = run_cli(ws, "import", str(path))
    assert code == 1 and "Imported 3 members" in out
    code, out = run_cli(ws, "imports")
    import_id = list_imports(ws)[0].id
    assert code == 0 and import_id in out and "r.xlsx" in out
    code, out = run_cli(ws, "import-undo", import_id)
    assert code == 0 and "3 members" in out
    assert ws.records.count("members", "import_id = ?", (import_id,)) == 0


def test_cli_clean_file_exits_zero(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "ok.csv"
    path.write_text(f"姓名,身份证号\n王芳,{WANG_ID}\n", encoding="utf-8")
    code, out = run_cli(ws, "import", str(path), "--dry-run")
    assert code == 0 and "1 ok" in out


def test_lianxin_cli_members_import_json(
    ws: Workspace,
    tmp_path: Path,
    workspace_template: Any,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The real `lianxin-cli`: the commands are registered under `members`."""
    from desktop import cli

    path = messy_roster(tmp_path / "r.xlsx")
    folder = ws.folder
    ws.close()
    monkeypatch.setenv(cli.ENV_PASSWORD, workspace_template.password)
    monkeypatch.setenv("LIANXIN_CONFIG_DIR", str(tmp_path / "config"))
    code = cli.main(["--data-dir", str(folder), "members", "import", str(path), "--json"])
    captured = capfd.readouterr()
    out = json.loads(captured.out)
    assert code == 1
    assert list(out) == ["rows"], "standard output is exactly the issue's shape"
    assert set(out["rows"][0]) == {"row", "status", "name", "problems"}
    assert [r["status"] for r in out["rows"]][:3] == ["ok", "skipped", "ok"]
    assert "Imported 3 members" in captured.err
