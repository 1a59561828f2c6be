"""`lianxin-cli org tree` and `org term UNIT`: the org tree with its committee terms and
warnings, and one unit's current term with its posts, headless (`--json` for scripts)."""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import asdict
from datetime import date
from typing import Any

from desktop.domain.committee_terms import Term, current_term, past_terms
from desktop.domain.org import TermWarning, UnitInfo, org_tree
from desktop.store.errors import InvalidInput
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

Unlocked = Callable[[argparse.Namespace], AbstractContextManager[Workspace]]
Out = Callable[..., None]


def warning_line(warning: TermWarning) -> str:
    if warning.kind == "no_term":
        return "no committee term recorded"
    days = warning.days_left or 0
    if warning.kind == "overdue":
        return f"term ended {-days} days ago ({warning.end_date}): hold the election"
    return f"term ends in {days} days ({warning.end_date}): prepare the election"


def _unit_json(unit: UnitInfo) -> dict[str, Any]:
    view = asdict(unit)
    view["warning"] = asdict(unit.warning) if unit.warning else None
    return view


def cmd_tree(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        units = org_tree(ws, date.today())
    if args.json:
        out(json.dumps([_unit_json(u) for u in units], ensure_ascii=False, indent=2))
        return 0
    for unit in units:
        kind = unit.level + (", temporary" if unit.temporary else "")
        parts = [f"{'  ' * unit.depth}{unit.name}  [{kind}]"]
        if unit.closed:
            parts.append(f"closed {unit.closed}")
        elif unit.term_end:
            parts.append(f"term ends {unit.term_end}")
        parts.append(f"members {unit.formal_here} formal here, {unit.managed_here} managed here")
        if unit.warning:
            parts.append(f"WARNING: {warning_line(unit.warning)}")
        out("  ·  ".join(parts))
    return 0


def find_unit(units: list[UnitInfo], wanted: str) -> UnitInfo:
    """A unit by id, by its exact name, or by a part of its name that only it has."""
    text = wanted.strip()
    for unit in units:
        if text in (unit.id, unit.name):
            return unit
    matches = [u for u in units if text and text in u.name]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise InvalidInput(
            _N("Errors", "No unit is called {name}: `lianxin-cli org tree` lists them."),
            name=text,
        )
    raise InvalidInput(
        _N("Errors", "{count} units have {name} in their name: give more of it, or its id."),
        name=text,
        count=len(matches),
    )


def _term_json(term: Term | None) -> dict[str, Any] | None:
    return asdict(term) if term else None


def cmd_term(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        unit = find_unit(org_tree(ws, date.today()), args.unit)
        term = current_term(ws, unit.id)
        history = past_terms(ws, unit.id)
    if args.json:
        view = {
            "unit": _unit_json(unit),
            "current": _term_json(term),
            "past": [_term_json(t) for t in history],
        }
        out(json.dumps(view, ensure_ascii=False, indent=2))
        return 0
    out(f"{unit.name}  [{unit.level}]")
    if term is None:
        out("No current term recorded.")
    else:
        out(
            f"{term.body} elected {term.elected_date or '-'}; "
            f"term {term.start_date} to {term.end_date}"
        )
        for seat in term.seats:
            roster = "" if seat.member_id else "  (not on the roster)"
            out(f"  {seat.post:<18}{seat.name}{roster}")
    if unit.warning:
        out(f"WARNING: {warning_line(unit.warning)}")
    if history:
        out(f"{len(history)} past term{'' if len(history) == 1 else 's'}:")
        for past in history:
            out(f"  {past.start_date} to {past.closed_date}  {past.body}  {past.secretary}")
    return 0


def add_commands(
    commands: Any,
    command: Callable[..., argparse.ArgumentParser],
    unlocked: Unlocked,
    out: Out,
) -> None:
    def bind(handler: Callable[[argparse.Namespace, Unlocked, Out], int]) -> Callable[..., int]:
        return lambda args: handler(args, unlocked, out)

    org = commands.add_parser("org", help="the org tree and committee terms")
    org_commands = org.add_subparsers(dest="org_command", metavar="ACTION", required=True)
    tree = command(
        org_commands, "tree", bind(cmd_tree), "units with levels, term end dates and warnings"
    )
    tree.add_argument("--json", action="store_true", help="a JSON array for scripts")
    term = command(org_commands, "term", bind(cmd_term), "a unit's current term and posts")
    term.add_argument("unit", metavar="UNIT", help="the unit's id, name or part of its name")
    term.add_argument("--json", action="store_true", help="a JSON object for scripts")
