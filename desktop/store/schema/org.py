"""The org tree: HQ → committees → general branches → branches → groups."""

from __future__ import annotations

from desktop.store.schema.registry import Column, ColumnType, Scope, Search, Table

LEVELS = ("hq", "committee", "general_branch", "branch", "group")

ORG_UNITS = Table(
    "org_units",
    (
        Column("name", required=True, max_length=200, search=Search.TEXT),
        Column("level", required=True, choices=LEVELS),
        Column("parent_id", indexed=True),
        # A temporary branch (临时党支部) manages members whose formal relation is elsewhere.
        Column("temporary", ColumnType.BOOL),
        Column("code", max_length=64),
    ),
    Scope.TREE,
    doc="Org units; every device holds its unit's ancestors and descendants.",
)
