"""Sync tests: a real HQ served by uvicorn on loopback (SQLite file), and data folders
that enrol with it through the client's own transport."""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
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
from desktop.sync.enrolment import enroll
from hq.keys import HqKeys, sealed_keys

__all__ = ["PASSPHRASE"]
TEMPLATE_PASSWORD = "correct horse 连心"


class LiveHq:
    """HQ on a loopback port; `url` for devices, `hq` (hqkit) for administration."""

    def __init__(self, hq: Hq) -> None:
        self.hq = hq
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
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
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


@pytest.fixture(scope="session")
def hq_keys() -> tuple[HqKeys, list[dict[str, str]]]:
    keys = HqKeys.generate()
    return keys, sealed_keys(keys, PASSPHRASE)


@pytest.fixture
def live_hq(tmp_path: Path, hq_keys: tuple[HqKeys, list[dict[str, str]]]) -> Iterator[LiveHq]:
    hq = Hq(f"sqlite:///{tmp_path / 'hq.db'}", *hq_keys)
    live = LiveHq(hq)
    yield live
    live.stop()
    hq.close()


@pytest.fixture
def enrolled(live_hq: LiveHq, workspace: Callable[..., Workspace]) -> Callable[..., Workspace]:
    """A data folder enrolled with the live HQ at a branch (officer unless told)."""

    def make(name: str, org: str, level: str = "officer") -> Workspace:
        ws = fresh_device(workspace(name))
        enroll(ws, live_hq.url, live_hq.hq.code(org, level))
        return ws

    return make


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
