"""The Users page (secretary): who may use this computer, with which role and password."""

from __future__ import annotations

from desktop.domain import users
from desktop.domain.access import Role
from desktop.domain.users import Account
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.workspace import Workspace
from desktop.ui import messages
from desktop.ui.navigation import AppContext, Page, PageSpec
from desktop.ui.pages.user_dialogs import AddUserDialog, ChangeRoleDialog, NewPasswordDialog
from desktop.ui.pages.users_model import UsersModel
from desktop.ui.qt import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from desktop.ui.resources import icon


class UsersPage(Page):
    watches = frozenset({"users"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = UsersModel(self)
        self.model.current_user_id = ctx.user.id
        title = QLabel(self.tr("Users of this computer"))
        title.setObjectName("pageTitle")
        explain = QLabel(
            self.tr(
                "Everyone who uses Lianxin on this computer signs in as their own user. "
                "Passwords are never stored: each one unlocks its own copy of the key to the "
                "encrypted records."
            )
        )
        explain.setObjectName("pageSubtitle")
        explain.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(icon("add"), self.tr("Add user…"))
        self.password_button = QPushButton(self.tr("Set new password…"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.remove_button = QPushButton(self.tr("Remove user…"))
        self.add_button.clicked.connect(self.add_user)
        self.password_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.remove_button.clicked.connect(self.remove_user)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.password_button, self.role_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    # --- data --------------------------------------------------------------------------

    def refresh(self) -> None:
        self.ctx.ops.query(users.list_users, self._show, parent=self)

    def _show(self, accounts: list[Account]) -> None:
        selected = self.selected()
        self.model.set_accounts(accounts)
        for row, account in enumerate(accounts):
            if selected is not None and account.id == selected.id:
                self.table.selectRow(row)
        self._update_buttons()

    def clear(self) -> None:
        self.model.set_accounts([])

    def selected(self) -> Account | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.account(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        account = self.selected()
        for button in (self.password_button, self.role_button):
            button.setEnabled(account is not None)
        # Removing yourself while signed in would end your own session from under you.
        self.remove_button.setEnabled(account is not None and account.id != self.ctx.user.id)

    # --- actions (the domain checks that the user may do each of them) -----------------

    def add_user(self) -> None:
        dialog = AddUserDialog(self)

        def submit() -> None:
            name, role = dialog.name.text(), str(dialog.role.currentData())
            password = dialog.passwords.text()

            def write(ws: Workspace) -> str:
                return users.add_user(ws, name, role, password)

            dialog.write(self.ctx.ops, write)

        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = NewPasswordDialog(account.name, self)

        def submit() -> None:
            password = dialog.passwords.text()

            def write(ws: Workspace) -> None:
                users.reset_password(ws, account.id, password)

            dialog.write(self.ctx.ops, write, lambda _none: self.refresh())

        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        dialog = ChangeRoleDialog(account.name, account.role, self)

        def submit() -> None:
            role = str(dialog.role.currentData())

            def write(ws: Workspace) -> None:
                users.set_role(ws, account.id, role)

            dialog.write(self.ctx.ops, write)

        dialog.submitted.connect(submit)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def remove_user(self) -> None:
        account = self.selected()
        if account is None:
            return
        if not messages.ask(
            self,
            self.tr("Remove user"),
            self.tr("Remove {name} from this computer?").format(name=account.name),
            self.tr("They will no longer be able to sign in here. Records they wrote are kept."),
        ):
            return

        def write(ws: Workspace) -> None:
            users.remove_user(ws, account.id)

        self.ctx.ops.write(write, parent=self)


PAGE = PageSpec(
    key="users",
    title=QT_TRANSLATE_NOOP("Pages", "Users"),
    icon="users",
    factory=UsersPage,
    visible_for=frozenset({Role.SECRETARY}),
    order=90,
)
