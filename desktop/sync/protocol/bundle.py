"""Offline bundles: sync/v1 messages carried in a file (USB stick, e-mail, a satellite
terminal's file transfer) instead of HTTP requests.

A device writes a bundle "to-hq": its outbox as push requests, a pull request from its
cursor, and a fresh one-time X25519 public key. HQ imports it, runs the same push and
pull as the HTTP endpoints, and writes a bundle "to-device" that answers it: the push
answers (or refusals), the conflict reviews it recorded, and as many pull pages as fit.

Layout of a bundle file (integers big-endian):

    magic        8 bytes   89 'L' 'X' 'B' 0d 0a 1a 0a: the high byte and the line ends
                           show at once a copy made in 7-bit or text mode
    header size  2 bytes
    header       canonical JSON, in the clear and with nothing personal in it: format,
                 protocol, kind, id, sender, recipient, recipient_key (fingerprint of the
                 X25519 key the body is encrypted to), ephemeral_key, created_ms, and
                 in_reply_to for a reply
    body size    8 bytes
    body         AES-256-GCM ciphertext (tag included) of the zstd-compressed wire JSON,
                 under a key from ephemeral-static X25519 and HKDF-SHA256; everything
                 before the body size (magic, header size, header) is its associated data
    signature    64 bytes  Ed25519, by the sender, over every byte before it

Readers check the structure first (a truncated or foreign file is named as such), then
the sender's signature, then decrypt. Nothing in this module touches a database.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import itertools
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import zstandard
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.sync.protocol.messages import (
    ErrorBody,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
)
from desktop.sync.protocol.signing import encode_public_key
from desktop.sync.protocol.wire import (
    PROTOCOL,
    ObjectReader,
    ProtocolError,
    decode_body,
    dumps,
    is_valid_id,
    now_ms,
    read_id,
    read_int,
)

MAGIC = b"\x89LXB\r\n\x1a\n"
#: The file layout above; a reader refuses a higher one with "update Lianxin".
FORMAT = 1
TO_HQ = "to-hq"
TO_DEVICE = "to-device"
#: The sender of replies and the recipient of device bundles.
HQ = "hq"
#: The file name ending offered for sync files (file dialogs, the CLI's examples).
SUFFIX = ".lxsync"

#: What a writer puts in one bundle at most, as uncompressed wire JSON: a device's push
#: requests, HQ's pull pages. What does not fit goes in the next bundle.
BODY_CAP = 50_000_000
#: What a reader accepts: the cap plus one oversize page (pages are bounded by the HTTP
#: limit) and room; and the file itself (compressed, so smaller than this).
MAX_DECODED = 128 * 1024 * 1024
MAX_FILE = 160 * 1024 * 1024
#: Push requests and pull pages one bundle may list.
MAX_PUSHES = 10_000
MAX_PAGES = 10_000

_HEADER_MAX = 4096
_SIGNATURE = 64
_HKDF_INFO = b"lianxin-bundle/v1|"
_LEVEL = 9  # slower than the HTTP default, smaller files: the link is a USB stick or worse


class BundleError(ProtocolError):
    """A file that is not a bundle this reader may use; `reason` says why, for people."""

    code = "bad_bundle"


def new_bundle_id() -> str:
    return os.urandom(16).hex()


def key_fingerprint(key: X25519PublicKey) -> str:
    """Short name of a recipient key: a reader knows at once whether a file is for it."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def load_bundle_public_key(text: str) -> X25519PublicKey:
    """An X25519 public key as the protocol writes them (base64 of 32 bytes)."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ProtocolError("a bundle key is not a base64 32-byte key")
    return X25519PublicKey.from_public_bytes(raw)


def read_file(path: Path) -> bytes:
    """A bundle file's bytes, refused past the size limit before it is read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise BundleError(f"{path.name} is too large to be a sync file ({size} bytes)")
        return path.read_bytes()
    except OSError as problem:
        raise BundleError(
            f"cannot read {path}: {problem.strerror or type(problem).__name__}"
        ) from None


