"""The Members page: the roster in a lazily loaded table, with search as you type; a
member's page opens from it, and the report of possible duplicates."""

from __future__ import annotations

from desktop.domain import duplicates
from desktop.domain.access import Action, Role, allowed
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.member_detail import MemberDetailDialog
from desktop.ui.pages.member_dialog import AddMemberDialog
from desktop.ui.pages.members_model import COLUMN, MEMBER_ID_ROLE, MembersModel
from desktop.ui.qt import (
    QAbstractItemView,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QShortcut,
    Qt,
    QTableView,
    QTimer,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
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
        self.details_button = QPushButton(self.tr("Details"))
        self.details_button.clicked.connect(self.open_selected)
        self.duplicates_button = QPushButton(self.tr("Possible duplicates…"))
        self.duplicates_button.clicked.connect(self.show_duplicates)
        self.details: list[MemberDetailDialog] = []

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
        self.table.doubleClicked.connect(lambda index: self.open_member(index.row()))
        self.table.installEventFilter(self)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)

        bar = QHBoxLayout()
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.details_button)
        bar.addWidget(self.duplicates_button)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter (or Return) on the roster opens the selected member's page."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_selected()
            return True
        return super().eventFilter(watched, event)

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else index.row()
        if row >= 0:
            self.open_member(row)

    def open_member(self, row: int) -> MemberDetailDialog | None:
        """Open the member's page for a roster row (once its row has been fetched)."""
        member_id = self.model.index(row, 0).data(MEMBER_ID_ROLE)
        if not member_id:
            return None
        return self.open_member_id(member_id)

    def open_member_id(self, member_id: str) -> MemberDetailDialog:
        self.details = [d for d in self.details if d.isVisible()]
        for dialog in self.details:
            if dialog.member_id == member_id:
                dialog.raise_()
                dialog.activateWindow()
                return dialog
        dialog = MemberDetailDialog(self.ctx, member_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details.append(dialog)
        dialog.show()
        return dialog

    def show_duplicates(self) -> None:
        dialog = DuplicatesDialog(self)
        dialog.open_member.connect(self.open_member_id)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.ctx.ops.query(duplicates.report, dialog.show_groups, parent=dialog)

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
        for dialog in self.details:
            if dialog.isVisible():
                dialog.clear()
        self.details.clear()


class DuplicatesDialog(QDialog):
    """Members who may be the same person: the same ID number, or the same name and
    birth date. Double-click a member to open their page."""

    open_member = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.setMinimumSize(720, 460)
        self.summary = QLabel(self.tr("Looking for possible duplicates…"))
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Member"), self.tr("Record id")])
        self.tree.setColumnWidth(0, 420)
        self.tree.itemDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)

    def show_groups(self, groups: list[duplicates.DuplicateGroup]) -> None:
        self.tree.clear()
        for group in groups:
            reason = QCoreApplication.translate("Duplicates", group.reason.value)
            top = QTreeWidgetItem([f"{reason}: {group.key}", ""])
            for member_id, name in zip(group.member_ids, group.names, strict=True):
                top.addChild(QTreeWidgetItem([name, member_id]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.summary.setText(
            self.tr(
                "{count} group(s) of members may be the same person. Double-click one to open "
                "their record."
            ).format(count=len(groups))
            if groups
            else self.tr("No possible duplicates on the roster.")
        )

    def _open(self, item: QTreeWidgetItem) -> None:
        member_id = item.text(1)
        if member_id:
            self.open_member.emit(member_id)


PAGE = PageSpec(
    key="members",
    title=QT_TRANSLATE_NOOP("Pages", "Members"),
    icon="members",
    factory=MembersPage,
    visible_for=frozenset({Role.SECRETARY, Role.OFFICER}),
    order=20,
)
