"""The operations layer: how the UI reads and changes data.

`ops.query(fn, on_done)` and `ops.write(fn, on_done)` run `fn(workspace)` on the database
thread and call `on_done(result)` back on the GUI thread. A write's summary of what it
changed is broadcast once as `changes_happened(summary)`; every page refreshes from that
signal, never because another widget told it to. Errors go to the one error function
unless the caller handles them.

After `close()` (lock), answers to work asked for before are dropped: the widgets that
asked are gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from desktop.store.errors import LianxinError
from desktop.store.records import WriteSummary
from desktop.store.workspace import Workspace
from desktop.ui.errors import show_error
from desktop.ui.qt import QApplication, QCursor, QObject, Qt, QWidget, Signal, qt_object_alive
from desktop.ui.worker import DbWorker

log = logging.getLogger(__name__)

T = TypeVar("T")
ErrorHandler = Callable[[Exception], None]


class Operations(QObject):
    #: A write committed: WriteSummary (tables, inserted, updated, deleted).
    changes_happened = Signal(object)
    #: Work that the user waits for (open, write) started or ended.
    busy_changed = Signal(bool)
    #: Internal: a finished job's continuation, carried to the GUI thread.
    _finished = Signal(object)

    def __init__(self, worker: DbWorker | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker or DbWorker()
        self._generation = 0
        self._shut_down = False
        self._in_flight = 0
        self._busy = 0
        self._finished.connect(self._run_continuation, Qt.ConnectionType.QueuedConnection)

    # --- asking for work ---------------------------------------------------------------

    def open(
        self,
        opener: Callable[[], tuple[Workspace, T]],
        on_done: Callable[[T], None],
        *,
        on_error: ErrorHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Open a workspace on the database thread (unlock, first-run setup, recovery)."""
        if not self._shut_down:
            self._start(self.worker.open(opener), on_done, on_error, parent, busy=True)

    def query(
        self,
        fn: Callable[[Workspace], T],
        on_done: Callable[[T], None],
        *,
        on_error: ErrorHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        if not self._shut_down:
            self._start(self.worker.query(fn), on_done, on_error, parent, busy=False)

    def write(
        self,
        fn: Callable[[Workspace], T],
        on_done: Callable[[T], None] | None = None,
        *,
        on_error: ErrorHandler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        def done(answer: tuple[T, WriteSummary]) -> None:
            result, summary = answer
            try:
                if on_done is not None:
                    on_done(result)
            finally:
                if not summary.empty:
                    self.changes_happened.emit(summary)

        if not self._shut_down:
            self._start(self.worker.write(fn), done, on_error, parent, busy=True)

    def close(self, on_done: Callable[[], None] | None = None) -> None:
        """Lock: close the workspace on its thread; drop answers still on their way."""
        self._generation += 1
        if self._shut_down:
            return
        future = self.worker.close()
        if on_done is not None:
            self._start(future, lambda _none: on_done(), None, None, busy=False)

    def shutdown(self) -> None:
        """Close and join the database thread. Work asked for afterwards is ignored: the
        app is ending and nobody waits for it."""
        self._generation += 1
        self._shut_down = True
        self.worker.shutdown()
        while self._busy:
            self._end_busy()

    @property
    def idle(self) -> bool:
        return self._in_flight == 0

    # --- internals ---------------------------------------------------------------------

    def _start(
        self,
        future: Future[Any],
        on_done: Callable[[Any], None],
        on_error: ErrorHandler | None,
        parent: QWidget | None,
        *,
        busy: bool,
    ) -> None:
        generation = self._generation
        self._in_flight += 1
        if busy:
            self._begin_busy()

        def continuation() -> None:
            self._in_flight -= 1
            if busy:
                self._end_busy()
            if generation != self._generation:
                # Locked meanwhile: whoever asked is gone. Bugs are still logged.
                exc = future.exception()
                if exc is not None and not isinstance(exc, LianxinError):
                    log.error("error in work asked for before locking", exc_info=exc)
                return
            if parent is not None and not qt_object_alive(parent):
                return
            exc = future.exception()
            if exc is None:
                on_done(future.result())
            elif not isinstance(exc, Exception):
                raise exc
            elif on_error is not None:
                on_error(exc)
            else:
                show_error(parent, exc)

        # The callback runs on the database thread; the signal carries it across.
        future.add_done_callback(lambda _f: self._finished.emit(continuation))

    def _run_continuation(self, continuation: Callable[[], None]) -> None:
        continuation()

    def _begin_busy(self) -> None:
        self._busy += 1
        if self._busy == 1:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
            self.busy_changed.emit(True)

    def _end_busy(self) -> None:
        if self._busy == 0:
            return
        self._busy -= 1
        if self._busy == 0:
            QApplication.restoreOverrideCursor()
            self.busy_changed.emit(False)
