"""Small tables of the sync pages: the sync log, changes HQ refused, conflicts to review.

Each is loaded whole (the log keeps the last thousand attempts and shows the latest two
hundred; conflicts and refusals are few), so these are plain list models.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from desktop.domain.sync_review import DELETE, Conflict, RefusedChange, Side, SyncLogLine
from desktop.store.errors import CONTEXT as ERRORS
from desktop.store.errors import LianxinError
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.schema import ROW_CREATED
from desktop.ui import i18n
from desktop.ui.qt import (
    QAbstractTableModel,
    QColor,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from desktop.ui.status_bar import local_time_text, ms_time_text
from desktop.ui.theme import ACCENT, MUTED

CONTEXT = "SyncTables"
#: The invisible root: a table's rows have no parent.
ROOT = QModelIndex()
#: The row's item (a Conflict, a log line …) for actions on the selection.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

T = TypeVar("T")

VIA = {
    "network": QT_TRANSLATE_NOOP("SyncTables", "Network"),
    "cli": QT_TRANSLATE_NOOP("SyncTables", "Command line"),
    "bundle": QT_TRANSLATE_NOOP("SyncTables", "Sync file"),
}
OUTCOMES = {
    "ok": QT_TRANSLATE_NOOP("SyncTables", "Succeeded"),
    "failed": QT_TRANSLATE_NOOP("SyncTables", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("SyncTables", "Cancelled"),
}
#: Fields whose stored values have labels (gender "male" is shown as 男).
_LABELLED = {"gender": i18n.GENDERS, "category": i18n.CATEGORIES, "status": i18n.STATUSES}


def _translated(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(english: str) -> str:
    return QCoreApplication.translate("Fields", english)


def display_value(col: str, value: Any) -> str:
    """A field's value as a person reads it."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncTables", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncTables", "Yes")
            if value
            else QCoreApplication.translate("SyncTables", "No")
        )
    if isinstance(value, bytes):
        return QCoreApplication.translate("SyncTables", "(binary data)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or QCoreApplication.translate(
            "SyncTables", "(empty)"
        )
    if col in _LABELLED:
        return i18n.label(_LABELLED[col], str(value))
    if col == ROW_CREATED:
        # A whole new record: its name says which one.
        try:
            fields = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            fields = {}
        name = fields.get("name") if isinstance(fields, dict) else None
        return str(name) if name else QCoreApplication.translate("SyncTables", "(a new record)")
    return str(value)


def side_text(side: Side) -> str:
    """Who wrote a value, or on which computer, and when (site time). Users are local to
    a computer, so a named author wrote here; another computer's are unknown here."""
    if side.author_name:
        parts = [side.author_name]
    elif side.this_device:
        parts = [QCoreApplication.translate("SyncTables", "this computer")]
    else:
        parts = [QCoreApplication.translate("SyncTables", "another computer")]
    if side.at_ms:
        parts.append(ms_time_text(side.at_ms))
    return " · ".join(parts)


def _error_kinds(base: type[LianxinError] = LianxinError) -> Iterator[type[LianxinError]]:
    for kind in base.__subclasses__():
        yield kind
        yield from _error_kinds(kind)


_PLACEHOLDER = re.compile(r"\\\{(\w+)(?::[^}]*)?\\\}")


@functools.cache
def _detail_patterns() -> list[tuple[re.Pattern[str], type[LianxinError]]]:
    """Each error's English "message advice" as a pattern (most specific first)."""
    found = []
    for kind in set(_error_kinds()):
        template, advice = kind.template, kind.advice
        literal = _PLACEHOLDER.sub("", re.escape(template))
        if len(literal) < 12:
            continue  # "{column}: {problem}" would match anything
        text = _PLACEHOLDER.sub(r"(?P<\1>.*?)", re.escape(template))
        if advice:
            text += "(?: " + _PLACEHOLDER.sub(r"(?P<a_\1>.*?)", re.escape(advice)) + ")?"
        try:
            found.append((len(literal), re.compile(text + "$", re.S), kind))
        except re.error:  # a placeholder used twice: such an error is shown as stored
            continue
    found.sort(key=lambda item: -item[0])
    return [(pattern, kind) for _length, pattern, kind in found]


def detail_text(detail: str) -> str:
    """A sync log line's detail in the current language: the engine stores the error's
    English text, which is matched back to its template here (else shown as stored)."""
    if not detail:
        return ""
    for pattern, kind in _detail_patterns():
        match = pattern.match(detail)
        if match is None:
            continue
        params = {k: v for k, v in match.groupdict().items() if not k.startswith("a_")}
        try:
            return QCoreApplication.translate(ERRORS, kind.template).format(**params)
        except (KeyError, IndexError, ValueError):
            return detail
    return detail


