"""The main window's status bar: branch, who is signed in, what HQ has not received yet."""

from __future__ import annotations

from datetime import datetime

from desktop.domain.status import BranchStatus, branch_status
from desktop.store.records import WriteSummary
from desktop.ui.i18n import role_label
from desktop.ui.navigation import AppContext
from desktop.ui.qt import QDateTime, QLabel, QLocale, QStatusBar, Qt, QToolButton, QWidget, Signal
from desktop.ui.resources import icon


def local_time_text(moment: datetime) -> str:
    """A stored UTC moment as this computer's local time: the time alone if today."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    locale = QLocale()
    if local.date() == QDateTime.currentDateTime().date():
        return locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(local, QLocale.FormatType.ShortFormat)


class StatusBar(QStatusBar):
    lock_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setSizeGripEnabled(False)
        self.branch = QLabel()
        self.branch.setObjectName("statusBranch")
        self.user = QLabel(
            self.tr("{name} · {role}").format(name=ctx.user.name, role=role_label(ctx.user.role))
        )
        self.pending = QLabel()
        self.saved = QLabel()
        self.lock_button = QToolButton()
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setIcon(icon("lock"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock Lianxin now (Ctrl+L)"))
        self.lock_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.lock_button.clicked.connect(self.lock_requested)
        self.addWidget(self.branch)
        self.addWidget(self.user)
        self.addPermanentWidget(self.pending)
        self.addPermanentWidget(self.saved)
        self.addPermanentWidget(self.lock_button)
        ctx.ops.changes_happened.connect(self._on_changes)

    def refresh(self) -> None:
        self.ctx.ops.query(branch_status, self._show, parent=self)

    def _on_changes(self, _summary: WriteSummary) -> None:
        self.refresh()

    def _show(self, status: BranchStatus) -> None:
        self.branch.setText(status.branch_name)
        self.pending.setText(
            self.tr("%Ln change(s) not yet sent to HQ", "", status.pending_changes)
            if status.pending_changes
            else self.tr("Everything sent to HQ")
        )
        if status.last_saved is None:
            self.saved.setText("")
        else:
            self.saved.setText(
                self.tr("Last saved {time}").format(time=local_time_text(status.last_saved))
            )

    def clear(self) -> None:
        for label in (self.branch, self.pending, self.saved):
            label.clear()
