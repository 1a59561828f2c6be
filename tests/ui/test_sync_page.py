"""The Sync page: connecting to HQ from the app, sync files, and who may do what."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.domain.members import add_member
from desktop.store.workspace import User
from desktop.ui.navigation import AppContext
from desktop.ui.pages.sync_dialogs import EnrolDialog
from desktop.ui.pages.sync_page import SyncPage
from hq.bundles import import_file

from . import test_sync_service as live_hq_fixtures

# The live HQ and the English texts, shared with test_sync_service.
hq_keys = live_hq_fixtures.hq_keys
live_hq = live_hq_fixtures.live_hq
enrolled_folder = live_hq_fixtures.enrolled_folder
english = live_hq_fixtures.english


def _sync_page(window: Any) -> SyncPage:
    page = window.show_page("sync")
    assert isinstance(page, SyncPage)
    return page


def test_connecting_to_hq_from_the_app_enrols_and_syncs(
    qtbot,
    live_hq,
    data_folder: Path,
    controller,
    sign_in,
    workspace_template,
    message_boxes,
    english,
):
    app = controller(data_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    app.ops.write(lambda ws: add_member(ws, {"name": "先录入"}))
    page = _sync_page(window)
    qtbot.waitUntil(lambda: page.server.text() == "Not connected", timeout=5_000)
    assert page.enrol_button.isVisible() and page.enrol_button.isEnabled()
    assert not page.sync_button.isEnabled()
    assert window.status.sync_state.text() == "Not connected to HQ"

    dialog = page.connect_to_hq()
    assert isinstance(dialog, EnrolDialog)
    assert not dialog.ok_button.isEnabled()
    dialog.server.setText(live_hq.url)
    dialog.code.setText("WRONG-CODE")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert "not accepted" in message_boxes.shown[-1].text
    assert dialog.isVisible(), "a refused code leaves the dialog open to correct it"

    message_boxes.shown.clear()
    dialog.code.setText(live_hq.hq.code(live_hq.branch()))
    with qtbot.waitSignal(app.sync.finished, timeout=20_000) as finished:
        dialog.ok_button.click()
    assert finished.args[0].ok and finished.args[0].pushed >= 1
    assert any("now connected to HQ" in m.text for m in message_boxes.shown)
    qtbot.waitUntil(lambda: page.server.text() == live_hq.url, timeout=5_000)
    assert "第一党支部" in page.unit.text()
    assert not page.enrol_button.isVisible()
    qtbot.waitUntil(page.sync_button.isEnabled, timeout=5_000)
    qtbot.waitUntil(lambda: window.status.sync_state.text().startswith("Synced "))
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 1, timeout=5_000)
    # The status bar's sync state opens the sync log.
    window.show_page("overview")
    window.status.sync_state.click()
    assert window.current_page() is page and page.tabs.currentIndex() == 0


def test_only_the_secretary_may_connect(qtbot, ops, data_folder, open_workspace, english):
    open_workspace(ops, data_folder)
    users: list[User] = []
    ops.query(lambda ws: ws.user, users.append)
    qtbot.waitUntil(lambda: bool(users))
    officer = User(users[0].id, users[0].name, "officer", None)
    page = SyncPage(AppContext(ops, officer, data_folder))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.summary is not None, timeout=5_000)
    assert page.enrol_button.isVisible() and not page.enrol_button.isEnabled()
    assert "secretary" in page.enrol_button.toolTip()


def test_sync_files_go_to_hq_and_its_reply_comes_back(
    qtbot,
    live_hq,
    enrolled_folder,
    controller,
    sign_in,
    workspace_template,
    message_boxes,
    monkeypatch,
    tmp_path,
    english,
):
    out, back = tmp_path / "to-hq.lxsync", tmp_path / "reply.lxsync"
    monkeypatch.setattr(SyncPage, "choose_save", staticmethod(lambda *_a: str(out)))
    monkeypatch.setattr(SyncPage, "choose_open", staticmethod(lambda *_a: str(back)))
    folder = enrolled_folder("a", live_hq.branch(), members=("邮寄",))
    live_hq.stop()  # sync files are for when there is no link
    app = controller(folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    page = _sync_page(window)
    qtbot.waitUntil(page.export_button.isEnabled, timeout=5_000)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert "saved as" in message_boxes.shown[-1].text and out.exists()
    qtbot.waitUntil(lambda: "not yet sent" in window.status.pending.text(), timeout=5_000)

    keys = live_hq.hq.keys
    import_file(live_hq.hq.db, out, back, signing_key=keys.signing, bundle_key=keys.bundle)
    message_boxes.shown.clear()
    with qtbot.waitSignal(app.sync.finished, timeout=10_000) as finished:
        page.import_button.click()
    assert finished.args[0].ok and finished.args[0].pushed >= 1
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=5_000)
    assert message_boxes.shown[-1].text == "HQ's reply was applied."
    qtbot.waitUntil(lambda: window.status.pending.text() == "Everything sent to HQ")
    assert window.status.sync_state.text().startswith("Synced ")
    qtbot.waitUntil(lambda: page.log_model.index(0, 1).data() == "Sync file", timeout=5_000)

    # The same reply again is refused with nothing written, and said so.
    message_boxes.shown.clear()
    page.import_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=5_000)
    assert "cannot be used" in message_boxes.shown[-1].text
