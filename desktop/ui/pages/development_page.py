"""The Development page (发展党员): cases by stage with what is due or overdue, and a case
panel with all 25 steps (date, people, documents; done, due, overdue or not yet allowed
and why), where officers record steps, attach scans and close cases."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.access import Action, Role, allowed
from desktop.domain.development import STAGES
from desktop.domain.development_cases import attach_scan
from desktop.domain.development_due import CaseSummary, CaseView, case_view, list_cases
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.workspace import Workspace
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.development_dialogs import CloseCaseDialog, OpenCaseDialog, RecordStepDialog
from desktop.ui.pages.development_models import (
    DevelopmentCasesModel,
    DevelopmentStepsModel,
    case_state_label,
    stage_label,
)
from desktop.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.resources import icon

#: The filters of the case list, as the domain names them.
ONLY = ("", "due", "overdue")


def _table(model: DevelopmentCasesModel | DevelopmentStepsModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    return table


class DevelopmentPage(Page):
    # Admission and conversion change member records; scans are attachments.
    watches = frozenset({"development_cases", "development_steps", "attachments", "members"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.cases = DevelopmentCasesModel(self)
        self.steps = DevelopmentStepsModel(self)
        self.view: CaseView | None = None
        self._wanted: str | None = None
        may_edit = allowed(ctx.user, Action.EDIT_DEVELOPMENT)

        title = QLabel(self.tr("Member development"))
        title.setObjectName("pageTitle")
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), None)
        for number in STAGES:
            self.stage.addItem(f"{number}. {stage_label(number)}", number)
        self.only = QComboBox()
        self.only.addItem(self.tr("All cases"), "")
        self.only.addItem(self.tr("Due soon or overdue"), "due")
        self.only.addItem(self.tr("Overdue"), "overdue")
        self.show_closed = QCheckBox(self.tr("Show closed cases"))
        self.new_button = QPushButton(icon("add"), self.tr("New case…"))
        self.new_button.setVisible(may_edit)
        for box in (self.stage, self.only):
            box.currentIndexChanged.connect(self.refresh)
        self.show_closed.toggled.connect(self.refresh)
        self.new_button.clicked.connect(self.open_case)
        bar = QHBoxLayout()
        bar.addWidget(self.stage)
        bar.addWidget(self.only)
        bar.addWidget(self.show_closed)
        bar.addStretch(1)
        bar.addWidget(self.new_button)

        self.case_table = _table(self.cases)
        header = self.case_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.case_table.selectionModel().selectionChanged.connect(self._case_selected)
        self.count = QLabel()
        self.count.setObjectName("countLabel")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.case_table, 1)
        left_layout.addWidget(self.count)

        self.case_title = QLabel()
        bold = self.case_title.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.case_title.setFont(bold)
        self.case_details = QLabel()
        self.case_details.setWordWrap(True)
        self.step_table = _table(self.steps)
        step_header = self.step_table.horizontalHeader()
        step_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        step_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.step_table.selectionModel().selectionChanged.connect(self._step_selected)
        self.step_table.doubleClicked.connect(self._record_clicked)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton(self.tr("Record step…"))
        self.attach_button = QPushButton(self.tr("Attach scan…"))
        self.close_button = QPushButton(self.tr("Close case…"))
        self.record_button.clicked.connect(self._record_clicked)
        self.attach_button.clicked.connect(self.choose_scan)
        self.close_button.clicked.connect(self.close_case)
        actions = QHBoxLayout()
        actions.addWidget(self.record_button)
        actions.addWidget(self.attach_button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        for button in (self.record_button, self.attach_button, self.close_button):
            button.setVisible(may_edit)
        self.panel = QWidget()
        panel_layout = QVBoxLayout(self.panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(self.case_title)
        panel_layout.addWidget(self.case_details)
        panel_layout.addWidget(self.step_table, 1)
        panel_layout.addWidget(self.why)
        panel_layout.addLayout(actions)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._show_case(None)

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        stage = self.stage.currentData()
        only = str(self.only.currentData() or "") or None
        closed = self.show_closed.isChecked()

        def read(ws: Workspace) -> list[CaseSummary]:
            return list_cases(ws, stage=stage, only=only, include_closed=closed)

        self.ctx.ops.query(read, self._show_cases, parent=self)

    def _show_cases(self, cases: list[CaseSummary]) -> None:
        selected = self._wanted or (self.view.summary.id if self.view else None)
        self._wanted = None
        self.cases.set_cases(cases)
        self.count.setText(self.tr("%n case(s)", "", len(cases)))
        row = self.cases.row_of(selected) if selected else -1
        if row < 0 and cases:
            row = 0
        if row >= 0:
            self.case_table.selectRow(row)
            self._load_case(cases[row].id)
        else:
            self._show_case(None)

    def select_case(self, case_id: str) -> None:
        """Show this case once the list has it (a case just opened)."""
        self._wanted = case_id
        row = self.cases.row_of(case_id)
        if row >= 0:
            self.case_table.selectRow(row)

    def _case_selected(self) -> None:
        case = self.selected_case()
        if case is not None and (self.view is None or self.view.summary.id != case.id):
            self._load_case(case.id)

    def _load_case(self, case_id: str) -> None:
        def read(ws: Workspace) -> CaseView:
            return case_view(ws, case_id)

        self.ctx.ops.query(read, self._show_case, parent=self)

    def _show_case(self, view: CaseView | None) -> None:
        # The same case read again keeps its selected step; another case shows its next.
        same = (
            view is not None and self.view is not None and self.view.summary.id == view.summary.id
        )
        current = self.selected_step() if same else None
        self.view = view
        self.steps.set_steps(view.steps if view else ())
        self.panel.setEnabled(view is not None)
        if view is None:
            self.case_title.setText(self.tr("No case selected"))
            self.case_details.clear()
            self.why.clear()
            return
        summary = view.summary
        self.case_title.setText(
            f"{summary.name} · {stage_label(summary.stage)} · {case_state_label(summary.state)}"
        )
        lines = [self.cases.next_step_text(summary)]
        if summary.closed_reason:
            lines.append(self.tr("Closed: %1").replace("%1", summary.closed_reason))
        self.case_details.setText("\n".join(lines))
        row = (current or summary.next_step or 1) - 1
        self.step_table.selectRow(max(0, min(row, len(view.steps) - 1)))
        self._update_buttons()

    def clear(self) -> None:
        self.cases.set_cases([])
        self._show_case(None)

    # --- selection ---------------------------------------------------------------------

    def selected_case(self) -> CaseSummary | None:
        rows = self.case_table.selectionModel().selectedRows()
        return self.cases.case(rows[0].row()) if rows else None

    def selected_step(self) -> int | None:
        rows = self.step_table.selectionModel().selectedRows()
        step = self.steps.step(rows[0].row()) if rows else None
        return step.number if step else None

    def _step_selected(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        view = self.view
        number = self.selected_step()
        step = view.steps[number - 1] if view and number else None
        active = view is not None and view.summary.state != "closed"
        self.record_button.setEnabled(active)
        self.close_button.setEnabled(active)
        self.attach_button.setEnabled(step is not None and bool(step.entries))
        self.why.setText(self.steps.details(step) if step else "")

    # --- actions (the domain checks the role and the rules) ----------------------------

    def open_case(self) -> None:
        dialog = OpenCaseDialog(self.ctx, self)
        dialog.opened.connect(self.select_case)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def record_step(self, step: int | None = None) -> RecordStepDialog | None:
        if self.view is None or self.view.summary.state == "closed":
            return None
        dialog = RecordStepDialog(self.ctx, self.view, step or self.selected_step(), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _record_clicked(self) -> None:
        self.record_step()

    def choose_scan(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a scan"),
            "",
            self.tr("Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)"),
        )
        if path:
            self.attach_scan(Path(path))

    def attach_scan(self, path: Path) -> None:
        """Attach the file to the latest entry of the selected step (stored encrypted)."""
        number = self.selected_step()
        if self.view is None or number is None:
            return
        entries = self.view.steps[number - 1].entries
        if not entries:
            return
        entry_id = entries[-1].entry.id

        def write(ws: Workspace) -> str:
            return attach_scan(ws, entry_id, path)

        self.ctx.ops.write(write, parent=self)

    def close_case(self) -> None:
        if self.view is None:
            return
        summary = self.view.summary
        dialog = CloseCaseDialog(self.ctx, summary.id, summary.name, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


PAGE = PageSpec(
    key="development",
    title=QT_TRANSLATE_NOOP("Pages", "Development"),
    icon="members",
    factory=DevelopmentPage,
    visible_for=frozenset({Role.SECRETARY, Role.OFFICER}),
    order=35,
)
