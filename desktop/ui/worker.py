"""The database thread: the one thread that opens, uses and closes the Workspace.

Every read and write of the encrypted database runs here, one at a time, in the order it
was asked for; the GUI thread never touches the connection. Results go back through
`desktop.ui.operations`, which hands them to the GUI thread by signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from desktop.store.errors import VaultLocked
from desktop.store.records import WriteSummary
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

THREAD_NAME = "lianxin-db"


class DbWorker:
    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=THREAD_NAME)
        # Only ever read or written on the worker thread.
        self._ws: Workspace | None = None

    # --- called from the GUI thread; each returns a future resolved on the worker ------

    def open(self, opener: Callable[[], tuple[Workspace, R]]) -> Future[R]:
        """Run `opener` (unlock, create, recover) and keep the workspace it opened."""
        return self._executor.submit(self._open, opener)

    def query(self, fn: Callable[[Workspace], T]) -> Future[T]:
        return self._executor.submit(self._query, fn)

    def write(self, fn: Callable[[Workspace], T]) -> Future[tuple[T, WriteSummary]]:
        return self._executor.submit(self._write, fn)

    def close(self) -> Future[None]:
        return self._executor.submit(self._close)

    def shutdown(self) -> None:
        """Close the workspace and join the thread (at exit, and at test teardown)."""
        try:
            self.close()
        except RuntimeError:  # already shut down
            return
        self._executor.shutdown(wait=True)

    # --- run on the worker thread -----------------------------------------------------

    def _require(self) -> Workspace:
        if self._ws is None or not self._ws.is_open:
            raise VaultLocked()
        return self._ws

    def _open(self, opener: Callable[[], tuple[Workspace, R]]) -> R:
        self._close()
        ws, result = opener()
        self._ws = ws
        return result

    def _query(self, fn: Callable[[Workspace], T]) -> T:
        return fn(self._require())

    def _write(self, fn: Callable[[Workspace], T]) -> tuple[T, WriteSummary]:
        ws = self._require()
        # What the use case commits is read back from here (one use case, one transaction).
        ws.records.last_summary = WriteSummary()
        result = fn(ws)
        return result, ws.records.last_summary

    def _close(self) -> None:
        if self._ws is not None:
            ws, self._ws = self._ws, None
            ws.close()
