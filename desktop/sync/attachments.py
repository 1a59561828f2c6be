"""Moving attachment contents between this device and HQ, after the records.

Contents travel by SHA-256 through HQ's blob endpoints (hq/blobs.py), never inside a
change. Order, so a slow link serves what matters first: records (push and pull, done
before this runs), then documents and images smallest first, then media. Media is
fetched only once someone on this device asked for it (`request_media`): a site laptop
need not pull every study video over a satellite link.

Both directions resume. An upload asks HQ how much it holds and sends the rest; a
download asks for Range pieces from what the local store durably holds. Pieces start at
256 KiB and adapt to the link: doubled after a quick answer, halved after a slow one,
quartered after a cut. A file HQ refuses for this device (its row not there yet, or out of
scope) is skipped until the next sync; a cut link ends the run with HqUnreachable after
keeping everything received so far.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from desktop.store import blobs as index
from desktop.store import meta
from desktop.store.blobs import (
    BlobDamaged,
    BlobEntry,
    BlobMissing,
    BlobStore,
    BlobTooLarge,
    OffsetMismatch,
)
from desktop.store.records import Records
from desktop.sync.errors import HqRefused, HqUnreachable, SyncCancelled
from desktop.sync.protocol import ProtocolError, decode_body
from desktop.sync.transport import Link

log = logging.getLogger(__name__)

BLOBS_PATH = "/sync/v1/blobs"
OCTET_STREAM = "application/octet-stream"
FIRST_PIECE = 256 * 1024
MIN_PIECE = 64 * 1024
#: HQ takes at most 4 MiB per upload request and answers at most that per Range.
MAX_PIECE = 4 * 1024 * 1024
#: A piece slower than this halves the next; faster than a quarter of it doubles it.
TARGET_REQUEST_S = 8.0
#: Where the adapted piece size is kept between syncs (meta table).
PIECE_KEY = "sync_blob_piece"
#: HQ moved under an upload this often in a row (another device sending the same file):
#: give up on that file until the next sync.
_MAX_RESTARTS = 5
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


@dataclass
class FileProgress:
    """Where the file transfer is: `phase` is "upload" or "download"."""

    phase: str
    files_done: int = 0
    files_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0


@dataclass
class TransferOutcome:
    files_sent: int = 0
    files_received: int = 0
    #: File bytes moved (without request overhead; the link counts everything).
    bytes_sent: int = 0
    bytes_received: int = 0
    #: Files HQ would not take or give yet (tried again next sync).
    skipped: int = 0
    #: Local files whose content no longer had any attachment naming it.
    removed: int = 0


FileProgressFn = Callable[[FileProgress], None]


class BlobTransfer:
    """One device's file transfer over `link`. `records` must be this thread's own
    connection (the sync thread's); `store` the data folder's blob store."""

    def __init__(self, records: Records, link: Link, store: BlobStore) -> None:
        self.records = records
        self.db = records.db
        self.link = link
        self.store = store
        self.outcome = TransferOutcome()

    # --- the whole transfer ----------------------------------------------------------

    def run(
        self,
        progress: FileProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> TransferOutcome:
        """Send what HQ lacks, fetch documents and images, then media asked for; then
        drop local contents that nothing names any more."""
        self.refresh()
        for media in (False, True):
            self.upload_pending(progress, cancel, media=media)
            self.download_wanted(progress, cancel, media=media)
        self.forget_unreferenced()
        return self.outcome

    def refresh(self) -> None:
        """Bring the `blobs` table in line with the attachment rows and the files held."""
        with self.records.transaction():
            index.refresh_index(self.db, self.store)

    def request_media(self, sha: str) -> bool:
        """Fetch this content with the next transfer (media waits to be asked for)."""
        with self.records.transaction():
            return index.want(self.db, sha)

    def forget_unreferenced(self) -> int:
        with self.records.transaction():
            removed = index.forget(self.db, self.store, index.unreferenced(self.db, self.store))
        if removed:
            log.info("removed %d attachment files no record names any more", removed)
        self.outcome.removed += removed
        return removed

    # --- upload ------------------------------------------------------------------------

    def upload_pending(
        self,
        progress: FileProgressFn | None = None,
        cancel: threading.Event | None = None,
        *,
        media: bool | None = None,
    ) -> TransferOutcome:
        """Send every content attached here that HQ does not hold yet: documents and
        images first, smallest first, then media (only one of them with `media`)."""
        pending = [
            e
            for e in index.entries(self.db, "have = 1 AND uploaded = 0" + _only(media))
            if self.store.has(e.sha256)
        ]
        report = FileProgress("upload", files_total=len(pending))
        report.bytes_total = sum(e.size for e in pending)
        for entry in pending:
            _check(cancel)
            if progress:
                progress(report)
            try:
                sent = self._upload(entry, report, progress, cancel)
            except (BlobDamaged, BlobMissing) as problem:
                # One unreadable local file must not hold up every later sync.
                log.error("cannot send file %s: %s", entry.sha256[:12], problem.message)
                sent = False
            if sent:
                with self.records.transaction():
                    index.note_uploaded(self.db, entry.sha256)
                self.outcome.files_sent += 1
            else:
                self.outcome.skipped += 1
            report.files_done += 1
        if progress and pending:
            progress(report)
        return self.outcome

    def _upload(
        self,
        entry: BlobEntry,
        report: FileProgress,
        progress: FileProgressFn | None,
        cancel: threading.Event | None,
    ) -> bool:
        sha, size = entry.sha256, entry.size
        held = self._status(sha, size)
        if held is None:
            log.info("HQ does not take file %s from this device yet; later", sha[:12])
            return False
        received, complete = held
        if complete:
            return True  # HQ already has it (another device sent the same file)
        piece = self._piece()
        restarts = 0
        started = received
        with self.store.open(sha) as reader:
            while True:
                _check(cancel)
                reader.seek(received)
                data = reader.read(min(piece, size - received))
                path = f"{BLOBS_PATH}/{sha}?offset={received}&size={size}"
                began = time.monotonic()
                try:
                    reply = self.link.send("PUT", path, data, content_type=OCTET_STREAM)
                except HqUnreachable:
                    self._shrink(piece)
                    raise
                except HqRefused as refused:
                    if refused.status == 409 and restarts < _MAX_RESTARTS:
                        # HQ holds another amount (a piece whose answer was lost, or
                        # another device sending the same file): continue from there.
                        restarts += 1
                        held = self._status(sha, size)
                        if held is None:
                            return False
                        received, complete = held
                        if complete:
                            return True
                        continue
                    if refused.status in (404, 403, 409, 422):
                        log.warning("HQ refused file %s: %s", sha[:12], refused.code)
                        return False
                    raise
                answer = _answer(reply.body)
                piece = self._adapt(piece, began)
                self.outcome.bytes_sent += len(data)
                report.bytes_done += len(data)
                if progress:
                    progress(report)
                received, complete = _int(answer.get("received")), bool(answer.get("complete"))
                if complete:
                    log.info(
                        "sent file %s (%d of %d bytes this time)", sha[:12], size - started, size
                    )
                    return True
                if received >= size and not data:
                    return False  # HQ would not confirm even when asked: next sync
                # Whole but unconfirmed (HQ stopped while checking it) loops once more:
                # an empty piece at the end asks HQ to check again.

    def _status(self, sha: str, size: int) -> tuple[int, bool] | None:
        """(bytes HQ holds of this file of `size` bytes, complete), or None when HQ will
        not talk about it to this device."""
        try:
            reply = self.link.send("GET", f"{BLOBS_PATH}/{sha}/status")
        except HqRefused as refused:
            if refused.status in (403, 404):
                return None
            raise
        answer = _answer(reply.body)
        if answer.get("size") not in (None, size):
            return 0, False  # an unfinished upload under another size: HQ starts over
        return _int(answer.get("received")), bool(answer.get("complete"))

    # --- download ----------------------------------------------------------------------

    def download_wanted(
        self,
        progress: FileProgressFn | None = None,
        cancel: threading.Event | None = None,
        *,
        media: bool | None = None,
    ) -> TransferOutcome:
        """Fetch the contents live attachments name and this device lacks: documents and
        images smallest first, then media that was asked for (one of them with `media`)."""
        missing = [
            e
            for e in index.entries(self.db, "have = 0 AND (media = 0 OR wanted = 1)" + _only(media))
            if not self.store.has(e.sha256)
        ]
        report = FileProgress("download", files_total=len(missing))
        report.bytes_total = sum(e.size for e in missing)
        for entry in missing:
            _check(cancel)
            if progress:
                progress(report)
            try:
                fetched = self.download(entry.sha256, entry.size, report, progress, cancel)
            except BlobTooLarge:
                log.error("file %s is larger than this computer takes", entry.sha256[:12])
                fetched = False
            if fetched:
                self.outcome.files_received += 1
            else:
                self.outcome.skipped += 1
            report.files_done += 1
        if progress and missing:
            progress(report)
        return self.outcome

    def download(
        self,
        sha: str,
        size: int,
        report: FileProgress | None = None,
        progress: FileProgressFn | None = None,
        cancel: threading.Event | None = None,
    ) -> bool:
        """Fetch one content (resuming a partial download); True once it is stored."""
        report = report or FileProgress("download", 0, 1, 0, size)
        offset = self.store.begin(sha, size)
        started = offset
        piece = self._piece()
        while offset < size:
            _check(cancel)
            last = min(size, offset + piece) - 1
            began = time.monotonic()
            try:
                reply = self.link.send(
                    "GET", f"{BLOBS_PATH}/{sha}", headers={"Range": f"bytes={offset}-{last}"}
                )
            except HqUnreachable:
                self._shrink(piece)
                raise
            except HqRefused as refused:
                if refused.status in (403, 404, 416):
                    log.info("HQ has no file %s for this device yet; later", sha[:12])
                    return False
                raise
            first = _range_start(reply.headers, reply.status, size)
            if first != offset or not 0 < len(reply.body) <= last + 1 - offset:
                raise HqUnreachable(detail="HQ answered with another part of the file")
            try:
                offset = self.store.append(sha, offset, reply.body)
            except OffsetMismatch as mismatch:  # another thread fetching it: follow it
                offset = mismatch.held
                continue
            piece = self._adapt(piece, began)
            self.outcome.bytes_received += len(reply.body)
            report.bytes_done += len(reply.body)
            if progress:
                progress(report)
        try:
            self.store.finish(sha)
        except BlobDamaged:
            log.warning("file %s arrived damaged; it is fetched again next time", sha[:12])
            return False
        with self.records.transaction():
            index.note_received(self.db, sha)
        log.info("received file %s (%d of %d bytes this time)", sha[:12], size - started, size)
        return True

    # --- piece size ----------------------------------------------------------------------

    def _piece(self) -> int:
        text = meta.get(self.db, PIECE_KEY)
        return max(MIN_PIECE, min(MAX_PIECE, int(text))) if text else FIRST_PIECE

    def _shrink(self, piece: int) -> None:
        """After a cut: a quarter of the piece, so that the next cut wastes little."""
        with self.records.transaction():
            meta.put(self.db, PIECE_KEY, str(max(MIN_PIECE, piece // 4)))

    def _adapt(self, piece: int, began: float) -> int:
        took = time.monotonic() - began
        if took > TARGET_REQUEST_S:
            adapted = max(MIN_PIECE, piece // 2)
        elif took < TARGET_REQUEST_S / 4:
            adapted = min(MAX_PIECE, piece * 2)
        else:
            return piece
        if adapted != piece:
            with self.records.transaction():
                meta.put(self.db, PIECE_KEY, str(adapted))
        return adapted


def _only(media: bool | None) -> str:
    return "" if media is None else f" AND media = {int(media)}"


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise SyncCancelled()


def _answer(body: bytes) -> dict[str, object]:
    try:
        answer = decode_body(body)
    except ProtocolError as problem:
        raise HqUnreachable(detail=f"HQ sent a malformed answer ({problem.reason})") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("received", 0), int):
        raise HqUnreachable(detail="HQ sent a malformed answer")
    return answer


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _range_start(headers: Mapping[str, str], status: int, size: int) -> int:
    """Where the bytes of a Range answer start in the file."""
    if status == 200:
        return 0
    lowered = {k.lower(): v for k, v in headers.items()}
    found = _CONTENT_RANGE.match(lowered.get("content-range", ""))
    if status != 206 or found is None or int(found.group(3)) != size:
        raise HqUnreachable(detail="HQ answered a file request without its range")
    return int(found.group(1))
