"""Starting the Qt application: translators, look, error hook, first screen, event loop."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.ui.collector import GuiThreadCollector
from desktop.ui.controller import AppController
from desktop.ui.errors import install_excepthook
from desktop.ui.i18n import Translators
from desktop.ui.qt import (
    QApplication,
    QCoreApplication,
    QEvent,
    QGuiApplication,
    QObject,
    QTimer,
    QWidget,
)
from desktop.ui.resources import icon
from desktop.ui.theme import apply_theme

log = logging.getLogger(__name__)


def create_application(argv: Sequence[str], language: str) -> tuple[QApplication, Translators]:
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    QGuiApplication.setDesktopFileName("lianxin")
    app.setWindowIcon(icon("lianxin"))
    translators = Translators()
    translators.install(language)
    apply_theme(app)
    return app, translators


class QuitOnFirstPaint(QObject):
    """Quits the application once `screen` has been painted: `--quit-after-start`, which
    measures start-up time and checks that a packaged build reaches its first screen."""

    def __init__(self, screen: QWidget) -> None:
        super().__init__(screen)
        self._screen = screen
        screen.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._screen and event.type() == QEvent.Type.Paint:
            self._screen.removeEventFilter(self)
            log.info("first screen painted: quitting as asked (--quit-after-start)")
            # After this paint has reached the screen, not in the middle of it.
            QTimer.singleShot(0, QCoreApplication.quit)
        return False


def run(
    argv: Sequence[str], data_dir: Path, language: str, *, quit_after_start: bool = False
) -> int:
    """Show the first screen and run until the user quits; returns the exit status."""
    app, translators = create_application(argv or [sys.argv[0]], language)
    install_excepthook()
    collector = GuiThreadCollector(app)
    controller = AppController(data_dir)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    if quit_after_start:
        # start() shows the screen; it is painted once the event loop runs.
        first = controller.unlock_screen or controller.wizard
        if first is None:
            raise RuntimeError("no first screen to wait for")
        QuitOnFirstPaint(first)
    log.info("Lianxin %s started (language %s)", __version__, translators.language)
    status = app.exec()
    controller.shutdown()
    collector.stop()
    translators.remove()
    log.info("Lianxin ended")
    return int(status)
