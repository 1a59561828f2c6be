"""Nothing personal reaches the disk in plaintext; wrong passwords and damage change
nothing and are told apart.

User names are not used as markers: the unlock screen lists them before anything is
decrypted, so vault.json holds them in the clear by design. Everything else a user
types (names of members, ID numbers, phones, free text) is a marker here.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from pypinyin import lazy_pinyin

from desktop.store.db import open_database
from desktop.store.errors import DatabaseDamaged, VaultDamaged, WrongKey, WrongPassword
from desktop.store.vault import VAULT_FILE, Vault
from desktop.store.workspace import DB_FILE, DB_SIDE_FILES, Workspace

if TYPE_CHECKING:
    from conftest import Template

WRITER = Path(__file__).with_name("security_writer.py")
SQLITE_HEADER = b"SQLite format 3\x00"
PAGE = 4096  # SQLCipher 4's default page size


def random_cjk(n: int) -> str:
    return "".join(chr(0x4E00 + secrets.randbelow(0x9FA5 - 0x4E00)) for _ in range(n))


def random_digits(n: int) -> str:
    return "".join(secrets.choice("0123456789") for _ in range(n))


def make_markers() -> dict[str, str]:
    name = random_cjk(4)
    return {
        "name": name,
        "name_pinyin": "".join(lazy_pinyin(name)),  # the search index holds it too
        "former_name": random_cjk(5),
        "id_number": random_digits(17) + "X",
        "phone": "139" + random_digits(8),
        "free_text": f"MARKER-{secrets.token_hex(8)}",
        "free_text_cjk": "备注" + random_cjk(6),
        "deleted_name": random_cjk(4),  # a tombstone keeps its data: still encrypted
        "org_name": random_cjk(3) + "党小组",
        "control": f"CONTROL-{secrets.token_hex(8)}",
    }


def encodings(text: str) -> list[bytes]:
    return [text.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be")]


def found_in(data: bytes, text: str) -> bool:
    return any(enc in data for enc in encodings(text))


def readable_files(*folders: Path) -> Iterator[tuple[str, bytes]]:
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                yield str(path), path.read_bytes()


def open_temp_files(pid: int, temp: Path) -> Iterator[tuple[str, bytes]]:
    """Files the child holds open in the temp folder, including ones already unlinked
    (SQLite deletes its temp files right after opening them)."""
    fd_dir = Path(f"/proc/{pid}/fd")
    if not fd_dir.is_dir():
        return
    for fd in fd_dir.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith(str(temp)):
            try:
                yield f"{target} (open)", fd.read_bytes()
            except OSError:
                continue


def scan(markers: dict[str, str], files: list[tuple[str, bytes]]) -> list[str]:
    """Every (file, marker) where a personal marker appears in any encoding."""
    return [
        f"{name}: {key}"
        for name, data in files
        for key, text in markers.items()
        if key != "control" and found_in(data, text)
    ]


@pytest.fixture
def data_dir(tmp_path: Path, workspace_template: Template) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(workspace_template.folder, folder)
    return folder


def test_no_personal_data_on_disk_while_open_or_after_close(
    data_dir: Path, tmp_path: Path, workspace_template: Template
) -> None:
    markers = make_markers()
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(temp),
        "SQLITE_TMPDIR": str(temp),
        "TEMP": str(temp),
        "TMP": str(temp),
        "LIANXIN_PASSWORD": workspace_template.password,
        "LIANXIN_MARKERS": json.dumps(markers),
    }
    child = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir), workspace_template.admin],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        line = child.stdout.readline()
        assert line == "ready\n", line + (child.stderr.read() if child.stderr else "")

        # While open: the WAL holds this session's writes.
        wal = data_dir / f"{DB_FILE}-wal"
        assert wal.stat().st_size > 100 * PAGE
        files = [*readable_files(data_dir, temp), *open_temp_files(child.pid, temp)]
        names = {Path(n.split(" ")[0]).name for n, _ in files}
        assert {DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", VAULT_FILE} <= names
        assert {"settings.json", "lianxin.log"} <= names
        assert scan(markers, files) == []
        # The controls show the scan reaches the log and the temp folder, in UTF-16 too.
        control = [n for n, data in files if found_in(data, markers["control"])]
        assert any(n.endswith("lianxin.log") for n in control), control
        assert any(n.endswith(".control") for n in control), control

        child.stdin.write("close\n")
        child.stdin.flush()
        assert child.stdout.readline() == "closed\n"
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    # After close.
    files = list(readable_files(data_dir, temp))
    assert scan(markers, files) == []
    db = (data_dir / DB_FILE).read_bytes()
    assert not db.startswith(SQLITE_HEADER)
    assert len(db) > 100 * PAGE  # the data really is in there
    ws = Workspace.unlock(data_dir, workspace_template.admin, workspace_template.password)
    try:
        assert ws.records.search_rowids("members", markers["name"])
    finally:
        ws.close()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def without_counters(vault: dict[str, Any]) -> dict[str, Any]:
    slots = [
        {k: v for k, v in s.items() if k not in ("failures", "not_before")} for s in vault["slots"]
    ]
    return {**vault, "slots": slots}


def test_a_wrong_password_changes_nothing_but_the_failure_counter(
    data_dir: Path, workspace_template: Template
) -> None:
    before_db = sha256(data_dir / DB_FILE)
    before_vault = json.loads((data_dir / VAULT_FILE).read_text())
    with pytest.raises(WrongPassword):
        Workspace.unlock(data_dir, workspace_template.admin, "not the password")
    assert sha256(data_dir / DB_FILE) == before_db
    assert sorted(p.name for p in data_dir.iterdir()) == sorted([DB_FILE, VAULT_FILE])
    after_vault = json.loads((data_dir / VAULT_FILE).read_text())
    assert without_counters(after_vault) == without_counters(before_vault)
    assert [s["failures"] for s in after_vault["slots"]] == [1]


def test_a_flipped_byte_in_any_database_page_is_detected(
    data_dir: Path, workspace_template: Template
) -> None:
    """SQLCipher authenticates every page (HMAC): damage anywhere is found, either when
    opening or by the integrity checks; it never reads back as different data."""
    ws = Workspace.unlock(data_dir, workspace_template.admin, workspace_template.password)
    with ws.records.transaction():
        ws.records.insert_many(
            "members", [{"name": f"成员{n}"} for n in range(300)], owner_org=ws.org_id
        )
    ws.close()
    _, key = Vault.load(data_dir).unlock(workspace_template.admin, workspace_template.password)
    path = data_dir / DB_FILE
    pristine = path.read_bytes()
    pages = len(pristine) // PAGE
    assert pages >= 10
    rng = random.Random(20241121)
    for page in range(pages):
        damaged = bytearray(pristine)
        offset = page * PAGE + rng.randrange(PAGE)
        damaged[offset] ^= 1 << rng.randrange(8)
        path.write_bytes(bytes(damaged))
        for side in DB_SIDE_FILES[1:]:
            (data_dir / side).unlink(missing_ok=True)
        try:
            db = open_database(path, key)
        except (WrongKey, DatabaseDamaged):
            continue
        try:
            assert db.integrity_problems(), f"page {page + 1}, byte {offset}"
        finally:
            db.close()
    path.write_bytes(pristine)
    db = open_database(path, key)
    assert db.integrity_problems() == []
    db.close()


def test_a_flipped_byte_in_a_key_slot_is_damage_not_a_wrong_password(
    data_dir: Path, workspace_template: Template
) -> None:
    text = (data_dir / VAULT_FILE).read_text()
    vault = json.loads(text)
    wrapped = vault["slots"][0]["wrapped"]
    flipped = ("A" if wrapped[10] != "A" else "B").join([wrapped[:10], wrapped[11:]])
    (data_dir / VAULT_FILE).write_text(text.replace(wrapped, flipped))
    before_db = sha256(data_dir / DB_FILE)
    with pytest.raises(VaultDamaged):
        Workspace.unlock(data_dir, workspace_template.admin, workspace_template.password)
    assert json.loads((data_dir / VAULT_FILE).read_text())["slots"][0]["failures"] == 0
    assert sha256(data_dir / DB_FILE) == before_db
