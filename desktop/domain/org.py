"""The org tree this device holds (hq → committee → general branch → branch → group): read
it with member counts and term warnings, add units below this device's unit, edit them,
and close a temporary branch (临时党支部) when its project ends.

Committee terms and elections (换届) live in `desktop.domain.committee_terms`; this module
reads their end dates for the tree.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from desktop.domain.access import Action, require
from desktop.store.errors import InvalidInput, RecordNotFound
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.schema.org import LEVELS
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

TABLE = "org_units"
TERMS = "committee_terms"

#: Which levels a unit of each level may have directly below it. A committee (基层党委)
#: may hold general branches, branches, or committees of its own (a company's sub-units).
CHILD_LEVELS: Mapping[str, tuple[str, ...]] = {
    "hq": ("committee", "general_branch", "branch"),
    "committee": ("committee", "general_branch", "branch"),
    "general_branch": ("branch",),
    "branch": ("group",),
    "group": (),
}
#: Levels whose units elect a committee or a secretary for a term (groups have a leader).
ELECTING_LEVELS = ("hq", "committee", "general_branch", "branch")
#: Fields an officer may edit on a unit (closing has rules of its own: `close_unit`).
EDITABLE_FIELDS = ("name", "place", "established", "code", "temporary")
#: Warn this many days before a term ends (DOMAIN.md; configurable: callers pass their own).
WARN_DAYS = 90
#: What a date is, for error messages (translated where shown).
FOUNDING = _N("Errors", "founding")
CLOSING = _N("Errors", "closing")


@dataclass(frozen=True)
class TermWarning:
    """A unit whose committee (or secretary) term is due for an election, or has none."""

    unit_id: str
    unit_name: str
    #: "due" (ends within the warning period), "overdue" (ended, no election yet),
    #: "no_term" (no term recorded for an electing unit).
    kind: str
    end_date: str | None = None
    #: Days from today to the term's end: negative when overdue.
    days_left: int | None = None


@dataclass(frozen=True)
class UnitInfo:
    id: str
    name: str
    level: str
    parent_id: str | None
    temporary: bool
    code: str | None
    place: str | None
    established: str | None
    closed: str | None
    #: This device's own unit.
    own: bool
    #: This device's unit or below it: the device may change it.
    editable: bool
    #: Members (not those who left) whose formal relation (组织关系) is in this unit or
    #: below, and those managed here with the formal relation elsewhere (formal_unit set).
    formal_here: int
    managed_here: int
    #: The current term's end date, if the unit has a term.
    term_end: str | None = None
    warning: TermWarning | None = None
    depth: int = 0


def _by_id(ws: Workspace) -> dict[str, Record]:
    return {r["id"]: r for r in ws.records.query(TABLE, order_by="_rowid")}


def _children(units: Mapping[str, Record]) -> dict[str | None, list[Record]]:
    below: dict[str | None, list[Record]] = defaultdict(list)
    for unit in units.values():
        parent = unit["parent_id"] if unit["parent_id"] in units else None
        below[parent].append(unit)
    for rows in below.values():
        # A unit's code orders it where one is set (第一…第八 do not sort as text).
        rows.sort(key=lambda r: r["code"] or "")  # stable: creation order otherwise
    return below


def _subtree(children: Mapping[str | None, list[Record]], root: str) -> list[str]:
    out, stack = [], [root]
    while stack:
        unit_id = stack.pop()
        out.append(unit_id)
        stack.extend(r["id"] for r in children.get(unit_id, ()))
    return out


def units_in_charge(ws: Workspace) -> list[str]:
    """This device's unit and every unit below it (those it may change)."""
    units = _by_id(ws)
    if ws.org_id not in units:
        return []
    return _subtree(_children(units), ws.org_id)


def _member_counts(ws: Workspace) -> dict[str, tuple[int, int]]:
    """(formal here, managed here) directly per owning unit and per group."""
    direct: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = ws.db.query(
        "SELECT owner_org, group_id, coalesce(formal_unit, '') <> '', count(*) FROM members "
        "WHERE _deleted = 0 AND coalesce(status, '') <> 'left' GROUP BY 1, 2, 3"
    )
    for owner, group, managed, count in rows:
        for key in (owner, group):
            if key:
                direct[key][1 if managed else 0] += count
    return {k: (v[0], v[1]) for k, v in direct.items()}


def _current_terms(ws: Workspace) -> dict[str, Record]:
    """The open term of each unit (the latest start, should two elections have crossed)."""
    terms: dict[str, Record] = {}
    for term in ws.records.query(TERMS, "closed_date IS NULL", order_by="start_date, _rowid"):
        terms[term["org_id"]] = term
    return terms


