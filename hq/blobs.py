"""Attachment contents at HQ: uploads in pieces with resume, downloads by Range.

A content is named by its SHA-256 and kept in the database (`blobs`, `blob_chunks` in
pieces of at most 1 MiB), so app servers stay stateless and any of them can take the
next piece of an upload another one started. The endpoints, signed like push and pull
(the signed path carries the query):

    PUT /sync/v1/blobs/{sha}?offset=N&size=TOTAL   raw bytes (application/octet-stream,
        at most 4 MiB) appended at N. N must be what HQ holds: otherwise 409
        offset_mismatch, with HQ's count in the X-Lianxin-Received header and the reason,
        and the device continues from there. The last piece makes HQ check the SHA-256:
        a mismatch discards everything (422). Answers {"received": N, "complete": bool}.
    GET /sync/v1/blobs/{sha}/status   {"size": N | null, "received": N, "complete": bool}.
    GET /sync/v1/blobs/{sha}          with `Range: bytes=A-B` (at most 4 MiB): 206 and the
        bytes, once the content is complete.

Every one of them answers only for a content that a live attachment row in the device's
read scope names (for an upload, with that very size); for any other the answer is the
same 404 whether HQ holds it or not, so a device can neither probe for contents by hash
nor park arbitrary data at HQ. A device uploads only after pushing the row, so its own
uploads always qualify.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, and_, delete, false, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from starlette.concurrency import run_in_threadpool

from desktop.sync.protocol import CONTENT_TYPE, ErrorBody, encode_body, now_ms, value_json
from hq.auth import Authenticator
from hq.bodies import read_body
from hq.db import HqDatabase
from hq.errors import Refusal
from hq.metrics import Metrics
from hq.scope import DeviceScope
from hq.tables import BLOB_NAMED, blob_chunks, blobs, field_state, row_state

log = logging.getLogger(__name__)

BLOBS_PATH = "/sync/v1/blobs"
OCTET_STREAM = "application/octet-stream"
HEADER_RECEIVED = "X-Lianxin-Received"
#: The largest content HQ takes (the desktop store has the same limit).
MAX_BLOB_BYTES = 2 * 1024**3
#: Most bytes one upload request may carry, and one Range answer return.
MAX_PUT_BYTES = 4 * 1024 * 1024
MAX_RANGE_BYTES = 4 * 1024 * 1024
#: Bytes per blob_chunks row: one row never holds more (a Range read fetches few).
ROW_BYTES = 1024 * 1024
#: Rows read per query while checking a whole content's SHA-256 (bounded memory).
_VERIFY_ROWS = 16
_SHA = re.compile(r"^[0-9a-f]{64}$")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
_NOT_FOUND = "HQ holds no such file for this device."


class OffsetMismatch(Refusal):
    """An upload piece that does not start where HQ's copy ends."""

    def __init__(self, received: int) -> None:
        super().__init__(
            409,
            "offset_mismatch",
            f"HQ holds {received} bytes of this file; continue from there (received={received}).",
        )
        self.received = received


@dataclass(frozen=True)
class BlobState:
    size: int | None
    received: int
    complete: bool

    def to_wire(self) -> dict[str, object]:
        return {"size": self.size, "received": self.received, "complete": self.complete}


def check_sha(sha: str) -> str:
    if not _SHA.match(sha):
        raise Refusal(400, "bad_request", "a file is named by 64 lower-case hex digits")
    return sha


def _number(raw: str | None, what: str) -> int:
    if raw is None or not raw.isdigit() or len(raw) > 12:
        raise Refusal(400, "bad_request", f"{what} must be a whole number of bytes")
    return int(raw)


def named_in_scope(conn: Connection, scope: DeviceScope, sha: str, size: int | None = None) -> bool:
    """True when a live attachment row this device may read names `sha` (and, when
    given, gives it `size`)."""
    f, r = field_state.c, row_state.c
    query = (
        select(f.row_id)
        .select_from(field_state.join(row_state, and_(r.tbl == f.tbl, r.row_id == f.row_id)))
        .where(
            BLOB_NAMED,  # as literals, so that the partial index field_state_blob serves
            f.value == value_json(sha),
            r.deleted == false(),
            scope.read_filter(),
        )
    )
    if size is not None:
        sizes = aliased(field_state)
        query = query.join(
            sizes,
            and_(sizes.c.tbl == f.tbl, sizes.c.row_id == f.row_id, sizes.c.col == "size"),
        ).where(sizes.c.value == value_json(size))
    return conn.execute(query.limit(1)).first() is not None


def state(conn: Connection, sha: str) -> BlobState:
    row = conn.execute(
        select(blobs.c.size, blobs.c.received, blobs.c.complete).where(blobs.c.sha == sha)
    ).first()
    if row is None:
        return BlobState(None, 0, False)
    return BlobState(int(row.size), int(row.received), bool(row.complete))