def iso_time_text(text: str) -> str:
    """An ISO moment from the sync tables, in site time."""
    try:
        return local_time_text(datetime.fromisoformat(text))
    except ValueError:
        return text


class ListModel(QAbstractTableModel, Generic[T]):
    """A read-only table over a list of items; subclasses say how a cell reads."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> T | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        if item is None or not 0 <= index.column() < len(self.headers):
            return None
        if role == ITEM_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(item, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(item, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self.numeric(index.column()):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, item: T, column: int) -> str:
        raise NotImplementedError

    def colour(self, item: T, column: int) -> QColor | None:
        return None

    def numeric(self, column: int) -> bool:
        return False

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return _translated(self.headers[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SyncLogModel(ListModel[SyncLogLine]):
    headers = (
        QT_TRANSLATE_NOOP("SyncTables", "Time"),
        QT_TRANSLATE_NOOP("SyncTables", "Via"),
        QT_TRANSLATE_NOOP("SyncTables", "Outcome"),
        QT_TRANSLATE_NOOP("SyncTables", "Sent"),
        QT_TRANSLATE_NOOP("SyncTables", "Received"),
        QT_TRANSLATE_NOOP("SyncTables", "Data"),
        QT_TRANSLATE_NOOP("SyncTables", "Detail"),
    )

    def text(self, item: SyncLogLine, column: int) -> str:
        locale = QLocale()
        if column == 0:
            return iso_time_text(item.finished)
        if column == 1:
            return _translated(VIA[item.via]) if item.via in VIA else item.via
        if column == 2:
            return _translated(OUTCOMES[item.outcome]) if item.outcome in OUTCOMES else item.outcome
        if column == 3:
            return locale.toString(item.sent)
        if column == 4:
            return locale.toString(item.received)
        if column == 5:
            return locale.formattedDataSize(item.bytes_sent + item.bytes_received)
        return detail_text(item.detail)

    def colour(self, item: SyncLogLine, column: int) -> QColor | None:
        if column == 2 and item.outcome == "failed":
            return QColor(ACCENT)
        if column == 2 and item.outcome == "cancelled":
            return QColor(MUTED)
        return None

    def numeric(self, column: int) -> bool:
        return column in (3, 4, 5)


class RefusedModel(ListModel[RefusedChange]):
    headers = (
        QT_TRANSLATE_NOOP("SyncTables", "Refused at"),
        QT_TRANSLATE_NOOP("SyncTables", "Record"),
        QT_TRANSLATE_NOOP("SyncTables", "Field"),
        QT_TRANSLATE_NOOP("SyncTables", "Value"),
        QT_TRANSLATE_NOOP("SyncTables", "HQ's reason"),
    )

    def text(self, item: RefusedChange, column: int) -> str:
        if column == 0:
            return iso_time_text(item.at)
        if column == 1:
            return f"{item.record_name} ({field_label(item.table_label)})"
        if column == 2:
            return field_label(item.field_label)
        if column == 3:
            return display_value(item.col, item.value)
        return item.reason


class ConflictsModel(ListModel[Conflict]):
    headers = (
        QT_TRANSLATE_NOOP("SyncTables", "Record"),
        QT_TRANSLATE_NOOP("SyncTables", "Field"),
        QT_TRANSLATE_NOOP("SyncTables", "Current value"),
        QT_TRANSLATE_NOOP("SyncTables", "Written by"),
        QT_TRANSLATE_NOOP("SyncTables", "Overwritten value"),
        QT_TRANSLATE_NOOP("SyncTables", "Overwritten by"),
        QT_TRANSLATE_NOOP("SyncTables", "State"),
    )

    def text(self, item: Conflict, column: int) -> str:
        if column == 0:
            return item.record_name
        if column == 1:
            return field_label(item.field_label)
        if column == 2:
            if item.record_deleted:
                return QCoreApplication.translate("SyncTables", "(record deleted)")
            return display_value(item.col, item.current)
        if column == 3:
            return side_text(item.winner)
        if column == 4:
            return display_value(item.col, item.loser.value)
        if column == 5:
            return side_text(item.loser)
        return state_text(item)

    def colour(self, item: Conflict, column: int) -> QColor | None:
        if item.decided:
            return QColor(MUTED)
        if column == 6:
            return QColor(ACCENT)
        return None


def state_text(item: Conflict) -> str:
    if item.decided:
        return QCoreApplication.translate("SyncTables", "Reviewed; sent with the next sync")
    if item.kind == DELETE:
        return QCoreApplication.translate("SyncTables", "Edit lost to a delete")
    return QCoreApplication.translate("SyncTables", "To review")
