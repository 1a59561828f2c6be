"""Enrolment with one-time codes, and the signature every request carries."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hqkit import Hq, Refused

from desktop.store.schema import DATA_FORMAT
from desktop.sync.protocol import (
    CLOCK_WINDOW_MS,
    CONTENT_TYPE,
    ENROLL_PATH,
    PULL_PATH,
    PUSH_PATH,
    EnrollRequest,
    ErrorBody,
    PullRequest,
    PushRequest,
    WipeOrder,
    encode_body,
    encode_public_key,
    load_signing_public_key,
    now_ms,
    sign_request,
)
from hq.devices import CODE_TTL_MS, issue_code, list_devices, revoke
from hq.errors import HqError
from hq.keys import public_keys

# --- enrolment -------------------------------------------------------------------------


def test_a_code_enrols_one_device_for_its_unit(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    key = Ed25519PrivateKey.generate()
    answer = hq.enrol_with(hq.code(branch), key, name="site laptop")
    with hq.db.read() as conn:
        keys = public_keys(conn)
        [device] = list_devices(conn)
    assert (answer.org_id, answer.org_name, answer.level) == (branch, "第一党支部", "officer")
    assert answer.member_id is None
    assert (answer.hq_signing_key, answer.hq_recovery_key) == (keys.signing, keys.recovery)
    assert answer.schema_version == DATA_FORMAT
    assert abs(answer.server_time_ms - now_ms()) < 60_000
    assert (device.id, device.name, device.org_id) == (answer.device_id, "site laptop", branch)
    assert device.public_key == encode_public_key(key.public_key())


def test_a_code_works_once_only(hq: Hq) -> None:
    code = hq.code(hq.root)
    hq.enrol_with(code, Ed25519PrivateKey.generate())
    with pytest.raises(Refused) as second:
        hq.enrol_with(code, Ed25519PrivateKey.generate())
    assert second.value.status == 403
    assert "already used" in second.value.body.reason
    with hq.db.read() as conn:
        assert len(list_devices(conn)) == 1


def test_an_expired_code_is_refused(hq: Hq) -> None:
    with hq.db.write() as conn:
        code = issue_code(conn, hq.root, "officer", None, now_ms=now_ms() - CODE_TTL_MS - 1).code
    with pytest.raises(Refused) as refused:
        hq.enrol_with(code, Ed25519PrivateKey.generate())
    assert refused.value.status == 403
    assert "expired" in refused.value.body.reason


def test_a_wrong_code_is_refused(hq: Hq) -> None:
    hq.code(hq.root)
    with pytest.raises(Refused) as refused:
        hq.enrol_with("AAAA-BBBB-CCCC-DDDD", Ed25519PrivateKey.generate())
    assert refused.value.status == 403
    assert "not known" in refused.value.body.reason
    with hq.db.read() as conn:
        assert list_devices(conn) == []


def test_a_code_may_be_typed_loosely(hq: Hq) -> None:
    code = hq.code(hq.root)
    answer = hq.enrol_with(code.replace("-", " ").lower(), Ed25519PrivateKey.generate())
    assert answer.org_id == hq.root


def test_a_member_code_enrols_a_member_device(hq: Hq) -> None:
    branch = hq.org("第一党支部", hq.root)
    answer = hq.enrol_with(hq.code(branch, "member", "member-7"), Ed25519PrivateKey.generate())
    assert (answer.level, answer.member_id) == ("member", "member-7")
    with hq.db.write() as conn, pytest.raises(HqError, match="--member"):
        issue_code(conn, branch, "member", None, now_ms=now_ms())


def test_the_device_keeps_its_own_id_once(hq: Hq) -> None:
    answer = hq.enrol_with(hq.code(hq.root), Ed25519PrivateKey.generate(), device_id="vault-dev-1")
    assert answer.device_id == "vault-dev-1"
    with pytest.raises(Refused) as twice:
        hq.enrol_with(hq.code(hq.root), Ed25519PrivateKey.generate(), device_id="vault-dev-1")
    assert twice.value.status == 409


def test_enrolment_must_be_signed_by_the_key_it_enrols(hq: Hq) -> None:
    code = hq.code(hq.root)
    claimed = Ed25519PrivateKey.generate()
    request = EnrollRequest(code, encode_public_key(claimed.public_key()), "x", DATA_FORMAT)
    response = hq.post(ENROLL_PATH, request.to_wire(), Ed25519PrivateKey.generate(), "new")
    assert response.status_code == 401
    assert ErrorBody.from_wire(response.json()).error == "bad_signature"
    # The code was not spent by the failed attempt.
    assert hq.enrol_with(code, claimed).org_id == hq.root


def test_a_client_of_another_data_format_is_told_who_must_update(
    hq: Hq, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = Ed25519PrivateKey.generate()
    request = EnrollRequest(hq.code(hq.root), encode_public_key(key.public_key()), "x", 1)
    wire = request.to_wire() | {"schema_version": DATA_FORMAT + 1}
    newer = hq.post(ENROLL_PATH, wire, key, "new")
    assert newer.status_code == 409
    assert newer.json()["error"] == "schema_mismatch"
    assert "HQ must be updated" in newer.json()["reason"]
    device = hq.enrol(hq.root)
    monkeypatch.setattr("hq.pushes.DATA_FORMAT", DATA_FORMAT + 1)
    with pytest.raises(Refused) as older:
        device.pull_page()
    assert older.value.status == 409
    assert "update Lianxin" in older.value.body.reason
    device.insert("members", {"name": "王五"})
    before = hq.counts()
    with pytest.raises(Refused) as push:
        device.push()
    assert push.value.status == 409
    assert hq.counts() == before


# --- signed requests -------------------------------------------------------------------


def _pull(hq: Hq, key: Ed25519PrivateKey, device_id: str, **kw: object) -> ErrorBody:
    response = hq.post(PULL_PATH, PullRequest(DATA_FORMAT, 0).to_wire(), key, device_id, **kw)
    assert response.status_code == 401, response.content
    return ErrorBody.from_wire(response.json())


def test_stale_and_future_requests_are_refused(hq: Hq) -> None:
    device = hq.enrol(hq.root)
    old = _pull(hq, device.key, device.id, time_ms=now_ms() - CLOCK_WINDOW_MS - 5_000)
    assert old.error == "stale_request"
    assert "behind" in old.reason
    assert abs(old.server_time_ms - now_ms()) < 60_000  # so the device can show its skew
    ahead = _pull(hq, device.key, device.id, time_ms=now_ms() + CLOCK_WINDOW_MS + 5_000)
    assert ahead.error == "stale_request"
    assert "ahead" in ahead.reason
    # Within the window is fine.
    device.pull_page()


def test_a_replayed_request_is_refused(hq: Hq) -> None:
    device = hq.enrol(hq.root)
    device.insert("members", {"name": "王五"})
    wire = PushRequest(DATA_FORMAT, 1, 3, tuple(device.outbox), now_ms()).to_wire()
    stamp, nonce = now_ms(), "ab" * 16
    first = device.request(PUSH_PATH, wire, time_ms=stamp, nonce=nonce)
    assert first.status_code == 200
    before = hq.counts()
    again = device.request(PUSH_PATH, wire, time_ms=stamp, nonce=nonce)
    assert again.status_code == 401
    assert again.json()["error"] == "replayed_request"
    assert hq.counts() == before
    # The same content with a fresh signature is a retry, and harmless.
    assert device.request(PUSH_PATH, wire).status_code == 200
    assert hq.counts() == before


def test_a_forged_signature_is_refused(hq: Hq) -> None:
    device = hq.enrol(hq.root)
    forged = _pull(hq, Ed25519PrivateKey.generate(), device.id)
    assert forged.error == "bad_signature"


def test_a_body_changed_after_signing_is_refused(hq: Hq) -> None:
    device = hq.enrol(hq.root)
    body = encode_body(PullRequest(DATA_FORMAT, 0).to_wire())
    headers = sign_request(device.key, device.id, "POST", PULL_PATH, body)
    headers["Content-Type"] = CONTENT_TYPE
    other = encode_body(PullRequest(DATA_FORMAT, 5).to_wire())
    assert hq.client.post(PULL_PATH, content=other, headers=headers).status_code == 401
    # Nor may a signature for one endpoint be used on another.
    assert hq.client.post(PUSH_PATH, content=body, headers=headers).status_code == 401


def test_an_unknown_device_is_refused(hq: Hq) -> None:
    refused = _pull(hq, Ed25519PrivateKey.generate(), "who-is-this")
    assert refused.error == "unknown_device"


def test_an_unsigned_request_is_refused(hq: Hq) -> None:
    body = encode_body(PullRequest(DATA_FORMAT, 0).to_wire())
    response = hq.client.post(PULL_PATH, content=body, headers={"Content-Type": CONTENT_TYPE})
    assert response.status_code == 401
    assert response.json()["error"] == "unsigned"


def test_a_revoked_device_is_told_why(hq: Hq) -> None:
    device = hq.enrol(hq.root)
    device.pull()
    with hq.db.write() as conn:
        revoke(conn, device.id, wipe=False, reason="laptop replaced", now_ms=now_ms())
    refused = _pull(hq, device.key, device.id)
    assert refused.error == "revoked"
    assert "laptop replaced" in refused.reason
    assert refused.wipe is None
    device.insert("members", {"name": "赵六"})
    before = hq.counts()
    with pytest.raises(Refused) as push:
        device.push()
    assert push.value.status == 401
    assert hq.counts() == before


def test_a_lost_device_receives_a_signed_wipe_order(hq: Hq) -> None:
    device = hq.enrol(hq.root)
    with hq.db.write() as conn:
        revoke(conn, device.id, wipe=True, reason="reported lost", now_ms=now_ms())
        [listed] = list_devices(conn)
    assert listed.status == "revoked, wipe pending"
    refused = _pull(hq, device.key, device.id)
    assert refused.error == "revoked"
    assert refused.wipe is not None
    hq_key = load_signing_public_key(device.enrolment.hq_signing_key)
    order = WipeOrder.verify(refused.wipe, hq_key, device.id)
    assert abs(order.issued_ms - now_ms()) < 60_000
    with hq.db.read() as conn:
        [listed] = list_devices(conn)
    assert listed.status == "revoked, wipe sent"
    # Someone else's device can never get an order addressed to it from this one.
    stranger = _pull(hq, Ed25519PrivateKey.generate(), device.id)
    assert stranger.error == "bad_signature"
    assert stranger.wipe is None
