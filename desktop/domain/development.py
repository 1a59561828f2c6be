"""Member development (发展党员): the 25 steps of the 2014 rules, their time rules, and
the checks that allow or refuse a step.

A case is one person's file from the written application to conversion; each recorded
step is a row of `development_steps` (reviews of step 6 repeat). A refused step says which
rule and the earliest allowed date. The use cases that write are in
`development_cases`; what is due or overdue per case is in `development_due`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.domain import idnumber
from desktop.domain.access import Action, require
from desktop.store.errors import InvalidInput, LianxinError
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

CASES = "development_cases"
STEPS_TABLE = "development_steps"
CONTEXT = "Development"


# --- the time rules --------------------------------------------------------------------


@dataclass(frozen=True)
class TimeRules:
    """The time rules of member development, declared once as durations.

    Defaults follow 中国共产党发展党员工作细则 (2014). An HQ may override them for its
    organisation by passing its own `TimeRules`; where a newer official rule differs from
    these defaults, the newer rule wins: change the values, never the checks.
    """

    min_age_years: int = 18  # at the written application
    talk_within_months: int = 1  # the branch talks with the applicant
    review_every_months: int = 6  # the branch reviews an activist
    activist_min_months: int = 12  # as activist before becoming a development target
    training_min_days: int = 3  # concentrated training: days …
    training_min_hours: int = 24  # … or class hours
    approval_within_months: int = 3  # higher committee approval after the branch meeting
    probation_months: int = 12  # from the branch meeting that admits
    extension_max_months: int = 12  # one extension of the probation, at most this long
    extensions_allowed: int = 1
    #: Not a rule: how far ahead the pipeline looks for "due soon".
    due_soon_days: int = 30


RULES = TimeRules()


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day (31 Jan + 1 month → 28 Feb;
    29 Feb + 12 months → 28 Feb), so that a period never runs past its month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


# --- the catalogue ---------------------------------------------------------------------

STAGES = {
    1: _N("Development", "Application"),
    2: _N("Development", "Activist"),
    3: _N("Development", "Development target"),
    4: _N("Development", "Admission"),
    5: _N("Development", "Probation and conversion"),
}

OUTCOMES = {
    "passed": _N("Development", "passed"),
    "failed": _N("Development", "failed"),
    "approved": _N("Development", "approved"),
    "rejected": _N("Development", "rejected"),
    "converted": _N("Development", "converted"),
    "extended": _N("Development", "probation extended"),
}

ROLES = {
    "talker": _N("Development", "talked with the applicant"),
    "contact": _N("Development", "contact"),
    "introducer": _N("Development", "introducer"),
    "participant": _N("Development", "present"),
}


@dataclass(frozen=True)
class PeopleRule:
    role: str
    minimum: int
    maximum: int
    #: The people must be full members on the roster (contacts, introducers).
    full_members: bool = False


@dataclass(frozen=True)
class StepDef:
    number: int
    stage: int
    title: str
    people: PeopleRule = PeopleRule("participant", 0, 10)
    outcomes: tuple[str, ...] = ()
    #: Recorded again and again (the six-monthly reviews of an activist).
    repeats: bool = False


_TALK = PeopleRule("talker", 0, 4)
STEPS: dict[int, StepDef] = {
    s.number: s
    for s in (
        StepDef(1, 1, _N("Development", "Written application")),
        StepDef(2, 1, _N("Development", "Talk with the applicant"), _TALK),
        StepDef(3, 2, _N("Development", "Activist recommended and decided")),
        StepDef(4, 2, _N("Development", "Activist filed with the higher committee")),
        StepDef(5, 2, _N("Development", "Contacts assigned"), PeopleRule("contact", 1, 2, True)),
        StepDef(6, 2, _N("Development", "Education and review"), repeats=True),
        StepDef(7, 3, _N("Development", "Development target decided")),
        StepDef(8, 3, _N("Development", "Target filed with the higher committee")),
        StepDef(
            9, 3, _N("Development", "Introducers assigned"), PeopleRule("introducer", 2, 2, True)
        ),
        StepDef(10, 3, _N("Development", "Political review")),
        StepDef(11, 3, _N("Development", "Concentrated training")),
        StepDef(12, 4, _N("Development", "Branch committee review")),
        StepDef(13, 4, _N("Development", "Higher committee pre-review")),
        StepDef(14, 4, _N("Development", "Application form filled in")),
        StepDef(
            15, 4, _N("Development", "Branch general meeting vote"), outcomes=("passed", "failed")
        ),
        StepDef(16, 4, _N("Development", "Talk by the higher committee"), _TALK),
        StepDef(
            17, 4, _N("Development", "Higher committee approval"), outcomes=("approved", "rejected")
        ),
        StepDef(18, 4, _N("Development", "Filed with the organisation department")),
        StepDef(19, 5, _N("Development", "Placed in a branch and group")),
        StepDef(20, 5, _N("Development", "Admission oath")),
        StepDef(21, 5, _N("Development", "Continued education and review")),
        StepDef(22, 5, _N("Development", "Application for conversion")),
        StepDef(
            23,
            5,
            _N("Development", "Branch general meeting on conversion"),
            outcomes=("converted", "extended", "failed"),
        ),
        StepDef(
            24,
            5,
            _N("Development", "Higher committee approval of conversion"),
            outcomes=("approved", "rejected"),
        ),
        StepDef(25, 5, _N("Development", "File archived")),
    )
}
LAST_STEP = 25
TALK, ACTIVIST, REVIEW, TARGET, TRAINING, MEETING, APPROVAL = 2, 3, 6, 7, 11, 15, 17
CONVERSION_APPLICATION, CONVERSION_MEETING, CONVERSION_APPROVAL, ARCHIVED = 22, 23, 24, 25
#: Outcomes after which the same step is recorded again before the next one may follow.
NOT_YET = {MEETING: "failed", APPROVAL: "rejected", CONVERSION_APPROVAL: "rejected"}


# --- a case's file ----------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One recorded step."""

    id: str
    step: int
    day: date
    people: tuple[Mapping[str, Any], ...]
    outcome: str | None
    note: str | None

    @property
    def names(self) -> list[str]:
        return [str(p.get("name", "")) for p in self.people]


