"""Offline bundles at HQ: import a device's sync file and write the reply file.

A bundle stands in for the HTTP requests of one sync (desktop.sync.protocol.bundle):
the device's push requests, its pull request, and a one-time key for the answer. HQ
checks the file (made for this HQ, signed by the enrolled key of the device it names,
intact), then runs exactly the push and pull of the HTTP endpoints (hq.pushes.store_push,
hq.app.read_pull) and answers with a reply encrypted to the one-time key and signed with
HQ's signing key.

Where the device's engine would set refused changes aside and push the rest again, HQ
does that second push itself, so one trip of the USB stick carries everything that can be
stored; the reply lists the refusals for the device to set aside. Pull pages follow until
BODY_CAP; the device continues from its cursor next time.

Importing a bundle twice is harmless: pushes are idempotent by device_seq, and the reply
is made anew. A file HQ cannot use is refused (BundleRefused) before anything is written.
A revoked device gets a reply that says so (with a signed wipe order when HQ wants its
data destroyed), as its next HTTP request would.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import update

from desktop.store.files import write_atomic
from desktop.sync.protocol import (
    ErrorBody,
    ProtocolError,
    PullRequest,
    PullResponse,
    PushRequest,
    WipeOrder,
    dumps,
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
    Refused,
    ReplyBundle,
    SealedBundle,
    Stored,
    key_fingerprint,
    load_bundle_public_key,
    new_bundle_id,
    read_file,
    seal,
)
from hq.app import read_pull
from hq.auth import Caller
from hq.db import HqDatabase
from hq.devices import Device, get_device
from hq.errors import HqError, Refusal
from hq.pushes import store_push
from hq.scope import DeviceScope
from hq.tables import devices

log = logging.getLogger(__name__)

#: As the device's engine: a push refused for some of its changes is tried again without
#: them at most this often.
MAX_SET_ASIDE_ROUNDS = 20


class BundleRefused(HqError):
    """A file HQ will not import; nothing was written."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"this sync file cannot be imported: {reason}")
        self.reason = reason


@dataclass
class ImportResult:
    """What one import did, for the operator."""

    device_id: str
    device_name: str
    bundle_id: str
    reply_id: str = ""
    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    #: Changes refused (the device sets them aside).
    refused: int = 0
    pages: int = 0
    rows: int = 0
    #: More changes wait for the device than fitted in the reply.
    more: bool = False
    #: Why the exchange was refused (the reply tells the device); None when it went through.
    refusal: str | None = None
    reply_bytes: int = 0


def answer_bundle(
    db: HqDatabase,
    data: bytes,
    *,
    signing_key: Ed25519PrivateKey,
    bundle_key: X25519PrivateKey,
    cap: int = BODY_CAP,
) -> tuple[ImportResult, bytes]:
    """Import one device bundle (its bytes) and return what happened and the reply file."""
    try:
        sealed = SealedBundle.parse(data)
    except BundleError as problem:
        raise BundleRefused(problem.reason) from None
    # Until the signature is checked the header is only a claim: it picks the key to check
    # with, and names the file's kind when that is plainly not one for HQ.
    claimed = sealed.claimed
    if claimed is not None and claimed.kind == TO_DEVICE:
        raise BundleRefused("it is HQ's reply to a device: import it on that computer")
    sender = sealed.claimed_sender
    if sender is None:
        raise BundleRefused("the file's header is damaged")
    with db.read() as conn:
        device = get_device(conn, sender)
    if device is None:
        raise BundleRefused(
            f"it names a device HQ does not know ({sender}): enrol that device, or the file "
            "is damaged"
        )
    try:
        header = sealed.verify(load_signing_public_key(device.public_key), f"device {device.id}")
        if header.kind != TO_HQ:
            raise BundleError("it is not a file for HQ")
        if header.recipient != HQ or header.recipient_key != key_fingerprint(
            bundle_key.public_key()
        ):
            raise BundleError("it was made for another HQ")
        body = DeviceBundle.from_wire(sealed.open(bundle_key))
        reply_key = load_bundle_public_key(body.reply_key)
    except BundleError as problem:
        raise BundleRefused(problem.reason) from None
    except ProtocolError as problem:
        raise BundleRefused(f"its contents are not valid ({problem.reason})") from None

    result = ImportResult(device.id, device.name, header.id)
    now = now_ms()
    if device.revoked_at is not None:
        revoked = _revoked(db, device, signing_key, now)
        reply = ReplyBundle(header.id, error=revoked)
        result.refusal = revoked.error.reason
    else:
        reply = _exchange(db, device, header.id, body, now, cap, result)
    result.reply_id = new_bundle_id()
    out = seal(
        reply.to_wire(),
        kind=TO_DEVICE,
        bundle_id=result.reply_id,
        sender=HQ,
        recipient=device.id,
        recipient_key=reply_key,
        signing_key=signing_key,
        in_reply_to=header.id,
    )
    result.reply_bytes = len(out)
    log.info(
        "bundle %s from device %s: %d stored, %d again, %d refused; reply %s with %d pages",
        header.id,
        device.id,
        result.accepted,
        result.duplicates,
        result.refused,
        result.reply_id,
        result.pages,
    )
    return result, out


