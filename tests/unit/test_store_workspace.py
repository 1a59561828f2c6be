"""The data folder as a whole: first-run setup, unlocking, locking."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.store import audit, meta
from desktop.store.errors import (
    InvalidUserName,
    VaultExists,
    VaultNotFound,
    WeakPassword,
)
from desktop.store.vault import VAULT_FILE, KdfParams, Vault
from desktop.store.workspace import DB_FILE, Setup, Workspace

if TYPE_CHECKING:
    from conftest import Template

FLOOR = KdfParams()


def test_setup_makes_the_org_tree_the_secretary_and_a_recovery_code(
    workspace: Callable[..., Workspace], workspace_template: Template
) -> None:
    ws = workspace()
    assert (ws.user.name, ws.user.role) == (workspace_template.admin, "secretary")
    units = {u["level"]: u for u in ws.records.query("org_units")}
    assert units["committee"]["name"] == workspace_template.org_name
    assert units["branch"]["name"] == workspace_template.branch_name
    assert units["branch"]["parent_id"] == units["committee"]["id"]
    assert ws.org_id == units["branch"]["id"]
    assert meta.get(ws.db, meta.VAULT_ID) == ws.vault.vault_id
    assert ws.device_id
    assert audit.verify(ws.db).ok
    code = workspace_template.recovery_code
    assert len(code.replace("-", "")) == 52  # 32 bytes in base32
    assert code not in (ws.folder / VAULT_FILE).read_text()  # shown once, never stored


def test_setup_with_hq_recovery_key_returns_no_code(tmp_path: Path) -> None:
    hq = X25519PrivateKey.generate()
    setup = Setup("委员会", "支部", "书记", "password-1", recovery_public=hq.public_key())
    ws, code = Workspace.create(tmp_path, setup, kdf=FLOOR)
    key = bytes(ws._key)
    ws.close()
    assert code is None
    assert Vault.load(tmp_path).recover_key(hq) == key


def test_setup_refuses_an_existing_data_folder(
    workspace: Callable[..., Workspace], workspace_template: Template
) -> None:
    ws = workspace()
    ws.close()
    setup = Setup("x", "y", "z", "password-1")
    with pytest.raises(VaultExists):
        Workspace.create(ws.folder, setup, kdf=FLOOR)
    again = Workspace.unlock(ws.folder, workspace_template.admin, workspace_template.password)
    again.close()


@pytest.mark.parametrize(
    ("admin", "password", "error"),
    [("", "password-1", InvalidUserName), ("书记", "short", WeakPassword)],
)
def test_setup_checks_name_and_password_before_writing(
    tmp_path: Path, admin: str, password: str, error: type[Exception]
) -> None:
    with pytest.raises(error):
        Workspace.create(tmp_path / "data", Setup("a", "b", admin, password), kdf=FLOOR)
    assert not (tmp_path / "data" / VAULT_FILE).exists()


def test_setup_after_a_crash_before_the_vault_was_written(tmp_path: Path) -> None:
    (tmp_path / DB_FILE).write_bytes(b"half-written, unreadable")
    ws, _ = Workspace.create(tmp_path, Setup("a", "b", "书记", "password-1"), kdf=FLOOR)
    assert ws.records.count("org_units") == 2
    ws.close()


def test_setup_interrupted_before_the_first_slot_can_be_redone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Power lost while the first user's key is derived: no one can open what was
    written (and the recovery code was never shown), so running setup again must work
    instead of answering "Lianxin data already exists"."""

    def power_cut(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(Vault, "add_user", power_cut)
        with pytest.raises(KeyboardInterrupt):
            Workspace.create(tmp_path, Setup("a", "b", "书记", "password-1"), kdf=FLOOR)
    assert Vault.exists(tmp_path)
    assert Vault.load(tmp_path).users() == []
    ws, code = Workspace.create(tmp_path, Setup("a", "b", "书记", "password-2"), kdf=FLOOR)
    assert code
    ws.close()
    Workspace.unlock(tmp_path, "书记", "password-2").close()


def test_unlock_needs_both_files(
    workspace: Callable[..., Workspace], workspace_template: Template, tmp_path: Path
) -> None:
    with pytest.raises(VaultNotFound):
        Workspace.unlock(tmp_path / "empty", workspace_template.admin, "x")
    ws = workspace()
    ws.close()
    (ws.folder / DB_FILE).unlink()
    with pytest.raises(VaultNotFound):
        Workspace.unlock(ws.folder, workspace_template.admin, workspace_template.password)


def test_close_drops_the_key_and_the_connection(workspace: Callable[..., Workspace]) -> None:
    ws = workspace()
    ws.close()
    assert not ws.is_open
    assert not any(ws._key)
    with pytest.raises(RuntimeError, match="locked"):
        ws.set_password(ws.user.id, "password-9")
    with pytest.raises(RuntimeError, match="closed"):
        ws.records.count("members")


def test_two_copies_of_the_template_are_independent(
    workspace: Callable[..., Workspace],
) -> None:
    a, b = workspace("a"), workspace("b")
    with a.records.transaction():
        a.records.insert("members", {"name": "张三"}, owner_org=a.org_id)
    assert b.records.count("members") == 0
    assert a.folder != b.folder