def warning_for(
    unit: Record, term: Record | None, today: date, warn_days: int = WARN_DAYS
) -> TermWarning | None:
    """The warning an open electing unit shows: its term ends within `warn_days` days or
    has ended, or it has no term recorded."""
    if unit["level"] not in ELECTING_LEVELS or unit["closed"]:
        return None
    if term is None:
        return TermWarning(unit["id"], unit["name"], "no_term")
    days = (date.fromisoformat(term["end_date"]) - today).days
    if days > warn_days:
        return None
    kind = "overdue" if days < 0 else "due"
    return TermWarning(unit["id"], unit["name"], kind, term["end_date"], days)


def org_tree(
    ws: Workspace,
    today: date | None = None,
    *,
    warn_days: int = WARN_DAYS,
    counts: bool = True,
) -> list[UnitInfo]:
    """Every unit this device holds, depth first (parents before children), with member
    counts rolled up to each unit, the current term's end and its warning. Warnings are
    given for this device's unit and below only (the ones it can act on).

    Counting reads every member row (0.9 s for 100,000 members on a busy laptop);
    `counts=False` leaves them at 0 for callers that want only terms and warnings."""
    require(ws.user, Action.VIEW_ORG)
    today = today or date.today()
    units = _by_id(ws)
    children = _children(units)
    in_charge = set(_subtree(children, ws.org_id)) if ws.org_id in units else set()
    direct = _member_counts(ws) if counts else {}
    terms = _current_terms(ws)
    out: list[UnitInfo] = []

    def walk(unit: Record, depth: int) -> tuple[int, int]:
        formal, managed = direct.get(unit["id"], (0, 0))
        index = len(out)
        out.append(_info(unit, depth, unit["id"] in in_charge, ws.org_id))
        for child in children.get(unit["id"], ()):
            sub = walk(child, depth + 1)
            if child["level"] != "group":  # group members are already counted by owner
                formal, managed = formal + sub[0], managed + sub[1]
        term = terms.get(unit["id"])
        warning = warning_for(unit, term, today, warn_days) if unit["id"] in in_charge else None
        out[index] = replace(
            out[index],
            formal_here=formal,
            managed_here=managed,
            term_end=term["end_date"] if term else None,
            warning=warning,
        )
        return formal, managed

    for root in children.get(None, ()):
        walk(root, 0)
    return out


def _info(unit: Record, depth: int, editable: bool, own_id: str) -> UnitInfo:
    return UnitInfo(
        id=unit["id"],
        name=unit["name"],
        level=unit["level"],
        parent_id=unit["parent_id"],
        temporary=bool(unit["temporary"]),
        code=unit["code"],
        place=unit["place"],
        established=unit["established"],
        closed=unit["closed"],
        own=unit["id"] == own_id,
        editable=editable,
        formal_here=0,
        managed_here=0,
        depth=depth,
    )


def group_names(ws: Workspace) -> dict[str, str]:
    """Names of the groups this device holds, by id (groups are public within the branch)."""
    return {r["id"]: r["name"] for r in ws.records.query(TABLE, "level = 'group'", order_by="name")}


def require_in_charge(ws: Workspace, unit_id: str) -> Record:
    """The unit, if this device's unit or below it; otherwise a refusal saying whose it is."""
    unit = ws.records.get(TABLE, unit_id)
    if unit is None:
        raise RecordNotFound(table=TABLE, row_id=unit_id)
    if unit_id not in units_in_charge(ws):
        raise InvalidInput(
            _N(
                "Errors",
                "{name} is above this computer's unit: only its own officers can change it.",
            ),
            name=unit["name"],
        )
    return unit


def _clean_name(value: Any) -> str:
    name = str(value or "").strip()
    if not name:
        raise InvalidInput(_N("Errors", "Give the unit a name."))
    return name


def _check_unique_name(ws: Workspace, parent_id: str | None, name: str, own_id: str = "") -> None:
    same = ws.records.count(
        TABLE,
        "parent_id IS ? AND name = ? AND id <> ? AND closed IS NULL",
        (parent_id, name, own_id),
    )
    if same:
        raise InvalidInput(
            _N("Errors", "There is already a unit called {name} here. Choose another name."),
            name=name,
        )


def _check_date(value: Any, today: date, what: str) -> str | None:
    if value in (None, ""):
        return None
    day = value if isinstance(value, date) else _parse_date(str(value))
    if day > today:
        raise InvalidInput(
            _N("Errors", "The {what} date {date} is in the future: enter the day it happened."),
            what=what,
            date=day.isoformat(),
        )
    return day.isoformat()


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            _N("Errors", "{text} is not a date: write it as YYYY-MM-DD."), text=text
        ) from None


