"""What this device knows about its link to HQ, kept in the encrypted database.

The enrolment (server, pinned CA, this device's Ed25519 key, HQ's public keys, the org
unit and level), the pull cursor, the adaptive batch sizes, and the last outcome. The
device key lives only here, so it is as safe as the rest of the vault.
"""

from __future__ import annotations

import base64
import json
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.store import meta
from desktop.store.db import Database

ENROLMENT = "sync_enrolment"
CURSOR = "sync_cursor"
PUSH_BATCH = "sync_push_batch"
PULL_LIMIT = "sync_pull_limit"
LAST_OK_MS = "sync_last_ok_ms"
LAST_CUT_MS = "sync_last_cut_ms"
CLOCK_OFFSET_MS = "sync_clock_offset_ms"
WIPE_IGNORED = "sync_forged_wipes"


@dataclass(frozen=True)
class Enrolment:
    server: str
    ca_pem: str | None
    device_id: str
    device_key: str  # raw Ed25519 private key, base64
    org_id: str
    org_name: str
    level: str
    member_id: str | None
    hq_signing_key: str
    hq_recovery_key: str
    hq_bundle_key: str | None = None

    @property
    def key(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(base64.b64decode(self.device_key))

    @staticmethod
    def encode_key(key: Ed25519PrivateKey) -> str:
        raw = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return base64.b64encode(raw).decode("ascii")


def enrolment(db: Database) -> Enrolment | None:
    text = meta.get(db, ENROLMENT)
    if not text:
        return None
    return Enrolment(**json.loads(text))


def save_enrolment(db: Database, value: Enrolment) -> None:
    meta.put(db, ENROLMENT, json.dumps(asdict(value)))


def number(db: Database, key: str, default: int = 0) -> int:
    text = meta.get(db, key)
    return default if text is None else int(text)


def put_number(db: Database, key: str, value: int) -> None:
    meta.put(db, key, str(int(value)))
