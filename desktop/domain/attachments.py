"""Files attached to records: scans in a member's archive, meeting minutes, study audio.

Attaching stores the file's content encrypted in the data folder's blob store and writes
one `attachments` row naming it by SHA-256; the row syncs like any record, the content
follows it through the blob endpoints (desktop.sync.attachments). The row takes its
record's owner and audience, so it reaches exactly the devices that hold the record.
Documents and images travel right after the records; media (audio, video) only when a
device asks for it (`request_attachment`). A plaintext copy appears on disk only through
`export_attachment`.
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.access import Action, allowed, require
from desktop.store import blobs
from desktop.store.blobs import MAX_BLOB_BYTES, BlobMissing, BlobReader, BlobStore, BlobTooLarge
from desktop.store.errors import InvalidInput, RecordNotFound
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.records import Record
from desktop.store.schema import Scope
from desktop.store.schema.attachments import ATTACHMENTS, KINDS
from desktop.store.workspace import Workspace

log = logging.getLogger(__name__)

TABLE = ATTACHMENTS.name
MEDIA = "media"
_NAME_LIMIT = 255


@dataclass(frozen=True)
class Attachment:
    id: str
    record_table: str
    record_id: str
    name: str
    mime: str | None
    kind: str
    sha256: str
    size: int
    #: The content is on this computer (else: not fetched yet; media comes on request).
    available: bool
    #: Media this computer asked for; it arrives with the next sync.
    requested: bool


def guess_kind(name: str) -> tuple[str | None, str]:
    """(MIME type, kind) from a file name: audio and video are media, images images,
    everything else a document."""
    mime, _encoding = mimetypes.guess_type(name, strict=False)
    if mime is None:
        return None, "document"
    major = mime.split("/", 1)[0]
    if major in ("audio", "video"):
        return mime, MEDIA
    if major == "image":
        return mime, "image"
    return mime, "document"


def _store(ws: Workspace, store: BlobStore | None) -> BlobStore:
    return store if store is not None else ws.blob_store()


def _may_read(ws: Workspace, record_table: str, record_id: str) -> bool:
    """Officers read every attachment this computer holds; a member only those of the
    member's own record."""
    if allowed(ws.user, Action.READ_ROSTER):
        return True
    return record_table == "members" and record_id == ws.user.member_id


def _row(ws: Workspace, attachment_id: str) -> Record:
    row = ws.records.get(TABLE, attachment_id)
    if row is None or not _may_read(ws, row["record_table"], row["record_id"]):
        # Not telling a member apart what exists from what they may not see.
        raise RecordNotFound(table=TABLE, row_id=attachment_id)
    return row


