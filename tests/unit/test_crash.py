"""Crash safety: a writer killed with SIGKILL at random moments never loses a committed
write, never leaves a damaged database, and never lets the change log (the outbox HQ
receives) disagree with the data.

At least 50 rounds when CI is set, 10 otherwise. The seed is printed; rerun one failure
with LIANXIN_CRASH_SEED=<seed>.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import crash_writer
import pytest

from desktop.store import audit, meta
from desktop.store.db import Database, open_database
from desktop.store.schema import REGISTRY, expand_change
from desktop.store.vault import Vault
from desktop.store.workspace import Workspace

if TYPE_CHECKING:
    from conftest import Template

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL"),
]

ROUNDS = 50 if os.environ.get("CI") else 10


class Child:
    """A forked writer (`crash_writer.run`), its stdout collected by a thread.

    Forking skips the interpreter's start-up (imports take about a second), so the rounds
    fit the time budget; the child opens the vault itself, as a separate process would,
    and the parent holds no connection while it runs.
    """

    def __init__(self, folder: Path, user: str, password: str, seed: int) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            try:
                os.close(read_end)
                os.dup2(write_end, 1)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                crash_writer.run(folder, user, password, seed)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)
        os.close(write_end)
        self.pid = pid
        self.lines: list[str] = []
        self.first_commit = threading.Event()
        self._reader = threading.Thread(target=self._read, args=(read_end,), daemon=True)
        self._reader.start()

    def _read(self, fd: int) -> None:
        with open(fd, encoding="utf-8") as stream:
            for line in stream:
                self.lines.append(line.rstrip("\n"))
                if line.startswith("committed"):
                    self.first_commit.set()
        self.first_commit.set()  # EOF: stop waiting

    def alive(self) -> bool:
        return os.waitpid(self.pid, os.WNOHANG) == (0, 0)

    def kill(self) -> int:
        """SIGKILL it; returns the signal that ended it."""
        os.kill(self.pid, signal.SIGKILL)
        _, status = os.waitpid(self.pid, 0)
        self._reader.join(timeout=30)
        return os.WTERMSIG(status) if os.WIFSIGNALED(status) else -1


def committed(lines: list[str]) -> list[dict[str, Any]]:
    """Writes the child reported committed. A line cut by the kill is not a report."""
    out: list[dict[str, Any]] = []
    for line in lines:
        if not line.startswith("committed "):
            continue
        _, _, payload = line.split(" ", 2)
        try:
            out += json.loads(payload)
        except ValueError:
            continue
    return out


def latest_changes(db: Database, table: str) -> dict[tuple[str, str], tuple[Any, str]]:
    """(row id, column) → (value, hlc) of the newest change to that field."""
    latest: dict[tuple[str, str], tuple[Any, str]] = {}
    for row_id, change_col, change_value, hlc in db.query(
        "SELECT row_id, col, value, hlc FROM changes WHERE tbl = ? ORDER BY seq", (table,)
    ):
        for col, value in expand_change(change_col, change_value):
            latest[(row_id, col)] = (value, hlc)
    return latest


def rows_agree_with_changes(db: Database, table: str) -> dict[str, dict[str, Any]]:
    """Check that every row of `table` is exactly what its change log says, and that the
    log names no row that does not exist; returns the rows by id."""
    latest = latest_changes(db, table)
    newest: dict[str, str] = {}
    for (row_id, _), (_, hlc) in latest.items():
        newest[row_id] = max(hlc, newest.get(row_id, ""))
    cursor = db.execute(f"SELECT * FROM {table}")
    names = [d[0] for d in cursor.description]
    rows = {r[names.index("id")]: dict(zip(names, r, strict=True)) for r in cursor.fetchall()}
    fields = [n for n in names if not n.startswith("_") and n != "id"]
    assert {row_id for row_id, _ in latest} == set(rows), table
    for row_id, row in rows.items():
        versions = json.loads(row["_v"])
        for col in [*fields, "_deleted"]:
            if (row_id, col) in latest:
                value, hlc = latest[(row_id, col)]
                assert row[col] == value, (table, row_id, col)
                if col in versions:
                    assert versions[col] == hlc, (table, row_id, col)
            else:
                assert row[col] in (None, 0), (table, row_id, col)
        assert row["_hlc"] == newest[row_id], (table, row_id)
    return rows


def check(db: Database, reported: list[dict[str, Any]]) -> None:
    assert db.integrity_problems() == []
    report = audit.verify(db)
    assert report.ok, report
    for table in REGISTRY:
        if table.searchable:
            db.execute(
                f"INSERT INTO {table.fts_table}({table.fts_table}) VALUES ('integrity-check')"
            )
        rows_agree_with_changes(db, table.name)

    rows = rows_agree_with_changes(db, "members")
    # Every write reported committed is there.
    for write in reported:
        row_id = write["id"]
        assert row_id in rows, write
        if write["op"] == "delete":
            assert rows[row_id]["_deleted"] == 1, write
            continue
        logged = {
            (col, value)
            for change_col, change_value in db.query(
                "SELECT col, value FROM changes WHERE row_id = ?", (row_id,)
            )
            for col, value in expand_change(change_col, change_value)
        }
        for col, value in write["values"].items():
            assert (col, value) in logged, write

    # The outbox numbers stay gapless, and the clock resumes past every stamp.
    seqs = [r[0] for r in db.query("SELECT device_seq FROM outbox ORDER BY device_seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    stored = meta.get(db, meta.CLOCK)
    assert stored is not None
    assert stored >= db.scalar("SELECT max(hlc) FROM changes")


@pytest.fixture
def crash_dir(tmp_path: Path, workspace_template: Template) -> Iterator[Path]:
    folder = tmp_path / "data"
    shutil.copytree(workspace_template.folder, folder)
    yield folder


def test_killed_writer_loses_no_committed_write(
    crash_dir: Path, workspace_template: Template
) -> None:
    seed = int(os.environ.get("LIANXIN_CRASH_SEED", random.randrange(1_000_000)))
    print(f"crash test seed {seed}, {ROUNDS} rounds")
    rng = random.Random(seed)
    user, password = workspace_template.admin, workspace_template.password
    _, key = Vault.load(crash_dir).unlock(user, password)
    reported: list[dict[str, Any]] = []
    started = time.monotonic()
    mid_commit = 0
    for rounds in range(ROUNDS):
        child = Child(crash_dir, user, password, seed * 1000 + rounds)
        if rounds % 5 == 4:
            time.sleep(rng.uniform(0.0, 0.4))  # anywhere, even while it is still opening
        else:
            assert child.first_commit.wait(timeout=60)
            time.sleep(rng.uniform(0.0, 0.15))
        assert child.alive(), child.lines  # it was still writing (see stderr if not)
        assert child.kill() == signal.SIGKILL
        news = committed(child.lines)
        mid_commit += bool(news)
        reported += news
        db = open_database(crash_dir / "lianxin.db", key)
        try:
            check(db, reported)
        finally:
            db.close()
    took = time.monotonic() - started
    print(f"{mid_commit} kills during the write loop, {len(reported)} writes, {took:.0f} s")
    assert mid_commit >= ROUNDS * 4 // 5  # most kills landed while it was committing
    assert len(reported) > ROUNDS

    # After all that, the folder opens normally and takes new writes.
    ws = Workspace.unlock(crash_dir, user, password)
    try:
        with ws.records.transaction():
            ws.records.insert("members", {"name": "最后"}, owner_org=ws.org_id)
        check(ws.db, reported)
    finally:
        ws.close()
