"""The schema registry and every table declaration (shared by the desktop and HQ).

A feature declares its table in a module here and registers it below; nothing else is
needed for it to be stored, synced and searched.
"""

from __future__ import annotations

from desktop.store.schema.attachments import ATTACHMENTS
from desktop.store.schema.members import MEMBERS
from desktop.store.schema.org import ORG_UNITS
from desktop.store.schema.registry import (
    ROW_CREATED,
    SYSTEM_COLUMNS,
    Column,
    ColumnType,
    Registry,
    Scope,
    Search,
    Table,
    canonical_json,
    encode_row,
    expand_change,
    table_ddl,
)
from desktop.store.schema.users import USERS

#: Bumped by every migration; sync refuses a peer with a different version.
SCHEMA_VERSION = 2

REGISTRY = Registry()
for _table in (ORG_UNITS, MEMBERS, USERS, ATTACHMENTS):
    REGISTRY.register(_table)

__all__ = [
    "REGISTRY",
    "ROW_CREATED",
    "SCHEMA_VERSION",
    "SYSTEM_COLUMNS",
    "Column",
    "ColumnType",
    "Registry",
    "Scope",
    "Search",
    "Table",
    "canonical_json",
    "encode_row",
    "expand_change",
    "table_ddl",
]
