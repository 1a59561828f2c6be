"""An unlocked data folder: the vault's key opens the database; records are written as a
known user from a known device.

Data folder layout:
    vault.json      key slots (no personal data: user names, salts, wrapped keys)
    lianxin.db      the SQLCipher database (+ -wal, -shm while open)
    settings.json   portable preferences (language, auto-lock), no personal data
    blobs/          attached files, encrypted (desktop.store.blobs)
    logs/           the log (never passwords, keys or ID numbers)
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from desktop.store import meta, migrations, search_backlog
from desktop.store.blobs import BLOBS_DIR, BlobStore
from desktop.store.db import KEY_BYTES, Database, open_database
from desktop.store.errors import UnknownUser, VaultDamaged, VaultNotFound
from desktop.store.hlc import HybridClock
from desktop.store.ids import new_id
from desktop.store.records import Records
from desktop.store.schema import REGISTRY, Registry
from desktop.store.vault import (
    VAULT_FILE,
    KdfParams,
    Vault,
    check_password,
    check_user_name,
    format_recovery_code,
    parse_recovery_code,
    tuned_kdf,
)

log = logging.getLogger(__name__)

DB_FILE = "lianxin.db"
DB_SIDE_FILES = (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm")


@dataclass(frozen=True)
class User:
    id: str
    name: str
    role: str
    member_id: str | None


@dataclass(frozen=True)
class Setup:
    """What the first-run wizard (or `lianxin-cli init`) asks for."""

    org_name: str
    branch_name: str
    admin_name: str
    password: str
    #: HQ's recovery public key; when absent a key pair is made and its private half is
    #: returned once as a recovery code for the user to write down.
    recovery_public: X25519PublicKey | None = None


class Workspace:
    def __init__(
        self,
        folder: Path,
        vault: Vault,
        db: Database,
        key: bytes,
        user: User,
        *,
        registry: Registry = REGISTRY,
    ) -> None:
        self.folder = folder
        self.vault = vault
        self.db = db
        self._key = bytearray(key)
        self.device_id = meta.get(db, meta.DEVICE_ID) or ""
        self.org_id = meta.get(db, meta.ORG_ID) or ""
        self.records = Records(db, registry, HybridClock(self.device_id), device=self.device_id)
        self.user = user
        self.records.author = user.id
        self.kdf: KdfParams | None = None  # tuned lazily, the first time a slot is written

    # --- opening -----------------------------------------------------------------------

    @staticmethod
    def needs_setup(folder: Path) -> bool:
        """True when the folder holds no data anyone can open: no vault, or a vault whose
        setup stopped before its first user (a damaged vault is not this: unlocking it
        reports the damage instead of offering to start over)."""
        if not Vault.exists(folder):
            return True
        try:
            return not Vault.load(folder).slots
        except VaultDamaged:
            return False

    @classmethod
    def create(
        cls, folder: Path, setup: Setup, *, kdf: KdfParams | None = None
    ) -> tuple[Workspace, str | None]:
        """Make a new data folder; returns the workspace and the recovery code, if one
        was generated (show it once; it is never stored)."""
        folder.mkdir(parents=True, exist_ok=True)
        if Vault.exists(folder) and not Vault.load(folder).slots:
            # A setup that stopped before its first user's slot was written: no one can
            # open what it left (its recovery code was never shown), so start over.
            (folder / VAULT_FILE).unlink()
        if not Vault.exists(folder):
            # A setup that crashed before writing the vault left an unreadable database.
            for name in DB_SIDE_FILES:
                with contextlib.suppress(FileNotFoundError):
                    (folder / name).unlink()
        admin = check_user_name(setup.admin_name)
        check_password(setup.password)
        recovery_code = None
        recovery_public = setup.recovery_public
        if recovery_public is None:
            private = X25519PrivateKey.generate()
            recovery_code = format_recovery_code(private)
            recovery_public = private.public_key()
        key = os.urandom(KEY_BYTES)
        vault = Vault.create(folder, key, recovery_public=recovery_public)
        db = open_database(folder / DB_FILE, key)
        try:
            migrations.migrate(db)
            device_id = new_id()
            records = Records(db, REGISTRY, HybridClock(device_id), device=device_id)
            user_id = new_id()
            records.author = user_id
            with records.transaction():
                meta.put(db, meta.DEVICE_ID, device_id)
                meta.put(db, meta.VAULT_ID, vault.vault_id)
                org_id = new_id()
                branch_id = new_id()
                records.insert(
                    "org_units",
                    {"name": setup.org_name.strip(), "level": "committee"},
                    owner_org=org_id,
                    row_id=org_id,
                )
                records.insert(
                    "org_units",
                    {"name": setup.branch_name.strip(), "level": "branch", "parent_id": org_id},
                    owner_org=branch_id,
                    row_id=branch_id,
                )
                meta.put(db, meta.ORG_ID, branch_id)
                meta.put(db, meta.ORG_NAME, setup.branch_name.strip())
                records.insert(
                    "users",
                    {"name": admin, "role": "secretary"},
                    owner_org=branch_id,
                    row_id=user_id,
                )
            kdf = kdf or tuned_kdf()
            vault.add_user(key, user_id, admin, setup.password, kdf=kdf)
        except BaseException:
            db.close()
            raise
        ws = cls(folder, vault, db, key, User(user_id, admin, "secretary", None))
        ws.kdf = kdf
        log.info("new data folder created")
        return ws, recovery_code

    @classmethod
    def unlock(cls, folder: Path, user_name: str, password: str) -> Workspace:
        vault = Vault.load(folder)
        if not (folder / DB_FILE).exists():
            raise VaultNotFound(path=str(folder))
        user_id, key = vault.unlock(user_name, password)
        return cls._open(folder, vault, key, user_id)

    @classmethod
    def recover(cls, folder: Path, code: str, user_name: str, new_password: str) -> Workspace:
        """Open with the recovery code and give `user_name` a new password."""
        vault = Vault.load(folder)
        key = vault.recover_key(parse_recovery_code(code))
        slot = vault.slot_by_name(user_name)
        check_password(new_password)
        ws = cls._open(folder, vault, key, slot.user_id)
        ws.set_password(slot.user_id, new_password)
        log.info("a user's password was reset with the recovery code")
        return ws

    @classmethod
    def _open(cls, folder: Path, vault: Vault, key: bytes, user_id: str) -> Workspace:
        db = open_database(folder / DB_FILE, key)
        try:
            migrations.migrate(db)
            row = db.query(
                "SELECT id, name, role, member_id FROM users WHERE id = ? AND _deleted = 0",
                (user_id,),
            )
            if not row:
                raise UnknownUser(user=user_id)
            user = User(*row[0])
            # Rows of a first pull that stopped before its end, or of an index that a
            # migration made again, are made searchable.
            search_backlog.complete(db, REGISTRY)
        except BaseException:
            db.close()
            raise
        return cls(folder, vault, db, key, user)

    # --- key slots ---------------------------------------------------------------------

    def _kdf(self) -> KdfParams:
        if self.kdf is None:
            self.kdf = tuned_kdf()
        return self.kdf

    def add_slot(self, user_id: str, name: str, password: str) -> None:
        self.vault.add_user(self._require_key(), user_id, name, password, kdf=self._kdf())

    def set_password(self, user_id: str, password: str) -> None:
        self.vault.set_password(self._require_key(), user_id, password, kdf=self._kdf())

    def add_hq_recovery(self, hq_public: X25519PublicKey) -> None:
        """Wrap the database key to HQ's recovery key as well (done at enrolment)."""
        self.vault.add_hq_recovery(self._require_key(), hq_public)

    def second_connection(self) -> Records:
        """Records on a connection of its own, for work off the UI's database thread (sync).
        Same device, clock node and author; close its `db` when done, and before locking."""
        db = open_database(self.folder / DB_FILE, self._require_key())
        records = Records(
            db, self.records.registry, HybridClock(self.device_id), device=self.device_id
        )
        records.author = self.user.id
        return records

    def blob_store(self) -> BlobStore:
        """The encrypted attachment files beside the database (`blobs/`); their key is
        derived from the database key. It keeps that derived key: drop it when locking."""
        return BlobStore.for_database_key(self.folder / BLOBS_DIR, self._require_key())

    def _require_key(self) -> bytes:
        if not any(self._key):
            raise RuntimeError("workspace is locked")
        return bytes(self._key)

    # --- closing -----------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return not self.db.closed

    def close(self) -> None:
        """Lock: close the database and overwrite the key held in memory."""
        self.db.close()
        for i in range(len(self._key)):
            self._key[i] = 0
        log.info("data folder locked")
