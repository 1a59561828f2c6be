"""The unlock screen: wrong then right password, waits after repeated failures, recovery."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.ui.recovery_dialog import RecoveryDialog


def test_wrong_then_right_password(qtbot, data_folder: Path, controller, workspace_template):
    app = controller(data_folder)
    app.start()
    screen = app.unlock_screen
    assert screen is not None and app.window is None
    names = [screen.user_box.itemData(i) for i in range(screen.user_box.count())]
    assert names == [workspace_template.admin]

    screen.password.setText("not the password")
    screen.unlock()
    qtbot.waitUntil(screen.error.isVisible, timeout=10_000)
    assert "用户名或密码错误" in screen.error.text()
    assert "已失败 1 次" in screen.error.text()
    assert screen.password.text() == "", "a refused password is not kept in the field"
    assert app.window is None

    screen.password.setText(workspace_template.password)
    with qtbot.waitSignal(app.main_window_shown, timeout=10_000):
        screen.unlock()
    assert app.window is not None
    assert not screen.isVisible()


def test_repeated_failures_make_the_user_wait(qtbot, data_folder: Path, controller):
    app = controller(data_folder)
    app.start()
    screen = app.unlock_screen
    for attempt in range(1, 4):
        screen.password.setText(f"wrong {attempt}")
        screen.unlock()
        qtbot.waitUntil(lambda a=attempt: f"已失败 {a} 次" in screen.error.text(), timeout=10_000)
    # The third failure in a row costs a wait (persisted in the vault, so a restart
    # does not help); the button stays disabled while the countdown runs.
    assert screen.countdown.isVisible()
    assert "秒后可以再试" in screen.countdown.text()
    assert not screen.unlock_button.isEnabled()


def test_forgot_password_with_recovery_code(
    qtbot, data_folder: Path, controller, workspace_template
):
    app = controller(data_folder)
    app.start()
    screen = app.unlock_screen
    screen.forgot.click()
    dialogs = [w for w in screen.findChildren(RecoveryDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    dialog.code.setText(workspace_template.recovery_code.lower().replace("-", " "))
    dialog.passwords.password.setText("the new password")
    dialog.passwords.repeat.setText("the new password")
    with qtbot.waitSignal(app.main_window_shown, timeout=10_000):
        dialog.buttons.accepted.emit()
    app.lock()
    screen.password.setText("the new password")
    with qtbot.waitSignal(app.main_window_shown, timeout=10_000):
        screen.unlock()


def test_wrong_recovery_code_is_explained(qtbot, data_folder: Path, controller, message_boxes):
    app = controller(data_folder)
    app.start()
    dialog = RecoveryDialog(app.ops, data_folder, None, app.unlock_screen)
    dialog.code.setText("AAAA-BBBB")
    dialog.passwords.password.setText("the new password")
    dialog.passwords.repeat.setText("the new password")
    dialog.submit()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert message_boxes.shown[0].text == "此恢复码无法打开这些数据。"
    assert app.window is None


def test_a_locked_user_is_marked_and_sent_to_recovery(
    qtbot, data_folder: Path, controller, workspace_template
):
    vault_file = data_folder / "vault.json"
    data = json.loads(vault_file.read_text())
    data["slots"][0]["failures"] = 10  # what ten wrong passwords in a row leave behind
    vault_file.write_text(json.dumps(data))
    app = controller(data_folder)
    app.start()
    screen = app.unlock_screen
    assert screen.user_box.currentText() == f"{workspace_template.admin}（已锁定）"
    assert "恢复码" in screen.error.text()
    assert not screen.unlock_button.isEnabled() and not screen.password.isEnabled()
    assert screen.forgot.isEnabled()
