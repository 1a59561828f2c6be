"""Settings, declared once in a typed registry.

Portable settings (language, auto-lock) live in `settings.json` inside the data folder and
travel with it. Machine-local ones (which data folder to open, window geometry) live in
the platform's config folder and never in the data folder. Neither holds personal data.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

import platformdirs

from desktop.store.files import write_atomic
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N

log = logging.getLogger(__name__)

T = TypeVar("T")
APP_DIR_NAME = "Lianxin"
SETTINGS_FILE = "settings.json"
LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    label: str
    #: Portable settings travel with the data folder; local ones stay on this machine.
    portable: bool = True
    choices: tuple[T, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None

    def coerce(self, value: Any) -> T:
        """The stored value if it is valid, else the default (a hand-edited file never
        stops the app from starting)."""
        if isinstance(value, bool) and self.type is not bool:
            return self.default
        if not isinstance(value, self.type):
            return self.default
        if self.choices is not None and value not in self.choices:
            return self.default
        if isinstance(value, int) and (
            (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
        ):
            return self.default
        return value


LANGUAGE = Setting("language", str, "zh_CN", _N("Settings", "Language"), choices=LANGUAGES)
AUTO_LOCK_MINUTES = Setting(
    "auto_lock_minutes", int, 5, _N("Settings", "Lock after idle minutes"), minimum=1, maximum=240
)
DATA_DIR = Setting("data_dir", str, "", _N("Settings", "Data folder"), portable=False)
LAST_USER = Setting("last_user", str, "", _N("Settings", "Last user"), portable=False)
WINDOW_GEOMETRY = Setting(
    "window_geometry", str, "", _N("Settings", "Window geometry"), portable=False
)

ALL: tuple[Setting[Any], ...] = (LANGUAGE, AUTO_LOCK_MINUTES, DATA_DIR, LAST_USER, WINDOW_GEOMETRY)


def default_data_dir() -> Path:
    """The platform's user data folder, unless a data folder was chosen in settings."""
    chosen = Settings.machine().get(DATA_DIR)
    return Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_DIR_NAME, False))


def machine_config_dir() -> Path:
    override = os.environ.get("LIANXIN_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_DIR_NAME, False))


class Settings:
    """Values of one settings file; reads tolerate damage, writes are atomic."""

    def __init__(self, path: Path, *, portable: bool) -> None:
        self.path = path
        self.portable = portable
        self._values: dict[str, Any] = {}
        try:
            loaded = json.loads(path.read_text("utf-8"))
            if isinstance(loaded, dict):
                self._values = loaded
        except FileNotFoundError:
            pass
        except ValueError:
            log.warning("settings file %s is unreadable; using defaults", path.name)

    @classmethod
    def for_data_dir(cls, folder: Path) -> Settings:
        return cls(folder / SETTINGS_FILE, portable=True)

    @classmethod
    def machine(cls) -> Settings:
        return cls(machine_config_dir() / SETTINGS_FILE, portable=False)

    def get(self, setting: Setting[T]) -> T:
        self._check(setting)
        return setting.coerce(self._values.get(setting.key, setting.default))

    def set(self, setting: Setting[T], value: T) -> None:
        self._check(setting)
        if setting.coerce(value) != value:
            raise ValueError(f"invalid value for {setting.key}")
        self._values[setting.key] = value
        write_atomic(self.path, json.dumps(self._values, indent=1, sort_keys=True).encode())

    def _check(self, setting: Setting[Any]) -> None:
        if setting.portable != self.portable:
            where = "data folder" if setting.portable else "machine"
            raise ValueError(f"{setting.key} is kept in the {where} settings")
