"""HQ's attachment contents: uploads in pieces with resume, Range downloads, the SHA-256
check, scope, signatures, and the upgrade of a schema-1 database (both databases)."""

from __future__ import annotations

import hashlib
import os
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hqkit import Device, Hq
from sqlalchemy import select, update

from desktop.sync.protocol import CONTENT_TYPE, ErrorBody, decode_body, sign_request
from hq.app import create_app
from hq.blobs import BLOBS_PATH, HEADER_RECEIVED, MAX_PUT_BYTES, MAX_RANGE_BYTES, ROW_BYTES
from hq.db import HqDatabase
from hq.errors import HqError
from hq.tables import (
    HQ_SCHEMA,
    SCHEMA_3_INDEXES,
    SCHEMA_3_TABLES,
    blob_chunks,
    blobs,
    field_state_blob,
    hq_meta,
)

OCTET = "application/octet-stream"


class Blob:
    """Some content and the attachment row that names it, pushed by `device`."""

    def __init__(self, device: Device, data: bytes, *, name: str = "minutes.pdf") -> None:
        self.data = data
        self.sha = hashlib.sha256(data).hexdigest()
        self.size = len(data)
        self.row_id = device.insert(
            "attachments",
            {
                "record_table": "members",
                "record_id": "m-1",
                "name": name,
                "kind": "document",
                "sha256": self.sha,
                "size": self.size,
            },
        )
        device.push()


def put(
    hq: Hq,
    device: Device,
    sha: str,
    offset: int,
    size: int,
    body: bytes,
    *,
    key: Ed25519PrivateKey | None = None,
    signed_path: str | None = None,
    content_type: str = OCTET,
) -> Any:
    path = f"{BLOBS_PATH}/{sha}?offset={offset}&size={size}"
    headers = sign_request(key or device.key, device.id, "PUT", signed_path or path, body)
    headers["Content-Type"] = content_type
    return hq.client.put(path, content=body, headers=headers)


def get(hq: Hq, device: Device, path: str, headers: dict[str, str] | None = None) -> Any:
    signed = sign_request(device.key, device.id, "GET", path, b"")
    signed.update(headers or {})
    return hq.client.get(path, headers=signed)


def status(hq: Hq, device: Device, sha: str) -> Any:
    return get(hq, device, f"{BLOBS_PATH}/{sha}/status")


def answer(response: Any) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == CONTENT_TYPE
    decoded: dict[str, Any] = decode_body(response.content)
    return decoded


def error(response: Any) -> ErrorBody:
    return ErrorBody.from_wire(response.json())


def upload(hq: Hq, device: Device, blob: Blob, piece: int = 300_000) -> dict[str, Any]:
    last: dict[str, Any] = {}
    for at in range(0, blob.size, piece):
        last = answer(put(hq, device, blob.sha, at, blob.size, blob.data[at : at + piece]))
    return last


def read_range(hq: Hq, device: Device, sha: str, spec: str) -> Any:
    return get(hq, device, f"{BLOBS_PATH}/{sha}", {"Range": spec})


@pytest.fixture
def branch(hq: Hq) -> str:
    return hq.org("第一党支部", hq.root)


# --- uploads ---------------------------------------------------------------------------


def test_an_upload_cut_in_the_middle_resumes_where_hq_stands(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(2 * ROW_BYTES + 12_345))
    assert answer(status(hq, device, blob.sha)) == {"size": None, "received": 0, "complete": False}
    first = answer(put(hq, device, blob.sha, 0, blob.size, blob.data[:700_000]))
    assert first == {"received": 700_000, "complete": False}
    # The next piece is lost on the way (the link dropped): HQ kept what it had; the
    # device asks, and sends from there.
    held = answer(status(hq, device, blob.sha))
    assert held == {"size": blob.size, "received": 700_000, "complete": False}
    rest = blob.data[held["received"] :]
    done = answer(put(hq, device, blob.sha, held["received"], blob.size, rest))
    assert done == {"received": blob.size, "complete": True}
    with hq.db.read() as conn:
        pieces = conn.execute(
            select(blob_chunks.c.offset, blob_chunks.c.data)
            .where(blob_chunks.c.sha == blob.sha)
            .order_by(blob_chunks.c.offset)
        ).all()
    assert b"".join(p.data for p in pieces) == blob.data
    assert max(len(p.data) for p in pieces) <= ROW_BYTES
    whole = get(hq, device, f"{BLOBS_PATH}/{blob.sha}", {"Range": f"bytes=0-{blob.size - 1}"})
    assert whole.status_code == 206 and whole.content == blob.data


