"""Screenshots of every screen and dialog, in Chinese and English, from demo data.

`python -m desktop.ui.screenshots --out DIR [--lang en]` (`make screenshots`) writes
DIR/<lang>/NN-name.png at 1280×800. Reviewers look at these for clipped or untranslated
text; nothing here touches real data or this computer's settings.
"""

from __future__ import annotations

import argparse
import base64
import json
import logging
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from desktop.domain.demo import SECRETARY, create_demo_workspace
from desktop.settings import LANGUAGES
from desktop.store import meta
from desktop.store.errors import PermissionDenied
from desktop.store.vault import KdfParams
from desktop.store.workspace import User, Workspace
from desktop.sync import state
from desktop.sync.engine import Progress
from desktop.sync.errors import HqUnreachable
from desktop.sync.protocol import now_ms
from desktop.ui import (
    messages,
    screenshots_development,
    screenshots_members,
    screenshots_org,
    screenshots_roster,
    screenshots_transfers,
)
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.application import create_application
from desktop.ui.errors import error_text, error_title
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.main_window import MainWindow
from desktop.ui.navigation import AppContext
from desktop.ui.operations import Operations
from desktop.ui.pages import default_registry
from desktop.ui.pages.conflicts_page import ConflictsPage
from desktop.ui.pages.member_dialog import AddMemberDialog
from desktop.ui.pages.members_page import MembersPage
from desktop.ui.pages.sync_dialogs import ConflictEditDialog, EnrolDialog
from desktop.ui.pages.sync_page import SyncPage
from desktop.ui.pages.user_dialogs import AddUserDialog
from desktop.ui.qt import (
    QApplication,
    QColor,
    QFont,
    QMessageLogContext,
    QPainter,
    QPixmap,
    QPoint,
    QRect,
    Qt,
    QtMsgType,
    QWidget,
    qInstallMessageHandler,
)
from desktop.ui.recovery_dialog import RecoveryDialog
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.sync_service import SyncService, SyncStatus
from desktop.ui.theme import BACKGROUND, BORDER, TEXT
from desktop.ui.unlock_screen import UnlockScreen

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1280, 800
TITLE_BAR = 30
PASSWORD = "lianxin-demo"  # noqa: S105 - the demo data's published password
DEMO_MEMBERS = 300


def settle(ops: Operations, timeout_s: float = 20.0) -> None:
    """Run the event loop until the database thread has answered everything asked."""
    deadline = time.monotonic() + timeout_s
    quiet = 0
    while time.monotonic() < deadline and quiet < 5:
        QApplication.processEvents()
        quiet = quiet + 1 if ops.idle else 0
        time.sleep(0.02)


def _draw_frame(painter: QPainter, rect: QRect) -> None:
    """What the window manager would draw: a soft shadow, a border and a title bar (the
    offscreen platform draws no decorations)."""
    painter.setPen(Qt.PenStyle.NoPen)
    for step in range(8, 0, -1):
        painter.setBrush(QColor(0, 0, 0, 10))
        painter.drawRoundedRect(rect.adjusted(-step, -step + 3, step, step + 3), 8, 8)
    painter.setBrush(QColor("#e3e5e8"))
    painter.setPen(QColor(BORDER))
    painter.drawRect(rect.adjusted(-1, -1, 0, 0))


class Camera:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        folder.mkdir(parents=True, exist_ok=True)

    def save(self, name: str, picture: QPixmap) -> None:
        self.count += 1
        path = self.folder / f"{self.count:02d}-{name}.png"
        picture.save(str(path))
        log.info("wrote %s", path)

    def window(self, name: str, widget: QWidget) -> None:
        widget.resize(WIDTH, HEIGHT)
        widget.show()
        QApplication.processEvents()
        self.save(name, widget.grab())

    def centred(self, name: str, widget: QWidget, behind: QWidget | None = None) -> None:
        """A dialog in the middle of the screen, over a dimmed window if there is one."""
        widget.show()
        widget.adjustSize()
        QApplication.processEvents()
        canvas = QPixmap(WIDTH, HEIGHT)
        canvas.fill(QColor(BACKGROUND))
        painter = QPainter(canvas)
        if behind is not None:
            behind.resize(WIDTH, HEIGHT)
            painter.drawPixmap(0, 0, behind.grab())
            painter.fillRect(0, 0, WIDTH, HEIGHT, QColor(0, 0, 0, 90))
        shot = widget.grab()
        x = (WIDTH - shot.width()) // 2
        y = (HEIGHT - shot.height() + TITLE_BAR) // 2
        _draw_frame(painter, QRect(x, y - TITLE_BAR, shot.width(), shot.height() + TITLE_BAR))
        painter.setPen(QColor(TEXT))
        font = QFont(widget.font())
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            QRect(x + 12, y - TITLE_BAR, shot.width() - 24, TITLE_BAR),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            widget.windowTitle(),
        )
        painter.drawPixmap(QPoint(x, y), shot)
        painter.end()
        self.save(name, canvas)
        widget.hide()