def add_unit(
    ws: Workspace, parent_id: str, values: Mapping[str, Any], today: date | None = None
) -> str:
    """Add a unit below `parent_id` (this device's unit or a unit below it), typically a
    group (党小组) under the branch. This device's unit owns the new row."""
    require(ws.user, Action.MANAGE_ORG)
    today = today or date.today()
    parent = require_in_charge(ws, parent_id)
    if parent["closed"]:
        raise InvalidInput(
            _N("Errors", "{name} is closed: no unit can be added below it."), name=parent["name"]
        )
    level = str(values.get("level") or (CHILD_LEVELS[parent["level"]] or ("",))[0])
    if level not in CHILD_LEVELS[parent["level"]]:
        raise InvalidInput(
            _N("Errors", "A unit of this level cannot be added below {name}."),
            name=parent["name"],
        )
    row = {k: values[k] for k in EDITABLE_FIELDS if k in values}
    row["name"] = _clean_name(values.get("name"))
    row["established"] = _check_date(values.get("established"), today, FOUNDING)
    _check_unique_name(ws, parent_id, row["name"])
    row.update(level=level, parent_id=parent_id)
    with ws.records.transaction():
        unit_id = ws.records.insert(TABLE, row, owner_org=ws.org_id)
    log.info("org unit added (%s) below %s", level, parent_id)
    return unit_id


def update_unit(
    ws: Workspace, unit_id: str, changes: Mapping[str, Any], today: date | None = None
) -> list[str]:
    """Rename a unit or set its code, place, founding date or temporary flag."""
    require(ws.user, Action.MANAGE_ORG)
    today = today or date.today()
    unit = require_in_charge(ws, unit_id)
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    row = dict(changes)
    if "name" in row:
        row["name"] = _clean_name(row["name"])
        _check_unique_name(ws, unit["parent_id"], row["name"], unit_id)
    if "established" in row:
        row["established"] = _check_date(row["established"], today, FOUNDING)
        if row["established"] and unit["closed"] and row["established"] > unit["closed"]:
            raise InvalidInput(_N("Errors", "A unit cannot be founded after it closed."))
    with ws.records.transaction():
        return ws.records.update(TABLE, unit_id, row)


@dataclass(frozen=True)
class UnitContents:
    """What keeps a unit from closing: members still in it and open units below it."""

    members: int
    units: int


def unit_contents(ws: Workspace, unit_id: str) -> UnitContents:
    unit = ws.records.require(TABLE, unit_id)
    column = "group_id" if unit["level"] == "group" else "owner_org"
    members = ws.records.count(
        "members", f"{column} = ? AND coalesce(status, '') <> 'left'", (unit_id,)
    )
    units = ws.records.count(TABLE, "parent_id = ? AND closed IS NULL", (unit_id,))
    return UnitContents(members, units)


def close_unit(ws: Workspace, unit_id: str, on: date, today: date | None = None) -> None:
    """Close a unit on a day (a temporary branch at the end of its project, a group that is
    merged). Refused while members or open units are still in it: they move first. The
    unit's current term ends the same day; its history is kept."""
    require(ws.user, Action.MANAGE_ORG)
    today = today or date.today()
    unit = require_in_charge(ws, unit_id)
    if unit["closed"]:
        raise InvalidInput(
            _N("Errors", "{name} is already closed (on {date})."),
            name=unit["name"],
            date=unit["closed"],
        )
    if unit_id == ws.org_id and not unit["temporary"]:
        raise InvalidInput(
            _N(
                "Errors",
                "Only a temporary branch closes itself. Closing {name} is decided by the "
                "committee above it.",
            ),
            name=unit["name"],
        )
    closed = _check_date(on, today, CLOSING)
    assert closed is not None
    if unit["established"] and closed < unit["established"]:
        raise InvalidInput(_N("Errors", "A unit cannot close before it was founded."))
    contents = unit_contents(ws, unit_id)
    if contents.members or contents.units:
        raise InvalidInput(
            _N(
                "Errors",
                "{name} still has {members} members and {units} open units below it. "
                "Transfer the members (or move them to another group) and close or move "
                "the units below first.",
            ),
            name=unit["name"],
            members=contents.members,
            units=contents.units,
        )
    with ws.records.transaction():
        ws.records.update(TABLE, unit_id, {"closed": closed})
        for term in ws.records.query(TERMS, "org_id = ? AND closed_date IS NULL", (unit_id,)):
            ws.records.update(TERMS, term["id"], {"closed_date": closed})
    log.info("org unit %s closed", unit_id)


def level_choices(level: str) -> tuple[str, ...]:
    """The levels a unit of `level` may have below it."""
    return CHILD_LEVELS.get(level, ())


__all__ = [
    "CHILD_LEVELS",
    "ELECTING_LEVELS",
    "LEVELS",
    "WARN_DAYS",
    "TermWarning",
    "UnitContents",
    "UnitInfo",
    "add_unit",
    "close_unit",
    "group_names",
    "level_choices",
    "org_tree",
    "require_in_charge",
    "unit_contents",
    "units_in_charge",
    "update_unit",
    "warning_for",
]
