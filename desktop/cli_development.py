"""`lianxin-cli development list|open|step|close`: the member development pipeline,
headless (for scripts, and for an officer at a terminal)."""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from desktop.domain.development import OUTCOMES, STAGES, STEPS, Person
from desktop.domain.development_cases import close_case, open_case, record_step
from desktop.domain.development_due import DUE_KINDS, CaseSummary, list_cases
from desktop.store.errors import InvalidInput
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.schema.members import GENDERS
from desktop.store.workspace import Workspace

Unlocked = Callable[[argparse.Namespace], AbstractContextManager[Workspace]]
Out = Callable[..., None]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _columns(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(_width(c) for c in column) for column in zip(headers, *rows, strict=True)]
    return [
        "  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)).rstrip()
        for row in (headers, *rows)
    ]


def _view(case: CaseSummary) -> dict[str, Any]:
    nxt = case.next_step
    return {
        "id": case.id,
        "name": case.name,
        "stage": case.stage,
        "stage_name": STAGES[case.stage],
        "state": case.state,
        "next_step": nxt,
        "next_step_name": STEPS[nxt].title if nxt else None,
        "applied": case.applied.isoformat() if case.applied else None,
        "overdue": case.overdue,
        "due_soon": case.due_soon,
        "due": [
            {
                "kind": i.kind,
                "step": i.step,
                "date": i.day.isoformat(),
                "overdue": i.overdue,
                "text": DUE_KINDS[i.kind].format(date=i.day.isoformat()),
            }
            for i in case.items
        ],
    }


def cmd_list(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        cases = list_cases(
            ws, stage=args.stage, only="due" if args.due else None, include_closed=args.all
        )
    views = [_view(c) for c in cases]
    if args.json:
        out(json.dumps(views, ensure_ascii=False, indent=2))
        return 0
    rows = []
    for case, view in zip(cases, views, strict=True):
        due = case.next_due
        flag = "OVERDUE" if case.overdue else ("soon" if case.due_soon else "")
        rows.append(
            [
                case.id,
                case.name,
                str(case.stage),
                case.state,
                f"{case.next_step} {view['next_step_name']}" if case.next_step else "-",
                due.day.isoformat() if due else "",
                flag,
            ]
        )
    out(*_columns(("ID", "NAME", "STAGE", "STATE", "NEXT STEP", "DUE", ""), rows))
    out(f"({len(cases)} case{'' if len(cases) == 1 else 's'})")
    return 0


def _case_id(ws: Workspace, text: str) -> str:
    """A case by its id, or by the applicant's name when only one case has it."""
    if ws.records.get("development_cases", text) is not None:
        return text
    found = [c.id for c in list_cases(ws, include_closed=True) if c.name == text.strip()]
    if len(found) == 1:
        return found[0]
    raise InvalidInput(
        _N("Errors", "No single development case is called {case}: give the case's id."),
        case=text,
    )


def cmd_open(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    applicant = {
        "name": args.name,
        "id_number": args.id_number,
        "birth_date": args.birth_date,
        "gender": args.gender,
        "phone": args.phone,
        "work_unit": args.work_unit,
    }
    with unlocked(args) as ws:
        case_id = open_case(ws, applicant, args.applied, note=args.note or "")
    out(f"Opened the development case of {args.name} ({case_id}).")
    return 0


def cmd_step(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        case_id = _case_id(ws, args.case)
        record_step(
            ws,
            case_id,
            args.step,
            args.date,
            people=[Person(name) for name in args.person],
            outcome=args.outcome,
            note=args.note or "",
            training_days=args.days,
            training_hours=args.hours,
            extended_to=args.extended_to,
        )
    out(f"Recorded step {args.step} ({STEPS[args.step].title}) on {args.date.isoformat()}.")
    return 0


def cmd_close(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        close_case(ws, _case_id(ws, args.case), args.reason)
    out("The case is closed.")
    return 0


def add_commands(
    commands: Any,
    command: Callable[..., argparse.ArgumentParser],
    unlocked: Unlocked,
    out: Out,
) -> None:
    def bind(handler: Callable[[argparse.Namespace, Unlocked, Out], int]) -> Callable[..., int]:
        return lambda args: handler(args, unlocked, out)

    group = commands.add_parser("development", help="member development (发展党员) cases")
    actions = group.add_subparsers(dest="development_command", metavar="ACTION", required=True)
    listing = command(actions, "list", bind(cmd_list), "cases by stage, with what is due")
    listing.add_argument("--due", action="store_true", help="only cases overdue or due soon")
    listing.add_argument("--stage", type=int, choices=sorted(STAGES), metavar="1-5")
    listing.add_argument("--all", action="store_true", help="closed cases too")
    listing.add_argument("--json", action="store_true", help="a JSON array for scripts")

    opening = command(actions, "open", bind(cmd_open), "open a case with the written application")
    opening.add_argument("--name", required=True)
    opening.add_argument("--applied", type=_day, required=True, metavar="YYYY-MM-DD")
    opening.add_argument("--id-number", metavar="X")
    opening.add_argument("--birth-date", type=_day, metavar="YYYY-MM-DD")
    opening.add_argument("--gender", choices=GENDERS)
    opening.add_argument("--phone")
    opening.add_argument("--work-unit", metavar="UNIT")
    opening.add_argument("--note")

    step = command(actions, "step", bind(cmd_step), "record a step of a case")
    step.add_argument("case", metavar="CASE", help="the case's id (or the applicant's name)")
    step.add_argument("step", type=int, choices=sorted(STEPS), metavar="STEP", help="1-25")
    step.add_argument("--date", type=_day, required=True, metavar="YYYY-MM-DD")
    step.add_argument(
        "--person",
        action="append",
        default=[],
        metavar="NAME",
        help="someone at the step (contacts, introducers: full members); repeat for more",
    )
    step.add_argument("--outcome", choices=sorted(OUTCOMES))
    step.add_argument("--days", type=int, help="step 11: days of training")
    step.add_argument("--hours", type=int, help="step 11: class hours of training")
    step.add_argument(
        "--extended-to", type=_day, metavar="YYYY-MM-DD", help="step 23: the new probation end"
    )
    step.add_argument("--note")

    closing = command(actions, "close", bind(cmd_close), "close a case that will not go on")
    closing.add_argument("case", metavar="CASE")
    closing.add_argument("--reason", required=True)
