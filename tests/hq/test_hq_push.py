"""Push: idempotent by (device, device_seq), all-or-nothing, validated against the
registry; malformed, oversized and random bodies get a 4xx and change nothing."""

from __future__ import annotations

import zstandard
from hqkit import Device, Hq, Refused
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store.schema import DATA_FORMAT, encode_row
from desktop.sync.protocol import (
    MAX_BODY_BYTES,
    MAX_DECODED_BYTES,
    PULL_PATH,
    PUSH_PATH,
    Change,
    PushRequest,
    encode_body,
    now_ms,
)

STAMP = "0001732195200000:00000:x"


def _officer(hq: Hq) -> tuple[Device, str]:
    branch = hq.org("第一党支部", hq.root)
    return hq.enrol(branch), branch


def _refused(device: Device, changes: list[Change]) -> Refused:
    try:
        device.push(changes)
    except Refused as refused:
        return refused
    raise AssertionError("the push was accepted")


def test_the_same_push_twice_stores_each_change_once(hq: Hq) -> None:
    device, _ = _officer(hq)
    row = device.insert("members", {"name": "张三", "phone": "13800000000"})
    device.update("members", row, {"post": "技术员", "hardship": True})
    batch = list(device.outbox)
    first = device.push(batch)
    counts = hq.counts()
    again = device.push(batch)
    assert (first.accepted, first.duplicates) == (3, 0)
    assert (again.accepted, again.duplicates, again.acked_through) == (0, 3, 3)
    assert hq.counts() == counts


def test_a_partly_stored_push_stores_only_the_rest(hq: Hq) -> None:
    device, _ = _officer(hq)
    first_row = device.insert("members", {"name": "张三"})
    device.insert("members", {"name": "李四"})
    device.update("members", first_row, {"phone": "13800000000"})
    batch = list(device.outbox)
    device.push(batch[:1])  # a push cut after HQ committed its first part
    answer = device.push(batch)
    assert (answer.accepted, answer.duplicates, answer.acked_through) == (2, 1, 3)
    assert hq.counts()["changes"] == 2 + 3  # the org tree's two units, then the members


def test_a_reused_sequence_number_is_refused(hq: Hq) -> None:
    device, _ = _officer(hq)
    device.insert("members", {"name": "张三"})
    device.push()
    # The device's data was restored from an older copy: its numbers start again.
    device.next_seq = 1
    device.insert("members", {"name": "李四"})
    before = hq.counts()
    refused = _refused(device, device.outbox)
    assert refused.status == 409
    assert refused.body.error == "sequence_reused"
    assert hq.counts() == before


def test_an_invalid_change_refuses_the_whole_push(hq: Hq) -> None:
    device, _ = _officer(hq)
    device.insert("members", {"name": "张三"})
    good = list(device.outbox)
    bad = Change(4, "r-1", "members", "gender", "other", STAMP, None, None)
    before = hq.counts()
    refused = _refused(device, [*good, bad])
    assert refused.status == 422
    assert [r.device_seq for r in refused.body.rejected] == [4]
    assert "gender" in refused.body.reason
    assert hq.counts() == before


def test_validation_failures_each_name_their_change(hq: Hq) -> None:
    device, _ = _officer(hq)
    cases = [
        Change(1, "r", "nope", "name", "x", STAMP, None, None),
        Change(2, "r", "users", "name", "x", STAMP, None, None),
        Change(3, "r", "members", "nope", "x", STAMP, None, None),
        Change(4, "r", "members", "hardship", "yes", STAMP, None, None),
        Change(5, "r", "members", "name", "x" * 10_000, STAMP, None, None),
        Change(6, "r", "members", "name", "x", STAMP, STAMP, None),
    ]
    before = hq.counts()
    refused = _refused(device, cases)
    assert refused.status == 422
    assert [r.device_seq for r in refused.body.rejected] == [1, 2, 3, 4, 5, 6]
    reasons = " | ".join(r.reason for r in refused.body.rejected)
    for words in ("unknown table", "never synced", "no such field", "0 or 1", "limit", "base"):
        assert words in reasons
    assert hq.counts() == before


def test_a_row_hq_does_not_know_needs_its_owner(hq: Hq) -> None:
    device, _ = _officer(hq)
    before = hq.counts()
    refused = _refused(device, [Change(1, "r-9", "members", "name", "x", STAMP, None, None)])
    assert refused.status == 422
    assert refused.body.error == "unknown_row"
    assert hq.counts() == before


