"""One roster row as the import sees it: blank, summary and repeated-header rows told
apart from members, each member cell parsed (roster_values), the ID number checked against
the gender and birth date beside it, and duplicates marked against the roster and the
earlier rows of the file. Decisions are documented in desktop.domain.roster_import."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop.domain import duplicates, idnumber
from desktop.domain.duplicates import normalize_name
from desktop.domain.roster_read import Column, Header, SheetRow
from desktop.domain.roster_values import (
    TITLES,
    TOO_LONG,
    CellError,
    Kind,
    Problem,
    Severity,
    cell_text,
    choice_hint,
    clean_text,
    parse_choice,
    parse_date,
    parse_id_number,
    parse_name,
    parse_phone,
    title_key,
)
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.workspace import Workspace


class RowStatus(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    SKIPPED = "skipped"


NAME_MISSING = _N("RosterImport", "The name ({cell}) is empty: every member needs a name.")
BLANK_ROW = _N("RosterImport", "Blank row.")
SUMMARY_ROW = _N("RosterImport", "Summary or note row (合计, 小计, 填表人 …).")
REPEATED_HEADER = _N("RosterImport", "The header repeated (a printed page's header).")
UNKNOWN_COLUMN = _N(
    "RosterImport", 'Column {cell} "{column}" is not a roster field; its values are not imported.'
)
SECOND_COLUMN = _N(
    "RosterImport",
    'Column {cell} "{column}" names a field another column already gives; its values are '
    "not imported.",
)
NO_GROUP = _N(
    "RosterImport",
    '{column} ({cell}): there is no group "{text}" in this branch. Add the group first, or '
    "empty the cell.",
)
ID_DISAGREES = _N("RosterImport", "{column} ({cell}): {detail}; the value entered is kept.")
ID_DISAGREES_BOTH = _N(
    "RosterImport",
    "{column} ({cell}): the gender and the birth date entered both differ from the ID "
    "number's; the number may belong to someone else.",
)
DUPLICATE_EXISTING = _N(
    "RosterImport",
    "Possibly a duplicate ({detail}) of {name}, already in the roster; not imported unless "
    "allowed.",
)
DUPLICATE_IN_FILE = _N(
    "RosterImport",
    "Possibly a duplicate ({detail}) of row {other} of this file; not imported unless allowed.",
)
FULL_BEFORE_JOINED = _N(
    "RosterImport", "The date of full membership is before the date joined: check both."
)
JOINED_BEFORE_APPLIED = _N(
    "RosterImport", "The date joined is before the date of application: check both."
)

_CHOICES = (Kind.GENDER, Kind.CATEGORY, Kind.STATUS, Kind.ID_KIND, Kind.BOOL, Kind.FLOATING)
#: Searched in a row's short cells joined by newlines (one search per row).
_SUMMARY = re.compile(r"合计|总计|小计|共计|填表人|制表人|审核人|^注[:：]|^说明[:：]", re.MULTILINE)


@dataclass
class PlannedRow:
    row: int  # spreadsheet row number
    status: RowStatus
    name: str
    problems: list[Problem] = field(default_factory=list)
    #: The member values to insert (None for skipped rows).
    values: dict[str, Any] | None = None
    duplicate: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "status": str(self.status),
            "name": self.name,
            "problems": [p.message for p in self.problems],
        }


class RowReader:
    def __init__(self, ws: Workspace, header: Header, today: date) -> None:
        self.columns = header.known
        self.today = today
        self.groups = {
            normalize_name(r["name"]): r["id"]
            for r in ws.records.query("org_units", "level = 'group'")
        }
        self.id_kind_column = next(
            (c for c in self.columns if c.field and c.field.key == "id_kind"), None
        )
        # A printed roster repeats its header on every page: seen in the name column.
        self.name_index = next(
            (c.index for c in self.columns if c.field and c.field.key == "name"), None
        )

    def read(self, sheet_row: SheetRow) -> PlannedRow:
        cells = sheet_row.cells
        filled = [(c, t) for c in cells if (t := cell_text(c).strip())]
        if not filled:
            return PlannedRow(sheet_row.number, RowStatus.SKIPPED, "", [_note(BLANK_ROW)])
        short = "\n".join(t for _c, t in filled if len(t) <= 30)
        if all(_is_number(c) for c, _t in filled) or _SUMMARY.search(short):
            return PlannedRow(sheet_row.number, RowStatus.SKIPPED, "", [_note(SUMMARY_ROW)])
        name = _cell(cells, self.name_index) if self.name_index is not None else None
        if isinstance(name, str) and getattr(TITLES.get(title_key(name)), "key", "") == "name":
            return PlannedRow(sheet_row.number, RowStatus.SKIPPED, "", [_note(REPEATED_HEADER)])
        return self._member(sheet_row)

    def _member(self, sheet_row: SheetRow) -> PlannedRow:
        values: dict[str, Any] = {}
        problems: list[Problem] = []
        cells = sheet_row.cells
        at: dict[str, Column] = {}
        id_kind: str | None = None
        if self.id_kind_column is not None:
            id_kind = self._parse(self.id_kind_column, cells, sheet_row.number, problems, None)
        for column in self.columns:
            assert column.field is not None
            key = column.field.key
            at[key] = column
            if key == "id_kind":
                continue
            value = self._parse(column, cells, sheet_row.number, problems, id_kind)
            if value is None:
                continue
            if key == "id_number":
                values["id_number"], values["id_kind"] = value
            elif key == "group":
                values["group_id"] = value
            else:
                values[key] = value
        name = values.get("name", "")
        if not name:
            cell = f"{at['name'].letter}{sheet_row.number}" if "name" in at else ""
            problems.insert(0, Problem(Severity.ERROR, NAME_MISSING, {"cell": cell}))
        self._cross_check(values, at, sheet_row.number, problems)
        values.setdefault("status", "normal")
        status = RowStatus.OK
        if any(p.severity is Severity.ERROR for p in problems):
            status = RowStatus.ERROR
        elif problems:
            status = RowStatus.WARNING
        return PlannedRow(
            sheet_row.number,
            status,
            name,
            problems,
            values if status is not RowStatus.ERROR else None,
        )

    def _parse(
        self,
        column: Column,
        cells: Sequence[Any],
        number: int,
        problems: list[Problem],
        id_kind: str | None,
    ) -> Any:
        raw = _cell(cells, column.index)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        assert column.field is not None
        kind = column.field.kind
        params = {
            "column": column.title,
            "cell": f"{column.letter}{number}",
            "text": cell_text(raw),
        }
        try:
            if kind is Kind.NAME:
                value: Any = parse_name(raw)
            elif kind is Kind.DATE:
                value = parse_date(raw, self.today)
            elif kind is Kind.ID_NUMBER:
                value = parse_id_number(raw, id_kind, self.today)
            elif kind is Kind.PHONE:
                value = parse_phone(raw)
            elif kind is Kind.GROUP:
                value = self.groups.get(normalize_name(clean_text(raw)))
                if value is None:
                    raise CellError(NO_GROUP)
            elif kind in _CHOICES:
                try:
                    value = parse_choice(kind, raw)
                except CellError:
                    params["choices"] = choice_hint(kind)
                    raise
            else:
                value = clean_text(raw)
        except CellError as exc:
            problems.append(Problem(Severity.ERROR, exc.template, params, exc.detail))
            return None
        limit = column.field.max_length
        if limit is not None and isinstance(value, str) and len(value) > limit:
            problems.append(Problem(Severity.ERROR, TOO_LONG, {**params, "limit": limit}))
            return None
        return value

    def _cross_check(
        self, values: dict[str, Any], at: dict[str, Column], number: int, problems: list[Problem]
    ) -> None:
        id_number = values.get("id_number")
        if id_number and values.get("id_kind") == "resident":
            wrong = idnumber.cross_check(
                id_number,
                gender_entered=values.get("gender"),
                born_entered=values.get("birth_date"),
            )
            column = at["id_number"]
            params = {"column": column.title, "cell": f"{column.letter}{number}"}
            if len(wrong) == 2:
                problems.append(Problem(Severity.ERROR, ID_DISAGREES_BOTH, params))
            elif wrong:
                problems.append(
                    Problem(Severity.WARNING, ID_DISAGREES, params, ("IdNumber", wrong[0].message))
                )
            values.setdefault("gender", idnumber.gender(id_number))
            born = idnumber.birth_date(id_number)
            if born is not None:
                values.setdefault("birth_date", born.isoformat())
        applied, joined, full = (
            values.get(k) for k in ("applied_date", "joined_date", "full_date")
        )
        if joined and full and full < joined:
            problems.append(_warn(FULL_BEFORE_JOINED))
        if applied and joined and joined < applied:
            problems.append(_warn(JOINED_BEFORE_APPLIED))


def _cell(cells: Sequence[Any], index: int) -> Any:
    return cells[index] if index < len(cells) else None


def _is_number(value: Any) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    text = clean_text(value).replace(",", "")
    return bool(re.fullmatch(r"[\d.]+", text))


def _note(template: str) -> Problem:
    return Problem(Severity.WARNING, template)


def _warn(template: str) -> Problem:
    return Problem(Severity.WARNING, template)


def mark_duplicates(ws: Workspace, planned: Sequence[PlannedRow]) -> None:
    """Rows that duplicate a member already in the roster, or an earlier row."""
    candidates = [r for r in planned if r.values is not None]
    values = [r.values or {} for r in candidates]
    existing = duplicates.existing_matches(ws, values)
    earlier = duplicates.within(values)
    for row, matches, in_file in zip(candidates, existing, earlier, strict=True):
        if matches:
            match = matches[0]
            row.problems.append(
                Problem(
                    Severity.WARNING,
                    DUPLICATE_EXISTING,
                    {"name": match.name},
                    ("Duplicates", match.reason.message),
                )
            )
        elif in_file:
            index, reason = in_file[0]
            row.problems.append(
                Problem(
                    Severity.WARNING,
                    DUPLICATE_IN_FILE,
                    {"other": candidates[index].row},
                    ("Duplicates", reason.message),
                )
            )
        else:
            continue
        row.duplicate = True
        if row.status is RowStatus.OK:
            row.status = RowStatus.WARNING
