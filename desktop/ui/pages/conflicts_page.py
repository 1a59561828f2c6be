"""The Conflicts page: fields that two computers changed at once, for an officer to settle.

The later change was kept everywhere and the other value set aside; here an officer keeps
the current value, restores the other one, or types a new one. Each decision is a synced
change: it is sent with the next sync and closes the conflict on every computer.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.domain import sync_review
from desktop.domain.access import Role
from desktop.domain.sync_review import Conflict
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.workspace import Workspace
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.sync_dialogs import ConflictEditDialog
from desktop.ui.pages.sync_models import ConflictsModel, field_label
from desktop.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

#: Starting widths of the columns (pixels); the last one stretches.
COLUMN_WIDTHS = (110, 100, 130, 170, 150, 170)


class ConflictsPage(Page):
    watches = frozenset({"sync_conflicts", "members", "org_units"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        title = QLabel(self.tr("Conflicts"))
        title.setObjectName("pageTitle")
        explain = QLabel(
            self.tr(
                "When two computers changed the same field before they synced, the later "
                "change was kept everywhere and the other value was set aside. Decide which "
                "value the record keeps: your decision is sent to HQ with the next sync."
            )
        )
        explain.setObjectName("pageSubtitle")
        explain.setWordWrap(True)

        self.model = ConflictsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit)

        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")

        self.keep_button = QPushButton(self.tr("Keep current value"))
        self.restore_button = QPushButton(self.tr("Restore the other value"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.keep_button.clicked.connect(self.keep_current)
        self.restore_button.clicked.connect(self.restore_other)
        self.edit_button.clicked.connect(self.edit)
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.restore_button, self.edit_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.count_label)
        self._update_buttons()

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.ops.query(sync_review.list_conflicts, self._show, parent=self)

    def _show(self, conflicts: list[Conflict]) -> None:
        selected = self.selected()
        self.model.set_items(conflicts)
        row = next(
            (n for n, c in enumerate(conflicts) if selected is not None and c.id == selected.id),
            None,
        )
        if row is None or conflicts[row].decided:
            # Just decided (or nothing chosen yet): on to the next one still open.
            row = next((n for n, c in enumerate(conflicts) if not c.decided), row)
        if row is not None:
            self.table.selectRow(row)
        still_open = sum(1 for c in conflicts if not c.decided)
        text = self.tr("%Ln conflict(s) to review", "", still_open)
        if len(conflicts) > still_open:
            text += " · " + self.tr(
                "%Ln reviewed, sent with the next sync", "", len(conflicts) - still_open
            )
        self.count_label.setText(text)
        self._update_buttons()

    def clear(self) -> None:
        self.model.set_items([])
        self.detail.clear()
        self.count_label.clear()

    def selected(self) -> Conflict | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model is not None else []
        return self.model.item(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        conflict = self.selected()
        open_ = conflict is not None and not conflict.decided
        self.keep_button.setEnabled(open_)
        self.edit_button.setEnabled(open_ and conflict is not None and not conflict.record_deleted)
        self.restore_button.setEnabled(conflict is not None and conflict.can_restore)
        self.detail.setText(self._explain(conflict))

    def _explain(self, conflict: Conflict | None) -> str:
        if conflict is None:
            return ""
        field = field_label(conflict.field_label)
        if conflict.decided:
            return self.tr(
                "Reviewed on this computer; the decision is sent to HQ with the next sync."
            )
        if conflict.record_deleted:
            return self.tr(
                "{record} was deleted on one computer while {field} was changed on another. "
                "The delete was kept, so the overwritten value cannot be restored: to keep "
                "it, add the record again."
            ).format(record=conflict.record_name, field=field)
        return self.tr(
            '{field} of {record} was changed on two computers at once. "Keep current value" '
            'lets the other value go; "Restore the other value" writes it back.'
        ).format(record=conflict.record_name, field=field)

    # --- decisions (each is a write; the domain checks the user may make it) -------------

    def _decide(self, decision: Callable[[Workspace], None]) -> None:
        self.ctx.ops.write(decision, parent=self)

    def keep_current(self) -> None:
        conflict = self.selected()
        if conflict is not None:
            conflict_id = conflict.id
            self._decide(lambda ws: sync_review.keep_current(ws, conflict_id))

    def restore_other(self) -> None:
        conflict = self.selected()
        if conflict is not None:
            conflict_id = conflict.id
            self._decide(lambda ws: sync_review.restore_other(ws, conflict_id))

    def edit(self) -> None:
        conflict = self.selected()
        if conflict is None or conflict.decided or conflict.record_deleted:
            return
        dialog = ConflictEditDialog(conflict, self)

        def submit() -> None:
            value = dialog.value()
            conflict_id = conflict.id

            def write(ws: Workspace) -> None:
                sync_review.edit_value(ws, conflict_id, value)

            dialog.write(self.ctx.ops, write)

        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


PAGE = PageSpec(
    key="conflicts",
    title=QT_TRANSLATE_NOOP("Pages", "Conflicts"),
    icon="conflicts",
    factory=ConflictsPage,
    visible_for=frozenset({Role.SECRETARY, Role.OFFICER}),
    order=85,
)
