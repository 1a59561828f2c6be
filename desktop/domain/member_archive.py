"""A member's archive beyond the basic fields: the standing history (status and category
changes, each dated), party standing (党龄), and the extended sets — education, work
(overseas postings with country and dates), rewards and penalties, family and social
relations, training — with everything one member's page shows read in one call."""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.domain import attachments
from desktop.domain.access import Action, require
from desktop.domain.members import (
    EVENTS,
    ORDER,
    TABLE,
    event_kind,
    get_member,
    may_read,
    record_event,
)
from desktop.domain.org import group_names
from desktop.store.errors import InvalidInput, RecordNotFound
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.schema.members import CATEGORIES, ENTRY_KINDS, STATUSES
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

ENTRIES = "member_entries"
ENTRY_FIELDS = ("start_date", "end_date", "title", "organisation", "country", "detail")


@dataclass(frozen=True)
class MemberArchive:
    """Everything a member's page shows, read at once (only this member's rows)."""

    member: Record
    group_name: str | None
    #: Newest first.
    history: list[Record]
    #: Per kind, in date order.
    entries: dict[str, list[Record]]
    #: Files attached to the member other than the photo.
    files: list[attachments.Attachment]
    #: Full years of party standing (党龄) on the day read; None before full membership.
    standing_years: int | None


def _parse(text: str) -> date:
    """An ISO date, or a year and month (counted from the month's first day)."""
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)


def party_standing(full_date: str | None, today: date | None = None) -> int | None:
    """Full years of party standing (党龄), counted from the date of full membership."""
    if not full_date:
        return None
    start = _parse(full_date)
    today = today or date.today()
    if today < start:
        return 0
    years = today.year - start.year
    if (today.month, today.day) < (start.month, start.day):
        years -= 1
    return years


def _day(value: date | str, what: str, today: date) -> str:
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            raise InvalidInput(
                _N("Errors", "{text} is not a date: write it as YYYY-MM-DD."), text=str(value)
            ) from None
    if day > today:
        raise InvalidInput(
            _N("Errors", "The {what} {date} is in the future: enter the day it happened."),
            what=what,
            date=day.isoformat(),
        )
    return day.isoformat()


# --- standing ---------------------------------------------------------------------------


def change_status(
    ws: Workspace,
    member_id: str,
    to: str,
    on: date | str,
    note: str = "",
    *,
    today: date | None = None,
) -> str:
    """Change a member's standing (正常, 停止党籍, 失联, 出党) from the date given; the change
    is written to the member's history. Returns the history line's id."""
    require(ws.user, Action.EDIT_ROSTER)
    if to not in STATUSES:
        raise InvalidInput(
            _N("Errors", "{value} is not a valid {field}; choose one of: {choices}."),
            value=to,
            field="status",
            choices=", ".join(STATUSES),
        )
    member = ws.records.require(TABLE, member_id)
    day = _day(on, _N("Errors", "date of the change"), today or date.today())
    old = member.get("status") or "normal"
    if old == to:
        raise InvalidInput(
            _N("Errors", "{name} already has this status."),
            advice=_N("Errors", "Choose another status, or cancel."),
            name=member["name"],
        )
    joined = member.get("joined_date") or member.get("applied_date")
    if joined and day < joined:
        raise InvalidInput(
            _N("Errors", "The {what} ({date}) is before the {earlier} ({earlier_date})."),
            advice=_N("Errors", "Correct whichever of the two dates is wrong."),
            what=_N("Errors", "date of the change"),
            date=day,
            earlier=_N("Errors", "date joined"),
            earlier_date=joined,
        )
    with ws.records.transaction():
        ws.records.update(TABLE, member_id, {"status": to, "status_date": day})
        event = record_event(
            ws, member, kind="status", on=day, old=old, new=to, note=note.strip() or None
        )
    log.info("changed a member's status")
    return event