@dataclass(frozen=True)
class Person:
    """Someone named at a step; `member_id` when picked from the roster."""

    name: str
    member_id: str | None = None


@dataclass
class CaseFile:
    """A case and its recorded steps, oldest first: what the rules look at."""

    case: Record
    entries: list[Entry] = field(default_factory=list)
    #: The new end of the probation set by an extension, by the step entry's id (kept on
    #: the member's history as a "probation_extended" event).
    extended_to: dict[str, date] = field(default_factory=dict)

    def of(self, step: int) -> list[Entry]:
        return [e for e in self.entries if e.step == step]

    def last(self, step: int) -> Entry | None:
        found = self.of(step)
        return found[-1] if found else None

    def day(self, step: int) -> date | None:
        entry = self.last(step)
        return entry.day if entry else None

    def done(self, step: int) -> bool:
        """Recorded, and not with an outcome that asks for the step again."""
        entry = self.last(step)
        if entry is None:
            return False
        if step == CONVERSION_MEETING:
            return entry.outcome != "extended"
        return step not in NOT_YET or NOT_YET[step] != entry.outcome

    @property
    def next_step(self) -> int | None:
        return next((n for n in STEPS if not self.done(n)), None)

    @property
    def stage(self) -> int:
        recorded = [e.step for e in self.entries]
        return STEPS[max(recorded)].stage if recorded else 1

    def birth_date(self) -> date | None:
        if self.case.get("birth_date"):
            return parse_date(self.case["birth_date"])
        number = self.case.get("id_number") or ""
        return idnumber.birth_date(number) if idnumber.is_valid(number) else None

    def extensions(self) -> list[Entry]:
        return [e for e in self.of(CONVERSION_MEETING) if e.outcome == "extended"]

    def probation_end(self, rules: TimeRules = RULES) -> date | None:
        """One year from the branch meeting that admitted, or the extended end."""
        meeting = self.day(MEETING)
        if meeting is None or not self.done(MEETING):
            return None
        end = add_months(meeting, rules.probation_months)
        for entry in self.extensions():
            end = self.extended_to.get(entry.id, end)
        return end


def parse_date(text: str | date) -> date:
    if isinstance(text, date):
        return text
    # A "YYYY-MM" date (only the month known) counts from the month's first day.
    return date.fromisoformat(text if len(text) == 10 else f"{text}-01")


def entry_of(row: Record) -> Entry:
    return Entry(
        row["id"],
        int(row["step"]),
        parse_date(row["done_date"]),
        tuple(row["people"] or ()),
        row["outcome"],
        row["note"],
    )