def test_a_malformed_hlc_is_refused(hq: Hq) -> None:
    device, _ = _officer(hq)
    wire = PushRequest(DATA_FORMAT, 1, 1, (), now_ms()).to_wire()
    wire["changes"] = [[1, "r", "members", "name", "x", "1732195200000:0:x", None, None]]
    response = device.request(PUSH_PATH, wire)
    assert response.status_code == 400
    assert "HLC" in response.json()["reason"]


def test_bodies_that_are_not_sync_bodies_are_refused(hq: Hq) -> None:
    device, _ = _officer(hq)
    before = hq.counts()
    wire = PushRequest(DATA_FORMAT, 1, 1, (), now_ms()).to_wire()
    plain = device.request(PUSH_PATH, wire, headers={"Content-Type": "application/json"})
    assert plain.status_code == 415
    garbage = device.request(PUSH_PATH, None, body=b"not zstd at all")
    assert garbage.status_code == 400
    assert garbage.json()["error"] == "bad_request"
    huge = device.request(PUSH_PATH, None, body=b"\0" * (MAX_BODY_BYTES + 1))
    assert huge.status_code == 413
    bomb = zstandard.ZstdCompressor().compress(b" " * (MAX_DECODED_BYTES + 1))
    assert len(bomb) < 64 * 1024
    inflated = device.request(PUSH_PATH, None, body=bomb)
    assert inflated.status_code == 413
    assert hq.counts() == before


def test_an_empty_push_acknowledges_its_range(hq: Hq) -> None:
    device, _ = _officer(hq)
    wire = PushRequest(DATA_FORMAT, 1, 7, (), now_ms()).to_wire()
    response = device.request(PUSH_PATH, wire)
    assert response.status_code == 200


# --- fuzz ------------------------------------------------------------------------------

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=15), inner, max_size=6)
    ),
    max_leaves=40,
)
_field_values = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=80)
    | st.binary(max_size=20)
    | st.dictionaries(
        st.sampled_from(["owner_org", "audience", "name", "gender", "_deleted", "x"]),
        st.none() | st.integers() | st.sampled_from(["org", "张三", "male", "[]", "[1]"]),
        max_size=5,
    ).map(encode_row)
)


@st.composite
def _changes(draw: st.DrawFn) -> list[Change]:
    count = draw(st.integers(1, 6))
    out = []
    for seq in range(1, count + 1):
        out.append(
            Change(
                seq,
                draw(st.sampled_from(["r-1", "r-2", "org"])),
                draw(st.sampled_from(["members", "org_units", "users", "nope"])),
                draw(
                    st.sampled_from(
                        [
                            "name",
                            "gender",
                            "hardship",
                            "owner_org",
                            "audience",
                            "_deleted",
                            "x",
                            "*",
                            "*",
                        ]
                    )
                ),
                draw(_field_values),
                draw(st.sampled_from([STAMP, "0001732195200005:00000:x"])),
                draw(st.sampled_from([None, STAMP])),
                None,
            )
        )
    return out


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.binary(max_size=300) | _json.map(encode_body),
    path=st.sampled_from([PUSH_PATH, PULL_PATH]),
)
def test_random_bodies_are_refused_and_change_nothing(hq: Hq, body: bytes, path: str) -> None:
    device = _fuzz_device(hq)
    before = hq.counts()
    response = device.request(path, None, body=body)
    assert 400 <= response.status_code < 500, response.content
    assert hq.counts() == before


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=_changes())
def test_random_changes_are_stored_whole_or_not_at_all(hq: Hq, changes: list[Change]) -> None:
    device = _fuzz_device(hq)
    device.next_seq = 1
    before = hq.counts()
    wire = PushRequest(DATA_FORMAT, 1, len(changes), tuple(changes), now_ms()).to_wire()
    response = device.request(PUSH_PATH, wire)
    after = hq.counts()
    if response.status_code == 200:
        assert after["changes"] - before["changes"] == len(changes)
        # Accepted once: the same numbers are now taken, so reset the device's history.
        _fuzz_devices.pop(hq.url, None)
    else:
        assert 400 <= response.status_code < 500, response.content
        assert after == before


_fuzz_devices: dict[str, Device] = {}


def _fuzz_device(hq: Hq) -> Device:
    if hq.url not in _fuzz_devices:
        _fuzz_devices[hq.url] = hq.enrol(hq.org(f"支部{len(_fuzz_devices)}{now_ms()}", hq.root))
    return _fuzz_devices[hq.url]
