"""Roster import: a messy spreadsheet becomes a preview that lists every row's problems
before anything is written, then one transaction that adds the rows without errors; the
whole import can be undone later as a unit, unless its members were edited since.

Decisions (the officer may override the first with `allow_duplicates`):
- A row that duplicates a member already in the roster, or an earlier row of the file
  (same ID number, or same name and birth date), is a warning and is NOT imported by
  default: importing a roster twice must not double the branch.
- An ID number that disagrees with the gender or the birth date entered beside it is a
  warning (the entered value is kept: the officer checks which is right); when it
  disagrees with both, the number most likely belongs to someone else: an error.
- A group (党小组) name that is not a group of this branch is an error: the row would
  lose its group otherwise. Add the group, or empty the cell.
- An empty gender or birth date is taken from a valid resident ID number (not a guess:
  the number states both).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.domain import duplicates
from desktop.domain.access import Action, require
from desktop.domain.roster_read import SheetRow, find_header, read_rows
from desktop.domain.roster_rows import (
    SECOND_COLUMN,
    UNKNOWN_COLUMN,
    PlannedRow,
    RowReader,
    RowStatus,
    mark_duplicates,
)
from desktop.domain.roster_values import (
    TITLES,
    Problem,
    Severity,
    title_key,
)
from desktop.store.errors import InvalidInput, RecordNotFound
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.workspace import Workspace

__all__ = [
    "ImportPlan",
    "ImportRecord",
    "ImportResult",
    "PlannedRow",
    "RowStatus",
    "import_plan",
    "import_roster",
    "list_imports",
    "plan_rows",
    "preview",
    "undo_import",
]

log = logging.getLogger(__name__)

MEMBERS = "members"
IMPORTS = "roster_imports"
EVENTS = "member_events"
#: Names listed in a refusal to undo; the rest are counted.
NAMES_SHOWN = 10
_CHUNK = 900

Progress = Callable[[int, int], None]


@dataclass
class ImportPlan:
    """The preview: every row with its problems, and the file's own warnings."""

    file_name: str
    rows: list[PlannedRow]
    file_problems: list[Problem]
    columns: list[str]  # titles of the columns that will be imported

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def duplicates(self) -> int:
        return sum(1 for r in self.rows if r.duplicate and r.status is not RowStatus.ERROR)

    def importable(self, *, allow_duplicates: bool) -> list[PlannedRow]:
        return [
            r
            for r in self.rows
            if r.status in (RowStatus.OK, RowStatus.WARNING)
            and (allow_duplicates or not r.duplicate)
        ]


@dataclass(frozen=True)
class ImportResult:
    import_id: str
    imported: int
    not_imported: int  # rows with errors, and duplicates not allowed


@dataclass(frozen=True)
class ImportRecord:
    id: str
    file_name: str
    imported_at: str  # ISO, UTC
    rows: int
    skipped: int
    by_name: str
    undone_at: str | None


# --- preview ---------------------------------------------------------------------------


