"""The app's screens and their order: first run or unlock, then the main window, and back
to the unlock screen when the app locks."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop import settings
from desktop.store.vault import KdfParams
from desktop.store.workspace import User, Workspace
from desktop.ui import messages
from desktop.ui.autolock import IdleWatcher
from desktop.ui.clipboard import ClipboardGuard
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.main_window import MainWindow
from desktop.ui.navigation import AppContext, PageRegistry
from desktop.ui.operations import Operations
from desktop.ui.pages import default_registry
from desktop.ui.qt import QApplication, QDialog, QObject, QWidget, Signal
from desktop.ui.sync_service import SyncService
from desktop.ui.unlock_screen import UnlockScreen

log = logging.getLogger(__name__)


class AppController(QObject):
    #: The main window opened for a user (tests wait for it).
    main_window_shown = Signal(object)  # MainWindow
    #: The app locked: the database is closed and the unlock screen shown.
    locked = Signal()
    #: HQ's wipe order was carried out: the data folder is empty, first run is shown.
    wiped = Signal()

    def __init__(
        self,
        data_dir: Path,
        *,
        kdf: KdfParams | None = None,
        registry: PageRegistry | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.kdf = kdf
        self.registry = registry or default_registry()
        self.ops = Operations(parent=self)
        self.sync = SyncService(self.ops)
        self.sync.wipe_ordered.connect(self._wipe_ordered)
        self.clipboard = ClipboardGuard()
        self.portable = settings.Settings.for_data_dir(data_dir)
        self.idle = IdleWatcher(self.portable.get(settings.AUTO_LOCK_MINUTES), self)
        self.idle.timed_out.connect(self.lock)
        self.window: MainWindow | None = None
        self.unlock_screen: UnlockScreen | None = None
        self.wizard: FirstRunWizard | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # Locking closes the main window; only the user's "close" quits.
            app.setQuitOnLastWindowClosed(False)

    # --- screens -----------------------------------------------------------------------

    def start(self) -> None:
        if Workspace.needs_setup(self.data_dir):
            self.show_first_run()
        else:
            self.show_unlock()

    def show_first_run(self) -> None:
        self.wizard = FirstRunWizard(self.ops, self.data_dir, kdf=self.kdf)
        self.wizard.finished_setup.connect(self._opened)
        self.wizard.rejected.connect(self.quit)
        self.wizard.show()

    def show_unlock(self) -> None:
        if self.unlock_screen is None:
            self.unlock_screen = UnlockScreen(self.ops, self.data_dir)
            self.unlock_screen.unlocked.connect(self._opened)
            self.unlock_screen.closing.connect(self.quit)
        else:
            self.unlock_screen.load_users()
        if self.window is not None:
            self.unlock_screen.setGeometry(self.window.geometry())
        self.unlock_screen.show()
        self.unlock_screen.raise_()
        self.unlock_screen.activateWindow()

    def _opened(self, user: User) -> None:
        log.info("unlocked (role %s)", user.role)
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None
        ctx = AppContext(self.ops, user, self.data_dir, self.clipboard)
        window = MainWindow(ctx, self.registry)
        window.lock_requested.connect(self.lock)
        window.closing.connect(self.quit)
        window.preferences_saved.connect(self._preferences_saved)
        self.window = window
        if self.unlock_screen is not None:
            window.setGeometry(self.unlock_screen.geometry())
            self.unlock_screen.hide()
        window.show()
        self.idle.set_minutes(self.portable.get(settings.AUTO_LOCK_MINUTES))
        self.idle.start()
        self.sync.start()
        self.main_window_shown.emit(window)

    def _preferences_saved(self) -> None:
        self.portable = settings.Settings.for_data_dir(self.data_dir)
        self.idle.set_minutes(self.portable.get(settings.AUTO_LOCK_MINUTES))

    # --- locking -----------------------------------------------------------------------

    def lock(self) -> None:
        """Close the database, forget what was shown, clear our clipboard, ask again."""
        if self.window is None:
            return
        log.info("locking")
        self.sync.stop()
        self.idle.stop()
        self._close_dialogs()
        window, self.window = self.window, None
        window.clear()
        window.save_geometry()
        self.clipboard.clear()
        self.ops.close(self.locked.emit)
        self.show_unlock()
        if self.unlock_screen is not None:
            self.unlock_screen.setGeometry(window.geometry())
        window.hide()
        window.deleteLater()

    def _wipe_ordered(self) -> None:
        """HQ reported this computer lost and signed a wipe order: close everything, destroy
        the data (key slots first), say so, and start over with the first-run screen."""
        log.warning("carrying out HQ's wipe order")
        self.idle.stop()
        self._close_dialogs()
        self.clipboard.clear()
        if self.window is not None:
            window, self.window = self.window, None
            window.clear()
            window.hide()
            window.deleteLater()
        if self.unlock_screen is not None:
            # Its list of users is gone with the key slots.
            self.unlock_screen.hide()
            self.unlock_screen.deleteLater()
            self.unlock_screen = None
        self.ops.close(lambda: self.sync.wipe(self.data_dir, self._wiped))

    def _wiped(self, problem: BaseException | None) -> None:
        messages.warn(
            None,
            self.tr("Lianxin"),
            self.tr("HQ reported this computer lost: the branch's data on it was destroyed."),
            self.tr(
                "If this computer was not lost, call HQ. To use Lianxin here again, set it up "
                "anew and connect it to HQ with a new enrolment code."
            )
            if problem is None
            else self.tr(
                "The keys were destroyed, so the data can no longer be read, but some files "
                "could not be deleted. The log says which."
            ),
        )
        self.wiped.emit()
        self.show_first_run()

    @staticmethod
    def _close_dialogs() -> None:
        """Dialogs open over the window (a half-typed form) close unsaved."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()

    # --- ending ------------------------------------------------------------------------

    def quit(self) -> None:
        self.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def shutdown(self) -> None:
        """Close everything and join the database thread (idempotent)."""
        self.idle.stop()
        self.sync.shutdown()
        self.clipboard.clear()
        windows: list[QWidget | None] = [self.window, self.unlock_screen, self.wizard]
        self.window = self.unlock_screen = self.wizard = None
        for widget in windows:
            if widget is not None:
                widget.blockSignals(True)
                widget.hide()
                widget.deleteLater()
        self.ops.shutdown()
