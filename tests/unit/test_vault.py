"""Key slots: one per user, each opening the same database key; a password change touches
the slot, never the database; failures back off, survive restarts and lock the slot; the
recovery code reopens it; damage is reported as damage, never as a wrong password."""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.store.errors import (
    InvalidUserName,
    LianxinError,
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
from desktop.store.ids import new_id
from desktop.store.vault import (
    FREE_FAILURES,
    MAX_FAILURES,
    VAULT_FILE,
    KdfParams,
    Vault,
    backoff_seconds,
    format_recovery_code,
    parse_recovery_code,
    tuned_kdf,
)
from desktop.store.workspace import DB_FILE, DB_SIDE_FILES, Workspace

if TYPE_CHECKING:
    from conftest import Template

FLOOR = KdfParams()
PW_A, PW_B = "password-甲-1", "password-乙-2"


class FakeClock:
    def __init__(self, start: float = 1_750_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="module")
def two_users(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, bytes, X25519PrivateKey, str, str]:
    """A vault file with two users, 甲 and 乙, made once (each slot costs a derivation)."""
    folder = tmp_path_factory.mktemp("vault")
    key, recovery = os.urandom(32), X25519PrivateKey.generate()
    v = Vault.create(folder, key, recovery_public=recovery.public_key())
    a, b = new_id(), new_id()
    v.add_user(key, a, "甲", PW_A, kdf=FLOOR)
    v.add_user(key, b, "乙", PW_B, kdf=FLOOR)
    return folder, key, recovery, a, b


@pytest.fixture
def key(two_users: tuple[Path, bytes, X25519PrivateKey, str, str]) -> bytes:
    return two_users[1]


@pytest.fixture
def recovery(two_users: tuple[Path, bytes, X25519PrivateKey, str, str]) -> X25519PrivateKey:
    return two_users[2]


@pytest.fixture
def vault(
    tmp_path: Path, clock: FakeClock, two_users: tuple[Path, bytes, X25519PrivateKey, str, str]
) -> tuple[Vault, str, str]:
    """A copy of the two-user vault; returns (vault, id of 甲, id of 乙)."""
    folder, _, _, a, b = two_users
    folder_copy = tmp_path / "vault"
    folder_copy.mkdir()
    (folder_copy / VAULT_FILE).write_bytes((folder / VAULT_FILE).read_bytes())
    return Vault.load(folder_copy, clock=clock), a, b


def reload(v: Vault, clock: FakeClock) -> Vault:
    """The vault as the next start of the app reads it from disk."""
    return Vault.load(v.folder, clock=clock)


def raw(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / VAULT_FILE).read_text())
    return data


def write_raw(folder: Path, data: dict[str, Any]) -> None:
    (folder / VAULT_FILE).write_text(json.dumps(data, indent=1))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- users -----------------------------------------------------------------------------


def test_every_user_unlocks_the_same_key(vault: tuple[Vault, str, str], key: bytes) -> None:
    v, a, b = vault
    assert v.unlock("甲", PW_A) == (a, key)
    assert v.unlock("乙", PW_B) == (b, key)
    assert [(u.name, u.locked) for u in v.users()] == [("甲", False), ("乙", False)]


def test_slots_use_at_least_the_kdf_floor(vault: tuple[Vault, str, str]) -> None:
    v, _, _ = vault
    for slot in raw(v.folder)["slots"]:
        assert not KdfParams(**slot["kdf"]).below_floor
        assert slot["kdf"]["memory_kib"] >= 64 * 1024
    assert KdfParams(memory_kib=1024).below_floor
    assert KdfParams(iterations=2).below_floor


def test_tuning_never_goes_below_the_floor() -> None:
    assert tuned_kdf(target_s=0.0) == FLOOR


def test_vault_file_holds_no_key_material_in_the_clear(
    vault: tuple[Vault, str, str], key: bytes
) -> None:
    data = (vault[0].folder / VAULT_FILE).read_bytes()
    assert key not in data
    assert key.hex().encode() not in data
    assert PW_A.encode() not in data


