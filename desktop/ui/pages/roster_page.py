"""The Import & export page (导入导出): past roster imports, each of which can be undone
as a whole, and the buttons that import a roster file or export the roster to Excel."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.access import Role
from desktop.domain.roster_export import export_roster
from desktop.domain.roster_import import ImportRecord, list_imports, undo_import
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.workspace import Workspace
from desktop.ui import messages
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.roster_import_dialog import RosterImportDialog
from desktop.ui.pages.roster_models import ImportsModel
from desktop.ui.qt import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLocale,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.ui.resources import icon


class RosterPage(Page):
    watches = frozenset({"roster_imports", "members"})

    #: An export was written: (path, members).
    exported = Signal(object, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ImportsModel(self)
        self.dialog: RosterImportDialog | None = None
        title = QLabel(self.tr("Import & export"))
        title.setObjectName("pageTitle")
        explain = QLabel(
            self.tr(
                "Import members from an Excel or CSV roster: every row is checked and shown "
                "before anything is written. An import can be undone as a whole while none "
                "of its members has been changed. Export writes the whole roster to Excel."
            )
        )
        explain.setObjectName("pageSubtitle")
        explain.setWordWrap(True)
        self.import_button = QPushButton(icon("add"), self.tr("Import roster…"))
        self.import_button.setObjectName("primaryButton")
        self.export_button = QPushButton(self.tr("Export roster…"))
        self.undo_button = QPushButton(self.tr("Undo import…"))
        # clicked(bool) would hand its flag to the optional path.
        self.import_button.clicked.connect(lambda: self.import_roster())  # noqa: PLW0108
        self.export_button.clicked.connect(lambda: self.export_roster())  # noqa: PLW0108
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)

        history = QLabel(self.tr("Past imports"))
        history.setObjectName("pageSubtitle")
        self.empty_label = QLabel(self.tr("No roster has been imported yet."))
        self.empty_label.setObjectName("hint")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(buttons)
        layout.addWidget(history)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    # --- data --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.ops.query(list_imports, self._show, parent=self)

    def _show(self, records: list[ImportRecord]) -> None:
        selected = self.selected()
        self.model.set_records(records)
        self.empty_label.setVisible(not records)
        for row, record in enumerate(records):
            if selected is not None and record.id == selected.id:
                self.table.selectRow(row)
        self._update_buttons()

    def clear(self) -> None:
        self.model.set_records([])
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None

    def selected(self) -> ImportRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        record = self.selected()
        self.undo_button.setEnabled(record is not None and not record.undone_at)

    # --- actions (the domain checks that the user may do each of them) -----------------

    def import_roster(self, path: Path | None = None) -> RosterImportDialog:
        """Open the import wizard; with `path`, start checking that file at once."""
        dialog = RosterImportDialog(self.ctx, self)
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()
        if path is not None:
            dialog.load(path)
        return dialog

    def _forget(self, dialog: RosterImportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def export_roster(self, path: Path | None = None) -> None:
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the roster"),
                self.tr("roster.xlsx"),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not name:
                return
            path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        language = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
        target = path

        def write_file(ws: Workspace) -> int:
            return export_roster(ws, target, language=language)

        def done(count: int) -> None:
            messages.inform(
                self,
                self.tr("Roster exported"),
                self.tr("%n member(s) written to {file}.", "", count).format(file=str(target)),
                self.tr(
                    "The file is not encrypted: keep it safe, and delete it when it is no "
                    "longer needed."
                ),
            )
            self.exported.emit(target, count)

        self.ctx.ops.query(write_file, done, parent=self)

    def undo_selected(self) -> None:
        record = self.selected()
        if record is None or record.undone_at:
            return
        if not messages.ask(
            self,
            self.tr("Undo import"),
            self.tr("Remove the {count} members imported from {file}?").format(
                count=record.rows, file=record.file_name
            ),
            self.tr(
                "They are removed from the roster on every computer after the next sync. This "
                "is refused if any of them has been changed since the import."
            ),
        ):
            return
        import_id = record.id

        def write(ws: Workspace) -> int:
            return undo_import(ws, import_id)

        self.ctx.ops.write(write, parent=self)


PAGE = PageSpec(
    key="roster",
    title=QT_TRANSLATE_NOOP("Pages", "Import & export"),
    icon="members",
    factory=RosterPage,
    visible_for=frozenset({Role.SECRETARY, Role.OFFICER}),
    order=45,
)
