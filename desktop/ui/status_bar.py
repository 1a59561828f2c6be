"""The main window's status bar: branch, who is signed in, what HQ has not received yet,
and the link to HQ (syncing, last success, or why the last sync failed)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.domain.status import BranchStatus, branch_status
from desktop.store.records import WriteSummary
from desktop.sync.errors import SyncCancelled
from desktop.ui.errors import error_text
from desktop.ui.i18n import role_label
from desktop.ui.navigation import AppContext
from desktop.ui.qt import (
    QCoreApplication,
    QDateTime,
    QLabel,
    QLocale,
    QStatusBar,
    Qt,
    QToolButton,
    QWidget,
    Signal,
)
from desktop.ui.resources import icon
from desktop.ui.sync_service import SyncService, SyncStatus
from desktop.ui.theme import ACCENT

#: The sync state's text is cut to this width; the tooltip has all of it.
SYNC_TEXT_WIDTH = 380


def local_time_text(moment: datetime) -> str:
    """A stored UTC moment as this computer's local time: the time alone if today."""
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).toLocalTime()
    locale = QLocale()
    if local.date() == QDateTime.currentDateTime().date():
        return locale.toString(local.time(), QLocale.FormatType.ShortFormat)
    return locale.toString(local, QLocale.FormatType.ShortFormat)


def ms_time_text(ms: int) -> str:
    """A Unix-ms moment in site time (this computer's time zone)."""
    return local_time_text(datetime.fromtimestamp(ms / 1000, UTC))


@dataclass(frozen=True)
class SyncText:
    text: str
    tooltip: str
    icon: str
    #: For a failure: what went wrong, what to do, when the next try is (no "last synced").
    detail: str = ""


def describe_sync(status: SyncStatus) -> SyncText:
    """The link to HQ in a few words (and in full for the tooltip); never "synced" unless
    the last attempt really succeeded."""
    last = (
        QCoreApplication.translate("SyncStatus", "Last synced {time}").format(
            time=ms_time_text(status.last_ok_ms)
        )
        if status.last_ok_ms
        else QCoreApplication.translate("SyncStatus", "Never synced")
    )
    if status.enrolled is None:
        return SyncText("", "", "sync-status")
    if not status.enrolled:
        return SyncText(
            QCoreApplication.translate("SyncStatus", "Not connected to HQ"),
            QCoreApplication.translate(
                "SyncStatus",
                "This computer is not connected to HQ yet; the secretary connects it on the "
                "Sync page. Until then every change stays on this computer.",
            ),
            "sync-offline",
        )
    if status.running:
        progress = status.progress
        text = QCoreApplication.translate("SyncStatus", "Syncing…")
        if progress is not None and progress.phase == "push" and progress.to_send:
            text = QCoreApplication.translate(
                "SyncStatus", "Syncing: sent {sent} of {total}"
            ).format(sent=progress.sent, total=progress.to_send)
        elif progress is not None and progress.phase == "pull" and progress.received:
            text = QCoreApplication.translate("SyncStatus", "Syncing: received {received}").format(
                received=progress.received
            )
            if progress.to_receive:
                text = QCoreApplication.translate(
                    "SyncStatus", "Syncing: received {received} of {total}"
                ).format(received=progress.received, total=progress.received + progress.to_receive)
        elif progress is not None and progress.phase == "index":
            text = QCoreApplication.translate(
                "SyncStatus", "Syncing: making the new records searchable…"
            )
        elif progress is not None and progress.phase in ("upload", "download"):
            # Attachment contents: the counts are bytes.
            size = QLocale().formattedDataSize
            if progress.phase == "upload":
                text = QCoreApplication.translate(
                    "SyncStatus", "Syncing: sending files, {done} of {total}"
                ).format(done=size(progress.sent), total=size(progress.to_send))
            else:
                text = QCoreApplication.translate(
                    "SyncStatus", "Syncing: receiving files, {done} of {total}"
                ).format(done=size(progress.received), total=size(progress.to_receive))
        return SyncText(text, last, "sync-status")
    if isinstance(status.error, SyncCancelled):
        return SyncText(
            QCoreApplication.translate("SyncStatus", "Sync stopped") + " · " + last,
            error_text(status.error).advice,
            "sync-status",
        )
    if status.error is not None:
        problem = error_text(status.error)
        parts = [problem.message, problem.advice]
        if status.next_try_ms:
            parts.append(
                QCoreApplication.translate("SyncStatus", "Next try at {time}.").format(
                    time=ms_time_text(status.next_try_ms)
                )
            )
        detail = "\n".join(part for part in parts if part)
        tooltip = "\n".join((detail, last))
        if status.link_down:
            return SyncText(
                QCoreApplication.translate("SyncStatus", "HQ not reachable") + " · " + last,
                tooltip,
                "sync-offline",
                detail,
            )
        return SyncText(
            QCoreApplication.translate("SyncStatus", "Sync failed: {reason}").format(
                reason=problem.message
            ),
            tooltip,
            "warning",
            detail,
        )
    if status.last_ok_ms:
        return SyncText(
            QCoreApplication.translate("SyncStatus", "Synced {time}").format(
                time=ms_time_text(status.last_ok_ms)
            ),
            QCoreApplication.translate(
                "SyncStatus", "The last sync with HQ succeeded. Click for the sync log."
            ),
            "sync-ok",
        )
    return SyncText(
        QCoreApplication.translate("SyncStatus", "Not synced yet"),
        QCoreApplication.translate("SyncStatus", "Click for the sync log."),
        "sync-status",
    )


