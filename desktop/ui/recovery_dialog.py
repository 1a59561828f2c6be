"""Forgot password: the recovery code written down at setup opens the data and sets a new
password for the chosen user."""

from __future__ import annotations

from pathlib import Path

from desktop.store.errors import LianxinError
from desktop.store.vault import Vault
from desktop.store.workspace import User, Workspace
from desktop.ui.errors import show_error
from desktop.ui.operations import Operations
from desktop.ui.password_fields import PasswordFields
from desktop.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontDatabase,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)


def _recover(folder: Path, code: str, name: str, password: str) -> tuple[Workspace, User]:
    ws = Workspace.recover(folder, code, name, password)
    return ws, ws.user


class RecoveryDialog(QDialog):
    recovered = Signal(object)  # User

    def __init__(
        self, ops: Operations, folder: Path, user_name: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.folder = folder
        self.setWindowTitle(self.tr("Recover access"))
        self.setMinimumWidth(520)
        explain = QLabel(
            self.tr(
                "Type the recovery code that was shown when Lianxin was set up on this "
                "computer, then choose a new password. If the code is lost, ask HQ."
            )
        )
        explain.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("recoveryCode")
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-…")
        self.user_box = QComboBox()
        try:
            names = sorted(s.name for s in Vault.load(folder).users())
        except LianxinError:
            names = []
        for name in names:
            self.user_box.addItem(name, name)
        if user_name:
            self.user_box.setCurrentIndex(max(0, self.user_box.findData(user_name)))
        self.passwords = PasswordFields(label=self.tr("New password"))
        self.passwords.form.insertRow(0, self.tr("Recovery code"), self.code)
        self.passwords.form.insertRow(1, self.tr("User"), self.user_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.passwords)
        layout.addWidget(self.buttons)
        self.code.textChanged.connect(self._update)
        self.passwords.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.code.text().strip()) and self.passwords.acceptable
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def submit(self) -> None:
        folder, code = self.folder, self.code.text()
        name, password = str(self.user_box.currentData()), self.passwords.text()
        self.buttons.setEnabled(False)
        self.ops.open(
            lambda: _recover(folder, code, name, password),
            self._done,
            on_error=self._failed,
            parent=self,
        )

    def _done(self, user: User) -> None:
        self.code.clear()
        self.passwords.clear()
        self.accept()
        self.recovered.emit(user)

    def _failed(self, exc: Exception) -> None:
        self.buttons.setEnabled(True)
        show_error(self, exc)
