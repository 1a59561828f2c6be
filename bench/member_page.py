"""member_page_ms: opening a member's page with 100,000 members in the vault — the
domain reads (the record, its history, extended sets and files) AND the Qt widget built
and shown offscreen, until the archive and the photo (or its placeholder) are shown.
Median over several members, some with an archive, some spread over the roster, each
opened fresh, in a child process that has unlocked the vault first (not timed).

`python -m bench.member_page FOLDER USER` is that child: it prints one JSON line of the
timings in milliseconds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import demo_vault, report

FIGURES = ("member_page_ms",)
GOAL_MS = 200.0
#: Members opened: those with a demo archive, and this many spread over the roster.
SPREAD = 8
TIMEOUT_S = 60.0
#: A safety net only: the signals waited for end a wait at once.
POLL_MS = 5


def _probe_main() -> int:
    folder, user = Path(sys.argv[1]), sys.argv[2]
    password = os.environ["BENCH_PASSWORD"]
    from desktop.store.workspace import Workspace
    from desktop.ui.navigation import AppContext
    from desktop.ui.operations import Operations
    from desktop.ui.pages.member_detail import MemberDetailDialog
    from desktop.ui.qt import QApplication, QEventLoop, QTimer

    _app = QApplication([])  # kept alive for the whole probe
    ops = Operations()

    def wait(done: Callable[[], bool], *signals: Any) -> None:
        """Run the event loop until `done()`, checked whenever one of `signals` fires (an
        event loop, not a processEvents() poll: see bench.window_probe for why)."""
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
            raise TimeoutError("the member's page did not come up")

    opened: list[Any] = []
    ops.open(lambda: (ws := Workspace.unlock(folder, user, password), ws.user), opened.append)
    wait(lambda: bool(opened), ops.busy_changed)
    ctx = AppContext(ops, opened[0], folder)

    def pick(ws: Workspace) -> list[str]:
        archived = [
            r[0]
            for r in ws.db.query(
                "SELECT DISTINCT member_id FROM member_entries WHERE _deleted = 0 LIMIT 4"
            )
        ]
        total = ws.records.count("members")
        step = max(1, total // SPREAD)
        spread = [
            r["id"]
            for n in range(SPREAD)
            for r in ws.records.query("members", order_by="_rowid", limit=1, offset=n * step)
        ]
        return archived + spread

    chosen: list[list[str]] = []
    ops.query(pick, chosen.append)
    wait(lambda: bool(chosen))

    def open_once(member_id: str) -> float:
        start = time.perf_counter()
        dialog = MemberDetailDialog(ctx, member_id)
        shown: set[str] = set()
        dialog.loaded.connect(lambda: shown.add("archive"))
        dialog.photo_shown.connect(lambda: shown.add("photo"))
        dialog.show()
        wait(lambda: shown == {"archive", "photo"}, dialog.loaded, dialog.photo_shown)
        dialog.repaint()  # the first paint with the data in it
        took = (time.perf_counter() - start) * 1000
        dialog.close()
        dialog.deleteLater()
        return took

    timings = [open_once(member_id) for member_id in chosen[0]]
    ops.shutdown()
    sys.stdout.write(json.dumps({"ms": timings, "members": len(chosen[0])}) + "\n")
    return 0


def run() -> None:
    folder = str(demo_vault.folder())
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        BENCH_PASSWORD=demo_vault.PASSWORD,
    )
    done = subprocess.run(
        [sys.executable, "-m", "bench.member_page", folder, demo_vault.USER],
        env=env,
        cwd=demo_vault.WORK.parent.parent,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"member page probe failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    timings: list[float] = result["ms"]
    report.figure("member_page_ms", report.median(timings), "ms", goal=GOAL_MS)
    report.info(
        f"{result['members']} members opened: first {timings[0]:.0f} ms, "
        f"slowest {max(timings):.0f} ms, fastest {min(timings):.0f} ms"
    )


if __name__ == "__main__":
    raise SystemExit(_probe_main())
