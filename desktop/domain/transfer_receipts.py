"""Receipts of transfer letters (回执), and letters that arrive on paper.

A receipt for a letter another unit sent through Lianxin goes back to the sender; HQ
then moves the member here (hq.handover). A paper receipt that comes back for one of
this unit's letters means the member left Lianxin: their records here are removed and
the letter keeps what it stated. A member who arrives with a paper letter joins the
roster, with the letter recorded as it reads.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from desktop.domain import idnumber
from desktop.domain.access import Action, require
from desktop.domain.transfers import (
    ATTACHMENTS,
    EVENTS,
    LETTERS,
    MEMBERS,
    RECEIPTS,
    check_month,
    receipts_of,
    unit_name,
)
from desktop.store.errors import InvalidInput
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.schema import REGISTRY, Scope
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)


def record_receipt(
    ws: Workspace,
    letter_id: str,
    *,
    received: date | None = None,
    received_by: str = "",
    note: str = "",
) -> str:
    """Record a receipt; returns its id.

    For a letter another unit sent through Lianxin: the receipt goes back to the sender,
    and HQ moves the member's records here (they arrive with the next sync).
    For a paper letter this unit issued: the paper receipt came back, so the member has
    left Lianxin; their records here are removed (the letter keeps what it stated).
    """
    require(ws.user, Action.TRANSFER_MEMBERS)
    received = received or date.today()
    with ws.records.transaction():
        row = ws.records.require(LETTERS, letter_id)
        if row["state"] == "cancelled":
            raise InvalidInput(
                _N("Errors", "Letter {serial} was cancelled by the unit that issued it."),
                advice=_N("Errors", "Ask that unit for a new letter."),
                serial=row["serial"],
            )
        if receipts_of(ws, [letter_id]) or row["state"] == "received":
            raise InvalidInput(
                _N("Errors", "Letter {serial} already has its receipt."), serial=row["serial"]
            )
        if date.fromisoformat(row["issued_date"]) > received:
            raise InvalidInput(_N("Errors", "A receipt cannot be dated before its letter."))
        incoming = row["route"] == "system" and row["to_org"] == ws.org_id
        if incoming and row["owner_org"] != ws.org_id:
            receipt_id = _receipt(ws, row, received, received_by, note, [row["owner_org"]])
            if row["member_id"]:
                _event(ws, row["member_id"], received, "transfer_in", row)
            log.info("receipt recorded for incoming letter %s", row["serial"])
            return receipt_id
        if row["owner_org"] == ws.org_id and row["direction"] == "out" and row["route"] == "paper":
            receipt_id = _receipt(ws, row, received, received_by, note, [])
            ws.records.update(LETTERS, letter_id, {"state": "received"})
            if row["member_id"]:
                _remove_member(ws, row["member_id"])
            log.info("paper receipt recorded for letter %s", row["serial"])
            return receipt_id
        raise InvalidInput(
            _N("Errors", "This unit cannot record the receipt of letter {serial}."),
            advice=_N(
                "Errors",
                "The receiving unit records the receipt of a letter sent through Lianxin.",
            ),
            serial=row["serial"],
        )


def _receipt(
    ws: Workspace,
    letter: Record,
    received: date,
    received_by: str,
    note: str,
    audience: list[str],
) -> str:
    return ws.records.insert(
        RECEIPTS,
        {
            "letter_id": letter["id"],
            "serial": letter["serial"],
            "received_date": received,
            "received_by": received_by.strip()[:64] or ws.user.name,
            "receiving_unit": (letter["to_unit"] or unit_name(ws, ws.org_id))[:200],
            "note": note.strip() or None,
        },
        owner_org=ws.org_id,
        audience=audience,
    )


def _event(ws: Workspace, member_id: str, day: date, kind: str, letter: Record) -> None:
    ws.records.insert(
        EVENTS,
        {
            "member_id": member_id,
            "date": day,
            "kind": kind,
            "old_value": (letter["from_unit"] or "")[:200] or None,
            "new_value": (letter["to_unit"] or "")[:200] or None,
            "ref_id": letter["id"],
        },
        owner_org=ws.org_id,
    )


def personal_tables() -> list[tuple[str, str]]:
    """(table, member column) of every table whose rows are about one member."""
    return [
        (t.name, t.member_column)
        for t in REGISTRY
        if t.scope is Scope.PERSONAL and t.member_column is not None
    ]


def _remove_member(ws: Workspace, member_id: str) -> None:
    """The member left Lianxin on paper: tombstone every row about them owned here and
    the files attached to those rows. The letter, owned here, keeps the history."""
    removed: list[str] = []
    for table, column in personal_tables():
        for row in ws.records.query(
            table, f"{column} = ? AND owner_org = ?", (member_id, ws.org_id)
        ):
            ws.records.delete(table, row["id"])
            removed.append(row["id"])
    for start in range(0, len(removed), 500):
        part = removed[start : start + 500]
        marks = ",".join("?" * len(part))
        for row in ws.records.query(ATTACHMENTS, f"record_id IN ({marks})", part):
            ws.records.delete(ATTACHMENTS, row["id"])


def receive_paper_letter(
    ws: Workspace,
    member: dict[str, Any],
    *,
    serial: str,
    from_unit: str,
    issued: date,
    valid_until: date,
    paid_up_to: str | None = None,
    received: date | None = None,
    note: str = "",
) -> str:
    """A member arrives with a paper letter from a unit outside Lianxin: record the
    letter, add the member to this unit's roster, and note that the paper receipt was
    sent back. Returns the new member's id."""
    require(ws.user, Action.TRANSFER_MEMBERS)
    received = received or date.today()
    serial, from_unit = serial.strip(), from_unit.strip()
    name = str(member.get("name") or "").strip()
    if not (serial and from_unit and name):
        raise InvalidInput(
            _N("Errors", "A paper letter needs its serial number, the sending unit and a name.")
        )
    if valid_until < issued:
        raise InvalidInput(_N("Errors", "The letter cannot expire before it was issued."))
    values = {k: v for k, v in member.items() if v not in (None, "")}
    values["name"] = name
    number = values.get("id_number")
    if number and values.get("id_kind", "resident") == "resident":
        number = idnumber.normalize(str(number))
        if not idnumber.is_valid(number):
            raise InvalidInput(
                _N("Errors", "The ID number {number} is not valid (check digit or date)."),
                number=idnumber.masked(number),
            )
        values.update(id_number=number, id_kind="resident")
        values.setdefault("birth_date", idnumber.birth_date(number))
        values.setdefault("gender", idnumber.gender(number))
    values.setdefault("status", "normal")
    paid = check_month(paid_up_to)
    with ws.records.transaction():
        member_id = ws.records.insert(MEMBERS, values, owner_org=ws.org_id)
        here = unit_name(ws, ws.org_id) or "-"
        letter = {
            "serial": serial,
            "direction": "in",
            "route": "paper",
            "member_id": member_id,
            "name": name,
            "gender": values.get("gender"),
            "birth_date": values.get("birth_date"),
            "ethnicity": values.get("ethnicity"),
            "category": values.get("category"),
            "id_kind": values.get("id_kind"),
            "id_number": values.get("id_number"),
            "from_unit": from_unit,
            "to_org": ws.org_id,
            "to_unit": here,
            "paid_up_to": paid,
            "issued_date": issued,
            "valid_until": valid_until,
            "state": "received",
            "note": note.strip() or None,
        }
        letter_id = ws.records.insert(LETTERS, letter, owner_org=ws.org_id)
        stored = ws.records.require(LETTERS, letter_id)
        _receipt(ws, stored, received, "", "", [])
        _event(ws, member_id, received, "transfer_in", stored)
    log.info("paper letter %s received", serial)
    return member_id
