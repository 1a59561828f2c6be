"""Languages: Chinese by default whatever the system locale; English with --lang en."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from desktop import app as desktop_app
from desktop.ui.first_run import FirstRunWizard
from desktop.ui.main_window import MainWindow
from desktop.ui.navigation import AppContext
from desktop.ui.pages import default_registry
from desktop.ui.qt import QApplication, QTimer


def _titles(window: MainWindow) -> list[str]:
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


def test_titles_follow_the_installed_language(
    qtbot, ops, data_folder: Path, open_workspace, language
):
    open_workspace(ops, data_folder)
    users = []
    ops.query(lambda ws: ws.user, users.append)
    qtbot.waitUntil(lambda: bool(users))
    ctx = AppContext(ops, users[0], data_folder)

    window = MainWindow(ctx, default_registry())
    qtbot.addWidget(window)
    assert _titles(window) == [
        "概览",
        "党员",
        "组织架构",
        "发展党员",
        "组织关系转接",
        "导入导出",
        "同步",
        "冲突",
        "用户",
    ]
    assert window.windowTitle() == "连心"

    language("en")
    english = MainWindow(ctx, default_registry())
    qtbot.addWidget(english)
    assert _titles(english) == [
        "Overview",
        "Members",
        "Organisation",
        "Development",
        "Transfers",
        "Import & export",
        "Sync",
        "Conflicts",
        "Users",
    ]
    assert english.status.lock_button.text() == "Lock"


def test_default_language_ignores_the_system_locale(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    launch = desktop_app.resolve(["--data-dir", str(tmp_path)])
    assert launch.language == "zh_CN"
    assert desktop_app.resolve(["--data-dir", str(tmp_path), "--lang", "en"]).language == "en"
    assert launch.data_dir == tmp_path.resolve()


def test_main_with_lang_en_starts_in_english(qapp, tmp_path: Path) -> None:
    """The real entry point: arguments, logging, translators, first screen, event loop."""
    seen: list[str] = []

    def look_and_leave() -> None:
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard)]
        if not wizards:
            QTimer.singleShot(20, look_and_leave)
            return
        seen.append(wizards[0].windowTitle())
        seen.append(wizards[0].currentPage().title())
        wizards[0].reject()  # nothing created yet: closing the wizard quits

    hook, handlers = sys.excepthook, list(logging.getLogger().handlers)
    try:
        QTimer.singleShot(0, look_and_leave)
        status = desktop_app.main(["--data-dir", str(tmp_path / "data"), "--lang", "en"])
    finally:
        sys.excepthook = hook
        root = logging.getLogger()
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
    assert status == 0
    assert seen == ["Set up Lianxin", "Welcome to Lianxin"]
    assert (tmp_path / "data" / "logs" / "lianxin.log").exists()
