"""Offline bundles on the device: sync through a file when there is no link to HQ.

`export_bundle` writes a sync file for HQ (USB stick, e-mail, a satellite terminal's file
transfer): the outbox as push requests (up to BODY_CAP; the rest goes in the next file),
the conflict reviews waiting to be sent, a pull request from the cursor, and the public
half of a fresh one-time key. The private half stays in the encrypted database
(`bundle_keys`), so only this computer can read HQ's reply, and the file is encrypted to
HQ's bundle key and signed with this device's key.

`import_reply` takes HQ's answer back: checks HQ's signature and that the reply is for
this computer and for a file it made, then does what the engine does with the HTTP
answers, with the engine's own code: refused changes are set aside, stored ones leave
the outbox, and each pull page is applied in one transaction. The one-time key is then
deleted, so a reply imported twice is refused harmlessly, and the sync log gets a line
(via "bundle"). A file that cannot be used raises BundleRefused with nothing written.

No Qt here: the GUI calls these on a worker with a Records of its own, the CLI directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.store import search_backlog
from desktop.store.files import write_atomic
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Records
from desktop.store.replica import Replica
from desktop.store.schema import DATA_FORMAT
from desktop.sync import state
from desktop.sync.engine import SyncEngine, SyncOutcome
from desktop.sync.errors import (
    BundleRefused,
    DeviceRevoked,
    HqRefused,
    NotEnrolled,
    SyncError,
)
from desktop.sync.protocol import (
    MAX_PULL_LIMIT,
    MAX_PUSH_CHANGES,
    Change,
    ProtocolError,
    PullRequest,
    PushRequest,
    dumps,
    encode_public_key,
    load_signing_public_key,
    now_ms,
)
from desktop.sync.protocol.bundle import (
    BODY_CAP,
    HQ,
    TO_DEVICE,
    TO_HQ,
    BundleError,
    DeviceBundle,
    ReplyBundle,
    SealedBundle,
    load_bundle_public_key,
    new_bundle_id,
    read_file,
    seal,
)
from desktop.sync.transport import refusal_from

log = logging.getLogger(__name__)

#: A one-time key whose reply has not come back after this long is dropped (the file was
#: lost); its reply, should it still turn up, is then refused as "already imported".
KEY_KEEP_DAYS = 365


class BundleUnavailable(SyncError):
    template = _N("Errors", "A sync file cannot be made: {reason}")
    advice = _N("Errors", "Nothing was changed. Sync over the network, or ask HQ what to do.")


class ReplyAlreadyImported(BundleRefused):
    """The reply's one-time key is gone: it was imported before (or is not for a file this
    computer made). Harmless: nothing was written."""

    def __init__(self) -> None:
        super().__init__(reason="this reply was already imported or is not for this computer")


@dataclass(frozen=True)
class BundleSummary:
    """What an exported sync file carries."""

    bundle_id: str
    path: Path
    #: Changes in it, and the range of their numbers (None when it carries none).
    changes: int
    first_seq: int | None
    last_seq: int | None
    #: Conflict reviews in it.
    resolved: int
    #: Changes waiting that did not fit: they go in the next file.
    left_out: int
    #: HQ sends what changed after this.
    cursor: int
    size: int


@dataclass
class ReplyOutcome(SyncOutcome):
    """A SyncOutcome for an imported reply (bytes_received is the file's size)."""

    bundle_id: str = ""
    in_reply_to: str = ""
    #: HQ holds more for this computer than fitted: sync again (a new file, or the network).
    more: bool = False


def _stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _enrolment(records: Records) -> state.Enrolment:
    found = state.enrolment(records.db)
    if found is None:
        raise NotEnrolled()
    return found


# --- export -------------------------------------------------------------------------------


def export_bundle(
    records: Records, path: Path, *, cap: int = BODY_CAP, pull_limit: int = MAX_PULL_LIMIT
) -> BundleSummary:
    """Write a sync file for HQ to `path` (replaced atomically). `cap` bounds the changes
    it carries (wire JSON bytes), `pull_limit` the fields per pull page of the reply."""
    enrolment = _enrolment(records)
    if not enrolment.hq_bundle_key:
        raise BundleUnavailable(
            reason="this computer does not know HQ's key for sync files (it was connected "
            "to HQ before they existed, or HQ has none yet); enrol it again to use them"
        )
    try:
        hq_key = load_bundle_public_key(enrolment.hq_bundle_key)
    except (ProtocolError, ValueError):
        raise BundleUnavailable(reason="HQ's key for sync files is damaged") from None
    db = records.db
    replica = Replica(records)
    resolved = tuple(int(r[0]) for r in db.query("SELECT id FROM sync_conflicts WHERE decided = 1"))
    pushes, count = _push_requests(replica, resolved, cap)
    waiting = replica.outbox_count()
    pull = PullRequest(DATA_FORMAT, state.number(db, state.CURSOR), pull_limit)
    reply_key = X25519PrivateKey.generate()
    bundle_id = new_bundle_id()
    body = DeviceBundle(tuple(pushes), pull, encode_public_key(reply_key.public_key()))
    data = seal(
        body.to_wire(),
        kind=TO_HQ,
        bundle_id=bundle_id,
        sender=enrolment.device_id,
        recipient=HQ,
        recipient_key=hq_key,
        signing_key=enrolment.key,
    )
    private = reply_key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    with records.transaction():
        db.execute(
            "INSERT INTO bundle_keys(id, private, created) VALUES (?, ?, ?)",
            (bundle_id, private, _stamp()),
        )
        oldest = (datetime.now(UTC) - timedelta(days=KEY_KEEP_DAYS)).isoformat(timespec="seconds")
        db.execute("DELETE FROM bundle_keys WHERE created < ?", (oldest,))
        # Inside the transaction: a file that cannot be written leaves no key behind.
        write_atomic(path, data)
    changes = [c for p in pushes for c in p.changes]
    log.info("sync file %s written: %d changes, %d bytes", bundle_id, len(changes), len(data))
    return BundleSummary(
        bundle_id,
        path,
        count,
        changes[0].device_seq if changes else None,
        changes[-1].device_seq if changes else None,
        len(resolved),
        max(0, waiting - count),
        pull.cursor,
        len(data),
    )


def _push_requests(
    replica: Replica, resolved: tuple[int, ...], cap: int
) -> tuple[list[PushRequest], int]:
    """The outbox as the engine would push it, in requests of at most MAX_PUSH_CHANGES,
    until `cap` bytes of wire JSON (the first change always goes). The first request
    carries the reviews; with no changes they travel alone, numbered as the engine does."""
    pushes: list[PushRequest] = []
    after = size = count = 0
    full = False
    while not full:
        rows = replica.outbox(after, MAX_PUSH_CHANGES)
        if not rows:
            break
        changes: list[Change] = []
        for row in rows:
            change = Change(*row)
            weight = len(dumps(change.to_wire()))
            if count and size + weight > cap:
                full = True
                break
            changes.append(change)
            size += weight
            count += 1
        if changes:
            first, last = changes[0].device_seq, changes[-1].device_seq
            reviews = () if pushes else resolved
            pushes.append(PushRequest(DATA_FORMAT, first, last, tuple(changes), now_ms(), reviews))
            after = last
        if len(rows) < MAX_PUSH_CHANGES:
            break
    if not pushes and resolved:
        pushes.append(PushRequest(DATA_FORMAT, 1, 1, (), now_ms(), resolved))
    return pushes, count


# --- import -------------------------------------------------------------------------------


def import_reply(records: Records, path: Path) -> ReplyOutcome:
    """Apply HQ's reply file. Raises BundleRefused for a file it cannot use (nothing is
    written then); HQ's own refusal (revoked, update needed) is the outcome's error, and
    a verified wipe order its `wipe`, as SyncEngine.run reports them."""
    started = _stamp()
    enrolment = _enrolment(records)
    try:
        data = read_file(path)
        sealed = SealedBundle.parse(data)
        # The header is a claim until HQ's signature is checked; it may only say that the
        # file is plainly one of this computer's own, for HQ.
        claimed = sealed.claimed
        if claimed is not None and claimed.kind == TO_HQ:
            raise BundleError("this file is addressed to HQ: take it to HQ, then import HQ's reply")
        header = sealed.verify(load_signing_public_key(enrolment.hq_signing_key), "your HQ")
        if header.kind != TO_DEVICE:
            raise BundleError("this file is not a reply from HQ")
        if header.recipient != enrolment.device_id:
            raise BundleError("this reply is for another computer")
        private = None
        if header.in_reply_to is not None:
            private = records.db.scalar(
                "SELECT private FROM bundle_keys WHERE id = ?", (header.in_reply_to,)
            )
        if private is None:
            raise ReplyAlreadyImported()
        key = X25519PrivateKey.from_private_bytes(bytes(private))
        reply = ReplyBundle.from_wire(sealed.open(key))
    except BundleError as problem:
        raise BundleRefused(reason=problem.reason) from None
    except ProtocolError as problem:
        raise BundleRefused(reason=f"its contents are not valid ({problem.reason})") from None
    if reply.in_reply_to != header.in_reply_to:
        raise BundleRefused(reason="its contents do not match its header (damaged?)")

    outcome = ReplyOutcome(bundle_id=header.id, in_reply_to=reply.in_reply_to)
    outcome.bytes_received = len(data)
    engine = SyncEngine(records, via="bundle")
    try:
        try:
            _apply(engine, reply, outcome)
            outcome.ok = True
        except DeviceRevoked as revoked:
            outcome.error = revoked
            # The engine's own check of the order: a forged one is ignored and counted.
            outcome.wipe = engine._wipe_order(revoked)
        except HqRefused as refused:
            outcome.error = refused
        # The reply is used up (HQ's refusals included): importing it again is refused.
        with records.transaction():
            records.db.execute("DELETE FROM bundle_keys WHERE id = ?", (reply.in_reply_to,))
        # The engine's own sync log line (via "bundle"): one log for both ways to sync.
        engine._record(started, outcome)
    finally:
        engine.link.close()
    log.info(
        "sync file reply %s imported: %d pushed, %d rows, %d refused",
        header.id,
        outcome.pushed,
        outcome.pulled_rows,
        outcome.refused,
    )
    return outcome


def _apply(engine: SyncEngine, reply: ReplyBundle, outcome: ReplyOutcome) -> None:
    """HQ's answers in the order the engine meets them over HTTP: refusals (set aside),
    stored pushes (out of the outbox), then the pull pages."""
    records, db, replica = engine.records, engine.db, engine.replica
    for refusal in reply.refused:
        if refusal.error.rejected and refusal.status in (403, 422):
            with records.transaction():
                outcome.refused += replica.set_aside(
                    ((r.device_seq, r.reason) for r in refusal.error.rejected), _stamp()
                )
    for stored in reply.stored:
        with records.transaction():
            if stored.through is not None:
                replica.acknowledge(min(stored.answer.acked_through, stored.through))
            if stored.resolved:
                db.execute(
                    f"DELETE FROM sync_conflicts WHERE decided = 1 AND id IN "
                    f"({', '.join('?' * len(stored.resolved))})",
                    stored.resolved,
                )
        outcome.pushed += stored.answer.accepted + stored.answer.duplicates
    if reply.error is not None:
        raise refusal_from(reply.error.status, reply.error.error)
    for page in reply.pages:
        if page.next_cursor <= state.number(db, state.CURSOR):
            # A late reply: this computer has pulled past the page already (over the
            # network). Its fields would merge harmlessly, but a removal in it could take
            # away a row that has come back into scope since.
            log.info("skipped a page this computer already has")
            continue
        engine.apply_page(page, outcome)
    # Rows a cut first pull left waiting for their search entries get them here too.
    search_backlog.complete(db, records.registry)
    outcome.more = bool(reply.pages) and reply.pages[-1].more


__all__ = [
    "BundleSummary",
    "BundleUnavailable",
    "ReplyAlreadyImported",
    "ReplyOutcome",
    "export_bundle",
    "import_reply",
]