def change_category(
    ws: Workspace,
    member_id: str,
    to: str,
    on: date | str,
    note: str = "",
    *,
    today: date | None = None,
) -> str:
    """Change a member's category; probationary → full (转正) sets the date of full
    membership, from which party standing counts. Returns the history line's id."""
    require(ws.user, Action.EDIT_ROSTER)
    if to not in CATEGORIES:
        raise InvalidInput(
            _N("Errors", "{value} is not a valid {field}; choose one of: {choices}."),
            value=to,
            field="category",
            choices=", ".join(CATEGORIES),
        )
    member = ws.records.require(TABLE, member_id)
    day = _day(on, _N("Errors", "date of the change"), today or date.today())
    old = member.get("category")
    if old == to:
        raise InvalidInput(
            _N("Errors", "{name} already has this category."),
            advice=_N("Errors", "Choose another category, or cancel."),
            name=member["name"],
        )
    joined = member.get("joined_date")
    if to == "full" and joined and day < joined:
        raise InvalidInput(
            _N("Errors", "The {what} ({date}) is before the {earlier} ({earlier_date})."),
            advice=_N("Errors", "Correct whichever of the two dates is wrong."),
            what=_N("Errors", "date of full membership"),
            date=day,
            earlier=_N("Errors", "date joined"),
            earlier_date=joined,
        )
    changes: dict[str, Any] = {"category": to}
    changes["full_date"] = day if to == "full" else None
    with ws.records.transaction():
        ws.records.update(TABLE, member_id, changes)
        event = record_event(
            ws,
            member,
            kind=event_kind("category", old, to),
            on=day,
            old=old,
            new=to,
            note=note.strip() or None,
        )
    return event


def history(ws: Workspace, member_id: str) -> list[Record]:
    """The member's standing over time, newest first."""
    get_member(ws, member_id)
    return ws.records.query(EVENTS, "member_id = ?", (member_id,), order_by="date DESC, _hlc DESC")


# --- extended sets ----------------------------------------------------------------------


def _clean_entry(kind: str, values: Mapping[str, Any]) -> dict[str, Any]:
    if kind not in ENTRY_KINDS:
        raise InvalidInput(detail=f"unknown kind of entry {kind!r}")
    unknown = set(values) - set(ENTRY_FIELDS)
    if unknown:
        raise InvalidInput(detail=f"unknown fields {', '.join(sorted(unknown))}")
    cleaned: dict[str, Any] = {}
    for field, value in values.items():
        text = value.isoformat() if isinstance(value, date) else value
        if text is not None and field != "detail":
            text = " ".join(str(text).split())  # detail keeps its line breaks
        cleaned[field] = (text.strip() if isinstance(text, str) else text) or None
    return cleaned


def _check_entry(row: Mapping[str, Any], today: date) -> None:
    if not row.get("title"):
        raise InvalidInput(
            _N("Errors", "An entry needs a title (the degree, post, reward, relation or course)."),
        )
    start, end = row.get("start_date"), row.get("end_date")
    for value, what in (
        (start, _N("Errors", "start date")),
        (end, _N("Errors", "end date")),
    ):
        if value and value > today.isoformat():
            raise InvalidInput(
                _N("Errors", "The {what} {date} is in the future: enter the day it happened."),
                what=what,
                date=value,
            )
    if start and end and end < start:
        raise InvalidInput(
            _N("Errors", "The {what} ({date}) is before the {earlier} ({earlier_date})."),
            advice=_N("Errors", "Correct whichever of the two dates is wrong."),
            what=_N("Errors", "end date"),
            date=end,
            earlier=_N("Errors", "start date"),
            earlier_date=start,
        )


def _validated_dates(row: dict[str, Any]) -> None:
    # The store checks the shape; say which field in words an officer reads.
    for field in ("start_date", "end_date"):
        value = row.get(field)
        if value:
            try:
                _parse(value)
            except (ValueError, IndexError):
                raise InvalidInput(
                    _N("Errors", "{text} is not a date: write it as YYYY-MM-DD."), text=value
                ) from None


