"""`lianxin-cli` as a script or an officer at a terminal uses it: every command's happy
path, and every mistake answered with exit status 2 and one line on stderr, never a
traceback."""

from __future__ import annotations

import base64
import getpass
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop import cli
from desktop.domain import demo
from desktop.store import workspace as workspace_module
from desktop.store.vault import KdfParams, Vault, public_bytes
from desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from conftest import Template

NEW_PASSWORD = "a new password 2"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def one_line_error(self) -> bool:
        """What the CLI promises for a user's error: exit 2, one line, no traceback."""
        return (
            self.code == 2
            and self.err.count("\n") == 1
            and self.err.startswith("lianxin-cli: ")
            and "Traceback" not in self.err
        )


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Slots written by the CLI use the KDF floor (never weaker); the real tuning aims
    # at half a second per derivation, which tests need not wait for.
    monkeypatch.setattr(workspace_module, "tuned_kdf", KdfParams)
    monkeypatch.setenv("LIANXIN_CONFIG_DIR", str(tmp_path / "config"))
    for name in (cli.ENV_PASSWORD, cli.ENV_NEW_PASSWORD, cli.ENV_RECOVERY_CODE):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # no terminal unless a test makes one


@pytest.fixture
def run(capfd: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    # capfd, not capsys: SQLCipher writes its warnings to file descriptor 2 directly.
    def run_cli(*argv: str | Path) -> Result:
        code = cli.main([str(a) for a in argv])
        captured = capfd.readouterr()
        return Result(code, captured.out, captured.err)

    return run_cli


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[..., list[str]]:
    """`terminal("a", "b")`: the next prompts are answered with these; returns the prompts."""
    prompts: list[str] = []

    def answer(*answers: str) -> list[str]:
        queue = list(answers)

        def fake_getpass(prompt: str = "") -> str:
            prompts.append(prompt)
            if not queue:
                raise EOFError
            reply = queue.pop(0)
            if reply == "^C":
                raise KeyboardInterrupt
            return reply

        monkeypatch.setattr(sys, "stdin", FakeTerminal())
        monkeypatch.setattr(getpass, "getpass", fake_getpass)
        return prompts

    return answer


@pytest.fixture
def data(
    tmp_path: Path, workspace_template: Template, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A data folder with one user, the secretary; LIANXIN_PASSWORD is theirs."""
    folder = tmp_path / "data"
    shutil.copytree(workspace_template.folder, folder)
    monkeypatch.setenv(cli.ENV_PASSWORD, workspace_template.password)
    yield folder


def _add_officer(run: Callable[..., Result], data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.ENV_NEW_PASSWORD, NEW_PASSWORD)
    assert run("--data-dir", data, "user", "add", "zuzhi", "--role", "officer").code == 0
    monkeypatch.delenv(cli.ENV_NEW_PASSWORD)


# --- init ------------------------------------------------------------------------------


def test_init_creates_a_folder_and_shows_the_recovery_code_once(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "new"
    monkeypatch.setenv(cli.ENV_PASSWORD, "first password")
    result = run(
        "--data-dir", folder, "init", "--org-name", "海外党委", "--admin", "书记",
        "--branch-name", "第一党支部",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "海外党委" in result.out and "第一党支部" in result.out and "书记" in result.out
    code_line = next(
        line.strip() for line in result.out.splitlines() if line.startswith("    ") and "-" in line
    )
    assert "write it down" in result.out.lower()
    # Never stored: not in any file of the folder, in any spelling.
    compact = code_line.replace("-", "").encode()
    for path in folder.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert code_line.encode() not in content and compact not in content

    ws = Workspace.unlock(folder, "书记", "first password")
    try:
        assert ws.user.role == "secretary"
        assert ws.records.require("org_units", ws.org_id)["name"] == "第一党支部"
    finally:
        ws.close()

    # The code shown is the one that recovers the data.
    monkeypatch.setenv(cli.ENV_RECOVERY_CODE, code_line.lower())
    monkeypatch.setenv(cli.ENV_NEW_PASSWORD, NEW_PASSWORD)
    result = run("--data-dir", folder, "user", "recover", "书记")
    assert result.code == 0, result.err
    Workspace.unlock(folder, "书记", NEW_PASSWORD).close()


@pytest.mark.parametrize("encoding", ["raw", "base64"])
def test_init_with_hqs_recovery_key_shows_no_code(
    run: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    encoding: str,
) -> None:
    hq_key = X25519PrivateKey.generate()
    raw = public_bytes(hq_key.public_key())
    key_file = tmp_path / "hq.pub"
    key_file.write_bytes(raw if encoding == "raw" else base64.b64encode(raw) + b"\n")
    folder = tmp_path / "new"
    monkeypatch.setenv(cli.ENV_PASSWORD, "first password")
    result = run(
        "--data-dir", folder, "init", "--org-name", "党委", "--admin", "admin",
        "--recovery-key", key_file,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "RECOVERY CODE" not in result.out
    recovery = Vault.load(folder).recovery
    assert recovery is not None
    assert base64.b64decode(recovery["recipient"]) == raw
    # HQ's private key opens the data.
    assert len(Vault.load(folder).recover_key(hq_key)) == 32


def test_init_asks_for_the_password_twice_at_a_terminal(
    run: Callable[..., Result], tmp_path: Path, terminal: Callable[..., list[str]]
) -> None:
    prompts = terminal("typed password", "typed password")
    result = run("--data-dir", tmp_path / "new", "init", "--org-name", "党委", "--admin", "a")
    assert result.code == 0, result.err
    assert len(prompts) == 2
    assert "typed password" not in result.out + result.err
    Workspace.unlock(tmp_path / "new", "a", "typed password").close()


@pytest.mark.parametrize(
    ("answers", "says"),
    [
        (("typed password", "typed passwort"), "differ"),
        (("short",), "too short"),
        (("^C",), "Cancelled"),
        ((), "Cancelled"),  # end of input at the prompt
    ],
)
def test_init_refuses_bad_passwords_at_the_prompt(
    run: Callable[..., Result],
    tmp_path: Path,
    terminal: Callable[..., list[str]],
    answers: tuple[str, ...],
    says: str,
) -> None:
    terminal(*answers)
    result = run("--data-dir", tmp_path / "new", "init", "--org-name", "党委", "--admin", "a")
    assert result.one_line_error, result
    assert says in result.err
    assert not Vault.exists(tmp_path / "new")


def test_init_refuses_a_folder_that_has_data(run: Callable[..., Result], data: Path) -> None:
    result = run("--data-dir", data, "init", "--org-name", "党委", "--admin", "a")
    assert result.one_line_error
    assert "already exists" in result.err


@pytest.mark.parametrize("content", [b"", b"not a key", b"\x01" * 31])
def test_init_refuses_a_bad_recovery_key_file(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    key_file = tmp_path / "hq.pub"
    key_file.write_bytes(content)
    monkeypatch.setenv(cli.ENV_PASSWORD, "first password")
    result = run(
        "--data-dir", tmp_path / "new", "init", "--org-name", "党委", "--admin", "a",
        "--recovery-key", key_file,
    )  # fmt: skip
    assert result.one_line_error
    assert "X25519" in result.err
    missing = run(
        "--data-dir", tmp_path / "new", "init", "--org-name", "党委", "--admin", "a",
        "--recovery-key", tmp_path / "missing.pub",
    )  # fmt: skip
    assert missing.one_line_error and "cannot be read" in missing.err


# --- users -----------------------------------------------------------------------------


def test_user_add_and_list(
    run: Callable[..., Result], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_officer(run, data, monkeypatch)
    result = run("--data-dir", data, "--user", "书记", "user", "list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split() == ["NAME", "ROLE", "LOCKED"]
    assert ["zuzhi", "officer", "no"] in [line.split() for line in lines]
    assert ["书记", "secretary", "no"] in [line.split() for line in lines]
    # The new user opens the data with their own password.
    monkeypatch.setenv(cli.ENV_PASSWORD, NEW_PASSWORD)
    assert run("--data-dir", data, "--user", "zuzhi", "user", "list").code == 0


def test_user_add_asks_for_the_new_password_twice(
    run: Callable[..., Result], data: Path, terminal: Callable[..., list[str]]
) -> None:
    prompts = terminal(NEW_PASSWORD, NEW_PASSWORD)
    result = run("--data-dir", data, "user", "add", "小李", "--role", "member")
    assert result.code == 0, result.err
    assert prompts == ["New password for 小李: ", "New password for 小李 (again): "]


def test_only_a_secretary_adds_users(
    run: Callable[..., Result], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_officer(run, data, monkeypatch)
    monkeypatch.setenv(cli.ENV_PASSWORD, NEW_PASSWORD)
    monkeypatch.setenv(cli.ENV_NEW_PASSWORD, NEW_PASSWORD)
    result = run("--data-dir", data, "--user", "zuzhi", "user", "add", "x", "--role", "officer")
    assert result.one_line_error
    assert "does not allow" in result.err


def test_a_user_changes_their_own_password(
    run: Callable[..., Result],
    data: Path,
    workspace_template: Template,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(cli.ENV_NEW_PASSWORD, NEW_PASSWORD)
    result = run("--data-dir", data, "user", "passwd", "书记")
    assert result.code == 0, result.err
    Workspace.unlock(data, "书记", NEW_PASSWORD).close()
    # The old password no longer opens it.
    result = run("--data-dir", data, "user", "list")
    assert result.one_line_error
    assert "Wrong user name or password" in result.err


def test_the_secretary_resets_anothers_password(
    run: Callable[..., Result], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_officer(run, data, monkeypatch)
    monkeypatch.setenv(cli.ENV_NEW_PASSWORD, "reset by secretary")
    result = run("--data-dir", data, "--user", "书记", "user", "passwd", "zuzhi")
    assert result.code == 0, result.err
    Workspace.unlock(data, "zuzhi", "reset by secretary").close()
    # An officer may not reset the secretary's password.
    monkeypatch.setenv(cli.ENV_PASSWORD, "reset by secretary")
    result = run("--data-dir", data, "--user", "zuzhi", "user", "passwd", "书记")
    assert result.one_line_error and "does not allow" in result.err


def test_recovery_with_a_wrong_code_is_refused(
    run: Callable[..., Result], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cli.ENV_RECOVERY_CODE, "AAAA-BBBB-CCCC")
    monkeypatch.setenv(cli.ENV_NEW_PASSWORD, NEW_PASSWORD)
    result = run("--data-dir", data, "user", "recover", "书记")
    assert result.one_line_error
    assert "recovery code" in result.err


# --- demo and members ------------------------------------------------------------------


DEMO_PASSWORD = "demo password"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo") / "data"
    demo.create_demo_workspace(folder, 120, password=DEMO_PASSWORD, kdf=KdfParams()).close()
    return folder


@pytest.fixture
def demo_folder(tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of a demo data folder with 120 members; LIANXIN_PASSWORD opens it."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    monkeypatch.setenv(cli.ENV_PASSWORD, DEMO_PASSWORD)
    return folder


def test_demo_creates_a_branch_with_three_users(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "demo"
    monkeypatch.setenv(cli.ENV_PASSWORD, DEMO_PASSWORD)
    result = run("--data-dir", folder, "demo", "--members", "40")
    assert result.code == 0, result.err
    assert "40 members" in result.out and demo.BRANCH_NAME in result.out
    for name in (demo.SECRETARY, demo.OFFICER, demo.MEMBER):
        assert name in result.out
        Workspace.unlock(folder, name, DEMO_PASSWORD).close()

    again = run("--data-dir", folder, "demo", "--members", "5")
    assert again.one_line_error and "already exists" in again.err


def test_members_list_as_a_table_and_as_json(run: Callable[..., Result], demo_folder: Path) -> None:
    table = run("--data-dir", demo_folder, "--user", "zuzhi", "members", "list")
    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert lines[0].split()[:2] == ["NAME", "GENDER"]
    assert len(lines) == 1 + 120 + 1 and lines[-1] == "(120 members)"

    result = run("--data-dir", demo_folder, "--user", "zuzhi", "members", "list", "--json")
    members = json.loads(result.out)
    assert len(members) == 120
    assert set(members[0]) == {"id", *cli.MEMBER_FIELDS}
    first = members[0]
    # The table shows the same people, ID numbers in full.
    assert first["name"] in lines[1] and first["id_number"] in lines[1]
    assert all(m["group"] and m["group"].startswith("第") for m in members)


def test_members_list_search_and_limit(run: Callable[..., Result], demo_folder: Path) -> None:
    base = ("--data-dir", demo_folder, "--user", "secretary", "members", "list", "--json")
    everyone = json.loads(run(*base).out)
    target = everyone[7]
    found = json.loads(run(*base, "--search", target["id_number"]).out)
    assert [m["id"] for m in found] == [target["id"]]
    by_name = json.loads(run(*base, "--search", target["name"]).out)
    assert target["id"] in [m["id"] for m in by_name]
    assert all(target["name"] in m["name"] for m in by_name)
    limited = json.loads(run(*base, "--limit", "5").out)
    assert [m["id"] for m in limited] == [m["id"] for m in everyone[:5]]
    table = run(*base[:-1], "--limit", "5")
    assert table.out.splitlines()[-1] == "(5 of 120 members)"


def test_a_member_lists_only_their_own_record(
    run: Callable[..., Result], demo_folder: Path
) -> None:
    result = run(
        "--data-dir", demo_folder, "--user", demo.MEMBER, "members", "list", "--json"
    )  # fmt: skip
    assert result.code == 0, result.err
    assert len(json.loads(result.out)) == 1


def test_members_add_derives_birth_date_and_gender_from_the_id_number(
    run: Callable[..., Result], data: Path
) -> None:
    result = run(
        "--data-dir", data, "members", "add", "--name", "张三", "--id-number",
        "11010519491231002x", "--phone", "13800138000", "--category", "full",
        "--joined", "1975-07-01",
    )  # fmt: skip
    assert result.code == 0, result.err
    listed = json.loads(run("--data-dir", data, "members", "list", "--json", "--search", "zs").out)
    assert [(m["name"], m["birth_date"], m["gender"], m["id_number"]) for m in listed] == [
        ("张三", "1949-12-31", "female", "11010519491231002X")
    ]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("--name", "李四", "--id-number", "110105194912310021"), "not valid"),
        (("--name", "李四", "--joined", "2020-13-01"), "--joined"),
        (("--name", "李四", "--gender", "x"), "--gender"),
        (("--name", " "), "--name"),
    ],
)
def test_members_add_refuses_bad_input(
    run: Callable[..., Result], data: Path, args: tuple[str, ...], says: str
) -> None:
    result = run("--data-dir", data, "members", "add", *args)
    assert result.one_line_error, result
    assert says in result.err
    assert "19491231" not in result.err, "an ID number is never echoed whole"


# --- checks ----------------------------------------------------------------------------


def test_self_test_without_data_needs_no_password(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    result = run("--data-dir", tmp_path / "nothing", "self-test")
    assert result.code == 0, result.out + result.err
    assert "FAIL" not in result.out
    for name in ("SQLCipher 4", "FTS5", "integrity_check", "cipher_integrity_check"):
        assert f"ok    {name}" in result.out
    assert "Data folder" not in result.out
    assert not (tmp_path / "nothing").exists()


def test_self_test_checks_the_data_folder_with_a_password(
    run: Callable[..., Result], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run("--data-dir", data, "self-test")
    assert result.code == 0, result.out + result.err
    folder_part = result.out.split(f"Data folder {data}:")[1]
    assert "ok    integrity_check" in folder_part
    assert "ok    cipher_integrity_check" in folder_part

    monkeypatch.delenv(cli.ENV_PASSWORD)
    result = run("--data-dir", data, "self-test")
    assert result.code == 0
    assert "not checked" in result.out


def test_self_test_fails_on_a_damaged_database(
    run: Callable[..., Result], demo_folder: Path
) -> None:
    db = demo_folder / "lianxin.db"
    size = db.stat().st_size
    with db.open("r+b") as f:  # flip a byte in a page of member rows, far from page 1
        f.seek(size - 3 * 4096 + 100)
        byte = f.read(1)
        f.seek(size - 3 * 4096 + 100)
        f.write(bytes([byte[0] ^ 0xFF]))
    result = run("--data-dir", demo_folder, "--user", "secretary", "self-test")
    assert result.code == 1, result.out + result.err
    assert "FAIL  cipher_integrity_check" in result.out
    assert result.err == "", "SQLCipher's own warnings are not shown without -v"


def test_audit_verify_reports_an_intact_chain_and_where_it_breaks(
    run: Callable[..., Result], data: Path
) -> None:
    assert run("--data-dir", data, "members", "add", "--name", "王芳").code == 0
    result = run("--data-dir", data, "audit", "verify")
    assert result.code == 0, result.err
    assert "intact" in result.out

    ws = Workspace.unlock(data, "书记", os.environ[cli.ENV_PASSWORD])
    try:  # tamper with a committed change behind the store's back
        ws.db.execute(
            "UPDATE changes SET value = replace(value, '王芳', '王芬') WHERE value LIKE '%王芳%'"
        )
    finally:
        ws.close()
    result = run("--data-dir", data, "audit", "verify")
    assert result.code == 1
    assert "BROKEN at block" in result.out and "altered" in result.out


def test_only_the_secretary_verifies_the_audit_trail(
    run: Callable[..., Result], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_officer(run, data, monkeypatch)
    monkeypatch.setenv(cli.ENV_PASSWORD, NEW_PASSWORD)
    result = run("--data-dir", data, "--user", "zuzhi", "audit", "verify")
    assert result.one_line_error and "does not allow" in result.err


# --- user errors and output hygiene ----------------------------------------------------


def test_user_errors_are_one_line_with_status_2(
    run: Callable[..., Result], data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = {
        "no command": run("--data-dir", data),
        "unknown command": run("--data-dir", data, "frobnicate"),
        "unknown option": run("--data-dir", data, "members", "list", "--colour"),
        "bad number": run("--data-dir", tmp_path / "x", "demo", "--members", "many"),
        "negative number": run("--data-dir", tmp_path / "x", "demo", "--members", "-3"),
        "missing vault": run("--data-dir", tmp_path / "nothing", "members", "list"),
        "unknown user": run("--data-dir", data, "--user", "nobody", "user", "list"),
        "bad role": run("--data-dir", data, "user", "add", "x", "--role", "boss"),
    }
    monkeypatch.setenv(cli.ENV_PASSWORD, "not the password")
    checks["wrong password"] = run("--data-dir", data, "members", "list")
    monkeypatch.delenv(cli.ENV_PASSWORD)
    checks["no password, no terminal"] = run("--data-dir", data, "members", "list")
    for what, result in checks.items():
        assert result.one_line_error, (what, result)
    assert "No Lianxin data" in checks["missing vault"].err
    assert "Wrong user name or password" in checks["wrong password"].err
    assert "LIANXIN_PASSWORD" in checks["no password, no terminal"].err
    assert "nobody" in checks["unknown user"].err


def test_several_users_need_user(
    run: Callable[..., Result], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_officer(run, data, monkeypatch)
    result = run("--data-dir", data, "members", "list")
    assert result.one_line_error
    assert "--user" in result.err and "zuzhi" in result.err and "书记" in result.err


def test_help_exits_0(run: Callable[..., Result]) -> None:
    result = run("--help")
    assert result.code == 0
    for command in ("init", "user", "demo", "members", "self-test", "audit"):
        assert command in result.out


def test_verbose_logs_to_stderr_without_secrets(
    run: Callable[..., Result], data: Path, workspace_template: Template
) -> None:
    quiet = run("--data-dir", data, "members", "add", "--name", "李四")
    assert quiet.code == 0 and quiet.err == ""
    loud = run(
        "-vv", "--data-dir", data, "members", "add", "--name", "张三", "--id-number",
        "11010519491231002X",
    )  # fmt: skip
    assert loud.code == 0
    assert "desktop.store" in loud.err, "-v shows the log"
    assert workspace_template.password not in loud.err
    assert "11010519491231002X" not in loud.err and "19491231" not in loud.err


def test_the_installed_command_runs(
    tmp_path: Path, workspace_template: Template, data: Path
) -> None:
    command = Path(sys.executable).with_name("lianxin-cli")
    assert command.exists(), "the entry point is installed with the package"
    env = {**os.environ, "LIANXIN_CONFIG_DIR": str(tmp_path / "config")}
    env.pop(cli.ENV_PASSWORD, None)
    done = subprocess.run(
        [command, "--data-dir", tmp_path / "none", "self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "All checks passed." in done.stdout

    env[cli.ENV_PASSWORD] = "not the password"
    done = subprocess.run(
        [command, "--data-dir", data, "members", "list"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("lianxin-cli: Wrong user name or password")
