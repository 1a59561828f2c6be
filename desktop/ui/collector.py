"""Python's cyclic garbage collection, run on the GUI thread only.

A Qt object whose Python wrapper sits in a reference cycle is destroyed by whichever thread
the collector happens to run on. When that is the database or sync thread, Qt deletes a
widget off the GUI thread and the process crashes. So automatic collection is turned off
and the GUI thread collects on a timer (Anki does the same, in `aqt/main.py`).
"""

from __future__ import annotations

import gc
import logging
import time

from desktop.ui.qt import QObject, QTimer

log = logging.getLogger(__name__)

#: Often enough that cycles never pile up; each collection takes a few milliseconds.
INTERVAL_MS = 10_000


class GuiThreadCollector(QObject):
    """Turns automatic collection off while it lives; collects every INTERVAL_MS."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        began = time.perf_counter()
        found = gc.collect()
        log.debug("collected %d objects in %.1f ms", found, (time.perf_counter() - began) * 1000)
        return found

    def stop(self) -> None:
        self._timer.stop()
        self.collect()
        if self._was_enabled:
            gc.enable()