def add_entry(
    ws: Workspace,
    member_id: str,
    kind: str,
    values: Mapping[str, Any],
    *,
    today: date | None = None,
) -> str:
    """Add an education, work, reward, penalty, family or training entry to a member."""
    require(ws.user, Action.EDIT_ROSTER)
    member = ws.records.require(TABLE, member_id)
    row = _clean_entry(kind, values)
    _validated_dates(row)
    _check_entry(row, today or date.today())
    row.update(member_id=member_id, kind=kind)
    with ws.records.transaction():
        return ws.records.insert(
            ENTRIES,
            {k: v for k, v in row.items() if v is not None},
            owner_org=member["owner_org"],
            audience=member.get("audience") or (),
        )


def edit_entry(
    ws: Workspace, entry_id: str, changes: Mapping[str, Any], *, today: date | None = None
) -> list[str]:
    require(ws.user, Action.EDIT_ROSTER)
    current = ws.records.require(ENTRIES, entry_id)
    cleaned = _clean_entry(current["kind"], changes)
    _validated_dates(cleaned)
    merged = {f: current.get(f) for f in ENTRY_FIELDS} | cleaned
    _check_entry(merged, today or date.today())
    with ws.records.transaction():
        return ws.records.update(ENTRIES, entry_id, cleaned)


def delete_entry(ws: Workspace, entry_id: str) -> None:
    require(ws.user, Action.EDIT_ROSTER)
    with ws.records.transaction():
        ws.records.delete(ENTRIES, entry_id)


def entries(ws: Workspace, member_id: str, kind: str | None = None) -> list[Record]:
    """A member's entries (of one kind), in date order; undated ones last."""
    get_member(ws, member_id)
    where, params = "member_id = ?", [member_id]
    if kind is not None:
        where += " AND kind = ?"
        params.append(kind)
    return ws.records.query(
        ENTRIES, where, params, order_by="start_date IS NULL, start_date, _rowid"
    )


def get_entry(ws: Workspace, entry_id: str) -> Record:
    row = ws.records.get(ENTRIES, entry_id)
    if row is None or not may_read(ws, row["member_id"]):
        raise RecordNotFound(table=ENTRIES, row_id=entry_id)
    return row


# --- the whole archive --------------------------------------------------------------------


def member_archive(ws: Workspace, member_id: str, *, today: date | None = None) -> MemberArchive:
    """Everything one member's page shows. Reads only this member's rows (each table is
    indexed by member), so it costs the same with a hundred members or a hundred
    thousand. The photo is not read here: it is decrypted when shown."""
    member = get_member(ws, member_id)
    by_kind: dict[str, list[Record]] = {k: [] for k in ENTRY_KINDS}
    for row in entries(ws, member_id):
        by_kind.setdefault(row["kind"], []).append(row)
    group_id = member.get("group_id")
    group = group_names(ws).get(group_id) if group_id else None
    files = [
        f
        for f in attachments.list_attachments(ws, TABLE, member_id)
        if f.id != member.get("photo_id")
    ]
    return MemberArchive(
        member=member,
        group_name=group,
        history=history(ws, member_id),
        entries=by_kind,
        files=files,
        standing_years=party_standing(member.get("full_date"), today),
    )


# --- demo data ------------------------------------------------------------------------------

_SCHOOLS = (
    "同济大学",
    "哈尔滨工业大学",
    "山东建筑大学",
    "西南交通大学",
    "郑州大学",
    "武汉理工大学",
)
_DEGREES = ("土木工程 学士", "工程管理 学士", "结构工程 硕士", "法语 学士", "会计学 学士")
_POSTINGS = (
    ("阿尔及利亚", "中建八局阿尔及利亚分公司", "施工员"),
    ("阿联酋", "中建八局中东公司", "技术员"),
    ("科威特", "中建八局科威特项目部", "质量员"),
    ("埃及", "中建八局埃及新首都项目部", "安全员"),
)
_REWARDS = ("优秀共产党员", "先进工作者", "青年岗位能手", "优秀党务工作者")
_TRAINING = ("入党积极分子培训班", "海外项目党务干部培训", "安全生产管理培训")
#: Members given demo entries and histories, whatever the roster's size.
DEMO_MEMBERS = 12
DEMO_STATUS_CHANGES = 3


