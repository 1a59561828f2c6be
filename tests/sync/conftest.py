"""Sync tests: a real HQ served by uvicorn on loopback (SQLite file), and data folders
that enrol with it through the client's own transport (helpers in synckit.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from synckit import LiveHq, fresh_device, hq_keys, live_hq

from desktop.store.workspace import Workspace
from desktop.sync.enrolment import enroll


@pytest.fixture
def enrolled(live_hq: LiveHq, workspace: Callable[..., Workspace]) -> Callable[..., Workspace]:
    """A data folder enrolled with the live HQ at a branch (officer unless told)."""

    def make(name: str, org: str, level: str = "officer") -> Workspace:
        ws = fresh_device(workspace(name))
        enroll(ws, live_hq.url, live_hq.hq.code(org, level))
        return ws

    return make


__all__ = ["enrolled", "hq_keys", "live_hq"]