def shoot_first_run(camera: Camera, ops: Operations, folder: Path) -> None:
    wizard = FirstRunWizard(ops, folder, kdf=KdfParams())
    wizard.resize(760, 560)
    page = wizard.branch_page
    page.org_name.setText(_demo_text("org"))
    page.branch_name.setText(_demo_text("branch"))
    camera.centred("first-run-branch", wizard)
    wizard.show()
    wizard.next()
    account = wizard.account_page
    account.admin_name.setText(_demo_text("admin"))
    account.passwords.password.setText("correct horse battery")
    account.passwords.repeat.setText("correct horse battery")
    camera.centred("first-run-user", wizard)
    wizard.show()
    wizard.next()  # creates the data folder, then moves on
    settle(ops)
    camera.centred("first-run-recovery-code", wizard)
    wizard.recovery_page.confirm.setChecked(True)
    camera.centred("first-run-recovery-code-confirmed", wizard)
    ops.close()
    settle(ops)
    wizard.deleteLater()


_DEMO_TEXT = {
    "zh_CN": {"org": "中建八局海外部党委", "branch": "阿尔及利亚项目临时党支部", "admin": "王建国"},
    "en": {
        "org": "Overseas Division Party Committee",
        "branch": "Algeria Project Branch",
        "admin": "Wang Jianguo",
    },
}
_language = "zh_CN"


def _demo_text(key: str) -> str:
    return _DEMO_TEXT[_language][key]


def shoot_unlock(camera: Camera, ops: Operations, demo: Path) -> User:
    screen = UnlockScreen(ops, demo)
    screen.user_box.setCurrentIndex(screen.user_box.findData(SECRETARY))
    camera.window("unlock", screen)
    screen.password.setText("not the password")
    screen.unlock()
    settle(ops)
    camera.window("unlock-wrong-password", screen)
    for attempt in range(2):
        screen.password.setText(f"still wrong {attempt}")
        screen.unlock()
        settle(ops)
    camera.window("unlock-wait", screen)
    deadline = time.monotonic() + 10
    while not screen.unlock_button.isEnabled() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)
    recovery = RecoveryDialog(ops, demo, SECRETARY, screen)
    camera.centred("unlock-recovery", recovery, behind=screen)
    recovery.deleteLater()
    opened: list[User] = []
    screen.unlocked.connect(opened.append)
    screen.password.setText(PASSWORD)
    screen.unlock()
    settle(ops)
    screen.hide()
    screen.deleteLater()
    if not opened:
        raise RuntimeError("the demo data did not unlock")
    return opened[0]


def shoot_main(camera: Camera, ops: Operations, demo: Path, user: User) -> None:
    _show_synced(ops)
    ctx = AppContext(ops, user, demo)
    window = MainWindow(ctx, default_registry())
    window.resize(WIDTH, HEIGHT)
    window.show()
    settle(ops)
    camera.window("overview", window)
    members = window.show_page("members")
    settle(ops)
    camera.window("members", window)
    assert isinstance(members, MembersPage)
    members.search("张")
    settle(ops)
    camera.window("members-search", window)
    dialog: QWidget = AddMemberDialog(ctx, window)
    settle(ops)
    camera.centred("members-add", dialog, behind=window)
    members.search("")
    settle(ops)
    shoot_sync(camera, ops, window)
    screenshots_org.shoot(camera, ops, window)
    screenshots_development.shoot(camera, ops, window)
    screenshots_transfers.shoot(camera, ops, window)
    screenshots_members.shoot(camera, ops, window)
    screenshots_roster.shoot(camera, ops, window)
    window.show_page("users")
    settle(ops)
    camera.window("users", window)
    dialog = AddUserDialog(window)
    camera.centred("users-add", dialog, behind=window)
    dialog = SettingsDialog(ctx, window)
    camera.centred("settings", dialog, behind=window)
    dialog = AboutDialog(ops, window)
    settle(ops)
    camera.centred("about", dialog, behind=window)
    text = error_text(PermissionDenied(role="member", action="manage users of this computer"))
    box = messages.build_box(
        window, messages.Kind.WARNING, error_title(), text.message, text.advice
    )
    camera.centred("error-message", box, behind=window)
    window.show_page("overview")
    window.hide()
    window.deleteLater()
    ops.close()
    settle(ops)


