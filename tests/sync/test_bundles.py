"""Offline bundles end to end: a data folder writes a sync file, HQ imports it and writes
the reply, the folder imports the reply; and every kind of wrong file is refused with
nothing changed at either end."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from synckit import PASSPHRASE, TEMPLATE_PASSWORD, LiveHq, sync

from desktop import cli
from desktop.domain.members import add_member
from desktop.store.replica import Replica
from desktop.store.workspace import Workspace
from desktop.sync import state
from desktop.sync.bundles import (
    BundleUnavailable,
    ReplyAlreadyImported,
    export_bundle,
    import_reply,
)
from desktop.sync.errors import BundleRefused, DeviceRevoked
from desktop.sync.protocol import now_ms
from desktop.sync.protocol.bundle import BODY_CAP, HQ, TO_HQ, seal
from hq import cli as hq_cli
from hq.bundles import BundleRefused as HqBundleRefused
from hq.bundles import ImportResult, import_file
from hq.devices import revoke
from hq.keys import HqKeys

# --- helpers ---------------------------------------------------------------------------


def hq_import(live_hq: LiveHq, src: Path, reply: Path, cap: int = BODY_CAP) -> ImportResult:
    keys = live_hq.hq.keys
    return import_file(
        live_hq.hq.db, src, reply, signing_key=keys.signing, bundle_key=keys.bundle, cap=cap
    )


def round_trip(live_hq: LiveHq, ws: Workspace, folder: Path, **export: Any) -> Any:
    """Device → HQ → device; returns the device's outcome."""
    out, back = folder / f"{ws.device_id}.lxsync", folder / f"{ws.device_id}.reply.lxsync"
    export_bundle(ws.records, out, **export)
    hq_import(live_hq, out, back)
    outcome = import_reply(ws.records, back)
    assert outcome.ok, outcome.error
    return outcome


def snapshot(ws: Workspace) -> dict[str, Any]:
    """Every table's row count, the change states and the meta values: a refused file
    must leave all of these alone."""
    tables = [
        name
        for (name,) in ws.db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'fts_%'"
        )
    ]
    found: dict[str, Any] = {t: ws.db.scalar(f"SELECT count(*) FROM {t}") for t in tables}
    found["acked"] = ws.db.query("SELECT acked, count(*) FROM changes GROUP BY acked")
    found["meta"] = ws.db.query("SELECT key, value FROM meta ORDER BY key")
    return found


def names(ws: Workspace) -> set[str]:
    return {r["name"] for r in ws.records.query("members")}


