"""Key slots: the database key wrapped once per local user, and once for recovery.

The database key is 32 random bytes. Each user's slot holds a salt, Argon2id parameters
and the key wrapped with AES-GCM under the key derived from that user's password; the
associated data binds the slot to this vault and this user, so slots cannot be swapped.
Adding a user or changing a password rewrites one slot in `vault.json`, never the
database. The recovery slot wraps the key to an X25519 public key (HQ's, or one whose
private half was shown once as a recovery code).

Failed unlocks back off exponentially; the count is kept in the slot, so restarting the
app does not reset it, and after 10 consecutive failures the slot needs recovery.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.store.db import KEY_BYTES
from desktop.store.errors import (
    InvalidUserName,
    RecoveryFailed,
    SlotLocked,
    UnknownUser,
    UnlockThrottled,
    UserExists,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    WeakPassword,
    WrongPassword,
)
from desktop.store.files import write_atomic
from desktop.store.ids import new_id

log = logging.getLogger(__name__)

VAULT_FILE = "vault.json"
FORMAT = 1
MIN_PASSWORD = 8
#: Consecutive failures after which a slot is locked until recovery.
MAX_FAILURES = 10
#: Failures allowed before waits begin; then 2, 4, 8 … seconds, capped.
FREE_FAILURES = 2
MAX_WAIT_S = 600.0
#: Argon2id must take at least this long on the machine that creates the slot.
TARGET_KDF_S = 0.5


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters; memory in KiB. The floor is RFC 9106's second choice."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def derive(self, password: str, salt: bytes) -> bytes:
        return Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive(password.encode("utf-8"))

    @property
    def below_floor(self) -> bool:
        floor = KdfParams()
        return (
            self.memory_kib < floor.memory_kib
            or self.iterations < floor.iterations
            or self.lanes < floor.lanes
        )


def tuned_kdf(target_s: float = TARGET_KDF_S) -> KdfParams:
    """The floor, with iterations raised until one derivation takes about `target_s`."""
    params = KdfParams()
    salt = os.urandom(16)
    start = time.perf_counter()
    params.derive("calibration", salt)
    took = time.perf_counter() - start
    if took < target_s:
        iterations = min(32, max(params.iterations, round(params.iterations * target_s / took)))
        params = KdfParams(params.memory_kib, iterations, params.lanes)
    log.info("key derivation tuned: %s (floor took %.2f s)", params, took)
    return params


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


@dataclass
class Slot:
    user_id: str
    name: str
    salt: str
    kdf: dict[str, int]
    nonce: str
    wrapped: str
    checksum: str = ""
    failures: int = 0
    not_before: float = 0.0

    def sealed_fields(self, vault_id: str) -> bytes:
        """What the checksum covers: everything but the failure counters, plus the vault
        id, which is part of the slot's associated data: damage there must read as
        damage, not as a wrong password that counts towards locking the slot."""
        return json.dumps(
            [vault_id, self.user_id, self.name, self.salt, self.kdf, self.nonce, self.wrapped],
            sort_keys=True,
        ).encode()

    def seal(self, vault_id: str) -> None:
        self.checksum = hashlib.sha256(self.sealed_fields(vault_id)).hexdigest()

    def intact(self, vault_id: str) -> bool:
        return hashlib.sha256(self.sealed_fields(vault_id)).hexdigest() == self.checksum

    @property
    def locked(self) -> bool:
        return self.failures >= MAX_FAILURES


@dataclass(frozen=True)
class UserSlot:
    """What the unlock screen may show before unlocking."""

    user_id: str
    name: str
    locked: bool


def format_recovery_code(private: X25519PrivateKey) -> str:
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    text = base64.b32encode(raw).decode().rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


#: Digits a code never contains, read as the letters they are mistaken for on paper.
_MISREAD = str.maketrans({"0": "O", "8": "B"})


def parse_recovery_code(code: str) -> X25519PrivateKey:
    text = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_MISREAD)
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
        return X25519PrivateKey.from_private_bytes(raw)
    except ValueError as exc:
        raise RecoveryFailed() from exc


def public_bytes(key: X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


class Vault:
    """The key-slot file of one data folder."""

    def __init__(self, folder: Path, data: dict[str, Any], *, clock: Callable[[], float]) -> None:
        self.folder = folder
        self._data = data
        self._clock = clock
        try:
            self.vault_id: str = data["vault_id"]
            self.slots = [Slot(**s) for s in data["slots"]]
            self.recovery: dict[str, str] | None = data.get("recovery")
            #: The database key wrapped to HQ's recovery key (added at enrolment).
            self.hq_recovery: dict[str, str] | None = data.get("hq_recovery")
        except (KeyError, TypeError) as exc:
            raise VaultDamaged(detail=str(exc)) from exc

    # --- files -------------------------------------------------------------------------

    @staticmethod
    def exists(folder: Path) -> bool:
        return (folder / VAULT_FILE).exists()

    @classmethod
    def load(cls, folder: Path, *, clock: Callable[[], float] = time.time) -> Vault:
        path = folder / VAULT_FILE
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise VaultNotFound(path=str(folder)) from None
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise VaultDamaged(detail="not readable") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise VaultDamaged(detail="unknown format")
        return cls(folder, data, clock=clock)

    @classmethod
    def create(
        cls,
        folder: Path,
        key: bytes,
        *,
        recovery_public: X25519PublicKey,
        clock: Callable[[], float] = time.time,
    ) -> Vault:
        if cls.exists(folder):
            raise VaultExists(path=str(folder))
        vault = cls(
            folder,
            {"format": FORMAT, "vault_id": new_id(), "slots": []},
            clock=clock,
        )
        vault.recovery = vault._wrap_recovery(key, recovery_public)
        vault.save()
        return vault

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "vault_id": self.vault_id,
            "slots": [asdict(s) for s in self.slots],
            "recovery": self.recovery,
            "hq_recovery": self.hq_recovery,
        }
        write_atomic(self.folder / VAULT_FILE, json.dumps(data, indent=1).encode())

    # --- users -------------------------------------------------------------------------

    def users(self) -> list[UserSlot]:
        return [UserSlot(s.user_id, s.name, s.locked) for s in self.slots]

    def slot_by_name(self, name: str) -> Slot:
        for slot in self.slots:
            if slot.name == name:
                return slot
        raise UnknownUser(user=name)

    def _slot_by_id(self, user_id: str) -> Slot:
        for slot in self.slots:
            if slot.user_id == user_id:
                return slot
        raise UnknownUser(user=user_id)

    def _aad(self, user_id: str) -> bytes:
        return f"lianxin-slot|{self.vault_id}|{user_id}".encode()

    def _make_slot(
        self, key: bytes, user_id: str, name: str, password: str, kdf: KdfParams
    ) -> Slot:
        check_password(password)
        salt, nonce = os.urandom(16), os.urandom(12)
        kek = kdf.derive(password, salt)
        wrapped = AESGCM(kek).encrypt(nonce, key, self._aad(user_id))
        slot = Slot(user_id, name, _b64(salt), asdict(kdf), _b64(nonce), _b64(wrapped))
        slot.seal(self.vault_id)
        return slot

    def add_user(
        self, key: bytes, user_id: str, name: str, password: str, *, kdf: KdfParams
    ) -> None:
        name = check_user_name(name)
        if any(s.name == name for s in self.slots):
            raise UserExists(user=name)
        self.slots.append(self._make_slot(key, user_id, name, password, kdf))
        self.save()

    def remove_user(self, user_id: str) -> None:
        self.slots.remove(self._slot_by_id(user_id))
        self.save()

    def rename_user(self, user_id: str, name: str) -> None:
        name = check_user_name(name)
        if any(s.name == name and s.user_id != user_id for s in self.slots):
            raise UserExists(user=name)
        slot = self._slot_by_id(user_id)
        slot.name = name
        slot.seal(self.vault_id)
        self.save()

    def set_password(self, key: bytes, user_id: str, password: str, *, kdf: KdfParams) -> None:
        """Rewrap the key for a user (password change or reset); clears failures."""
        old = self._slot_by_id(user_id)
        new = self._make_slot(key, user_id, old.name, password, kdf)
        self.slots[self.slots.index(old)] = new
        self.save()

    # --- unlocking ---------------------------------------------------------------------

    def unlock(self, name: str, password: str) -> tuple[str, bytes]:
        """Return (user id, database key), or raise why not. Failures are persisted."""
        slot = self.slot_by_name(name)
        if not slot.intact(self.vault_id):
            raise VaultDamaged(detail=f"key slot of {name}")
        if slot.locked:
            raise SlotLocked(user=name, failures=slot.failures)
        now = self._clock()
        if slot.not_before - now > backoff_seconds(slot.failures):
            # The wall clock went back since the failure (or the file was edited): wait
            # the backoff from now, not until a moment that may be days away.
            slot.not_before = now + backoff_seconds(slot.failures)
            self.save()
        wait = slot.not_before - now
        if wait > 0:
            raise UnlockThrottled(user=name, wait=wait)
        try:
            kdf = KdfParams(**slot.kdf)
            kek = kdf.derive(password, _unb64(slot.salt))
            key = AESGCM(kek).decrypt(
                _unb64(slot.nonce), _unb64(slot.wrapped), self._aad(slot.user_id)
            )
        except InvalidTag:
            slot.failures += 1
            delay = backoff_seconds(slot.failures)
            slot.not_before = self._clock() + delay
            self.save()
            log.warning("failed unlock for a local user (%d in a row)", slot.failures)
            if slot.locked:
                raise SlotLocked(user=name, failures=slot.failures) from None
            raise WrongPassword(failures=slot.failures, wait=delay) from None
        except (ValueError, TypeError) as exc:
            raise VaultDamaged(detail=f"key slot of {name}") from exc
        if len(key) != KEY_BYTES:
            raise VaultDamaged(detail=f"key slot of {name}")
        if slot.failures or slot.not_before:
            slot.failures, slot.not_before = 0, 0.0
            self.save()
        return slot.user_id, key

    # --- recovery ----------------------------------------------------------------------

    def _recovery_kek(self, shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
        return HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=ephemeral + recipient,
            info=f"lianxin-recovery|{self.vault_id}".encode(),
        ).derive(shared)

    def add_hq_recovery(self, key: bytes, recipient: X25519PublicKey) -> None:
        """Let HQ recover this vault too (enrolment); the local recovery code still works."""
        self.hq_recovery = self._wrap_recovery(key, recipient)
        self.save()

    def _wrap_recovery(self, key: bytes, recipient: X25519PublicKey) -> dict[str, str]:
        ephemeral = X25519PrivateKey.generate()
        eph_pub = public_bytes(ephemeral.public_key())
        rec_pub = public_bytes(recipient)
        kek = self._recovery_kek(ephemeral.exchange(recipient), eph_pub, rec_pub)
        nonce = os.urandom(12)
        return {
            "alg": "x25519-hkdf-sha256-aesgcm",
            "recipient": _b64(rec_pub),
            "ephemeral": _b64(eph_pub),
            "nonce": _b64(nonce),
            "wrapped": _b64(AESGCM(kek).encrypt(nonce, key, self._aad("recovery"))),
        }

    def recover_key(self, private: X25519PrivateKey) -> bytes:
        """The database key, unwrapped with a recovery private key (the user's code, or
        HQ's recovery key)."""
        for slot in (self.recovery, self.hq_recovery):
            if not slot:
                continue
            try:
                eph_pub = _unb64(slot["ephemeral"])
                rec_pub = _unb64(slot["recipient"])
                shared = private.exchange(X25519PublicKey.from_public_bytes(eph_pub))
                kek = self._recovery_kek(shared, eph_pub, rec_pub)
                return AESGCM(kek).decrypt(
                    _unb64(slot["nonce"]), _unb64(slot["wrapped"]), self._aad("recovery")
                )
            except (InvalidTag, ValueError, KeyError):
                continue
        raise RecoveryFailed()

    def destroy_slots(self) -> None:
        """Make the database unreadable here: overwrite every slot (remote wipe, step 1)."""
        self.slots = []
        self.recovery = None
        self.hq_recovery = None
        self.save()


def backoff_seconds(failures: int) -> float:
    if failures <= FREE_FAILURES:
        return 0.0
    return min(MAX_WAIT_S, 2.0 ** (failures - FREE_FAILURES))


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise WeakPassword(minimum=MIN_PASSWORD)


def check_user_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= 32 or any(ch in name for ch in "\t\r\n\0"):
        raise InvalidUserName()
    return name