def test_remove_user(vault: tuple[Vault, str, str], key: bytes, clock: FakeClock) -> None:
    v, a, _ = vault
    v.remove_user(a)
    with pytest.raises(UnknownUser):
        reload(v, clock).unlock("甲", PW_A)
    assert reload(v, clock).unlock("乙", PW_B)[1] == key


def test_user_names_are_unique_and_checked(vault: tuple[Vault, str, str], key: bytes) -> None:
    v, a, _ = vault
    with pytest.raises(UserExists):
        v.add_user(key, new_id(), " 甲 ", "password-3", kdf=FLOOR)
    for bad in ("", "   ", "x" * 33, "a\tb"):
        with pytest.raises(InvalidUserName):
            v.add_user(key, new_id(), bad, "password-3", kdf=FLOOR)
    with pytest.raises(WeakPassword):
        v.add_user(key, new_id(), "丙", "short", kdf=FLOOR)
    with pytest.raises(UserExists):
        v.rename_user(a, "乙")
    v.rename_user(a, "甲二")
    assert v.unlock("甲二", PW_A)[0] == a


def test_change_password(vault: tuple[Vault, str, str], key: bytes, clock: FakeClock) -> None:
    v, a, _ = vault
    other_slot = raw(v.folder)["slots"][1]
    v.set_password(key, a, "new-password-甲", kdf=FLOOR)
    fresh = reload(v, clock)
    with pytest.raises(WrongPassword):
        fresh.unlock("甲", PW_A)
    clock.now += 1
    assert fresh.unlock("甲", "new-password-甲") == (a, key)
    assert raw(v.folder)["slots"][1] == other_slot  # only that user's slot was rewritten


def test_vault_files_cannot_be_overwritten_or_guessed(
    tmp_path: Path, key: bytes, recovery: X25519PrivateKey
) -> None:
    Vault.create(tmp_path, key, recovery_public=recovery.public_key())
    with pytest.raises(VaultExists):
        Vault.create(tmp_path, key, recovery_public=recovery.public_key())
    with pytest.raises(VaultNotFound):
        Vault.load(tmp_path / "elsewhere")
    with pytest.raises(UnknownUser):
        Vault.load(tmp_path).unlock("nobody", "password")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not json",
        b"[]",
        b'{"format": 99}',
        b'{"format": 1}',
        b'{"format": 1, "vault_id": "x", "slots": [{"nope": 1}]}',
    ],
)
def test_unreadable_vault_files_are_damage(tmp_path: Path, content: bytes) -> None:
    (tmp_path / VAULT_FILE).write_bytes(content)
    with pytest.raises(VaultDamaged):
        Vault.load(tmp_path)


# --- binding ---------------------------------------------------------------------------

WRAPPED_FIELDS = ("salt", "kdf", "nonce", "wrapped")


def test_slots_are_bound_to_their_user(vault: tuple[Vault, str, str], clock: FakeClock) -> None:
    """Copying 乙's wrapped key into 甲's slot (fixing up the checksum, as an attacker
    would) must not let 乙's password open 甲's account."""
    v, _, _ = vault
    data = raw(v.folder)
    a, b = data["slots"]
    for name in WRAPPED_FIELDS:
        a[name], b[name] = b[name], a[name]
    write_raw(v.folder, data)
    with pytest.raises(VaultDamaged):  # the checksum no longer matches
        reload(v, clock).unlock("甲", PW_B)
    swapped = reload(v, clock)
    for slot in swapped.slots:
        slot.seal(swapped.vault_id)
    swapped.save()
    with pytest.raises(WrongPassword):  # AES-GCM's associated data names the user
        reload(v, clock).unlock("甲", PW_B)
    clock.now += 1
    with pytest.raises(WrongPassword):
        reload(v, clock).unlock("乙", PW_A)


