"""Roles and what each may do. Every use case checks here, whatever the UI shows."""

from __future__ import annotations

import enum

from desktop.store.errors import PermissionDenied
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.workspace import User


class Role(enum.StrEnum):
    SECRETARY = "secretary"
    OFFICER = "officer"
    MEMBER = "member"


class Action(enum.Enum):
    # value: (roles allowed, description for the refusal message)
    READ_ROSTER = ({Role.SECRETARY, Role.OFFICER}, _N("Errors", "see the whole roster"))
    EDIT_ROSTER = ({Role.SECRETARY, Role.OFFICER}, _N("Errors", "change member records"))
    MANAGE_USERS = ({Role.SECRETARY}, _N("Errors", "manage users of this computer"))
    VIEW_AUDIT = ({Role.SECRETARY}, _N("Errors", "check the audit trail"))
    CHANGE_SETTINGS = ({Role.SECRETARY}, _N("Errors", "change the data folder"))
    #: Keep, restore or edit a value that a concurrent edit overwrote (a synced change).
    REVIEW_CONFLICTS = (
        {Role.SECRETARY, Role.OFFICER},
        _N("Errors", "review conflicting changes"),
    )
    #: Enrolment re-owns every record for HQ's unit: the secretary's decision.
    CONNECT_HQ = ({Role.SECRETARY}, _N("Errors", "connect this computer to HQ"))
    #: The org tree with member counts, committee terms and their warnings.
    VIEW_ORG = ({Role.SECRETARY, Role.OFFICER}, _N("Errors", "see the org tree and committees"))
    #: Add and close units, record elections (换届) and end terms.
    MANAGE_ORG = (
        {Role.SECRETARY, Role.OFFICER},
        _N("Errors", "change org units and committee terms"),
    )
    #: Issue, cancel and receipt transfer letters; record floating members.
    TRANSFER_MEMBERS = (
        {Role.SECRETARY, Role.OFFICER},
        _N("Errors", "transfer members and record floating members"),
    )
    #: Development files (发展党员): applicants' cases, their steps and scans.
    VIEW_DEVELOPMENT = ({Role.SECRETARY, Role.OFFICER}, _N("Errors", "see development cases"))
    EDIT_DEVELOPMENT = ({Role.SECRETARY, Role.OFFICER}, _N("Errors", "keep development cases"))

    @property
    def roles(self) -> set[Role]:
        return self.value[0]

    @property
    def description(self) -> str:
        return self.value[1]


ROLE_LABELS = {
    Role.SECRETARY: _N("Roles", "Secretary"),
    Role.OFFICER: _N("Roles", "Officer"),
    Role.MEMBER: _N("Roles", "Member"),
}


def allowed(user: User, action: Action) -> bool:
    return Role(user.role) in action.roles


def require(user: User, action: Action) -> None:
    if not allowed(user, action):
        raise PermissionDenied(role=user.role, action=action.description)
