"""The packaged app checks itself: `lianxin --self-test` runs every check of an installation
(encryption, search, translations, the Qt modules reports, charts and media need) with
no display, and answers 0 only when all pass.

From source it always runs. The frozen build (dist/lianxin, `make dist`) is tested when it
exists, or when LIANXIN_TEST_DIST=1, which builds it first if needed (`make test-dist`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import APP_NAME, __version__
from desktop.store.vault import KdfParams
from desktop.store.workspace import Setup, Workspace

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "dist" / "lianxin"
#: On Windows the windowed lianxin.exe has no stdout: its console twin prints the checks.
FROZEN = DIST / ("lianxin-console.exe" if sys.platform == "win32" else "lianxin")
#: Every check the self-test must report, in order.
CHECKS = (
    "SQLCipher 4",
    "FTS5 full-text search",
    "create an encrypted data folder",
    "wrong password refused",
    "unlock with the password",
    "read back and search",
    "encrypted on disk",
    "integrity_check",
    "cipher_integrity_check",
    "audit chain",
    "Qt",
    "translation zh_CN",
    "Qt's own translation zh_CN",
    "SVG icons",
    "QtPdf",
    "QtCharts",
    "QtMultimedia",
)
CHECK_LINE = re.compile(r"^  (ok  |FAIL)  (.+?)(?:: (.*))?$")
#: Python packages and Qt modules that have no place in the desktop app's bundle.
NOT_BUNDLED = ("hq", "fastapi", "uvicorn", "sqlalchemy", "psycopg", "tkinter", "pytest")
NOT_BUNDLED_QT = ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtDesigner", "QtBluetooth")
#: Generous: the goal is 3 s on a developer's machine; a loaded CI machine gets slack.
START_LIMIT_S = 20.0


def run_self_test(*command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*command, "--self-test"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )


def assert_all_checks_pass(result: subprocess.CompletedProcess[str]) -> None:
    output = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    lines = result.stdout.splitlines()
    assert lines, output
    assert re.fullmatch(
        rf"{APP_NAME} {re.escape(__version__)} \(commit \S+, built .+\)", lines[0]
    ), output
    found = {}
    for line in lines[1:]:
        match = CHECK_LINE.match(line)
        if match:
            found[match[2]] = (match[1] == "ok  ", match[3] or "")
    assert tuple(found) == CHECKS, output
    failed = [name for name, (ok, _detail) in found.items() if not ok]
    assert not failed, output
    assert lines[-1] == "All checks passed.", output
    assert result.returncode == 0, output
    assert found["SQLCipher 4"][1].startswith("SQLCipher 4."), output
    assert "关于连心" in found["translation zh_CN"][1], output


@pytest.fixture(scope="module")
def compiled_translations() -> None:
    """The .qm files (`make` compiles them; a bare pytest run may not have)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in (REPO / "resources" / "translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.mark.usefixtures("compiled_translations")
@pytest.mark.parametrize(
    "command",
    [("-m", "desktop"), (str(REPO / "desktop" / "app.py"),)],
    ids=["python -m desktop", "python desktop/app.py"],
)
def test_self_test_from_source(command: tuple[str, ...]) -> None:
    assert_all_checks_pass(run_self_test(sys.executable, *command))


# --- the frozen build ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def frozen() -> Path:
    """dist/lianxin's executable; built first when LIANXIN_TEST_DIST=1 and it is missing."""
    if not FROZEN.exists():
        if os.environ.get("LIANXIN_TEST_DIST") != "1":
            pytest.skip("no frozen build: run `make test-dist` (or set LIANXIN_TEST_DIST=1)")
        subprocess.run(["make", "dist"], cwd=REPO, check=True, timeout=1800)
    assert FROZEN.exists()
    return FROZEN


@pytest.fixture
def data_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "data"
    ws, _code = Workspace.create(
        folder, Setup("自检委员会", "自检支部", "secretary", "frozen-start-1"), kdf=KdfParams()
    )
    ws.close()
    yield folder


@pytest.mark.slow
@pytest.mark.timeout(1800)  # may build the bundle first
def test_frozen_self_test(frozen: Path) -> None:
    assert_all_checks_pass(run_self_test(str(frozen)))


@pytest.mark.slow
def test_frozen_app_reaches_the_unlock_screen(
    frozen: Path, data_folder: Path, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LIANXIN_CONFIG_DIR": str(tmp_path / "machine-config"),
    }
    start = time.perf_counter()
    result = subprocess.run(
        [str(frozen), "--data-dir", str(data_folder), "--quit-after-start"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    took = time.perf_counter() - start
    assert result.returncode == 0, result.stderr
    assert took < START_LIMIT_S
    log = (data_folder / "logs" / "lianxin.log").read_text("utf-8")
    assert "first screen painted" in log


@pytest.mark.slow
def test_frozen_build_is_stamped_and_ships_its_files(frozen: Path) -> None:
    internal = DIST / "_internal"
    stamp = json.loads((internal / "desktop" / "_build_info.json").read_text("utf-8"))
    assert stamp["version"] == __version__
    assert re.fullmatch(r"[0-9a-f]{7,}(-dirty)?|unknown", stamp["commit"])
    assert (internal / "resources" / "translations" / "lianxin_zh_CN.qm").exists()
    assert (internal / "resources" / "icons" / "lianxin.svg").exists()
    if sys.platform.startswith("linux"):
        desktop_entry = (DIST / "lianxin.desktop").read_text("utf-8")
        assert "Exec=lianxin" in desktop_entry
        assert "Icon=lianxin" in desktop_entry
        assert (DIST / "lianxin.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert os.access(DIST / "install-desktop-entry.sh", os.X_OK)
    bundled_qt = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.*")}
    assert {"QtCharts", "QtPdf", "QtMultimedia"} <= bundled_qt
    assert not bundled_qt & set(NOT_BUNDLED_QT)


@pytest.mark.slow
def test_frozen_build_leaves_out_what_the_desktop_app_does_not_use(frozen: Path) -> None:
    readers = pytest.importorskip("PyInstaller.archive.readers")
    package = readers.CArchiveReader(str(frozen))
    pyz_name = next(name for name in package.toc if name.startswith("PYZ"))
    modules = set(package.open_embedded_archive(pyz_name).toc)
    tops = {name.split(".")[0] for name in modules}
    assert "desktop" in tops
    assert not tops & set(NOT_BUNDLED)
