"""The sync engine against a live HQ: enrolment, push, pull, scope, conflicts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from synckit import LiveHq, fresh_device, sync

from desktop.domain.members import add_member, count_members
from desktop.store import audit
from desktop.store.replica import Replica
from desktop.store.vault import Vault
from desktop.store.wipe import wipe_data_folder
from desktop.store.workspace import Workspace
from desktop.sync import engine as engine_module
from desktop.sync import state, transport
from desktop.sync.engine import SyncEngine
from desktop.sync.enrolment import enroll
from desktop.sync.errors import DeviceRevoked, EnrolmentFailed, HqUnreachable, UpdateNeeded
from desktop.sync.protocol import ErrorBody, WipeOrder, now_ms
from hq.devices import revoke


def test_two_laptops_of_one_branch_see_each_others_members(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    b = enrolled("b", branch)
    add_member(a, {"name": "张三", "gender": "male"})
    sync(a)
    outcome = sync(b)
    assert outcome.pulled_rows >= 1
    names = [r["name"] for r in b.records.query("members")]
    assert "张三" in names
    assert count_members(b) == count_members(a)


def test_concurrent_edits_converge_and_the_overwritten_value_is_kept_for_review(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    b = enrolled("b", branch)
    member = add_member(a, {"name": "李四", "gender": "male"})
    sync(a)
    sync(b)
    with a.records.transaction():
        a.records.update("members", member, {"phone": "13800000001"})
    with b.records.transaction():
        b.records.update("members", member, {"phone": "13900000002"})
    sync(a)
    sync(b)
    sync(a)
    phone_a = a.records.require("members", member)["phone"]
    phone_b = b.records.require("members", member)["phone"]
    assert phone_a == phone_b == "13900000002"  # the later stamp wins everywhere
    conflicts = a.db.query("SELECT col, loser FROM sync_conflicts WHERE row_id = ?", (member,))
    assert len(conflicts) == 1
    assert conflicts[0][0] == "phone"
    assert "13800000001" in conflicts[0][1]


def test_a_refused_change_is_set_aside_with_the_reason_and_the_rest_goes_through(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    branch = live_hq.branch()
    other = live_hq.branch("第二党支部")
    a = enrolled("a", branch)
    with a.records.transaction():
        a.records.insert("members", {"name": "外支部"}, owner_org=other)
    add_member(a, {"name": "本支部", "gender": "female"})
    outcome = sync(a)
    assert outcome.refused == 1
    replica = Replica(a.records)
    assert replica.outbox_count() == 0
    refused = replica.refused()
    assert len(refused) == 1 and "unit" in refused[0][6]
    b = enrolled("b", branch)
    sync(b)
    assert [r["name"] for r in b.records.query("members")] == ["本支部"]


def test_branch_b_laptop_never_receives_branch_a_rows(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    a = enrolled("a", live_hq.branch("一支部"))
    b = enrolled("b", live_hq.branch("二支部"))
    add_member(a, {"name": "甲", "gender": "male"})
    add_member(b, {"name": "乙", "gender": "male"})
    sync(a)
    sync(b)
    sync(a)
    assert [r["name"] for r in a.records.query("members")] == ["甲"]
    assert [r["name"] for r in b.records.query("members")] == ["乙"]


def test_a_noop_sync_is_one_small_request(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    a = enrolled("a", live_hq.branch())
    sync(a)
    outcome = sync(a)
    assert outcome.requests == 1
    assert outcome.bytes_sent + outcome.bytes_received < 1024


def test_revoked_device_with_wipe_gets_a_verified_order_and_a_forged_one_is_ignored(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    a = enrolled("a", live_hq.branch())
    with live_hq.hq.db.write() as conn:
        revoke(conn, a.device_id, wipe=True, reason="lost at the airport", now_ms=now_ms())
    outcome = SyncEngine(a.records).run()
    assert not outcome.ok
    assert isinstance(outcome.error, DeviceRevoked)
    assert "lost at the airport" in str(outcome.error)
    assert outcome.wipe is not None and outcome.wipe.device_id == a.device_id
    # The same refusal with an order signed by someone else is not obeyed.
    forged = WipeOrder(a.device_id, now_ms()).sign(Ed25519PrivateKey.generate())
    engine = SyncEngine(a.records)
    body = ErrorBody("revoked", "x", now_ms(), wipe=forged)
    assert (
        engine._wipe_order(DeviceRevoked(status=401, code="revoked", reason="x", body=body)) is None
    )
    assert int(a.db.scalar("SELECT value FROM meta WHERE key = 'sync_forged_wipes'")) == 1


def test_wipe_destroys_slots_then_data(live_hq: LiveHq, enrolled: Callable[..., Workspace]) -> None:
    a = enrolled("a", live_hq.branch())
    folder = a.folder
    a.close()
    wipe_data_folder(folder)
    assert not (folder / "lianxin.db").exists()
    assert Vault.load(folder).slots == []


def test_enrolment_adopts_hq_org_and_reowns_rows(
    live_hq: LiveHq, workspace: Callable[..., Workspace]
) -> None:
    branch = live_hq.branch()
    ws = fresh_device(workspace("a"))
    member = add_member(ws, {"name": "先录入", "gender": "male"})
    enroll(ws, live_hq.url, live_hq.hq.code(branch))
    assert ws.records.require("members", member)["owner_org"] == branch
    assert ws.org_id == branch
    sync(ws)
    units = {r["id"] for r in ws.records.query("org_units")}
    assert branch in units and live_hq.hq.root in units
    assert audit.verify(ws.db).ok


def test_a_used_code_is_refused_clearly(
    live_hq: LiveHq, workspace: Callable[..., Workspace]
) -> None:
    branch = live_hq.branch()
    code = live_hq.hq.code(branch)
    enroll(fresh_device(workspace("a")), live_hq.url, code)
    other = fresh_device(workspace("b"))
    with pytest.raises(EnrolmentFailed):
        enroll(other, live_hq.url, code)
    assert state.enrolment(other.db) is None


def test_clock_off_by_an_hour_still_syncs_and_warns(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = enrolled("a", live_hq.branch())
    add_member(a, {"name": "钟表", "gender": "male"})
    real = transport.now_ms
    monkeypatch.setattr(transport, "now_ms", lambda: real() - 3_600_000)
    outcome = sync(a)
    assert outcome.skew_warning
    assert 3_500_000 < outcome.clock_skew_ms < 3_700_000


def test_hq_unreachable_is_reported_and_nothing_is_lost(
    live_hq: LiveHq, enrolled: Callable[..., Workspace]
) -> None:
    a = enrolled("a", live_hq.branch())
    add_member(a, {"name": "断线", "gender": "male"})
    waiting = Replica(a.records).outbox_count()
    live_hq.stop()
    outcome = SyncEngine(a.records).run()
    assert not outcome.ok and isinstance(outcome.error, HqUnreachable)
    assert Replica(a.records).outbox_count() == waiting
    log = a.db.query("SELECT outcome FROM sync_log ORDER BY id DESC LIMIT 1")
    assert log == [("failed",)]


def test_a_laptop_on_an_older_data_format_is_told_to_update(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = enrolled("a", live_hq.branch())
    add_member(a, {"name": "旧版", "gender": "male"})
    monkeypatch.setattr(engine_module, "DATA_FORMAT", 1)
    outcome = SyncEngine(a.records).run()
    assert isinstance(outcome.error, UpdateNeeded)
    assert "update Lianxin" in str(outcome.error)
    assert Replica(a.records).outbox_count() > 0
