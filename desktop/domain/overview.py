"""Figures for the overview page: what is in this branch's records right now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.access import Action, allowed
from desktop.domain.committee_terms import term_warnings
from desktop.domain.org import TermWarning
from desktop.domain.status import branch_name, pending_changes
from desktop.store.workspace import Workspace


@dataclass(frozen=True)
class Overview:
    branch_name: str
    members: int
    full_members: int
    probationary: int
    lost_contact: int
    groups: int
    users: int
    pending_changes: int
    audit_blocks: int
    #: Committee terms due for an election (officers only; empty for members).
    term_warnings: tuple[TermWarning, ...] = ()


def overview(ws: Workspace, today: date | None = None) -> Overview:
    roster = allowed(ws.user, Action.READ_ROSTER)
    counts = (
        ws.db.query(
            "SELECT count(*), "
            "count(*) FILTER (WHERE category = 'full'), "
            "count(*) FILTER (WHERE category = 'probationary'), "
            "count(*) FILTER (WHERE status = 'lost_contact') "
            "FROM members WHERE _deleted = 0"
        )[0]
        if roster
        else (0, 0, 0, 0)
    )
    return Overview(
        branch_name=branch_name(ws),
        members=counts[0],
        full_members=counts[1],
        probationary=counts[2],
        lost_contact=counts[3],
        groups=ws.records.count("org_units", "level = 'group'"),
        users=ws.records.count("users"),
        pending_changes=pending_changes(ws),
        audit_blocks=int(ws.db.scalar("SELECT count(*) FROM audit_blocks")),
        term_warnings=tuple(term_warnings(ws, today)) if allowed(ws.user, Action.VIEW_ORG) else (),
    )
