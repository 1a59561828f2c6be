"""The roster and each member's basic record: find, list, read, add and edit members,
with names, phone numbers and ID numbers checked and normalised on entry, possible
duplicates caught before they are written, and the member's photo kept encrypted.

The standing history and the extended sets (education, work, rewards …) are in
desktop.domain.member_archive.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain import attachments, idnumber
from desktop.domain.access import Action, Role, allowed, require
from desktop.domain.duplicates import Match, existing_matches, normalize_name
from desktop.store.blobs import BlobMissing
from desktop.store.errors import InvalidInput
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.schema.members import CATEGORIES, FLOATING, GENDERS, ID_KINDS, STATUSES
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

TABLE = "members"
#: The roster's order: by name (Chinese collation comes with the members feature).
ORDER = "name, _rowid"

#: Every basic field an officer enters, in the order forms and print-outs show them.
BASIC_FIELDS = (
    "name",
    "former_names",
    "gender",
    "ethnicity",
    "birth_date",
    "id_kind",
    "id_number",
    "nationality",
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
    "status_date",
    "party_post",
    "group_id",
    "formal_unit",
    "floating",
    "hardship",
)
#: Dates that follow each other in a member's life, with their names for errors.
DATE_ORDER = (
    ("birth_date", _N("Errors", "date of birth")),
    ("applied_date", _N("Errors", "date of application")),
    ("joined_date", _N("Errors", "date joined")),
    ("full_date", _N("Errors", "date of full membership")),
)
_CHOICES = {
    "gender": GENDERS,
    "category": CATEGORIES,
    "status": STATUSES,
    "id_kind": ID_KINDS,
    "floating": FLOATING,
}
#: Problems of an ID number as the error message names them (the same English as
#: idnumber.Problem, marked in the errors' context so the message translates whole).
PROBLEM_TEXT = {
    idnumber.Problem.SHAPE: _N("Errors", "an ID number has 17 digits and a last digit or X"),
    idnumber.Problem.CHECK_DIGIT: _N(
        "Errors", "the check digit does not match (a digit is mistyped)"
    ),
    idnumber.Problem.BIRTH_DATE: _N("Errors", "the birth date in the number does not exist"),
    idnumber.Problem.FUTURE_BIRTH: _N("Errors", "the birth date in the number is in the future"),
    idnumber.Problem.REGION: _N("Errors", "the region code (first two digits) is not a province"),
    idnumber.Problem.PASSPORT: _N("Errors", "a passport number has 5 to 20 letters and digits"),
    idnumber.Problem.GENDER_MISMATCH: _N(
        "Errors", "the gender entered differs from the ID number's"
    ),
    idnumber.Problem.BIRTH_MISMATCH: _N(
        "Errors", "the birth date entered differs from the ID number's"
    ),
}
# One template per number of problems: each problem is a parameter of its own, so the
# UI translates every one of them (a joined list would stay in English).
_ID_INVALID = (
    _N("Errors", "The ID number {number} is not valid: {problem1}."),
    _N("Errors", "The ID number {number} is not valid: {problem1}; {problem2}."),
    _N("Errors", "The ID number {number} is not valid: {problem1}; {problem2}; {problem3}."),
)
_ID_ADVICE = _N("Errors", "Check it against the ID card, or leave it empty for now.")


class DuplicateMember(InvalidInput):
    """The member entered may already be on the roster; `matches` says who and why.
    The caller may add (or save) anyway with `allow_duplicate=True`."""

    template = _N("Errors", "This may be someone already on the roster: {people}.")
    advice = _N(
        "Errors",
        "Open their record to check. If it is a different person, add anyway "
        "(on the command line: --allow-duplicate).",
    )

    def __init__(self, matches: Sequence[Match]) -> None:
        self.matches = list(matches)
        people = ", ".join(f"{m.name} ({m.birth_date or '—'})" for m in self.matches)
        super().__init__(people=people)


# --- reading the roster -------------------------------------------------------------------


def _own_only(ws: Workspace) -> tuple[str, tuple[Any, ...]]:
    """Members without roster rights see only their own record."""
    if allowed(ws.user, Action.READ_ROSTER):
        return "", ()
    return "id = ?", (ws.user.member_id or "",)


def may_read(ws: Workspace, member_id: str) -> bool:
    return allowed(ws.user, Action.READ_ROSTER) or member_id == ws.user.member_id


def member_rowids(ws: Workspace, search: str = "") -> list[int]:
    """Row numbers of the members to list, in roster order; `search` as the user typed it
    (name or part of it, pinyin or initials, ID number)."""
    where, params = _own_only(ws)
    if search.strip():
        return ws.records.search_rowids(TABLE, search, where=where, params=params, order_by=ORDER)
    sql = f"SELECT _rowid FROM {TABLE} WHERE _deleted = 0"
    if where:
        sql += f" AND {where}"
    return [r[0] for r in ws.db.query(f"{sql} ORDER BY {ORDER}", params)]


def member_rows(ws: Workspace, rowids: Sequence[int]) -> dict[int, Record]:
    rows = ws.records.rows_by_rowid(TABLE, rowids)
    if not allowed(ws.user, Action.READ_ROSTER):
        rows = {k: v for k, v in rows.items() if v["id"] == ws.user.member_id}
    return rows


def get_member(ws: Workspace, member_id: str) -> Record:
    if not may_read(ws, member_id):
        require(ws.user, Action.READ_ROSTER)
    return ws.records.require(TABLE, member_id)


def count_members(ws: Workspace) -> int:
    where, params = _own_only(ws)
    return ws.records.count(TABLE, where, params)


def find_members(ws: Workspace, text: str) -> list[Record]:
    """The members `text` names: a record id, an ID or passport number, or a name (exact,
    after normalising spaces; else every member whose name contains it)."""
    text = text.strip()
    if not text:
        return []
    where, params = _own_only(ws)
    extra = f" AND {where}" if where else ""
    by_id = ws.records.query(TABLE, f"id = ?{extra}", (text, *params))
    if by_id:
        return by_id
    number = idnumber.normalize(text)
    by_number = ws.records.query(TABLE, f"id_number = ?{extra}", (number, *params), order_by=ORDER)
    if by_number:
        return by_number
    name = normalize_name(text)
    exact = ws.records.query(TABLE, f"name = ?{extra}", (name, *params), order_by=ORDER)
    if exact:
        return exact
    rows = member_rows(ws, member_rowids(ws, name)[:50])
    return [r for r in rows.values() if name in r["name"]]


# --- checking what was entered -------------------------------------------------------------


def normalize_phone(text: str) -> str:
    """A phone number as stored: a leading + (country code) kept, digits only otherwise
    ("+971 50-123 4567" → "+971501234567"; full-width digits made half-width)."""
    text = unicodedata.normalize("NFKC", text).strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    return ("+" + digits) if text.startswith("+") and digits else digits


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _iso(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return value.isoformat() if isinstance(value, date) else str(value).strip()


def id_problems(
    number: str,
    *,
    id_kind: str = "resident",
    gender: str | None = None,
    birth_date: str | None = None,
    today: date | None = None,
) -> list[idnumber.Problem]:
    """Everything wrong with an ID number as entered beside the gender and birth date (as
    the edit dialog shows while the officer types): the number's own problems first, then
    where it disagrees with the other fields."""
    if id_kind == "passport":
        return idnumber.passport_problems(number)
    found = idnumber.problems(number, today=today)
    if found:
        return found
    return idnumber.cross_check(number, gender_entered=gender, born_entered=birth_date)


def _check_id(values: dict[str, Any], today: date) -> None:
    """Normalise and check the ID number; fill gender and birth date from a resident
    number where they were left empty."""
    number = values.get("id_number")
    if not number:
        values["id_number"] = None
        return
    number = idnumber.normalize(str(number))
    values["id_number"] = number
    kind = values.get("id_kind") or "resident"
    values["id_kind"] = kind
    if kind == "passport":
        if not values.get("nationality"):
            raise InvalidInput(
                _N("Errors", "A passport number needs the nationality of the passport."),
                advice=_N("Errors", "Enter the country that issued it."),
            )
        if idnumber.passport_problems(number):
            raise InvalidInput(
                _ID_INVALID[0],
                advice=_ID_ADVICE,
                number=idnumber.masked(number),
                problem1=PROBLEM_TEXT[idnumber.Problem.PASSPORT],
            )
        return
    found = idnumber.problems(number, today=today) or idnumber.cross_check(
        number, gender_entered=values.get("gender"), born_entered=values.get("birth_date")
    )
    if found:
        found = found[:3]
        params = {f"problem{n}": PROBLEM_TEXT[p] for n, p in enumerate(found, start=1)}
        raise InvalidInput(
            _ID_INVALID[len(found) - 1],
            advice=_ID_ADVICE,
            number=idnumber.masked(number),
            **params,
        )
    born = idnumber.birth_date(number)
    if not values.get("birth_date") and born is not None:
        values["birth_date"] = born.isoformat()
    if not values.get("gender"):
        values["gender"] = idnumber.gender(number)


def _check_dates(values: Mapping[str, Any], today: date) -> None:
    previous: tuple[str, str] | None = None
    for field, label in DATE_ORDER:
        value = values.get(field)
        if not value:
            continue
        if value[:10] > today.isoformat():
            raise InvalidInput(
                _N("Errors", "The {what} {date} is in the future: enter the day it happened."),
                what=label,
                date=value,
            )
        if previous is not None and value < previous[0]:
            raise InvalidInput(
                _N("Errors", "The {what} ({date}) is before the {earlier} ({earlier_date})."),
                advice=_N("Errors", "Correct whichever of the two dates is wrong."),
                what=label,
                date=value,
                earlier=previous[1],
                earlier_date=previous[0],
            )
        previous = (value, label)


def _clean_field(field: str, value: Any) -> Any:
    if field == "hardship":
        return bool(value)
    if field == "group_id":
        return value or None
    if field.endswith("_date"):
        cleaned = _iso(value)
    elif field == "name":
        cleaned = normalize_name(str(value or "")) or None
    elif field == "phone":
        cleaned = (normalize_phone(str(value)) or None) if value else None
    else:
        cleaned = _text(value)
    choices = _CHOICES.get(field)
    if choices and cleaned is not None and cleaned not in choices:
        raise InvalidInput(
            _N("Errors", "{value} is not a valid {field}; choose one of: {choices}."),
            value=str(cleaned),
            field=field,
            choices=", ".join(choices),
        )
    return cleaned


def clean_member(
    values: Mapping[str, Any], *, today: date | None = None, current: Record | None = None
) -> dict[str, Any]:
    """The basic fields as they will be stored: names and phone numbers normalised, the
    ID number checked and cross-checked, dates in order. `current` is the record being
    edited: fields `values` leaves out stay as they are, and the checks see them."""
    today = today or date.today()
    unknown = set(values) - set(BASIC_FIELDS)
    if unknown:
        raise InvalidInput(detail=f"unknown fields {', '.join(sorted(unknown))}")
    merged: dict[str, Any] = {f: (current or {}).get(f) for f in BASIC_FIELDS}
    merged.update({f: _clean_field(f, v) for f, v in values.items()})
    if not merged["name"]:
        raise InvalidInput(_N("Errors", "A member needs a name."))
    id_fields = ("id_number", "id_kind", "nationality", "gender", "birth_date")
    if current is None or any(merged[f] != current.get(f) for f in id_fields):
        _check_id(merged, today)
    _check_dates(merged, today)
    if merged["category"] == "probationary" and merged["full_date"]:
        raise InvalidInput(
            _N("Errors", "A probationary member has no date of full membership yet."),
            advice=_N("Errors", "Clear that date, or make the category full member."),
        )
    if current is None:
        merged["status"] = merged["status"] or "normal"
    return merged


def _check_duplicates(
    ws: Workspace, values: Mapping[str, Any], *, exclude: str | None = None
) -> None:
    matches = existing_matches(ws, [values], exclude=exclude)[0]
    if matches:
        raise DuplicateMember(matches)


# --- adding and editing ----------------------------------------------------------------------


def add_member(
    ws: Workspace,
    values: Mapping[str, Any],
    *,
    allow_duplicate: bool = False,
    today: date | None = None,
) -> str:
    """Add a member to this device's branch; returns the record's id. Refuses bad input
    (saying what to correct) and, unless `allow_duplicate`, a possible duplicate."""
    require(ws.user, Action.EDIT_ROSTER)
    cleaned = clean_member(values, today=today)
    row = {k: v for k, v in cleaned.items() if v is not None and v != ""}
    if not row.get("hardship"):
        row.pop("hardship", None)
    with ws.records.transaction():
        if not allow_duplicate:
            _check_duplicates(ws, row)
        member_id = ws.records.insert(TABLE, row, owner_org=ws.org_id)
    log.info("added a member")
    return member_id


def edit_member(
    ws: Workspace,
    member_id: str,
    changes: Mapping[str, Any],
    *,
    allow_duplicate: bool = False,
    today: date | None = None,
) -> list[str]:
    """Change basic fields of a member; returns the fields that changed. A change of
    status or category is also written to the member's history (dated today unless a
    status date comes with it)."""
    require(ws.user, Action.EDIT_ROSTER)
    current = ws.records.require(TABLE, member_id)
    today = today or date.today()
    cleaned = clean_member(changes, today=today, current=current)
    updates = {f: cleaned[f] for f in cleaned if cleaned[f] != current.get(f)}
    if current.get("hardship") is None and updates.get("hardship") is False:
        updates.pop("hardship")
    if not updates:
        return []
    with ws.records.transaction():
        if not allow_duplicate and {"name", "birth_date", "id_number"} & set(updates):
            _check_duplicates(ws, cleaned, exclude=member_id)
        changed = ws.records.update(TABLE, member_id, updates)
        on = cleaned.get("status_date") if "status" in updates else None
        for field in ("status", "category"):
            if field in updates:
                record_event(
                    ws,
                    current,
                    kind=event_kind(field, current.get(field), updates[field]),
                    on=on or today.isoformat(),
                    old=current.get(field),
                    new=updates[field],
                )
    log.info("edited %d fields of a member", len(changed))
    return changed


# --- the standing history ------------------------------------------------------------------

EVENTS = "member_events"


def event_kind(field: str, old: str | None, new: str | None) -> str:
    """The history's kind of event for a change of status or category."""
    if field == "status":
        return "status"
    return "converted" if (old, new) == ("probationary", "full") else "category"


