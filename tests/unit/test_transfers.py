"""Transfers and floating members on one device: serial numbers, validity and overdue
letters, the rules of receipts, and floating out, in and back."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from desktop.domain import floating, idnumber, transfer_receipts, transfers
from desktop.domain.transfers import LetterStatus
from desktop.store.errors import InvalidInput, PermissionDenied
from desktop.store.ids import new_id
from desktop.store.workspace import Workspace

DAY = date(2026, 3, 2)
ID_NUMBER = idnumber.make("110105", date(1990, 5, 17), 31)


@pytest.fixture
def ws(workspace: Callable[..., Workspace]) -> Workspace:
    return workspace()


def _member(ws: Workspace, name: str = "王小明", **values: object) -> str:
    with ws.records.transaction():
        return ws.records.insert(
            "members",
            {"name": name, "status": "normal", "category": "full", **values},
            owner_org=ws.org_id,
        )


def _unit(ws: Workspace, name: str, parent: str | None, **values: object) -> str:
    """A unit of the org tree as HQ would send it."""
    unit_id = new_id()
    with ws.records.transaction():
        ws.records.insert(
            "org_units",
            {"name": name, "level": "branch", "parent_id": parent, **values},
            owner_org=unit_id,
            row_id=unit_id,
        )
    return unit_id


def _parent(ws: Workspace) -> str:
    return str(ws.records.require("org_units", ws.org_id)["parent_id"])


def _incoming(ws: Workspace, sender: str, member_id: str, serial: str = "2026-0009") -> str:
    """A letter another unit addressed to this one, as it arrives through sync."""
    with ws.records.transaction():
        return ws.records.insert(
            "transfer_letters",
            {
                "serial": serial,
                "direction": "out",
                "route": "system",
                "member_id": member_id,
                "name": "张华",
                "from_org": sender,
                "from_unit": "三支部",
                "to_org": ws.org_id,
                "to_unit": "第一党支部",
                "issued_date": "2026-02-20",
                "valid_until": "2026-03-22",
                "state": "issued",
            },
            owner_org=sender,
            audience=[ws.org_id],
        )


def _paper(ws: Workspace, member_id: str, **kw: object) -> str:
    return transfers.transfer_out(
        ws, member_id, route="paper", to_unit="国内某公司党委", issued=DAY, **kw
    )  # type: ignore[arg-type]


# --- serial numbers ---------------------------------------------------------------------


def test_serials_run_per_unit_and_year_and_are_never_given_twice(ws: Workspace) -> None:
    members = [_member(ws, f"党员{n}") for n in range(4)]
    first = transfers.get_letter(ws, _paper(ws, members[0]))
    second = transfers.get_letter(ws, _paper(ws, members[1]))
    assert (first.serial, second.serial) == ("2026-0001", "2026-0002")
    # A cancelled letter keeps its number.
    transfers.cancel_letter(ws, second.id)
    third = transfers.get_letter(ws, _paper(ws, members[2]))
    assert third.serial == "2026-0003"
    next_year = transfers.transfer_out(
        ws, members[3], route="paper", to_unit="某单位", issued=date(2027, 1, 4)
    )
    assert transfers.get_letter(ws, next_year).serial == "2027-0001"


def test_a_unit_with_a_code_prefixes_its_serials(ws: Workspace) -> None:
    with ws.records.transaction():
        ws.records.update("org_units", ws.org_id, {"code": "ZJ"})
    letter = transfers.get_letter(ws, _paper(ws, _member(ws)))
    assert letter.serial == "ZJ-2026-0001"


# --- issuing, validity, overdue ----------------------------------------------------------


def test_a_letter_states_the_member_as_they_are_and_is_valid_30_days(ws: Workspace) -> None:
    member = _member(
        ws,
        id_number=ID_NUMBER,
        id_kind="resident",
        gender="female",
        birth_date="1990-05-17",
        ethnicity="回族",
    )
    letter = transfers.get_letter(ws, _paper(ws, member, paid_up_to="2026-02"), today=DAY)
    assert (letter.name, letter.gender, letter.ethnicity, letter.category) == (
        "王小明",
        "female",
        "回族",
        "full",
    )
    assert letter.id_number == ID_NUMBER
    assert letter.age(DAY) == 35
    assert letter.from_unit == "第一党支部"
    assert letter.to_unit == "国内某公司党委"
    assert letter.paid_up_to == "2026-02"
    assert letter.valid_until == "2026-04-01"
    assert letter.validity_days == transfers.RULES.validity_days == 30
    assert letter.status == LetterStatus.WAITING
    events = ws.records.query("member_events", "member_id = ?", (member,))
    assert [(e["kind"], e["ref_id"]) for e in events] == [("transfer_out", letter.id)]


def test_validity_and_dues_month_are_checked(ws: Workspace) -> None:
    member = _member(ws)
    with pytest.raises(InvalidInput, match="1 to 90 days"):
        _paper(ws, member, valid_days=120)
    with pytest.raises(InvalidInput, match="month like"):
        _paper(ws, member, paid_up_to="2026-13")
    assert transfers.letters_out(ws).letters == []


def test_a_letter_past_its_validity_without_receipt_is_overdue(ws: Workspace) -> None:
    letter_id = _paper(ws, _member(ws), valid_days=10)
    assert transfers.get_letter(ws, letter_id, today=date(2026, 3, 12)).status == "waiting"
    listed = transfers.letters_out(ws, today=date(2026, 3, 13))
    assert [x.status for x in listed.letters] == [LetterStatus.OVERDUE]
    assert listed.count(LetterStatus.OVERDUE) == 1
    transfer_receipts.record_receipt(ws, letter_id, received=date(2026, 3, 20))
    assert transfers.get_letter(ws, letter_id, today=date(2026, 4, 1)).status == "receipted"


def test_one_open_letter_per_member_and_cancel_frees_the_member(ws: Workspace) -> None:
    member = _member(ws)
    first = _paper(ws, member)
    with pytest.raises(InvalidInput, match="already has a transfer letter"):
        _paper(ws, member)
    transfers.cancel_letter(ws, first)
    assert transfers.get_letter(ws, first).status == LetterStatus.CANCELLED
    # The transfer did not happen: its event is gone; a new letter may be issued.
    assert ws.records.query("member_events", "kind = 'transfer_out'") == []
    _paper(ws, member)


def test_system_letters_go_to_other_units_only(ws: Workspace) -> None:
    member = _member(ws)
    group = _unit(ws, "第一党小组", ws.org_id, level="group")
    sibling = _unit(ws, "第二党支部", _parent(ws))
    for own in (ws.org_id, group):
        with pytest.raises(InvalidInput, match="this unit or a unit below"):
            transfers.transfer_out(ws, member, route="system", to_org=own, issued=DAY)
    assert [d.name for d in transfers.destinations(ws)] == ["海外项目党委", "第二党支部"]
    letter_id = transfers.transfer_out(ws, member, route="system", to_org=sibling, issued=DAY)
    stored = ws.records.require("transfer_letters", letter_id)
    assert stored["audience"] == [sibling]
    assert stored["to_unit"] == "第二党支部"
    # A unit beyond the tree this computer holds needs its name.
    other = _member(ws, "李四")
    with pytest.raises(InvalidInput, match="not in the org tree"):
        transfers.transfer_out(ws, other, route="system", to_org=new_id(), issued=DAY)
    far = transfers.transfer_out(
        ws, other, route="system", to_org=new_id(), to_unit="远方支部", issued=DAY
    )
    assert transfers.get_letter(ws, far).to_unit == "远方支部"


# --- receipts ----------------------------------------------------------------------------


def test_a_receipt_for_an_incoming_letter_goes_back_to_the_sender(ws: Workspace) -> None:
    sender, member = new_id(), new_id()
    letter_id = _incoming(ws, sender, member)
    [waiting] = transfers.letters_in(ws, today=DAY).letters
    assert (waiting.id, waiting.status) == (letter_id, LetterStatus.WAITING)
    receipt_id = transfer_receipts.record_receipt(
        ws, letter_id, received=DAY, received_by="组织委员"
    )
    receipt = ws.records.require("transfer_receipts", receipt_id)
    assert receipt["owner_org"] == ws.org_id
    assert receipt["audience"] == [sender]
    assert receipt["received_by"] == "组织委员"
    # The member's records come with the next sync; this unit's event is written now.
    [event] = ws.records.query("member_events", "member_id = ?", (member,))
    assert (event["kind"], event["owner_org"]) == ("transfer_in", ws.org_id)
    assert transfers.letters_in(ws).letters[0].status == LetterStatus.RECEIPTED
    with pytest.raises(InvalidInput, match="already has its receipt"):
        transfer_receipts.record_receipt(ws, letter_id)


def test_receipts_this_unit_may_not_record(ws: Workspace) -> None:
    sender = new_id()
    cancelled = _incoming(ws, sender, new_id(), serial="2026-0010")
    with ws.records.transaction():
        ws.records.update("transfer_letters", cancelled, {"state": "cancelled"})
    with pytest.raises(InvalidInput, match="cancelled"):
        transfer_receipts.record_receipt(ws, cancelled)
    # Our own letter through Lianxin is receipted by the receiver, not by us.
    sibling = _unit(ws, "第二党支部", _parent(ws))
    ours = transfers.transfer_out(ws, _member(ws), route="system", to_org=sibling, issued=DAY)
    with pytest.raises(InvalidInput, match="cannot record the receipt"):
        transfer_receipts.record_receipt(ws, ours)
    # A receipt cannot predate its letter.
    paper = _paper(ws, _member(ws, "李四"))
    with pytest.raises(InvalidInput, match="before its letter"):
        transfer_receipts.record_receipt(ws, paper, received=date(2026, 3, 1))
    assert ws.records.count("transfer_receipts") == 0


def test_a_paper_receipt_back_removes_the_member_and_keeps_the_letter(ws: Workspace) -> None:
    member = _member(ws, id_number=ID_NUMBER, id_kind="resident")
    stays = _member(ws, "李四")
    with ws.records.transaction():
        ws.records.insert(
            "member_entries",
            {"member_id": member, "kind": "work", "title": "项目经理"},
            owner_org=ws.org_id,
        )
    letter_id = _paper(ws, member)
    transfer_receipts.record_receipt(ws, letter_id, received=date(2026, 3, 10))
    assert ws.records.get("members", member) is None
    assert ws.records.query("member_entries", "member_id = ?", (member,)) == []
    assert ws.records.get("members", stays) is not None
    letter = transfers.get_letter(ws, letter_id)
    assert (letter.status, letter.name, letter.id_number) == ("receipted", "王小明", ID_NUMBER)
    assert letter.receipt is not None and letter.receipt.received_date == "2026-03-10"


def test_a_member_arriving_with_a_paper_letter_joins_the_roster(ws: Workspace) -> None:
    member_id = transfer_receipts.receive_paper_letter(
        ws,
        {"name": "赵六", "id_number": ID_NUMBER, "category": "probationary"},
        serial="京A-2026-031",
        from_unit="北京某公司党委",
        issued=date(2026, 2, 1),
        valid_until=date(2026, 3, 2),
        paid_up_to="2026-01",
        received=DAY,
    )
    member = ws.records.require("members", member_id)
    assert (member["name"], member["birth_date"], member["owner_org"]) == (
        "赵六",
        "1990-05-17",
        ws.org_id,
    )
    [letter] = transfers.letters_in(ws).letters
    assert (letter.direction, letter.route, letter.serial) == ("in", "paper", "京A-2026-031")
    assert letter.status == LetterStatus.RECEIPTED
    [event] = ws.records.query("member_events", "member_id = ?", (member_id,))
    assert (event["kind"], event["old_value"]) == ("transfer_in", "北京某公司党委")
    with pytest.raises(InvalidInput, match="not valid"):
        transfer_receipts.receive_paper_letter(
            ws,
            {"name": "钱七", "id_number": "110105199005170000"},
            serial="X-1",
            from_unit="某单位",
            issued=DAY,
            valid_until=DAY,
        )


def test_find_member_and_letter_by_what_a_user_types(ws: Workspace) -> None:
    member = _member(ws, id_number=ID_NUMBER, id_kind="resident")
    _member(ws, "同名")
    _member(ws, "同名")
    assert transfers.find_member(ws, ID_NUMBER.lower())["id"] == member
    assert transfers.find_member(ws, "王小明")["id"] == member
    with pytest.raises(InvalidInput, match="Several members"):
        transfers.find_member(ws, "同名")
    letter_id = _paper(ws, member)
    assert transfers.find_letter(ws, "2026-0001").id == letter_id
    with pytest.raises(InvalidInput, match="No transfer letter"):
        transfers.find_letter(ws, "2026-0001", incoming=True)


def test_only_officers_transfer_members(ws: Workspace) -> None:
    member = _member(ws)
    ws.user = dataclasses.replace(ws.user, role="member")
    with pytest.raises(PermissionDenied):
        _paper(ws, member)
    with pytest.raises(PermissionDenied):
        floating.floating_out(ws, member, place="迪拜")


# --- floating members --------------------------------------------------------------------


def test_floating_out_and_back(ws: Workspace) -> None:
    member = _member(ws)
    record_id = floating.floating_out(
        ws, member, place="阿联酋迪拜", unit="中东公司", contact="+971 50 000 0000", start=DAY
    )
    assert ws.records.require("members", member)["floating"] == "out"
    with pytest.raises(InvalidInput, match="already recorded as a floating member"):
        floating.floating_out(ws, member, place="别处")
    [current] = floating.floating_records(ws, current_only=True)
    assert (current.place, current.contact, current.current) == (
        "阿联酋迪拜",
        "+971 50 000 0000",
        True,
    )
    with pytest.raises(InvalidInput, match="before the departure"):
        floating.floating_back(ws, record_id, end=date(2026, 3, 1))
    floating.floating_back(ws, record_id, end=date(2026, 6, 30))
    assert ws.records.require("members", member)["floating"] is None
    assert floating.floating_records(ws, current_only=True) == []
    kinds = [
        e["kind"]
        for e in ws.records.query("member_events", "member_id = ?", (member,), order_by="date")
    ]
    assert kinds == ["floating_out", "floating_back"]
    with pytest.raises(InvalidInput, match="already recorded"):
        floating.floating_back(ws, record_id)


def test_floating_in_adds_a_member_managed_here(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="where the member comes from"):
        floating.floating_in(ws, name="孙八", place=" ")
    record_id = floating.floating_in(
        ws, name="孙八", place="湖南长沙", unit="长沙某公司党支部", contact="13900000000", start=DAY
    )
    record = ws.records.require("floating_records", record_id)
    member = ws.records.require("members", record["member_id"])
    assert (member["name"], member["floating"], member["formal_unit"]) == (
        "孙八",
        "in",
        "长沙某公司党支部",
    )
    floating.floating_back(ws, record_id, end=DAY)
    assert ws.records.require("members", record["member_id"])["floating"] is None