# --- the envelope ----------------------------------------------------------------------


@dataclass(frozen=True)
class BundleHeader:
    kind: str
    id: str
    sender: str
    recipient: str
    recipient_key: str
    ephemeral_key: str
    created_ms: int
    in_reply_to: str | None = None
    format: int = FORMAT

    def to_wire(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "format": self.format,
            "protocol": PROTOCOL,
            "kind": self.kind,
            "id": self.id,
            "sender": self.sender,
            "recipient": self.recipient,
            "recipient_key": self.recipient_key,
            "ephemeral_key": self.ephemeral_key,
            "created_ms": self.created_ms,
        }
        if self.in_reply_to is not None:
            out["in_reply_to"] = self.in_reply_to
        return out

    @classmethod
    def from_wire(cls, raw: Any) -> BundleHeader:
        r = ObjectReader(raw, "bundle header")
        version = r.integer("format", minimum=1)
        if version > FORMAT:
            raise BundleError(
                f"the file was made by a newer Lianxin (file format {version}): update Lianxin"
            )
        if r.data.get("protocol") != PROTOCOL:
            raise BundleError(f"the file speaks {r.data.get('protocol')!r}, not {PROTOCOL}")
        kind = r.text("kind", max_length=16)
        if kind not in (TO_HQ, TO_DEVICE):
            raise BundleError(f"unknown kind of sync file {kind!r}")
        reply_to = r.data.get("in_reply_to")
        return cls(
            kind,
            read_id(r.data.get("id"), "bundle.id"),
            read_id(r.data.get("sender"), "bundle.sender"),
            read_id(r.data.get("recipient"), "bundle.recipient"),
            r.text("recipient_key", max_length=64),
            r.text("ephemeral_key", max_length=64),
            r.integer("created_ms"),
            None if reply_to is None else read_id(reply_to, "bundle.in_reply_to"),
            version,
        )


def _body_key(shared: bytes, ephemeral: X25519PublicKey, recipient: X25519PublicKey) -> bytes:
    """AES key (32 bytes) and nonce (12) for one body. The ephemeral key is new for every
    bundle, so key and nonce never repeat."""
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    info = _HKDF_INFO + ephemeral.public_bytes(*raw) + recipient.public_bytes(*raw)
    return HKDF(algorithm=hashes.SHA256(), length=44, salt=None, info=info).derive(shared)


def seal(
    message: Any,
    *,
    kind: str,
    bundle_id: str,
    sender: str,
    recipient: str,
    recipient_key: X25519PublicKey,
    signing_key: Ed25519PrivateKey,
    in_reply_to: str | None = None,
    created_ms: int | None = None,
) -> bytes:
    """A wire structure as a bundle file: compressed, encrypted to `recipient_key`, signed."""
    ephemeral = X25519PrivateKey.generate()
    header = BundleHeader(
        kind,
        bundle_id,
        sender,
        recipient,
        key_fingerprint(recipient_key),
        encode_public_key(ephemeral.public_key()),
        now_ms() if created_ms is None else created_ms,
        in_reply_to,
    )
    text = json.dumps(header.to_wire(), sort_keys=True, separators=(",", ":")).encode("ascii")
    if len(text) > _HEADER_MAX:
        raise BundleError("bundle header too large")
    head = MAGIC + struct.pack(">H", len(text)) + text
    okm = _body_key(ephemeral.exchange(recipient_key), ephemeral.public_key(), recipient_key)
    plain = zstandard.ZstdCompressor(level=_LEVEL).compress(dumps(message).encode("utf-8"))
    ciphertext = AESGCM(okm[:32]).encrypt(okm[32:], plain, head)
    signed = head + struct.pack(">Q", len(ciphertext)) + ciphertext
    return signed + signing_key.sign(signed)


_INCOMPLETE = "the file is incomplete (cut short while copying?)"
_DAMAGED = "the file's header is damaged"