def import_file(
    db: HqDatabase,
    path: Path,
    reply_path: Path,
    *,
    signing_key: Ed25519PrivateKey,
    bundle_key: X25519PrivateKey,
    cap: int = BODY_CAP,
) -> ImportResult:
    """Import the bundle file at `path` and write the reply to `reply_path` atomically
    (a crash leaves no half-written reply)."""
    try:
        data = read_file(path)
    except BundleError as problem:
        raise BundleRefused(problem.reason) from None
    result, reply = answer_bundle(db, data, signing_key=signing_key, bundle_key=bundle_key, cap=cap)
    try:
        write_atomic(reply_path, reply)
    except OSError as problem:
        raise HqError(
            f"the reply could not be written to {reply_path}: "
            f"{problem.strerror or type(problem).__name__} (import the bundle again: "
            "that is harmless)"
        ) from None
    return result


# --- the exchange ------------------------------------------------------------------------


def _error_body(refusal: Refusal) -> ErrorBody:
    return ErrorBody(refusal.code, refusal.reason, now_ms(), refusal.rejected, refusal.wipe)


def _exchange(
    db: HqDatabase,
    device: Device,
    bundle_id: str,
    body: DeviceBundle,
    now: int,
    cap: int,
    result: ImportResult,
) -> ReplyBundle:
    """The pushes, then the pull, as the device's engine would have run them over HTTP."""
    with db.write() as conn:
        # Seen through a file is seen all the same (the device list shows it).
        conn.execute(update(devices).where(devices.c.id == device.id).values(last_seen_at=now))
        scope = DeviceScope.load(conn, device.id, device.org_id, device.level, device.member_id)
    caller = Caller(device, scope)
    stored: list[Stored] = []
    refused: list[Refused] = []
    error: Refused | None = None
    pages: list[PullResponse] = []
    try:
        for request in body.pushes:
            _push(db, caller, request, now, stored, refused, result)
        pages = _pull(db, caller, body.pull, now, cap)
    except Refusal as refusal:
        # As over HTTP: a push that fails stops the sync before its pull.
        error = Refused(refusal.status, _error_body(refusal))
        result.refusal = refusal.reason
    except ProtocolError as problem:
        error = Refused(problem.status, ErrorBody(problem.code, problem.reason, now_ms()))
        result.refusal = problem.reason
    result.pages = len(pages)
    result.rows = sum(len(p.rows) for p in pages)
    result.more = bool(pages) and pages[-1].more
    return ReplyBundle(bundle_id, tuple(stored), tuple(refused), error, tuple(pages))


def _push(
    db: HqDatabase,
    caller: Caller,
    request: PushRequest,
    now: int,
    stored: list[Stored],
    refused: list[Refused],
    result: ImportResult,
) -> None:
    """One push request; refused changes are left out and the rest pushed again, as the
    device's engine does after setting them aside."""
    for _round in range(MAX_SET_ASIDE_ROUNDS + 1):
        if not request.changes and not request.resolved:
            return  # every change in it was refused: nothing left to store
        try:
            answer = store_push(db, caller, request, now=now)
        except Refusal as refusal:
            if not (refusal.rejected and refusal.status in (403, 422)):
                raise
            refused.append(Refused(refusal.status, _error_body(refusal)))
            result.refused += len(refusal.rejected)
            bad = {r.device_seq for r in refusal.rejected}
            request = dataclasses.replace(
                request, changes=tuple(c for c in request.changes if c.device_seq not in bad)
            )
            continue
        through = request.changes[-1].device_seq if request.changes else None
        stored.append(Stored(through, request.resolved, answer))
        result.accepted += answer.accepted
        result.duplicates += answer.duplicates
        result.conflicts += answer.conflicts
        return
    raise Refusal(422, "too_many_refusals", "HQ refused changes of this push too many times over")


def _pull(
    db: HqDatabase, caller: Caller, request: PullRequest, now: int, cap: int
) -> list[PullResponse]:
    """Pages from the device's cursor while they fit under `cap` (the first always goes,
    so every reply makes progress)."""
    pages: list[PullResponse] = []
    size = 0
    while True:
        page = read_pull(db, caller, request, now=now)
        weight = len(dumps(page.to_wire()))
        if pages and size + weight > cap:
            break
        pages.append(page)
        size += weight
        if not page.more:
            break
        request = dataclasses.replace(request, cursor=page.next_cursor)
    return pages


def _revoked(db: HqDatabase, device: Device, signing_key: Ed25519PrivateKey, now: int) -> Refused:
    """The refusal a revoked device's request would get (hq.auth), wipe order included."""
    reason = f"This device was revoked by HQ: {device.revoke_reason or 'no reason given'}."
    wipe = None
    if device.wipe:
        wipe = WipeOrder(device.id, now).sign(signing_key)
        with db.write() as conn:
            conn.execute(update(devices).where(devices.c.id == device.id).values(wipe_sent_at=now))
        log.warning("wipe order sent to device %s in a bundle reply", device.id)
    return Refused(401, ErrorBody("revoked", reason, now, wipe=wipe))
