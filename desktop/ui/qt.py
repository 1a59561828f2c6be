"""The one module that imports Qt: every other UI module takes its Qt names from here.

Upgrading PySide6, or working around a binding quirk, happens in this file only.
"""

# ruff: noqa: F403
from __future__ import annotations

import PySide6
import shiboken6
from PySide6.QtCore import *
from PySide6.QtGui import *  # type: ignore[assignment]  # list aliases shadow QtCore's
from PySide6.QtWidgets import *  # type: ignore[assignment]

PYSIDE_VERSION: str = PySide6.__version__


def qt_object_alive(obj: object) -> bool:
    """False once the C++ side of a Qt object was deleted (a closed window's widgets)."""
    return bool(shiboken6.isValid(obj))
