"""Dialogs that stay open until their work succeeded, so a refused entry can be corrected."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from desktop.store.workspace import Workspace
from desktop.ui.errors import show_error
from desktop.ui.operations import Operations
from desktop.ui.qt import QDialog, QDialogButtonBox, QPushButton, QWidget, Signal

T = TypeVar("T")


class FormDialog(QDialog):
    """OK emits `submitted`; the owner then calls `write()`, which closes the dialog when
    the write succeeded and shows the error (dialog still open) when it did not."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def set_waiting(self, waiting: bool) -> None:
        self.buttons.setEnabled(not waiting)

    def write(
        self,
        ops: Operations,
        fn: Callable[[Workspace], T],
        on_done: Callable[[T], None] | None = None,
    ) -> None:
        def done(result: T) -> None:
            self.set_waiting(False)
            if on_done is not None:
                on_done(result)
            self.accept()

        def failed(exc: Exception) -> None:
            self.set_waiting(False)
            show_error(self, exc)

        self.set_waiting(True)
        ops.write(fn, done, on_error=failed, parent=self)