def case_file(ws: Workspace, case_id: str) -> CaseFile:
    require(ws.user, Action.VIEW_DEVELOPMENT)
    case = ws.records.require(CASES, case_id)
    rows = ws.records.query(STEPS_TABLE, "case_id = ?", (case_id,), order_by="done_date, _rowid")
    file = CaseFile(case, [entry_of(r) for r in rows])
    if case.get("member_id"):
        events = ws.records.query(
            "member_events",
            "member_id = ? AND kind = 'probation_extended' AND ref_id IS NOT NULL",
            (case["member_id"],),
        )
        file.extended_to = {e["ref_id"]: parse_date(e["new_value"]) for e in events}
    return file


# --- structured outcomes ----------------------------------------------------------------
# The schema gives a step one short outcome text: the training's length is kept there in
# a fixed, parseable form ("days=3;hours=24").


def training_outcome(days: int | None, hours: int | None) -> str:
    parts = [f"days={days}" if days else "", f"hours={hours}" if hours else ""]
    return ";".join(p for p in parts if p)


def training_of(entry: Entry) -> tuple[int, int]:
    """(days, class hours) of a training step."""
    values = dict(p.split("=", 1) for p in (entry.outcome or "").split(";") if "=" in p)
    return int(values.get("days", 0)), int(values.get("hours", 0))


# --- the rules ----------------------------------------------------------------------------


def refusal(template: str, **params: Any) -> InvalidInput:
    return InvalidInput(template, **params)


def earliest_date(file: CaseFile, step: int, rules: TimeRules = RULES) -> date | None:
    """The first day the step may be dated, from its predecessors and the time rules."""
    # A review or a repeated vote comes after the earlier one too.
    before = [e.day for e in file.entries if e.step <= step]
    earliest = max(before) if before else None
    activist = file.day(ACTIVIST)
    if step == TARGET and activist is not None:
        earliest = max(earliest or activist, add_months(activist, rules.activist_min_months))
    if step in (CONVERSION_APPLICATION, CONVERSION_MEETING):
        end = file.probation_end(rules)
        if end is not None:
            earliest = max(earliest or end, end)
    if step == 1:
        born = file.birth_date()
        if born is not None:
            return add_months(born, 12 * rules.min_age_years)
    return earliest


def why_blocked(
    file: CaseFile,
    step: int,
    day: date | None = None,
    *,
    rules: TimeRules = RULES,
    today: date | None = None,
) -> LianxinError | None:
    """Why `step` cannot be recorded (on `day`, when given), or None when it can."""
    today = today or date.today()
    if step not in STEPS:
        return refusal(_N("Errors", "There is no development step {step}."), step=step)
    state = file.case["state"]
    archiving_closed = step == ARCHIVED and file.done(CONVERSION_APPROVAL)
    if state == "closed" and not archiving_closed:
        return refusal(_N("Errors", "This development case is closed: no more steps are recorded."))
    if file.done(step) and not STEPS[step].repeats:
        return refusal(
            _N("Errors", "Step {step} is already recorded (on {date})."),
            step=step,
            date=file.day(step),
        )
    if step == REVIEW and file.last(TARGET) is not None:
        return refusal(
            _N("Errors", "The activist already became a development target: reviews end there.")
        )
    missing = next((n for n in range(1, step) if not file.done(n)), None)
    if missing is not None:
        return refusal(
            _N("Errors", "Record step {missing} first: the steps are taken in order."),
            missing=missing,
        )
    if day is None:
        day = today
        if (earliest := earliest_date(file, step, rules)) is not None and earliest > today:
            return _timerefusal(file, step, earliest, rules)
        return None
    if day > today:
        return refusal(
            _N("Errors", "The date {date} is in the future: record a step once it has happened."),
            date=day,
        )
    earliest = earliest_date(file, step, rules)
    if earliest is not None and day < earliest:
        return _timerefusal(file, step, earliest, rules)
    return None


