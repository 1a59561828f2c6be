"""What is due in member development: per case the next step and its dates (the talk
within a month, the six-monthly reviews, the activist's year, the approval within three
months, the end of the probation), the cases by stage, and each step's state for the case
panel (done, due, overdue, blocked and why, waiting).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop.domain.access import Action, require
from desktop.domain.attachments import Attachment, list_attachments
from desktop.domain.development import (
    ACTIVIST,
    APPROVAL,
    CASES,
    CONVERSION_MEETING,
    MEETING,
    REVIEW,
    RULES,
    STEPS,
    STEPS_TABLE,
    TALK,
    TARGET,
    CaseFile,
    Entry,
    TimeRules,
    add_months,
    case_file,
    entry_of,
    parse_date,
    why_blocked,
)
from desktop.store.errors import LianxinError
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.workspace import Workspace

#: Kinds of dates a case waits for; `deadline` ones become overdue, the others are the
#: first day something is allowed.
DUE_KINDS = {
    "talk": _N("Development", "Talk with the applicant by {date}"),
    "review": _N("Development", "Next six-monthly review by {date}"),
    "target": _N("Development", "May become a development target from {date}"),
    "approval": _N("Development", "Higher committee approval by {date}"),
    "probation": _N("Development", "Probation ends {date}: conversion due"),
}
DEADLINES = frozenset({"talk", "review", "approval", "probation"})
#: Filters of the case list.
FILTERS = ("overdue", "due_soon", "due")
ACTIVE_STATES = ("open", "admitted")


@dataclass(frozen=True)
class DueItem:
    kind: str
    step: int
    day: date
    overdue: bool

    @property
    def deadline(self) -> bool:
        return self.kind in DEADLINES


@dataclass(frozen=True)
class CaseSummary:
    id: str
    name: str
    stage: int
    state: str
    #: The next step to record (None: the case is complete).
    next_step: int | None
    applied: date | None
    last_step_day: date | None
    items: tuple[DueItem, ...]
    #: A deadline within the "due soon" window (and not past).
    due_soon: bool
    closed_reason: str | None = None

    @property
    def overdue(self) -> bool:
        return any(i.overdue for i in self.items)

    @property
    def next_due(self) -> DueItem | None:
        deadlines = [i for i in self.items if i.deadline]
        return min(deadlines, key=lambda i: i.day) if deadlines else None


def due_items(file: CaseFile, today: date, rules: TimeRules = RULES) -> list[DueItem]:
    """The dates an active case waits for, soonest first."""
    if file.case["state"] not in ACTIVE_STATES:
        return []
    items: list[DueItem] = []

    def add(kind: str, step: int, day: date) -> None:
        items.append(DueItem(kind, step, day, kind in DEADLINES and day < today))

    applied = file.day(1)
    if applied is not None and not file.done(TALK):
        add("talk", TALK, add_months(applied, rules.talk_within_months))
    activist = file.day(ACTIVIST)
    if activist is not None and file.last(TARGET) is None:
        last = max(activist, file.day(REVIEW) or activist)
        add("review", REVIEW, add_months(last, rules.review_every_months))
        add("target", TARGET, add_months(activist, rules.activist_min_months))
    meeting = file.day(MEETING)
    if meeting is not None and file.done(MEETING) and not file.done(APPROVAL):
        add("approval", APPROVAL, add_months(meeting, rules.approval_within_months))
    end = file.probation_end(rules)
    if file.case["state"] == "admitted" and end is not None and not file.done(CONVERSION_MEETING):
        add("probation", CONVERSION_MEETING, end)
    return sorted(items, key=lambda i: i.day)


def summarise(file: CaseFile, today: date, rules: TimeRules = RULES) -> CaseSummary:
    items = tuple(due_items(file, today, rules))
    soon = today + timedelta(days=rules.due_soon_days)
    case = file.case
    return CaseSummary(
        case["id"],
        case["name"],
        int(case["stage"]),
        case["state"],
        file.next_step if case["state"] != "closed" else None,
        file.day(1),
        max((e.day for e in file.entries), default=None),
        items,
        any(i.deadline and not i.overdue and i.day <= soon for i in items),
        case.get("closed_reason"),
    )


def list_cases(
    ws: Workspace,
    *,
    stage: int | None = None,
    only: str | None = None,
    include_closed: bool = False,
    today: date | None = None,
    rules: TimeRules = RULES,
) -> list[CaseSummary]:
    """The cases by stage, then name; `only` one of FILTERS (overdue, due soon, either).

    A branch has dozens of cases, a committee's device some thousands: every case and
    its steps are read in two queries and summarised in memory."""
    require(ws.user, Action.VIEW_DEVELOPMENT)
    today = today or date.today()
    where, params = [], []
    if stage is not None:
        where.append("stage = ?")
        params.append(stage)
    if not include_closed:
        where.append("state != 'closed'")
    cases = ws.records.query(CASES, " AND ".join(where), params, order_by="stage, name, _rowid")
    steps: dict[str, list[Entry]] = defaultdict(list)
    if cases:
        wanted = {c["id"] for c in cases}
        for row in ws.records.query(STEPS_TABLE, order_by="case_id, done_date, _rowid"):
            if row["case_id"] in wanted:
                steps[row["case_id"]].append(entry_of(row))
    extended = {
        e["ref_id"]: parse_date(e["new_value"])
        for e in ws.records.query(
            "member_events", "kind = 'probation_extended' AND ref_id IS NOT NULL"
        )
    }
    out = []
    for case in cases:
        entries = steps[case["id"]]
        file = CaseFile(case, entries, {e.id: extended[e.id] for e in entries if e.id in extended})
        summary = summarise(file, today, rules)
        if (
            only is None
            or (only == "overdue" and summary.overdue)
            or (only == "due_soon" and summary.due_soon)
            or (only == "due" and (summary.overdue or summary.due_soon))
        ):
            out.append(summary)
    return out


# --- the case panel -----------------------------------------------------------------------

STEP_STATES = ("done", "late", "due", "overdue", "blocked", "waiting")


@dataclass(frozen=True)
class EntryView:
    entry: Entry
    documents: tuple[Attachment, ...]


@dataclass(frozen=True)
class StepView:
    number: int
    stage: int
    title: str
    entries: tuple[EntryView, ...]
    #: One of STEP_STATES.
    state: str
    #: The deadline (due, overdue, late) or the first allowed day (blocked).
    day: date | None
    #: Why the step cannot be recorded now (blocked, waiting).
    reason: LianxinError | None


@dataclass(frozen=True)
class CaseView:
    summary: CaseSummary
    #: The case and its steps: the record-step dialog checks the rules on it as the user
    #: types (the domain checks them again when the step is written).
    file: CaseFile
    steps: tuple[StepView, ...]


def _deadline(file: CaseFile, step: int, items: Sequence[DueItem], rules: TimeRules) -> date | None:
    """The deadline that applies to a step (recorded or not), if it has one."""
    for item in items:
        if item.step == step and item.deadline:
            return item.day
    applied, meeting = file.day(1), file.day(MEETING)
    if step == TALK and applied is not None:
        return add_months(applied, rules.talk_within_months)
    if step == APPROVAL and meeting is not None:
        return add_months(meeting, rules.approval_within_months)
    return None


def _step_view(
    file: CaseFile,
    number: int,
    entries: tuple[EntryView, ...],
    summary: CaseSummary,
    today: date,
    rules: TimeRules,
) -> StepView:
    definition = STEPS[number]
    deadline = _deadline(file, number, summary.items, rules)
    state, day, reason = "waiting", deadline, None
    reviewing = number == REVIEW and any(i.kind == "review" for i in summary.items)
    if file.done(number) and not reviewing:
        done_on = file.day(number)
        late = deadline is not None and done_on is not None and done_on > deadline
        state = "late" if late else "done"
    elif summary.state == "closed" or summary.next_step is None:
        state, day = "waiting", None
    elif number == summary.next_step or reviewing:
        reason = why_blocked(file, number, rules=rules, today=today)
        if reason is not None:
            state = "blocked"
            earliest = reason.params.get("earliest")
            day = earliest if isinstance(earliest, date) else None
        else:
            state = "overdue" if deadline is not None and deadline < today else "due"
    else:
        reason = why_blocked(file, number, rules=rules, today=today)
        if deadline is not None and deadline < today:
            state = "overdue"  # a later step's deadline passed while this one waits
    return StepView(number, definition.stage, definition.title, entries, state, day, reason)


def case_view(
    ws: Workspace, case_id: str, *, today: date | None = None, rules: TimeRules = RULES
) -> CaseView:
    """Everything the case panel shows: the case, its summary and its 25 steps."""
    require(ws.user, Action.VIEW_DEVELOPMENT)
    today = today or date.today()
    file = case_file(ws, case_id)
    summary = summarise(file, today, rules)
    by_step: dict[int, list[EntryView]] = defaultdict(list)
    for entry in file.entries:
        documents = tuple(list_attachments(ws, STEPS_TABLE, entry.id))
        by_step[entry.step].append(EntryView(entry, documents))
    steps = tuple(_step_view(file, n, tuple(by_step[n]), summary, today, rules) for n in STEPS)
    return CaseView(summary, file, steps)
