"""The roster import wizard: choose a file → the preview (every row's status and
problems, counts, the file's own warnings) → import on the database thread with progress
→ what was imported. Reading the file and checking it run on the database thread too."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.domain.roster_import import (
    ImportPlan,
    ImportResult,
    RowStatus,
    import_plan,
    preview,
)
from desktop.store.workspace import Workspace
from desktop.ui.errors import show_error
from desktop.ui.navigation import AppContext
from desktop.ui.pages.roster_models import PreviewModel, problem_text
from desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

#: How often the progress bar asks the database thread how far it got.
PROGRESS_POLL_MS = 100


class WorkProgress:
    """Rows done out of rows to do, written by the database thread and read by a timer
    on the GUI thread (two ints under a lock: nothing Qt crosses threads)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0

    def update(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = done, total

    def read(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total


class RosterImportDialog(QDialog):
    CHOOSE, CHECKING, PREVIEW, IMPORTING, DONE = range(5)

    #: The import committed: ImportResult.
    imported = Signal(object)
    #: The preview is shown (tests wait for it): ImportPlan.
    previewed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: ImportPlan | None = None
        self.import_result: ImportResult | None = None
        self.progress = WorkProgress()
        self.setWindowTitle(self.tr("Import a roster"))
        self.setMinimumSize(960, 600)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choose_page())
        self.pages.addWidget(self._working_page(self.tr("Reading and checking every row…")))
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._working_page(self.tr("Importing…")))
        self.pages.addWidget(self._done_page())

        self.back_button = QPushButton(self.tr("Choose another file"))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primaryButton")
        self.close_button = QPushButton(self.tr("Cancel"))
        self.back_button.clicked.connect(self.choose_file)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_POLL_MS)
        self._timer.timeout.connect(self._show_progress)
        self._go(self.CHOOSE)

    # --- pages -------------------------------------------------------------------------

    def _choose_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Import members from a spreadsheet"))
        title.setObjectName("pageTitle")
        explain = QLabel(
            self.tr(
                "Choose an Excel workbook (.xlsx) or a CSV file. Lianxin finds the header row "
                "(姓名, 性别, 身份证号 …) by itself, skips title, blank and total rows, and "
                "shows every row's problems before anything is written. Nothing changes "
                "until you press Import, and a whole import can be undone later."
            )
        )
        explain.setWordWrap(True)
        explain.setObjectName("pageSubtitle")
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("primaryButton")
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _working_page(self, text: str) -> QWidget:
        page = QWidget()
        label = QLabel(text)
        label.setObjectName("pageSubtitle")
        bar = QProgressBar()
        bar.setTextVisible(False)
        bar.setRange(0, 0)
        bar.setObjectName("workProgress")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(bar)
        layout.addStretch(1)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.file_label = QLabel()
        self.file_label.setObjectName("pageTitle")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countLabel")
        self.file_warnings = QLabel()
        self.file_warnings.setWordWrap(True)
        self.file_warnings.setObjectName("errorText")
        self.only_problems = QCheckBox(self.tr("Only rows with problems"))
        self.allow_duplicates = QCheckBox(self.tr("Also import possible duplicates"))
        self.allow_duplicates.toggled.connect(self._update_import_button)
        self.model = PreviewModel(self)
        self.only_problems.toggled.connect(self.model.set_only_problems)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # A row's problems can be long: the selected row's are shown whole below.
        self.row_detail = QLabel()
        self.row_detail.setWordWrap(True)
        self.row_detail.setObjectName("hint")
        self.table.selectionModel().currentRowChanged.connect(self._show_row_detail)
        self.model.modelReset.connect(self.row_detail.clear)
        options = QHBoxLayout()
        options.addWidget(self.only_problems)
        options.addWidget(self.allow_duplicates)
        options.addStretch(1)
        options.addWidget(self.counts_label)
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_label)
        layout.addWidget(self.file_warnings)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.row_detail)
        return page

    def _show_row_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        planned = self.model.planned(current.row()) if current.isValid() else None
        if planned is None or not planned.problems:
            self.row_detail.clear()
            return
        lines = [problem_text(p) for p in planned.problems]
        self.row_detail.setText(
            self.tr("Row {row}:").format(row=planned.row) + "\n" + "\n".join(lines)
        )

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_title = QLabel()
        self.done_title.setObjectName("pageTitle")
        self.done_text = QLabel()
        self.done_text.setWordWrap(True)
        self.done_text.setObjectName("pageSubtitle")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_text)
        layout.addStretch(2)
        return page

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        working = page in (self.CHECKING, self.IMPORTING)
        self.back_button.setVisible(page == self.PREVIEW)
        self.import_button.setVisible(page == self.PREVIEW)
        self.close_button.setEnabled(not working)
        self.close_button.setText(self.tr("Close") if page == self.DONE else self.tr("Cancel"))
        if working:
            self.progress.update(0, 0)
            self._timer.start()
        else:
            self._timer.stop()

    def _show_progress(self) -> None:
        done, total = self.progress.read()
        page = self.pages.currentWidget()
        bar = page.findChild(QProgressBar, "workProgress") if page is not None else None
        if bar is not None and total:
            bar.setRange(0, total)
            bar.setValue(done)

    # --- steps -------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a roster"),
            "",
            self.tr("Rosters (*.xlsx *.csv);;All files (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read and check `path` on the database thread, then show the preview."""
        self._go(self.CHECKING)
        progress = self.progress

        def read(ws: Workspace) -> ImportPlan:
            return preview(ws, path, progress=progress.update)

        def failed(exc: Exception) -> None:
            self._go(self.CHOOSE)
            show_error(self, exc)

        self.ctx.ops.query(read, self._show_plan, on_error=failed, parent=self)

    def _show_plan(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        self.file_label.setText(plan.file_name)
        self.counts_label.setText(
            self.tr("{total} rows: {ok} OK, {warning} with warnings, {error} with errors, "
                    "{skipped} skipped").format(
                total=len(plan.rows),
                ok=plan.count(RowStatus.OK),
                warning=plan.count(RowStatus.WARNING),
                error=plan.count(RowStatus.ERROR),
                skipped=plan.count(RowStatus.SKIPPED),
            )
        )  # fmt: skip
        self.file_warnings.setText("\n".join(problem_text(p) for p in plan.file_problems))
        self.file_warnings.setVisible(bool(plan.file_problems))
        self.allow_duplicates.setEnabled(plan.duplicates > 0)
        self.allow_duplicates.setText(
            self.tr("Also import %n possible duplicate(s)", "", plan.duplicates)
        )
        self._go(self.PREVIEW)
        self._update_import_button()
        self.previewed.emit(plan)

    def _update_import_button(self) -> None:
        count = (
            len(self.plan.importable(allow_duplicates=self.allow_duplicates.isChecked()))
            if self.plan
            else 0
        )
        self.import_button.setText(self.tr("Import %n member(s)", "", count))
        self.import_button.setEnabled(count > 0)

    def start_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        allow = self.allow_duplicates.isChecked()
        progress = self.progress
        self._go(self.IMPORTING)

        def write(ws: Workspace) -> ImportResult:
            return import_plan(ws, plan, allow_duplicates=allow, progress=progress.update)

        def failed(exc: Exception) -> None:
            self._go(self.PREVIEW)
            show_error(self, exc)

        self.ctx.ops.write(write, self._show_result, on_error=failed, parent=self)

    def _show_result(self, result: ImportResult) -> None:
        self.import_result = result
        self.done_title.setText(self.tr("Imported %n member(s)", "", result.imported))
        lines = [
            self.tr("From {file}. The import is listed on the Import & export page, where it "
                    "can be undone as a whole while its members are unchanged.").format(
                file=self.plan.file_name if self.plan else ""
            )
        ]  # fmt: skip
        if result.not_imported:
            lines.append(
                self.tr(
                    "%n row(s) were not imported (errors, or possible duplicates): correct "
                    "them in the file and import those rows again.",
                    "",
                    result.not_imported,
                )
            )
        self.done_text.setText("\n\n".join(lines))
        self._go(self.DONE)
        self.imported.emit(result)
