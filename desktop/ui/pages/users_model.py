"""The local users of this computer, as a small table (loaded whole: a handful of rows)."""

from __future__ import annotations

from typing import Any

from desktop.domain.users import Account
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.ui.i18n import role_label
from desktop.ui.qt import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

CONTEXT = "UsersModel"
HEADERS = (
    QT_TRANSLATE_NOOP("UsersModel", "User name"),
    QT_TRANSLATE_NOOP("UsersModel", "Role"),
    QT_TRANSLATE_NOOP("UsersModel", "Sign-in"),
)
ACCOUNT_ROLE = Qt.ItemDataRole.UserRole + 1


#: The invisible root: a table's rows have no parent.
ROOT = QModelIndex()


class UsersModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts: list[Account] = []
        self.current_user_id = ""

    def set_accounts(self, accounts: list[Account]) -> None:
        self.beginResetModel()
        self._accounts = list(accounts)
        self.endResetModel()

    def account(self, row: int) -> Account | None:
        return self._accounts[row] if 0 <= row < len(self._accounts) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._accounts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        account = self.account(index.row()) if index.isValid() else None
        if account is None:
            return None
        if role == ACCOUNT_ROLE:
            return account.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            if account.id == self.current_user_id:
                return QCoreApplication.translate("UsersModel", "{name} (you)").format(
                    name=account.name
                )
            return account.name
        if column == 1:
            return role_label(account.role)
        if account.locked:
            return QCoreApplication.translate("UsersModel", "Locked: needs a new password")
        return QCoreApplication.translate("UsersModel", "Can sign in")

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
