"""The audit trail as officers check it: verify the hash chain over the change log."""

from __future__ import annotations

from desktop.domain.access import Action, require
from desktop.store import audit
from desktop.store.audit import AuditReport
from desktop.store.workspace import Workspace


def verify_audit_trail(ws: Workspace) -> AuditReport:
    """Recompute every block of the chain; the report says where it breaks, if it does.

    Reads the whole change log, so it takes seconds on a large branch.
    """
    require(ws.user, Action.VIEW_AUDIT)
    return audit.verify(ws.db)
