"""The link to HQ: signed sync/v1 requests over HTTP(S) with `requests`.

Timeouts are stall-based: a request fails when no byte arrives for `stall_s` seconds,
never because a slow link takes long. TLS trusts only HQ's own CA, pinned at enrolment
(never `verify=False`). A refusal comes back as a typed error carrying HQ's reason; a cut
or stalled link as HqUnreachable. Requests are signed with this device's Ed25519 key over
method, path (with its query), body digest, time and nonce; when HQ says our clock is off
by more than it allows, the time HQ reported is used from then on and the skew is kept
for the UI to warn about.
"""

from __future__ import annotations

import json
import logging
import ssl
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from requests.adapters import HTTPAdapter

from desktop.sync.errors import (
    CertificateRejected,
    DeviceRevoked,
    HqRefused,
    HqUnreachable,
    SyncCancelled,
    UpdateNeeded,
)
from desktop.sync.protocol import (
    CONTENT_TYPE,
    MAX_BODY_BYTES,
    ErrorBody,
    ProtocolError,
    decode_body,
    encode_body,
    now_ms,
    sign_request,
)

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 15.0
#: No byte for this long and the request is given up (a 64 kbit/s link still moves
#: 8 KB/s, so a working link never waits this long between reads).
STALL_TIMEOUT_S = 45.0
_READ_CHUNK = 16 * 1024
#: HQ tolerates this much skew; past it the UI warns (and requests use HQ's time).
SKEW_WARNING_MS = 300_000


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Mapping[str, str]
    body: bytes


