"""Membership transfers (组织关系转接): issuing three-part letters, tracking which are
receipted, waiting or overdue, and recording receipts, for units inside Lianxin (the
letter travels through HQ) and outside it (on paper).

Inside Lianxin the sender's letter and the receiver's receipt are rows owned by each
side; HQ moves the member's records to the receiver once it holds both (hq.handover),
so the member arrives at the receiving unit after its next sync and leaves the sender's
devices after theirs. The sender keeps its letter: it is the history entry, with the
member as they were when they left.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from desktop.domain import idnumber
from desktop.domain.access import Action, require
from desktop.store.errors import InvalidInput, RecordNotFound
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

LETTERS = "transfer_letters"
RECEIPTS = "transfer_receipts"
MEMBERS = "members"
EVENTS = "member_events"
ORG_UNITS = "org_units"
ATTACHMENTS = "attachments"


@dataclass(frozen=True)
class TransferRules:
    """Defaults an HQ may override for its organisation (DOMAIN.md: configurable).

    Letters commonly give 10 days within a city and 30 days beyond it, never more than
    three months (组织关系介绍信 practice); an overseas site is always "beyond the city".
    """

    validity_days: int = 30
    max_validity_days: int = 90
    #: How many digits the running number of a serial has ("2026-0007").
    serial_digits: int = 4


RULES = TransferRules()


class LetterStatus:
    """What a letter's sender (or receiver) needs to know about it now."""

    WAITING = "waiting"
    RECEIPTED = "receipted"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Receipt:
    id: str
    letter_id: str
    serial: str
    received_date: str
    received_by: str
    receiving_unit: str
    owner_org: str


@dataclass(frozen=True)
class Letter:
    """A transfer letter as stored: the member as the letter states them."""

    id: str
    serial: str
    direction: str
    route: str
    member_id: str | None
    name: str
    gender: str | None
    birth_date: str | None
    ethnicity: str | None
    category: str | None
    id_kind: str | None
    id_number: str | None
    from_org: str | None
    from_unit: str
    to_org: str | None
    to_unit: str
    paid_up_to: str | None
    issued_date: str
    valid_until: str
    state: str
    note: str | None
    owner_org: str
    status: str
    receipt: Receipt | None = None

    def age(self, on: date) -> int | None:
        """The member's age on `on`, as the letter prints it."""
        if not self.birth_date or len(self.birth_date) < 10:
            return None
        born = date.fromisoformat(self.birth_date)
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    @property
    def validity_days(self) -> int:
        return (date.fromisoformat(self.valid_until) - date.fromisoformat(self.issued_date)).days


@dataclass(frozen=True)
class Destination:
    """An org unit a letter can be addressed to within Lianxin."""

    org_id: str
    name: str
    level: str


@dataclass(frozen=True)
class LetterList:
    letters: list[Letter] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for letter in self.letters if letter.status == status)


# --- reading --------------------------------------------------------------------------


def _status(row: Record, receipt: Receipt | None, today: date) -> str:
    if row["state"] == "cancelled":
        return LetterStatus.CANCELLED
    if receipt is not None or row["state"] == "received":
        return LetterStatus.RECEIPTED
    if date.fromisoformat(row["valid_until"]) < today:
        return LetterStatus.OVERDUE
    return LetterStatus.WAITING


def receipts_of(ws: Workspace, letter_ids: list[str]) -> dict[str, Receipt]:
    found: dict[str, Receipt] = {}
    for start in range(0, len(letter_ids), 500):
        part = letter_ids[start : start + 500]
        marks = ",".join("?" * len(part))
        for r in ws.records.query(RECEIPTS, f"letter_id IN ({marks})", part):
            found[r["letter_id"]] = Receipt(
                r["id"],
                r["letter_id"],
                r["serial"],
                r["received_date"],
                r["received_by"] or "",
                r["receiving_unit"] or "",
                r["owner_org"],
            )
    return found