def record_event(
    ws: Workspace,
    member: Record,
    *,
    kind: str,
    on: str,
    old: str | None = None,
    new: str | None = None,
    note: str | None = None,
) -> str:
    """Write one line of the member's history, readable wherever the member's record is."""
    return ws.records.insert(
        EVENTS,
        {
            "member_id": member["id"],
            "date": on,
            "kind": kind,
            "old_value": old,
            "new_value": new,
            "note": note or None,
        },
        owner_org=member["owner_org"],
        audience=member.get("audience") or (),
    )


# --- the photo ---------------------------------------------------------------------------------

#: What a photo file starts with: JPEG, PNG, WebP (RIFF….WEBP), BMP.
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF", b"BM")


def set_photo(ws: Workspace, member_id: str, path: Path) -> str:
    """Make the image at `path` the member's photo (stored encrypted, replacing any
    earlier one); returns the attachment's id."""
    require(ws.user, Action.EDIT_ROSTER)
    path = Path(path)
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except OSError:
        raise InvalidInput(_N("Errors", "There is no file at {path}."), path=str(path)) from None
    if not any(head.startswith(m) for m in _IMAGE_MAGIC):
        raise InvalidInput(
            _N("Errors", "{name} is not a photo."),
            advice=_N("Errors", "Choose a JPEG, PNG, WebP or BMP image."),
            name=path.name,
        )
    member = ws.records.require(TABLE, member_id)
    with ws.records.transaction():
        attachment_id = attachments.attach_file(ws, TABLE, member_id, path, "image")
        ws.records.update(TABLE, member_id, {"photo_id": attachment_id})
        old = member.get("photo_id")
        if old and old != attachment_id and ws.records.get(attachments.TABLE, old):
            attachments.remove_attachment(ws, old)
    return attachment_id


