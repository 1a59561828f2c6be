"""Local user accounts of this device (never synced; key slots live in the vault file)."""

from __future__ import annotations

from desktop.store.schema.registry import Column, Scope, Table

ROLES = ("secretary", "officer", "member")

USERS = Table(
    "users",
    (
        Column("name", required=True, max_length=32, indexed=True),
        Column("role", required=True, choices=ROLES),
        # The member this account belongs to, if any (a member sees their own record).
        Column("member_id"),
    ),
    Scope.LOCAL,
    doc="Local accounts; the password key slot for each is in the vault file.",
)
