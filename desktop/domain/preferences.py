"""Changing preferences: who may change which setting (the settings dialog calls these)."""

from __future__ import annotations

from pathlib import Path

from desktop import settings
from desktop.domain.access import Action, require
from desktop.store.workspace import User


def set_language(portable: settings.Settings, language: str) -> None:
    """Any user may choose the language; it applies at the next start."""
    portable.set(settings.LANGUAGE, language)


def set_auto_lock_minutes(portable: settings.Settings, minutes: int) -> None:
    portable.set(settings.AUTO_LOCK_MINUTES, minutes)


def set_data_folder(user: User, machine: settings.Settings, folder: Path) -> None:
    """Which data folder this computer opens at the next start (the secretary decides)."""
    require(user, Action.CHANGE_SETTINGS)
    machine.set(settings.DATA_DIR, str(folder))
