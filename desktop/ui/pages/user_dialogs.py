"""Dialogs of the Users page: add a user, set a new password, change a role."""

from __future__ import annotations

from desktop.domain.access import Role
from desktop.ui.form_dialog import FormDialog
from desktop.ui.i18n import role_label
from desktop.ui.password_fields import PasswordFields
from desktop.ui.qt import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


def _role_box(current: str | None = None) -> QComboBox:
    box = QComboBox()
    for role in Role:
        box.addItem(role_label(role.value), role.value)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class AddUserDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add user"))
        self.setMinimumWidth(440)
        self.name = QLineEdit()
        self.name.setMaxLength(32)
        self.role = _role_box(Role.OFFICER.value)
        self.passwords = PasswordFields()
        explain = QLabel(
            self.tr(
                "Each person who uses this computer gets their own user and password. "
                "Officers keep the records; members see their own record and study."
            )
        )
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        self.passwords.form.insertRow(0, self.tr("User name"), self.name)
        self.passwords.form.insertRow(1, self.tr("Role"), self.role)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.passwords)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self.passwords.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.name.text().strip()) and self.passwords.acceptable
        self.ok_button.setEnabled(ok)


class NewPasswordDialog(FormDialog):
    def __init__(self, user_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Set a new password"))
        self.setMinimumWidth(440)
        explain = QLabel(
            self.tr(
                "Set a new password for {name}. Tell it to them in person; "
                "they can change it afterwards."
            ).format(name=user_name)
        )
        explain.setWordWrap(True)
        self.passwords = PasswordFields(label=self.tr("New password"))
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.passwords)
        layout.addWidget(self.buttons)
        self.passwords.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.passwords.acceptable)


class ChangeRoleDialog(FormDialog):
    def __init__(self, user_name: str, current_role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change role"))
        self.setMinimumWidth(380)
        self.role = _role_box(current_role)
        explain = QLabel(self.tr("What may {name} do on this computer?").format(name=user_name))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)


class ChangeOwnPasswordDialog(FormDialog):
    """Any user may change their own password, typing the current one first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(440)
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwords = PasswordFields(label=self.tr("New password"))
        self.passwords.form.insertRow(0, self.tr("Current password"), self.current)
        layout = QVBoxLayout(self)
        layout.addWidget(self.passwords)
        layout.addWidget(self.buttons)
        self.current.textChanged.connect(self._update)
        self.passwords.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.current.text()) and self.passwords.acceptable
        self.ok_button.setEnabled(ok)
