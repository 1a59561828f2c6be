"""Local users of this computer: accounts, roles, passwords (key slots)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.access import Action, Role, require
from desktop.store.errors import InvalidInput, LastSecretary, UserExists
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.ids import new_id
from desktop.store.vault import check_password, check_user_name
from desktop.store.workspace import Workspace

TABLE = "users"


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    role: str
    member_id: str | None
    locked: bool


def list_users(ws: Workspace) -> list[Account]:
    locked = {s.user_id: s.locked for s in ws.vault.users()}
    return [
        Account(r["id"], r["name"], r["role"], r["member_id"], locked.get(r["id"], False))
        for r in ws.records.query(TABLE, order_by="name")
    ]


def add_user(
    ws: Workspace, name: str, role: str, password: str, member_id: str | None = None
) -> str:
    require(ws.user, Action.MANAGE_USERS)
    name = check_user_name(name)
    if role not in {r.value for r in Role}:
        raise InvalidInput(_N("Errors", "Unknown role {role}."), role=role)
    check_password(password)
    if any(a.name == name for a in list_users(ws)):
        raise UserExists(user=name)
    user_id = new_id()
    with ws.records.transaction():
        ws.records.insert(
            TABLE,
            {"name": name, "role": role, "member_id": member_id},
            owner_org=ws.org_id,
            row_id=user_id,
        )
        # The slot is written last, inside the transaction: if it fails, no user row.
        ws.add_slot(user_id, name, password)
    return user_id


def set_role(ws: Workspace, user_id: str, role: str) -> None:
    require(ws.user, Action.MANAGE_USERS)
    if role not in {r.value for r in Role}:
        raise InvalidInput(_N("Errors", "Unknown role {role}."), role=role)
    account = _account(ws, user_id)
    if account.role == Role.SECRETARY and role != Role.SECRETARY:
        _keep_a_secretary(ws, account)
    with ws.records.transaction():
        ws.records.update(TABLE, user_id, {"role": role})


def remove_user(ws: Workspace, user_id: str) -> None:
    require(ws.user, Action.MANAGE_USERS)
    account = _account(ws, user_id)
    if account.role == Role.SECRETARY:
        _keep_a_secretary(ws, account)
    with ws.records.transaction():
        ws.records.delete(TABLE, user_id)
        ws.vault.remove_user(user_id)


def change_own_password(ws: Workspace, old_password: str, new_password: str) -> None:
    """Any user may change their own password, proving the old one first."""
    ws.vault.unlock(ws.user.name, old_password)
    check_password(new_password)
    ws.set_password(ws.user.id, new_password)


def reset_password(ws: Workspace, user_id: str, new_password: str) -> None:
    """The secretary sets a new password for someone who forgot theirs (unlocks the slot)."""
    require(ws.user, Action.MANAGE_USERS)
    _account(ws, user_id)
    check_password(new_password)
    ws.set_password(user_id, new_password)


def _account(ws: Workspace, user_id: str) -> Account:
    for account in list_users(ws):
        if account.id == user_id:
            return account
    raise InvalidInput(_N("Errors", "There is no such user."))


def _keep_a_secretary(ws: Workspace, leaving: Account) -> None:
    others = [a for a in list_users(ws) if a.role == Role.SECRETARY and a.id != leaving.id]
    if not others:
        raise LastSecretary(user=leaving.name)
