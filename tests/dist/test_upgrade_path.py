"""Between builds: an older Lianxin refuses data written by a newer one, says "update
Lianxin", and leaves every byte of the data folder as it was.

The other direction, a newer build opening data made by an older one, is
tests/unit/test_migrations.py: it upgrades a fixture data folder of every past schema
version (tests/fixtures/vaults/vN) and checks that nothing is lost.

Here the refusal is tested where users meet it, the unlock screen and `lianxin-cli`, in
three forms: data whose schema version is above this build's (as a future migration
leaves it), the same kept in a rollback journal rather than WAL (opening must not switch
it to WAL before checking), and this build's own data opened by a simulated older build
that knows one migration fewer.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop import cli
from desktop.store import db as db_module
from desktop.store import migrations, schema
from desktop.store.schema import SCHEMA_VERSION
from desktop.store.vault import VAULT_FILE, KdfParams
from desktop.store.workspace import DB_FILE, Workspace
from desktop.ui.controller import AppController
from desktop.ui.i18n import Translators
from desktop.ui.messages import MessageBoxes
from desktop.ui.qt import QApplication, QCoreApplication

SCENARIOS = ("newer data", "newer data, rollback journal", "older build")


@dataclass(frozen=True)
class Case:
    folder: Path
    user: str
    password: str
    found: int
    supported: int
    #: sha256 of every file in the folder before the attempt, by relative path.
    before: dict[str, str]
    #: Connections that were configured (journal_mode = WAL …) during the attempt.
    configured: list[Any]


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_untouched(case: Case) -> None:
    after = digest(case.folder)
    assert set(after) == {DB_FILE, VAULT_FILE}, "no -wal or -shm file is left behind"
    assert after == case.before, "the database and vault.json are byte for byte the same"
    assert case.configured == [], "no pragma was set on the refused database"


@pytest.fixture(params=SCENARIOS)
def case(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    workspace_template: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> Case:
    folder = tmp_path / "data"
    shutil.copytree(workspace_template.folder, folder)
    found, supported = SCHEMA_VERSION + 1, SCHEMA_VERSION
    if request.param == "older build":
        found, supported = SCHEMA_VERSION, SCHEMA_VERSION - 1
    else:
        ws = Workspace.unlock(folder, workspace_template.admin, workspace_template.password)
        # What a newer build's migration leaves behind.
        ws.db.execute(f"PRAGMA user_version = {found}")
        if request.param == "newer data, rollback journal":
            ws.db.execute("PRAGMA journal_mode = DELETE")
        ws.close()
    before = digest(folder)
    assert set(before) == {DB_FILE, VAULT_FILE}

    if request.param == "older build":
        # This build, as the one before it: one migration fewer.
        monkeypatch.setattr(schema, "SCHEMA_VERSION", supported)
        monkeypatch.setattr(migrations, "SCHEMA_VERSION", supported)
        monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:supported])
    configured: list[Any] = []
    real_configure = db_module.configure

    def spy(conn: Any) -> None:
        configured.append(conn)
        real_configure(conn)

    monkeypatch.setattr(db_module, "configure", spy)
    monkeypatch.setenv("LIANXIN_CONFIG_DIR", str(tmp_path / "machine-config"))
    return Case(
        folder,
        workspace_template.admin,
        workspace_template.password,
        found,
        supported,
        before,
        configured,
    )


def test_the_cli_says_update_and_changes_nothing(
    case: Case, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.ENV_PASSWORD, case.password)
    status = cli.main(["--data-dir", str(case.folder), "--user", case.user, "members", "list"])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert "written by a newer version of Lianxin" in err
    assert f"format {case.found}; this version understands up to {case.supported}" in err
    assert "Nothing was changed. Update Lianxin to open it." in err
    assert_untouched(case)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = Translators()
    translators.install("zh_CN")
    MessageBoxes.reset()
    MessageBoxes.auto_answer = True
    yield
    MessageBoxes.reset()
    translators.remove()


@pytest.mark.usefixtures("chinese")
def test_the_unlock_screen_says_update_and_changes_nothing(qtbot: Any, case: Case) -> None:
    controller = AppController(case.folder, kdf=KdfParams())
    try:
        controller.start()
        screen = controller.unlock_screen
        assert screen is not None
        screen.user_box.setCurrentIndex(screen.user_box.findData(case.user))
        screen.password.setText(case.password)
        screen.unlock()
        qtbot.waitUntil(screen.error.isVisible, timeout=10_000)
        text = screen.error.text()
        assert "这些数据由更新版本的连心写入" in text
        assert f"格式 {case.found}；本版本最高支持 {case.supported}" in text
        assert "未做任何改动" in text
        assert "请升级连心后再打开" in text
        assert controller.window is None
        assert MessageBoxes.shown == [], "shown on the screen, not as an unexpected error"
        assert screen.unlock_button.isEnabled(), "the user can try again after updating"
    finally:
        controller.shutdown()  # joins the database thread
        controller.deleteLater()
        QCoreApplication.sendPostedEvents(None, 0)
    assert_untouched(case)
