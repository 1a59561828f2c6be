"""The roster table: all matching row numbers up front, visible rows fetched lazily.

As in Anki's browser table: the search (in SQL, on the database thread) yields the row
numbers of every match; the rows themselves are fetched a page at a time when the view
first asks for one, and kept in a bounded cache. A 100,000-member roster opens and
scrolls without ever loading all of it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.members import count_members, member_rowids, member_rows
from desktop.domain.org import group_names
from desktop.domain.sync_review import CONFLICT, PENDING, STATE_REFUSED, record_sync_states
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.workspace import Workspace
from desktop.ui import i18n
from desktop.ui.operations import Operations
from desktop.ui.qt import (
    QAbstractTableModel,
    QCoreApplication,
    QFontDatabase,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from desktop.ui.resources import icon

CONTEXT = "MembersModel"
#: Rows fetched per trip to the database thread.
PAGE_SIZE = 200
#: Pages kept in memory; older ones are fetched again if scrolled back to.
MAX_PAGES = 50
LOADING = "…"

#: (field, header) in display order. "group" is the group's name, not its id.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("name", QT_TRANSLATE_NOOP("MembersModel", "Name")),
    ("gender", QT_TRANSLATE_NOOP("MembersModel", "Gender")),
    ("birth_date", QT_TRANSLATE_NOOP("MembersModel", "Date of birth")),
    ("id_number", QT_TRANSLATE_NOOP("MembersModel", "ID number")),
    ("phone", QT_TRANSLATE_NOOP("MembersModel", "Phone")),
    ("category", QT_TRANSLATE_NOOP("MembersModel", "Category")),
    ("status", QT_TRANSLATE_NOOP("MembersModel", "Status")),
    ("group", QT_TRANSLATE_NOOP("MembersModel", "Group")),
    # Not a field: whether the record waits to be sent, was refused or is in conflict,
    # shown as an icon (with the words as its tooltip) so that it fits in any language.
    ("sync", QT_TRANSLATE_NOOP("MembersModel", "Sync")),
)
SYNC_STATES = {
    PENDING: QT_TRANSLATE_NOOP("MembersModel", "Not yet sent"),
    STATE_REFUSED: QT_TRANSLATE_NOOP("MembersModel", "Refused by HQ"),
    CONFLICT: QT_TRANSLATE_NOOP("MembersModel", "Conflict"),
}
SYNC_ICONS = {PENDING: "sync-pending", STATE_REFUSED: "warning", CONFLICT: "conflict-state"}
FIELDS = tuple(name for name, _ in COLUMNS)
COLUMN = {name: n for n, name in enumerate(FIELDS)}
#: The member's record id, for actions on a row.
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1

#: One row as the view needs it: the record id, then the raw value of each column.
Row = tuple[str, ...]


#: The invisible root: a table's rows have no parent.
ROOT = QModelIndex()


@dataclass(frozen=True)
class SearchResult:
    rowids: list[int]
    groups: dict[str, str]
    #: Members on the roster, whether they match or not.
    total: int


def run_search(ws: Workspace, text: str) -> SearchResult:
    rowids = member_rowids(ws, text)
    total = count_members(ws) if text.strip() else len(rowids)
    return SearchResult(rowids, group_names(ws), total)


def fetch_rows(ws: Workspace, rowids: Sequence[int], groups: dict[str, str]) -> dict[int, Row]:
    """Display values of some rows (rows deleted since the search are simply absent)."""
    out: dict[int, Row] = {}
    records = member_rows(ws, rowids)
    states = record_sync_states(ws, "members", [r["id"] for r in records.values()])
    for rowid, record in records.items():
        values = [str(record["id"])]
        for name in FIELDS:
            value: Any
            if name == "group":
                value = groups.get(record.get("group_id") or "", "")
            elif name == "sync":
                value = states.get(record["id"], "")
            else:
                value = record.get(name)
            values.append("" if value is None else str(value))
        out[rowid] = tuple(values)
    return out


class MembersModel(QAbstractTableModel):
    #: A search (or refresh) finished: (matching rows, members on the roster).
    searched = Signal(int, int)

    def __init__(self, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = ops
        self._rowids: list[int] = []
        self._groups: dict[str, str] = {}
        self._pages: OrderedDict[int, dict[int, Row]] = OrderedDict()
        self._requested: set[int] = set()
        self._text = ""
        #: Bumped on every search and clear: answers for an older one are dropped.
        self._epoch = 0
        self.total = 0
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    # --- searching ---------------------------------------------------------------------

    @property
    def search_text(self) -> str:
        return self._text

    def search(self, text: str) -> None:
        """Find the members matching `text` (all when empty), on the database thread."""
        self._text = text
        self._epoch += 1
        epoch = self._epoch
        self._ops.query(lambda ws: run_search(ws, text), lambda r: self._searched(epoch, r))

    def refresh(self) -> None:
        """Search again after a change; keeps the rows in place if the matches are the same."""
        self.search(self._text)

    def clear(self) -> None:
        """Forget every row (locking)."""
        self._epoch += 1
        self.beginResetModel()
        self._rowids, self._groups, self.total = [], {}, 0
        self._pages.clear()
        self._requested.clear()
        self.endResetModel()

    def _searched(self, epoch: int, result: SearchResult) -> None:
        if epoch != self._epoch:
            return
        self._groups, self.total = result.groups, result.total
        self._requested.clear()
        if result.rowids == self._rowids:
            # Same rows: refetch their content, keep the view's scroll and selection.
            self._pages.clear()
            if self._rowids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rowids) - 1, len(COLUMNS) - 1)
                )
        else:
            self.beginResetModel()
            self._rowids = result.rowids
            self._pages.clear()
            self.endResetModel()
        self.searched.emit(len(self._rowids), self.total)

    # --- lazy rows ---------------------------------------------------------------------

    def row(self, row: int) -> Row | None:
        """The row's values if fetched; otherwise asks for its page and returns None."""
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            return None
        self._pages.move_to_end(page_no)
        return page.get(self._rowids[row])

    def _request(self, page_no: int) -> None:
        if page_no in self._requested:
            return
        self._requested.add(page_no)
        epoch = self._epoch
        rowids = self._rowids[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
        groups = self._groups
        self._ops.query(
            lambda ws: fetch_rows(ws, rowids, groups),
            lambda rows: self._fetched(epoch, page_no, rows),
        )

    def _fetched(self, epoch: int, page_no: int, rows: dict[int, Row]) -> None:
        if epoch != self._epoch:
            return
        self._requested.discard(page_no)
        self._pages[page_no] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page_no * PAGE_SIZE
        last = min(first + PAGE_SIZE, len(self._rowids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    @property
    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    # --- the model interface -----------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self._rowids):
            return None
        column = FIELDS[index.column()]
        if role == Qt.ItemDataRole.FontRole:
            return self._mono if column in ("id_number", "phone") else None
        if column == "sync":
            return self._sync_data(index.row(), role)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, MEMBER_ID_ROLE):
            return None
        values = self.row(index.row())
        if values is None:
            return LOADING if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
        if role == MEMBER_ID_ROLE:
            return values[0]
        return self._display(column, values[1 + index.column()])

    def _sync_data(self, row: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = self.row(row)
        state = values[1 + COLUMN["sync"]] if values is not None else ""
        if not state:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return icon(SYNC_ICONS[state])
        return QCoreApplication.translate(CONTEXT, SYNC_STATES[state])

    @staticmethod
    def _display(column: str, value: str) -> str:
        if column == "gender":
            return i18n.label(i18n.GENDERS, value)
        if column == "category":
            return i18n.label(i18n.CATEGORIES, value)
        if column == "status":
            return i18n.label(i18n.STATUSES, value)
        return value

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return QCoreApplication.translate(CONTEXT, COLUMNS[section][1])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
