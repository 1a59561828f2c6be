"""The sync/v1 protocol module on its own: encoding, limits, signatures, wipe orders and
the check of changes against the schema registry (no database)."""

from __future__ import annotations

import contextlib
import json
import zlib

import pytest
import zstandard
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from desktop.store.schema import DATA_FORMAT, ROW_CREATED, encode_row
from desktop.sync import protocol as p

STAMP = "0001732195200000:00000:dev-a"
LATER = "0001732195200001:00000:dev-a"


def change(
    tbl: str = "members", col: str = "name", value: p.Value = "张三", **kw: object
) -> p.Change:
    fields: dict[str, object] = {
        "device_seq": 1,
        "row_id": "row-1",
        "tbl": tbl,
        "col": col,
        "value": value,
        "hlc": LATER,
        "base_hlc": STAMP,
        "author": "user-1",
    }
    fields.update(kw)
    return p.Change(**fields)  # type: ignore[arg-type]


# --- encoding --------------------------------------------------------------------------


def test_messages_round_trip_through_the_wire() -> None:
    blob = p.Change(2, "row-2", "members", "photo", b"\x00\xff", LATER, None, None)
    push = p.PushRequest(DATA_FORMAT, 1, 5, (change(), blob), 123, (7,))
    assert p.PushRequest.from_wire(p.decode_body(p.encode_body(push.to_wire()))) == push
    pull = p.PullResponse(
        rows=(
            p.PulledRow(
                "members",
                "row-1",
                STAMP,
                True,
                (p.PulledField("name", "李四", LATER, 3, "dev-a", None),),
            ),
        ),
        removals=(p.RowRef("members", "row-9"),),
        conflicts=(
            p.ConflictRecord(
                1,
                "members",
                "row-1",
                "name",
                "edit",
                p.Version("a", LATER, "u", "dev-a"),
                p.Version(None, STAMP, None, "dev-b"),
                STAMP,
                4,
                False,
            ),
        ),
        next_cursor=4,
        more=False,
        head=4,
        server_time_ms=99,
    )
    assert p.PullResponse.from_wire(p.decode_body(p.encode_body(pull.to_wire()))) == pull


def test_a_blob_travels_as_base64() -> None:
    wire = p.dumps(p.wire_value(b"\x01\x02"))
    assert wire == '{"$b":"AQI="}'
    assert p.read_value(json.loads(wire)) == b"\x01\x02"
    with pytest.raises(p.ProtocolError):
        p.read_value({"$b": "not base64!"})
    with pytest.raises(p.ProtocolError):
        p.read_value({"x": 1})
    with pytest.raises(p.ProtocolError):
        p.read_value([1, 2])


def test_bodies_over_the_limits_are_refused() -> None:
    with pytest.raises(p.BodyTooLarge):
        p.decode_body(b"\0" * 100, max_body=99)
    # A zip bomb: small on the wire, huge once inflated.
    bomb = zstandard.ZstdCompressor().compress(b"[" + b" " * (2 * 1024 * 1024) + b"]")
    assert len(bomb) < 1024
    with pytest.raises(p.BodyTooLarge):
        p.decode_body(bomb, max_decoded=1024 * 1024)
    assert p.decode_body(bomb) == []


def test_bodies_that_are_not_zstd_json_are_refused() -> None:
    for body in (b"", b"{}", zlib.compress(b"{}"), zstandard.ZstdCompressor().compress(b"{x")):
        with pytest.raises(p.ProtocolError):
            p.decode_body(body)
    nan = zstandard.ZstdCompressor().compress(b"[NaN]")
    with pytest.raises(p.ProtocolError):
        p.decode_body(nan)
    deep = zstandard.ZstdCompressor().compress(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(p.ProtocolError):
        p.decode_body(deep)


@pytest.mark.parametrize(
    "wire",
    [
        {"schema_version": 1, "first_seq": 3, "last_seq": 2, "client_time_ms": 0, "changes": []},
        {"schema_version": 1, "first_seq": 1, "last_seq": 2, "client_time_ms": 0, "changes": {}},
        {"schema_version": "1", "first_seq": 1, "last_seq": 1, "client_time_ms": 0, "changes": []},
        {
            "schema_version": 1,
            "first_seq": 1,
            "last_seq": 1,
            "client_time_ms": 0,
            "changes": [[2, "r", "members", "name", "x", LATER, None, None]],
        },
        {
            "schema_version": 1,
            "first_seq": 1,
            "last_seq": 2,
            "client_time_ms": 0,
            "changes": [
                [2, "r", "members", "name", "x", LATER, None, None],
                [1, "r", "members", "name", "x", LATER, None, None],
            ],
        },
        {
            "schema_version": 1,
            "first_seq": 1,
            "last_seq": 1,
            "client_time_ms": 0,
            "changes": [[1, "r", "members", "name", "x", "yesterday", None, None]],
        },
        {
            "schema_version": 1,
            "first_seq": 1,
            "last_seq": 1,
            "client_time_ms": 0,
            "changes": [[1, "r" * 65, "members", "name", "x", LATER, None, None]],
        },
        [],
    ],
)
def test_malformed_pushes_are_refused(wire: object) -> None:
    with pytest.raises(p.ProtocolError):
        p.PushRequest.from_wire(wire)


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=5),
        lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=12), c, max_size=6),
        max_leaves=30,
    )
)
def test_any_json_is_a_message_or_a_protocol_error(data: object) -> None:
    for kind in (p.PushRequest, p.PullRequest, p.EnrollRequest, p.PullResponse, p.ErrorBody):
        with contextlib.suppress(p.ProtocolError):
            kind.from_wire(data)  # type: ignore[attr-defined]


