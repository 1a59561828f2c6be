"""The Sync page: the link to HQ, Sync now, connecting to HQ, sync files for links that
carry only files, the sync log and the changes HQ refused."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop.domain import sync_review
from desktop.domain.access import Action, Role, allowed
from desktop.domain.sync_review import RefusedChange, SyncLogLine, SyncSummary
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.workspace import Workspace
from desktop.sync import bundles
from desktop.sync.bundles import BundleSummary, ReplyOutcome
from desktop.sync.enrolment import Enrolled
from desktop.sync.protocol.bundle import SUFFIX
from desktop.ui import messages
from desktop.ui.errors import show_error
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.sync_dialogs import (
    ChooseFile,
    EnrolDialog,
    connect_to_hq,
    open_file_dialog,
    save_file_dialog,
)
from desktop.ui.pages.sync_models import RefusedModel, SyncLogModel
from desktop.ui.qt import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLocale,
    QPushButton,
    QSizePolicy,
    Qt,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.status_bar import describe_sync, ms_time_text, skew_text
from desktop.ui.sync_service import SyncConnection, SyncService, SyncStatus

log = logging.getLogger(__name__)

#: Sync log lines shown (the log keeps the last thousand).
LOG_LINES = 200
LEVELS = {
    "officer": QT_TRANSLATE_NOOP("SyncPage", "officers' computer"),
    "member": QT_TRANSLATE_NOOP("SyncPage", "a member's computer"),
}


@dataclass(frozen=True)
class SyncPageData:
    summary: SyncSummary
    log: list[SyncLogLine]
    refused: list[RefusedChange]


def load(ws: Workspace) -> SyncPageData:
    return SyncPageData(
        sync_review.sync_summary(ws),
        sync_review.sync_log(ws, LOG_LINES),
        sync_review.list_refused(ws),
    )


def _table(model: Any, widths: dict[int, int]) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in widths.items():
        table.setColumnWidth(column, width)
    return table


class SyncPage(Page):
    # The summary counts changes waiting to be sent: every write changes it.
    watches: frozenset[str] = frozenset()

    #: File choosers (tests replace them).
    choose_open: ChooseFile = staticmethod(open_file_dialog)
    choose_save: ChooseFile = staticmethod(save_file_dialog)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.service = SyncService.of(ctx.ops)
        self.summary: SyncSummary | None = None

        title = QLabel(self.tr("Sync with HQ"))
        title.setObjectName("pageTitle")
        explain = QLabel(
            self.tr(
                "Lianxin works without a link. Changes made here wait on this computer and "
                "are exchanged with HQ whenever a link is up: by themselves, a few seconds "
                "after a change and every few minutes. Where only files travel, use sync files."
            )
        )
        explain.setObjectName("pageSubtitle")
        explain.setWordWrap(True)

        card = QFrame()
        card.setObjectName("figureCard")
        # Never squeezed by the log below: a cut-off failure reason helps nobody.
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.server = QLabel()
        self.unit = QLabel()
        self.last_ok = QLabel()
        self.pending = QLabel()
        # Its lines are short and broken on purpose; a wrapping label would be given too
        # little height in the form.
        self.state = QLabel()
        self.clock = QLabel()
        self.clock.setObjectName("errorText")
        self.clock.setWordWrap(True)
        self.clock.hide()
        # The address is what HQ's staff ask for on the phone: let it be copied.
        self.server.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout(card)
        form.setContentsMargins(20, 16, 20, 16)
        form.setHorizontalSpacing(24)
        form.addRow(self.tr("HQ"), self.server)
        form.addRow(self.tr("Enrolled for"), self.unit)
        form.addRow(self.tr("Last successful sync"), self.last_ok)
        form.addRow(self.tr("Waiting to be sent"), self.pending)
        form.addRow(self.tr("Now"), self.state)
        form.addRow("", self.clock)

        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("primaryButton")
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.clicked.connect(self.cancel)
        self.enrol_button = QPushButton(self.tr("Connect to HQ…"))
        self.enrol_button.clicked.connect(self.connect_to_hq)
        self.export_button = QPushButton(self.tr("Export sync file…"))
        self.export_button.clicked.connect(self.export_file)
        self.import_button = QPushButton(self.tr("Import sync file…"))
        self.import_button.clicked.connect(self.import_file)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.cancel_button, self.enrol_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)

        self.log_model = SyncLogModel(self)
        self.log_table = _table(self.log_model, {0: 150, 1: 110, 2: 90, 3: 70, 4: 80, 5: 90})
        self.refused_model = RefusedModel(self)
        self.refused_table = _table(self.refused_model, {0: 150, 1: 180, 2: 110, 3: 160})
        self.tabs = QTabWidget()
        self.tabs.addTab(self.log_table, self.tr("Sync log"))
        self.tabs.addTab(self.refused_table, self.tr("Refused by HQ"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(card)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)

        if self.service is not None:
            self.service.status_changed.connect(self._show_status)
            self._show_status(self.service.status)
        self._update_buttons()

    # --- data ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.ops.query(load, self._show, parent=self)

    def _show(self, data: SyncPageData) -> None:
        self.summary = summary = data.summary
        locale = QLocale()
        if summary.enrolled:
            self.server.setText(summary.server)
            self.unit.setText(
                self.tr("{unit} ({level})").format(
                    unit=summary.org_name, level=self._level(summary.level)
                )
            )
        else:
            self.server.setText(self.tr("Not connected"))
            self.unit.setText(self.tr("—"))
        self.last_ok.setText(
            ms_time_text(summary.last_ok_ms) if summary.last_ok_ms else self.tr("Never")
        )
        waiting = [
            self.tr("%Ln change(s)", "", summary.pending_changes)
            if summary.pending_changes
            else self.tr("Nothing")
        ]
        if summary.open_conflicts:
            waiting.append(self.tr("%Ln conflict(s) to review", "", summary.open_conflicts))
        self.pending.setText(" · ".join(waiting))
        self.log_model.set_items(data.log)
        self.refused_model.set_items(data.refused)
        self.tabs.setTabText(
            1,
            self.tr("Refused by HQ ({count})").format(count=locale.toString(len(data.refused)))
            if data.refused
            else self.tr("Refused by HQ"),
        )
        self._update_buttons()

    def _level(self, level: str) -> str:
        return self.tr(LEVELS[level]) if level in LEVELS else level

    def _show_status(self, status: SyncStatus) -> None:
        described = describe_sync(status)
        text = described.text or self.tr("—")
        if described.detail:
            # The page has room for what the status bar keeps in its tooltip.
            text = "\n".join((text, described.detail))
        self.state.setText(text)
        self.state.setToolTip(described.tooltip)
        clock, clock_tip = skew_text(status)
        self.clock.setVisible(bool(clock))
        self.clock.setText(clock_tip)
        if status.last_ok_ms:
            self.last_ok.setText(ms_time_text(status.last_ok_ms))
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self.service.status if self.service is not None else SyncStatus()
        enrolled = bool(self.summary.enrolled) if self.summary is not None else False
        self.sync_button.setEnabled(self.service is not None and enrolled and not status.running)
        self.cancel_button.setVisible(status.running)
        self.enrol_button.setVisible(self.summary is not None and not enrolled)
        may_connect = allowed(self.ctx.user, Action.CONNECT_HQ)
        self.enrol_button.setEnabled(may_connect)
        self.enrol_button.setToolTip(
            "" if may_connect else self.tr("Only the branch secretary can connect to HQ.")
        )
        for button in (self.export_button, self.import_button):
            button.setEnabled(enrolled and self.service is not None)

    def show_log(self) -> None:
        self.tabs.setCurrentIndex(0)

    def clear(self) -> None:
        self.summary = None
        self.log_model.set_items([])
        self.refused_model.set_items([])
        for label in (self.server, self.unit, self.last_ok, self.pending, self.state):
            label.clear()

    # --- actions -------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.service is not None:
            self.service.sync_now()

    def cancel(self) -> None:
        if self.service is not None:
            self.service.cancel()

    def connect_to_hq(self) -> EnrolDialog:
        dialog = EnrolDialog(self)

        def submit() -> None:
            server, code = dialog.server.text(), dialog.code.text()
            ca = dialog.ca_file.text() or None

            def write(ws: Workspace) -> Enrolled:
                return connect_to_hq(ws, server, code, ca)

            dialog.write(self.ctx.ops, write, self._connected)

        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _connected(self, enrolled: Enrolled) -> None:
        if self.service is not None:
            self.service.enrolment_changed()
        advice = self.tr("The first sync starts now; the status bar shows how it goes.")
        if enrolled.subunits:
            # HQ must add them with these ids, or members lose their groups at HQ.
            advice += "\n\n" + self.tr(
                "HQ does not know this branch's groups yet: {groups}. Tell HQ, so that it "
                "adds them and members keep their groups."
            ).format(groups=", ".join(name for _id, name, _level, _parent in enrolled.subunits))
        messages.inform(
            self,
            self.tr("Connected to HQ"),
            self.tr("This computer is now connected to HQ for {unit} ({level}).").format(
                unit=enrolled.enrolment.org_name, level=self._level(enrolled.enrolment.level)
            ),
            advice,
        )
        self.refresh()

    def export_file(self) -> None:
        if self.service is None:
            return
        start = str(Path.home() / f"lianxin-{date.today():%Y%m%d}{SUFFIX}")
        path = type(self).choose_save(self, self.tr("Export sync file"), start, self._filters())
        if not path:
            return
        target = Path(path)

        def work(connection: SyncConnection) -> BundleSummary:
            return bundles.export_bundle(connection.records, target)

        def done(result: BundleSummary | Exception) -> None:
            if isinstance(result, Exception):
                show_error(self, result)
                return
            detail = self.tr("%Ln change(s) in the file.", "", result.changes)
            if result.left_out:
                detail += " " + self.tr(
                    "%Ln more did not fit: they go in the next sync file.", "", result.left_out
                )
            detail += " " + self.tr(
                "Take it to HQ (USB stick, e-mail or the satellite terminal); it is encrypted "
                "for HQ. Import HQ's reply file here when it comes back."
            )
            messages.inform(
                self,
                self.tr("Sync file written"),
                self.tr("The sync file was saved as {path}.").format(path=str(result.path)),
                detail,
            )

        self.service.on_sync_thread(work, done)

    def import_file(self) -> None:
        if self.service is None:
            return
        service = self.service
        path = type(self).choose_open(
            self, self.tr("Import sync file"), str(Path.home()), self._filters()
        )
        if not path:
            return
        source = Path(path)

        def work(connection: SyncConnection) -> ReplyOutcome:
            return bundles.import_reply(connection.records, source)

        def done(result: ReplyOutcome | Exception) -> None:
            if isinstance(result, Exception):
                show_error(self, result)  # a file that cannot be used: nothing was written
                return
            # Like a sync over the network: status, refreshed pages, a wipe order obeyed.
            service.absorb(result)
            if result.error is not None:
                show_error(self, result.error)
                return
            detail = self.tr(
                "HQ stored %Ln change(s) from this computer", "", result.pushed
            ) + self.tr("; %Ln record(s) came from HQ.", "", result.pulled_rows)
            if result.more:
                detail += " " + self.tr(
                    "HQ has more for this computer: export a new sync file, or sync over "
                    "the network."
                )
            messages.inform(
                self, self.tr("Sync file imported"), self.tr("HQ's reply was applied."), detail
            )

        service.on_sync_thread(work, done)

    def _filters(self) -> str:
        return self.tr("Lianxin sync files (*{suffix});;All files (*)").format(suffix=SUFFIX)


PAGE = PageSpec(
    key="sync",
    title=QT_TRANSLATE_NOOP("Pages", "Sync"),
    icon="sync",
    factory=SyncPage,
    visible_for=frozenset({Role.SECRETARY, Role.OFFICER}),
    order=80,
)
