"""Reading a roster file (.xlsx, or .csv in UTF-8 or GB18030) into rows of cells, and
finding its header: title rows above it are skipped, a two-row header (a merged parent
cell such as "入党情况" over "入党时间" | "转正时间") is combined, and columns the import
does not know are named, never guessed at."""

from __future__ import annotations

import csv
import io
import logging
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from desktop.domain.roster_values import TITLES, Field, Kind, title_key
from desktop.store.errors import InvalidInput
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N

log = logging.getLogger(__name__)

#: Rows searched for the header: rosters put a title, a unit and a date above it.
HEADER_SEARCH_ROWS = 30
#: A header names at least this many known columns (one of them the name).
MIN_HEADER_FIELDS = 2
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"')


@dataclass(frozen=True)
class SheetRow:
    number: int  # the spreadsheet's row number (1-based), as the officer sees it
    cells: list[Any]


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in a row
    letter: str  # "A", "B" …
    title: str  # as written in the file (both rows of a two-row header: "入党情况/入党时间")
    field: Field | None  # None: a column the import does not know


@dataclass(frozen=True)
class Header:
    rows: tuple[int, ...]  # the spreadsheet rows the header takes
    columns: tuple[Column, ...]

    @property
    def known(self) -> list[Column]:
        return [c for c in self.columns if c.field is not None and c.field.kind is not Kind.IGNORED]

    @property
    def unknown(self) -> list[Column]:
        return [c for c in self.columns if c.field is None]


def read_rows(path: Path) -> list[SheetRow]:
    """Every row of the file's first (active) sheet, merged cells filled with the value
    of their first cell (a group's name merged down over its members' rows)."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            return _xlsx_rows(path)
        if suffix in (".csv", ".txt"):
            return _csv_rows(path.read_bytes())
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        log.info("roster file unreadable: %s", type(exc).__name__)
        raise InvalidInput(
            _N("Errors", "The file {file} cannot be read as a spreadsheet."),
            advice=_N("Errors", "Open it in Excel or WPS and save it again as .xlsx."),
            file=path.name,
        ) from exc
    if suffix == ".xls":
        raise InvalidInput(
            _N("Errors", "{file} is in the old Excel format (.xls)."),
            advice=_N("Errors", "Open it in Excel or WPS and save it as .xlsx, then import that."),
            file=path.name,
        )
    raise InvalidInput(
        _N("Errors", "{file} is not a roster file Lianxin can read."),
        advice=_N("Errors", "Choose an Excel workbook (.xlsx) or a CSV file."),
        file=path.name,
    )


def _xlsx_rows(path: Path) -> list[SheetRow]:
    # Read-only mode streams the cells (several times faster on big rosters) but does not
    # give merged ranges; those are read from the sheet's XML directly.
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.active
        if sheet is None:
            return []
        # Some generators write a wrong <dimension> (just "A1"); read-only mode would
        # believe it and see one cell. Read the rows as they are instead.
        sheet.reset_dimensions()
        rows = [
            SheetRow(n, list(values))
            for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
        merges = _merged_ranges(sheet)
    finally:
        book.close()
    _fill_merged(rows, merges)
    return rows


def _merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row) of every merged range of a read-only sheet."""
    with sheet._get_source() as source:  # openpyxl's read-only sheets keep this private
        xml = source.read()
    return [range_boundaries(ref.decode()) for ref in _MERGE.findall(xml)]


def _fill_merged(rows: list[SheetRow], merges: Sequence[tuple[int, int, int, int]]) -> None:
    by_number = {r.number: r for r in rows}
    for min_col, min_row, max_col, max_row in merges:
        first = by_number.get(min_row)
        if first is None or len(first.cells) < min_col:
            continue
        value = first.cells[min_col - 1]
        for number in range(min_row, max_row + 1):
            row = by_number.get(number)
            if row is None:
                continue
            if len(row.cells) < max_col:
                row.cells.extend([None] * (max_col - len(row.cells)))
            for col in range(min_col, max_col + 1):
                if row.cells[col - 1] is None:
                    row.cells[col - 1] = value


def _csv_rows(data: bytes) -> list[SheetRow]:
    """CSV as Excel and WPS save it: UTF-8 (with or without the BOM), or GB18030 (a
    superset of the GBK that Chinese Excel writes)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    sample = text[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    return [
        SheetRow(n, [cell if cell != "" else None for cell in cells])
        for n, cells in enumerate(reader, start=1)
    ]


def _known(cells: Sequence[Any]) -> dict[int, Field]:
    found: dict[int, Field] = {}
    for i, cell in enumerate(cells):
        if isinstance(cell, str):
            match = TITLES.get(title_key(cell))
            if match is not None:
                found[i] = match
    return found


def _title(value: Any) -> str:
    return "" if value is None else " ".join(str(value).split())


def find_header(rows: Sequence[SheetRow]) -> Header | None:
    """The header among the first rows: the row naming the most known columns, combined
    with the row above or below it when that one names columns it does not (a two-row
    header). None when no row names the member's name and another known column."""
    searched = rows[:HEADER_SEARCH_ROWS]
    scored = [(len({f.key for f in _known(r.cells).values()}), i) for i, r in enumerate(searched)]
    # The first of equal rows: a printed roster repeats its header further down.
    best_score, best = max(scored, key=lambda s: (s[0], -s[1]), default=(0, -1))
    if best_score < MIN_HEADER_FIELDS:
        return None
    main = searched[best]
    main_known = _known(main.cells)
    parts = [main]
    for neighbour in (best - 1, best + 1):
        if not 0 <= neighbour < len(searched):
            continue
        other = searched[neighbour]
        extra = {i for i in _known(other.cells) if i not in main_known}
        if extra:
            parts.append(other)
            break
    parts.sort(key=lambda r: r.number)
    width = max(len(r.cells) for r in parts)
    columns: list[Column] = []
    used: set[str] = set()
    for i in range(width):
        cells = [r.cells[i] if i < len(r.cells) else None for r in parts]
        titles = [_title(c) for c in cells if _title(c)]
        # Merged cells repeat a title down or across: show it once.
        shown = "/".join(dict.fromkeys(titles))
        if not shown:
            continue
        field = None
        for cell in reversed(cells):  # the lower row is the more specific title
            match = TITLES.get(title_key(cell)) if isinstance(cell, str) else None
            if match is not None:
                field = match
                break
        if field is not None and field.key in used and field.kind is not Kind.IGNORED:
            # A second column with the same meaning: its values would compete; report it.
            field = None
        if field is not None:
            used.add(field.key)
        columns.append(Column(i, get_column_letter(i + 1), shown, field))
    if "name" not in used:
        return None
    return Header(tuple(r.number for r in parts), tuple(columns))
