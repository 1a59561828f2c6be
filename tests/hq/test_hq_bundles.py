"""Offline bundles at HQ, on both databases: a device's sync file gets the same push and
pull as over HTTP, answered in a reply only that device can read; wrong files are
refused with nothing written; HQ's bundle key is made, published and missed clearly."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hqkit import PASSPHRASE, Device, Hq
from sqlalchemy import delete, select

from desktop.store.schema import DATA_FORMAT
from desktop.sync.protocol import (
    PullRequest,
    PushRequest,
    WipeOrder,
    encode_public_key,
    now_ms,
)
from desktop.sync.protocol.bundle import (
    HQ,
    TO_HQ,
    DeviceBundle,
    ReplyBundle,
    SealedBundle,
    new_bundle_id,
    seal,
)
from hq import cli as hq_cli
from hq.bundles import BundleRefused, ImportResult, answer_bundle
from hq.devices import get_device, revoke
from hq.errors import HqError
from hq.keys import BUNDLE, HqKeys, add_bundle_key, load_bundle_key, public_keys
from hq.tables import hq_keys


@dataclasses.dataclass
class Sent:
    data: bytes
    bundle_id: str
    reply_key: X25519PrivateKey


def bundle(
    hq: Hq,
    device: Device,
    *,
    limit: int = 1000,
    schema: int = DATA_FORMAT,
    to: HqKeys | None = None,
    signer: Ed25519PrivateKey | None = None,
) -> Sent:
    """The device's outbox and a pull from its cursor, as desktop.sync.bundles writes them."""
    batch = tuple(device.outbox)
    pushes = (
        (PushRequest(schema, batch[0].device_seq, batch[-1].device_seq, batch, now_ms()),)
        if batch
        else ()
    )
    reply_key = X25519PrivateKey.generate()
    body = DeviceBundle(
        pushes, PullRequest(schema, device.cursor, limit), encode_public_key(reply_key.public_key())
    )
    bundle_id = new_bundle_id()
    data = seal(
        body.to_wire(),
        kind=TO_HQ,
        bundle_id=bundle_id,
        sender=device.id,
        recipient=HQ,
        recipient_key=(to or hq.keys).bundle.public_key(),
        signing_key=signer or device.key,
    )
    return Sent(data, bundle_id, reply_key)


def answer(hq: Hq, sent: Sent, **kw: Any) -> tuple[ImportResult, ReplyBundle]:
    result, data = answer_bundle(
        hq.db, sent.data, signing_key=hq.keys.signing, bundle_key=hq.keys.bundle, **kw
    )
    sealed = SealedBundle.parse(data)
    header = sealed.verify(hq.keys.signing.public_key(), "HQ")
    assert header.in_reply_to == sent.bundle_id and header.sender == HQ
    reply = ReplyBundle.from_wire(sealed.open(sent.reply_key))
    assert reply.in_reply_to == sent.bundle_id
    return result, reply


def take(device: Device, reply: ReplyBundle) -> None:
    """What the desktop does with a reply, on the simulated device."""
    for stored in reply.stored:
        if stored.through is not None:
            device.outbox = [c for c in device.outbox if c.device_seq > stored.through]
    for page in reply.pages:
        device.apply(page)