def _letters(ws: Workspace, rows: list[Record], today: date) -> list[Letter]:
    receipts = receipts_of(ws, [r["id"] for r in rows])
    out = []
    for r in rows:
        receipt = receipts.get(r["id"])
        out.append(
            Letter(
                id=r["id"],
                serial=r["serial"],
                direction=r["direction"],
                route=r["route"],
                member_id=r["member_id"],
                name=r["name"],
                gender=r["gender"],
                birth_date=r["birth_date"],
                ethnicity=r["ethnicity"],
                category=r["category"],
                id_kind=r["id_kind"],
                id_number=r["id_number"],
                from_org=r["from_org"],
                from_unit=r["from_unit"],
                to_org=r["to_org"],
                to_unit=r["to_unit"],
                paid_up_to=r["paid_up_to"],
                issued_date=r["issued_date"],
                valid_until=r["valid_until"],
                state=r["state"],
                note=r["note"],
                owner_org=r["owner_org"],
                status=_status(r, receipt, today),
                receipt=receipt,
            )
        )
    return out


def letters_out(ws: Workspace, today: date | None = None) -> LetterList:
    """Letters this unit issued, newest first."""
    require(ws.user, Action.READ_ROSTER)
    rows = ws.records.query(
        LETTERS,
        "direction = 'out' AND owner_org = ?",
        (ws.org_id,),
        order_by="issued_date DESC, serial DESC",
    )
    return LetterList(_letters(ws, rows, today or date.today()))


def letters_in(ws: Workspace, today: date | None = None) -> LetterList:
    """Letters addressed to this unit: sent through Lianxin by another unit (they arrive
    with a sync), and paper letters recorded here. Newest first."""
    require(ws.user, Action.READ_ROSTER)
    rows = ws.records.query(
        LETTERS,
        "(direction = 'out' AND route = 'system' AND to_org = ? AND owner_org != ?)"
        " OR (direction = 'in' AND owner_org = ?)",
        (ws.org_id, ws.org_id, ws.org_id),
        order_by="issued_date DESC, serial DESC",
    )
    return LetterList(_letters(ws, rows, today or date.today()))


def get_letter(ws: Workspace, letter_id: str, today: date | None = None) -> Letter:
    require(ws.user, Action.READ_ROSTER)
    row = ws.records.require(LETTERS, letter_id)
    return _letters(ws, [row], today or date.today())[0]


def find_letter(ws: Workspace, ref: str, *, incoming: bool | None = None) -> Letter:
    """A letter by id or serial number; `incoming` limits it to letters in (True) or out."""
    require(ws.user, Action.READ_ROSTER)
    ref = ref.strip()
    pool: list[Letter] = []
    if incoming is not False:
        pool += letters_in(ws).letters
    if incoming is not True:
        pool += letters_out(ws).letters
    found = [x for x in pool if ref in (x.id, x.serial)]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise InvalidInput(
            _N("Errors", "Several letters have the serial number {serial}."),
            advice=_N("Errors", "Give the letter's id instead (transfer list --json shows it)."),
            serial=ref,
        )
    raise InvalidInput(
        _N("Errors", "No transfer letter {serial} was found here."),
        advice=_N(
            "Errors",
            "Check the serial number. A letter from another unit arrives with the next sync.",
        ),
        serial=ref,
    )


def destinations(ws: Workspace) -> list[Destination]:
    """Units of the org tree this device holds that a letter can go to: every unit but
    this one and those below it (a move within the branch is not a transfer)."""
    require(ws.user, Action.READ_ROSTER)
    units = ws.records.query(ORG_UNITS, order_by="name")
    below = _own_subtree(units, ws.org_id)
    return [
        Destination(u["id"], u["name"], u["level"])
        for u in units
        if u["id"] not in below and not u["closed"]
    ]


def _own_subtree(units: list[Record], root: str) -> set[str]:
    children: dict[str | None, list[str]] = {}
    for unit in units:
        children.setdefault(unit["parent_id"], []).append(unit["id"])
    found, todo = {root}, [root]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def unit_name(ws: Workspace, org_id: str) -> str:
    unit = ws.records.get(ORG_UNITS, org_id)
    return str(unit["name"]) if unit else ""