def seed_demo(ws: Workspace, today: date, member_ids: Sequence[str] | None = None) -> int:
    """Give the first members of the roster education, an overseas posting, a reward,
    training and a few standing changes: at most a few dozen rows, for any roster.
    Deterministic for the same roster. Returns the rows written."""
    require(ws.user, Action.EDIT_ROSTER)
    if member_ids is None:
        rows = ws.records.query(TABLE, "full_date IS NOT NULL", order_by=ORDER, limit=DEMO_MEMBERS)
    else:
        rows = [r for r in (ws.records.get(TABLE, i) for i in member_ids[:DEMO_MEMBERS]) if r]
    rng = random.Random(len(rows))
    written = 0
    with ws.records.transaction():
        for n, member in enumerate(rows):
            owner = {"owner_org": member["owner_org"], "audience": member.get("audience") or ()}
            joined = _parse(member.get("joined_date") or today.isoformat())
            born = _parse(member.get("birth_date") or "1990-01-01")
            study_end = min(date(born.year + 22, 7, 1), today)
            batch = [
                {
                    "kind": "education",
                    "start_date": date(born.year + 18, 9, 1).isoformat(),
                    "end_date": study_end.isoformat(),
                    "title": _DEGREES[n % len(_DEGREES)],
                    "organisation": _SCHOOLS[n % len(_SCHOOLS)],
                },
            ]
            if n % 2 == 0:
                country, employer, post = _POSTINGS[n % len(_POSTINGS)]
                start = min(today, study_end + timedelta(days=365 + rng.randrange(700)))
                end = min(today, start + timedelta(days=500 + rng.randrange(600)))
                batch.append(
                    {
                        "kind": "work",
                        "start_date": start.isoformat(),
                        "end_date": end.isoformat(),
                        "title": post,
                        "organisation": employer,
                        "country": country,
                    }
                )
            if n % 3 == 0:
                year = max(joined.year + 1, today.year - 3)
                if year <= today.year:
                    batch.append(
                        {
                            "kind": "reward",
                            "start_date": f"{year}-07-01",
                            "title": _REWARDS[n % len(_REWARDS)],
                            "organisation": "中建八局海外部党委",
                        }
                    )
            if n % 4 == 1:
                batch.append(
                    {
                        "kind": "training",
                        "start_date": (joined - timedelta(days=200)).isoformat(),
                        "end_date": (joined - timedelta(days=197)).isoformat(),
                        "title": _TRAINING[n % len(_TRAINING)],
                        "organisation": "中建八局党校",
                    }
                )
            ws.records.insert_many(
                ENTRIES, [{"member_id": member["id"], **row} for row in batch], **owner
            )
            written += len(batch)
            full = member.get("full_date")
            if full:
                record_event(ws, member, kind="admitted", on=joined.isoformat(), new="probationary")
                record_event(ws, member, kind="converted", on=full, old="probationary", new="full")
                written += 2
        # Standing changes: members who lost contact, and when.
        for member in ws.records.query(
            TABLE, "status = 'lost_contact'", order_by=ORDER, limit=DEMO_STATUS_CHANGES
        ):
            on = member.get("status_date") or today.isoformat()
            note = "多次联系未果，已报上级党委"
            record_event(
                ws, member, kind="status", on=on, old="normal", new="lost_contact", note=note
            )
            written += 1
    log.info("demo data: %d archive rows for %d members", written, len(rows))
    return written
