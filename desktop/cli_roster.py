"""`lianxin-cli members import | imports | import-undo | export`: roster files, headless.

`members import FILE` previews every row and imports the rows without errors in one
transaction; duplicates (of members already here, or of an earlier row) are left out
unless `--allow-duplicates`. Exit status: 0 when every row was read (imported, or clean
in a `--dry-run`), 1 when some rows had errors (those rows are reported and not
imported; the others are), 2 for a file that cannot be read at all.
With `--json` standard output is exactly {"rows": [{"row", "status", "name", "problems"}]}
(`row` is the spreadsheet row number), for scripts; the file-level warnings and what was
imported go to standard error as lines of text.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from desktop.domain.roster_export import LANGUAGES, export_roster
from desktop.domain.roster_import import (
    ImportPlan,
    ImportResult,
    RowStatus,
    import_plan,
    list_imports,
    preview,
    undo_import,
)
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

Unlocked = Callable[[argparse.Namespace], AbstractContextManager[Workspace]]
Out = Callable[..., None]

EXIT_OK = 0
EXIT_ROWS_WITH_ERRORS = 1


def _plan_lines(plan: ImportPlan) -> list[str]:
    lines = [f"{plan.file_name}:"]
    lines += [f"  warning: {p.message}" for p in plan.file_problems]
    for row in plan.rows:
        if row.status is RowStatus.SKIPPED or not row.problems:
            continue
        who = f" {row.name}" if row.name else ""
        for problem in row.problems:
            lines.append(f"  row {row.row} {row.status}{who}: {problem.message}")
    lines.append(
        f"{len(plan.rows)} rows: {plan.count(RowStatus.OK)} ok, "
        f"{plan.count(RowStatus.WARNING)} with warnings, {plan.count(RowStatus.ERROR)} with "
        f"errors, {plan.count(RowStatus.SKIPPED)} skipped (blank or summary)."
    )
    return lines


def cmd_import(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    result: ImportResult | None = None
    with unlocked(args) as ws:
        plan = preview(ws, Path(args.file))
        if not args.dry_run:
            result = import_plan(ws, plan, allow_duplicates=args.allow_duplicates)
    errors = plan.count(RowStatus.ERROR)
    if args.json:
        out(json.dumps({"rows": [r.as_json() for r in plan.rows]}, ensure_ascii=False, indent=2))
        notes = [f"warning: {p.message}" for p in plan.file_problems]
        if result is not None:
            notes.append(f"Imported {result.imported} members (import {result.import_id}).")
        for note in notes:
            sys.stderr.write(note + "\n")
        return EXIT_ROWS_WITH_ERRORS if errors else EXIT_OK
    out(*_plan_lines(plan))
    left_out = plan.duplicates if not args.allow_duplicates else 0
    if result is None:
        out("Nothing was written (dry run).")
    else:
        out(f"Imported {result.imported} members (import {result.import_id}).")
        if result.imported:
            out(f"Undo it with: lianxin-cli members import-undo {result.import_id}")
    if left_out:
        out(f"{left_out} possible duplicates are left out; --allow-duplicates imports them.")
    if errors:
        out(f"{errors} rows with errors are not imported: correct them and import those rows.")
    return EXIT_ROWS_WITH_ERRORS if errors else EXIT_OK


def cmd_imports(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        records = list_imports(ws)
    if not records:
        out("No roster imports yet.")
        return EXIT_OK
    for r in records:
        state = f"undone {r.undone_at}" if r.undone_at else "in place"
        out(
            f"{r.id}  {r.imported_at}  {r.file_name}  {r.rows} imported, {r.skipped} not  "
            f"by {r.by_name}  ({state})"
        )
    return EXIT_OK


def cmd_import_undo(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    with unlocked(args) as ws:
        removed = undo_import(ws, args.import_id)
    out(f"Undone: {removed} members of that import were removed.")
    return EXIT_OK


def cmd_export(args: argparse.Namespace, unlocked: Unlocked, out: Out) -> int:
    path = Path(args.file)
    with unlocked(args) as ws:
        count = export_roster(ws, path, language=args.lang)
    out(f"Wrote {count} members to {path}.")
    return EXIT_OK


def add_commands(
    member_commands: Any,
    command: Callable[..., argparse.ArgumentParser],
    unlocked: Unlocked,
    out: Out,
) -> None:
    def bind(handler: Callable[[argparse.Namespace, Unlocked, Out], int]) -> Callable[..., int]:
        return lambda args: handler(args, unlocked, out)

    importing = command(
        member_commands,
        "import",
        bind(cmd_import),
        "import a roster (.xlsx or .csv): every row checked, then one transaction",
    )
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    importing.add_argument("--json", action="store_true", help="every row's status as JSON")
    duplicates = importing.add_mutually_exclusive_group()
    duplicates.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="also import rows that look like members already here (or an earlier row)",
    )
    duplicates.add_argument(
        "--skip-duplicates",
        dest="allow_duplicates",
        action="store_false",
        help="leave such rows out (the default)",
    )
    command(member_commands, "imports", bind(cmd_imports), "list past roster imports")
    undo = command(
        member_commands,
        "import-undo",
        bind(cmd_import_undo),
        "undo a roster import (refused if its members were edited since)",
    )
    undo.add_argument("import_id", metavar="IMPORT_ID")
    export = command(
        member_commands, "export", bind(cmd_export), "export the roster to Excel (.xlsx)"
    )
    export.add_argument("file", metavar="FILE")
    export.add_argument(
        "--lang", choices=LANGUAGES, default="zh", help="column titles and labels (default zh)"
    )