def shoot_sync(camera: Camera, ops: Operations, window: MainWindow) -> None:
    """The sync page in its states (the service is never started: nothing is contacted,
    its status is set as a sync would leave it), the conflicts page and their dialogs."""
    service = SyncService.of(ops)
    assert service is not None
    last_ok = _show_synced(ops)
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    settle(ops)
    camera.window("sync", window)
    page.tabs.setCurrentIndex(1)
    camera.window("sync-refused", window)
    page.tabs.setCurrentIndex(0)
    syncing = Progress("push", sent=120, to_send=480)
    service._set_status(
        SyncStatus(enrolled=True, running=True, progress=syncing, last_ok_ms=last_ok)
    )
    camera.window("sync-running", window)
    indexing = SyncStatus(
        enrolled=True, running=True, progress=Progress("index"), last_ok_ms=last_ok
    )
    service._set_status(indexing)
    camera.window("sync-indexing", window)
    stalled = HqUnreachable(detail="no answer for 45 seconds (the link stalled)")
    service._set_status(
        SyncStatus(
            enrolled=True,
            last_ok_ms=last_ok,
            error=stalled,
            link_down=True,
            clock_skew_ms=-9 * 60_000,
            next_try_ms=now_ms() + 40_000,
        )
    )
    camera.window("sync-failed", window)
    _show_synced(ops)
    settle(ops)
    camera.centred("sync-enrol", EnrolDialog(window), behind=window)
    conflicts = window.show_page("conflicts")
    assert isinstance(conflicts, ConflictsPage)
    settle(ops)
    camera.window("conflicts", window)
    selected = conflicts.selected()
    if selected is not None:
        camera.centred("conflicts-edit", ConflictEditDialog(selected, window), behind=window)


def _show_synced(ops: Operations) -> int:
    """The status a sync 25 minutes ago left (set directly: the demo HQ does not exist)."""
    service = SyncService.of(ops)
    assert service is not None
    last_ok = now_ms() - 25 * 60_000
    service._set_status(SyncStatus(enrolled=True, last_ok_ms=last_ok))
    return last_ok


