"""Sync in the app: runs the sync engine on a thread of its own and says what it is doing.

The engine works on its own database connection (Workspace.second_connection, opened on
the database thread and then used only by the sync thread), so a long sync never holds up
the pages. It starts by itself: when the link to HQ comes back (a small /health probe on a
network thread, backing off with jitter from 5 s to 15 min while the link is down), a few
seconds after local changes, and every few minutes otherwise; "Sync now" starts it at
once. Progress is read from the sync thread on a timer and handed on as plain data;
cancel sets the link's flag. The status is always the true outcome: a sync that timed out
is reported as failed, with the reason.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from desktop.store.blobs import BlobStore
from desktop.store.errors import LianxinError
from desktop.store.records import Records, WriteSummary
from desktop.store.schema import REGISTRY
from desktop.store.wipe import wipe_data_folder
from desktop.store.workspace import Workspace
from desktop.sync import state
from desktop.sync.engine import Progress, SyncEngine, SyncOutcome
from desktop.sync.errors import HqUnreachable, NotEnrolled, SyncCancelled, SyncError
from desktop.sync.protocol import now_ms
from desktop.sync.transport import SKEW_WARNING_MS, Link
from desktop.ui.operations import Operations
from desktop.ui.qt import QObject, Qt, QTimer, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")

#: A local change is sent this long after the last one (typing a form saves several).
DEBOUNCE_MS = 3_000
#: With nothing else happening, HQ is asked for news this often.
PERIODIC_MS = 5 * 60_000
#: While HQ cannot be reached (or refuses), tries back off from the first to the last
#: delay, doubling, each with jitter so that a site's laptops do not all retry at once.
FIRST_RETRY_S = 5.0
LAST_RETRY_S = 15 * 60.0
#: How often the status follows a running sync's progress.
PROGRESS_POLL_MS = 250
#: The /health probe is small: a link that cannot answer it in this long is down.
PROBE_CONNECT_S = 10.0
PROBE_STALL_S = 20.0
HEALTH_PATH = "/health"
#: Sync-state tables: a write to these (a reviewed conflict) is sent soon, like records.
SYNC_TABLES = frozenset({"sync_log", "sync_conflicts"})


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar and the sync page show; plain data, made on the GUI thread."""

    #: None until the database has said (just after unlocking).
    enrolled: bool | None = None
    running: bool = False
    progress: Progress | None = None
    #: When a sync last succeeded (Unix ms), 0 if never.
    last_ok_ms: int = 0
    #: The last attempt's failure, None after a success (or before any attempt).
    error: LianxinError | None = None
    #: The probe found HQ unreachable; syncs wait for the link to come back.
    link_down: bool = False
    clock_skew_ms: int = 0
    #: When the next automatic attempt is due (Unix ms), 0 if none is planned.
    next_try_ms: int = 0

    @property
    def skew_warning(self) -> bool:
        return abs(self.clock_skew_ms) > SKEW_WARNING_MS


@dataclass(frozen=True)
class _LinkSetup:
    """What the probe needs from the enrolment (never the device key)."""

    enrolled: bool
    server: str = ""
    ca_pem: str | None = None
    last_ok_ms: int = 0
    clock_offset_ms: int = 0


@dataclass(frozen=True)
class SyncConnection:
    """The sync thread's own way into the data folder: a database connection and the
    attachment store. Opened on the database thread, then used by the sync thread only."""

    records: Records
    blobs: BlobStore

    @staticmethod
    def open(ws: Workspace) -> SyncConnection:
        return SyncConnection(ws.second_connection(), ws.blob_store())


def _read_setup(ws: Workspace) -> _LinkSetup:
    found = state.enrolment(ws.db)
    last_ok = state.number(ws.db, state.LAST_OK_MS)
    offset = state.number(ws.db, state.CLOCK_OFFSET_MS)
    if found is None:
        return _LinkSetup(False, last_ok_ms=last_ok, clock_offset_ms=offset)
    return _LinkSetup(True, found.server, found.ca_pem, last_ok, offset)


def probe(server: str, ca_pem: str | None) -> LianxinError | None:
    """Ask HQ's /health (unsigned, through the pinned CA); None when HQ answers."""
    link = Link(
        server, ca_pem=ca_pem, connect_timeout_s=PROBE_CONNECT_S, stall_timeout_s=PROBE_STALL_S
    )
    try:
        link.send("GET", HEALTH_PATH)
    except LianxinError as problem:
        return problem
    finally:
        link.close()
    return None


