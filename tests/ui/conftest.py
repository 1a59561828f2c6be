"""UI test fixtures: offscreen Qt, machine settings in a temp folder, message boxes
answered by hooks, data folders copied from session templates, threads joined at teardown.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop.domain.demo import fill_demo
from desktop.store.vault import KdfParams
from desktop.store.workspace import Workspace
from desktop.ui.controller import AppController
from desktop.ui.i18n import Translators
from desktop.ui.main_window import MainWindow
from desktop.ui.messages import MessageBoxes
from desktop.ui.operations import Operations
from desktop.ui.qt import (
    QApplication,
    QCoreApplication,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from desktop.ui.resources import translations_dir

ROSTER_MEMBERS = 300


def _quiet_platform_notes(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if "This plugin does not support" not in message:
        sys.stderr.write(f"Qt: {message}\n")


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """The .qm files the app loads (`make` builds them; a bare pytest run may not have)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in translations_dir().glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    qInstallMessageHandler(_quiet_platform_notes)


@pytest.fixture(scope="session", autouse=True)
def collect_on_the_gui_thread() -> Iterator[None]:
    """As the app does (desktop.ui.collector): no automatic collection, which could run on
    a worker thread and destroy a Qt object there; the test's own thread collects."""
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    gc.collect()
    if was_enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def machine_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Machine-local settings go to a temp folder, never to the real home."""
    folder = tmp_path / "machine-config"
    monkeypatch.setenv("LIANXIN_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def floor_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slots written during a test use the KDF floor instead of tuning it (0.5–1 s each)."""
    monkeypatch.setattr("desktop.store.workspace.tuned_kdf", lambda *_args: KdfParams())


@pytest.fixture(autouse=True)
def message_boxes() -> Iterator[type[MessageBoxes]]:
    """Every message box is answered "yes" and recorded instead of blocking the test."""
    MessageBoxes.reset()
    MessageBoxes.auto_answer = True
    yield MessageBoxes
    MessageBoxes.reset()


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """`language("en")` switches the installed translators; zh_CN (the default) at start."""
    translators = Translators()
    translators.install("zh_CN")
    yield translators.install
    translators.remove()


@pytest.fixture(scope="session")
def roster_template(tmp_path_factory: pytest.TempPathFactory, workspace_template: Any) -> Path:
    """The session's template data folder plus demo groups and members."""
    folder = tmp_path_factory.mktemp("roster") / "data"
    shutil.copytree(workspace_template.folder, folder)
    ws = Workspace.unlock(folder, workspace_template.admin, workspace_template.password)
    try:
        fill_demo(ws, ROSTER_MEMBERS, seed=7)
    finally:
        ws.close()
    return folder


@pytest.fixture
def data_folder(tmp_path: Path, workspace_template: Any) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(workspace_template.folder, folder)
    return folder


@pytest.fixture
def roster_folder(tmp_path: Path, roster_template: Path) -> Path:
    folder = tmp_path / "roster"
    shutil.copytree(roster_template, folder)
    return folder


def flush_deletes() -> None:
    """Let deleteLater() happen now, so no widget outlives its test."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, 0)
        QApplication.processEvents()


@pytest.fixture
def ops(qapp: QApplication) -> Iterator[Operations]:
    """An operations layer of its own (its database thread is joined at teardown)."""
    operations = Operations()
    yield operations
    operations.shutdown()
    operations.deleteLater()
    flush_deletes()


@pytest.fixture
def open_workspace(qtbot: Any, workspace_template: Any) -> Callable[[Operations, Path], None]:
    """Unlock `folder` as the template's secretary on `ops`' database thread, and wait."""

    template = workspace_template

    def open_(ops: Operations, folder: Path) -> None:
        done: list[object] = []
        ops.open(
            lambda: (ws := Workspace.unlock(folder, template.admin, template.password), ws.user),
            done.append,
        )
        qtbot.waitUntil(lambda: bool(done), timeout=10_000)

    return open_


@pytest.fixture
def controller(
    qapp: QApplication, language: Callable[[str], None]
) -> Iterator[Callable[[Path], AppController]]:
    """Factory for the app's controller on a data folder (fast KDF floor for new slots)."""
    made: list[AppController] = []

    def make(folder: Path) -> AppController:
        app_controller = AppController(folder, kdf=KdfParams())
        made.append(app_controller)
        return app_controller

    yield make
    for app_controller in made:
        app_controller.shutdown()
        app_controller.deleteLater()
    flush_deletes()


@pytest.fixture
def sign_in(qtbot: Any) -> Callable[[AppController, str, str], MainWindow]:
    """Start on the unlock screen, sign in, and return the main window once it is shown."""

    def sign_in_(app_controller: AppController, user: str, password: str) -> MainWindow:
        app_controller.start()
        screen = app_controller.unlock_screen
        assert screen is not None
        screen.user_box.setCurrentIndex(screen.user_box.findData(user))
        screen.password.setText(password)
        with qtbot.waitSignal(app_controller.main_window_shown, timeout=10_000):
            screen.unlock()
        assert app_controller.window is not None
        return app_controller.window

    return sign_in_