def seed_sync_demo(ws: Workspace) -> None:
    """What a few weeks of syncing leave behind, written straight into the local tables: an
    enrolment (with an HQ that is never contacted), most changes acknowledged and a few
    waiting, two conflicts, a refused change, and sync log lines."""
    members = ws.records.query("members", order_by="name, _rowid", limit=12)
    enrolment = state.Enrolment(
        server="https://hq.example.org",
        ca_pem=None,
        device_id=ws.device_id,
        device_key=base64.b64encode(bytes(32)).decode(),
        org_id=ws.org_id,
        org_name=meta.get(ws.db, meta.ORG_NAME) or "",
        level="officer",
        member_id=None,
        hq_signing_key="",
        hq_recovery_key="",
    )
    stalled = str(HqUnreachable(detail="no answer for 45 seconds (the link stalled)"))
    # (day of March, start, seconds taken, via, outcome, sent, received, bytes, detail)
    log_lines = [
        (12, "07:58:02", 17, "network", "ok", 14, 3, 13_612, ""),
        (12, "11:03:40", 45, "network", "failed", 0, 0, 1_180, stalled),
        (13, "02:10:11", 1, "bundle", "ok", 38, 12, 18_344, ""),
        (13, "09:30:00", 4, "cli", "cancelled", 0, 0, 512, "Sync was cancelled."),
        (14, "08:15:27", 4, "network", "ok", 6, 41, 56_830, ""),
    ]
    other = "0195b0c1-7d2e-7f00-8a11-3c5d0e9f2a41"
    # Values this computer wrote, which won over another computer's concurrent edits.
    conflicts = [
        (members[0], "phone", "13800138000", "13912345678"),
        (members[5], "status", "normal", "lost_contact"),
    ]
    with ws.records.transaction():
        for member, col, current, _lost in conflicts:
            ws.records.update("members", member["id"], {col: current})
    with ws.records.transaction():
        state.save_enrolment(ws.db, enrolment)
        state.put_number(ws.db, state.LAST_OK_MS, now_ms() - 25 * 60_000)
        ws.db.execute("UPDATE changes SET acked = 1 WHERE device_seq IS NOT NULL AND acked = 0")
        for day, at, took, via, outcome, sent, received, size, detail in log_lines:
            started = datetime.fromisoformat(f"2025-03-{day}T{at}+00:00")
            finished = started + timedelta(seconds=took)
            ws.db.execute(
                "INSERT INTO sync_log(started, finished, via, outcome, pushed, pulled, "
                "bytes_sent, bytes_received, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    started.isoformat(),
                    finished.isoformat(),
                    via,
                    outcome,
                    sent,
                    received,
                    size // 3,
                    size - size // 3,
                    detail,
                ),
            )
        lost_at = f"{now_ms() - 3 * 3_600_000:016d}:00000:{other}"
        for n, (member, col, current, lost) in enumerate(conflicts, start=1):
            stamp = ws.records.require("members", member["id"])["hlc"]
            winner = [current, stamp, ws.user.id, ws.device_id]
            loser = [lost, lost_at, "0195b0c1-0000-7000-8000-000000000001", other]
            ws.db.execute(
                "INSERT INTO sync_conflicts(id, tbl, row_id, col, kind, winner, loser, "
                "base_hlc, created_seq) VALUES (?, 'members', ?, ?, 'edit', ?, ?, NULL, ?)",
                (n, member["id"], col, json.dumps(winner), json.dumps(loser), n),
            )
    # Two members edited here since the last sync: they wait to be sent.
    with ws.records.transaction():
        for n, member in enumerate(members[2:4]):
            ws.records.update("members", member["id"], {"phone": f"1391234{n:04d}"})
    with ws.records.transaction():
        # A change HQ refused, with its reason.
        refused = members[7]
        seq = ws.db.scalar("SELECT max(device_seq) FROM changes WHERE row_id = ?", (refused["id"],))
        ws.db.execute("UPDATE changes SET acked = 3 WHERE device_seq = ?", (seq,))
        ws.db.execute(
            "INSERT INTO sync_refused(device_seq, reason, at) VALUES (?, ?, ?)",
            (
                seq,
                f"members {refused['id']}: this record belongs to a unit outside yours",
                "2025-03-14T08:15:31+00:00",
            ),
        )


def _quiet_platform_notes(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """The offscreen platform notes every window feature it lacks; nothing to see here."""
    if "This plugin does not support" not in message:
        log.warning("Qt: %s", message)


def shoot(out: Path, languages: Sequence[str], members: int) -> int:
    global _language  # noqa: PLW0603 - one run, one language at a time
    with tempfile.TemporaryDirectory(prefix="lianxin-shots-") as tmp:
        os.environ["LIANXIN_CONFIG_DIR"] = str(Path(tmp) / "config")
        demo = Path(tmp) / "demo"
        ws = create_demo_workspace(demo, members, password=PASSWORD, kdf=KdfParams())
        try:
            seed_sync_demo(ws)
        finally:
            ws.close()
        app, translators = create_application([sys.argv[0]], languages[0])
        ops = Operations()
        # Never started: the screenshots set its status (the demo HQ does not exist).
        SyncService(ops)
        shots = 0
        try:
            for language in languages:
                _language = language
                translators.install(language)
                camera = Camera(out / language)
                shoot_first_run(camera, ops, Path(tmp) / f"new-{language}")
                user = shoot_unlock(camera, ops, demo)
                shoot_main(camera, ops, demo, user)
                shots += camera.count
        finally:
            ops.shutdown()
            translators.remove()
        del app
    return shots


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.ui.screenshots")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=LANGUAGES, action="append")
    parser.add_argument("--members", type=int, default=DEMO_MEMBERS)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    logging.basicConfig(level=logging.ERROR)
    qInstallMessageHandler(_quiet_platform_notes)
    shots = shoot(args.out, args.lang or list(LANGUAGES), args.members)
    print(f"{shots} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
