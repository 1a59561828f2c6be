"""Committee terms (届): elections (换届) that start a term of a unit's committee, or of its
secretary when the unit is small, the posts held in it, ending a term, the history, and
the warnings before a term runs out.

The rules here are declared defaults an HQ may override for its organisation (pass its
own `TermRule` table or thresholds): the Party Constitution (2022), art. 30, gives every
primary committee, general branch committee and branch committee a term of three to five
years; the branch work regulations (支部工作条例, 2018), art. 11, give a branch of seven or
more full members a committee, a smaller one a secretary (and possibly a deputy).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from desktop.domain.access import Action, require
from desktop.domain.org import (
    ELECTING_LEVELS,
    WARN_DAYS,
    TermWarning,
    org_tree,
    require_in_charge,
    units_in_charge,
)
from desktop.store.errors import InvalidInput, RecordNotFound
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.schema.org import BODIES, POSTS
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

UNITS = "org_units"
TERMS = "committee_terms"
SEATS = "committee_members"


@dataclass(frozen=True)
class TermRule:
    """How long a term of a unit of one level may run, in whole years."""

    min_years: int
    max_years: int
    #: The shortest by default: a warning must never come later than the rule demands.
    default_years: int


_CONSTITUTION_2022 = TermRule(min_years=3, max_years=5, default_years=3)
#: Term lengths by level (Party Constitution 2022, art. 30: 基层委员会、总支部委员会、支部
#: 委员会每届任期三年至五年). A declared default: an HQ with another rule passes its own
#: table to `start_election` and `term_rule`.
TERM_RULES: Mapping[str, TermRule] = MappingProxyType(
    {level: _CONSTITUTION_2022 for level in ELECTING_LEVELS}
)
#: Full members (category full, status normal) from which a unit elects a committee; a
#: smaller unit has a secretary (支部工作条例 art. 11). Configurable like TERM_RULES.
COMMITTEE_MIN_FULL = 7
#: A committee has at least this many people (支部委员会一般由3至5人组成).
COMMITTEE_MIN_SEATS = 3
#: Posts a secretary-only unit may fill: the secretary and possibly a deputy.
SECRETARY_BODY_POSTS = ("secretary", "deputy_secretary")


@dataclass(frozen=True)
class Seat:
    """A post held in a term: by a member of the roster (member_id) or by name only."""

    id: str
    post: str
    name: str
    member_id: str | None
    start_date: str | None
    end_date: str | None


@dataclass(frozen=True)
class Term:
    id: str
    org_id: str
    body: str
    elected_date: str | None
    start_date: str
    end_date: str
    closed_date: str | None
    note: str | None
    seats: tuple[Seat, ...]

    @property
    def secretary(self) -> str:
        return next((s.name for s in self.seats if s.post == "secretary"), "")


@dataclass(frozen=True)
class PostInput:
    """A post to record: a roster member (member_id) or a person by name."""

    post: str
    member_id: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Election:
    elected: date
    body: str
    years: int
    posts: Sequence[PostInput]
    #: The term starts on the election day unless another day is given.
    start: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Candidate:
    """A full member in good standing, who may hold a post."""

    id: str
    name: str
    post: str | None
    group: str | None


def term_rule(level: str, rules: Mapping[str, TermRule] = TERM_RULES) -> TermRule:
    return rules.get(level, _CONSTITUTION_2022)


def add_years(day: date, years: int) -> date:
    """The same day `years` later (29 February → 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def expected_body(full_members: int, minimum: int = COMMITTEE_MIN_FULL) -> str:
    return "committee" if full_members >= minimum else "secretary"


def full_members(ws: Workspace, unit_id: str) -> int:
    """Full members in good standing of the unit and the units below it that this device
    holds (whose formal relation is here or who are managed here)."""
    below = [unit_id, *_descendants(ws, unit_id)]
    marks = ", ".join("?" * len(below))
    return ws.records.count(
        "members",
        f"owner_org IN ({marks}) AND category = 'full' AND status = 'normal'",
        below,
    )


def _descendants(ws: Workspace, unit_id: str) -> list[str]:
    out, parents = [], [unit_id]
    while parents:
        marks = ", ".join("?" * len(parents))
        rows = ws.records.query(UNITS, f"parent_id IN ({marks})", parents)
        parents = [r["id"] for r in rows]
        out += parents
    return out


def _term(record: Record, seats: Sequence[Record]) -> Term:
    order = {post: i for i, post in enumerate(POSTS)}
    return Term(
        id=record["id"],
        org_id=record["org_id"],
        body=record["body"],
        elected_date=record["elected_date"],
        start_date=record["start_date"],
        end_date=record["end_date"],
        closed_date=record["closed_date"],
        note=record["note"],
        seats=tuple(
            Seat(s["id"], s["post"], s["name"], s["member_id"], s["start_date"], s["end_date"])
            for s in sorted(seats, key=lambda s: order.get(s["post"], 99))
        ),
    )


def _terms(ws: Workspace, where: str, params: Sequence[str]) -> list[Term]:
    records = ws.records.query(TERMS, where, params, order_by="start_date DESC, _rowid DESC")
    if not records:
        return []
    marks = ", ".join("?" * len(records))
    seats: dict[str, list[Record]] = {r["id"]: [] for r in records}
    for seat in ws.records.query(SEATS, f"term_id IN ({marks})", [r["id"] for r in records]):
        seats[seat["term_id"]].append(seat)
    return [_term(r, seats[r["id"]]) for r in records]


def current_term(ws: Workspace, unit_id: str) -> Term | None:
    """The unit's open term (the latest, should two elections have crossed in a sync)."""
    require(ws.user, Action.VIEW_ORG)
    terms = _terms(ws, "org_id = ? AND closed_date IS NULL", (unit_id,))
    return terms[0] if terms else None


def past_terms(ws: Workspace, unit_id: str) -> list[Term]:
    """The unit's ended terms, the latest first."""
    require(ws.user, Action.VIEW_ORG)
    return _terms(ws, "org_id = ? AND closed_date IS NOT NULL", (unit_id,))


def find_candidates(ws: Workspace, text: str, limit: int = 20) -> list[Candidate]:
    """Full members in good standing whose name (pinyin, initials) or ID number matches:
    only they may be elected (预备党员没有选举权和被选举权)."""
    require(ws.user, Action.VIEW_ORG)
    rowids = ws.records.search_rowids(
        "members",
        text,
        where="category = 'full' AND status = 'normal'",
        order_by="name, _rowid",
        limit=limit,
    )
    rows = ws.records.rows_by_rowid("members", rowids)
    groups = {r["id"]: r["name"] for r in ws.records.query(UNITS, "level = 'group'")}
    return [
        Candidate(r["id"], r["name"], r["party_post"] or r["post"], groups.get(r["group_id"]))
        for r in (rows[i] for i in rowids if i in rows)
    ]


def _seat_rows(ws: Workspace, election: Election) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    seen: set[tuple[str, str]] = set()
    for entry in election.posts:
        if entry.post not in POSTS:
            raise ValueError(f"unknown post {entry.post!r}")
        if entry.member_id:
            member = ws.records.get("members", entry.member_id)
            if member is None:
                raise RecordNotFound(table="members", row_id=entry.member_id)
            if member["category"] != "full" or member["status"] != "normal":
                raise InvalidInput(
                    _N(
                        "Errors",
                        "{name} is not a full member in good standing and cannot hold a "
                        "post. Choose another member.",
                    ),
                    name=member["name"],
                )
            name = member["name"]
        else:
            name = (entry.name or "").strip()
            if not name:
                raise InvalidInput(_N("Errors", "Every post needs the name of who holds it."))
        person = entry.member_id or name
        if (person, entry.post) in seen:
            raise InvalidInput(
                _N("Errors", "{name} is entered twice for the same post."), name=name
            )
        seen.add((person, entry.post))
        rows.append({"post": entry.post, "member_id": entry.member_id, "name": name})
    secretaries = sum(r["post"] == "secretary" for r in rows)
    if secretaries != 1:
        raise InvalidInput(
            _N("Errors", "A term needs exactly one secretary ({count} entered)."),
            count=secretaries,
        )
    if election.body == "secretary":
        extra = [r for r in rows if r["post"] not in SECRETARY_BODY_POSTS]
        deputies = sum(r["post"] == "deputy_secretary" for r in rows)
        if extra or deputies > 1:
            raise InvalidInput(
                _N(
                    "Errors",
                    "A unit without a committee has a secretary and at most one deputy: "
                    "remove the other posts.",
                )
            )
    else:
        people = {r["member_id"] or r["name"] for r in rows}
        if len(people) < COMMITTEE_MIN_SEATS:
            raise InvalidInput(
                _N(
                    "Errors",
                    "A committee has at least {minimum} members ({count} entered): add the "
                    "other committee members.",
                ),
                minimum=COMMITTEE_MIN_SEATS,
                count=len(people),
            )
    return rows


def _check_body(ws: Workspace, unit_id: str, body: str, minimum: int) -> None:
    if body not in BODIES:
        raise ValueError(f"unknown body {body!r}")
    count = full_members(ws, unit_id)
    if body == "committee" and count < minimum:
        raise InvalidInput(
            _N(
                "Errors",
                "The unit has {count} full members in good standing; a committee needs at "
                "least {minimum}. Elect a secretary (and possibly a deputy) instead.",
            ),
            count=count,
            minimum=minimum,
        )
    if body == "secretary" and count >= minimum:
        raise InvalidInput(
            _N(
                "Errors",
                "The unit has {count} full members in good standing: with {minimum} or more "
                "it elects a committee, not only a secretary.",
            ),
            count=count,
            minimum=minimum,
        )


def start_election(
    ws: Workspace,
    unit_id: str,
    election: Election,
    *,
    today: date | None = None,
    rules: Mapping[str, TermRule] = TERM_RULES,
    committee_minimum: int = COMMITTEE_MIN_FULL,
) -> str:
    """Record an election (换届): the new term and its posts; the unit's current term ends
    on the election day. Returns the new term's id. The unit owns the rows."""
    require(ws.user, Action.MANAGE_ORG)
    today = today or date.today()
    unit = require_in_charge(ws, unit_id)
    if unit["level"] not in ELECTING_LEVELS:
        raise InvalidInput(
            _N("Errors", "{name} is a group: groups have a leader, not an elected committee."),
            name=unit["name"],
        )
    if unit["closed"]:
        raise InvalidInput(
            _N("Errors", "{name} is closed: it holds no more elections."), name=unit["name"]
        )
    if election.elected > today:
        raise InvalidInput(
            _N("Errors", "The election date {date} is in the future: record it once held."),
            date=election.elected.isoformat(),
        )
    start = election.start or election.elected
    if start < election.elected:
        raise InvalidInput(_N("Errors", "A term cannot start before its election."))
    rule = term_rule(unit["level"], rules)
    if not rule.min_years <= election.years <= rule.max_years:
        raise InvalidInput(
            _N("Errors", "A term lasts {low} to {high} years ({years} entered)."),
            low=rule.min_years,
            high=rule.max_years,
            years=election.years,
        )
    _check_body(ws, unit_id, election.body, committee_minimum)
    seats = _seat_rows(ws, election)
    previous = ws.records.query(TERMS, "org_id = ? AND closed_date IS NULL", (unit_id,))
    for term in previous:
        if election.elected.isoformat() < term["start_date"]:
            raise InvalidInput(
                _N(
                    "Errors",
                    "The current term started on {start}: the next election cannot be "
                    "earlier. Check the election date.",
                ),
                start=term["start_date"],
            )
    end = add_years(start, election.years)
    with ws.records.transaction():
        for term in previous:
            _close(ws, term["id"], election.elected.isoformat())
        term_id = ws.records.insert(
            TERMS,
            {
                "org_id": unit_id,
                "body": election.body,
                "elected_date": election.elected.isoformat(),
                "start_date": start.isoformat(),
                "end_date": end.isoformat(),
                "note": election.note.strip() or None,
            },
            owner_org=unit_id,
        )
        ws.records.insert_many(
            SEATS,
            [{**s, "term_id": term_id, "start_date": start.isoformat()} for s in seats],
            owner_org=unit_id,
        )
    log.info("election recorded for %s: %s term to %s", unit_id, election.body, end)
    return term_id


def _close(ws: Workspace, term_id: str, on: str) -> None:
    ws.records.update(TERMS, term_id, {"closed_date": on})
    for seat in ws.records.query(SEATS, "term_id = ? AND end_date IS NULL", (term_id,)):
        ws.records.update(SEATS, seat["id"], {"end_date": on})


def end_term(ws: Workspace, term_id: str, on: date, today: date | None = None) -> None:
    """End a term without recording its successor yet (the unit closed, or the election
    was held elsewhere); an election ends the current term by itself."""
    require(ws.user, Action.MANAGE_ORG)
    today = today or date.today()
    term = ws.records.require(TERMS, term_id)
    require_in_charge(ws, term["org_id"])
    if term["closed_date"]:
        raise InvalidInput(
            _N("Errors", "This term already ended on {date}."), date=term["closed_date"]
        )
    if on > today:
        raise InvalidInput(
            _N("Errors", "A term ends on the day it ends: {date} is in the future."),
            date=on.isoformat(),
        )
    if on.isoformat() < term["start_date"]:
        raise InvalidInput(
            _N("Errors", "The term started on {start}: it cannot end earlier."),
            start=term["start_date"],
        )
    with ws.records.transaction():
        _close(ws, term_id, on.isoformat())


def term_warnings(
    ws: Workspace, today: date | None = None, *, warn_days: int = WARN_DAYS
) -> list[TermWarning]:
    """Units of this device (its own and below) whose term ends within `warn_days` days,
    has ended with no election, or was never recorded; the most urgent first."""
    require(ws.user, Action.VIEW_ORG)
    units = org_tree(ws, today, warn_days=warn_days, counts=False)
    warnings = [u.warning for u in units if u.warning]
    order = {"overdue": 0, "due": 1, "no_term": 2}
    return sorted(warnings, key=lambda w: (order[w.kind], w.days_left or 0, w.unit_name))


# --- demo data -----------------------------------------------------------------------------

#: The demo's committee posts, as demo members carry them in `party_post`.
_DEMO_POSTS = {
    "书记": "secretary",
    "副书记": "deputy_secretary",
    "组织委员": "organiser",
    "宣传委员": "publicity",
    "纪检委员": "discipline",
}
#: Who held the secretary's post in the past term and has since gone home (name only).
_DEMO_FORMER_SECRETARY = "刘建军"
#: The demo's current term ends this many days from today, so the warning shows.
_DEMO_DAYS_LEFT = 60


def seed_demo(ws: Workspace, today: date) -> None:
    """A past term and a current one (committee or secretary, by the branch's size) for
    this device's unit, its posts held by the demo members who carry them; the current
    term ends within the warning period. Does nothing if the unit already has terms."""
    if ws.records.count(TERMS, "org_id = ?", (ws.org_id,)):
        return
    holders = ws.records.query(
        "members",
        "party_post IN (?, ?, ?, ?, ?) AND category = 'full' AND status = 'normal'",
        tuple(_DEMO_POSTS),
        limit=len(_DEMO_POSTS),
    )
    current_end = today.toordinal() + _DEMO_DAYS_LEFT
    current_start = add_years(date.fromordinal(current_end), -3)
    past_start = add_years(current_start, -3)
    body = expected_body(full_members(ws, ws.org_id))
    posts = [PostInput(_DEMO_POSTS[m["party_post"]], member_id=m["id"]) for m in holders]
    if body == "secretary":
        posts = [p for p in posts if p.post in SECRETARY_BODY_POSTS]
    if not any(p.post == "secretary" for p in posts):
        posts.insert(0, PostInput("secretary", name=_DEMO_FORMER_SECRETARY))
    past = [
        p if p.post != "secretary" else PostInput("secretary", name=_DEMO_FORMER_SECRETARY)
        for p in posts
    ]
    for elected, seats in ((past_start, past), (current_start, posts)):
        start_election(ws, ws.org_id, Election(elected, body, 3, seats), today=today)


__all__ = [
    "COMMITTEE_MIN_FULL",
    "TERM_RULES",
    "Candidate",
    "Election",
    "PostInput",
    "Seat",
    "Term",
    "TermRule",
    "add_years",
    "current_term",
    "end_term",
    "expected_body",
    "find_candidates",
    "full_members",
    "past_terms",
    "seed_demo",
    "start_election",
    "term_rule",
    "term_warnings",
    "units_in_charge",
]