def test_slots_are_bound_to_their_vault(
    vault: tuple[Vault, str, str], key: bytes, tmp_path: Path, clock: FakeClock
) -> None:
    v, _, _ = vault
    other = Vault.create(
        tmp_path / "other", key, recovery_public=X25519PrivateKey.generate().public_key()
    )
    data = raw(other.folder)
    data["slots"] = raw(v.folder)["slots"]  # a slot from elsewhere, same database key
    write_raw(other.folder, data)
    with pytest.raises(VaultDamaged):
        Vault.load(other.folder, clock=clock).unlock("甲", PW_A)
    resealed = Vault.load(other.folder, clock=clock)
    for slot in resealed.slots:
        slot.seal(resealed.vault_id)
    resealed.save()
    with pytest.raises(WrongPassword):
        Vault.load(other.folder, clock=clock).unlock("甲", PW_A)


# --- failed unlocks --------------------------------------------------------------------


def fail(v: Vault, times: int, clock: FakeClock, *, name: str = "甲") -> None:
    """Wrong passwords, each after waiting out the previous backoff."""
    for _ in range(times):
        clock.now += 10_000
        with pytest.raises((WrongPassword, SlotLocked)):
            v.unlock(name, "wrong password")


def lock(folder: Path, name: str) -> None:
    """Lock a slot as ten failures would (the counters are not sealed); the failing
    itself is tested once, below, since every attempt costs a key derivation."""
    data = raw(folder)
    for slot in data["slots"]:
        if slot["name"] == name:
            slot["failures"] = MAX_FAILURES
    write_raw(folder, data)


def failures(v: Vault, name: str = "甲") -> int:
    return next(s["failures"] for s in raw(v.folder)["slots"] if s["name"] == name)


def test_backoff_doubles_after_the_free_attempts() -> None:
    assert [backoff_seconds(n) for n in range(FREE_FAILURES + 1)] == [0.0] * (FREE_FAILURES + 1)
    waits = [backoff_seconds(n) for n in range(FREE_FAILURES + 1, MAX_FAILURES)]
    assert waits == sorted(waits)
    assert waits[1] == 2 * waits[0]


def test_backoff_is_persisted_across_restarts(
    vault: tuple[Vault, str, str], key: bytes, clock: FakeClock
) -> None:
    v, a, _ = vault
    with pytest.raises(WrongPassword):
        v.unlock("甲", "wrong 1")
    with pytest.raises(WrongPassword):
        v.unlock("甲", "wrong 2")
    with pytest.raises(WrongPassword) as info:
        v.unlock("甲", "wrong 3")
    wait = backoff_seconds(3)
    assert wait > 0
    assert info.value.params == {"failures": 3, "wait": wait}
    # Restarting the app does not reset the count, and the right password must wait too.
    restarted = reload(v, clock)
    with pytest.raises(UnlockThrottled) as throttled:
        restarted.unlock("甲", PW_A)
    assert throttled.value.params["wait"] == pytest.approx(wait)
    assert failures(v) == 3  # a throttled attempt is not counted
    # Other users are not affected.
    assert restarted.unlock("乙", PW_B)[1] == key
    clock.now += wait
    assert reload(v, clock).unlock("甲", PW_A) == (a, key)
    assert failures(v) == 0
    assert raw(v.folder)["slots"][0]["not_before"] == 0.0


def test_a_clock_set_back_does_not_lock_the_user_out_for_days(
    vault: tuple[Vault, str, str], key: bytes, clock: FakeClock
) -> None:
    v, a, _ = vault
    fail(v, 3, clock)
    clock.now -= 3 * 86_400  # the laptop's clock is corrected three days back
    with pytest.raises(UnlockThrottled) as info:
        reload(v, clock).unlock("甲", PW_A)
    assert info.value.params["wait"] <= backoff_seconds(3)
    clock.now += backoff_seconds(3)
    assert reload(v, clock).unlock("甲", PW_A) == (a, key)


