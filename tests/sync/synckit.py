"""Sync test kit: HQ served by uvicorn on a loopback port, and template copies made into
computers of their own. Imported by tests/sync and tests/ui (as `synckit`)."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hq"))

from hqkit import PASSPHRASE, Hq

from desktop.store import meta
from desktop.store.ids import new_id
from desktop.store.vault import KdfParams
from desktop.store.workspace import Workspace
from desktop.sync.engine import SyncEngine, SyncOutcome
from hq.keys import HqKeys, sealed_keys

__all__ = [
    "PASSPHRASE",
    "TEMPLATE_PASSWORD",
    "Hq",
    "LiveHq",
    "fresh_device",
    "hq_keys",
    "live_hq",
    "sync",
]
#: The password of the session's template data folder (tests/conftest.py).
TEMPLATE_PASSWORD = "correct horse 连心"


class LiveHq:
    """HQ on a loopback port; `url` for devices, `hq` (hqkit) for administration."""

    def __init__(self, hq: Hq, port: int = 0) -> None:
        """Serve on `port` (0: any free one; a stopped HQ's port brings the link back)."""
        self.hq = hq
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(hq.app, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("HQ did not start")
            time.sleep(0.02)

    def branch(self, name: str = "第一党支部") -> str:
        return self.hq.org(name, self.hq.root)

    def stop(self) -> None:
        """Stop serving (the link is gone); safe to call twice."""
        if self.thread.is_alive():
            self.server.should_exit = True
            self.thread.join(10)
            self.sock.close()


@pytest.fixture(scope="session")
def hq_keys() -> tuple[HqKeys, list[dict[str, str]]]:
    """HQ's keys, sealed once per session."""
    keys = HqKeys.generate()
    return keys, sealed_keys(keys, PASSPHRASE)


@pytest.fixture
def live_hq(tmp_path: Path, hq_keys: tuple[HqKeys, list[dict[str, str]]]) -> Iterator[LiveHq]:
    """A fresh HQ (SQLite file) served on a loopback port for one test."""
    hq = Hq(f"sqlite:///{tmp_path / 'hq.db'}", *hq_keys)
    live = LiveHq(hq)
    yield live
    live.stop()
    hq.close()


def fresh_device(ws: Workspace) -> Workspace:
    """The copied template as a computer of its own (copies share the template's id)."""
    with ws.records.transaction():
        meta.put(ws.db, meta.DEVICE_ID, new_id())
    folder, user = ws.folder, ws.user
    ws.close()
    fresh = Workspace.unlock(folder, user.name, TEMPLATE_PASSWORD)
    fresh.kdf = KdfParams()
    return fresh


def sync(ws: Workspace) -> SyncOutcome:
    outcome = SyncEngine(ws.records).run()
    assert outcome.ok, outcome.error
    return outcome