@dataclass(frozen=True)
class SealedBundle:
    """A bundle file taken apart, not yet verified or decrypted.

    The header is read only loosely here (`claimed`): until the signature is checked a
    changed byte in it could say anything, so readers verify first and then take the
    `header()`, which names what is wrong with it."""

    #: The header's fields as found (unchecked).
    fields: dict[str, Any]
    #: Magic, header size and header: the body's associated data.
    head: bytes
    #: Every byte the signature covers.
    signed: bytes
    ciphertext: bytes
    signature: bytes

    @classmethod
    def parse(cls, data: bytes) -> SealedBundle:
        if not data:
            raise BundleError("the file is empty")
        if not data.startswith(MAGIC):
            if len(data) < len(MAGIC) and MAGIC.startswith(data):
                raise BundleError(_INCOMPLETE)
            raise BundleError("this is not a Lianxin sync file")
        at = len(MAGIC)
        if len(data) < at + 2:
            raise BundleError(_INCOMPLETE)
        (size,) = struct.unpack_from(">H", data, at)
        at += 2
        if size > _HEADER_MAX:
            raise BundleError(_DAMAGED)
        if len(data) < at + size + 8:
            raise BundleError(_INCOMPLETE)
        fields = _json(data[at : at + size])
        at += size
        head = data[:at]
        (length,) = struct.unpack_from(">Q", data, at)
        at += 8
        end = at + length
        if end + _SIGNATURE > len(data):
            raise BundleError(_INCOMPLETE)
        if end + _SIGNATURE < len(data):
            raise BundleError("the file has extra data after its end (damaged?)")
        return cls(fields, head, data[:end], data[at:end], data[end:])

    @property
    def claimed(self) -> BundleHeader | None:
        """The header if it reads as one (unverified: for choosing the key to check)."""
        try:
            return self.header()
        except ProtocolError:
            return None

    @property
    def claimed_sender(self) -> str | None:
        sender = self.fields.get("sender")
        return sender if isinstance(sender, str) and is_valid_id(sender) else None

    def header(self) -> BundleHeader:
        try:
            return BundleHeader.from_wire(self.fields)
        except BundleError:
            raise
        except ProtocolError as problem:
            raise BundleError(f"{_DAMAGED} ({problem.reason})") from None

    def signed_by(self, key: Ed25519PublicKey) -> bool:
        try:
            key.verify(self.signature, self.signed)
        except InvalidSignature:
            return False
        return True

    def verify(self, key: Ed25519PublicKey, who: str) -> BundleHeader:
        """The header, once the file is known to be intact and signed by `key` (`who`)."""
        if not self.signed_by(key):
            raise BundleError(
                f"the file was changed or damaged after it was made, or was not made by {who} "
                "(its signature does not match)"
            )
        return self.header()

    def open(self, key: X25519PrivateKey) -> Any:
        """The body's wire structure, decrypted with the recipient's private key."""
        header = self.header()
        if key_fingerprint(key.public_key()) != header.recipient_key:
            raise BundleError("the file was encrypted for another key")
        try:
            ephemeral = load_bundle_public_key(header.ephemeral_key)
            okm = _body_key(key.exchange(ephemeral), ephemeral, key.public_key())
            plain = AESGCM(okm[:32]).decrypt(okm[32:], self.ciphertext, self.head)
        except (InvalidTag, ValueError, ProtocolError):
            raise BundleError("the file cannot be decrypted (damaged?)") from None
        try:
            return decode_body(plain, max_body=MAX_FILE, max_decoded=MAX_DECODED)
        except ProtocolError as problem:
            raise BundleError(f"the file's contents are damaged ({problem.reason})") from None


def _json(data: bytes) -> dict[str, Any]:
    try:
        found = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BundleError(_DAMAGED) from None
    if not isinstance(found, dict):
        raise BundleError(_DAMAGED)
    return found


