"""Storing pushes: checked against the registry, merged, and written, one at a time
(`store_push`, for offline bundles) or in groups (`PushGroups`, for the push endpoint).

Every push holds the HQ sequence lock until its transaction commits, and a commit waits
for PostgreSQL to flush its log to disk (some milliseconds on an ordinary disk). One push
at a time, that flush is what every other push waits for under load. A group of the
pushes that arrived while the previous group was written shares one transaction, one
lock and one flush (group commit). A push that is refused is rolled back alone, and the
others are written: most are refused, if at all, before they write; one that may be
refused after (units to adopt, letters to settle) has a savepoint of its own.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from desktop.store.schema import DATA_FORMAT, ROW_CREATED
from desktop.sync.protocol import (
    Change,
    InvalidChange,
    PushRequest,
    PushResponse,
    Rejected,
    Value,
    check_change,
    created_fields,
    now_ms,
)
from hq import handover
from hq.auth import Caller
from hq.db import HqDatabase
from hq.errors import Refusal
from hq.merge import Batch, Outcome
from hq.metrics import Metrics
from hq.orgs import adopt_pushed_units
from hq.scope import tree_table

log = logging.getLogger(__name__)

#: Most pushes written in one group, and most changes: a group holds the sequence lock
#: while it writes, so a very large one would make the other worker's pushes wait; and
#: each push may open a savepoint or two, of which PostgreSQL keeps 64 per transaction
#: in its fast cache.
MOST_PUSHES = 24
MOST_CHANGES = 4_000


def check_schema(version: int) -> None:
    if version == DATA_FORMAT:
        return
    if version < DATA_FORMAT:
        reason = (
            f"This copy of Lianxin is older than HQ's (data format {version}, HQ uses "
            f"{DATA_FORMAT}): update Lianxin, then sync again."
        )
    else:
        reason = (
            f"HQ runs an older Lianxin (data format {DATA_FORMAT}, this device uses "
            f"{version}): HQ must be updated before this device can sync."
        )
    raise Refusal(409, "schema_mismatch", reason)


@dataclass
class CheckedPush:
    """A push whose changes the registry accepts, with its created rows' fields (checked
    once here, applied as they are by the merge)."""

    caller: Caller
    request: PushRequest
    changes: list[Change]
    created: dict[Change, list[tuple[str, Value]]]
    now: int

    @property
    def alone(self) -> bool:
        """Whether the push has nothing to hand over or adopt (no receipt, no letter, no
        org unit): then its transaction may commit as it writes, releasing the sequence
        lock at once. Otherwise the handover and the adoption of units run in the same
        transaction, after the merge."""
        follow_up = (
            handover.receipt_tables().keys() | handover.letter_tables().keys() | {tree_table().name}
        )
        return not any(change.tbl in follow_up for change in self.changes)


def check_push(caller: Caller, request: PushRequest, *, now: int) -> CheckedPush:
    """The push checked against the schema registry; a Refusal names the changes at
    fault, and nothing of it is written."""
    check_schema(request.schema_version)
    checked: list[Change] = []
    rejected: list[Rejected] = []
    created: dict[Change, list[tuple[str, Value]]] = {}
    for change in request.changes:
        try:
            if change.col == ROW_CREATED:
                created[change] = created_fields(change)  # all check_change does for one
                checked.append(change)
            else:
                checked.append(check_change(change))
        except InvalidChange as problem:
            rejected.append(Rejected(change.device_seq, problem.reason))
    if rejected:
        raise Refusal(422, "invalid_change", rejected[0].reason, rejected=tuple(rejected))
    return CheckedPush(caller, request, checked, created, now)


def _batch(conn: Connection, push: CheckedPush) -> Batch:
    return Batch(conn, push.caller.device.id, push.caller.scope, now_ms=push.now)


def _follow_up(conn: Connection, push: CheckedPush) -> None:
    adopt_pushed_units(conn, push.caller.scope, push.changes, now_ms=push.now)
    handover.settle_pushed(conn, push.changes, now_ms=push.now)


def _answer(push: CheckedPush, outcome: Outcome, metrics: Metrics | None) -> PushResponse:
    if metrics is not None:
        metrics.accepted.inc(outcome.accepted)
        metrics.duplicates.inc(outcome.duplicates)
        metrics.conflicts.inc(outcome.conflicts)
    log.info(
        "push from %s: %d accepted, %d again, %d conflicts, %d resolved",
        push.caller.device.id,
        outcome.accepted,
        outcome.duplicates,
        outcome.conflicts,
        outcome.resolved,
    )
    return PushResponse(
        push.request.last_seq, outcome.accepted, outcome.duplicates, outcome.conflicts, now_ms()
    )


def write_push(db: HqDatabase, push: CheckedPush, metrics: Metrics | None = None) -> PushResponse:
    """Store one checked push in a transaction of its own, all or nothing."""
    alone = push.alone
    with db.write() as conn:
        outcome = _batch(conn, push).apply(
            push.changes, push.request.resolved, commit=alone, created=push.created
        )
        _follow_up(conn, push)
    return _answer(push, outcome, metrics)


def store_push(
    db: HqDatabase,
    caller: Caller,
    request: PushRequest,
    *,
    now: int,
    metrics: Metrics | None = None,
) -> PushResponse:
    """Store one authenticated push, all or nothing (a Refusal names the changes at fault).
    Offline bundles (hq.bundles) come here; the push endpoint goes through PushGroups."""
    return write_push(db, check_push(caller, request, now=now), metrics)


@dataclass
class _Waiting:
    push: CheckedPush
    batch: Batch
    done: threading.Event = field(default_factory=threading.Event)
    answer: PushResponse | None = None
    error: BaseException | None = None

    def settle(self, result: PushResponse | BaseException) -> None:
        if isinstance(result, BaseException):
            self.error = result
        else:
            self.answer = result
        self.done.set()


class PushGroups:
    """The pushes of one app worker, written by one thread in groups.

    A request thread prepares its push (reads HQ's copy of the rows it touches and, on
    PostgreSQL, merges it: `Batch.prepare`), hands it over and waits for its answer. The
    writer takes every push waiting (up to MOST_PUSHES) as one group, and writes each
    (`Batch.finish`: one round trip when nothing it read has changed since) in one
    transaction. Reading and merging happen in the request threads, on as many
    connections, so that the group's transaction, which holds the sequence lock, does
    little more than write."""

    def __init__(self, db: HqDatabase, metrics: Metrics | None = None) -> None:
        self.db = db
        self.metrics = metrics
        self._waiting: queue.SimpleQueue[_Waiting] = queue.SimpleQueue()
        self._writer: threading.Thread | None = None
        self._start = threading.Lock()

    def write(self, push: CheckedPush) -> PushResponse:
        """Store the push (in a group); raises its Refusal, or what failed its group."""
        waiting = _Waiting(push, self._prepared(push))
        self._waiting.put(waiting)
        self._ensure_writer()
        waiting.done.wait()
        if waiting.error is not None:
            raise waiting.error
        assert waiting.answer is not None
        return waiting.answer

    def write_group(self, pushes: Sequence[CheckedPush]) -> list[PushResponse | Exception]:
        """Store the pushes as one group, here and now; for each, its answer or its
        refusal (what the writer does with the pushes waiting)."""
        group: list[_Waiting] = []
        refused: dict[int, Exception] = {}
        for n, push in enumerate(pushes):
            try:
                group.append(_Waiting(push, self._prepared(push)))
            except Refusal as refusal:
                refused[n] = refusal
        written = iter(self._write(group))
        return [refused[n] if n in refused else next(written) for n in range(len(pushes))]

    def _prepared(self, push: CheckedPush) -> Batch:
        with self.db.read() as conn:
            batch = _batch(conn, push)
            batch.prepare(push.changes, push.request.resolved, created=push.created)
        return batch

    def _ensure_writer(self) -> None:
        with self._start:
            if self._writer is None or not self._writer.is_alive():
                self._writer = threading.Thread(
                    target=self._run, name="lianxin-push-writer", daemon=True
                )
                self._writer.start()

    def _run(self) -> None:
        while True:
            group = [self._waiting.get()]
            changes = len(group[0].push.changes)
            while len(group) < MOST_PUSHES and changes < MOST_CHANGES:
                try:
                    more = self._waiting.get_nowait()
                except queue.Empty:
                    break
                group.append(more)
                changes += len(more.push.changes)
            results: Sequence[PushResponse | BaseException]
            try:
                results = self._write(group)
            except BaseException as failure:  # every waiter must be answered
                log.exception("a group of %d pushes failed", len(group))
                results = [failure] * len(group)
            for waiting, result in zip(group, results, strict=True):
                waiting.settle(result)

    def _write(self, group: Sequence[_Waiting]) -> list[PushResponse | Exception]:
        if not group:
            return []
        try:
            return self._write_together(group)
        except Exception:  # a fault of one push must not fail the others
            if len(group) == 1:
                raise
            # The transaction is gone with whatever failed: each push again on its own,
            # so that only the one at fault fails.
            log.warning("a group of %d pushes failed; writing them one by one", len(group))
        return [self._write_alone(waiting.push) for waiting in group]

    def _write_alone(self, push: CheckedPush) -> PushResponse | Exception:
        try:
            return write_push(self.db, push, self.metrics)
        except Exception as failure:  # handed to the request's thread
            return failure

    def _write_together(self, group: Sequence[_Waiting]) -> list[PushResponse | Exception]:
        """Every push of the group in one transaction. A push that may be refused after
        it has written (one with units to adopt or letters to settle) gets a savepoint
        of its own; the others are refused, if at all, before they write."""
        results: list[Outcome | Refusal] = []
        alone = len(group) == 1
        with self.db.write() as conn:
            for waiting in group:
                push, batch = waiting.push, waiting.batch
                batch.conn = conn
                try:
                    if push.alone:
                        # Sole push of its transaction: it commits as it writes.
                        outcome = batch.finish(commit=alone)
                    else:
                        with conn.begin_nested():
                            outcome = batch.finish()
                            _follow_up(conn, push)
                except Refusal as refusal:
                    results.append(refusal)
                else:
                    results.append(outcome)
        # Answered only once the group is committed: an acknowledged push is stored.
        return [
            result if isinstance(result, Refusal) else _answer(waiting.push, result, self.metrics)
            for waiting, result in zip(group, results, strict=True)
        ]
