"""Marks user-visible strings in Qt-free code for Qt Linguist.

`pyside6-lupdate` finds `QT_TRANSLATE_NOOP(context, text)` calls in any Python file, so
the core marks its messages with this function and the UI translates them at display
time (`QCoreApplication.translate(context, text)`), after which `{placeholders}` are
filled. The core itself never depends on Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    del context
    return text
