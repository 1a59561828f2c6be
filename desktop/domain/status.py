"""What the status bar shows: the branch, changes not yet sent to HQ, when data last changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.store import meta
from desktop.store.workspace import Workspace


@dataclass(frozen=True)
class BranchStatus:
    branch_name: str
    #: Local changes HQ has not acknowledged yet (the outbox).
    pending_changes: int
    #: When the last transaction was committed here (UTC), if ever.
    last_saved: datetime | None


def pending_changes(ws: Workspace) -> int:
    """Local changes HQ has not acknowledged yet (the outbox)."""
    return int(ws.db.scalar("SELECT count(*) FROM outbox"))


def branch_name(ws: Workspace) -> str:
    return meta.get(ws.db, meta.ORG_NAME) or ""


def branch_status(ws: Workspace) -> BranchStatus:
    at = ws.db.scalar("SELECT at FROM audit_blocks ORDER BY id DESC LIMIT 1")
    return BranchStatus(
        branch_name=branch_name(ws),
        pending_changes=pending_changes(ws),
        last_saved=datetime.fromisoformat(at) if at else None,
    )
