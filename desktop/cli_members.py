"""`lianxin-cli members …`: the roster and each member's archive, headless — list, add
(every basic field), show (the whole record with history and extended sets), the
duplicate report and status changes. Imports and exports come from desktop.cli_roster.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Any

from desktop import cli_roster
from desktop.domain import duplicates
from desktop.domain.access import Action, require
from desktop.domain.member_archive import MemberArchive, change_status, member_archive
from desktop.domain.members import (
    BASIC_FIELDS,
    add_member,
    find_members,
    member_rowids,
    member_rows,
)
from desktop.domain.org import group_names
from desktop.store.errors import LianxinError
from desktop.store.records import Record
from desktop.store.schema.members import (
    CATEGORIES,
    ENTRY_KINDS,
    FLOATING,
    GENDERS,
    ID_KINDS,
    STATUSES,
)
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

Unlocked = Callable[[argparse.Namespace], AbstractContextManager[Workspace]]
Out = Callable[..., None]
Table = Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]]
Command = Callable[..., argparse.ArgumentParser]

EXIT_OK = 0

#: Fields of `members list`, in column order (JSON adds the id first).
MEMBER_FIELDS = (
    "name",
    "gender",
    "birth_date",
    "id_number",
    "phone",
    "category",
    "status",
    "group",
)
#: `members add` options for the basic fields: (option, field, choices or "date").
ADD_OPTIONS: tuple[tuple[str, str, tuple[str, ...] | str | None], ...] = (
    ("--former-names", "former_names", None),
    ("--gender", "gender", GENDERS),
    ("--ethnicity", "ethnicity", None),
    ("--birth-date", "birth_date", "date"),
    ("--id-kind", "id_kind", ID_KINDS),
    ("--id-number", "id_number", None),
    ("--nationality", "nationality", None),
    ("--native-place", "native_place", None),
    ("--education", "education", None),
    ("--work-unit", "work_unit", None),
    ("--post", "post", None),
    ("--phone", "phone", None),
    ("--applied", "applied_date", "date"),
    ("--joined", "joined_date", "date"),
    ("--full", "full_date", "date"),
    ("--category", "category", CATEGORIES),
    ("--status", "status", STATUSES),
    ("--status-date", "status_date", "date"),
    ("--party-post", "party_post", None),
    ("--formal-unit", "formal_unit", None),
    ("--floating", "floating", FLOATING),
)
_HELP = {
    "id_number": "resident ID number (gender and birth date follow) or passport number",
    "nationality": "the passport's country (needed with --id-kind passport)",
    "applied_date": "date of the application to join",
    "joined_date": "admitted as probationary member",
    "full_date": "converted to full member (party standing counts from here)",
    "formal_unit": "the unit holding the formal membership relation, if not here",
    "floating": "floating member: out (from here) or in (managed here)",
}
_ENTRY_TITLES = {
    "education": "Education",
    "work": "Work",
    "reward": "Rewards",
    "penalty": "Penalties",
    "family": "Family and social relations",
    "training": "Training",
}


def _cli_error(message: str, advice: str = "", **params: Any) -> LianxinError:
    """An error for the command line only (so not marked for the UI's translation)."""
    return LianxinError(message, advice=advice, **params)


def _iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {text}")
    return value


def _required_text(value: str, option: str) -> str:
    if not value.strip():
        raise _cli_error("{option} must not be empty.", option=option)
    return value.strip()


def _member_view(record: Record, groups: dict[str, str]) -> dict[str, Any]:
    view = {"id": record["id"]}
    for field in MEMBER_FIELDS:
        if field == "group":
            view["group"] = groups.get(record["group_id"]) if record["group_id"] else None
        else:
            view[field] = record[field]
    return view


def _one_member(ws: Workspace, text: str) -> Record:
    found = find_members(ws, text)
    if not found:
        raise _cli_error(
            "No member matches {text}.",
            "Give the record id, the ID number or the name (lianxin-cli members list --search).",
            text=text,
        )
    if len(found) > 1:
        shown = "; ".join(f"{r['name']} {r['birth_date'] or ''} ({r['id']})" for r in found[:10])
        raise _cli_error(
            "{count} members match {text}: {shown}.",
            "Give the record id or the ID number instead.",
            count=len(found),
            text=text,
            shown=shown,
        )
    return found[0]


class MemberCommands:
    """The handlers, given the CLI's way of unlocking and printing."""

    def __init__(self, unlocked: Unlocked, out: Out, table: Table) -> None:
        self.unlocked = unlocked
        self.out = out
        self.table = table

    def list(self, args: argparse.Namespace) -> int:
        with self.unlocked(args) as ws:
            rowids = member_rowids(ws, args.search or "")
            total = len(rowids)
            if args.limit is not None:
                rowids = rowids[: args.limit]
            by_rowid = member_rows(ws, rowids)
            groups = group_names(ws)
        members = [_member_view(by_rowid[r], groups) for r in rowids if r in by_rowid]
        if args.json:
            self.out(json.dumps(members, ensure_ascii=False, indent=2))
            return EXIT_OK
        rows = [[m[f] or "" for f in MEMBER_FIELDS] for m in members]
        self.out(*self.table([f.upper().replace("_", " ") for f in MEMBER_FIELDS], rows))
        shown = f"{len(members)} of {total}" if len(members) < total else str(total)
        self.out(f"({shown} member{'' if total == 1 else 's'})")
        return EXIT_OK

    def add(self, args: argparse.Namespace) -> int:
        values: dict[str, Any] = {"name": _required_text(args.name, "--name")}
        for _option, field, _kind in ADD_OPTIONS:
            value = getattr(args, field)
            if value:
                values[field] = value
        if args.hardship:
            values["hardship"] = True
        with self.unlocked(args) as ws:
            if args.group:
                values["group_id"] = _group_id(ws, args.group)
            member_id = add_member(ws, values, allow_duplicate=args.allow_duplicate)
            name = ws.records.require("members", member_id)["name"]
        self.out(f"Added {name} ({member_id}).")
        return EXIT_OK

    def show(self, args: argparse.Namespace) -> int:
        with self.unlocked(args) as ws:
            archive = member_archive(ws, _one_member(ws, args.member)["id"])
        if args.json:
            self.out(json.dumps(_archive_json(archive), ensure_ascii=False, indent=2))
        else:
            self.out(*_archive_lines(archive, self.table))
        return EXIT_OK

    def duplicates(self, args: argparse.Namespace) -> int:
        with self.unlocked(args) as ws:
            require(ws.user, Action.READ_ROSTER)
            groups = duplicates.report(ws)
        if args.json:
            data = [
                {
                    "reason": g.reason.name.lower(),
                    "key": g.key,
                    "members": [
                        {"id": i, "name": n} for i, n in zip(g.member_ids, g.names, strict=True)
                    ],
                }
                for g in groups
            ]
            self.out(json.dumps(data, ensure_ascii=False, indent=2))
            return EXIT_OK
        if not groups:
            self.out("No possible duplicates on the roster.")
            return EXIT_OK
        for group in groups:
            self.out(f"{group.reason.message}: {group.key}")
            for member_id, name in zip(group.member_ids, group.names, strict=True):
                self.out(f"  {name}  ({member_id})")
        self.out(f"({len(groups)} group{'' if len(groups) == 1 else 's'} of possible duplicates)")
        return EXIT_OK

    def status(self, args: argparse.Namespace) -> int:
        with self.unlocked(args) as ws:
            member = _one_member(ws, args.member)
            change_status(ws, member["id"], args.to, args.date, args.note or "")
        self.out(
            f"{member['name']}: status {member['status'] or 'normal'} → {args.to} from {args.date}."
        )
        return EXIT_OK


def _group_id(ws: Workspace, name: str) -> str:
    groups = group_names(ws)
    for group_id, group_name in groups.items():
        if name in (group_name, group_id):
            return group_id
    raise _cli_error(
        "There is no group called {name}.",
        "Choose one of: {groups}.",
        name=name,
        groups=", ".join(groups.values()) or "(none yet)",
    )


def _plain(record: Record, fields: Sequence[str]) -> dict[str, Any]:
    return {f: record.get(f) for f in fields}


def _archive_json(archive: MemberArchive) -> dict[str, Any]:
    member = archive.member
    data: dict[str, Any] = {"id": member["id"], **_plain(member, BASIC_FIELDS)}
    data["group"] = archive.group_name
    data["party_standing_years"] = archive.standing_years
    data["history"] = [
        _plain(e, ("date", "kind", "old_value", "new_value", "note")) for e in archive.history
    ]
    data["entries"] = {
        kind: [
            {"id": e["id"], **_plain(e, ("start_date", "end_date", "title", "organisation"))}
            | _plain(e, ("country", "detail"))
            for e in rows
        ]
        for kind, rows in archive.entries.items()
    }
    data["files"] = [{"id": f.id, "name": f.name, "size": f.size} for f in archive.files]
    data["has_photo"] = bool(member.get("photo_id"))
    return data


def _label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def _archive_lines(archive: MemberArchive, table: Table) -> Iterator[str]:
    member = archive.member
    yield f"{member['name']}  ({member['id']})"
    for field in BASIC_FIELDS:
        value: Any = member.get(field)
        if field == "group_id":
            value = archive.group_name
        elif field == "hardship":
            value = "yes" if value else "no"
        label = "Group" if field == "group_id" else _label(field)
        yield f"  {label + ':':<16} {'' if value is None else value}"
    standing = archive.standing_years
    yield f"  {'Party standing:':<16} {'' if standing is None else f'{standing} years'}"
    yield "History (newest first):"
    if not archive.history:
        yield "  (none)"
    for event in archive.history:
        change = " → ".join(v for v in (event["old_value"], event["new_value"]) if v)
        note = f"  {event['note']}" if event["note"] else ""
        yield f"  {event['date']}  {event['kind']}  {change}{note}"
    for kind in ENTRY_KINDS:
        rows = archive.entries.get(kind, [])
        yield f"{_ENTRY_TITLES[kind]}:"
        if not rows:
            yield "  (none)"
            continue
        cells = [
            [
                e["start_date"] or "",
                e["end_date"] or "",
                e["title"] or "",
                e["organisation"] or "",
                e["country"] or "",
            ]
            for e in rows
        ]
        yield from (
            "  " + line for line in table(("FROM", "TO", "WHAT", "WHERE", "COUNTRY"), cells)
        )
    if archive.files:
        yield "Files:"
        for f in archive.files:
            yield f"  {f.name}  ({f.size} bytes)"


def add_commands(
    commands: Any, command: Command, unlocked: Unlocked, out: Out, table: Table
) -> None:
    """Register `members` and its actions on the CLI's subcommands."""
    handlers = MemberCommands(unlocked, out, table)
    members = commands.add_parser("members", help="the member roster and archive")
    member_commands = members.add_subparsers(
        dest="members_command", metavar="ACTION", required=True
    )
    listing = command(member_commands, "list", handlers.list, "list or search members")
    listing.add_argument("--search", metavar="Q", help="name, pinyin, initials or ID number")
    listing.add_argument("--json", action="store_true", help="a JSON array for scripts")
    listing.add_argument("--limit", type=_count, metavar="N")

    adding = command(member_commands, "add", handlers.add, "add a member")
    adding.add_argument("--name", required=True)
    for option, field, kind in ADD_OPTIONS:
        help_text = _HELP.get(field)
        if kind == "date":
            adding.add_argument(
                option, dest=field, type=_iso_date, metavar="YYYY-MM-DD", help=help_text
            )
        elif isinstance(kind, tuple):
            adding.add_argument(option, dest=field, choices=kind, help=help_text)
        else:
            adding.add_argument(option, dest=field, help=help_text)
    adding.add_argument("--group", metavar="NAME", help="the party group (its name)")
    adding.add_argument("--hardship", action="store_true", help="a member in hardship")
    adding.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="add even if someone with the same ID number, or name and birth date, exists",
    )

    show = command(
        member_commands, "show", handlers.show, "show a member's record, history and archive"
    )
    show.add_argument("member", metavar="ID", help="record id, ID number, or an unambiguous name")
    show.add_argument("--json", action="store_true", help="a JSON object for scripts")

    dupes = command(
        member_commands,
        "duplicates",
        handlers.duplicates,
        "list members who may be the same person",
    )
    dupes.add_argument("--json", action="store_true", help="a JSON array for scripts")

    status = command(member_commands, "status", handlers.status, "change a member's status")
    status.add_argument("member", metavar="ID", help="record id, ID number, or an unambiguous name")
    status.add_argument("--to", required=True, choices=STATUSES)
    status.add_argument("--date", required=True, type=_iso_date, metavar="YYYY-MM-DD")
    status.add_argument("--note", help="why (kept in the member's history)")

    cli_roster.add_commands(member_commands, command, unlocked, out)
