"""Starting the Qt application: translators, look, error hook, first screen, event loop."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_NAME, __version__
from desktop.ui.controller import AppController
from desktop.ui.errors import install_excepthook
from desktop.ui.i18n import Translators
from desktop.ui.qt import QApplication, QCoreApplication, QGuiApplication
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


def run(argv: Sequence[str], data_dir: Path, language: str) -> int:
    """Show the first screen and run until the user quits; returns the exit status."""
    app, translators = create_application(argv or [sys.argv[0]], language)
    install_excepthook()
    controller = AppController(data_dir)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    log.info("Lianxin %s started (language %s)", __version__, translators.language)
    status = app.exec()
    controller.shutdown()
    translators.remove()
    log.info("Lianxin ended")
    return int(status)
