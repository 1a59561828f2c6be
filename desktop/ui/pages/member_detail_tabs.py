"""The tabs of a member's page that are lists: the standing history, each extended set
(with add / edit / delete) and the files attached to the member."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop.domain.attachments import (
    Attachment,
    attach_file,
    export_attachment,
    remove_attachment,
)
from desktop.domain.member_archive import add_entry, delete_entry, edit_entry
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.records import Record
from desktop.store.workspace import Workspace
from desktop.ui import messages
from desktop.ui.form_dialog import FormDialog
from desktop.ui.navigation import AppContext
from desktop.ui.pages.member_dialog import DateField, value_label
from desktop.ui.pages.sync_dialogs import open_file_dialog, save_file_dialog
from desktop.ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.resources import icon

CONTEXT = "MemberTables"
ROOT = QModelIndex()

#: Columns: (key, header). A key is a record field, or a name the tab's `cell` knows.
Columns = Sequence[tuple[str, str]]

HISTORY_COLUMNS: Columns = (
    ("date", QT_TRANSLATE_NOOP("MemberTables", "Date")),
    ("kind", QT_TRANSLATE_NOOP("MemberTables", "Change")),
    ("old_value", QT_TRANSLATE_NOOP("MemberTables", "Before")),
    ("new_value", QT_TRANSLATE_NOOP("MemberTables", "After")),
    ("note", QT_TRANSLATE_NOOP("MemberTables", "Note")),
)
EVENT_KINDS = {
    "applied": QT_TRANSLATE_NOOP("MemberTables", "Applied to join"),
    "admitted": QT_TRANSLATE_NOOP("MemberTables", "Admitted as probationary member"),
    "converted": QT_TRANSLATE_NOOP("MemberTables", "Converted to full member"),
    "probation_extended": QT_TRANSLATE_NOOP("MemberTables", "Probation extended"),
    "status": QT_TRANSLATE_NOOP("MemberTables", "Status"),
    "category": QT_TRANSLATE_NOOP("MemberTables", "Category"),
    "transfer_out": QT_TRANSLATE_NOOP("MemberTables", "Transferred out"),
    "transfer_in": QT_TRANSLATE_NOOP("MemberTables", "Transferred in"),
    "floating_out": QT_TRANSLATE_NOOP("MemberTables", "Went out as floating member"),
    "floating_in": QT_TRANSLATE_NOOP("MemberTables", "Came in as floating member"),
    "floating_back": QT_TRANSLATE_NOOP("MemberTables", "Floating member returned"),
    "imported": QT_TRANSLATE_NOOP("MemberTables", "Imported"),
    "other": QT_TRANSLATE_NOOP("MemberTables", "Other"),
}
#: Per extended set: the columns shown, and what its "title" means there.
ENTRY_COLUMNS: dict[str, Columns] = {
    "education": (
        ("start_date", QT_TRANSLATE_NOOP("MemberTables", "From")),
        ("end_date", QT_TRANSLATE_NOOP("MemberTables", "To")),
        ("title", QT_TRANSLATE_NOOP("MemberTables", "Degree or course of study")),
        ("organisation", QT_TRANSLATE_NOOP("MemberTables", "School")),
    ),
    "work": (
        ("start_date", QT_TRANSLATE_NOOP("MemberTables", "From")),
        ("end_date", QT_TRANSLATE_NOOP("MemberTables", "To")),
        ("title", QT_TRANSLATE_NOOP("MemberTables", "Post")),
        ("organisation", QT_TRANSLATE_NOOP("MemberTables", "Employer")),
        ("country", QT_TRANSLATE_NOOP("MemberTables", "Country")),
    ),
    "reward": (
        ("kind", QT_TRANSLATE_NOOP("MemberTables", "Kind")),
        ("start_date", QT_TRANSLATE_NOOP("MemberTables", "Date")),
        ("title", QT_TRANSLATE_NOOP("MemberTables", "Reward or penalty")),
        ("organisation", QT_TRANSLATE_NOOP("MemberTables", "Decided by")),
    ),
    "family": (
        ("title", QT_TRANSLATE_NOOP("MemberTables", "Relation and name")),
        ("organisation", QT_TRANSLATE_NOOP("MemberTables", "Work unit and post")),
        ("detail", QT_TRANSLATE_NOOP("MemberTables", "Notes")),
    ),
    "training": (
        ("start_date", QT_TRANSLATE_NOOP("MemberTables", "From")),
        ("end_date", QT_TRANSLATE_NOOP("MemberTables", "To")),
        ("title", QT_TRANSLATE_NOOP("MemberTables", "Course")),
        ("organisation", QT_TRANSLATE_NOOP("MemberTables", "Given by")),
    ),
}
ENTRY_KIND_LABELS = {
    "reward": QT_TRANSLATE_NOOP("MemberTables", "Reward"),
    "penalty": QT_TRANSLATE_NOOP("MemberTables", "Penalty"),
}
FILE_COLUMNS: Columns = (
    ("name", QT_TRANSLATE_NOOP("MemberTables", "File")),
    ("size", QT_TRANSLATE_NOOP("MemberTables", "Size")),
    ("available", QT_TRANSLATE_NOOP("MemberTables", "On this computer")),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def history_cell(row: Record, key: str) -> str:
    value = row.get(key)
    if key == "kind":
        return tr(EVENT_KINDS.get(value or "", value or ""))
    if key in ("old_value", "new_value"):
        field = "category" if row.get("kind") in ("converted", "admitted", "category") else "status"
        return value_label(field, value) if value else ""
    return "" if value is None else str(value)


def _entry_cell(row: Record, key: str) -> str:
    value = row.get(key)
    if key == "kind":
        return tr(ENTRY_KIND_LABELS.get(value or "", value or ""))
    return "" if value is None else str(value)


def _file_cell(row: Attachment, key: str) -> str:
    if key == "size":
        return f"{max(1, row.size // 1024)} KB"
    if key == "available":
        return (
            QCoreApplication.translate("MemberTables", "Yes")
            if row.available
            else QCoreApplication.translate("MemberTables", "Not yet fetched")
        )
    return str(getattr(row, key))


class ArchiveTableModel(QAbstractTableModel):
    """A member's few rows of one kind (history, an extended set, files): small lists,
    replaced whole when the member's page reloads."""

    def __init__(
        self, columns: Columns, cell: Callable[[Any, str], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self._cell = cell
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._cell(self.rows[index.row()], self.columns[index.column()][0])

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return tr(self.columns[section][1])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _table(model: ArchiveTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


class ArchiveTab(QWidget):
    """A table of the member's rows, with buttons below it for officers."""

    def __init__(
        self,
        ctx: AppContext,
        columns: Columns,
        cell: Callable[[Any, str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member: Record | None = None
        self.model = ArchiveTableModel(columns, cell, self)
        self.table = _table(self.model)
        self.bar = QHBoxLayout()
        self.bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.bar)

    def button(self, icon_name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        self.bar.addWidget(button)
        return button

    def show_rows(self, member: Record, rows: Sequence[Any]) -> None:
        self.member = member
        self.model.set_rows(rows)

    def selected(self) -> Any | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None


class HistoryTab(ArchiveTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, HISTORY_COLUMNS, history_cell, parent)


class EntryDialog(FormDialog):
    """One entry of an extended set; for rewards and penalties, which of the two."""

    def __init__(
        self,
        ctx: AppContext,
        member_id: str,
        kind: str,
        entry: Record | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.member_id, self.kind, self.entry = ctx, member_id, kind, entry
        self.setWindowTitle(self.tr("Edit entry") if entry else self.tr("Add entry"))
        self.setMinimumWidth(480)
        columns = dict(ENTRY_COLUMNS["reward" if kind == "penalty" else kind])
        self.reward_kind = QComboBox()
        for value, label in ENTRY_KIND_LABELS.items():
            self.reward_kind.addItem(tr(label), value)
        self.reward_kind.setCurrentIndex(max(0, self.reward_kind.findData(kind)))
        self.reward_kind.setEnabled(entry is None)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.organisation = QLineEdit()
        self.organisation.setMaxLength(200)
        self.country = QLineEdit()
        self.country.setMaxLength(64)
        self.start = DateField()
        self.end = DateField()
        self.detail = QPlainTextEdit()
        self.detail.setFixedHeight(72)
        form = QFormLayout()
        if kind in ENTRY_KIND_LABELS:
            form.addRow(QCoreApplication.translate("MemberTables", "Kind"), self.reward_kind)
        form.addRow(tr(columns["title"]), self.title)
        form.addRow(tr(columns.get("organisation", "")), self.organisation)
        if kind == "work":
            form.addRow(QCoreApplication.translate("MemberTables", "Country"), self.country)
        if kind != "family":
            form.addRow(tr(columns.get("start_date", "From")), self.start)
        if "end_date" in columns:
            form.addRow(QCoreApplication.translate("MemberTables", "To"), self.end)
        form.addRow(QCoreApplication.translate("MemberTables", "Notes"), self.detail)
        if entry is not None:
            self.title.setText(entry.get("title") or "")
            self.organisation.setText(entry.get("organisation") or "")
            self.country.setText(entry.get("country") or "")
            self.start.set_value(entry.get("start_date"))
            self.end.set_value(entry.get("end_date"))
            self.detail.setPlainText(entry.get("detail") or "")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._update_ok)
        self._update_ok()
        self.submitted.connect(self.save)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.title.text().strip()))

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "organisation": self.organisation.text(),
            "country": self.country.text() if self.kind == "work" else None,
            "start_date": self.start.value(),
            "end_date": self.end.value(),
            "detail": self.detail.toPlainText(),
        }

    def save(self) -> None:
        values, member_id, entry = self.values(), self.member_id, self.entry
        kind = self.reward_kind.currentData() if self.kind in ENTRY_KIND_LABELS else self.kind

        def write(ws: Workspace) -> Any:
            if entry is None:
                return add_entry(ws, member_id, kind, values)
            return edit_entry(ws, entry["id"], values)

        self.write(self.ctx.ops, write)


class EntriesTab(ArchiveTab):
    """One extended set (rewards and penalties share a tab)."""

    def __init__(
        self, ctx: AppContext, kind: str, editable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, ENTRY_COLUMNS[kind], _entry_cell, parent)
        self.kind = kind
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.add_button = self.button(
            "add", QCoreApplication.translate("MemberTables", "Add…"), self.add
        )
        self.edit_button = self.button(
            "", QCoreApplication.translate("MemberTables", "Edit…"), self.edit
        )
        self.delete_button = self.button(
            "", QCoreApplication.translate("MemberTables", "Delete"), self.delete
        )
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(editable)

    def add(self) -> None:
        if self.member is not None:
            EntryDialog(self.ctx, self.member["id"], self.kind, parent=self).open()

    def edit(self) -> None:
        entry = self.selected()
        if entry is not None and self.member is not None and self.add_button.isVisible():
            EntryDialog(self.ctx, self.member["id"], entry["kind"], entry, parent=self).open()

    def delete(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if messages.ask(
            self,
            QCoreApplication.translate("MemberTables", "Delete entry"),
            QCoreApplication.translate(
                "MemberTables", "Delete “{title}” from the member's record?"
            ).format(title=entry["title"]),
        ):
            entry_id = entry["id"]
            self.ctx.ops.write(lambda ws: delete_entry(ws, entry_id), parent=self)


class FilesTab(ArchiveTab):
    """Scans and documents attached to the member, stored encrypted."""

    choose_file = staticmethod(open_file_dialog)
    choose_target = staticmethod(save_file_dialog)

    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(ctx, FILE_COLUMNS, _file_cell, parent)
        self.attach_button = self.button(
            "add", QCoreApplication.translate("MemberTables", "Attach file…"), self.attach
        )
        self.export_button = self.button(
            "", QCoreApplication.translate("MemberTables", "Save a copy…"), self.export
        )
        self.remove_button = self.button(
            "", QCoreApplication.translate("MemberTables", "Remove"), self.remove
        )
        self.attach_button.setVisible(editable)
        self.remove_button.setVisible(editable)

    def attach(self) -> None:
        if self.member is None:
            return
        path = self.choose_file(
            self,
            QCoreApplication.translate("MemberTables", "Attach a file to the member's record"),
            "",
            "",
        )
        if path:
            member_id = self.member["id"]
            self.ctx.ops.write(
                lambda ws: attach_file(ws, "members", member_id, Path(path)), parent=self
            )

    def export(self) -> None:
        chosen: Attachment | None = self.selected()
        if chosen is None:
            return
        path = self.choose_target(
            self,
            QCoreApplication.translate("MemberTables", "Save a copy (not encrypted)"),
            chosen.name,
            "",
        )
        if path:
            attachment_id = chosen.id
            self.ctx.ops.query(
                lambda ws: export_attachment(ws, attachment_id, Path(path)),
                lambda _done: None,
                parent=self,
            )

    def remove(self) -> None:
        chosen: Attachment | None = self.selected()
        if chosen is None:
            return
        if messages.ask(
            self,
            QCoreApplication.translate("MemberTables", "Remove file"),
            QCoreApplication.translate(
                "MemberTables", "Remove “{name}” from the member's record?"
            ).format(name=chosen.name),
        ):
            attachment_id = chosen.id
            self.ctx.ops.write(lambda ws: remove_attachment(ws, attachment_id), parent=self)