def test_ten_failures_lock_the_slot_even_for_the_right_password(
    vault: tuple[Vault, str, str], key: bytes, clock: FakeClock
) -> None:
    v, _, b = vault
    fail(v, MAX_FAILURES - 1, clock)
    clock.now += 10_000
    with pytest.raises(SlotLocked):
        v.unlock("甲", "wrong again")
    assert failures(v) == MAX_FAILURES
    clock.now += 365 * 86_400  # waiting does not help
    with pytest.raises(SlotLocked):
        reload(v, clock).unlock("甲", PW_A)
    assert failures(v) == MAX_FAILURES
    assert [u.locked for u in reload(v, clock).users()] == [True, False]
    assert reload(v, clock).unlock("乙", PW_B) == (b, key)


def test_a_password_reset_unlocks_a_locked_slot(
    vault: tuple[Vault, str, str], key: bytes, clock: FakeClock
) -> None:
    v, a, _ = vault
    lock(v.folder, "甲")
    with pytest.raises(SlotLocked):
        reload(v, clock).unlock("甲", PW_A)
    reload(v, clock).set_password(key, a, "a-new-password", kdf=FLOOR)
    assert reload(v, clock).unlock("甲", "a-new-password") == (a, key)


def test_recovery_code_opens_a_locked_account_and_resets_it(
    workspace: Callable[..., Workspace],
    workspace_template: Template,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws = workspace()
    folder, admin = ws.folder, workspace_template.admin
    ws.close()
    lock(folder, admin)
    with pytest.raises(SlotLocked):
        Workspace.unlock(folder, admin, workspace_template.password)

    monkeypatch.setattr("desktop.store.workspace.tuned_kdf", KdfParams)  # the floor, faster
    with pytest.raises(RecoveryFailed):
        Workspace.recover(folder, format_recovery_code(X25519PrivateKey.generate()), admin, "x" * 9)
    with pytest.raises(RecoveryFailed):
        Workspace.recover(folder, "not a code", admin, "new-password-1")
    code = workspace_template.recovery_code.lower().replace("-", "")  # as typed in a hurry
    recovered = Workspace.recover(folder, code, admin, "new-password-1")
    assert recovered.user.name == admin
    recovered.close()
    assert [u.locked for u in Vault.load(folder).users()] == [False]
    with pytest.raises(WrongPassword):
        Workspace.unlock(folder, admin, workspace_template.password)
    again = Workspace.unlock(folder, admin, "new-password-1")
    assert again.user.role == "secretary"
    again.close()


def test_destroyed_slots_open_nothing(
    vault: tuple[Vault, str, str], recovery: X25519PrivateKey, clock: FakeClock
) -> None:
    v, _, _ = vault
    assert v.recover_key(recovery)
    v.destroy_slots()
    gone = reload(v, clock)
    with pytest.raises(UnknownUser):
        gone.unlock("甲", PW_A)
    with pytest.raises(RecoveryFailed):
        gone.recover_key(recovery)


# --- damage ----------------------------------------------------------------------------


def _alter(text: str) -> str:
    """Change one character, keeping it a valid base64/hex/name character."""
    ch = text[0]
    return ("B" if ch != "B" else "C") + text[1:]


@pytest.mark.parametrize(
    "where",
    ["salt", "nonce", "wrapped", "kdf", "user_id", "name", "checksum", "vault_id"],
)
def test_damage_in_a_slot_is_reported_as_damage(
    vault: tuple[Vault, str, str], clock: FakeClock, where: str
) -> None:
    v, _, _ = vault
    data = raw(v.folder)
    slot = data["slots"][0]
    if where == "kdf":
        slot["kdf"]["memory_kib"] += 1
    elif where == "vault_id":
        data["vault_id"] = _alter(data["vault_id"])
    else:
        slot[where] = _alter(slot[where])
    write_raw(v.folder, data)
    name = slot["name"]
    with pytest.raises((VaultDamaged, UnknownUser)) as info:
        reload(v, clock).unlock(name, PW_A)
    if where != "name":
        assert isinstance(info.value, VaultDamaged)
    assert failures(v, name) == 0  # damage never counts as a failed password


def test_every_flipped_bit_in_the_slots_is_damage_or_harmless(
    tmp_path: Path, key: bytes, clock: FakeClock, recovery: X25519PrivateKey
) -> None:
    """Flip one bit at every offset of a one-user vault.json up to the recovery block:
    the unlock either reports damage or (for the unsealed failure counters) opens with
    the right key. It never says "wrong password" and never yields another key."""
    v = Vault.create(tmp_path, key, recovery_public=recovery.public_key(), clock=clock)
    v.add_user(key, new_id(), "甲", PW_A, kdf=FLOOR)
    original = (tmp_path / VAULT_FILE).read_bytes()
    end = original.index(b'"recovery"')
    outcomes: dict[str, int] = {}
    started = time.monotonic()
    for offset in range(end):
        damaged = bytearray(original)
        damaged[offset] ^= 0x01
        (tmp_path / VAULT_FILE).write_bytes(bytes(damaged))
        try:
            got = Vault.load(tmp_path, clock=clock).unlock("甲", PW_A)[1]
            assert got == key
            outcome = "opened"
        except (VaultDamaged, UnknownUser) as exc:
            outcome = type(exc).__name__
        except LianxinError as exc:
            raise AssertionError(f"offset {offset}: {type(exc).__name__}") from exc
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert outcomes["VaultDamaged"] > 0.9 * end, outcomes
    assert time.monotonic() - started < 60


# --- through the workspace: the database is never rewritten ---------------------------


def db_digest(folder: Path) -> dict[str, str]:
    return {n: sha256(folder / n) for n in DB_SIDE_FILES if (folder / n).exists()}


def test_password_change_and_new_users_never_touch_the_database(
    workspace: Callable[..., Workspace], workspace_template: Template
) -> None:
    ws = workspace()
    folder = ws.folder
    with ws.records.transaction():
        officer = ws.records.insert(
            "users", {"name": "组织委员", "role": "officer"}, owner_org=ws.org_id
        )
    before = db_digest(folder)
    vault_before = sha256(folder / VAULT_FILE)
    ws.set_password(ws.user.id, "changed password 1")
    ws.add_slot(officer, "组织委员", "officer password 1")
    assert db_digest(folder) == before
    assert sha256(folder / VAULT_FILE) != vault_before
    ws.close()
    closed = sha256(folder / DB_FILE)

    as_officer = Workspace.unlock(folder, "组织委员", "officer password 1")
    assert (as_officer.user.name, as_officer.user.role) == ("组织委员", "officer")
    as_officer.close()
    with pytest.raises(WrongPassword):
        Workspace.unlock(folder, workspace_template.admin, workspace_template.password)
    admin = Workspace.unlock(folder, workspace_template.admin, "changed password 1")
    admin.vault.remove_user(officer)
    admin.close()
    with pytest.raises(UnknownUser):
        Workspace.unlock(folder, "组织委员", "officer password 1")
    assert sha256(folder / DB_FILE) == closed


def test_a_recovery_code_copied_with_zero_for_o_and_eight_for_b_still_parses() -> None:
    """Base32 has no 0 or 8: someone copying the code by hand reads O and B as digits."""
    key = X25519PrivateKey.generate()
    while not {"O", "B"} <= set(format_recovery_code(key)):
        key = X25519PrivateKey.generate()
    copied = format_recovery_code(key).replace("O", "0").replace("B", "8")
    raw = serialization.Encoding.Raw, serialization.PublicFormat.Raw
    assert parse_recovery_code(copied).public_key().public_bytes(*raw) == (
        key.public_key().public_bytes(*raw)
    )