def test_a_piece_at_the_wrong_offset_is_told_where_to_continue(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(100_000))
    answer(put(hq, device, blob.sha, 0, blob.size, blob.data[:40_000]))
    for offset in (0, 39_999, 50_000):
        refused = put(hq, device, blob.sha, offset, blob.size, blob.data[offset : offset + 10])
        assert refused.status_code == 409
        assert refused.headers[HEADER_RECEIVED] == "40000"
        body = error(refused)
        assert body.error == "offset_mismatch"
        assert "received=40000" in body.reason
    assert answer(status(hq, device, blob.sha))["received"] == 40_000


def test_content_that_does_not_match_its_sha_is_discarded(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(50_000))
    answer(put(hq, device, blob.sha, 0, blob.size, blob.data[:20_000]))
    forged = bytes(30_000)
    refused = put(hq, device, blob.sha, 20_000, blob.size, forged)
    assert refused.status_code == 422
    assert error(refused).error == "content_mismatch"
    assert answer(status(hq, device, blob.sha)) == {"size": None, "received": 0, "complete": False}
    with hq.db.read() as conn:
        left = conn.execute(select(blob_chunks).where(blob_chunks.c.sha == blob.sha)).all()
    assert left == []
    # Sent again properly, it is taken.
    assert upload(hq, device, blob)["complete"] is True


def test_a_content_hq_holds_is_not_sent_twice(hq: Hq, branch: str) -> None:
    a, b = hq.enrol(branch), hq.enrol(branch)
    data = os.urandom(10_000)
    upload(hq, a, Blob(a, data))
    same = Blob(b, data, name="copy.pdf")
    assert answer(status(hq, b, same.sha)) == {
        "size": same.size,
        "received": same.size,
        "complete": True,
    }
    # A device that sends it anyway is told it is complete; nothing more is stored.
    assert answer(put(hq, b, same.sha, 0, same.size, data[:100])) == {
        "received": same.size,
        "complete": True,
    }


def test_an_empty_file_completes_with_an_empty_piece(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, b"")
    assert answer(put(hq, device, blob.sha, 0, 0, b"")) == {"received": 0, "complete": True}
    whole = get(hq, device, f"{BLOBS_PATH}/{blob.sha}")
    assert whole.status_code == 200 and whole.content == b""


def test_the_size_must_be_the_one_the_attachment_gives(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(1000))
    refused = put(hq, device, blob.sha, 0, 999, blob.data[:999])
    assert refused.status_code == 404
    assert answer(status(hq, device, blob.sha))["size"] is None


def test_pieces_are_limited_in_size_and_kind(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(MAX_PUT_BYTES + 10))
    too_big = put(hq, device, blob.sha, 0, blob.size, blob.data[: MAX_PUT_BYTES + 1])
    assert too_big.status_code == 413
    wrong_kind = put(hq, device, blob.sha, 0, blob.size, blob.data[:10], content_type=CONTENT_TYPE)
    assert wrong_kind.status_code == 415
    past_end = put(hq, device, blob.sha, 0, 5, b"123456")
    assert past_end.status_code == 400
    huge = put(hq, device, blob.sha, 0, 3 * 1024**3, b"1")
    assert huge.status_code == 413


# --- downloads -------------------------------------------------------------------------


