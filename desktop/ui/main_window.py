"""The main window: a sidebar of the registered pages, the current page, the status bar."""

from __future__ import annotations

import logging

from desktop.domain import users
from desktop.store.workspace import Workspace
from desktop.ui import window_geometry
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.navigation import AppContext, Page, PageRegistry, PageSpec
from desktop.ui.pages.sync_page import SyncPage
from desktop.ui.pages.user_dialogs import ChangeOwnPasswordDialog
from desktop.ui.qt import (
    QCloseEvent,
    QHBoxLayout,
    QKeySequence,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSize,
    QStackedWidget,
    Qt,
    QWidget,
    Signal,
)
from desktop.ui.resources import icon
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.status_bar import StatusBar
from desktop.ui.sync_service import SyncService

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class MainWindow(QMainWindow):
    lock_requested = Signal()
    #: The user closed the window (quit); locking hides it instead.
    closing = Signal()
    #: The settings dialog saved new preferences (auto-lock applies at once).
    preferences_saved = Signal()

    def __init__(
        self, ctx: AppContext, registry: PageRegistry, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Lianxin"))
        self.setWindowIcon(icon("lianxin"))
        self.setMinimumSize(960, 600)
        self.specs = registry.pages_for(ctx.user)
        self.pages: dict[str, Page] = {}

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(200)
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for spec in self.specs:
            item = QListWidgetItem(icon(spec.icon), spec.translated_title())
            item.setData(KEY_ROLE, spec.key)
            item.setSizeHint(QSize(180, 44))
            self.sidebar.addItem(item)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        self.sidebar.currentRowChanged.connect(self._row_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status = StatusBar(ctx)
        self.status.lock_requested.connect(self.lock_requested)
        self.status.sync_log_requested.connect(self.show_sync_log)
        self.setStatusBar(self.status)
        self._build_menus()
        window_geometry.restore(self)
        if self.specs:
            self.sidebar.setCurrentRow(0)
        self.status.refresh()

    # --- menus -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        app_menu = self.menuBar().addMenu(self.tr("&Lianxin"))
        password = app_menu.addAction(self.tr("Change my password…"))
        password.triggered.connect(self.change_own_password)
        prefs = app_menu.addAction(icon("settings"), self.tr("Settings…"))
        prefs.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        prefs.triggered.connect(self.open_settings)
        sync = SyncService.of(self.ctx.ops)
        if sync is not None:
            sync_now = app_menu.addAction(icon("sync-status"), self.tr("Sync now"))
            sync_now.setShortcut(QKeySequence("F5"))
            sync_now.triggered.connect(sync.sync_now)
        app_menu.addSeparator()
        lock = app_menu.addAction(icon("lock"), self.tr("Lock"))
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_requested)
        quit_action = app_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("About Lianxin"))
        about.triggered.connect(self.open_about)

    # --- pages -------------------------------------------------------------------------

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self._show_spec(self.specs[row])

    def _show_spec(self, spec: PageSpec) -> None:
        page = self.pages.get(spec.key)
        if page is None:
            # Pages are built when first opened: a big roster costs nothing until then.
            page = spec.factory(self.ctx)
            page.setObjectName(f"page-{spec.key}")
            self.pages[spec.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)

    def show_page(self, key: str) -> Page:
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                self.sidebar.setCurrentRow(row)
                return self.pages[key]
        raise KeyError(key)

    def show_sync_log(self) -> None:
        """The status bar's sync state was clicked (the page is for officers only)."""
        if any(spec.key == "sync" for spec in self.specs):
            page = self.show_page("sync")
            if isinstance(page, SyncPage):
                page.show_log()

    def current_page(self) -> Page | None:
        page = self.stack.currentWidget()
        return page if isinstance(page, Page) else None

    def clear(self) -> None:
        """Forget every record shown (the app is locking)."""
        for page in self.pages.values():
            page.clear()
        self.status.clear()

    # --- dialogs -----------------------------------------------------------------------

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx, self)
        dialog.accepted.connect(self.preferences_saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def open_about(self) -> None:
        dialog = AboutDialog(self.ctx.ops, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def change_own_password(self) -> None:
        dialog = ChangeOwnPasswordDialog(self)

        def submit() -> None:
            old, new = dialog.current.text(), dialog.passwords.text()

            def write(ws: Workspace) -> None:
                users.change_own_password(ws, old, new)

            dialog.write(self.ctx.ops, write)

        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- geometry ----------------------------------------------------------------------

    def save_geometry(self) -> None:
        window_geometry.save(self)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.save_geometry()
        super().closeEvent(event)
        self.closing.emit()
