"""The Members page: the roster in a lazily loaded table, with search as you type."""

from __future__ import annotations

from desktop.domain.access import Action, Role, allowed
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.member_dialog import AddMemberDialog
from desktop.ui.pages.members_model import COLUMN, MembersModel
from desktop.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.resources import icon
from desktop.ui.sync_service import SYNC_TABLES

#: Wait this long after the last keystroke before searching.
SEARCH_DELAY_MS = 250

#: Starting widths (pixels) of the columns; the last one stretches.
COLUMN_WIDTHS = {
    "name": 104,
    "gender": 80,
    "birth_date": 104,
    "id_number": 176,
    "phone": 136,
    "category": 146,
    "status": 100,
}
#: The sync state is an icon: its column stays narrow and the group column takes the rest.
SYNC_COLUMN_WIDTH = 56


class MembersPage(Page):
    # The sync tables: a sync or a conflict decision changes the rows' sync state.
    watches = frozenset({"members", "org_units", *SYNC_TABLES})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = MembersModel(ctx.ops, self)
        self.model.searched.connect(self._show_count)

        title = QLabel(self.tr("Members"))
        title.setObjectName("pageTitle")
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setPlaceholderText(
            self.tr("Search by name, pinyin, initials, ID number or phone")
        )
        self.search_box.textChanged.connect(self._search_later)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.add_button = QPushButton(icon("add"), self.tr("Add member…"))
        self.add_button.clicked.connect(self.add_member)
        self.add_button.setVisible(allowed(ctx.user, Action.EDIT_ROSTER))

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(False)
        self.table.verticalHeader().hide()
        # Fixed row heights and column widths: the view never measures rows it does not show,
        # so it never asks for them.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for name, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(COLUMN[name], width)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN["group"], QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMN["sync"], QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(COLUMN["sync"], SYNC_COLUMN_WIDTH)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        copy.activated.connect(self.copy_selection)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)

        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    # --- searching ---------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.search(self.search_box.text())

    def search(self, text: str) -> None:
        """Search at once (typing waits a moment first)."""
        self.search_box.blockSignals(True)
        self.search_box.setText(text)
        self.search_box.blockSignals(False)
        self._search_now()

    def _search_later(self) -> None:
        self._search_timer.start()

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.model.search(self.search_box.text())

    def _show_count(self, matches: int, total: int) -> None:
        if self.model.search_text.strip():
            text = (
                self.tr("%Ln member(s) found", "", matches)
                + " · "
                + self.tr("%Ln member(s) on the roster", "", total)
            )
        else:
            text = self.tr("%Ln member(s) on the roster", "", total)
        self.count_label.setText(text)

    # --- actions -----------------------------------------------------------------------

    def add_member(self) -> None:
        dialog = AddMemberDialog(self.ctx, self)
        dialog.open()

    def copy_selection(self) -> None:
        """Copy the selected rows as tab-separated text (the clipboard is cleared on lock)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        lines = []
        for row in rows:
            cells = [self.model.index(row, c).data() or "" for c in range(self.model.columnCount())]
            lines.append("\t".join(str(c) for c in cells))
        if lines:
            self.ctx.clipboard.copy("\n".join(lines))

    def clear(self) -> None:
        self._search_timer.stop()
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.count_label.clear()
        self.model.clear()


PAGE = PageSpec(
    key="members",
    title=QT_TRANSLATE_NOOP("Pages", "Members"),
    icon="members",
    factory=MembersPage,
    visible_for=frozenset({Role.SECRETARY, Role.OFFICER}),
    order=20,
)
