"""Roster export to Excel (.xlsx): every basic field under Chinese (or English) column
titles the import reads back, group names, dates as text, ID numbers as text cells so
Excel keeps every digit, and any text that Excel could take for a formula escaped.

An export is the user's explicit act, so the file is plaintext by design; it is built in
memory and written atomically, so a half-written roster never lies on disk.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop.domain.access import Action, require
from desktop.domain.org import group_names
from desktop.domain.roster_values import FIELDS, Field, Kind
from desktop.store.files import write_atomic
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
#: Characters that make Excel, LibreOffice or WPS read a cell as a formula (OWASP's CSV
#: injection list); such text gets an apostrophe in front and stays text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "gender": {"male": ("男", "Male"), "female": ("女", "Female")},
    "category": {
        "full": ("正式党员", "Full member"),
        "probationary": ("预备党员", "Probationary member"),
    },
    "status": {
        "normal": ("正常", "Normal"),
        "suspended": ("停止党籍", "Membership suspended"),
        "lost_contact": ("失联", "Lost contact"),
        "left": ("出党", "Left the Party"),
    },
    "id_kind": {"resident": ("居民身份证", "Resident ID card"), "passport": ("护照", "Passport")},
    "floating": {"out": ("流出", "Out"), "in": ("流入", "In")},
}
_WIDTHS = {Kind.ID_NUMBER: 22, Kind.PHONE: 18, Kind.DATE: 12, Kind.NAME: 12}
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="F2DCDB")


def escape_formula(text: str) -> str:
    """Text that cannot run as a formula when the file is opened."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _text_cell(sheet: Any, value: str, *, as_text: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=escape_formula(value))
    # openpyxl makes any string starting with "=" a formula; the escape above prevents
    # that, and the explicit type says so twice.
    cell.data_type = "s"
    if as_text:
        cell.number_format = "@"
    return cell


def _value(field: Field, record: dict[str, Any], groups: dict[str, str], lang: int) -> str:
    if field.key == "group":
        return groups.get(record.get("group_id") or "", "")
    value = record.get(field.key)
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return ("是", "Yes")[lang] if value else ("否", "No")[lang]
    labels = _LABELS.get(field.key)
    if labels is not None and value in labels:
        return labels[value][lang]
    return str(value)


def export_roster(ws: Workspace, path: Path, *, language: str = "zh") -> int:
    """Write every member of the roster to `path` (.xlsx); returns how many."""
    require(ws.user, Action.READ_ROSTER)
    lang = LANGUAGES.index(language) if language in LANGUAGES else 0
    fields = [f for f in FIELDS if f.kind is not Kind.IGNORED]
    groups = group_names(ws)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册" if lang == 0 else "Roster")
    for n, field in enumerate(fields, start=1):
        letter = get_column_letter(n)
        sheet.column_dimensions[letter].width = _WIDTHS.get(field.kind, 14)
    sheet.freeze_panes = "A2"
    header = []
    for field in fields:
        cell = _text_cell(sheet, field.zh[0] if lang == 0 else field.en[0])
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        header.append(cell)
    sheet.append(header)
    count = 0
    for record in ws.records.query("members", order_by="name, _rowid"):
        sheet.append(
            [
                _text_cell(sheet, _value(f, record, groups, lang), as_text=f.kind is Kind.ID_NUMBER)
                for f in fields
            ]
        )
        count += 1
    buffer = io.BytesIO()
    book.save(buffer)
    write_atomic(path, buffer.getvalue())
    log.info("roster exported: %d members", count)
    return count
