"""Sync tests: a real HQ served by uvicorn on loopback (SQLite file), and data folders
that enrol with it through the client's own transport (helpers in synckit.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from synckit import PASSPHRASE, Hq, LiveHq, fresh_device

from desktop.store.workspace import Workspace
from desktop.sync.enrolment import enroll
from hq.keys import HqKeys, sealed_keys


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
