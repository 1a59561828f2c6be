"""HQ's key pairs: Ed25519 to sign wipe orders (and bundle replies), X25519 that devices
wrap their recovery slots to, and X25519 that devices encrypt offline bundles to. The
private halves are kept in the database sealed with AES-GCM under a key derived from the
operator's passphrase (env LIANXIN_HQ_PASSPHRASE) with Argon2id.

The bundle key came later: a database set up before it has none until the operator runs
`lianxin-hq bundle make-key` (add_bundle_key); until then HQ serves as before and
enrolment answers carry no bundle key.
"""

from __future__ import annotations

import base64
import json
import logging
import os
from dataclasses import asdict, dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from sqlalchemy import Connection, insert, select

from desktop.sync.protocol import encode_public_key
from hq.errors import HqError
from hq.tables import hq_keys

log = logging.getLogger(__name__)

PASSPHRASE_ENV = "LIANXIN_HQ_PASSPHRASE"  # noqa: S105 - the variable's name, not its value
MIN_PASSPHRASE = 12
SIGNING = "signing"
RECOVERY = "recovery"
BUNDLE = "bundle"
NO_BUNDLE_KEY = (
    "HQ has no key for offline bundles (this database was set up before they existed): "
    f"run `lianxin-hq bundle make-key` with {PASSPHRASE_ENV} set, then enrol the devices "
    "that are to use sync files again"
)


@dataclass(frozen=True)
class Kdf:
    """Argon2id parameters (memory in KiB); the default is RFC 9106's second choice."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive(passphrase.encode("utf-8"))


@dataclass(frozen=True)
class HqKeys:
    signing: Ed25519PrivateKey
    recovery: X25519PrivateKey
    bundle: X25519PrivateKey

    @classmethod
    def generate(cls) -> HqKeys:
        return cls(
            Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), X25519PrivateKey.generate()
        )


@dataclass(frozen=True)
class PublicKeys:
    signing: str
    recovery: str
    #: None in a database set up before offline bundles (see NO_BUNDLE_KEY).
    bundle: str | None = None


def passphrase_from_env() -> str:
    value = os.environ.get(PASSPHRASE_ENV, "")
    if not value:
        raise HqError(f"set {PASSPHRASE_ENV}: it protects HQ's private keys")
    return value


def _raw(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def _seal(name: str, secret: bytes, passphrase: str, kdf: Kdf) -> str:
    salt, nonce = os.urandom(16), os.urandom(12)
    sealed = AESGCM(kdf.derive(passphrase, salt)).encrypt(nonce, secret, f"hq-key|{name}".encode())
    return json.dumps(
        {
            "kdf": asdict(kdf),
            "salt": base64.b64encode(salt).decode(),
            "nonce": base64.b64encode(nonce).decode(),
            "sealed": base64.b64encode(sealed).decode(),
        }
    )


def _unseal(name: str, text: str, passphrase: str) -> bytes:
    data = json.loads(text)
    kdf = Kdf(**data["kdf"])
    key = kdf.derive(passphrase, base64.b64decode(data["salt"]))
    try:
        return AESGCM(key).decrypt(
            base64.b64decode(data["nonce"]),
            base64.b64decode(data["sealed"]),
            f"hq-key|{name}".encode(),
        )
    except InvalidTag:
        raise HqError(f"wrong passphrase: {PASSPHRASE_ENV} does not open HQ's keys") from None


def sealed_keys(keys: HqKeys, passphrase: str, kdf: Kdf | None = None) -> list[dict[str, str]]:
    """The `hq_keys` rows for `keys`: public halves, and private halves sealed."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise HqError(f"{PASSPHRASE_ENV} must have at least {MIN_PASSPHRASE} characters")
    # One derivation per key: each has its own salt, so a cracked one says nothing of
    # the others' wrapping keys.
    kdf = kdf or Kdf()
    return [
        _sealed_row(SIGNING, keys.signing, passphrase, kdf),
        _sealed_row(RECOVERY, keys.recovery, passphrase, kdf),
        _sealed_row(BUNDLE, keys.bundle, passphrase, kdf),
    ]


def _sealed_row(
    name: str, key: Ed25519PrivateKey | X25519PrivateKey, passphrase: str, kdf: Kdf
) -> dict[str, str]:
    return {
        "name": name,
        "public_key": encode_public_key(key.public_key()),
        "sealed": _seal(name, _raw(key), passphrase, kdf),
    }


def store_keys(conn: Connection, rows: list[dict[str, str]]) -> None:
    conn.execute(insert(hq_keys), rows)


def public_keys(conn: Connection) -> PublicKeys:
    found = {row.name: row.public_key for row in conn.execute(select(hq_keys))}
    if SIGNING not in found or RECOVERY not in found:
        raise HqError("HQ's keys are missing: run `lianxin-hq init`")
    return PublicKeys(found[SIGNING], found[RECOVERY], found.get(BUNDLE))


def load_signing_key(conn: Connection, passphrase: str) -> Ed25519PrivateKey:
    """HQ's signing key, unsealed (it signs wipe orders while the service runs)."""
    sealed = conn.execute(select(hq_keys.c.sealed).where(hq_keys.c.name == SIGNING)).scalar()
    if sealed is None:
        raise HqError("HQ's keys are missing: run `lianxin-hq init`")
    return Ed25519PrivateKey.from_private_bytes(_unseal(SIGNING, sealed, passphrase))


def load_recovery_key(conn: Connection, passphrase: str) -> X25519PrivateKey:
    sealed = conn.execute(select(hq_keys.c.sealed).where(hq_keys.c.name == RECOVERY)).scalar()
    if sealed is None:
        raise HqError("HQ's keys are missing: run `lianxin-hq init`")
    return X25519PrivateKey.from_private_bytes(_unseal(RECOVERY, sealed, passphrase))


def load_bundle_key(conn: Connection, passphrase: str) -> X25519PrivateKey:
    """HQ's key for offline bundles, unsealed (to import a device's bundle)."""
    sealed = conn.execute(select(hq_keys.c.sealed).where(hq_keys.c.name == BUNDLE)).scalar()
    if sealed is None:
        raise HqError(NO_BUNDLE_KEY)
    return X25519PrivateKey.from_private_bytes(_unseal(BUNDLE, sealed, passphrase))


def add_bundle_key(conn: Connection, passphrase: str, kdf: Kdf | None = None) -> str:
    """Make the bundle key of a database set up before offline bundles; returns its
    public half. The passphrase must open the keys already there, so that all of HQ's
    keys stay under one passphrase."""
    if conn.execute(select(hq_keys.c.name).where(hq_keys.c.name == BUNDLE)).first():
        raise HqError("HQ already has a key for offline bundles")
    load_signing_key(conn, passphrase)
    row = _sealed_row(BUNDLE, X25519PrivateKey.generate(), passphrase, kdf or Kdf())
    store_keys(conn, [row])
    log.info("made HQ's key for offline bundles")
    return row["public_key"]