class Backoff:
    """Delays that double from FIRST_RETRY_S up to LAST_RETRY_S, each with jitter."""

    def __init__(self) -> None:
        self._delay = 0.0

    def reset(self) -> None:
        self._delay = 0.0

    def next_s(self) -> float:
        self._delay = min(LAST_RETRY_S, max(FIRST_RETRY_S, self._delay * 2))
        return self._delay * random.uniform(0.5, 1.0)


class _Lane:
    """A daemon thread running jobs one at a time, in order. Daemon, so that quitting
    never waits for a request stuck on a dead link (the stall timeout is 45 s)."""

    def __init__(self, name: str) -> None:
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)

    def stop(self, timeout_s: float) -> bool:
        """Finish the queued jobs and end; False if that took longer than `timeout_s`."""
        self._jobs.put(None)
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except Exception:
                log.exception("background job failed")


class SyncService(QObject):
    """One per app (beside the operations layer); `start()` after unlock, `stop()` on lock."""

    #: The status changed: SyncStatus.
    status_changed = Signal(object)
    #: A sync ended: SyncOutcome (also when it failed).
    finished = Signal(object)
    #: HQ ordered this computer's data destroyed (verified): the app must close the
    #: workspace, then call `wipe()`.
    wipe_ordered = Signal()
    #: Internal: a background job's continuation, carried to the GUI thread.
    _delivered = Signal(object)

    def __init__(self, ops: Operations) -> None:
        # A child of the operations layer: pages find it there (SyncService.of).
        super().__init__(ops)
        self.ops = ops
        self.status = SyncStatus()
        self._active = False
        self._generation = 0
        self._setup = _LinkSetup(False)
        self._connection: SyncConnection | None = None
        self._engine: SyncEngine | None = None
        #: Stop was pressed for the sync under way, perhaps before its engine existed
        #: (between the status saying "running" and the sync thread starting it).
        self._cancel_requested = threading.Event()
        self._latest: Progress | None = None
        self._again = False
        self._emitting = False
        self._probing = False
        self._backoff = Backoff()
        self._sync_lane: _Lane | None = None
        self._net_lane: _Lane | None = None
        self._delivered.connect(self._run_continuation, Qt.ConnectionType.QueuedConnection)

        self._debounce = self._timer(DEBOUNCE_MS, self._debounce_due)
        self._periodic = self._timer(PERIODIC_MS, self._periodic_due)
        self._retry = self._timer(FIRST_RETRY_S * 1000, self._retry_due)
        self._poll = QTimer(self)
        self._poll.setInterval(PROGRESS_POLL_MS)
        self._poll.timeout.connect(self._poll_progress)
        self._retry_sync = False
        ops.changes_happened.connect(self._on_changes)

    def _timer(self, interval_ms: float, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(int(interval_ms))
        timer.timeout.connect(slot)
        return timer

    @staticmethod
    def of(ops: Operations) -> SyncService | None:
        """The sync service working beside `ops`, if the app made one."""
        found = ops.findChild(SyncService)
        return found if isinstance(found, SyncService) else None

    # --- the session ---------------------------------------------------------------------

    def start(self) -> None:
        """The workspace was unlocked: read the enrolment, then probe and sync."""
        self._generation += 1
        self._active = True
        self._backoff.reset()
        self._read_enrolment(then_sync=False)

    def stop(self) -> None:
        """Locking: stop planning syncs, cancel one under way, close the sync connection."""
        self._generation += 1
        self._active = False
        for timer in (self._debounce, self._periodic, self._retry, self._poll):
            timer.stop()
        self.cancel()
        connection, self._connection = self._connection, None
        if connection is not None and self._sync_lane is not None:
            # After the sync in progress (if any) ends: the connection is that thread's.
            self._sync_lane.submit(connection.records.db.close)
        self._again = self._probing = False
        self._setup = _LinkSetup(False)
        self._set_status(SyncStatus())

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Stop and end the threads (at exit and test teardown)."""
        self.stop()
        for lane in (self._sync_lane, self._net_lane):
            if lane is not None and not lane.stop(timeout_s):
                log.warning("a sync thread did not end in %.0f s; left behind", timeout_s)
        self._sync_lane = self._net_lane = None

    def enrolment_changed(self) -> None:
        """This computer was just connected to HQ: sync at once."""
        if self._active:
            self._read_enrolment(then_sync=True)

    def _read_enrolment(self, *, then_sync: bool) -> None:
        generation = self._generation

        def done(setup: _LinkSetup) -> None:
            if generation != self._generation:
                return
            self._setup = setup
            self._set_status(
                dataclasses.replace(
                    self.status,
                    enrolled=setup.enrolled,
                    last_ok_ms=setup.last_ok_ms,
                    clock_skew_ms=setup.clock_offset_ms,
                )
            )
            if not setup.enrolled:
                return
            if then_sync:
                self.sync_now()
            else:
                self._probe()

        self.ops.query(_read_setup, done, on_error=lambda exc: log.info("no enrolment: %s", exc))

    # --- what starts a sync --------------------------------------------------------------

    def sync_now(self) -> None:
        """Sync at once (the user asked): the backoff starts over."""
        if not self._active:
            return
        self._backoff.reset()
        self._retry.stop()
        self._start_sync()

    def _debounce_due(self) -> None:
        """The wait after local changes ran out."""
        if self._active and not self.status.link_down:
            self._start_sync()

    def cancel(self) -> None:
        self._cancel_requested.set()
        engine = self._engine
        if engine is not None:
            engine.link.cancel()

    def _on_changes(self, summary: WriteSummary) -> None:
        if self._emitting or not self._active or not self._setup.enrolled:
            return
        # While the link is down the probe starts the sync when it comes back.
        if not self.status.link_down and any(_is_synced(t) for t in summary.tables):
            self._debounce.start()

    def _periodic_due(self) -> None:
        if self._active:
            self._start_sync()

    def _retry_due(self) -> None:
        if not self._active:
            return
        if self._retry_sync:
            self._start_sync()
        else:
            self._probe()

    def _plan_retry(self, *, sync: bool) -> None:
        """Try again after the next backoff delay: a probe while the link is down (it
        costs a few hundred bytes), the whole sync when HQ answered but refused."""
        self._periodic.stop()
        delay_s = self._backoff.next_s()
        self._retry_sync = sync
        self._retry.start(int(delay_s * 1000))
        self._set_status(
            dataclasses.replace(self.status, next_try_ms=now_ms() + int(delay_s * 1000))
        )

    # --- the probe -----------------------------------------------------------------------

    def _probe(self) -> None:
        if not self._active or not self._setup.enrolled or self.status.running or self._probing:
            return
        self._probing = True
        generation = self._generation
        server, ca_pem = self._setup.server, self._setup.ca_pem

        def job() -> None:
            problem = probe(server, ca_pem)
            self._deliver(lambda: self._probed(generation, problem))

        self._lane("net").submit(job)

    def _probed(self, generation: int, problem: LianxinError | None) -> None:
        if generation != self._generation:
            return
        self._probing = False
        if problem is None:
            log.info("HQ answers: syncing")
            self._backoff.reset()
            self._set_status(dataclasses.replace(self.status, link_down=False, next_try_ms=0))
            self._start_sync()
            return
        log.info("HQ not reachable: %s", problem)
        self._set_status(dataclasses.replace(self.status, link_down=True, error=problem))
        self._plan_retry(sync=False)

    # --- the sync ------------------------------------------------------------------------

    def _start_sync(self) -> None:
        if not self._active or not self._setup.enrolled:
            return
        if self.status.running:
            # Changes written during a sync may have missed its push: go again after.
            self._again = True
            return
        self._debounce.stop()
        self._retry.stop()
        self._latest = None
        self._set_status(
            dataclasses.replace(self.status, running=True, progress=Progress("push"), next_try_ms=0)
        )
        self._poll.start()
        self._cancel_requested.clear()
        self.on_sync_thread(self._run_engine, self._sync_ended)

    def _run_engine(self, link: SyncConnection) -> SyncOutcome:
        """On the sync thread: one whole sync (records, then attachment contents)."""
        engine = SyncEngine(link.records, on_progress=self._store_progress, blobs=link.blobs)
        self._engine = engine
        if self._cancel_requested.is_set():
            engine.link.cancel()
        try:
            return engine.run()
        finally:
            self._engine = None
            engine.link.close()

    def on_sync_thread(
        self,
        work: Callable[[SyncConnection], T],
        done: Callable[[T | Exception], None],
    ) -> None:
        """Run `work` on the sync thread with its own connection (opened on the database
        thread the first time); `done(result or error)` follows on the GUI thread, unless
        the app locked meanwhile. Syncs and sync files take turns on that one thread."""
        generation = self._generation

        def submit(connection: SyncConnection) -> None:
            def job() -> None:
                result: T | Exception
                try:
                    result = work(connection)
                except Exception as exc:  # NotEnrolled, a refused file, or a bug
                    result = exc
                self._deliver(lambda: done(result) if generation == self._generation else None)

            self._lane("sync").submit(job)

        if self._connection is not None:
            submit(self._connection)
            return

        def opened(connection: SyncConnection) -> None:
            if generation != self._generation:
                self._lane("sync").submit(connection.records.db.close)
                return
            self._connection = connection
            submit(connection)

        def failed(exc: Exception) -> None:
            if generation == self._generation:
                done(exc)

        self.ops.query(SyncConnection.open, opened, on_error=failed)

    def _store_progress(self, progress: Progress) -> None:
        """On the sync thread: keep a copy; the GUI thread reads it on its timer."""
        self._latest = dataclasses.replace(progress)

    def _poll_progress(self) -> None:
        latest = self._latest
        if latest is not None and self.status.running and latest != self.status.progress:
            self._set_status(dataclasses.replace(self.status, progress=latest))

    def _sync_ended(self, result: SyncOutcome | Exception) -> None:
        self._poll.stop()
        if isinstance(result, Exception):
            if isinstance(result, NotEnrolled):
                self._setup = _LinkSetup(False)
                self._set_status(SyncStatus(enrolled=False))
                return
            if isinstance(result, LianxinError):
                outcome = SyncOutcome(error=result)
            else:
                log.error("sync failed unexpectedly", exc_info=result)
                outcome = SyncOutcome(error=SyncError())
        else:
            outcome = result
        self.absorb(outcome)

    def absorb(self, outcome: SyncOutcome) -> None:
        """Take in how a sync went (over the network, or an imported sync file): status,
        pages refreshed, a wipe order obeyed, the next attempt planned."""
        self._show_outcome(outcome)
        self.finished.emit(outcome)
        if outcome.wipe is not None:
            log.warning("HQ ordered this computer's data destroyed")
            self.stop()
            self.wipe_ordered.emit()
            return
        self._announce(outcome)
        self._plan_after(outcome)

    def _show_outcome(self, outcome: SyncOutcome) -> None:
        self._set_status(
            dataclasses.replace(
                self.status,
                running=False,
                progress=None,
                last_ok_ms=now_ms() if outcome.ok else self.status.last_ok_ms,
                error=outcome.error,
                link_down=isinstance(outcome.error, HqUnreachable),
                clock_skew_ms=outcome.clock_skew_ms,
            )
        )

    def _announce(self, outcome: SyncOutcome) -> None:
        """Pages refresh from the one "changes happened" signal: tables the pull wrote,
        and the sync-state tables (the log line, conflicts, what was sent)."""
        summary = WriteSummary(
            tables=set(outcome.tables) | SYNC_TABLES,
            inserted=outcome.pulled_rows,
            deleted=outcome.removed,
        )
        self._emitting = True
        try:
            self.ops.changes_happened.emit(summary)
        finally:
            self._emitting = False

    def _plan_after(self, outcome: SyncOutcome) -> None:
        if outcome.ok:
            self._backoff.reset()
            if self._again:
                self._again = False
                self._debounce.start()
            else:
                self._periodic.start()
        elif isinstance(outcome.error, SyncCancelled):
            self._again = False
            self._periodic.start()
        else:
            self._again = False
            self._plan_retry(sync=not isinstance(outcome.error, HqUnreachable))

    # --- the remote wipe -----------------------------------------------------------------

    def wipe(self, folder: Path, on_done: Callable[[BaseException | None], None]) -> None:
        """Destroy the data folder (after the workspace was closed): key slots first."""

        def job() -> None:
            problem: BaseException | None = None
            try:
                wipe_data_folder(folder)
            except Exception as exc:
                log.exception("wiping the data folder failed")
                problem = exc
            self._deliver(lambda: on_done(problem))

        self._lane("sync").submit(job)

    # --- plumbing ------------------------------------------------------------------------

    def _lane(self, which: str) -> _Lane:
        if which == "sync":
            if self._sync_lane is None:
                self._sync_lane = _Lane("lianxin-sync")
            return self._sync_lane
        if self._net_lane is None:
            self._net_lane = _Lane("lianxin-net")
        return self._net_lane

    def _deliver(self, continuation: Callable[[], None]) -> None:
        """From a background thread: run `continuation` on the GUI thread."""
        self._delivered.emit(continuation)

    def _run_continuation(self, continuation: Callable[[], Any]) -> None:
        continuation()

    def _set_status(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)


def _is_synced(table: str) -> bool:
    if table in REGISTRY:
        return REGISTRY[table].synced
    return table == "sync_conflicts"