# --- signatures ------------------------------------------------------------------------


def test_a_signed_request_verifies_only_as_sent() -> None:
    key = Ed25519PrivateKey.generate()
    headers = p.sign_request(key, "dev-a", "POST", p.PUSH_PATH, b"body", time_ms=1000)
    signed = p.SignedHeaders.read({k.lower(): v for k, v in headers.items()})
    signed.verify(key.public_key(), "POST", p.PUSH_PATH, b"body")
    signed.check_time(1000 + p.CLOCK_WINDOW_MS)
    for method, path, body in (
        ("POST", p.PUSH_PATH, b"other"),
        ("POST", p.PULL_PATH, b"body"),
        ("GET", p.PUSH_PATH, b"body"),
    ):
        with pytest.raises(p.AuthFailure) as info:
            signed.verify(key.public_key(), method, path, body)
        assert info.value.code == "bad_signature"
    with pytest.raises(p.AuthFailure):
        signed.verify(Ed25519PrivateKey.generate().public_key(), "POST", p.PUSH_PATH, b"body")
    with pytest.raises(p.AuthFailure) as stale:
        signed.check_time(1001 + p.CLOCK_WINDOW_MS)
    assert stale.value.code == "stale_request"
    assert "behind" in stale.value.reason


def test_each_signature_has_a_fresh_nonce() -> None:
    key = Ed25519PrivateKey.generate()
    nonces = {p.sign_request(key, "d", "POST", "/", b"")[p.HEADER_NONCE] for _ in range(50)}
    assert len(nonces) == 50
    assert all(len(n) == 32 for n in nonces)


@pytest.mark.parametrize(
    ("header", "value"),
    [
        (p.HEADER_DEVICE, "bad id!"),
        (p.HEADER_TIME, "-5"),
        (p.HEADER_TIME, "1_000"),
        (p.HEADER_NONCE, "abc"),
        (p.HEADER_SIGNATURE, "AAAA"),
    ],
)
def test_malformed_auth_headers_are_refused(header: str, value: str) -> None:
    headers = p.sign_request(Ed25519PrivateKey.generate(), "dev", "POST", "/", b"")
    headers[header] = value
    with pytest.raises(p.AuthFailure):
        p.SignedHeaders.read(headers)


def test_a_request_without_signature_is_refused() -> None:
    with pytest.raises(p.AuthFailure) as info:
        p.SignedHeaders.read({"content-type": p.CONTENT_TYPE})
    assert info.value.code == "unsigned"


# --- wipe orders -----------------------------------------------------------------------


def test_a_wipe_order_is_obeyed_only_from_hq_and_for_this_device() -> None:
    hq = Ed25519PrivateKey.generate()
    order = p.WipeOrder("dev-a", 1234).sign(hq)
    assert p.WipeOrder.verify(order, hq.public_key(), "dev-a") == p.WipeOrder("dev-a", 1234)
    with pytest.raises(p.ProtocolError, match="another device"):
        p.WipeOrder.verify(order, hq.public_key(), "dev-b")
    forged = p.WipeOrder("dev-a", 1234).sign(Ed25519PrivateKey.generate())
    with pytest.raises(p.ProtocolError, match="not signed"):
        p.WipeOrder.verify(forged, hq.public_key(), "dev-a")
    tampered = dict(order, payload=order["payload"].replace("1234", "1235"))
    with pytest.raises(p.ProtocolError):
        p.WipeOrder.verify(tampered, hq.public_key(), "dev-a")
    with pytest.raises(p.ProtocolError):
        p.WipeOrder.verify({}, hq.public_key(), "dev-a")


# --- changes against the registry ------------------------------------------------------


def test_valid_changes_pass_and_are_normalised() -> None:
    assert p.check_change(change()) == change()
    assert p.check_change(change(col="hardship", value=True)).value == 1
    assert p.check_change(change(col="_deleted", value=1)).value == 1
    assert p.check_change(change(col="audience", value='["a","b"]')).value == '["a","b"]'
    assert p.check_change(change(col="birth_date", value="1980-02")).value == "1980-02"
    assert p.check_change(change(col="former_names", value=None)).value is None
    assert p.check_change(change(base_hlc=None)).base_hlc is None


