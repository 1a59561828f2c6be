"""Auto-lock: idle for the set time, and the workspace is closed, the models emptied, our
clipboard cleared, and the unlock screen shown again."""

from __future__ import annotations

from pathlib import Path

from desktop.store.workspace import Workspace
from desktop.ui.pages.members_page import MembersPage
from desktop.ui.qt import QApplication, QGuiApplication
from desktop.ui.settings_dialog import SettingsDialog


def test_idle_locks_the_app(qtbot, roster_folder: Path, controller, sign_in, workspace_template):
    app = controller(roster_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    opened: list[Workspace] = []
    app.ops.query(lambda ws: ws, opened.append)
    page = window.show_page("members")
    assert isinstance(page, MembersPage)
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 300 and model.row(0) is not None)
    page.table.selectRow(0)
    page.copy_selection()
    assert QGuiApplication.clipboard().text().startswith(model.index(0, 0).data())
    assert opened and opened[0].is_open

    with qtbot.waitSignal(app.locked, timeout=5_000):
        app.idle.set_timeout_ms(150)

    assert not opened[0].is_open, "the database is closed"
    assert app.window is None
    assert app.unlock_screen is not None and app.unlock_screen.isVisible()
    assert model.rowCount() == 0 and model.cached_rows == 0, "the roster is forgotten"
    assert QGuiApplication.clipboard().text() == "", "what we copied is cleared"
    assert app.ops.worker._ws is None, "the worker holds no workspace (and so no key)"

    # And it opens again.
    screen = app.unlock_screen
    screen.password.setText(workspace_template.password)
    with qtbot.waitSignal(app.main_window_shown, timeout=10_000):
        screen.unlock()


def test_lock_keeps_what_others_copied(
    qtbot, data_folder: Path, controller, sign_in, workspace_template
):
    app = controller(data_folder)
    sign_in(app, workspace_template.admin, workspace_template.password)
    QGuiApplication.clipboard().setText("copied from another program")
    with qtbot.waitSignal(app.locked, timeout=5_000):
        app.window.status.lock_button.click()
    assert QGuiApplication.clipboard().text() == "copied from another program"


def test_activity_postpones_the_lock(
    qtbot, data_folder: Path, controller, sign_in, workspace_template
):
    app = controller(data_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    app.idle.set_timeout_ms(1_000)
    for _ in range(6):
        qtbot.wait(200)
        qtbot.keyClick(window.sidebar, "a")
    assert app.window is window, "someone at the keyboard: no lock"
    with qtbot.waitSignal(app.locked, timeout=5_000):
        pass


def test_lock_closes_open_dialogs(
    qtbot, data_folder: Path, controller, sign_in, workspace_template
):
    app = controller(data_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    window.open_settings()
    assert any(
        isinstance(w, SettingsDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )
    app.lock()
    visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert visible == [app.unlock_screen], "only the unlock screen is left"
