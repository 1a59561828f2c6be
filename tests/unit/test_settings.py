"""Settings: a damaged or hand-edited file never stops the app, writes are atomic, and
machine-local settings never travel with the data folder."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from desktop.settings import (
    ALL,
    AUTO_LOCK_MINUTES,
    DATA_DIR,
    LANGUAGE,
    LAST_USER,
    SETTINGS_FILE,
    WINDOW_GEOMETRY,
    Settings,
    default_data_dir,
)
from desktop.store.files import write_atomic


@pytest.fixture
def machine_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("LIANXIN_CONFIG_DIR", str(folder))
    return folder


def test_defaults_without_a_file(tmp_path: Path, machine_dir: Path) -> None:
    portable = Settings.for_data_dir(tmp_path)
    assert portable.get(LANGUAGE) == "zh_CN"
    assert portable.get(AUTO_LOCK_MINUTES) == 5
    assert Settings.machine().get(DATA_DIR) == ""
    assert not (tmp_path / SETTINGS_FILE).exists()  # reading never writes


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (LANGUAGE, "fr"),
        (LANGUAGE, 1),
        (LANGUAGE, None),
        (AUTO_LOCK_MINUTES, 0),
        (AUTO_LOCK_MINUTES, 241),
        (AUTO_LOCK_MINUTES, -5),
        (AUTO_LOCK_MINUTES, "5"),
        (AUTO_LOCK_MINUTES, 5.0),
        (AUTO_LOCK_MINUTES, True),  # bool is an int in Python, never a minute count
        (AUTO_LOCK_MINUTES, [5]),
    ],
)
def test_bad_stored_values_fall_back_to_the_default(
    tmp_path: Path, setting: Any, value: Any
) -> None:
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({setting.key: value}))
    assert Settings.for_data_dir(tmp_path).get(setting) == setting.default


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'"text"', b"\xff\xfe", b""])
def test_an_unreadable_file_gives_defaults(tmp_path: Path, content: bytes) -> None:
    (tmp_path / SETTINGS_FILE).write_bytes(content)
    s = Settings.for_data_dir(tmp_path)
    assert s.get(LANGUAGE) == "zh_CN"
    s.set(LANGUAGE, "en")  # and it can be repaired by saving
    assert Settings.for_data_dir(tmp_path).get(LANGUAGE) == "en"


def test_values_survive_a_restart(tmp_path: Path) -> None:
    s = Settings.for_data_dir(tmp_path)
    s.set(LANGUAGE, "en")
    s.set(AUTO_LOCK_MINUTES, 30)
    again = Settings.for_data_dir(tmp_path)
    assert (again.get(LANGUAGE), again.get(AUTO_LOCK_MINUTES)) == ("en", 30)


def test_invalid_values_are_refused_and_not_written(tmp_path: Path) -> None:
    s = Settings.for_data_dir(tmp_path)
    s.set(AUTO_LOCK_MINUTES, 10)
    before = (tmp_path / SETTINGS_FILE).read_bytes()
    for setting, value in [(AUTO_LOCK_MINUTES, 0), (AUTO_LOCK_MINUTES, True), (LANGUAGE, "de")]:
        with pytest.raises(ValueError, match="invalid"):
            s.set(setting, value)
    assert (tmp_path / SETTINGS_FILE).read_bytes() == before


def test_unknown_keys_in_the_file_are_kept(tmp_path: Path) -> None:
    """A newer Lianxin's settings survive a session with this one."""
    (tmp_path / SETTINGS_FILE).write_text(json.dumps({"future_option": [1, 2]}))
    Settings.for_data_dir(tmp_path).set(LANGUAGE, "en")
    assert json.loads((tmp_path / SETTINGS_FILE).read_text())["future_option"] == [1, 2]


def test_machine_and_portable_settings_are_kept_apart(tmp_path: Path, machine_dir: Path) -> None:
    data = tmp_path / "data"
    portable = Settings.for_data_dir(data)
    machine = Settings.machine()
    for local in (DATA_DIR, LAST_USER, WINDOW_GEOMETRY):
        assert not local.portable
        with pytest.raises(ValueError, match="machine"):
            portable.set(local, "x")
        with pytest.raises(ValueError, match="machine"):
            portable.get(local)
    for travelling in (LANGUAGE, AUTO_LOCK_MINUTES):
        with pytest.raises(ValueError, match="data folder"):
            machine.set(travelling, travelling.default)
    machine.set(LAST_USER, "书记")
    machine.set(DATA_DIR, str(data))
    portable.set(LANGUAGE, "en")
    assert json.loads((machine_dir / SETTINGS_FILE).read_text()) == {
        "data_dir": str(data),
        "last_user": "书记",
    }
    assert json.loads((data / SETTINGS_FILE).read_text()) == {"language": "en"}


def test_chosen_data_folder_is_the_default(tmp_path: Path, machine_dir: Path) -> None:
    assert default_data_dir() != tmp_path / "chosen"
    Settings.machine().set(DATA_DIR, str(tmp_path / "chosen"))
    assert default_data_dir() == tmp_path / "chosen"


def test_every_setting_is_declared_once_with_a_valid_default() -> None:
    keys = [s.key for s in ALL]
    assert len(keys) == len(set(keys))
    for s in ALL:
        assert s.coerce(s.default) == s.default
        assert s.label


# --- atomic writes ---------------------------------------------------------------------


def test_write_atomic_replaces_and_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "file.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["file.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    s = Settings.for_data_dir(tmp_path)
    s.set(LANGUAGE, "en")
    before = (tmp_path / SETTINGS_FILE).read_bytes()

    def power_cut(src: Any, dst: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", power_cut)
    with pytest.raises(OSError, match="disk full"):
        s.set(AUTO_LOCK_MINUTES, 60)
    monkeypatch.undo()
    assert (tmp_path / SETTINGS_FILE).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]


def test_write_atomic_syncs_before_renaming(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(tmp_path / "x", b"data")
    assert events[:2] == ["fsync", "replace"]
    if os.name == "posix":
        assert events == ["fsync", "replace", "fsync"]  # and the folder, for the rename
