"""The Users page: the secretary adds a user, sets a password, changes a role, removes."""

from __future__ import annotations

from pathlib import Path

from desktop.store.workspace import Workspace
from desktop.ui.pages.user_dialogs import AddUserDialog, ChangeRoleDialog, NewPasswordDialog
from desktop.ui.pages.users_page import UsersPage


def _names(page: UsersPage) -> list[str]:
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_secretary_manages_users(
    qtbot, qtmodeltester, data_folder: Path, controller, sign_in, workspace_template, message_boxes
):
    app = controller(data_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    page = window.show_page("users")
    assert isinstance(page, UsersPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert _names(page) == [f"{workspace_template.admin}（您）"]
    qtmodeltester.check(page.model)

    page.add_button.click()
    dialog = page.findChild(AddUserDialog)
    dialog.name.setText("李组织")
    dialog.role.setCurrentIndex(dialog.role.findData("officer"))
    dialog.passwords.password.setText("officer password")
    dialog.passwords.repeat.setText("officer password")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert "李组织" in _names(page)
    row = _names(page).index("李组织")
    assert page.model.index(row, 1).data() == "支部委员"

    page.table.selectRow(row)
    page.role_button.click()
    role_dialog = page.findChild(ChangeRoleDialog)
    role_dialog.role.setCurrentIndex(role_dialog.role.findData("member"))
    role_dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.model.index(row, 1).data() == "党员", timeout=5_000)

    page.table.selectRow(row)
    page.password_button.click()
    password_dialog = page.findChild(NewPasswordDialog)
    password_dialog.passwords.password.setText("reset password")
    password_dialog.passwords.repeat.setText("reset password")
    with qtbot.waitSignal(password_dialog.finished, timeout=10_000):
        password_dialog.ok_button.click()
    Workspace.unlock(data_folder, "李组织", "reset password").close()

    page.table.selectRow(_names(page).index("李组织"))
    assert page.remove_button.isEnabled()
    message_boxes.answer_next(True)
    page.remove_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    assert message_boxes.shown[-1].text == "要从本机删除 李组织 吗？"

    page.table.selectRow(0)
    assert not page.remove_button.isEnabled(), "you cannot remove yourself"


def test_users_page_is_only_for_the_secretary(
    qtbot, roster_folder: Path, controller, sign_in, workspace_template
):
    from desktop.domain.users import add_user

    app = controller(roster_folder)
    sign_in(app, workspace_template.admin, workspace_template.password)
    done = []
    app.ops.write(lambda ws: add_user(ws, "officer1", "officer", "officer password"), done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    app.lock()
    screen = app.unlock_screen
    screen.load_users()
    screen.user_box.setCurrentIndex(screen.user_box.findData("officer1"))
    screen.password.setText("officer password")
    with qtbot.waitSignal(app.main_window_shown, timeout=10_000) as shown:
        screen.unlock()
    window = shown.args[0]
    keys = [spec.key for spec in window.specs]
    assert keys == [
        "overview",
        "members",
        "org",
        "development",
        "transfers",
        "roster",
        "sync",
        "conflicts",
    ]
