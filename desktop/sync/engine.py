"""The sync engine: push the outbox, then pull what changed in this device's scope.

Push sends outbox entries in batches sized to the link; HQ stores each batch whole or not
at all and is idempotent by (device, device_seq), so a batch cut in flight is simply sent
again. Changes HQ refuses (outside scope, invalid) are set aside with HQ's reason and
shown, never dropped. Pull asks for pages since the cursor and applies each page, its
removals, its conflict records and the new cursor in one transaction: a cut link loses at
most the page in flight. A first pull's rows are indexed for search once its last page is
in (desktop.store.search_backlog). Given the data folder's blob store, attachment contents
move after the records (desktop.sync.attachments). Every attempt leaves one line in the
sync log with its true outcome. No Qt here: the GUI runs this on a thread of its own, the
CLI directly.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from desktop.store import search_backlog
from desktop.store.blobs import BlobStore
from desktop.store.errors import LianxinError
from desktop.store.records import Records
from desktop.store.replica import IncomingRow, Replica
from desktop.store.schema import DATA_FORMAT
from desktop.sync import state
from desktop.sync.attachments import BlobTransfer, FileProgress
from desktop.sync.errors import (
    DeviceRevoked,
    HqRefused,
    HqUnreachable,
    NotEnrolled,
    SyncCancelled,
)
from desktop.sync.protocol import (
    MAX_PULL_LIMIT,
    MAX_PUSH_CHANGES,
    PULL_PATH,
    PUSH_PATH,
    V1_PULL_LIMIT,
    Change,
    ConflictRecord,
    ProtocolError,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    Version,
    WipeOrder,
    load_signing_public_key,
    now_ms,
    wire_value,
)
from desktop.sync.protocol.wire import paused_gc
from desktop.sync.transport import SKEW_WARNING_MS, Link

log = logging.getLogger(__name__)

#: Batch sizes start here and adapt: grow after a quick answer, halve after a slow one.
#: A first pull's pages double (a new laptop takes its whole branch at once).
FIRST_PUSH_BATCH = 500
FIRST_PULL_LIMIT = 5000
MIN_PUSH_BATCH = 50
MIN_PULL_LIMIT = 200
#: An answer slower than this halves the next batch; faster than a quarter of it doubles.
TARGET_REQUEST_S = 8.0
#: After a cut, batches stop growing for this long.
CAUTIOUS_MS = 10 * 60_000
#: A push refused for some of its changes is retried without them at most this often.
_MAX_SET_ASIDE_ROUNDS = 20


@dataclass
class Progress:
    """Where a sync is, for the status bar: `phase` is "push", "pull", "index" (the rows
    of a first pull made searchable after its last page), "upload", "download"
    (attachment contents: the counts are bytes) or "done"."""

    phase: str
    sent: int = 0
    to_send: int = 0
    received: int = 0
    #: Changes HQ holds that this device has not applied yet (from HQ's head).
    to_receive: int = 0


@dataclass
class SyncOutcome:
    ok: bool = False
    pushed: int = 0
    pulled_rows: int = 0
    removed: int = 0
    refused: int = 0
    conflicts: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    requests: int = 0
    clock_skew_ms: int = 0
    error: LianxinError | None = None
    #: A verified wipe order from HQ: the caller must destroy this data folder.
    wipe: WipeOrder | None = None
    tables: set[str] = field(default_factory=set)
    #: Attachment contents moved after the records (when the engine has a blob store).
    files_sent: int = 0
    files_received: int = 0
    file_bytes_sent: int = 0
    file_bytes_received: int = 0

    @property
    def skew_warning(self) -> bool:
        return abs(self.clock_skew_ms) > SKEW_WARNING_MS


ProgressFn = Callable[[Progress], None]


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _conflict_side(side: Version) -> str:
    return json.dumps(
        [wire_value(side.value), side.hlc, side.author, side.device], ensure_ascii=False
    )


class SyncEngine:
    """One device's sync. `records` must be this thread's own (see
    Workspace.second_connection); `link` defaults to one built from the enrolment."""

    def __init__(
        self,
        records: Records,
        link: Link | None = None,
        *,
        on_progress: ProgressFn | None = None,
        via: str = "network",
        blobs: BlobStore | None = None,
    ) -> None:
        self.records = records
        #: With a blob store, attachment contents move after the records.
        self.blobs = blobs
        self.db = records.db
        self.replica = Replica(records)
        found = state.enrolment(self.db)
        if found is None:
            raise NotEnrolled()
        self.enrolment = found
        self.link = link or Link(
            found.server,
            device_id=found.device_id,
            key=found.key,
            ca_pem=found.ca_pem,
            clock_offset_ms=state.number(self.db, state.CLOCK_OFFSET_MS),
        )
        self.on_progress = on_progress or (lambda _p: None)
        self.via = via
        #: Largest pull page asked for (lower for an HQ that takes less, see `_fetch`).
        self._pull_cap = MAX_PULL_LIMIT

    # --- the whole sync ----------------------------------------------------------------

    def run(self) -> SyncOutcome:
        """Push, then pull; never raises for sync trouble: the outcome says what happened
        (and the sync log keeps it)."""
        started = _stamp()
        outcome = SyncOutcome()
        self.link.reset_counters()
        try:
            self.push(outcome)
            self.pull(outcome)
            if self.blobs is not None:
                self.transfer_files(outcome, self.blobs)
            outcome.ok = True
        except DeviceRevoked as revoked:
            outcome.error = revoked
            outcome.wipe = self._wipe_order(revoked)
        except LianxinError as problem:
            outcome.error = problem
        outcome.bytes_sent = self.link.bytes_sent
        outcome.bytes_received = self.link.bytes_received
        outcome.requests = self.link.requests
        outcome.clock_skew_ms = self.link.clock_offset_ms
        self._record(started, outcome)
        self.on_progress(Progress("done"))
        return outcome

    def _record(self, started: str, outcome: SyncOutcome) -> None:
        if outcome.ok:
            result = "ok"
        elif isinstance(outcome.error, SyncCancelled):
            result = "cancelled"
        else:
            result = "failed"
        detail = "" if outcome.error is None else str(outcome.error)
        with self.records.transaction():
            self.db.execute(
                "INSERT INTO sync_log(started, finished, via, outcome, pushed, pulled, "
                "bytes_sent, bytes_received, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    started,
                    _stamp(),
                    self.via,
                    result,
                    outcome.pushed,
                    outcome.pulled_rows,
                    outcome.bytes_sent,
                    outcome.bytes_received,
                    detail[:2000],
                ),
            )
            # Keep the log to the last thousand attempts.
            self.db.execute(
                "DELETE FROM sync_log WHERE id <= (SELECT max(id) FROM sync_log) - 1000"
            )
            if outcome.ok:
                state.put_number(self.db, state.LAST_OK_MS, now_ms())
            state.put_number(self.db, state.CLOCK_OFFSET_MS, self.link.clock_offset_ms)

    def transfer_files(self, outcome: SyncOutcome, store: BlobStore) -> None:
        """Attachment contents, once the records are through: documents and images,
        then media asked for (desktop.sync.attachments). Progress counts bytes."""

        def report(p: FileProgress) -> None:
            if p.phase == "upload":
                self.on_progress(Progress("upload", sent=p.bytes_done, to_send=p.bytes_total))
            else:
                self.on_progress(
                    Progress("download", received=p.bytes_done, to_receive=p.bytes_total)
                )

        moved = BlobTransfer(self.records, self.link, store).run(report)
        outcome.files_sent += moved.files_sent
        outcome.files_received += moved.files_received
        outcome.file_bytes_sent += moved.bytes_sent
        outcome.file_bytes_received += moved.bytes_received

    # --- push --------------------------------------------------------------------------

    def push(self, outcome: SyncOutcome) -> None:
        batch_size = state.number(self.db, state.PUSH_BATCH, FIRST_PUSH_BATCH)
        total = self.replica.outbox_count()
        progress = Progress("push", to_send=total)
        after = 0
        rounds = 0
        while True:
            rows = self.replica.outbox(after, batch_size)
            resolved = self._decided_conflicts()
            if not rows and not resolved:
                break
            changes = tuple(Change(*r) for r in rows)
            first = changes[0].device_seq if changes else after + 1
            last = changes[-1].device_seq if changes else first
            request = PushRequest(DATA_FORMAT, first, last, changes, now_ms(), resolved)
            self.on_progress(progress)
            began = time.monotonic()
            try:
                answer = PushResponse.from_wire(self.link.call(PUSH_PATH, request.to_wire()))
            except HqRefused as refused:
                if (
                    refused.body is not None
                    and refused.body.rejected
                    and refused.status
                    in (
                        403,
                        422,
                    )
                ):
                    rounds += 1
                    if rounds > _MAX_SET_ASIDE_ROUNDS:
                        raise
                    with self.records.transaction():
                        outcome.refused += self.replica.set_aside(
                            ((r.device_seq, r.reason) for r in refused.body.rejected), _stamp()
                        )
                    continue
                raise
            except HqUnreachable:
                # A cut costs what was in flight: smaller batches on a link that drops.
                self._shrink(state.PUSH_BATCH, batch_size, MIN_PUSH_BATCH)
                raise
            except ProtocolError as problem:
                raise HqRefused(status=0, code="malformed", reason=problem.reason) from None
            batch_size = self._adapt(
                state.PUSH_BATCH,
                batch_size,
                time.monotonic() - began,
                MAX_PUSH_CHANGES,
                MIN_PUSH_BATCH,
            )
            with self.records.transaction():
                if changes:
                    # Never past what this request carried: a change written meanwhile
                    # (the GUI keeps working during a sync) has a higher number.
                    self.replica.acknowledge(min(answer.acked_through, last))
                if resolved:
                    self.db.execute(
                        f"DELETE FROM sync_conflicts WHERE decided = 1 AND id IN "
                        f"({', '.join('?' * len(resolved))})",
                        resolved,
                    )
            outcome.pushed += answer.accepted + answer.duplicates
            progress.sent += len(changes)
            after = last
            if not changes:
                break

    def _decided_conflicts(self) -> tuple[int, ...]:
        return tuple(r[0] for r in self.db.query("SELECT id FROM sync_conflicts WHERE decided = 1"))

    def _adapt(self, key: str, size: int, took: float, most: int, least: int) -> int:
        """The next batch size (see `_next_size`), kept for the next sync."""
        size = self._next_size(size, took, most, least)
        with self.records.transaction():
            state.put_number(self.db, key, size)
        return size

    def _next_size(
        self, size: int, took: float, most: int, least: int, *, fast: bool = False
    ) -> int:
        """Halve after a slow answer; grow by a quarter after a quick one (slowly, so that
        a link that just dropped is not trusted with a big batch at once), or double when
        `fast` (a first pull: each page costs the device a commit, whatever its size)."""
        cautious = now_ms() - state.number(self.db, state.LAST_CUT_MS) < CAUTIOUS_MS
        if took > TARGET_REQUEST_S:
            return max(least, size // 2)
        if took < TARGET_REQUEST_S / 4 and not cautious:
            return min(most, size * 2 if fast else size + size // 4)
        return size

    def _shrink(self, key: str, size: int, least: int) -> None:
        """After a cut: a quarter of the batch, so the next cut wastes little, and no
        growth for a while (a link that dropped once tends to drop again)."""
        with self.records.transaction():
            state.put_number(self.db, key, max(least, size // 4))
            state.put_number(self.db, state.LAST_CUT_MS, now_ms())

    # --- pull --------------------------------------------------------------------------

    def pull(self, outcome: SyncOutcome) -> None:
        limit = min(state.number(self.db, state.PULL_LIMIT, FIRST_PULL_LIMIT), self._pull_cap)
        cursor = state.number(self.db, state.CURSOR)
        first = cursor == 0
        progress = Progress("pull")
        self.on_progress(progress)
        # While a page is applied, the next one is asked for: HQ builds it and the link
        # carries it in the meantime (a first pull is twice as fast this way).
        pool = ThreadPoolExecutor(1, thread_name_prefix="lianxin-pull")
        try:
            # No cyclic garbage collection while pages come in: each is a million small
            # objects, none in a cycle, alive until the page is applied, which the
            # collector would walk again and again. Reference counting frees them as
            # each page is done.
            with paused_gc():
                pending = pool.submit(self._fetch, cursor, limit)
                while True:
                    try:
                        page, took = pending.result()
                    except HqUnreachable:
                        self._shrink(state.PULL_LIMIT, limit, MIN_PULL_LIMIT)
                        raise
                    limit = self._next_size(limit, took, self._pull_cap, MIN_PULL_LIMIT, fast=first)
                    if page.more:
                        pending = pool.submit(self._fetch, page.next_cursor, limit)
                    # The new size is kept with the page (no commit of its own).
                    self._apply_page(page, outcome, limit, defer_search=first)
                    cursor = page.next_cursor
                    progress.received += len(page.rows)
                    progress.to_receive = max(0, page.head - cursor)
                    self.on_progress(progress)
                    if not page.more:
                        break
                # A first pull's rows (and those of an earlier one that was cut) are
                # searchable once the last page is in.
                if search_backlog.tables(self.db):
                    self.on_progress(Progress("index"))
                    search_backlog.complete(self.db, self.records.registry)
        finally:
            # A page still in flight after a failure is not waited for (its result is
            # dropped; nothing was written from it).
            pool.shutdown(wait=False, cancel_futures=True)

    def _fetch(self, cursor: int, limit: int) -> tuple[PullResponse, float]:
        began = time.monotonic()
        request = PullRequest(DATA_FORMAT, cursor, limit)
        try:
            page = PullResponse.from_wire(self.link.call(PULL_PATH, request.to_wire()))
        except HqRefused as refused:
            if refused.status == 400 and limit > V1_PULL_LIMIT:
                # An HQ from before pages grew: it takes no more than this, from now on.
                log.info("HQ takes pull pages of at most %d fields", V1_PULL_LIMIT)
                self._pull_cap = V1_PULL_LIMIT
                return self._fetch(cursor, V1_PULL_LIMIT)
            raise
        except ProtocolError as problem:
            raise HqRefused(status=0, code="malformed", reason=problem.reason) from None
        return page, time.monotonic() - began

    def apply_page(self, page: PullResponse, outcome: SyncOutcome) -> None:
        """One page, its removals, its conflicts and the new cursor: all or nothing."""
        self._apply_page(page, outcome, None)

    def _apply_page(
        self,
        page: PullResponse,
        outcome: SyncOutcome,
        pull_limit: int | None,
        *,
        defer_search: bool = False,
    ) -> None:
        # Pulled fields have the attributes the replica reads: no copy per field, and
        # fields sharing one stamp (a first pull's rows) go as one mapping, not as an
        # object each.
        rows: list[IncomingRow] = []
        for r in page.rows:
            created = r.created_hlc if r.whole else None
            stamped = r.stamped
            if stamped is None:
                rows.append(IncomingRow(r.tbl, r.row_id, created, r.fields))
            else:
                rows.append(IncomingRow(r.tbl, r.row_id, created, (), stamped))
        with self.records.transaction() as summary:
            current = state.number(self.db, state.CURSOR)
            if page.next_cursor < current:
                # An older page (a bundle reply imported late): fields still merge by
                # stamp, but the cursor never goes back.
                log.info("applying a page older than the cursor")
            outcome.removed += self.replica.remove((ref.tbl, ref.row_id) for ref in page.removals)
            self.replica.apply(rows, defer_search=defer_search)
            outcome.pulled_rows += len(rows)
            outcome.conflicts += self._store_conflicts(page.conflicts)
            state.put_number(self.db, state.CURSOR, max(current, page.next_cursor))
            if pull_limit is not None:
                state.put_number(self.db, state.PULL_LIMIT, pull_limit)
            outcome.tables |= summary.tables

    def _store_conflicts(self, conflicts: tuple[ConflictRecord, ...]) -> int:
        fresh = 0
        for c in conflicts:
            if c.resolved:
                self.db.execute("DELETE FROM sync_conflicts WHERE id = ?", (c.id,))
                continue
            cursor = self.db.execute(
                "INSERT INTO sync_conflicts(id, tbl, row_id, col, kind, winner, loser, base_hlc, "
                "created_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                (
                    c.id,
                    c.tbl,
                    c.row_id,
                    c.col,
                    c.kind,
                    _conflict_side(c.winner),
                    _conflict_side(c.loser),
                    c.base_hlc,
                    c.created_seq,
                ),
            )
            fresh += cursor.rowcount
        return fresh

    # --- revocation --------------------------------------------------------------------

    def _wipe_order(self, revoked: DeviceRevoked) -> WipeOrder | None:
        signed = None if revoked.body is None else revoked.body.wipe
        if not signed:
            return None
        try:
            hq_key = load_signing_public_key(self.enrolment.hq_signing_key)
            return WipeOrder.verify(signed, hq_key, self.enrolment.device_id)
        except (ProtocolError, ValueError) as problem:
            # A forged order must never destroy data; it is kept on record instead.
            log.warning("ignored a wipe order: %s", problem)
            with self.records.transaction():
                state.put_number(
                    self.db, state.WIPE_IGNORED, state.number(self.db, state.WIPE_IGNORED) + 1
                )
            return None
