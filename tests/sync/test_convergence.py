"""Convergence: whatever the edits, their order, the sync order and the cut links, every
replica ends with the same data, and every concurrent value that lost is on record.

Two laptops of branch A and one at HQ scope (an officer of the root unit) make random
inserts, edits (often of the same field at once) and deletes, and sync in random order
over links that drop requests before they arrive or lose HQ's answer after HQ acted.
Then everyone syncs twice without faults and the replicas are compared.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from hqkit import Hq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from synckit import TEMPLATE_PASSWORD, LiveHq, fresh_device

from desktop.store.vault import KdfParams
from desktop.store.workspace import Workspace
from desktop.sync.engine import SyncEngine
from desktop.sync.enrolment import enroll
from desktop.sync.errors import HqUnreachable
from desktop.sync.transport import Link, Reply
from hq.keys import HqKeys
from hq.tables import changes, conflicts

FIELDS = ("phone", "post")
VALUES = ("甲", "乙", "丙", "丁")


class FlakyLink(Link):
    """A link whose requests fail on a schedule: "before" (HQ never sees it) or "after"
    (HQ acted, its answer is lost)."""

    def __init__(self, *args: Any, faults: Iterator[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.faults = faults

    def _send(self, *args: Any, **kwargs: Any) -> Reply:
        fault = next(self.faults, "")
        if fault == "before":
            raise HqUnreachable(detail="cut before sending")
        reply = super()._send(*args, **kwargs)
        if fault == "after":
            raise HqUnreachable(detail="cut before the answer arrived")
        return reply


def _sync(ws: Workspace, faults: list[str]) -> None:
    found = SyncEngine(ws.records).enrolment
    link = FlakyLink(found.server, device_id=found.device_id, key=found.key, faults=iter(faults))
    SyncEngine(ws.records, link).run()


def _state(ws: Workspace) -> dict[str, dict[str, Any]]:
    """Live members and their fields (a row deleted before a device saw it never arrives
    there: HQ sends only tombstones of deleted rows, never their data)."""
    rows = ws.db.query(
        f"SELECT id, _deleted, name, owner_org, {', '.join(FIELDS)} FROM members WHERE _deleted = 0"
    )
    return {
        r[0]: {
            "deleted": r[1],
            "name": r[2],
            "owner": r[3],
            **dict(zip(FIELDS, r[4:], strict=True)),
        }
        for r in rows
    }


actions = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, 2)),
    st.tuples(
        st.just("edit"),
        st.integers(0, 2),
        st.integers(0, 5),
        st.sampled_from(FIELDS),
        st.sampled_from(VALUES),
    ),
    st.tuples(st.just("delete"), st.integers(0, 2), st.integers(0, 5)),
    st.tuples(
        st.just("sync"),
        st.integers(0, 2),
        st.lists(st.sampled_from(["", "", "before", "after"]), max_size=4),
    ),
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(script=st.lists(actions, min_size=4, max_size=24))
def test_every_replica_converges_and_every_lost_value_is_a_conflict(
    script: list[tuple[Any, ...]],
    workspace_template: Any,
    hq_keys: tuple[HqKeys, list[dict[str, str]]],
) -> None:
    base = Path(tempfile.mkdtemp(prefix="converge-"))
    hq = Hq(f"sqlite:///{base / 'hq.db'}", *hq_keys)
    live = LiveHq(hq)
    devices: list[Workspace] = []
    try:
        branch = live.branch()
        for n, (unit, name) in enumerate(((branch, "a1"), (branch, "a2"), (hq.root, "hq"))):
            folder = base / name
            shutil.copytree(workspace_template.folder, folder)
            ws = Workspace.unlock(folder, workspace_template.admin, TEMPLATE_PASSWORD)
            ws.kdf = KdfParams()
            ws = fresh_device(ws)
            enroll(ws, live.url, hq.code(unit), device_name=f"device-{n}")
            devices.append(ws)
        for step in script:
            ws = devices[step[1]]
            live_ids = [r["id"] for r in ws.records.query("members")]
            if step[0] == "insert":
                with ws.records.transaction():
                    ws.records.insert("members", {"name": f"成员{len(live_ids)}"}, owner_org=branch)
            elif step[0] == "edit" and live_ids:
                with ws.records.transaction():
                    ws.records.update(
                        "members", live_ids[step[2] % len(live_ids)], {step[3]: step[4]}
                    )
            elif step[0] == "delete" and live_ids:
                with ws.records.transaction():
                    ws.records.delete("members", live_ids[step[2] % len(live_ids)])
            elif step[0] == "sync":
                _sync(ws, step[2])
        for _ in range(2):
            for ws in devices:
                outcome = SyncEngine(ws.records).run()
                assert outcome.ok, outcome.error
        states = [_state(ws) for ws in devices]
        assert states[0] == states[1] == states[2]
        _assert_lost_values_are_conflicts(hq)
    finally:
        for ws in devices:
            ws.close()
        live.stop()
        hq.close()
        shutil.rmtree(base, ignore_errors=True)


def _assert_lost_values_are_conflicts(hq: Hq) -> None:
    with hq.db.read() as conn:
        edits = conn.execute(
            select(
                changes.c.row_id, changes.c.col, changes.c.value, changes.c.hlc, changes.c.base_hlc
            ).where(changes.c.tbl == "members")
        ).all()
        losers = {row.loser_hlc for row in conn.execute(select(conflicts.c.loser_hlc))}
    by_field: dict[tuple[str, str], list[Any]] = {}
    deleted_at: dict[str, str] = {}
    for e in edits:
        if e.col == "_deleted":
            deleted_at[e.row_id] = min(deleted_at.get(e.row_id, e.hlc), e.hlc)
        elif e.col != "*":
            by_field.setdefault((e.row_id, e.col), []).append(e)
    for (row_id, _col), items in by_field.items():
        winner = max(items, key=lambda e: e.hlc)
        by_hlc: Mapping[str, Any] = {e.hlc: e for e in items}
        seen = set()
        node: Any = winner
        while node is not None:
            seen.add(node.hlc)
            node = by_hlc.get(node.base_hlc)
        for e in items:
            lost = e.hlc not in seen and json.loads(e.value) != json.loads(winner.value)
            after_delete = row_id in deleted_at and e.hlc > deleted_at[row_id]
            if lost or after_delete:
                assert e.hlc in losers, f"{e.col}={e.value} at {e.hlc} was lost silently"
