"""Run in a child process by bench.window: unlock the demo vault through the unlock
screen, as a user would, and wait for the main window with the Members page populated.

Prints one JSON line: seconds from the unlock to the populated window, of which key
derivation, and the process's resident memory then (VmRSS) and at its peak (VmHWM).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.store import vault as vault_module
from desktop.store.vault import KdfParams

TIMEOUT_S = 60.0
#: A safety net only: the signals waited for end a wait at once.
POLL_MS = 20


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def _timed_derive() -> list[float]:
    """Record each key derivation's duration (the probe reports the window without it)."""
    durations: list[float] = []
    derive = KdfParams.derive

    def timed(self: KdfParams, password: str, salt: bytes) -> bytes:
        start = time.perf_counter()
        try:
            return derive(self, password, salt)
        finally:
            durations.append(time.perf_counter() - start)

    vault_module.KdfParams.derive = timed  # type: ignore[method-assign]
    return durations


def main() -> int:
    folder, user, expected = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    password = os.environ["BENCH_PASSWORD"]
    kdf_times = _timed_derive()

    from desktop.ui.application import create_application
    from desktop.ui.controller import AppController
    from desktop.ui.pages.members_page import MembersPage
    from desktop.ui.qt import QApplication, QEventLoop, QTimer

    def wait_for(done: Callable[[], bool], *signals: Any) -> None:
        """Run the event loop until `done()`, checked whenever one of `signals` fires.

        (An event loop, not a processEvents() poll: PySide6 6.12 on Python 3.11 loses a
        reference to None on every processEvents(flags, ms) call, and the process dies.)
        """
        if done():
            return
        loop = QEventLoop()

        def check(*_args: Any) -> None:
            if done():
                loop.quit()

        for signal in signals:
            signal.connect(check)
        poll = QTimer()
        poll.timeout.connect(check)
        poll.start(POLL_MS)
        QTimer.singleShot(int(TIMEOUT_S * 1000), loop.quit)
        loop.exec()
        poll.stop()
        for signal in signals:
            signal.disconnect(check)
        if not done():
            raise TimeoutError("the main window did not come up")

    app, _translators = create_application([sys.argv[0]], "zh_CN")
    controller = AppController(folder)
    windows: list[Any] = []
    controller.main_window_shown.connect(windows.append)
    controller.start()
    screen = controller.unlock_screen
    assert screen is not None, "no unlock screen"
    screen.user_box.setCurrentIndex(screen.user_box.findData(user))
    screen.password.setText(password)
    app.processEvents()
    rss_before = _status_kib("VmRSS")

    start = time.perf_counter()
    screen.unlock()
    wait_for(lambda: bool(windows), controller.main_window_shown)
    shown = time.perf_counter()
    page = windows[0].show_page("members")
    assert isinstance(page, MembersPage)
    model = page.model
    wait_for(
        lambda: model.rowCount() == expected and model.cached_rows > 0,
        model.modelReset,
        model.dataChanged,
    )
    # Let the view paint the rows it now has.
    app.processEvents()
    ready = time.perf_counter()
    result = {
        "unlock_to_window_s": ready - start,
        "unlock_to_shown_s": shown - start,
        "kdf_s": sum(kdf_times),
        "rows": model.rowCount(),
        "rss_kib": _status_kib("VmRSS"),
        "rss_before_kib": rss_before,
        "hwm_kib": _status_kib("VmHWM"),
    }
    controller.shutdown()
    QApplication.processEvents()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
