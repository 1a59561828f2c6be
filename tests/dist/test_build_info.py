"""Which build this is: the stamp the spec writes, what a source tree reports instead
(with or without git), and the About dialog that shows it for support calls."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop import __version__, build_info
from desktop.build_info import SOURCE_TREE, UNKNOWN, BuildInfo, read_build_info
from desktop.store.workspace import Workspace
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.i18n import Translators
from desktop.ui.operations import Operations
from desktop.ui.qt import QApplication, QCoreApplication

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    build_info.build_info.cache_clear()
    yield
    build_info.build_info.cache_clear()


def test_the_stamp_a_build_writes_is_what_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    stamp = tmp_path / "_build_info.json"
    written = build_info.write_build_info(stamp, "1.2.3", REPO)
    assert json.loads(stamp.read_text("utf-8"))["version"] == "1.2.3"
    assert written.date == "2026-01-01T00:00:00+00:00"
    assert written.display_date == "2026-01-01 00:00 UTC"
    if shutil.which("git") and (REPO / ".git").exists():
        assert written.commit != UNKNOWN
    monkeypatch.setattr(build_info, "STAMP_PATH", stamp)
    assert build_info.build_info() == written


def test_a_source_tree_asks_git(fresh_cache: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_info, "STAMP_PATH", REPO / "no-such-stamp.json")
    info = build_info.build_info()
    assert info.version == __version__
    assert info.date == SOURCE_TREE
    if shutil.which("git") and (REPO / ".git").exists():
        assert info.commit.removesuffix("-dirty").isalnum()


def test_without_git_the_commit_is_unknown_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_cache: None
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on it
    monkeypatch.setattr(build_info, "STAMP_PATH", tmp_path / "none.json")
    assert build_info.build_info().commit == UNKNOWN
    assert build_info.git_commit(tmp_path) == UNKNOWN


def test_a_damaged_stamp_is_ignored(tmp_path: Path) -> None:
    stamp = tmp_path / "_build_info.json"
    stamp.write_text("{not json", "utf-8")
    assert read_build_info(stamp) is None
    stamp.write_text(json.dumps({"version": "1"}), "utf-8")
    assert read_build_info(stamp) is None


# --- the About dialog ---------------------------------------------------------------------


@pytest.fixture
def opened(
    qapp: QApplication, qtbot: Any, tmp_path: Path, workspace_template: Any
) -> Iterator[Operations]:
    """Operations with the template's data folder unlocked, in Chinese."""
    translators = Translators()
    translators.install("zh_CN")
    folder = tmp_path / "data"
    shutil.copytree(workspace_template.folder, folder)
    ops = Operations()
    done: list[object] = []
    ops.open(
        lambda: (
            ws := Workspace.unlock(folder, workspace_template.admin, workspace_template.password),
            ws.user,
        ),
        done.append,
    )
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    yield ops
    ops.shutdown()
    ops.deleteLater()
    translators.remove()
    QCoreApplication.sendPostedEvents(None, 0)


def test_the_about_dialog_shows_the_build(
    opened: Operations, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamped = BuildInfo(version="9.8.7", commit="abc1234", date="2026-03-01T14:05:00+00:00")
    monkeypatch.setattr("desktop.ui.about_dialog.build_info", lambda: stamped)
    dialog = AboutDialog(opened)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于连心"
    assert dialog.version.text() == "9.8.7"
    assert dialog.build_date.text() == "2026-03-01 14:05 UTC"
    assert dialog.commit.text() == "abc1234"
    qtbot.waitUntil(lambda: dialog.sqlcipher.text().startswith("4."), timeout=10_000)


def test_the_about_dialog_says_when_it_runs_from_source(
    opened: Operations, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = BuildInfo(version=__version__, commit="abc1234-dirty", date=SOURCE_TREE)
    monkeypatch.setattr("desktop.ui.about_dialog.build_info", lambda: source)
    dialog = AboutDialog(opened)
    qtbot.addWidget(dialog)
    assert dialog.build_date.text() == "源代码运行"
    assert dialog.commit.text() == "abc1234-dirty"
    qtbot.waitUntil(lambda: dialog.sqlcipher.text() != "…", timeout=10_000)
