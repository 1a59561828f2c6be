"""Floating members (流动党员): members of this unit away elsewhere for a while (out-flow,
with where and how to reach them) and members of other units managed here meanwhile
(in-flow, with where their membership relation is), until they come back."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.access import Action, require
from desktop.store.errors import InvalidInput, RecordNotFound
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

TABLE = "floating_records"
MEMBERS = "members"
EVENTS = "member_events"


@dataclass(frozen=True)
class FloatingRecord:
    id: str
    member_id: str | None
    name: str
    direction: str
    place: str
    unit: str
    contact: str
    start_date: str
    end_date: str | None
    note: str

    @property
    def current(self) -> bool:
        return self.end_date is None


def _record(r: Record) -> FloatingRecord:
    return FloatingRecord(
        r["id"],
        r["member_id"],
        r["name"],
        r["direction"],
        r["place"],
        r["unit"] or "",
        r["contact"] or "",
        r["start_date"],
        r["end_date"],
        r["note"] or "",
    )


def floating_records(ws: Workspace, *, current_only: bool = False) -> list[FloatingRecord]:
    """This unit's floating records: those still away first, then by start date."""
    require(ws.user, Action.READ_ROSTER)
    where = "owner_org = ?" + (" AND end_date IS NULL" if current_only else "")
    rows = ws.records.query(
        TABLE,
        where,
        (ws.org_id,),
        order_by="end_date IS NOT NULL, start_date DESC, name",
    )
    return [_record(r) for r in rows]


def _text(value: str, what: str) -> str:
    text = value.strip()
    if not text:
        raise InvalidInput(_N("Errors", "Give {what}."), what=what)
    return text


def _member(ws: Workspace, member_id: str) -> Record:
    member = ws.records.get(MEMBERS, member_id)
    if member is None or member["owner_org"] != ws.org_id:
        raise RecordNotFound(table=MEMBERS, row_id=member_id)
    return member


def _event(
    ws: Workspace, member_id: str, day: date, kind: str, old: str, new: str, ref: str
) -> None:
    ws.records.insert(
        EVENTS,
        {
            "member_id": member_id,
            "date": day,
            "kind": kind,
            "old_value": old[:200] or None,
            "new_value": new[:200] or None,
            "ref_id": ref,
        },
        owner_org=ws.org_id,
    )


def floating_out(
    ws: Workspace,
    member_id: str,
    *,
    place: str,
    unit: str = "",
    contact: str = "",
    start: date | None = None,
    note: str = "",
) -> str:
    """A member of this unit goes away for a while: where, which unit they work with
    there, how to reach them. Returns the floating record's id."""
    require(ws.user, Action.TRANSFER_MEMBERS)
    start = start or date.today()
    place = _text(place, _N("Errors", "the place the member goes to"))
    with ws.records.transaction():
        member = _member(ws, member_id)
        if member["floating"]:
            raise InvalidInput(
                _N("Errors", "{name} is already recorded as a floating member."),
                advice=_N("Errors", "Record their return first."),
                name=member["name"],
            )
        record_id = _insert(ws, member, "out", place, unit, contact, start, note)
        ws.records.update(MEMBERS, member_id, {"floating": "out"})
        _event(ws, member_id, start, "floating_out", "", place, record_id)
    log.info("floating out recorded")
    return record_id


def floating_in(
    ws: Workspace,
    *,
    place: str,
    member_id: str | None = None,
    name: str = "",
    unit: str = "",
    contact: str = "",
    start: date | None = None,
    note: str = "",
    member: dict[str, Any] | None = None,
) -> str:
    """A member whose membership relation stays with `unit` (at `place`) is managed here
    meanwhile: an existing roster record (`member_id`), or a new one made from `name`
    (and `member`'s other fields). Returns the floating record's id."""
    require(ws.user, Action.TRANSFER_MEMBERS)
    start = start or date.today()
    place = _text(place, _N("Errors", "where the member comes from"))
    with ws.records.transaction():
        if member_id is None:
            values = {k: v for k, v in (member or {}).items() if v not in (None, "")}
            values["name"] = _text(name or str(values.get("name", "")), _N("Errors", "a name"))
            values.setdefault("status", "normal")
            values["formal_unit"] = (unit.strip() or place)[:200]
            member_id = ws.records.insert(MEMBERS, values, owner_org=ws.org_id)
        row = _member(ws, member_id)
        if row["floating"]:
            raise InvalidInput(
                _N("Errors", "{name} is already recorded as a floating member."),
                advice=_N("Errors", "Record their return first."),
                name=row["name"],
            )
        record_id = _insert(ws, row, "in", place, unit, contact, start, note)
        ws.records.update(MEMBERS, member_id, {"floating": "in"})
        _event(ws, member_id, start, "floating_in", place, "", record_id)
    log.info("floating in recorded")
    return record_id


def _insert(
    ws: Workspace,
    member: Record,
    direction: str,
    place: str,
    unit: str,
    contact: str,
    start: date,
    note: str,
) -> str:
    return ws.records.insert(
        TABLE,
        {
            "member_id": member["id"],
            "name": member["name"],
            "direction": direction,
            "place": place[:200],
            "unit": unit.strip()[:200] or None,
            "contact": contact.strip()[:200] or None,
            "start_date": start,
            "note": note.strip() or None,
        },
        owner_org=ws.org_id,
    )


def floating_back(ws: Workspace, record_id: str, *, end: date | None = None) -> None:
    """The member came back (out-flow) or went back (in-flow): the record ends and the
    member is no longer marked floating."""
    require(ws.user, Action.TRANSFER_MEMBERS)
    end = end or date.today()
    with ws.records.transaction():
        row = ws.records.require(TABLE, record_id)
        if row["owner_org"] != ws.org_id:
            raise RecordNotFound(table=TABLE, row_id=record_id)
        if row["end_date"]:
            raise InvalidInput(
                _N("Errors", "The return of {name} was already recorded."), name=row["name"]
            )
        if date.fromisoformat(row["start_date"]) > end:
            raise InvalidInput(_N("Errors", "The return cannot be dated before the departure."))
        ws.records.update(TABLE, record_id, {"end_date": end})
        member_id = row["member_id"]
        member = ws.records.get(MEMBERS, member_id) if member_id else None
        if member is not None and member["owner_org"] == ws.org_id:
            if member["floating"] == row["direction"]:
                ws.records.update(MEMBERS, member_id, {"floating": None})
            _event(ws, member_id, end, "floating_back", row["place"], "", record_id)
    log.info("floating return recorded")
