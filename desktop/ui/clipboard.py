"""Copying to the clipboard, remembering what we put there so that locking can clear it."""

from __future__ import annotations

import hashlib

from desktop.ui.qt import QGuiApplication


class ClipboardGuard:
    def __init__(self) -> None:
        # A digest, not the text: what was copied may be an ID number.
        self._ours: bytes | None = None

    @staticmethod
    def _digest(text: str) -> bytes:
        return hashlib.sha256(text.encode("utf-8")).digest()

    def copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._ours = self._digest(text)

    def holds_ours(self) -> bool:
        return (
            self._ours is not None
            and self._digest(QGuiApplication.clipboard().text()) == self._ours
        )

    def clear(self) -> None:
        """Empty the clipboard if it still holds what we copied (not what others did)."""
        if self.holds_ours():
            QGuiApplication.clipboard().clear()
        self._ours = None