# --- what the bodies carry ----------------------------------------------------------------


@dataclass(frozen=True)
class DeviceBundle:
    """A device's bundle to HQ: push requests in device_seq order (the first one carries
    the conflict reviews), a pull request from the device's cursor, and the public half
    of the one-time key HQ encrypts its reply to."""

    pushes: tuple[PushRequest, ...]
    pull: PullRequest
    reply_key: str

    def to_wire(self) -> dict[str, Any]:
        return {
            "pushes": [p.to_wire() for p in self.pushes],
            "pull": self.pull.to_wire(),
            "reply_key": self.reply_key,
        }

    @classmethod
    def from_wire(cls, raw: Any) -> DeviceBundle:
        r = ObjectReader(raw, "bundle")
        pushes = tuple(PushRequest.from_wire(p) for p in r.items("pushes", max_items=MAX_PUSHES))
        for before, after in itertools.pairwise(pushes):
            if after.first_seq <= before.last_seq:
                raise ProtocolError("bundle: push requests overlap or are out of order")
        reply_key = r.text("reply_key", max_length=64)
        load_bundle_public_key(reply_key)
        return cls(pushes, PullRequest.from_wire(r.data.get("pull")), reply_key)


class Stored(NamedTuple):
    """A push HQ stored: `through` is the last device_seq of a change the request
    carried (None when it carried conflict reviews only), `resolved` its reviews."""

    through: int | None
    resolved: tuple[int, ...]
    answer: PushResponse


class Refused(NamedTuple):
    """A refusal as HTTP would have answered it: status and ErrorBody."""

    status: int
    error: ErrorBody


@dataclass(frozen=True)
class ReplyBundle:
    """HQ's answer to one device bundle. `refused` are refusals that named the changes at
    fault (403/422): the device sets those aside, as its engine does, and HQ has already
    pushed the rest again without them. `error` is a refusal that stopped the exchange
    (nothing after it was done). `pages` are pull pages from the device's cursor."""

    in_reply_to: str
    stored: tuple[Stored, ...] = ()
    refused: tuple[Refused, ...] = ()
    error: Refused | None = None
    pages: tuple[PullResponse, ...] = ()

    def to_wire(self) -> dict[str, Any]:
        def refusal(r: Refused) -> dict[str, Any]:
            return {"status": r.status, "error": r.error.to_wire()}

        return {
            "in_reply_to": self.in_reply_to,
            "stored": [
                {"through": s.through, "resolved": list(s.resolved), "answer": s.answer.to_wire()}
                for s in self.stored
            ],
            "refused": [refusal(r) for r in self.refused],
            "error": None if self.error is None else refusal(self.error),
            "pages": [p.to_wire() for p in self.pages],
        }

    @classmethod
    def from_wire(cls, raw: Any) -> ReplyBundle:
        r = ObjectReader(raw, "reply")

        def refusal(item: Any) -> Refused:
            x = ObjectReader(item, "reply.refused")
            return Refused(
                x.integer("status", minimum=400, maximum=599),
                ErrorBody.from_wire(x.data.get("error")),
            )

        stored = []
        for item in r.items("stored", max_items=MAX_PUSHES):
            x = ObjectReader(item, "reply.stored")
            through = x.data.get("through")
            stored.append(
                Stored(
                    None if through is None else read_int(through, "reply.stored.through", 1),
                    tuple(
                        read_int(i, "reply.stored.resolved", 1)
                        for i in x.items("resolved", max_items=10_000)
                    ),
                    PushResponse.from_wire(x.data.get("answer")),
                )
            )
        error = r.data.get("error")
        return cls(
            read_id(r.data.get("in_reply_to"), "reply.in_reply_to"),
            tuple(stored),
            tuple(refusal(x) for x in r.items("refused", max_items=MAX_PUSHES)),
            None if error is None else refusal(error),
            tuple(PullResponse.from_wire(p) for p in r.items("pages", max_items=MAX_PAGES)),
        )
