"""Who sent it: Ed25519 request signatures (method, path, body digest, time, nonce),
device and HQ public keys, and HQ's signed wipe orders."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from desktop.store.schema import canonical_json
from desktop.sync.protocol.wire import (
    CLOCK_WINDOW_MS,
    HEADER_DEVICE,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIME,
    NONCE_PATTERN,
    PROTOCOL,
    AuthFailure,
    ProtocolError,
    is_valid_id,
    now_ms,
    read_int,
)

# --- keys and request signatures -------------------------------------------------------


def encode_public_key(key: Ed25519PublicKey | X25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def _raw_key(text: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ProtocolError(f"{what} is not base64") from None
    if len(raw) != 32:
        raise ProtocolError(f"{what} is not a 32-byte key")
    return raw


def load_signing_public_key(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(_raw_key(text, "public key"))


def load_recovery_public_key(text: str) -> X25519PublicKey:
    return X25519PublicKey.from_public_bytes(_raw_key(text, "recovery key"))


def signing_text(method: str, path: str, body: bytes, time_ms: int, nonce: str) -> bytes:
    digest = hashlib.sha256(body).hexdigest()
    return f"{PROTOCOL}\n{method.upper()}\n{path}\n{digest}\n{time_ms}\n{nonce}".encode()


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_request(
    key: Ed25519PrivateKey,
    device_id: str,
    method: str,
    path: str,
    body: bytes,
    *,
    time_ms: int | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """The headers that authenticate one request (a fresh nonce each call)."""
    stamp = now_ms() if time_ms is None else time_ms
    nonce = nonce or os.urandom(16).hex()
    signature = key.sign(signing_text(method, path, body, stamp, nonce))
    return {
        HEADER_DEVICE: device_id,
        HEADER_TIME: str(stamp),
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: _b64url(signature),
    }


@dataclass(frozen=True)
class SignedHeaders:
    device_id: str
    time_ms: int
    nonce: str
    signature: bytes

    @classmethod
    def read(cls, headers: Mapping[str, str]) -> SignedHeaders:
        """The authentication headers of a request (any header-name case)."""
        lowered = {k.lower(): v for k, v in headers.items()}
        values = [
            lowered.get(name.lower())
            for name in (HEADER_DEVICE, HEADER_TIME, HEADER_NONCE, HEADER_SIGNATURE)
        ]
        device, stamp, nonce, signature = values
        if device is None or stamp is None or nonce is None or signature is None:
            raise AuthFailure("unsigned", "The request is not signed.")
        if not is_valid_id(device):
            raise AuthFailure("unsigned", "The device id in the request is malformed.")
        if not stamp.isdigit() or len(stamp) > 16:
            raise AuthFailure("unsigned", "The request time is malformed.")
        if not NONCE_PATTERN.match(nonce):
            raise AuthFailure("unsigned", "The request nonce is malformed.")
        try:
            raw = _unb64url(signature)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 64:
            raise AuthFailure("bad_signature", "The request signature is malformed.")
        return cls(device, int(stamp), nonce, raw)

    def check_time(self, server_ms: int, window_ms: int = CLOCK_WINDOW_MS) -> None:
        skew = self.time_ms - server_ms
        if abs(skew) > window_ms:
            raise AuthFailure(
                "stale_request",
                f"The request's time is {abs(skew) // 1000} s "
                f"{'ahead of' if skew > 0 else 'behind'} HQ's clock (at most "
                f"{window_ms // 1000} s allowed): check this computer's date and time.",
            )

    def verify(self, key: Ed25519PublicKey, method: str, path: str, body: bytes) -> None:
        try:
            key.verify(self.signature, signing_text(method, path, body, self.time_ms, self.nonce))
        except InvalidSignature:
            raise AuthFailure(
                "bad_signature", "The request signature does not match this device's key."
            ) from None


# --- wipe orders -----------------------------------------------------------------------

_WIPE_KIND = "lianxin-wipe/v1"


@dataclass(frozen=True)
class WipeOrder:
    """HQ's order to a lost device: destroy the key slots, then the data."""

    device_id: str
    issued_ms: int

    def payload(self) -> str:
        return canonical_json(
            {"kind": _WIPE_KIND, "device_id": self.device_id, "issued_ms": self.issued_ms}
        )

    def sign(self, key: Ed25519PrivateKey) -> dict[str, str]:
        payload = self.payload()
        return {"payload": payload, "signature": _b64url(key.sign(payload.encode()))}

    @classmethod
    def verify(
        cls, signed: Mapping[str, str], hq_key: Ed25519PublicKey, device_id: str
    ) -> WipeOrder:
        """The order, if HQ signed it for this device; ProtocolError otherwise (a forged
        or misdirected order must be ignored and logged, never obeyed)."""
        payload, signature = signed.get("payload"), signed.get("signature")
        if not isinstance(payload, str) or not isinstance(signature, str):
            raise ProtocolError("wipe order is incomplete")
        try:
            hq_key.verify(_unb64url(signature), payload.encode())
        except (InvalidSignature, binascii.Error, ValueError):
            raise ProtocolError("wipe order is not signed by HQ") from None
        data = json.loads(payload)
        if not isinstance(data, dict) or data.get("kind") != _WIPE_KIND:
            raise ProtocolError("not a wipe order")
        if data.get("device_id") != device_id:
            raise ProtocolError("wipe order is for another device")
        return cls(device_id, read_int(data.get("issued_ms"), "wipe.issued_ms"))
