"""The org tree as the roster needs it: group (党小组) names by id."""

from __future__ import annotations

from desktop.store.workspace import Workspace

TABLE = "org_units"


def group_names(ws: Workspace) -> dict[str, str]:
    """Names of the groups this device holds, by id (groups are public within the branch)."""
    return {r["id"]: r["name"] for r in ws.records.query(TABLE, "level = 'group'", order_by="name")}
