"""Idle auto-lock: no mouse or keyboard for the configured minutes, and the app locks."""

from __future__ import annotations

import time

from desktop.ui.qt import QApplication, QEvent, QObject, QTimer, Signal

#: Events that count as someone at the keyboard.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)
#: How often the idle time is checked at most (a lock may come this much late).
CHECK_MS = 5_000


class IdleWatcher(QObject):
    """An application-wide event filter noting the last activity, and a timer checking it.

    Noting a timestamp per event is cheaper than restarting a timer on every mouse move.
    """

    timed_out = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_s = minutes * 60.0
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._installed = False

    @property
    def timeout_s(self) -> float:
        return self._timeout_s

    def set_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(minutes * 60_000)

    def set_timeout_ms(self, milliseconds: int) -> None:
        """The idle time before locking (tests use a few hundred milliseconds)."""
        self._timeout_s = milliseconds / 1000.0
        if self._timer.isActive():
            self._timer.start(self._check_interval_ms())

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
        self._last = time.monotonic()
        self._timer.start(self._check_interval_ms())

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _check_interval_ms(self) -> int:
        return max(50, min(CHECK_MS, int(self._timeout_s * 1000 / 4)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in ACTIVITY:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if time.monotonic() - self._last >= self._timeout_s:
            self.stop()
            self.timed_out.emit()