def _timerefusal(file: CaseFile, step: int, earliest: date, rules: TimeRules) -> InvalidInput:
    if step == 1:
        return refusal(
            _N(
                "Errors",
                "An applicant must be at least {age} years old at the written application: "
                "the earliest allowed date is {earliest}.",
            ),
            age=rules.min_age_years,
            earliest=earliest,
        )
    activist = file.day(ACTIVIST)
    if step == TARGET and activist and earliest == add_months(activist, rules.activist_min_months):
        return refusal(
            _N(
                "Errors",
                "A development target is decided only after at least {months} months as an "
                "activist (since {since}): the earliest allowed date is {earliest}.",
            ),
            months=rules.activist_min_months,
            since=activist,
            earliest=earliest,
        )
    end = file.probation_end(rules)
    if step in (CONVERSION_APPLICATION, CONVERSION_MEETING) and end == earliest:
        return refusal(
            _N(
                "Errors",
                "The probation ends on {end}: conversion is not discussed before that; "
                "the earliest allowed date is {earliest}.",
            ),
            end=end,
            earliest=earliest,
        )
    return refusal(
        _N(
            "Errors",
            "Step {step} cannot be dated before the step before it: the earliest allowed "
            "date is {earliest}.",
        ),
        step=step,
        earliest=earliest,
    )


def check_outcome(
    file: CaseFile, step: int, outcome: str | None, extended_to: date | None, rules: TimeRules
) -> None:
    allowed = STEPS[step].outcomes
    if not allowed:
        return
    if outcome not in allowed:
        raise refusal(_N("Errors", "Choose the outcome of step {step}."), step=step)
    if outcome != "extended":
        return
    if len(file.extensions()) >= rules.extensions_allowed:
        raise refusal(
            _N("Errors", "The probation can be extended only once; it was extended already.")
        )
    end = file.probation_end(rules)
    assert end is not None  # step 23 follows an admitting branch meeting
    latest = add_months(end, rules.extension_max_months)
    if extended_to is None or not end < extended_to <= latest:
        raise refusal(
            _N(
                "Errors",
                "An extended probation ends after {end} and at most {months} months later: "
                "choose a date up to {latest}.",
            ),
            end=end,
            months=rules.extension_max_months,
            latest=latest,
        )


def _full_member(ws: Workspace, person: Person) -> Record:
    if person.member_id:
        rows = ws.records.query("members", "id = ?", (person.member_id,))
    else:
        rows = ws.records.query("members", "name = ?", (person.name.strip(),))
    full = [r for r in rows if r["category"] == "full" and r["status"] in (None, "normal")]
    if len(full) > 1:
        raise refusal(
            _N("Errors", "Several full members are called {name}: choose one from the list."),
            name=person.name,
        )
    if not full:
        raise refusal(
            _N("Errors", "{name} is not a full member on the roster: choose a full member."),
            name=person.name or (rows[0]["name"] if rows else "?"),
        )
    return full[0]


def people_of_step(ws: Workspace, step: int, people: Sequence[Person]) -> list[dict[str, Any]]:
    rule = STEPS[step].people
    named = [p for p in people if p.name.strip() or p.member_id]
    if not rule.minimum <= len(named) <= rule.maximum:
        if rule.role == "contact":
            raise refusal(_N("Errors", "Assign one or two full members as contacts."))
        if rule.role == "introducer":
            raise refusal(_N("Errors", "Name two full members as introducers."))
        raise refusal(
            _N("Errors", "Step {step} names at most {maximum} people."),
            step=step,
            maximum=rule.maximum,
        )
    out: list[dict[str, Any]] = []
    for person in named:
        if rule.full_members:
            member = _full_member(ws, person)
            out.append({"role": rule.role, "name": member["name"], "member_id": member["id"]})
        else:
            item = {"role": rule.role, "name": person.name.strip()}
            if person.member_id:
                item["member_id"] = person.member_id
            out.append(item)
    if len({p.get("member_id") or p["name"] for p in out}) < len(out):
        raise refusal(_N("Errors", "The same person is named twice at step {step}."), step=step)
    return out


def find_full_members(ws: Workspace, text: str, limit: int = 20) -> list[tuple[str, str, str]]:
    """Full members in good standing matching what was typed (name, pinyin, initials), as
    (id, name, masked ID number): the people who may be contacts and introducers."""
    require(ws.user, Action.VIEW_DEVELOPMENT)
    rowids = ws.records.search_rowids(
        "members",
        text,
        where="category = 'full' AND status = 'normal'",
        order_by="name, _rowid",
        limit=limit,
    )
    rows = ws.records.rows_by_rowid("members", rowids)
    return [
        (r["id"], r["name"], idnumber.masked(r["id_number"] or ""))
        for r in (rows[i] for i in rowids if i in rows)
    ]