def test_a_bundle_does_what_push_and_pull_do(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    by_file, online = hq.enrol(branch), hq.enrol(branch)
    row = by_file.insert("members", {"name": "张三", "phone": "13800000000"})
    by_file.update("members", row, {"post": "技术员"})
    online.insert("members", {"name": "李四"})
    online.sync()
    result, reply = answer(hq, bundle(hq, by_file))
    assert (result.accepted, result.duplicates, result.refused) == (2, 0, 0)
    assert result.refusal is None and reply.error is None
    [stored] = reply.stored
    assert stored.through == 2 and stored.answer.acked_through == 2
    take(by_file, reply)
    assert by_file.outbox == []
    online.sync()
    assert by_file.state() == online.state()
    assert {r.value("name") for r in online.rows.values() if r.tbl == "members"} == {"张三", "李四"}
    with hq.db.read() as conn:
        device = get_device(conn, by_file.id)
    assert device is not None and device.last_seen_at is not None


def test_importing_a_bundle_twice_stores_nothing_new(hq: Hq) -> None:
    device = hq.enrol(hq.org("第一党支部", hq.root))
    device.insert("members", {"name": "张三"})
    sent = bundle(hq, device)
    first, _ = answer(hq, sent)
    counts = hq.counts()
    again, reply = answer(hq, sent)
    assert (first.accepted, again.accepted, again.duplicates) == (1, 0, 1)
    assert hq.counts() == counts
    assert reply.pages and reply.error is None  # the reply is made anew, pull included


def test_refused_changes_are_listed_and_the_rest_is_stored_at_once(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    other = hq.org("第二党支部", hq.root)
    device = hq.enrol(branch)
    device.insert("members", {"name": "外支部"}, owner=other)
    device.insert("members", {"name": "本支部"})
    result, reply = answer(hq, bundle(hq, device))
    assert (result.accepted, result.refused) == (1, 1)
    [refused] = reply.refused
    assert refused.status == 403 and [r.device_seq for r in refused.error.rejected] == [1]
    [stored] = reply.stored
    assert stored.through == 2 and stored.answer.accepted == 1
    peer = hq.enrol(branch)
    peer.pull()
    assert [r.value("name") for r in peer.rows.values() if r.tbl == "members"] == ["本支部"]


def test_another_data_format_is_answered_and_nothing_is_stored(hq: Hq) -> None:
    device = hq.enrol(hq.org("第一党支部", hq.root))
    device.insert("members", {"name": "张三"})
    counts = hq.counts()
    result, reply = answer(hq, bundle(hq, device, schema=DATA_FORMAT + 1))
    assert reply.error is not None and reply.error.status == 409
    assert reply.error.error.error == "schema_mismatch"
    assert result.refusal is not None and "HQ must be updated" in result.refusal
    assert not reply.stored and not reply.pages
    assert hq.counts() == counts


def test_a_revoked_device_is_answered_with_its_refusal_and_wipe_order(hq: Hq) -> None:
    device = hq.enrol(hq.org("第一党支部", hq.root))
    device.insert("members", {"name": "张三"})
    with hq.db.write() as conn:
        revoke(conn, device.id, wipe=True, reason="lost", now_ms=now_ms())
    counts = hq.counts()
    result, reply = answer(hq, bundle(hq, device))
    assert result.refusal is not None and "revoked" in result.refusal
    assert reply.error is not None and reply.error.status == 401
    assert reply.error.error.error == "revoked" and reply.error.error.wipe is not None
    order = WipeOrder.verify(reply.error.error.wipe, hq.keys.signing.public_key(), device.id)
    assert order.device_id == device.id
    assert not reply.stored and hq.counts() == counts
    with hq.db.read() as conn:
        revoked = get_device(conn, device.id)
    assert revoked is not None and revoked.wipe_sent_at is not None


def test_pages_stop_at_the_cap_and_the_next_bundle_continues(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    writer, reader = hq.enrol(branch), hq.enrol(branch)
    for i in range(30):
        writer.insert("members", {"name": f"成员{i}"})
    writer.push()
    result, reply = answer(hq, bundle(hq, reader, limit=10), cap=1)
    assert result.pages == len(reply.pages) == 1 and result.more
    _, whole = answer(hq, bundle(hq, reader, limit=10))
    assert len(whole.pages) > 2 and not whole.pages[-1].more
    trips = 0
    while True:
        _, reply = answer(hq, bundle(hq, reader, limit=10), cap=1)
        take(reader, reply)
        trips += 1
        if not reply.pages[-1].more:
            break
    assert trips == len(whole.pages)
    writer.pull()
    assert reader.state() == writer.state()


def test_files_hq_cannot_use_are_refused_with_nothing_written(hq: Hq) -> None:
    device = hq.enrol(hq.org("第一党支部", hq.root))
    device.insert("members", {"name": "张三"})
    good = bundle(hq, device)
    stranger = Device(hq, Ed25519PrivateKey.generate(), device.enrolment)
    stranger.id = "stranger"
    flipped = bytearray(good.data)
    flipped[len(flipped) // 2] ^= 0x40
    cases = {
        "made for another HQ": bundle(hq, device, to=HqKeys.generate()).data,
        "does not know": bundle(hq, stranger).data,
        "signature": bundle(hq, device, signer=Ed25519PrivateKey.generate()).data,
        "changed or damaged": bytes(flipped),
        "incomplete": good.data[:-10],
        "not a Lianxin sync file": b"%PDF-1.7",
    }
    counts = hq.counts()
    with hq.db.read() as conn:
        seen = get_device(conn, device.id)
    for words, data in cases.items():
        with pytest.raises(BundleRefused) as refused:
            answer_bundle(hq.db, data, signing_key=hq.keys.signing, bundle_key=hq.keys.bundle)
        assert words in str(refused.value)
    assert hq.counts() == counts
    with hq.db.read() as conn:
        assert get_device(conn, device.id) == seen  # not even last_seen moved


def test_enrolment_publishes_the_bundle_key(hq: Hq) -> None:
    answer = hq.enrol_with(hq.code(hq.root), Ed25519PrivateKey.generate())
    with hq.db.read() as conn:
        keys = public_keys(conn)
    assert keys.bundle is not None and answer.hq_bundle_key == keys.bundle
    assert keys.bundle == encode_public_key(hq.keys.bundle.public_key())


def test_an_hq_set_up_before_bundles_is_told_how_to_make_its_key(hq: Hq) -> None:
    with hq.db.write() as conn:
        conn.execute(delete(hq_keys).where(hq_keys.c.name == BUNDLE))
    with hq.db.read() as conn:
        assert public_keys(conn).bundle is None
        with pytest.raises(HqError, match="lianxin-hq bundle make-key"):
            load_bundle_key(conn, PASSPHRASE)
    with hq.db.write() as conn, pytest.raises(HqError, match="wrong passphrase"):
        add_bundle_key(conn, "not the passphrase at all")
    with hq.db.write() as conn:
        made = add_bundle_key(conn, PASSPHRASE)
    with hq.db.read() as conn:
        assert public_keys(conn).bundle == made
        key = load_bundle_key(conn, PASSPHRASE)
        assert encode_public_key(key.public_key()) == made
        count = len(conn.execute(select(hq_keys.c.name)).all())
    assert count == 3
    with hq.db.write() as conn, pytest.raises(HqError, match="already"):
        add_bundle_key(conn, PASSPHRASE)


def test_the_command_line_imports_and_refuses_in_one_line(
    hq: Hq,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    device = hq.enrol(hq.org("第一党支部", hq.root))
    device.insert("members", {"name": "张三"})
    sent = bundle(hq, device)
    src, out = tmp_path / "in.lxsync", tmp_path / "out.lxsync"
    src.write_bytes(sent.data)
    monkeypatch.setenv("LIANXIN_HQ_PASSPHRASE", PASSPHRASE)
    command = ["--db", hq.url, "bundle", "import", str(src), "--reply", str(out)]
    assert hq_cli.main(command) == 0
    said = capsys.readouterr().out
    assert "1 changes stored" in said and "Reply written" in said
    reply = SealedBundle.parse(out.read_bytes())
    reply.verify(hq.keys.signing.public_key(), "HQ")
    assert ReplyBundle.from_wire(reply.open(sent.reply_key)).stored

    src.write_bytes(sent.data[:100])
    out.unlink()
    assert hq_cli.main(command) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "incomplete" in err
    assert not out.exists()
