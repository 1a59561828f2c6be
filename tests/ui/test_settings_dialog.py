"""The settings dialog saves language and auto-lock with the data, the data folder on this
machine; only the secretary may move the data folder (the domain refuses others)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import settings
from desktop.domain.preferences import set_data_folder
from desktop.store.errors import PermissionDenied
from desktop.store.workspace import User
from desktop.ui.navigation import AppContext
from desktop.ui.settings_dialog import SettingsDialog


def test_settings_are_saved_and_auto_lock_applies_at_once(
    qtbot, tmp_path: Path, data_folder: Path, controller, sign_in, workspace_template
):
    app = controller(data_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.language.currentData() == "zh_CN"
    assert dialog.auto_lock.value() == 5
    assert dialog.choose_button.isEnabled()

    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.auto_lock.setValue(12)
    new_folder = tmp_path / "elsewhere"
    dialog.data_dir.setText(str(new_folder))
    with qtbot.waitSignal(window.preferences_saved):
        dialog.save()

    portable = settings.Settings.for_data_dir(data_folder)
    assert portable.get(settings.LANGUAGE) == "en"
    assert portable.get(settings.AUTO_LOCK_MINUTES) == 12
    assert settings.Settings.machine().get(settings.DATA_DIR) == str(new_folder)
    assert settings.default_data_dir() == new_folder
    assert app.idle.timeout_s == 12 * 60


def test_an_officer_cannot_move_the_data_folder(qapp, language, data_folder: Path, ops) -> None:
    officer = User("u1", "officer", "officer", None)
    dialog = SettingsDialog(AppContext(ops, officer, data_folder))
    assert not dialog.choose_button.isEnabled()
    with pytest.raises(PermissionDenied):
        set_data_folder(officer, settings.Settings.machine(), data_folder / "x")
    dialog.deleteLater()
