"""Reading a request body within a size limit, refusing it before it is all read."""

from __future__ import annotations

import logging

from starlette.requests import ClientDisconnect, Request

from hq.errors import Refusal

log = logging.getLogger(__name__)


async def read_body(request: Request, content_type: str, limit: int, what: str) -> bytes:
    """The raw body of a `content_type` request of at most `limit` bytes; `what` names it
    in refusals ("sync bodies", "file pieces")."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != content_type:
        raise Refusal(415, "unsupported_media_type", f"{what} must be {content_type}")
    declared = request.headers.get("content-length")
    if declared is not None and not declared.isdigit():
        raise Refusal(400, "bad_request", "the Content-Length header is malformed")
    if declared is not None and int(declared) > limit:
        raise Refusal(413, "too_large", f"{what} are limited to {limit} bytes")
    chunks = bytearray()
    try:
        async for chunk in request.stream():
            chunks += chunk
            if len(chunks) > limit:
                raise Refusal(413, "too_large", f"{what} are limited to {limit} bytes")
    except ClientDisconnect:
        # The link dropped mid-upload (common on site links): nothing of it is stored,
        # and the device sends it again. Not an HQ failure, so no stack trace.
        log.info("a device's link dropped during its request")
        raise Refusal(
            400, "disconnected", "the request was cut off before it was complete"
        ) from None
    return bytes(chunks)