def damaged(data: bytes) -> list[tuple[str, bytes]]:
    """A file with a byte flipped at positions across it (magic, header, body, signature),
    cut short, or with bytes added."""
    step = max(1, len(data) // 150)
    positions = sorted(
        {*range(0, len(data), step), *range(0, 40), *range(len(data) - 70, len(data))}
    )
    out = [
        (f"flipped byte {i}", data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]) for i in positions
    ]
    out += [
        ("one byte short", data[:-1]),
        ("half", data[: len(data) // 2]),
        ("magic only", data[:8]),
        ("a byte more", data + b"\0"),
        ("empty", b""),
        ("not a bundle", b"PK\x03\x04 a zip file, say"),
        ("text", "会议记录\n".encode()),
    ]
    return out


# --- round trips -----------------------------------------------------------------------


def test_a_round_trip_by_file_then_a_laptop_on_the_network_sees_it(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    add_member(a, {"name": "张三", "gender": "male"})
    waiting = Replica(a.records).outbox_count()
    out, back = tmp_path / "a.lxsync", tmp_path / "reply.lxsync"

    made = export_bundle(a.records, out)
    assert made.changes == waiting and made.left_out == 0 and made.cursor == 0
    assert out.read_bytes()[:4] == b"\x89LXB"
    assert "张三".encode() not in out.read_bytes()  # encrypted

    result = hq_import(live_hq, out, back)
    assert result.refusal is None
    assert result.accepted == waiting and result.device_id == a.device_id
    assert result.pages == 1 and not result.more

    outcome = import_reply(a.records, back)
    assert outcome.ok and outcome.error is None
    assert outcome.pushed == waiting
    assert outcome.pulled_rows >= 1
    assert Replica(a.records).outbox_count() == 0
    units = {r["id"] for r in a.records.query("org_units")}
    assert {branch, live_hq.hq.root} <= units  # HQ's tree came with the pull pages
    assert a.db.scalar("SELECT count(*) FROM bundle_keys") == 0
    last = a.db.query("SELECT via, outcome, pushed FROM sync_log ORDER BY id DESC LIMIT 1")
    assert last == [("bundle", "ok", waiting)]
    assert state.number(a.db, state.CURSOR) > 0

    b = enrolled("b", branch)
    sync(b)
    assert "张三" in names(b)

    # And back the other way: B's member reaches A by file.
    add_member(b, {"name": "李四", "gender": "female"})
    sync(b)
    round_trip(live_hq, a, tmp_path)
    assert names(a) == names(b) == {"张三", "李四"}


def test_importing_twice_is_harmless_at_both_ends(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    a = enrolled("a", live_hq.branch())
    add_member(a, {"name": "重复", "gender": "male"})
    out = tmp_path / "a.lxsync"
    export_bundle(a.records, out)
    first = hq_import(live_hq, out, tmp_path / "r1.lxsync")
    held = live_hq.hq.counts()
    second = hq_import(live_hq, out, tmp_path / "r2.lxsync")
    assert second.accepted == 0 and second.duplicates == first.accepted > 0
    assert live_hq.hq.counts() == held
    assert second.reply_id != first.reply_id  # made anew

    assert import_reply(a.records, tmp_path / "r1.lxsync").ok
    before = snapshot(a)
    for reply in ("r1.lxsync", "r2.lxsync"):  # r2 answers the same file: its key is gone
        with pytest.raises(ReplyAlreadyImported) as again:
            import_reply(a.records, tmp_path / reply)
        assert "already imported" in str(again.value)
    assert snapshot(a) == before


def test_a_change_hq_refuses_is_set_aside_and_the_rest_goes_through(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    branch = live_hq.branch()
    other = live_hq.branch("第二党支部")
    a = enrolled("a", branch)
    with a.records.transaction():
        a.records.insert("members", {"name": "外支部"}, owner_org=other)
    add_member(a, {"name": "本支部", "gender": "female"})
    outcome = round_trip(live_hq, a, tmp_path)
    assert outcome.refused == 1
    replica = Replica(a.records)
    assert replica.outbox_count() == 0
    refused = replica.refused()
    assert len(refused) == 1 and "unit" in refused[0][6]
    b = enrolled("b", branch)
    sync(b)
    assert names(b) == {"本支部"}


def test_what_does_not_fit_goes_in_the_next_file(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    b = enrolled("b", branch)
    for i in range(12):
        add_member(b, {"name": f"成员{i:02d}", "gender": "male"})
    sync(b)
    for i in range(3):
        add_member(a, {"name": f"本机{i}", "gender": "female"})
    waiting = Replica(a.records).outbox_count()

    # A file carries one change at least, however small the cap: the rest waits.
    made = export_bundle(a.records, tmp_path / "small.lxsync", cap=1, pull_limit=5)
    assert made.changes == 1 and made.left_out == waiting - 1
    trips = 0
    while True:
        out, back = tmp_path / f"{trips}.lxsync", tmp_path / f"{trips}.reply.lxsync"
        export_bundle(a.records, out, cap=1, pull_limit=5)
        result = hq_import(live_hq, out, back, cap=1)  # one pull page per reply
        assert result.pages == 1
        outcome = import_reply(a.records, back)
        assert outcome.ok
        trips += 1
        if not outcome.more and Replica(a.records).outbox_count() == 0:
            break
        assert trips < 40
    assert trips > 3
    sync(b)
    assert names(a) == names(b) and len(names(a)) == 15


def test_a_late_reply_after_a_network_sync_changes_nothing_it_should_not(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    a = enrolled("a", live_hq.branch())
    add_member(a, {"name": "迟到", "gender": "male"})
    out, back = tmp_path / "a.lxsync", tmp_path / "reply.lxsync"
    export_bundle(a.records, out)
    hq_import(live_hq, out, back)
    sync(a)  # the link came back before the stick did
    before = snapshot(a)
    outcome = import_reply(a.records, back)
    assert outcome.ok and outcome.pulled_rows == 0
    after = snapshot(a)
    assert after["bundle_keys"] == 0 and after["sync_log"] == before["sync_log"] + 1
    for key in ("members", "org_units", "changes", "acked"):
        assert after[key] == before[key]


def test_export_needs_hq_bundle_key_and_enrolment(
    live_hq: LiveHq,
    enrolled: Callable[..., Workspace],
    workspace: Callable[..., Workspace],
    tmp_path: Path,
) -> None:
    a = enrolled("a", live_hq.branch())
    found = state.enrolment(a.db)
    assert found is not None and found.hq_bundle_key is not None
    with a.records.transaction():
        state.save_enrolment(a.db, dataclasses.replace(found, hq_bundle_key=None))
    before = snapshot(a)
    with pytest.raises(BundleUnavailable, match="key for sync files"):
        export_bundle(a.records, tmp_path / "a.lxsync")
    assert snapshot(a) == before and not (tmp_path / "a.lxsync").exists()


# --- refusals ----------------------------------------------------------------------------


def test_hq_refuses_damaged_foreign_and_misdirected_files_and_writes_nothing(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    a = enrolled("a", live_hq.branch())
    add_member(a, {"name": "完好", "gender": "male"})
    good = tmp_path / "a.lxsync"
    export_bundle(a.records, good)
    data = good.read_bytes()
    reply = tmp_path / "reply.lxsync"

    # A bundle sealed for another HQ's key, one by a device HQ never enrolled, and one
    # that claims to be from A but is signed by another key.
    other_hq = HqKeys.generate().bundle.public_key()
    body = {"pushes": [], "pull": {"schema_version": 1, "cursor": 0}, "reply_key": "x"}

    def forged(sender: str, recipient_key: Any, key: Ed25519PrivateKey) -> bytes:
        return seal(
            body,
            kind=TO_HQ,
            bundle_id="f" * 32,
            sender=sender,
            recipient=HQ,
            recipient_key=recipient_key,
            signing_key=key,
        )

    own_key = live_hq.hq.keys.bundle.public_key()
    enrolment = state.enrolment(a.db)
    assert enrolment is not None
    named = [
        ("another HQ", forged(a.device_id, other_hq, enrolment.key)),
        ("does not know", forged("stranger", own_key, Ed25519PrivateKey.generate())),
        ("not made by device", forged(a.device_id, own_key, Ed25519PrivateKey.generate())),
    ]
    # A reply (to a device) is not something HQ imports.
    hq_import(live_hq, good, tmp_path / "real-reply.lxsync")
    held = live_hq.hq.counts()
    named.append(("HQ's reply to a device", (tmp_path / "real-reply.lxsync").read_bytes()))

    bad = tmp_path / "bad.lxsync"
    for what, content in [*damaged(data), *named]:
        bad.write_bytes(content)
        with pytest.raises(HqBundleRefused) as refused:
            hq_import(live_hq, bad, reply)
        message = str(refused.value)
        assert "\n" not in message and message.startswith("this sync file cannot be"), what
        assert not reply.exists(), what
        if (what, content) in named:
            assert what in message
    assert live_hq.hq.counts() == held
    hq_import(live_hq, good, reply)  # the good one still goes through
    assert reply.exists()


def test_the_device_refuses_damaged_foreign_and_misdirected_replies_and_writes_nothing(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    b = enrolled("b", branch)
    add_member(a, {"name": "甲", "gender": "male"})
    add_member(b, {"name": "乙", "gender": "male"})
    for ws in (a, b):
        export_bundle(ws.records, tmp_path / f"{ws.device_id}.lxsync")
        hq_import(live_hq, tmp_path / f"{ws.device_id}.lxsync", tmp_path / f"{ws.device_id}.r")
    good = (tmp_path / f"{a.device_id}.r").read_bytes()
    cases = [
        *damaged(good),
        ("B's reply", (tmp_path / f"{b.device_id}.r").read_bytes()),
        ("A's own file to HQ", (tmp_path / f"{a.device_id}.lxsync").read_bytes()),
    ]
    before = snapshot(a)
    bad = tmp_path / "bad.lxsync"
    for what, content in cases:
        bad.write_bytes(content)
        with pytest.raises(BundleRefused) as refused:
            import_reply(a.records, bad)
        assert "\n" not in str(refused.value), what
        assert snapshot(a) == before, what
    with pytest.raises(BundleRefused, match="another computer"):
        import_reply(a.records, tmp_path / f"{b.device_id}.r")
    with pytest.raises(BundleRefused, match="addressed to HQ"):
        import_reply(a.records, tmp_path / f"{a.device_id}.lxsync")
    with pytest.raises(BundleRefused, match="cannot read"):
        import_reply(a.records, tmp_path / "missing.lxsync")
    assert import_reply(a.records, tmp_path / f"{a.device_id}.r").ok


def test_a_reply_signed_by_another_hq_is_refused(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    a = enrolled("a", live_hq.branch())
    out, back = tmp_path / "a.lxsync", tmp_path / "reply.lxsync"
    export_bundle(a.records, out)
    impostor = HqKeys.generate()
    import_file(
        live_hq.hq.db, out, back, signing_key=impostor.signing, bundle_key=live_hq.hq.keys.bundle
    )
    before = snapshot(a)
    with pytest.raises(BundleRefused, match="signature"):
        import_reply(a.records, back)
    assert snapshot(a) == before


def test_a_revoked_device_learns_it_from_the_reply_with_a_verified_wipe_order(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    a = enrolled("a", live_hq.branch())
    add_member(a, {"name": "丢失", "gender": "male"})
    with live_hq.hq.db.write() as conn:
        revoke(conn, a.device_id, wipe=True, reason="lost at the airport", now_ms=now_ms())
    out, back = tmp_path / "a.lxsync", tmp_path / "reply.lxsync"
    export_bundle(a.records, out)
    held = live_hq.hq.counts()
    result = hq_import(live_hq, out, back)
    assert result.refusal is not None and "lost at the airport" in result.refusal
    assert result.accepted == 0 and live_hq.hq.counts() == held
    outcome = import_reply(a.records, back)
    assert not outcome.ok and isinstance(outcome.error, DeviceRevoked)
    assert outcome.wipe is not None and outcome.wipe.device_id == a.device_id
    assert a.db.query("SELECT via, outcome FROM sync_log ORDER BY id DESC LIMIT 1") == [
        ("bundle", "failed")
    ]


# --- the command lines -------------------------------------------------------------------


def test_both_command_lines_round_trip_and_refuse_in_one_line(
    live_hq: LiveHq,
    enrolled: Callable[..., Workspace],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    add_member(a, {"name": "命令行", "gender": "male"})
    folder = a.folder
    a.close()
    monkeypatch.setenv(cli.ENV_PASSWORD, TEMPLATE_PASSWORD)
    monkeypatch.setenv("LIANXIN_HQ_PASSPHRASE", PASSPHRASE)
    out, back = tmp_path / "a.lxsync", tmp_path / "reply.lxsync"
    device = ["--data-dir", str(folder), "bundle"]

    assert cli.main([*device, "export", str(out)]) == 0
    assert "changes to send" in capsys.readouterr().out
    hq = ["--db", live_hq.hq.url, "bundle", "import"]
    assert hq_cli.main([*hq, str(out), "--reply", str(back)]) == 0
    assert "Reply written" in capsys.readouterr().out
    assert cli.main([*device, "import", str(back)]) == 0
    assert "Imported HQ's reply" in capsys.readouterr().out

    assert cli.main([*device, "import", str(back)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already imported" in err
    assert hq_cli.main([*hq, str(back), "--reply", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "reply to a device" in err
    assert not (tmp_path / "x").exists()

    b = enrolled("b", branch)
    sync(b)
    assert "命令行" in names(b)


def test_one_time_keys_stay_in_the_encrypted_database(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    a = enrolled("a", live_hq.branch())
    made = export_bundle(a.records, tmp_path / "a.lxsync")
    [(key_id, private)] = a.db.query("SELECT id, private FROM bundle_keys")
    assert key_id == made.bundle_id
    X25519PrivateKey.from_private_bytes(bytes(private))  # 32 raw bytes
    assert bytes(private) not in (tmp_path / "a.lxsync").read_bytes()
