"""The schema registry and every table declaration (shared by the desktop and HQ).

A feature declares its table in a module here and registers it below; nothing else is
needed for it to be stored, synced and searched.
"""

from __future__ import annotations

from desktop.store.schema.attachments import ATTACHMENTS
from desktop.store.schema.development import DEVELOPMENT_CASES, DEVELOPMENT_STEPS
from desktop.store.schema.members import MEMBER_ENTRIES, MEMBER_EVENTS, MEMBERS, ROSTER_IMPORTS
from desktop.store.schema.org import COMMITTEE_MEMBERS, COMMITTEE_TERMS, ORG_UNITS
from desktop.store.schema.registry import (
    ROW_CREATED,
    SYSTEM_COLUMNS,
    Column,
    ColumnType,
    HandOver,
    Registry,
    Scope,
    Search,
    Table,
    canonical_json,
    encode_row,
    expand_change,
    table_ddl,
)
from desktop.store.schema.transfers import FLOATING_RECORDS, TRANSFER_LETTERS, TRANSFER_RECEIPTS
from desktop.store.schema.users import USERS

#: Migrations applied to a data folder's database (`PRAGMA user_version`): bumped by
#: every migration. A folder from a newer Lianxin is refused.
SCHEMA_VERSION = 4
#: The shape of what syncs (tables, their synced columns, types and scopes), which a
#: device and HQ must share: sync refuses a peer with another (the messages carry it as
#: `schema_version`). Bumped by a migration that changes a synced table, not by one that
#: changes only how a device stores its copy (migration 4 rebuilt the search index: still
#: format 3). tests/unit/test_registry.py pins the registry's synced shape to it.
DATA_FORMAT = 3

REGISTRY = Registry()
for _table in (
    ORG_UNITS,
    MEMBERS,
    USERS,
    ATTACHMENTS,
    COMMITTEE_TERMS,
    COMMITTEE_MEMBERS,
    MEMBER_EVENTS,
    MEMBER_ENTRIES,
    ROSTER_IMPORTS,
    DEVELOPMENT_CASES,
    DEVELOPMENT_STEPS,
    TRANSFER_LETTERS,
    TRANSFER_RECEIPTS,
    FLOATING_RECORDS,
):
    REGISTRY.register(_table)

__all__ = [
    "DATA_FORMAT",
    "REGISTRY",
    "ROW_CREATED",
    "SCHEMA_VERSION",
    "SYSTEM_COLUMNS",
    "Column",
    "ColumnType",
    "HandOver",
    "Registry",
    "Scope",
    "Search",
    "Table",
    "canonical_json",
    "encode_row",
    "expand_change",
    "table_ddl",
]