class _PinnedAdapter(HTTPAdapter):
    """Verifies HQ's certificate against HQ's own CA only (pinned at enrolment)."""

    def __init__(self, ca_pem: str) -> None:
        self._context = ssl.create_default_context(cadata=ca_pem)
        super().__init__()

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = self._context
        super().init_poolmanager(*args, **kwargs)

    def proxy_manager_for(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["ssl_context"] = self._context
        return super().proxy_manager_for(*args, **kwargs)


class Link:
    """One device's connection to HQ. Thread-safe for the counters; one request at a time
    per thread. `cancel()` makes the request in flight (and later ones) stop."""

    def __init__(
        self,
        server: str,
        *,
        device_id: str = "new",
        key: Ed25519PrivateKey | None = None,
        ca_pem: str | None = None,
        connect_timeout_s: float = CONNECT_TIMEOUT_S,
        stall_timeout_s: float = STALL_TIMEOUT_S,
        clock_offset_ms: int = 0,
    ) -> None:
        parts = urlsplit(server)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise HqUnreachable(detail=f"{server!r} is not an http:// or https:// address")
        self.server = server.rstrip("/")
        self.device_id = device_id
        self.key = key
        self.timeouts = (connect_timeout_s, stall_timeout_s)
        #: HQ's clock minus ours, learnt from a refusal for a stale request.
        self.clock_offset_ms = clock_offset_ms
        self.bytes_sent = 0
        self.bytes_received = 0
        self.requests = 0
        #: What requests that got no answer cost (counted whole: a cut may come late).
        self.bytes_lost = 0
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self.session = requests.Session()
        self.session.trust_env = False  # never through a proxy from the environment
        if ca_pem:
            self.session.mount("https://", _PinnedAdapter(ca_pem))

    def close(self) -> None:
        self.session.close()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def skew_ms(self) -> int:
        return self.clock_offset_ms

    def reset_counters(self) -> None:
        with self._lock:
            self.bytes_sent = self.bytes_received = self.requests = self.bytes_lost = 0

    # --- requests ----------------------------------------------------------------------

    def call(self, path: str, message: Any) -> Any:
        """POST a sync message (zstd JSON) and return HQ's decoded answer."""
        reply = self.send("POST", path, encode_body(message))
        try:
            return decode_body(reply.body)
        except ProtocolError as problem:
            raise HqUnreachable(detail=f"HQ sent a malformed answer ({problem.reason})") from None

    def send(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        *,
        content_type: str = CONTENT_TYPE,
        headers: Mapping[str, str] | None = None,
    ) -> Reply:
        """One signed request; retried once with HQ's time if HQ finds our clock off."""
        try:
            return self._send(method, path, body, content_type, headers)
        except HqRefused as refused:
            if refused.code != "stale_request" or refused.server_time_ms is None:
                raise
            offset = refused.server_time_ms - now_ms()
            if abs(offset - self.clock_offset_ms) < 1000:
                raise
            log.warning("this computer's clock is %d s off HQ's", offset // 1000)
            self.clock_offset_ms = offset
            return self._send(method, path, body, content_type, headers)

    def _send(
        self,
        method: str,
        path: str,
        body: bytes,
        content_type: str,
        headers: Mapping[str, str] | None,
    ) -> Reply:
        if self.cancelled:
            raise SyncCancelled()
        signed: dict[str, str] = {}
        if self.key is not None:
            signed = sign_request(
                self.key,
                self.device_id,
                method,
                path,
                body,
                time_ms=now_ms() + self.clock_offset_ms,
            )
        if body or method in ("POST", "PUT"):
            signed["Content-Type"] = content_type
        signed.update(headers or {})
        url = self.server + path
        try:
            return self._exchange(method, url, path, body, signed)
        except (HqUnreachable, SyncCancelled, CertificateRejected):
            with self._lock:
                self.bytes_lost += len(body) + _header_bytes(signed, path)
            raise

    def _exchange(
        self, method: str, url: str, path: str, body: bytes, signed: dict[str, str]
    ) -> Reply:
        try:
            response = self.session.request(
                method, url, data=body, headers=signed, timeout=self.timeouts, stream=True
            )
            with response:
                data = self._read(response)
        except requests.exceptions.SSLError as problem:
            raise CertificateRejected(detail=_short(problem)) from None
        except requests.exceptions.Timeout:
            raise HqUnreachable(
                detail=f"no answer for {self.timeouts[1]:.0f} seconds (the link stalled)"
            ) from None
        except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError) as e:
            raise HqUnreachable(detail=_short(e)) from None
        except requests.exceptions.RequestException as problem:
            raise HqUnreachable(detail=_short(problem)) from None
        with self._lock:
            self.bytes_sent += len(body) + _header_bytes(signed, path)
            self.bytes_received += len(data) + _header_bytes(response.headers, "")
            self.requests += 1
        if response.status_code >= 400:
            raise _refusal(response.status_code, data)
        return Reply(response.status_code, dict(response.headers), data)

    def _read(self, response: requests.Response) -> bytes:
        """The whole body, read in chunks (each read may stall at most the stall timeout;
        cancel stops between chunks)."""
        chunks = bytearray()
        for chunk in response.iter_content(_READ_CHUNK):
            chunks += chunk
            if len(chunks) > MAX_BODY_BYTES:
                raise HqUnreachable(detail="HQ's answer is larger than allowed")
            if self.cancelled:
                raise SyncCancelled()
        return bytes(chunks)


def _header_bytes(headers: Mapping[str, str], path: str) -> int:
    """About what the request line and headers cost on the wire (for the byte figures)."""
    return len(path) + 16 + sum(len(k) + len(v) + 4 for k, v in headers.items())


def _short(problem: Exception) -> str:
    text = str(problem)
    # urllib3 nests the cause; the last part is the one a person can act on.
    return text.rsplit(": ", 1)[-1].strip("()'\"")[:200] or type(problem).__name__


def _refusal(status: int, data: bytes) -> HqRefused:
    try:
        body = ErrorBody.from_wire(json.loads(data.decode("utf-8")))
    except (ValueError, ProtocolError, UnicodeDecodeError):
        reason = f"HQ answered {status} without an explanation"
        return HqRefused(status=status, code="unknown", reason=reason)
    return refusal_from(status, body)


def refusal_from(status: int, body: ErrorBody) -> HqRefused:
    """The typed error for an HQ refusal; HQ's whole answer stays on it."""
    kind: type[HqRefused] = HqRefused
    if body.error == "schema_mismatch":
        kind = UpdateNeeded
    elif status == 401 and body.error in ("revoked", "unknown_device"):
        kind = DeviceRevoked
    return kind(status=status, code=body.error, reason=body.reason, body=body)


def wait(seconds: float, cancelled: threading.Event | None = None) -> bool:
    """Sleep up to `seconds`; True if woken by `cancelled`."""
    if cancelled is None:
        time.sleep(seconds)
        return False
    return cancelled.wait(seconds)