def attach_file(
    ws: Workspace,
    record_table: str,
    record_id: str,
    path: Path,
    kind: str | None = None,
    *,
    name: str | None = None,
    store: BlobStore | None = None,
) -> str:
    """Attach the file at `path` to a record; returns the attachment's id. The content is
    stored encrypted (once, however often it is attached) and queued for HQ."""
    require(ws.user, Action.EDIT_ROSTER)
    if record_table not in ws.records.registry or record_table == TABLE:
        raise InvalidInput(detail=f"files cannot be attached to {record_table}")
    table = ws.records.registry[record_table]
    if table.scope is Scope.LOCAL:
        raise InvalidInput(detail=f"files cannot be attached to {record_table}")
    record = ws.records.require(record_table, record_id)
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(_N("Errors", "There is no file at {path}."), path=str(path))
    size = path.stat().st_size
    if size > MAX_BLOB_BYTES:
        raise BlobTooLarge(size=size // 2**20, limit=MAX_BLOB_BYTES // 2**20)
    shown = (name or path.name).strip()[:_NAME_LIMIT] or "file"
    mime, guessed = guess_kind(shown)
    if kind is None:
        kind = guessed
    elif kind not in KINDS:
        raise InvalidInput(detail=f"unknown kind of file {kind!r}")
    files = _store(ws, store)
    # The content first, outside the transaction (a video takes a while); the row and
    # the index in one transaction after it. A crash between leaves an unnamed file that
    # the next sync's clean-up removes.
    sha, stored = files.put_file(path)
    with ws.records.transaction():
        if not files.has(sha):
            # Removed meanwhile by a clean-up that found nothing naming it: store again.
            sha, stored = files.put_file(path)
        attachment_id = ws.records.insert(
            TABLE,
            {
                "record_table": record_table,
                "record_id": record_id,
                "name": shown,
                "mime": mime,
                "kind": kind,
                "sha256": sha,
                "size": stored,
            },
            owner_org=record["owner_org"],
            audience=record["audience"],
        )
        blobs.note_local(ws.db, sha, stored, media=kind == MEDIA)
    log.info("attached a %s of %d bytes to a record of %s", kind, stored, record_table)
    return attachment_id


def _attachment(row: Record, files: BlobStore, requested: set[str]) -> Attachment:
    sha = row["sha256"]
    return Attachment(
        row["id"],
        row["record_table"],
        row["record_id"],
        row["name"],
        row["mime"],
        row["kind"],
        sha,
        int(row["size"]),
        files.has(sha),
        sha in requested,
    )


def list_attachments(
    ws: Workspace, record_table: str, record_id: str, *, store: BlobStore | None = None
) -> list[Attachment]:
    """The files attached to a record, oldest first."""
    if not _may_read(ws, record_table, record_id):
        return []
    rows = ws.records.query(TABLE, "record_table = ? AND record_id = ?", (record_table, record_id))
    requested = {e.sha256 for e in blobs.entries(ws.db, "wanted = 1")}
    files = _store(ws, store)
    return [_attachment(r, files, requested) for r in rows]


def get_attachment(
    ws: Workspace, attachment_id: str, *, store: BlobStore | None = None
) -> Attachment:
    row = _row(ws, attachment_id)
    requested = {e.sha256 for e in blobs.entries(ws.db, "wanted = 1")}
    return _attachment(row, _store(ws, store), requested)


def open_attachment(
    ws: Workspace, attachment_id: str, *, store: BlobStore | None = None
) -> BlobReader:
    """The file's content as a read-only, seekable stream that decrypts as it is read
    (media plays from it). BlobMissing when it has not been fetched yet."""
    row = _row(ws, attachment_id)
    return _store(ws, store).open(row["sha256"])


def export_attachment(
    ws: Workspace, attachment_id: str, dest: Path, *, store: BlobStore | None = None
) -> Path:
    """Write a plaintext copy to `dest` (a file, or a folder to put it in under its name):
    the one way a decrypted file reaches the disk, always on the user's request."""
    row = _row(ws, attachment_id)
    dest = Path(dest)
    if dest.is_dir():
        dest = dest / Path(row["name"]).name
    files = _store(ws, store)
    if not files.has(row["sha256"]):
        raise BlobMissing()
    log.info("an attachment was exported")
    return files.export(row["sha256"], dest)


def request_attachment(
    ws: Workspace, attachment_id: str, *, store: BlobStore | None = None
) -> bool:
    """Ask for a file not fetched yet (media comes only on request): it arrives with the
    next sync. True when it is already here."""
    row = _row(ws, attachment_id)
    with ws.records.transaction():
        blobs.want(ws.db, row["sha256"])
    return _store(ws, store).has(row["sha256"])


def remove_attachment(ws: Workspace, attachment_id: str, *, store: BlobStore | None = None) -> None:
    """Remove an attachment (a tombstone that syncs). Its content is deleted from this
    computer once no other attachment names it."""
    require(ws.user, Action.EDIT_ROSTER)
    row = _row(ws, attachment_id)
    files = _store(ws, store)
    with ws.records.transaction():
        ws.records.delete(TABLE, attachment_id)
        blobs.forget(ws.db, files, blobs.unreferenced(ws.db, files, (row["sha256"],)))


__all__ = [
    "Attachment",
    "attach_file",
    "export_attachment",
    "get_attachment",
    "guess_kind",
    "list_attachments",
    "open_attachment",
    "remove_attachment",
    "request_attachment",
]