def _discard(conn: Connection, sha: str) -> None:
    conn.execute(delete(blob_chunks).where(blob_chunks.c.sha == sha))
    conn.execute(delete(blobs).where(blobs.c.sha == sha))


class BlobService:
    """The blob endpoints' work, run in worker threads (the database is blocking)."""

    def __init__(self, db: HqDatabase, auth: Authenticator) -> None:
        self.db = db
        self.auth = auth

    # --- upload --------------------------------------------------------------------

    def put(
        self,
        signed_path: str,
        headers: Mapping[str, str],
        body: bytes,
        sha: str,
        query: Mapping[str, str],
    ) -> bytes:
        now = now_ms()
        caller = self.auth.caller("PUT", signed_path, headers, body, now_ms=now)
        check_sha(sha)
        offset = _number(query.get("offset"), "offset")
        size = _number(query.get("size"), "size")
        if size > MAX_BLOB_BYTES:
            raise Refusal(413, "too_large", f"files are limited to {MAX_BLOB_BYTES} bytes")
        if offset + len(body) > size:
            raise Refusal(400, "bad_request", "the piece runs past the file's size")
        try:
            with self.db.write() as conn:
                if not named_in_scope(conn, caller.scope, sha, size):
                    raise Refusal(404, "not_found", _NOT_FOUND)
                held = self._append(conn, sha, offset, size, body, now)
        except IntegrityError:
            # Two first pieces of one file at the same moment: one wins, the other asks.
            raise Refusal(
                409, "busy", "Another upload of this file started at the same moment."
            ) from None
        if held.received == size and not held.complete:
            held = self._verify(sha, size)
        return encode_body({"received": held.received, "complete": held.complete})

    def _append(
        self, conn: Connection, sha: str, offset: int, size: int, body: bytes, now: int
    ) -> BlobState:
        row = conn.execute(
            select(blobs.c.size, blobs.c.received, blobs.c.complete)
            .where(blobs.c.sha == sha)
            .with_for_update()
        ).first()
        if row is None:
            conn.execute(
                insert(blobs).values(
                    sha=sha, size=size, received=0, complete=False, created_ms=now, updated_ms=now
                )
            )
            received = 0
        elif row.complete:
            return BlobState(int(row.size), int(row.received), True)  # nothing to add
        elif int(row.size) != size:
            # An unfinished upload under another size: only a complete one is trusted
            # (the SHA-256 decides), so start again with the size a row gives it now.
            conn.execute(delete(blob_chunks).where(blob_chunks.c.sha == sha))
            conn.execute(update(blobs).where(blobs.c.sha == sha).values(size=size, received=0))
            received = 0
        else:
            received = int(row.received)
        if offset != received:
            raise OffsetMismatch(received)
        if body:
            conn.execute(
                insert(blob_chunks),
                [
                    {"sha": sha, "offset": offset + at, "data": body[at : at + ROW_BYTES]}
                    for at in range(0, len(body), ROW_BYTES)
                ],
            )
            received += len(body)
            conn.execute(
                update(blobs).where(blobs.c.sha == sha).values(received=received, updated_ms=now)
            )
        return BlobState(size, received, False)

    def _verify(self, sha: str, size: int) -> BlobState:
        """Hash the whole content (outside the write lock: a large file takes a moment)
        and mark it complete, or discard it when it is not what its name says."""
        digest = hashlib.sha256()
        position = 0
        with self.db.read() as conn:
            while True:
                rows = conn.execute(
                    select(blob_chunks.c.offset, blob_chunks.c.data)
                    .where(blob_chunks.c.sha == sha, blob_chunks.c.offset >= position)
                    .order_by(blob_chunks.c.offset)
                    .limit(_VERIFY_ROWS)
                ).all()
                if not rows:
                    break
                for at, data in rows:
                    if at != position:
                        break  # a gap: cannot happen through _append; fails the check
                    digest.update(data)
                    position += len(data)
                else:
                    continue
                break
        good = position == size and digest.hexdigest() == sha
        if not good:
            with self.db.write() as conn:
                _discard(conn, sha)
            log.warning("an upload did not match its SHA-256 %s and was discarded", sha[:12])
            raise Refusal(
                422,
                "content_mismatch",
                "The file HQ received does not match its SHA-256; it was discarded: send it "
                "again from the start.",
            )
        with self.db.write() as conn:
            conn.execute(
                update(blobs)
                .where(blobs.c.sha == sha, blobs.c.received == size)
                .values(complete=True)
            )
        log.info("file %s complete at HQ (%d bytes)", sha[:12], size)
        return BlobState(size, size, True)

    # --- status and download -------------------------------------------------------

    def status(self, signed_path: str, headers: Mapping[str, str], sha: str) -> bytes:
        caller = self.auth.caller("GET", signed_path, headers, b"", now_ms=now_ms())
        check_sha(sha)
        with self.db.read() as conn:
            if not named_in_scope(conn, caller.scope, sha):
                raise Refusal(404, "not_found", _NOT_FOUND)
            held = state(conn, sha)
        return encode_body(held.to_wire())

    def read(
        self, signed_path: str, headers: Mapping[str, str], sha: str, range_header: str | None
    ) -> tuple[bytes, int, int, int]:
        """(bytes, first, last, size): the range asked for (without one, the whole file,
        or its first MAX_RANGE_BYTES)."""
        caller = self.auth.caller("GET", signed_path, headers, b"", now_ms=now_ms())
        check_sha(sha)
        with self.db.read() as conn:
            if not named_in_scope(conn, caller.scope, sha):
                raise Refusal(404, "not_found", _NOT_FOUND)
            held = state(conn, sha)
            if not held.complete or held.size is None:
                raise Refusal(404, "not_found", "HQ does not hold this whole file yet.")
            first, last = _byte_range(range_header, held.size)
            rows = conn.execute(
                select(blob_chunks.c.offset, blob_chunks.c.data)
                .where(
                    blob_chunks.c.sha == sha,
                    blob_chunks.c.offset <= last,
                    blob_chunks.c.offset > first - ROW_BYTES,
                )
                .order_by(blob_chunks.c.offset)
            ).all()
        pieces = bytearray()
        for at, data in rows:
            end = at + len(data)
            if end <= first:
                continue
            pieces += data[max(0, first - at) : min(len(data), last + 1 - at)]
        if len(pieces) != last + 1 - first:
            log.error("file %s at HQ is missing bytes in %d-%d", sha[:12], first, last)
            raise Refusal(404, "not_found", "HQ does not hold this whole file yet.")
        return bytes(pieces), first, last, held.size


