"""End to end, as separate processes: a member transferred from branch A to branch B
under one committee, through a real `lianxin-hq serve`, with `lianxin-cli` on a laptop of
each branch. The member's whole record arrives at B and leaves A; A keeps its letter."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from test_processes import BIN, PASSWORD, HqProcess, _cli, _laptop, _run, hq  # noqa: F401

from desktop.domain import idnumber
from desktop.store.workspace import Workspace

pytestmark = pytest.mark.slow

ID_NUMBER = idnumber.make("110105", date(1988, 3, 9), 123)


def _unit(hq: HqProcess, name: str, parent: str, level: str) -> str:
    out = _run(
        str(BIN / "lianxin-hq"), "--db", hq.url, "org", "add", name, "--parent", parent,
        "--level", level,
    )  # fmt: skip
    return out.split("\t")[0]


def _letters(folder: Path) -> list[dict[str, str]]:
    listed: list[dict[str, str]] = json.loads(_cli(folder, "transfer", "list", "--json"))
    return listed


def test_a_member_transferred_between_branches_through_hq(
    hq: HqProcess,  # the fixture imported above
    tmp_path: Path,
) -> None:
    committee = _unit(hq, "第一党委", hq.root, "committee")
    branch_a = _unit(hq, "一支部", committee, "branch")
    branch_b = _unit(hq, "二支部", committee, "branch")
    a = _laptop(tmp_path / "a", hq, branch_a)
    b = _laptop(tmp_path / "b", hq, branch_b)
    _cli(
        a, "members", "add", "--name", "王小明", "--id-number", ID_NUMBER, "--phone",
        "13800138000", "--category", "full", "--joined", "2015-07-01",
    )  # fmt: skip
    _cli(a, "members", "add", "--name", "李四")
    # B is not in A's part of the org tree: A gives B's id (from HQ) and its name.
    issued = _cli(
        a, "transfer", "out", "王小明", "--to", branch_b, "--to-unit", "二支部",
        "--paid-up-to", "2026-05", "--valid-days", "60",
    )  # fmt: skip
    assert "issued" in issued
    serial = _letters(a)[0]["serial"]
    _cli(a, "sync")
    _cli(b, "sync")

    incoming = _letters(b)
    assert [(x["kind"], x["serial"], x["status"]) for x in incoming] == [("in", serial, "waiting")]
    _cli(b, "transfer", "receipt", serial)
    _cli(b, "sync")
    _cli(a, "sync")

    # B holds the member's full record and its history.
    ws = Workspace.unlock(b, "书记", PASSWORD)
    try:
        [member] = ws.records.query("members", "name = '王小明'")
        assert member["owner_org"] == branch_b
        assert member["id_number"] == ID_NUMBER
        assert member["phone"] == "13800138000"
        assert member["gender"] == idnumber.gender(ID_NUMBER)
        assert member["birth_date"] == "1988-03-09"
        assert member["category"] == "full"
        assert member["joined_date"] == "2015-07-01"
        kinds = {
            e["kind"] for e in ws.records.query("member_events", "member_id = ?", (member["id"],))
        }
        assert {"transfer_out", "transfer_in"} <= kinds
    finally:
        ws.close()
    roster_b = [m["name"] for m in json.loads(_cli(b, "members", "list", "--json"))]
    assert roster_b == ["王小明"]

    # A no longer holds the member, but keeps the letter, now receipted.
    roster_a = [m["name"] for m in json.loads(_cli(a, "members", "list", "--json"))]
    assert roster_a == ["李四"]
    [letter] = _letters(a)
    assert (letter["kind"], letter["serial"], letter["status"]) == ("out", serial, "receipted")
    assert letter["name"] == "王小明"
    ws = Workspace.unlock(a, "书记", PASSWORD)
    try:
        assert ws.records.query("member_events", "kind = 'transfer_out'") == []
        [kept] = ws.records.query("transfer_letters")
        assert kept["id_number"] == ID_NUMBER
    finally:
        ws.close()
