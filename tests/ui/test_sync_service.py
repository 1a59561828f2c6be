"""Sync in the app against a real HQ on loopback: the status bar tells the truth (pending,
syncing, last success, or the failure), the sync log lists every attempt, records show
their sync state, and a verified wipe order empties the data folder.

The live-HQ fixtures here are shared by the other tests/ui/test_sync_*.py modules.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from synckit import LiveHq, hq_keys, live_hq, sync  # noqa: F401 — fixtures

from desktop.domain.members import add_member
from desktop.store import meta, sync_status
from desktop.store.ids import new_id
from desktop.store.replica import Replica
from desktop.store.vault import Vault
from desktop.store.workspace import Workspace
from desktop.sync import state
from desktop.sync.engine import Progress, SyncEngine, SyncOutcome
from desktop.sync.enrolment import enroll
from desktop.sync.errors import HqRefused, HqUnreachable, SyncCancelled
from desktop.sync.protocol import now_ms
from desktop.ui import sync_service
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.pages.members_model import COLUMN
from desktop.ui.pages.members_page import MembersPage
from desktop.ui.pages.sync_page import SyncPage
from desktop.ui.qt import Qt
from desktop.ui.status_bar import describe_sync
from desktop.ui.sync_service import SyncService, SyncStatus
from hq.devices import revoke


@pytest.fixture
def enrolled_folder(
    live_hq: LiveHq, tmp_path: Path, workspace_template: Any
) -> Callable[..., Path]:
    """`enrolled_folder("a", branch)`: a copy of the template, as a computer of its own
    (copies share the template's device id), enrolled with the live HQ; closed again."""

    def make(name: str, org: str, *, members: tuple[str, ...] = ()) -> Path:
        folder = tmp_path / name
        shutil.copytree(workspace_template.folder, folder)
        ws = open_folder(folder, workspace_template)
        with ws.records.transaction():
            meta.put(ws.db, meta.DEVICE_ID, new_id())
        ws.close()
        ws = open_folder(folder, workspace_template)
        try:
            enroll(ws, live_hq.url, live_hq.hq.code(org))
            for person in members:
                add_member(ws, {"name": person})
        finally:
            ws.close()
        return folder

    return make


def open_folder(folder: Path, template: Any) -> Workspace:
    return Workspace.unlock(folder, template.admin, template.password)


sync_headless = sync


@pytest.fixture
def english(language: Callable[[str], None]) -> None:
    """Assertions below read the English texts (the zh_CN file is checked elsewhere)."""
    language("en")


def texts_of(service: SyncService) -> list[str]:
    """Every status text the service goes through, as the status bar words it."""
    seen: list[str] = []
    service.status_changed.connect(lambda s: seen.append(describe_sync(s).text))
    return seen


# --- the status bar --------------------------------------------------------------------------


def test_status_bar_goes_from_pending_to_syncing_to_last_success(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, english
):
    folder = enrolled_folder("a", live_hq.branch(), members=("张三", "李四"))
    app = controller(folder)
    seen = texts_of(app.sync)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    bar = window.status
    with qtbot.waitSignal(app.sync.finished, timeout=20_000) as finished:
        pass
    outcome = finished.args[0]
    assert outcome.ok and outcome.pushed >= 2
    assert any(text.startswith("Syncing") for text in seen), seen
    qtbot.waitUntil(lambda: bar.sync_state.text().startswith("Synced "), timeout=5_000)
    assert bar.sync_state.isVisible()
    qtbot.waitUntil(lambda: bar.pending.text() == "Everything sent to HQ", timeout=5_000)
    # Local changes go out a few seconds later by themselves: pending, then sent.
    app.ops.write(lambda ws: add_member(ws, {"name": "王五"}))
    qtbot.waitUntil(lambda: "not yet sent" in bar.pending.text(), timeout=5_000)
    with qtbot.waitSignal(app.sync.finished, timeout=sync_service.DEBOUNCE_MS + 15_000):
        pass
    qtbot.waitUntil(lambda: bar.pending.text() == "Everything sent to HQ", timeout=5_000)
    assert bar.sync_state.text().startswith("Synced ")


def test_a_failed_sync_shows_the_failure_never_success(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, english
):
    folder = enrolled_folder("a", live_hq.branch())
    app = controller(folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    with qtbot.waitSignal(app.sync.finished, timeout=20_000) as first:
        pass
    assert first.args[0].ok
    qtbot.waitUntil(lambda: window.status.sync_state.text().startswith("Synced "))

    live_hq.stop()
    app.ops.write(lambda ws: add_member(ws, {"name": "断线"}))
    with qtbot.waitSignal(app.sync.finished, timeout=30_000) as second:
        app.sync.sync_now()
    assert not second.args[0].ok
    bar = window.status.sync_state
    assert bar.text().startswith("HQ not reachable"), bar.text()
    assert "Synced" not in bar.text()
    assert "could not be reached" in bar.toolTip()
    assert "Last synced" in bar.toolTip()
    # The count of unsent changes is read off the GUI thread: it shows once that read returns.
    qtbot.waitUntil(lambda: "not yet sent" in window.status.pending.text(), timeout=5_000)

    # The sync log lists both attempts, newest first, with the true outcome.
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 2, timeout=5_000)
    outcomes = [page.log_model.index(r, 2).data() for r in range(2)]
    assert outcomes == ["Failed", "Succeeded"]
    assert "could not be reached" in page.log_model.index(0, 6).data()
    assert page.state.text().startswith("HQ not reachable")


def test_the_link_coming_back_starts_a_sync(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, monkeypatch, english
):
    monkeypatch.setattr(sync_service, "FIRST_RETRY_S", 0.2)
    monkeypatch.setattr(sync_service, "LAST_RETRY_S", 0.4)
    folder = enrolled_folder("a", live_hq.branch(), members=("等网",))
    # The link is down when the app opens: the probe fails and backs off.
    port = int(live_hq.url.rsplit(":", 1)[1])
    live_hq.stop()
    app = controller(folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    qtbot.waitUntil(lambda: app.sync.status.link_down, timeout=10_000)
    assert window.status.sync_state.text().startswith("HQ not reachable")
    assert "Never synced" in window.status.sync_state.text()
    # HQ comes back on the same address: the next probe finds it and the sync runs.
    back = LiveHq(live_hq.hq, port)
    try:
        with qtbot.waitSignal(app.sync.finished, timeout=20_000) as finished:
            pass
        assert finished.args[0].ok
        qtbot.waitUntil(lambda: window.status.sync_state.text().startswith("Synced "))
    finally:
        back.stop()


def test_status_texts_never_claim_success_after_a_failure(qapp, english) -> None:
    earlier = now_ms() - 60_000
    stalled = SyncStatus(
        enrolled=True, last_ok_ms=earlier, error=HqUnreachable(detail="stalled"), link_down=True
    )
    assert describe_sync(stalled).text.startswith("HQ not reachable")
    refused = SyncStatus(
        enrolled=True,
        last_ok_ms=earlier,
        error=HqRefused(status=422, code="invalid", reason="bad field"),
    )
    text = describe_sync(refused)
    assert text.text.startswith("Sync failed") and "bad field" in text.tooltip
    assert describe_sync(SyncStatus(enrolled=False)).text == "Not connected to HQ"
    assert describe_sync(SyncStatus(enrolled=True, last_ok_ms=earlier)).text.startswith("Synced")
    indexing = SyncStatus(enrolled=True, running=True, progress=Progress("index"))
    assert describe_sync(indexing).text == "Syncing: making the new records searchable…"


def test_status_texts_are_chinese_by_default(qapp, language) -> None:
    assert describe_sync(SyncStatus(enrolled=False)).text == "未连接总部"
    synced = describe_sync(SyncStatus(enrolled=True, last_ok_ms=now_ms() - 60_000))
    assert synced.text.startswith("已同步 ")
    running = SyncStatus(enrolled=True, running=True, progress=Progress("push", 3, 10))
    assert describe_sync(running).text == "正在同步：已发送 3/10"
    indexing = SyncStatus(enrolled=True, running=True, progress=Progress("index"))
    assert describe_sync(indexing).text == "正在同步：为新记录建立搜索索引…"


def test_locking_closes_the_sync_connection_and_unlocking_syncs_again(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, english
):
    folder = enrolled_folder("a", live_hq.branch(), members=("锁屏",))
    app = controller(folder)
    sign_in(app, workspace_template.admin, workspace_template.password)
    with qtbot.waitSignal(app.sync.finished, timeout=20_000):
        pass
    connection = app.sync._connection
    assert connection is not None
    with qtbot.waitSignal(app.locked, timeout=10_000):
        app.lock()
    assert app.sync.status == SyncStatus(), "nothing of the session is shown any more"
    qtbot.waitUntil(lambda: connection.records.db.closed, timeout=5_000)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    with qtbot.waitSignal(app.sync.finished, timeout=20_000) as again:
        pass
    assert again.args[0].ok
    qtbot.waitUntil(lambda: window.status.sync_state.text().startswith("Synced "))


def test_stop_pressed_before_the_sync_thread_starts_is_not_lost(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, monkeypatch, english
):
    """The status says "running" as soon as a sync is planned; Stop pressed then, before
    the sync thread has made its engine, still stops it."""
    made = SyncEngine.__init__

    def slow_start(engine: SyncEngine, *args: object, **kwargs: object) -> None:
        time.sleep(0.5)
        made(engine, *args, **kwargs)

    def slow_push(engine: SyncEngine, _outcome: SyncOutcome) -> None:
        deadline = time.monotonic() + 30
        while not engine.link.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        raise SyncCancelled()

    monkeypatch.setattr(SyncEngine, "__init__", slow_start)
    monkeypatch.setattr(SyncEngine, "push", slow_push)
    folder = enrolled_folder("a", live_hq.branch(), members=("慢",))
    app = controller(folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: app.sync.status.running, timeout=10_000)
    with qtbot.waitSignal(app.sync.finished, timeout=10_000) as finished:
        page.cancel_button.click()
    assert isinstance(finished.args[0].error, SyncCancelled)


def test_stop_cancels_a_running_sync_and_says_so(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, monkeypatch, english
):
    def slow_push(engine: SyncEngine, _outcome: SyncOutcome) -> None:
        deadline = time.monotonic() + 10
        while not engine.link.cancelled and time.monotonic() < deadline:
            time.sleep(0.01)
        raise SyncCancelled()

    monkeypatch.setattr(SyncEngine, "push", slow_push)
    folder = enrolled_folder("a", live_hq.branch(), members=("慢",))
    app = controller(folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    qtbot.waitUntil(lambda: app.sync.status.running, timeout=10_000)
    assert page.cancel_button.isVisible()
    with qtbot.waitSignal(app.sync.finished, timeout=10_000) as finished:
        page.cancel_button.click()
    assert isinstance(finished.args[0].error, SyncCancelled)
    assert window.status.sync_state.text().startswith("Sync stopped")
    assert not page.cancel_button.isVisible()
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 1, timeout=5_000)
    assert page.log_model.index(0, 2).data() == "Cancelled"


# --- records' sync state ----------------------------------------------------------------


def test_members_list_shows_an_unsent_member_as_pending_until_it_is_sent(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, english
):
    folder = enrolled_folder("a", live_hq.branch(), members=("早已发送",))
    app = controller(folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    with qtbot.waitSignal(app.sync.finished, timeout=20_000):
        pass
    page = window.show_page("members")
    assert isinstance(page, MembersPage)
    model = page.model
    column = COLUMN["sync"]
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row(0) is not None, timeout=5_000)
    assert model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Sync"

    app.ops.write(lambda ws: add_member(ws, {"name": "新来的"}))

    def state_of(name: str) -> str | None:
        """The state's words (the cell shows an icon, its tooltip the words)."""
        for row in range(model.rowCount()):
            if model.row(row) is not None and model.index(row, 0).data() == name:
                cell = model.index(row, column)
                words = cell.data(Qt.ItemDataRole.ToolTipRole)
                assert (words is None) == (cell.data(Qt.ItemDataRole.DecorationRole) is None)
                return words or ""
        return None

    qtbot.waitUntil(lambda: state_of("新来的") == "Not yet sent", timeout=5_000)
    assert state_of("早已发送") == ""
    with qtbot.waitSignal(app.sync.finished, timeout=sync_service.DEBOUNCE_MS + 15_000):
        pass
    qtbot.waitUntil(lambda: state_of("新来的") == "", timeout=5_000)


# --- the remote wipe --------------------------------------------------------------------


def test_a_verified_wipe_order_empties_the_folder_and_returns_to_first_run(
    qtbot, live_hq, enrolled_folder, controller, sign_in, workspace_template, message_boxes, english
):
    folder = enrolled_folder("lost", live_hq.branch(), members=("机密",))
    app = controller(folder)
    sign_in(app, workspace_template.admin, workspace_template.password)
    with qtbot.waitSignal(app.sync.finished, timeout=20_000):
        pass
    device = _device_id(folder, workspace_template)
    with live_hq.hq.db.write() as conn:
        revoke(conn, device, wipe=True, reason="遗失于机场", now_ms=now_ms())
    with qtbot.waitSignal(app.wiped, timeout=20_000):
        app.sync.sync_now()
    assert not (folder / "lianxin.db").exists()
    assert Vault.load(folder).slots == []
    assert app.window is None
    assert isinstance(app.wizard, FirstRunWizard) and app.wizard.isVisible()
    assert any("destroyed" in m.text for m in message_boxes.shown)


def _device_id(folder: Path, template: Any) -> str:
    ws = open_folder(folder, template)
    try:
        return ws.device_id
    finally:
        ws.close()


# --- the store's reading of sync state ---------------------------------------------------


def test_sync_status_reads_the_keys_the_sync_state_writes() -> None:
    assert sync_status.ENROLMENT == state.ENROLMENT
    assert sync_status.LAST_OK_MS == state.LAST_OK_MS
    assert sync_status.CLOCK_OFFSET_MS == state.CLOCK_OFFSET_MS


def test_an_unsent_change_is_counted_until_hq_acknowledges_it(
    live_hq, enrolled_folder, workspace_template
) -> None:
    folder = enrolled_folder("a", live_hq.branch(), members=("计数",))
    ws = open_folder(folder, workspace_template)
    try:
        facts = sync_status.link_facts(ws.db)
        assert facts.enrolled and facts.server == live_hq.url and facts.last_ok_ms == 0
        assert Replica(ws.records).outbox_count() > 0
        sync_headless(ws)
        assert Replica(ws.records).outbox_count() == 0
        assert sync_status.link_facts(ws.db).last_ok_ms > 0
    finally:
        ws.close()