def _byte_range(header: str | None, size: int) -> tuple[int, int]:
    """The inclusive byte range asked for, cut to the file and to MAX_RANGE_BYTES (the
    Content-Range of the answer says what came)."""
    if header is None:
        if size == 0:
            return 0, -1  # an empty file, whole
        first, last = 0, size - 1
    else:
        found = _RANGE.match(header.strip())
        if found is None or found.group(1) == found.group(2) == "":
            raise Refusal(416, "bad_range", "ask for one range of bytes: bytes=first-last")
        start, end = found.groups()
        if start == "":  # the last N bytes
            first, last = max(0, size - int(end)), size - 1
        else:
            first = int(start)
            last = size - 1 if end == "" else min(int(end), size - 1)
    if first > last or first >= size:
        raise Refusal(416, "bad_range", f"the file has {size} bytes")
    return first, min(last, first + MAX_RANGE_BYTES - 1)


# --- routes ------------------------------------------------------------------------


def _signed_path(request: Request) -> str:
    """What the device signed: the path, and the query exactly as sent."""
    query = request.scope.get("query_string", b"").decode("latin-1")
    return request.url.path + (f"?{query}" if query else "")


def install(app: FastAPI, service: BlobService, metrics: Metrics) -> None:
    """Add the blob endpoints to the HQ app (refusals go through its handlers)."""

    async def put_blob(request: Request, sha: str) -> Response:
        body = await read_body(request, OCTET_STREAM, MAX_PUT_BYTES, "file pieces")
        try:
            payload = await run_in_threadpool(
                service.put,
                _signed_path(request),
                request.headers,
                body,
                sha,
                dict(request.query_params),
            )
        except OffsetMismatch as mismatch:
            # Answered here, not by the app's handler: the header carries the count.
            metrics.errors.labels(mismatch.code).inc()
            return JSONResponse(
                ErrorBody(mismatch.code, mismatch.reason, now_ms()).to_wire(),
                status_code=mismatch.status,
                headers={HEADER_RECEIVED: str(mismatch.received)},
            )
        return Response(payload, media_type=CONTENT_TYPE)

    async def blob_status(request: Request, sha: str) -> Response:
        payload = await run_in_threadpool(
            service.status, _signed_path(request), request.headers, sha
        )
        return Response(payload, media_type=CONTENT_TYPE)

    async def get_blob(request: Request, sha: str) -> Response:
        asked = request.headers.get("range")
        found = await run_in_threadpool(
            service.read, _signed_path(request), request.headers, sha, asked
        )
        data, first, last, size = found
        if asked is None and len(data) == size:
            return Response(data, media_type=OCTET_STREAM)
        return Response(
            data,
            status_code=206,
            media_type=OCTET_STREAM,
            headers={"Content-Range": f"bytes {first}-{last}/{size}"},
        )

    app.add_api_route(BLOBS_PATH + "/{sha}", put_blob, methods=["PUT"], include_in_schema=False)
    app.add_api_route(
        BLOBS_PATH + "/{sha}/status", blob_status, methods=["GET"], include_in_schema=False
    )
    app.add_api_route(BLOBS_PATH + "/{sha}", get_blob, methods=["GET"], include_in_schema=False)