@pytest.mark.parametrize(
    ("kw", "problem"),
    [
        ({"tbl": "nope"}, "unknown table"),
        ({"tbl": "users", "col": "name"}, "never synced"),
        ({"col": "nope"}, "no such field"),
        ({"col": "_rowid", "value": 1}, "no such field"),
        ({"col": "name", "value": None}, "required"),
        ({"col": "name", "value": 5}, "must be text"),
        ({"col": "name", "value": "x" * 65}, "longer than"),
        ({"col": "gender", "value": "other"}, "choices"),
        ({"col": "birth_date", "value": "1980-02-30"}, "date"),
        ({"col": "birth_date", "value": "yesterday"}, "date"),
        ({"col": "hardship", "value": 2}, "0 or 1"),
        ({"col": "hardship", "value": 1.0}, "0 or 1"),
        ({"col": "_deleted", "value": 0}, "delete"),
        ({"col": "owner_org", "value": "no spaces please"}, "org unit id"),
        ({"col": "audience", "value": "[1]"}, "list of"),
        ({"col": "audience", "value": '[ "a"]'}, "canonical"),
        ({"col": "audience", "value": ["a"]}, "JSON list as text"),
        ({"hlc": STAMP, "base_hlc": LATER}, "not later"),
    ],
)
def test_invalid_changes_say_what_is_wrong(kw: dict[str, object], problem: str) -> None:
    with pytest.raises(p.InvalidChange, match=problem):
        p.check_change(change(**kw))


def test_every_column_type_is_checked() -> None:
    from desktop.store.schema import Column, ColumnType, Registry, Scope, Table

    registry = Registry()
    registry.register(
        Table(
            "notes",
            (
                Column("count", ColumnType.INTEGER),
                Column("score", ColumnType.REAL),
                Column("tags", ColumnType.JSON),
                Column("scan", ColumnType.BLOB),
                Column("draft", synced=False),
            ),
            Scope.ORG,
        )
    )

    def check(col: str, value: p.Value) -> p.Value:
        return p.check_change(change("notes", col, value), registry).value

    assert check("count", 7) == 7
    assert check("score", 3) == 3.0
    assert isinstance(check("score", 3), float)
    assert check("tags", '{"a":[1,2]}') == '{"a":[1,2]}'
    assert check("scan", b"\x00" * 10) == b"\x00" * 10
    for col, value, problem in (
        ("count", True, "whole number"),
        ("count", 2**63, "whole number"),
        ("count", 1.5, "whole number"),
        ("score", "1", "number"),
        ("score", float("inf"), "finite"),
        ("score", float("nan"), "finite"),
        ("tags", '{"b": 1}', "canonical"),
        ("tags", "{", "not JSON"),
        ("scan", "AAAA", "binary"),
        ("scan", b"\x00" * (p.MAX_INLINE_BLOB + 1), "larger than"),
        ("draft", "x", "never synced"),
    ):
        with pytest.raises(p.InvalidChange, match=problem):
            check(col, value)


# --- created rows ----------------------------------------------------------------------


def created(fields: dict[str, object], **kw: object) -> p.Change:
    return change(**{"col": ROW_CREATED, "value": encode_row(fields), "base_hlc": None, **kw})


def test_a_created_row_is_checked_field_by_field() -> None:
    row = {"owner_org": "org-1", "audience": "[]", "name": "张三", "hardship": True}
    assert p.check_change(created(row)) == created(row)
    assert p.change_fields(created(row)) == [
        ("owner_org", "org-1"),
        ("audience", "[]"),
        ("name", "张三"),
        ("hardship", 1),
    ]
    assert p.change_fields(change()) == [("name", "张三")]


@pytest.mark.parametrize(
    ("value", "kw", "problem"),
    [
        ({"audience": "[]", "name": "x"}, {}, "owner"),
        ({"owner_org": "org-1"}, {}, "name: required"),
        ({"owner_org": "org-1", "name": "x", "nope": 1}, {}, "no such field"),
        ({"owner_org": "org-1", "name": "x", "_deleted": 1}, {}, "cannot set"),
        ({"owner_org": "org-1", "name": "x", "gender": "?"}, {}, "choices"),
        ({"owner_org": "org-1", "name": "x"}, {"base_hlc": STAMP}, "no base"),
        ({"owner_org": "org-1", "name": "x"}, {"tbl": "users"}, "never synced"),
    ],
)
def test_an_invalid_created_row_is_refused(
    value: dict[str, object], kw: dict[str, object], problem: str
) -> None:
    with pytest.raises(p.InvalidChange, match=problem):
        p.check_change(created(value, **kw))


@pytest.mark.parametrize("text", ["[]", "{", '"x"', '{"owner_org": {"x": 1}}', 5])
def test_a_created_row_must_be_an_object_of_fields(text: object) -> None:
    with pytest.raises(p.InvalidChange):
        p.check_change(change(col=ROW_CREATED, value=text, base_hlc=None))  # type: ignore[arg-type]
