"""The self-test: can this installation keep data safely here?

It checks that SQLCipher 4 answers (so nothing is written in plaintext), that FTS5 is
there for search, and that a database passes SQLite's and SQLCipher's integrity checks;
`run_self_test` does all of this on a scratch data folder it creates, writes, reopens and
throws away, `check_workspace` on an unlocked data folder. `lianxin-cli self-test` prints
the results; the packaged app runs the same checks (so this module imports no Qt).
"""

from __future__ import annotations

import logging
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.store import audit
from desktop.store.db import KEY_BYTES, Database, open_database
from desktop.store.errors import LianxinError, WrongPassword
from desktop.store.vault import KdfParams, Vault
from desktop.store.workspace import Setup, Workspace

log = logging.getLogger(__name__)

#: The first bytes of every unencrypted SQLite file.
PLAINTEXT_HEADER = b"SQLite format 3\x00"
#: What the scratch data folder writes and expects to read back and find.
_MARKER_NAME = "自检张三"
_MARKER_ID = "11010519491231002X"  # the standard's own example of a valid number
_MARKER_SEARCHES = ("zs", "张三", "1101051949", "31002X")


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str = ""


class CheckFailed(Exception):
    """Raised by a probe: the check ran and found a problem (its text is the detail)."""


def run_check(name: str, probe: Callable[[], str]) -> Check:
    """Run one probe; any exception fails the check (a self-test reports, never raises)."""
    try:
        detail = probe()
    except Exception as exc:
        detail = str(exc) or type(exc).__name__
        log.warning("self-test: %s failed: %s", name, detail)
        return Check(name, False, detail)
    return Check(name, True, detail)


# --- checks on one open database --------------------------------------------------------


def _cipher_version(db: Database) -> str:
    version = str(db.scalar("PRAGMA cipher_version") or "")
    if not version.startswith("4."):
        raise CheckFailed(f"SQLCipher 4 is required; found {version or 'no SQLCipher'}")
    return f"SQLCipher {version}"


def _fts5(db: Database) -> str:
    db.execute("CREATE VIRTUAL TABLE temp.selftest_fts USING fts5(terms)")
    try:
        db.execute("INSERT INTO temp.selftest_fts(terms) VALUES ('lianxin zs')")
        hits = db.scalar("SELECT count(*) FROM temp.selftest_fts WHERE selftest_fts MATCH 'zs*'")
    finally:
        db.execute("DROP TABLE temp.selftest_fts")
    if hits != 1:
        raise CheckFailed(f"a test query found {hits} rows instead of 1")
    return "available"


def _encrypted_on_disk(db: Database) -> str:
    with db.path.open("rb") as f:
        header = f.read(len(PLAINTEXT_HEADER))
    if header == PLAINTEXT_HEADER:
        raise CheckFailed(f"{db.path.name} is a plaintext SQLite file")
    return f"{db.path.name} has no plaintext header"


def _integrity(db: Database) -> str:
    # One row per problem, and a row may hold several lines: report the first few.
    lines = [line for r in db.query("PRAGMA integrity_check") for line in str(r[0]).splitlines()]
    if lines != ["ok"]:
        problems = [line for line in lines if not line.startswith("***")]
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        raise CheckFailed("; ".join(problems[:3]) + more)
    return "ok"


def _cipher_integrity(db: Database) -> str:
    # SQLCipher lists every page whose HMAC does not verify; nothing listed is healthy.
    rows = [str(r[0]) for r in db.query("PRAGMA cipher_integrity_check")]
    if rows:
        raise CheckFailed(f"{len(rows)} problems, first: {rows[0]}")
    return "every page authenticates"


def check_capabilities(db: Database) -> list[Check]:
    """SQLCipher 4 and FTS5 on this connection (nothing is written to the file)."""
    return [
        run_check("SQLCipher 4", lambda: _cipher_version(db)),
        run_check("FTS5 full-text search", lambda: _fts5(db)),
    ]