def find_member(ws: Workspace, ref: str) -> Record:
    """A member of this unit by record id, ID number, or a name that only one has."""
    require(ws.user, Action.READ_ROSTER)
    ref = ref.strip()
    member = ws.records.get(MEMBERS, ref)
    if member is not None:
        return member
    number = idnumber.normalize(ref)
    found = ws.records.query(MEMBERS, "id_number = ?", (number,), limit=2)
    if not found:
        found = ws.records.query(MEMBERS, "name = ?", (ref,), limit=2)
    if len(found) == 1:
        return found[0]
    if found:
        raise InvalidInput(
            _N("Errors", "Several members are called {name}."),
            advice=_N("Errors", "Give the member's ID number or record id instead."),
            name=ref,
        )
    raise InvalidInput(
        _N("Errors", "No member {name} was found in this unit."),
        advice=_N("Errors", "Check the name or ID number (members list --search)."),
        name=ref,
    )


# --- issuing --------------------------------------------------------------------------


def next_serial(ws: Workspace, issued: date) -> str:
    """The next serial number of this unit's letters in `issued`'s year: the unit's code
    (if it has one), the year, and a running number ("GJ-2026-0007")."""
    unit = ws.records.get(ORG_UNITS, ws.org_id)
    code = str(unit["code"]).strip() if unit and unit["code"] else ""
    prefix = f"{code}-{issued.year}-" if code else f"{issued.year}-"
    # Cancelled and deleted letters keep their numbers: a serial is never given twice.
    rows = ws.db.query(
        f"SELECT serial FROM {LETTERS} WHERE owner_org = ? AND direction = 'out' "
        "AND substr(serial, 1, ?) = ?",
        (ws.org_id, len(prefix), prefix),
    )
    top = 0
    for (serial,) in rows:
        tail = str(serial)[len(prefix) :]
        if tail.isdigit():
            top = max(top, int(tail))
    return f"{prefix}{top + 1:0{RULES.serial_digits}d}"


def _open_letter(ws: Workspace, member_id: str) -> Record | None:
    rows = ws.records.query(
        LETTERS,
        "member_id = ? AND direction = 'out' AND owner_org = ? AND state = 'issued'",
        (member_id, ws.org_id),
    )
    receipted = receipts_of(ws, [r["id"] for r in rows])
    return next((r for r in rows if r["id"] not in receipted), None)


def _check_validity(valid_days: int) -> None:
    if not 1 <= valid_days <= RULES.max_validity_days:
        raise InvalidInput(
            _N("Errors", "A letter is valid for 1 to {maximum} days, not {days}."),
            advice=_N("Errors", "Choose a shorter validity period."),
            maximum=RULES.max_validity_days,
            days=valid_days,
        )


def check_month(paid_up_to: str | None) -> str | None:
    if not paid_up_to:
        return None
    text = paid_up_to.strip()
    try:
        date.fromisoformat(text + "-01")
    except ValueError:
        raise InvalidInput(
            _N("Errors", "Dues paid up to must be a month like 2026-05, not {value}."),
            value=text,
        ) from None
    return text


