"""sync/v1 on the wire: constants, errors, and compact JSON compressed with zstd, decoded
within size limits; plus the typed readers the messages are parsed with."""

from __future__ import annotations

import base64
import binascii
import contextlib
import gc
import io
import re
import time
from collections.abc import Iterator
from typing import Any

import orjson
import zstandard

from desktop.store.schema.registry import compact_json

PROTOCOL = "sync/v1"
CONTENT_TYPE = "application/x-lianxin+zstd"
ENROLL_PATH = "/sync/v1/enroll"
PUSH_PATH = "/sync/v1/push"
PULL_PATH = "/sync/v1/pull"

HEADER_DEVICE = "X-Lianxin-Device"
HEADER_TIME = "X-Lianxin-Time"
HEADER_NONCE = "X-Lianxin-Nonce"
HEADER_SIGNATURE = "X-Lianxin-Signature"

#: Largest compressed body either side accepts, and largest once decompressed (zip bombs).
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_DECODED_BYTES = 64 * 1024 * 1024
#: A signed request is accepted this far either side of HQ's clock; nonces are remembered
#: for as long, so a captured request can never be replayed.
CLOCK_WINDOW_MS = 300_000
#: Changes one push may carry (the client adapts its batch below this to the link).
MAX_PUSH_CHANGES = 20_000
#: Changed fields one pull page may carry (rows entering scope come whole on top).
#: Large pages make a first pull fast (a page is one transaction on the device, whose
#: cost is mostly per page: the search index is written out at each commit).
DEFAULT_PULL_LIMIT = 5_000
MAX_PULL_LIMIT = 100_000
#: The most an HQ from before MAX_PULL_LIMIT grew accepts: it refuses a larger limit
#: as a bad request, and the device then asks for pages of this size.
V1_PULL_LIMIT = 20_000
#: Most items a decoded pull page may list (memory is bounded by MAX_DECODED_BYTES too).
MAX_PAGE_ITEMS = 1_000_000
#: Largest blob carried inline as a field value; attachments use the blob endpoints.
MAX_INLINE_BLOB = 256 * 1024
#: Sizes of ids (row ids, org ids, device ids, user ids) and of HLC node names.
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_HLC = re.compile(r"^\d{16}:\d{5}:[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
NONCE_PATTERN = re.compile(r"^[0-9a-f]{32}$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
INT64 = 2**63

#: Fields every synced row carries besides its declared columns.
DELETED = "_deleted"
OWNER = "owner_org"
AUDIENCE = "audience"

Value = str | int | float | bytes | None


class ProtocolError(ValueError):
    """A message that is not valid sync/v1; `reason` says why, in words for the log."""

    status = 400
    code = "bad_request"

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class BodyTooLarge(ProtocolError):
    status = 413
    code = "too_large"


class InvalidChange(ProtocolError):
    """A change that does not fit the schema registry."""

    status = 422
    code = "invalid_change"


class AuthFailure(ProtocolError):
    """A request whose signature, time or nonce is not acceptable."""

    status = 401

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def is_valid_id(text: object) -> bool:
    return isinstance(text, str) and _ID.match(text) is not None


def is_valid_hlc(text: object) -> bool:
    return isinstance(text, str) and _HLC.match(text) is not None


# --- encoding --------------------------------------------------------------------------


class RawJson:
    """JSON text that `dumps` writes into a message as it is.

    HQ keeps field values as JSON text and builds a pull page's fields from it in SQL:
    parsing them only to encode them again would cost more than everything else a first
    pull does. Only for text HQ made itself from its own database, never for anything
    received: it is not checked here.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"RawJson({self.text!r})"


def json_default(value: object) -> object:
    if isinstance(value, bytes):
        return {"$b": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"{type(value).__name__} is not a sync/v1 value")


def _message_default(value: object) -> object:
    if isinstance(value, RawJson):
        return orjson.Fragment(value.text)
    return json_default(value)


def dumps_bytes(message: Any) -> bytes:
    """Compact UTF-8 JSON of a wire structure (bytes become {"$b": base64}, RawJson its
    text as it is), as a body carries it.

    orjson (`compact_json`): a first pull's pages are tens of megabytes that HQ writes
    and the device reads. It writes a NaN as null where json refuses it; no value of a
    message can be one (the store and HQ refuse them: `to_db`, `check_value`)."""
    return compact_json(message, _message_default)


def dumps(message: Any) -> str:
    """`dumps_bytes` as text."""
    return dumps_bytes(message).decode("utf-8")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while a large message is built or decoded.

    A pull page is millions of small lists and tuples, none of them in a cycle; the
    collector would walk all of them again and again as they pile up, which makes
    decoding several times slower. The collector runs again afterwards (only if it was
    on: another thread may have paused it too, and resumes it when done).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def encode_body(message: Any, *, level: int = 3) -> bytes:
    """A wire structure as a request or response body: compact JSON, then zstd."""
    return zstandard.ZstdCompressor(level=level).compress(dumps_bytes(message))


def _first_line(error: Exception) -> str:
    return str(error).split("\n", 1)[0][:200]


def decode_body(
    data: bytes, *, max_body: int = MAX_BODY_BYTES, max_decoded: int = MAX_DECODED_BYTES
) -> Any:
    """The wire structure in a body, refusing bodies too large before or after inflating."""
    if len(data) > max_body:
        raise BodyTooLarge(f"body of {len(data)} bytes is over the limit of {max_body}")
    out = bytearray()
    try:
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as reader:
            while True:
                chunk = reader.read(1 << 20)
                if not chunk:
                    break
                out += chunk
                if len(out) > max_decoded:
                    raise BodyTooLarge(f"body inflates past the limit of {max_decoded} bytes")
    except zstandard.ZstdError as exc:
        raise ProtocolError(f"body is not zstd-compressed: {exc}") from None
    try:
        with paused_gc():
            # orjson keeps to RFC 8259: no NaN or Infinity, UTF-8 only, nesting within
            # 1024. An integer past 64 bits reads as a float, which every integer field
            # refuses (none of ours is larger).
            return orjson.loads(out)
    except orjson.JSONDecodeError as exc:
        raise ProtocolError(f"body is not JSON: {_first_line(exc)}") from None


def wire_value(value: Value) -> Any:
    if isinstance(value, bytes):
        return json_default(value)
    return value


def read_value(raw: Any) -> Value:
    """A field value from the wire: a JSON scalar, or {"$b": base64} for binary data."""
    if raw is None or isinstance(raw, str | int | float):
        return raw
    if isinstance(raw, dict) and len(raw) == 1 and isinstance(raw.get("$b"), str):
        try:
            return base64.b64decode(raw["$b"], validate=True)
        except binascii.Error:
            raise ProtocolError("binary value is not base64") from None
    raise ProtocolError("a field value must be text, a number, null or {$b: base64}")


class ObjectReader:
    """Typed access to one JSON object of a message, refusing anything out of shape."""

    def __init__(self, data: Any, what: str) -> None:
        if not isinstance(data, dict):
            raise ProtocolError(f"{what}: expected an object")
        self.data: dict[str, Any] = data
        self.what = what

    def _get(self, key: str, default: Any) -> Any:
        if key in self.data:
            return self.data[key]
        if default is _MISSING:
            raise ProtocolError(f"{self.what}: {key} is missing")
        return default

    def integer(
        self, key: str, *, minimum: int = 0, maximum: int = INT64 - 1, default: Any = None
    ) -> int:
        value = self._get(key, _MISSING if default is None else default)
        return read_int(value, f"{self.what}.{key}", minimum, maximum)

    def text(self, key: str, *, max_length: int = 200) -> str:
        value = self._get(key, _MISSING)
        return read_text(value, f"{self.what}.{key}", max_length)

    def opt_text(self, key: str, *, max_length: int = 200) -> str | None:
        value = self._get(key, None)
        return None if value is None else read_text(value, f"{self.what}.{key}", max_length)

    def flag(self, key: str) -> bool:
        value = self._get(key, _MISSING)
        if not isinstance(value, bool):
            raise ProtocolError(f"{self.what}.{key}: expected true or false")
        return value

    def items(self, key: str, *, max_items: int, default: Any = None) -> list[Any]:
        value = self._get(key, _MISSING if default is None else default)
        return read_list(value, f"{self.what}.{key}", max_items)


_MISSING = object()


def read_int(value: Any, what: str, minimum: int = 0, maximum: int = INT64 - 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProtocolError(f"{what}: expected a whole number")
    if not minimum <= value <= maximum:
        raise ProtocolError(f"{what}: {value} is out of range")
    return value


def read_text(value: Any, what: str, max_length: int) -> str:
    if not isinstance(value, str):
        raise ProtocolError(f"{what}: expected text")
    if len(value) > max_length:
        raise ProtocolError(f"{what}: longer than {max_length} characters")
    return value


def read_id(value: Any, what: str) -> str:
    if not is_valid_id(value):
        raise ProtocolError(f"{what}: not a valid id")
    return str(value)


def read_opt_id(value: Any, what: str) -> str | None:
    return None if value is None else read_id(value, what)


def read_hlc(value: Any, what: str) -> str:
    if not is_valid_hlc(value):
        raise ProtocolError(f"{what}: not a valid HLC stamp")
    return str(value)


def read_list(value: Any, what: str, max_items: int) -> list[Any]:
    if not isinstance(value, list):
        raise ProtocolError(f"{what}: expected a list")
    if len(value) > max_items:
        raise ProtocolError(f"{what}: more than {max_items} items")
    return value


def read_fixed(value: Any, what: str, size: int) -> list[Any]:
    if not isinstance(value, list) or len(value) != size:
        raise ProtocolError(f"{what}: expected a list of {size} items")
    return value


def read_schema(reader: ObjectReader) -> int:
    return reader.integer("schema_version", minimum=1, maximum=1_000_000)
