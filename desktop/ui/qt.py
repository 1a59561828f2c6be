"""The one module that imports Qt: every other UI module takes its Qt names from here.

Upgrading PySide6, or working around a binding quirk, happens in this file only.
"""

# ruff: noqa: F403
from __future__ import annotations

import PySide6
import shiboken6
from PySide6.QtCore import *
from PySide6.QtCore import QLoggingCategory
from PySide6.QtGui import *  # type: ignore[assignment]  # list aliases shadow QtCore's
from PySide6.QtWidgets import *  # type: ignore[assignment]

# QtMultimedia probes optional system libraries (PipeWire, VA-API) as it loads and logs
# each one it misses; a laptop without them plays media all the same.
QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false")

# Charts (statistics), PDF (reports, study material) and media (lessons) come from the
# PySide6-Addons and PySide6-Pdf wheels; they are used as modules (`QtCharts.QChart`) so
# their names stay apart from the widgets'. Imported here, no packaged build leaves them out.
from PySide6 import QtCharts as QtCharts  # noqa: E402, PLC0414 - re-exported
from PySide6 import QtMultimedia as QtMultimedia  # noqa: E402, PLC0414
from PySide6 import QtMultimediaWidgets as QtMultimediaWidgets  # noqa: E402, PLC0414
from PySide6 import QtPdf as QtPdf  # noqa: E402, PLC0414
from PySide6 import QtPdfWidgets as QtPdfWidgets  # noqa: E402, PLC0414

PYSIDE_VERSION: str = PySide6.__version__


def qt_object_alive(obj: object) -> bool:
    """False once the C++ side of a Qt object was deleted (a closed window's widgets)."""
    return bool(shiboken6.isValid(obj))
