"""The tables of roster import and export: past imports, and an import's preview (every
row of the file with its status and problems, optionally only the rows with problems).

Both are loaded whole: imports are few, and a preview holds the rows of one file (a few
thousand at most), already read on the database thread; rows are formatted on demand.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from desktop.domain.roster_import import ImportPlan, ImportRecord, PlannedRow, RowStatus
from desktop.domain.roster_values import CONTEXT as ROSTER_CONTEXT
from desktop.domain.roster_values import Problem
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from desktop.ui.status_bar import local_time_text
from desktop.ui.theme import ACCENT, MUTED

CONTEXT = "RosterTables"
#: The invisible root: a table's rows have no parent.
ROOT = QModelIndex()
#: The row's item (an ImportRecord or a PlannedRow) for actions on the selection.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_LABELS = {
    RowStatus.OK: QT_TRANSLATE_NOOP("RosterTables", "OK"),
    RowStatus.WARNING: QT_TRANSLATE_NOOP("RosterTables", "Warning"),
    RowStatus.ERROR: QT_TRANSLATE_NOOP("RosterTables", "Error"),
    RowStatus.SKIPPED: QT_TRANSLATE_NOOP("RosterTables", "Skipped"),
}
STATUS_COLOURS = {
    RowStatus.OK: "#2e7d32",
    RowStatus.WARNING: "#b26a00",
    RowStatus.ERROR: ACCENT,
    RowStatus.SKIPPED: MUTED,
}
ERROR_ROW_BACKGROUND = "#fbeaea"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def problem_text(problem: Problem) -> str:
    """A problem in the current language: its detail (an ID number or duplicate message
    of another context) and its template translated, then the parameters filled."""
    detail = QCoreApplication.translate(*problem.detail) if problem.detail else ""
    template = QCoreApplication.translate(ROSTER_CONTEXT, problem.template)
    try:
        return template.format(detail=detail, **problem.params)
    except (KeyError, IndexError, ValueError):
        return problem.message


def status_label(status: RowStatus) -> str:
    return _tr(STATUS_LABELS[status])


class _ListModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def _count(self) -> int:
        raise NotImplementedError

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return _tr(self.headers[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ImportsModel(_ListModel):
    """Past roster imports, newest first."""

    headers = (
        QT_TRANSLATE_NOOP("RosterTables", "File"),
        QT_TRANSLATE_NOOP("RosterTables", "Imported"),
        QT_TRANSLATE_NOOP("RosterTables", "Members"),
        QT_TRANSLATE_NOOP("RosterTables", "Not imported"),
        QT_TRANSLATE_NOOP("RosterTables", "By"),
        QT_TRANSLATE_NOOP("RosterTables", "State"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[ImportRecord] = []

    def set_records(self, records: Sequence[ImportRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> ImportRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def _count(self) -> int:
        return len(self._records)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        record = self.record(index.row()) if index.isValid() else None
        if record is None:
            return None
        if role == ITEM_ROLE:
            return record
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and record.undone_at:
            return QBrush(QColor(MUTED))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return record.file_name
        if column == 1:
            return _when(record.imported_at)
        if column == 2:
            return str(record.rows)
        if column == 3:
            return str(record.skipped)
        if column == 4:
            return record.by_name
        if record.undone_at:
            return QCoreApplication.translate("RosterTables", "Undone {time}").format(
                time=_when(record.undone_at)
            )
        return QCoreApplication.translate("RosterTables", "In the roster")


def _when(iso: str) -> str:
    try:
        return local_time_text(datetime.fromisoformat(iso))
    except ValueError:
        return iso


class PreviewModel(_ListModel):
    """An import's preview: spreadsheet row, status, name, problems."""

    headers = (
        QT_TRANSLATE_NOOP("RosterTables", "Row"),
        QT_TRANSLATE_NOOP("RosterTables", "Status"),
        QT_TRANSLATE_NOOP("RosterTables", "Name"),
        QT_TRANSLATE_NOOP("RosterTables", "Problems"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[PlannedRow] = []
        self._shown: list[PlannedRow] = []
        self._only_problems = False

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self._all = list(plan.rows) if plan is not None else []
        self._filter()
        self.endResetModel()

    def set_only_problems(self, only: bool) -> None:
        self.beginResetModel()
        self._only_problems = only
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        if self._only_problems:
            self._shown = [r for r in self._all if r.status in (RowStatus.WARNING, RowStatus.ERROR)]
        else:
            self._shown = self._all

    def planned(self, row: int) -> PlannedRow | None:
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _count(self) -> int:
        return len(self._shown)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        planned = self.planned(index.row()) if index.isValid() else None
        if planned is None:
            return None
        column = index.column()
        if role == ITEM_ROLE:
            return planned
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            return QBrush(QColor(STATUS_COLOURS[planned.status]))
        if role == Qt.ItemDataRole.BackgroundRole and planned.status is RowStatus.ERROR:
            return QBrush(QColor(ERROR_ROW_BACKGROUND))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return "\n".join(problem_text(p) for p in planned.problems) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return str(planned.row)
        if column == 1:
            return status_label(planned.status)
        if column == 2:
            return planned.name
        return " · ".join(problem_text(p) for p in planned.problems)