def preview(
    ws: Workspace,
    path: Path,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read `path` and check every row; nothing is written."""
    require(ws.user, Action.EDIT_ROSTER)
    rows = read_rows(path)
    return plan_rows(ws, path.name, rows, today=today or date.today(), progress=progress)


def plan_rows(
    ws: Workspace,
    file_name: str,
    rows: Sequence[SheetRow],
    *,
    today: date,
    progress: Progress | None = None,
) -> ImportPlan:
    header = find_header(rows)
    if header is None:
        raise InvalidInput(
            _N("Errors", "No header row was found in {file}."),
            advice=_N(
                "Errors",
                "The roster needs a row of column titles with at least 姓名 and one more known "
                "column (性别, 身份证号, 出生日期 …) within its first 30 rows.",
            ),
            file=file_name,
        )
    file_problems = [
        Problem(
            Severity.WARNING,
            UNKNOWN_COLUMN
            if TITLES.get(title_key(c.title.split("/")[-1])) is None
            else SECOND_COLUMN,
            {"cell": c.letter, "column": c.title},
        )
        for c in header.unknown
    ]
    reader = RowReader(ws, header, today)
    last_header = max(header.rows)
    planned: list[PlannedRow] = []
    data = [r for r in rows if r.number > last_header]
    for n, sheet_row in enumerate(data):
        planned.append(reader.read(sheet_row))
        if progress is not None and n % 500 == 0:
            progress(n, len(data))
    mark_duplicates(ws, planned)
    if progress is not None:
        progress(len(data), len(data))
    return ImportPlan(file_name, planned, file_problems, [c.title for c in header.known])


# --- import and undo -------------------------------------------------------------------


def import_plan(
    ws: Workspace,
    plan: ImportPlan,
    *,
    allow_duplicates: bool = False,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the plan's rows without errors (and, unless allowed, without duplicates) in
    ONE transaction, with the import's record and an "imported" event per member."""
    require(ws.user, Action.EDIT_ROSTER)
    chosen = plan.importable(allow_duplicates=allow_duplicates)
    day = (today or date.today()).isoformat()
    now = datetime.now(UTC).isoformat(timespec="seconds")
    records = ws.records
    with records.transaction():
        if not allow_duplicates:
            # The roster may have changed since the preview: check against it again.
            again = duplicates.existing_matches(ws, [r.values or {} for r in chosen])
            chosen = [r for r, found in zip(chosen, again, strict=True) if not found]
        import_id = records.insert(
            IMPORTS,
            {
                "file_name": plan.file_name[:255],
                "imported_at": now,
                "rows": len(chosen),
                "skipped": sum(1 for r in plan.rows if r.status is not RowStatus.SKIPPED)
                - len(chosen),
                "by_name": ws.user.name,
            },
            owner_org=ws.org_id,
        )
        member_ids: list[str] = []
        batch = 1000
        for start in range(0, len(chosen), batch):
            rows = [
                {**(r.values or {}), "import_id": import_id} for r in chosen[start : start + batch]
            ]
            member_ids += records.insert_many(MEMBERS, rows, owner_org=ws.org_id)
            if progress is not None:
                progress(start + len(rows), len(chosen))
        records.insert_many(
            EVENTS,
            [
                {
                    "member_id": member_id,
                    "date": day,
                    "kind": "imported",
                    "new_value": plan.file_name[:200],
                    "ref_id": import_id,
                }
                for member_id in member_ids
            ],
            owner_org=ws.org_id,
        )
    log.info("roster import %s: %d members", import_id, len(member_ids))
    data_rows = sum(1 for r in plan.rows if r.status is not RowStatus.SKIPPED)
    return ImportResult(import_id, len(member_ids), data_rows - len(member_ids))


def import_roster(
    ws: Workspace, path: Path, *, allow_duplicates: bool = False, today: date | None = None
) -> tuple[ImportPlan, ImportResult]:
    plan = preview(ws, path, today=today)
    return plan, import_plan(ws, plan, allow_duplicates=allow_duplicates, today=today)


def list_imports(ws: Workspace) -> list[ImportRecord]:
    require(ws.user, Action.READ_ROSTER)
    return [
        ImportRecord(
            r["id"],
            r["file_name"],
            r["imported_at"],
            r["rows"],
            r["skipped"] or 0,
            r["by_name"] or "",
            r["undone_at"],
        )
        for r in ws.records.query(IMPORTS, order_by="imported_at DESC, _rowid DESC")
    ]


NOT_UNDONE_EDITED = _N(
    "Errors",
    "This import cannot be undone: {count} of its members were changed since ({names}).",
)
NOT_UNDONE_ADVICE = _N(
    "Errors", "Delete those members one by one if they should go, or keep the import."
)


def undo_import(ws: Workspace, import_id: str) -> int:
    """Delete every member the import added, and their "imported" events, in one
    transaction. Refused, naming them, if any of its members was edited or has other
    records since. Returns how many members were removed."""
    require(ws.user, Action.EDIT_ROSTER)
    record = ws.records.get(IMPORTS, import_id)
    if record is None:
        raise RecordNotFound(table=IMPORTS, row_id=import_id)
    if record["undone_at"]:
        raise InvalidInput(
            _N("Errors", "The import of {file} was already undone."), file=record["file_name"]
        )
    rows = ws.db.query(
        f"SELECT id, name, _v FROM {MEMBERS} WHERE import_id = ? AND _deleted = 0", (import_id,)
    )
    ids = [r[0] for r in rows]
    edited = {r[0] for r in rows if r[2] != "{}"} | _with_other_records(ws, import_id, ids)
    if edited:
        names = [r[1] for r in rows if r[0] in edited]
        shown = "、".join(names[:NAMES_SHOWN]) + ("…" if len(names) > NAMES_SHOWN else "")
        raise InvalidInput(
            NOT_UNDONE_EDITED, advice=NOT_UNDONE_ADVICE, count=len(names), names=shown
        )
    events = [
        r[0]
        for r in ws.db.query(
            f"SELECT id FROM {EVENTS} WHERE ref_id = ? AND kind = 'imported' AND _deleted = 0",
            (import_id,),
        )
    ]
    now = datetime.now(UTC).isoformat(timespec="seconds")
    with ws.records.transaction():
        for event_id in events:
            ws.records.delete(EVENTS, event_id)
        for member_id in ids:
            ws.records.delete(MEMBERS, member_id)
        ws.records.update(IMPORTS, import_id, {"undone_at": now})
    log.info("roster import %s undone: %d members", import_id, len(ids))
    return len(ids)


def _with_other_records(ws: Workspace, import_id: str, ids: Sequence[str]) -> set[str]:
    """Members of the import that other records name (events, archive entries,
    transfers, user accounts …): undoing would leave those pointing at nobody."""
    found: set[str] = set()
    for table in ws.records.registry:
        if not table.has_column("member_id"):
            continue
        own = " AND NOT (kind = 'imported' AND ref_id = ?)" if table.name == EVENTS else ""
        for start in range(0, len(ids), _CHUNK):
            chunk = list(ids[start : start + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            sql = (
                f"SELECT DISTINCT member_id FROM {table.name} "
                f"WHERE _deleted = 0 AND member_id IN ({marks}){own}"
            )
            params: list[Any] = [*chunk, import_id] if own else chunk
            found.update(r[0] for r in ws.db.query(sql, tuple(params)))
    return found
