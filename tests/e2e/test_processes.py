"""End to end, as separate processes: `lianxin-hq serve` and laptops driven with
`lianxin-cli`, including a laptop killed mid-sync and HQ killed mid-push.

Each kill is SIGKILL (no clean-up runs). Afterwards a sync must resume and finish with
every member at HQ exactly once, and a second laptop must end with the same roster.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hq.db import HqDatabase
from hq.tables import changes, row_state

pytestmark = pytest.mark.slow

BIN = Path(sys.executable).parent
PASSPHRASE = "e2e hq passphrase"
PASSWORD = "e2e laptop password"
ENV = {
    **os.environ,
    "LIANXIN_HQ_PASSPHRASE": PASSPHRASE,
    "LIANXIN_PASSWORD": PASSWORD,
    "LIANXIN_NEW_PASSWORD": PASSWORD,
    "LIANXIN_CONFIG_DIR": "",
}


def _run(*args: str, check: bool = True) -> str:
    done = subprocess.run(args, check=False, env=ENV, capture_output=True, text=True, timeout=300)
    if check and done.returncode != 0:
        raise AssertionError(f"{args[0]} {args[1:4]} failed: {done.stderr.strip()}")
    return done.stdout


class HqProcess:
    def __init__(self, folder: Path) -> None:
        self.url = f"sqlite:///{folder / 'hq.db'}"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = f"http://127.0.0.1:{self.port}"
        out = _run(str(BIN / "lianxin-hq"), "--db", self.url, "init", "--name", "党委")
        self.root = re.search(r"Root org unit: (\S+)", out).group(1)  # type: ignore[union-attr]
        self.process: subprocess.Popen[bytes] | None = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                str(BIN / "lianxin-hq"),
                "--db",
                self.url,
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.server}/health", timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("HQ did not start")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)

    def branch(self, name: str) -> str:
        out = _run(
            str(BIN / "lianxin-hq"), "--db", self.url, "org", "add", name, "--parent", self.root
        )
        return out.split("\t")[0]

    def code(self, org: str) -> str:
        out = _run(str(BIN / "lianxin-hq"), "--db", self.url, "enroll", org, "--level", "officer")
        return re.search(r": (\S+)\n", out).group(1)  # type: ignore[union-attr]

    def members(self, org: str) -> int:
        db = HqDatabase(self.url)
        try:
            with db.read() as conn:
                return int(
                    conn.execute(
                        select(func.count())
                        .select_from(row_state)
                        .where(
                            row_state.c.tbl == "members",
                            row_state.c.owner_org == org,
                            row_state.c.deleted.is_(False),
                        )
                    ).scalar_one()
                )
        finally:
            db.dispose()

    def duplicates(self) -> int:
        db = HqDatabase(self.url)
        try:
            with db.read() as conn:
                rows = conn.execute(
                    select(changes.c.device, changes.c.device_seq, func.count())
                    .where(changes.c.device_seq.is_not(None))
                    .group_by(changes.c.device, changes.c.device_seq)
                    .having(func.count() > 1)
                ).all()
            return len(rows)
        finally:
            db.dispose()


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[HqProcess]:
    server = HqProcess(tmp_path)
    yield server
    server.stop()


def _cli(folder: Path, *args: str, check: bool = True) -> str:
    return _run(str(BIN / "lianxin-cli"), "--data-dir", str(folder), *args, check=check)


def _laptop(folder: Path, hq: HqProcess, branch: str) -> Path:
    _cli(folder, "init", "--org-name", "党委", "--admin", "书记")
    _cli(folder, "enroll", "--server", hq.server, "--code", hq.code(branch))
    return folder


def _roster(folder: Path) -> list[str]:
    return sorted(m["name"] for m in json.loads(_cli(folder, "members", "list", "--json")))


def test_two_laptops_and_hq_as_processes(hq: HqProcess, tmp_path: Path) -> None:
    branch = hq.branch("一支部")
    a = _laptop(tmp_path / "a", hq, branch)
    b = _laptop(tmp_path / "b", hq, branch)
    _cli(a, "members", "add", "--name", "张三")
    _cli(a, "sync")
    _cli(b, "members", "add", "--name", "李四")
    _cli(b, "sync")
    _cli(a, "sync")
    assert _roster(a) == _roster(b) == ["张三", "李四"]
    status = _cli(a, "status")
    assert "Changes waiting to be sent: 0" in status


def _sync_killed(folder: Path, after_s: float) -> None:
    process = subprocess.Popen(
        [str(BIN / "lianxin-cli"), "--data-dir", str(folder), "sync"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after_s)
    process.send_signal(signal.SIGKILL)
    process.wait(10)


def test_laptop_killed_mid_sync_and_hq_killed_mid_push_lose_nothing(
    hq: HqProcess, tmp_path: Path
) -> None:
    rng = random.Random(7)
    branch = hq.branch("大支部")
    a = tmp_path / "a"
    _cli(a, "demo", "--members", "6000")
    _cli(
        a,
        "--user",
        "secretary",
        "enroll",
        "--server",
        hq.server,
        "--code",
        hq.code(branch),
        check=True,
    )
    # The enrolment synced once; make more to send.
    for n in range(3):
        _cli(a, "--user", "secretary", "members", "add", "--name", f"后加{n}")
    expected = int(
        json.loads(_cli(a, "--user", "secretary", "members", "list", "--json")).__len__()
    )
    for _ in range(3):
        _sync_killed(a, rng.uniform(0.8, 2.0))
    hq.kill()
    hq.start()
    _cli(a, "--user", "secretary", "sync")
    assert hq.members(branch) == expected
    assert hq.duplicates() == 0
    b = _laptop(tmp_path / "b", hq, branch)
    for _ in range(2):
        _sync_killed(b, rng.uniform(1.0, 2.0))
    _cli(b, "sync")
    assert len(json.loads(_cli(b, "members", "list", "--json"))) == expected