def transfer_out(
    ws: Workspace,
    member_id: str,
    *,
    route: str,
    to_org: str | None = None,
    to_unit: str = "",
    paid_up_to: str | None = None,
    valid_days: int | None = None,
    issued: date | None = None,
    note: str = "",
) -> str:
    """Issue a transfer letter for a member of this unit; returns the letter's id.

    route "system": to the org unit `to_org` (its name is taken from the tree this device
    holds, or `to_unit` for a unit outside it); the letter is addressed to that unit.
    route "paper": to `to_unit`, a unit outside Lianxin; the letter is printed.
    The member stays here until the receipt comes back.
    """
    require(ws.user, Action.TRANSFER_MEMBERS)
    issued = issued or date.today()
    valid_days = RULES.validity_days if valid_days is None else valid_days
    _check_validity(valid_days)
    paid = check_month(paid_up_to)
    to_unit = to_unit.strip()
    if route == "system":
        if not to_org:
            raise InvalidInput(_N("Errors", "Choose the unit the member transfers to."))
        units = ws.records.query(ORG_UNITS)
        if to_org in _own_subtree(units, ws.org_id):
            raise InvalidInput(
                _N("Errors", "A member cannot be transferred to this unit or a unit below it."),
                advice=_N("Errors", "Choose another unit, or move the member to a group instead."),
            )
        to_unit = unit_name(ws, to_org) or to_unit
        if not to_unit:
            raise InvalidInput(
                _N("Errors", "The unit {unit} is not in the org tree this computer holds."),
                advice=_N("Errors", "Give the receiving unit's name as well."),
                unit=to_org,
            )
    elif route == "paper":
        to_org = None
        if not to_unit:
            raise InvalidInput(_N("Errors", "Give the name of the unit the member transfers to."))
    else:
        raise InvalidInput(_N("Errors", "Unknown transfer route {route}."), route=route)
    with ws.records.transaction():
        member = ws.records.get(MEMBERS, member_id)
        if member is None or member["owner_org"] != ws.org_id:
            raise RecordNotFound(table=MEMBERS, row_id=member_id)
        if _open_letter(ws, member_id) is not None:
            raise InvalidInput(
                _N("Errors", "{name} already has a transfer letter waiting for its receipt."),
                advice=_N("Errors", "Cancel that letter first if it is no longer valid."),
                name=member["name"],
            )
        from_unit = unit_name(ws, ws.org_id)
        values: dict[str, Any] = {
            "serial": next_serial(ws, issued),
            "direction": "out",
            "route": route,
            "member_id": member_id,
            "name": member["name"],
            "gender": member["gender"],
            "birth_date": member["birth_date"],
            "ethnicity": member["ethnicity"],
            "category": member["category"],
            "id_kind": member["id_kind"],
            "id_number": member["id_number"],
            "from_org": ws.org_id,
            "from_unit": from_unit or "-",
            "to_org": to_org,
            "to_unit": to_unit,
            "paid_up_to": paid,
            "issued_date": issued,
            "valid_until": issued + timedelta(days=valid_days),
            "state": "issued",
            "note": note.strip() or None,
        }
        audience = [to_org] if to_org else []
        letter_id = ws.records.insert(LETTERS, values, owner_org=ws.org_id, audience=audience)
        # The event travels with the member: the receiving unit sees where they came from.
        ws.records.insert(
            EVENTS,
            {
                "member_id": member_id,
                "date": issued,
                "kind": "transfer_out",
                "old_value": from_unit or None,
                "new_value": to_unit[:200],
                "ref_id": letter_id,
            },
            owner_org=ws.org_id,
        )
    log.info("transfer letter %s issued (%s)", values["serial"], route)
    return letter_id


def cancel_letter(ws: Workspace, letter_id: str) -> None:
    """Withdraw a letter not yet receipted; it stays in the list as cancelled."""
    require(ws.user, Action.TRANSFER_MEMBERS)
    with ws.records.transaction():
        letter = ws.records.require(LETTERS, letter_id)
        if letter["owner_org"] != ws.org_id or letter["direction"] != "out":
            raise InvalidInput(_N("Errors", "Only a letter this unit issued can be cancelled."))
        if letter["state"] == "cancelled":
            return
        if letter["state"] == "received" or receipts_of(ws, [letter_id]):
            raise InvalidInput(
                _N("Errors", "Letter {serial} was already receipted: it cannot be cancelled."),
                advice=_N("Errors", "To bring the member back, the other unit issues a letter."),
                serial=letter["serial"],
            )
        ws.records.update(LETTERS, letter_id, {"state": "cancelled"})
        for event in ws.records.query(EVENTS, "ref_id = ? AND kind = 'transfer_out'", (letter_id,)):
            ws.records.delete(EVENTS, event["id"])


@dataclass(frozen=True)
class MemberChoice:
    """A member as a picker lists them (ID number masked)."""

    id: str
    name: str
    detail: str


def pick_members(ws: Workspace, search: str = "", limit: int = 50) -> list[MemberChoice]:
    """Members of this unit matching what the user typed (name, pinyin, ID number), for
    choosing whom a letter or floating record is about."""
    require(ws.user, Action.READ_ROSTER)
    where, params = "owner_org = ?", (ws.org_id,)
    if search.strip():
        rowids = ws.records.search_rowids(
            MEMBERS, search, where=where, params=params, order_by="name, _rowid", limit=limit
        )
        rows = ws.records.rows_by_rowid(MEMBERS, rowids)
        found = [rows[r] for r in rowids if r in rows]
    else:
        found = ws.records.query(MEMBERS, where, params, order_by="name, _rowid", limit=limit)
    return [
        MemberChoice(
            m["id"],
            m["name"],
            idnumber.masked(m["id_number"]) if m["id_number"] else (m["birth_date"] or ""),
        )
        for m in found
    ]