def check_database(db: Database) -> list[Check]:
    """Is the database file encrypted and intact? Reads every page: slow on big files."""
    return [
        run_check("encrypted on disk", lambda: _encrypted_on_disk(db)),
        run_check("integrity_check", lambda: _integrity(db)),
        run_check("cipher_integrity_check", lambda: _cipher_integrity(db)),
    ]


def check_workspace(ws: Workspace) -> list[Check]:
    """Every check, on an unlocked data folder's database."""
    return [*check_capabilities(ws.db), *check_database(ws.db)]


# --- the scratch data folder ------------------------------------------------------------


def run_self_test(folder: Path | None = None) -> list[Check]:
    """Create a scratch data folder in a temporary directory (inside `folder` when given,
    to test that disk), write to it, reopen it, read back, and check it; then delete it.
    """
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lianxin-selftest-", dir=folder) as tmp:
        return _scratch_checks(Path(tmp))


def _scratch_checks(root: Path) -> list[Check]:
    try:
        probe = open_database(root / "probe.db", os.urandom(KEY_BYTES))
    except Exception as exc:
        # Without an encrypting driver nothing else can run (and nothing else should).
        return [Check("SQLCipher 4", False, str(exc) or type(exc).__name__)]
    try:
        checks = check_capabilities(probe)
    finally:
        probe.close()
    if not all(c.ok for c in checks):
        return checks

    folder = root / "data"
    password = secrets.token_urlsafe(18)
    # The floor of the key derivation: the scratch folder is thrown away, and the floor
    # is what every real slot gets at least.
    setup = Setup("自检委员会", "自检支部", "selftest", password)
    marker_id = ""

    def create() -> str:
        nonlocal marker_id
        ws, _code = Workspace.create(folder, setup, kdf=KdfParams())
        try:
            with ws.records.transaction():
                marker_id = ws.records.insert(
                    "members",
                    {"name": _MARKER_NAME, "id_number": _MARKER_ID, "id_kind": "resident"},
                    owner_org=ws.org_id,
                )
        finally:
            ws.close()
        return "vault, key slot and database written"

    checks.append(run_check("create an encrypted data folder", create))
    if not checks[-1].ok:
        return checks
    checks.append(run_check("wrong password refused", lambda: _refuses(folder, setup)))
    try:
        ws = Workspace.unlock(folder, setup.admin_name, password)
    except Exception as exc:
        checks.append(Check("unlock with the password", False, str(exc) or type(exc).__name__))
        return checks
    try:
        checks.append(Check("unlock with the password", True, "key slot opens the database"))
        checks.append(run_check("read back and search", lambda: _read_back(ws, marker_id)))
        checks += check_database(ws.db)
        checks.append(run_check("audit chain", lambda: _audit(ws.db)))
    finally:
        ws.close()
    return checks


def _refuses(folder: Path, setup: Setup) -> str:
    try:
        Vault.load(folder).unlock(setup.admin_name, setup.password + "!")
    except WrongPassword:
        return "refused"
    except LianxinError as exc:
        raise CheckFailed(f"refused, but with the wrong error: {exc}") from exc
    raise CheckFailed("a wrong password unlocked the vault")


def _read_back(ws: Workspace, marker_id: str) -> str:
    record = ws.records.require("members", marker_id)
    if record["name"] != _MARKER_NAME or record["id_number"] != _MARKER_ID:
        raise CheckFailed("the record read back differs from the one written")
    rowid = ws.db.scalar("SELECT _rowid FROM members WHERE id = ?", (marker_id,))
    for text in _MARKER_SEARCHES:
        if ws.records.search_rowids("members", text) != [rowid]:
            raise CheckFailed(f"searching {text!r} does not find the record")
    return "record and search index agree"


def _audit(db: Database) -> str:
    report = audit.verify(db)
    if not report.ok:
        raise CheckFailed(f"block {report.bad_block}: {report.reason}")
    return f"{report.blocks} blocks, {report.changes} changes verified"