def remove_photo(ws: Workspace, member_id: str) -> None:
    require(ws.user, Action.EDIT_ROSTER)
    member = ws.records.require(TABLE, member_id)
    old = member.get("photo_id")
    if not old:
        return
    with ws.records.transaction():
        ws.records.update(TABLE, member_id, {"photo_id": None})
        if ws.records.get(attachments.TABLE, old):
            attachments.remove_attachment(ws, old)


def photo_bytes(ws: Workspace, member_id: str) -> bytes | None:
    """The member's photo, decrypted in memory (never written to disk); None when there
    is none or it has not arrived from HQ yet."""
    member = get_member(ws, member_id)
    photo_id = member.get("photo_id")
    if not photo_id or ws.records.get(attachments.TABLE, photo_id) is None:
        return None
    try:
        with attachments.open_attachment(ws, photo_id) as stream:
            return stream.readall()
    except BlobMissing:
        return None


__all__ = [
    "BASIC_FIELDS",
    "DuplicateMember",
    "Role",
    "add_member",
    "clean_member",
    "count_members",
    "edit_member",
    "event_kind",
    "find_members",
    "get_member",
    "id_problems",
    "member_rowids",
    "member_rows",
    "normalize_phone",
    "photo_bytes",
    "record_event",
    "remove_photo",
    "set_photo",
]
