"""Where the app's window sits: remembered on this machine, and never bigger than the
screen (site laptops often have 1366×768)."""

from __future__ import annotations

import logging

from desktop import settings
from desktop.ui.qt import QByteArray, QGuiApplication, QSize, QWidget

log = logging.getLogger(__name__)

PREFERRED = QSize(1280, 800)


def restore(widget: QWidget) -> None:
    """The saved geometry, else the preferred size shrunk to fit the screen."""
    saved = settings.Settings.machine().get(settings.WINDOW_GEOMETRY)
    if saved and widget.restoreGeometry(QByteArray.fromBase64(saved.encode())):
        return
    screen = QGuiApplication.primaryScreen()
    size = QSize(PREFERRED)
    if screen is not None:
        available = screen.availableGeometry().size()
        size = size.boundedTo(QSize(int(available.width() * 0.95), int(available.height() * 0.9)))
    widget.resize(size.expandedTo(widget.minimumSize()))


def save(widget: QWidget) -> None:
    try:
        data = bytes(widget.saveGeometry().toBase64().data()).decode()
        settings.Settings.machine().set(settings.WINDOW_GEOMETRY, data)
    except OSError:
        log.warning("could not save the window geometry")
