"""Where the app's files are (icons, translations), from a source tree or a frozen build."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

from desktop.ui.qt import QIcon


@functools.cache
def resources_dir() -> Path:
    """`resources/` beside the package, or inside a PyInstaller bundle (sys._MEIPASS)."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def translations_dir() -> Path:
    return resources_dir() / "translations"


@functools.cache
def icon(name: str) -> QIcon:
    """An icon from resources/icons by name without extension ("members" → members.svg)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