def test_range_reads_return_exactly_the_bytes_asked_for(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(MAX_RANGE_BYTES + ROW_BYTES // 2))
    upload(hq, device, blob, piece=ROW_BYTES + 777)  # pieces straddle the row size
    reader = hq.enrol(branch)
    size = blob.size
    for first, last in [(0, 0), (5, 99), (ROW_BYTES - 3, ROW_BYTES + 3), (size - 10, size - 1)]:
        got = read_range(hq, reader, blob.sha, f"bytes={first}-{last}")
        assert got.status_code == 206
        assert got.content == blob.data[first : last + 1]
        assert got.headers["content-range"] == f"bytes {first}-{last}/{size}"
    tail = read_range(hq, reader, blob.sha, "bytes=-100")
    assert tail.content == blob.data[-100:]
    # An open or oversized range comes back cut to 4 MiB; Content-Range says so.
    opened = read_range(hq, reader, blob.sha, "bytes=100-")
    assert opened.content == blob.data[100 : 100 + MAX_RANGE_BYTES]
    assert opened.headers["content-range"] == f"bytes 100-{100 + MAX_RANGE_BYTES - 1}/{size}"
    for bad in (f"bytes={size}-", "bytes=10-5", "bytes=a-b", "bytes=0-1,5-9"):
        assert read_range(hq, reader, blob.sha, bad).status_code == 416


def test_an_incomplete_content_cannot_be_read(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(10_000))
    answer(put(hq, device, blob.sha, 0, blob.size, blob.data[:5000]))
    refused = read_range(hq, device, blob.sha, "bytes=0-99")
    assert refused.status_code == 404


# --- scope and signatures --------------------------------------------------------------


def test_a_device_outside_the_rows_scope_learns_nothing(hq: Hq, branch: str) -> None:
    owner = hq.enrol(branch)
    blob = Blob(owner, os.urandom(5000))
    upload(hq, owner, blob)
    other = hq.enrol(hq.org("第二党支部", hq.root))
    unknown = hashlib.sha256(b"nothing").hexdigest()
    answers = []
    for sha in (blob.sha, unknown):
        for response in (
            status(hq, other, sha),
            read_range(hq, other, sha, "bytes=0-10"),
            put(hq, other, sha, 0, 5000, blob.data[:10]),
        ):
            assert response.status_code == 404
            answers.append(error(response).reason)
    # The same words whether HQ holds the file or not.
    assert answers[:3] == answers[3:]
    # The owner's committee above it reads it; a member device of the branch does not.
    above = hq.enrol(hq.root)
    assert read_range(hq, above, blob.sha, "bytes=0-9").content == blob.data[:10]
    member = hq.enrol(branch, "member", member="m-1")
    assert status(hq, member, blob.sha).status_code == 404


def test_a_deleted_attachment_no_longer_opens_its_content(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(5000))
    upload(hq, device, blob)
    device.delete("attachments", blob.row_id)
    device.push()
    assert read_range(hq, device, blob.sha, "bytes=0-9").status_code == 404


def test_unsigned_and_forged_requests_are_refused(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    blob = Blob(device, os.urandom(5000))
    path = f"{BLOBS_PATH}/{blob.sha}?offset=0&size={blob.size}"
    unsigned = hq.client.put(path, content=blob.data, headers={"Content-Type": OCTET})
    assert unsigned.status_code == 401
    assert error(unsigned).error == "unsigned"
    forged = put(hq, device, blob.sha, 0, blob.size, blob.data, key=Ed25519PrivateKey.generate())
    assert forged.status_code == 401
    assert error(forged).error == "bad_signature"
    # The query is signed: a request whose offset was changed on the way fails.
    moved = put(
        hq, device, blob.sha, 0, blob.size, blob.data, signed_path=path.replace("=0&", "=9&")
    )
    assert moved.status_code == 401
    unsigned_get = hq.client.get(f"{BLOBS_PATH}/{blob.sha}/status")
    assert unsigned_get.status_code == 401
    assert answer(status(hq, device, blob.sha))["received"] == 0


# --- the HQ database's schema ----------------------------------------------------------


def _downgrade_to_1(db: HqDatabase) -> None:
    with db.write() as conn:
        for table in SCHEMA_3_TABLES:
            table.drop(conn)
        for index in SCHEMA_3_INDEXES:
            index.drop(conn)
        field_state_blob.drop(conn)
        blob_chunks.drop(conn)
        blobs.drop(conn)
        conn.execute(update(hq_meta).where(hq_meta.c.key == "schema").values(value="1"))


def test_a_schema_1_database_is_upgraded_when_served(hq: Hq, branch: str) -> None:
    device = hq.enrol(branch)
    hq.app.state.service.db.dispose()
    _downgrade_to_1(hq.db)
    app = create_app(hq.url, signing_key=hq.keys.signing)
    app.state.service.db.dispose()
    with hq.db.read() as conn:
        schema = conn.execute(select(hq_meta.c.value).where(hq_meta.c.key == "schema")).scalar()
        assert schema == str(HQ_SCHEMA)
        assert conn.execute(select(blobs)).all() == []
    # Upgrading again finds nothing to do; the devices enrolled before still work.
    again = HqDatabase(hq.url)
    assert again.upgrade() == []
    again.dispose()
    blob = Blob(device, os.urandom(3000))
    assert upload(hq, device, blob)["complete"] is True


def test_a_database_newer_than_hq_is_refused_untouched(hq: Hq) -> None:
    newer_schema = str(HQ_SCHEMA + 1)
    with hq.db.write() as conn:
        conn.execute(update(hq_meta).where(hq_meta.c.key == "schema").values(value=newer_schema))
    newer = HqDatabase(hq.url)
    with pytest.raises(HqError, match=f"schema {newer_schema}"):
        newer.require_initialised()
    newer.dispose()
    with hq.db.read() as conn:
        schema = conn.execute(select(hq_meta.c.value).where(hq_meta.c.key == "schema")).scalar()
    assert schema == newer_schema
