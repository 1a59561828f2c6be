"""`lianxin-cli transfer out|list|receipt|cancel`: membership transfers, headless."""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from desktop.domain import transfer_receipts, transfers
from desktop.domain.transfers import Letter
from desktop.store.errors import InvalidInput, LianxinError
from desktop.store.workspace import Workspace
from desktop.sync.protocol import is_valid_id

log = logging.getLogger(__name__)

Unlocked = Callable[[argparse.Namespace], AbstractContextManager[Workspace]]
Out = Callable[..., None]


def _cli_error(message: str, advice: str = "", **params: Any) -> LianxinError:
    """An error for the command line only (so not marked for the UI's translation)."""
    return LianxinError(message, advice=advice, **params)


def _resolve_unit(ws: Workspace, ref: str, name: str | None) -> tuple[str, str]:
    """(org id, name) of the receiving unit: a unit of the tree this computer holds, by
    id or unique name, or a unit beyond it by id with its name given."""
    ref = ref.strip()
    units = transfers.destinations(ws)
    for unit in units:
        if unit.org_id == ref:
            return unit.org_id, unit.name
    named = [unit for unit in units if unit.name == ref]
    if len(named) == 1:
        return named[0].org_id, named[0].name
    if len(named) > 1:
        raise _cli_error(
            "Several units are called {name}.", "Give the unit's id with --to.", name=ref
        )
    if is_valid_id(ref) and name:
        return ref, name.strip()
    raise _cli_error(
        "No unit {name} in the org tree this computer holds.",
        "Give the unit's id (from HQ) with --to and its name with --to-unit, or only "
        "--to-unit NAME for a unit outside Lianxin (a paper letter).",
        name=ref,
    )


def cmd_out(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    if not args.to and not args.to_unit:
        raise _cli_error("Say where the member goes: --to ORG, or --to-unit NAME for paper.")
    with unlocked(args) as ws:
        member = transfers.find_member(ws, args.member)
        if args.to:
            org_id, name = _resolve_unit(ws, args.to, args.to_unit)
            letter_id = transfers.transfer_out(
                ws,
                member["id"],
                route="system",
                to_org=org_id,
                to_unit=name,
                paid_up_to=args.paid_up_to,
                valid_days=args.valid_days,
                issued=args.date,
            )
        else:
            letter_id = transfers.transfer_out(
                ws,
                member["id"],
                route="paper",
                to_unit=args.to_unit,
                paid_up_to=args.paid_up_to,
                valid_days=args.valid_days,
                issued=args.date,
            )
        letter = transfers.get_letter(ws, letter_id)
    out(
        f"Letter {letter.serial} issued: {letter.name} to {letter.to_unit}, "
        f"valid until {letter.valid_until}."
    )
    if letter.route == "system":
        out("It reaches the receiving unit with the next sync (lianxin-cli sync).")
    return 0


def _row(kind: str, letter: Letter) -> dict[str, Any]:
    return {
        "id": letter.id,
        "kind": kind,
        "serial": letter.serial,
        "route": letter.route,
        "name": letter.name,
        "from_unit": letter.from_unit,
        "to_unit": letter.to_unit,
        "issued_date": letter.issued_date,
        "valid_until": letter.valid_until,
        "status": letter.status,
        "received_date": letter.receipt.received_date if letter.receipt else None,
    }


def cmd_list(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        rows = [_row("out", x) for x in transfers.letters_out(ws).letters]
        rows += [_row("in", x) for x in transfers.letters_in(ws).letters]
    if args.json:
        out(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        out("No transfer letters.")
        return 0
    for row in rows:
        where = f"to {row['to_unit']}" if row["kind"] == "out" else f"from {row['from_unit']}"
        out(
            f"{row['kind']:<3}  {row['serial']:<16}  {row['status']:<9}  {row['issued_date']}  "
            f"valid until {row['valid_until']}  {row['name']} {where}"
        )
    return 0


def cmd_receipt(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        try:
            letter = transfers.find_letter(ws, args.letter, incoming=True)
        except InvalidInput:
            # A paper letter of ours whose receipt came back.
            letter = transfers.find_letter(ws, args.letter, incoming=False)
        transfer_receipts.record_receipt(
            ws, letter.id, received=args.date, received_by=args.by or "", note=args.note or ""
        )
    if letter.route == "system":
        out(
            f"Receipt for letter {letter.serial} recorded. {letter.name}'s records arrive "
            "with the next sync."
        )
    else:
        out(f"Receipt for letter {letter.serial} recorded; {letter.name} has left this unit.")
    return 0


def cmd_cancel(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        letter = transfers.find_letter(ws, args.letter, incoming=False)
        transfers.cancel_letter(ws, letter.id)
    out(f"Letter {letter.serial} cancelled; {letter.name} stays in this unit.")
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _days(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None


def add_commands(
    commands: Any,
    command: Callable[..., argparse.ArgumentParser],
    unlocked: Unlocked,
    out: Out,
) -> None:
    def bind(handler: Callable[[argparse.Namespace, Unlocked, Out], int]) -> Callable[..., int]:
        return lambda args: handler(args, unlocked, out)

    transfer = commands.add_parser("transfer", help="membership transfers (letters, receipts)")
    actions = transfer.add_subparsers(dest="transfer_command", metavar="ACTION", required=True)
    issue = command(actions, "out", bind(cmd_out), "issue a transfer letter for a member")
    issue.add_argument("member", metavar="MEMBER", help="record id, ID number or unique name")
    issue.add_argument("--to", metavar="ORG", help="the receiving unit in Lianxin (id or name)")
    issue.add_argument(
        "--to-unit", metavar="NAME", help="the receiving unit's name (alone: a paper letter)"
    )
    issue.add_argument("--paid-up-to", metavar="YYYY-MM", help="dues paid up to this month")
    issue.add_argument(
        "--valid-days",
        type=_days,
        metavar="N",
        help=f"validity (default {transfers.RULES.validity_days} days)",
    )
    issue.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="date issued (today)")
    listing = command(actions, "list", bind(cmd_list), "letters out and in, with their state")
    listing.add_argument("--json", action="store_true", help="a JSON array for scripts")
    receipt = command(
        actions, "receipt", bind(cmd_receipt), "record the receipt of a letter (serial or id)"
    )
    receipt.add_argument("letter", metavar="LETTER")
    receipt.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="date received (today)")
    receipt.add_argument("--by", metavar="NAME", help="who received it (you)")
    receipt.add_argument("--note", metavar="TEXT")
    cancel = command(actions, "cancel", bind(cmd_cancel), "cancel a letter not yet receipted")
    cancel.add_argument("letter", metavar="LETTER")