def skew_text(status: SyncStatus) -> tuple[str, str]:
    """The clock warning (text, tooltip), or empty texts when the clock is fine."""
    if not status.skew_warning:
        return "", ""
    minutes = max(1, abs(status.clock_skew_ms) // 60_000)
    text = QCoreApplication.translate("SyncStatus", "Clock off by {minutes} min").format(
        minutes=minutes
    )
    if status.clock_skew_ms > 0:
        tooltip = QCoreApplication.translate(
            "SyncStatus",
            "This computer's clock is {minutes} minutes behind HQ's. Set the date, time and "
            "time zone correctly; sync goes on working meanwhile.",
        )
    else:
        tooltip = QCoreApplication.translate(
            "SyncStatus",
            "This computer's clock is {minutes} minutes ahead of HQ's. Set the date, time and "
            "time zone correctly; sync goes on working meanwhile.",
        )
    return text, tooltip.format(minutes=minutes)


class StatusBar(QStatusBar):
    lock_requested = Signal()
    #: The sync state was clicked: show the sync log.
    sync_log_requested = Signal()

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
        self.sync_state = QToolButton()
        self.sync_state.setObjectName("syncState")
        self.sync_state.setAutoRaise(True)
        self.sync_state.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_state.clicked.connect(self.sync_log_requested)
        self.sync_state.hide()
        self.skew = QLabel()
        self.skew.setObjectName("clockSkew")
        self.skew.setStyleSheet(f"color: {ACCENT}; font-weight: 600;")
        self.skew.hide()
        self.lock_button = QToolButton()
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setIcon(icon("lock"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock Lianxin now (Ctrl+L)"))
        self.lock_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.lock_button.clicked.connect(self.lock_requested)
        self.addWidget(self.branch)
        self.addWidget(self.user)
        self.addPermanentWidget(self.sync_state)
        self.addPermanentWidget(self.skew)
        self.addPermanentWidget(self.pending)
        self.addPermanentWidget(self.saved)
        self.addPermanentWidget(self.lock_button)
        ctx.ops.changes_happened.connect(self._on_changes)
        self.sync_service = SyncService.of(ctx.ops)
        if self.sync_service is not None:
            self.sync_service.status_changed.connect(self.show_sync)
            self.show_sync(self.sync_service.status)

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

    def show_sync(self, status: SyncStatus) -> None:
        described = describe_sync(status)
        self.sync_state.setVisible(bool(described.text))
        self.sync_state.setIcon(icon(described.icon))
        metrics = self.sync_state.fontMetrics()
        self.sync_state.setText(
            metrics.elidedText(described.text, Qt.TextElideMode.ElideRight, SYNC_TEXT_WIDTH)
        )
        self.sync_state.setToolTip(described.tooltip or described.text)
        skew, skew_tip = skew_text(status)
        self.skew.setVisible(bool(skew))
        self.skew.setText(skew)
        self.skew.setToolTip(skew_tip)

    def clear(self) -> None:
        for label in (self.branch, self.pending, self.saved, self.skew):
            label.clear()
        self.sync_state.setText("")
        self.sync_state.setToolTip("")
        self.sync_state.hide()
        self.skew.hide()
