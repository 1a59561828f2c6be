"""Attachment contents, encrypted at rest and addressed by their SHA-256.

A file is stored once however many records name it (the name is the SHA-256 of its
plaintext), and only ever encrypted: a plaintext copy appears only when the user exports
one (`export`). Media plays from `open`, a seekable stream that decrypts on the fly.

Layout under `<data folder>/blobs/`:

    ab/<sha256>                       a stored file (its first two hex digits name the folder)
    partial/<sha256>.<size>           a download in progress, same format, not yet complete
    partial/<sha256>.<size>.tail      its bytes past the last whole chunk (replaced atomically)
    tmp/                              files being written; renamed into place when whole

File format (version 1): a 24-byte header (magic, version, a random 16-byte salt), then
chunks of at most 64 KiB of plaintext, each stored as a random 12-byte nonce and its
AES-256-GCM ciphertext with tag. The file's key is HKDF(store key, salt) and the store key
is HKDF(database key), so a file copied out of the folder is useless without the vault.
Every chunk's associated data is the header, the chunk's index and a last-chunk flag, and
for the last chunk the file's SHA-256 as well: reordered, truncated, extended or renamed
files fail to decrypt instead of yielding wrong content. Nonces are random rather than a
counter because a resumed download may rewrite a chunk a crash left half-written; with a
counter that would encrypt two plaintexts under one nonce.

Downloads arrive in pieces: `begin(sha, size)` returns how many bytes are durably held
(zero, or where a download cut earlier stopped), `append` adds bytes at that offset,
`finish` checks the SHA-256 of the plaintext and only then makes the file visible. Whole
chunks are appended to the partial file and fsynced; the bytes past them go to the tail
file by temp, fsync, rename. So after a crash `begin` reports exactly what survived.

The `blobs` table (migration 2) says which contents this device holds, has sent to HQ
and wants; the functions at the end keep it, for the attachment use cases and sync.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.store.db import Database
from desktop.store.errors import LianxinError
from desktop.store.files import fsync_dir
from desktop.store.i18n import QT_TRANSLATE_NOOP as _N
from desktop.store.schema.attachments import ATTACHMENTS

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

log = logging.getLogger(__name__)

BLOBS_DIR = "blobs"
#: Plaintext bytes per chunk: small enough that a seek decrypts little, large enough
#: that the 28 bytes each chunk adds (nonce and tag) stay below 0.05 %.
CHUNK = 64 * 1024
#: The largest file the store (and HQ) accepts.
MAX_BLOB_BYTES = 2 * 1024**3

_MAGIC = b"LXBL"
_VERSION = 1
_SALT = 16
_HEADER = len(_MAGIC) + 4 + _SALT
_NONCE = 12
_TAG = 16
_OVERHEAD = _NONCE + _TAG
_STORED_CHUNK = CHUNK + _OVERHEAD
_SHA = re.compile(r"^[0-9a-f]{64}$")
_STORE_INFO = b"lianxin/blobs/v1"
_FILE_INFO = b"lianxin/blob-file/v1"
_TAIL_INFO = b"lianxin/blob-tail/v1"
#: Files in tmp/ older than this were left by a crash (nothing writes for a day).
_STALE_TMP_S = 24 * 3600


class BlobDamaged(LianxinError):
    template = _N("Errors", "An attached file is damaged: {detail}")
    advice = _N("Errors", "Sync again to fetch it anew from HQ, or attach the file again.")


class BlobMissing(LianxinError):
    template = _N("Errors", "This file is not on this computer yet.")
    advice = _N("Errors", "Sync with HQ to fetch it, then open it again.")


class BlobTooLarge(LianxinError):
    template = _N("Errors", "The file is too large to attach ({size} MiB; at most {limit} MiB).")
    advice = _N("Errors", "Attach a smaller file, or split it.")


class OffsetMismatch(ValueError):
    """`append` at an offset other than what the partial holds (a caller's mistake, or
    two writers): `held` is where to continue."""

    def __init__(self, sha: str, offset: int, held: int) -> None:
        super().__init__(f"blob {sha[:12]}: append at {offset}, but {held} bytes are held")
        self.held = held


def check_sha(sha: str) -> str:
    if not isinstance(sha, str) or not _SHA.match(sha):
        raise ValueError("a blob is named by 64 lower-case hex digits")
    return sha


def _chunk_count(size: int) -> int:
    """Chunks a file of `size` plaintext bytes is stored in (an empty file has one)."""
    return max(1, -(-size // CHUNK))


def stored_size(size: int) -> int:
    """Bytes on disk for a file of `size` plaintext bytes."""
    return _HEADER + size + _chunk_count(size) * _OVERHEAD


def _plain_size(stored: int) -> int | None:
    """Plaintext size of a stored file of `stored` bytes, None if no layout fits."""
    body = stored - _HEADER
    if body < _OVERHEAD:
        return None
    chunks = -(-body // _STORED_CHUNK)
    last = body - (chunks - 1) * _STORED_CHUNK
    if last < _OVERHEAD or (last == _OVERHEAD and chunks > 1):
        return None  # only an empty file has an empty chunk
    return body - chunks * _OVERHEAD


class _Cipher:
    """One file's chunk cipher, keyed from the store key and the file's salt."""

    def __init__(self, store_key: bytes, header: bytes) -> None:
        self.header = header
        salt = header[-_SALT:]
        self.aead = AESGCM(_hkdf(store_key, salt, _FILE_INFO))
        self.tail = AESGCM(_hkdf(store_key, salt, _TAIL_INFO))

    @staticmethod
    def new_header() -> bytes:
        return _MAGIC + bytes((_VERSION, 0, 0, 0)) + os.urandom(_SALT)

    @staticmethod
    def check_header(header: bytes, what: str) -> None:
        if len(header) != _HEADER or header[:4] != _MAGIC or header[4] != _VERSION:
            raise BlobDamaged(detail=f"{what} is not a Lianxin file")

    def _aad(self, index: int, last: bool, sha: bytes) -> bytes:
        return self.header + index.to_bytes(8, "big") + (b"\x01" + sha if last else b"\x00")

    def seal(self, index: int, plain: bytes, *, last: bool, sha: bytes = b"") -> bytes:
        nonce = os.urandom(_NONCE)
        return nonce + self.aead.encrypt(nonce, plain, self._aad(index, last, sha))

    def open(self, index: int, stored: bytes, *, last: bool, sha: bytes = b"") -> bytes:
        try:
            return self.aead.decrypt(stored[:_NONCE], stored[_NONCE:], self._aad(index, last, sha))
        except InvalidTag:
            raise BlobDamaged(detail=f"chunk {index} fails its check") from None

    def seal_tail(self, index: int, plain: bytes) -> bytes:
        nonce = os.urandom(_NONCE)
        return nonce + self.tail.encrypt(nonce, plain, self.header + index.to_bytes(8, "big"))

    def open_tail(self, index: int, stored: bytes) -> bytes | None:
        """The tail's bytes, or None when it belongs to another chunk or is damaged."""
        try:
            return self.tail.decrypt(
                stored[:_NONCE], stored[_NONCE:], self.header + index.to_bytes(8, "big")
            )
        except (InvalidTag, ValueError):
            return None


def _hkdf(key: bytes, salt: bytes | None, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def _write_chunks(out: BinaryIO, cipher: _Cipher, source: BinaryIO) -> tuple[str, int]:
    """Encrypt `source` into `out` chunk by chunk (reading one chunk ahead, to know which
    is last); returns the plaintext's SHA-256 and size."""
    digest = hashlib.sha256()
    size = 0
    index = 0
    current = _read_full(source, CHUNK)
    while True:
        following = _read_full(source, CHUNK) if len(current) == CHUNK else b""
        digest.update(current)
        size += len(current)
        if size > MAX_BLOB_BYTES:
            raise BlobTooLarge(size=size // 2**20, limit=MAX_BLOB_BYTES // 2**20)
        if following:
            out.write(cipher.seal(index, current, last=False))
        else:
            out.write(cipher.seal(index, current, last=True, sha=digest.digest()))
            return digest.hexdigest(), size
        index += 1
        current = following


def _read_full(source: BinaryIO, n: int) -> bytes:
    """Exactly `n` bytes unless the source ends (pipes and sockets return short reads)."""
    parts = []
    want = n
    while want:
        piece = source.read(want)
        if not piece:
            break
        parts.append(piece)
        want -= len(piece)
    return b"".join(parts)


@dataclass(frozen=True)
class _Partial:
    part: Path
    tail: Path
    size: int
    #: Whole chunks held in the partial file.
    chunks: int
    tail_bytes: bytes
    #: True once the last chunk is written: only `finish` remains.
    complete: bool

    @property
    def offset(self) -> int:
        if self.complete:
            return self.size
        return self.chunks * CHUNK + len(self.tail_bytes)


class BlobStore:
    """The encrypted files of one data folder. Safe to use from several threads on
    different blobs; every method opens its own file handles."""

    def __init__(self, folder: Path, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("the blob store key must be 32 bytes")
        self.folder = folder
        self._key = key
        for sub in ("tmp", "partial"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        self._sweep_tmp()

    @classmethod
    def for_database_key(cls, folder: Path, database_key: bytes) -> BlobStore:
        """The store whose key derives from the database key (never the key itself, so
        that a leak of one does not give away the other)."""
        return cls(folder, _hkdf(database_key, None, _STORE_INFO))

    # --- paths ---------------------------------------------------------------------------

    def path(self, sha: str) -> Path:
        check_sha(sha)
        return self.folder / sha[:2] / sha

    def _partial_paths(self, sha: str, size: int) -> tuple[Path, Path]:
        part = self.folder / "partial" / f"{check_sha(sha)}.{int(size)}"
        return part, part.with_name(part.name + ".tail")

    def _sweep_tmp(self) -> None:
        cutoff = time.time() - _STALE_TMP_S
        for leftover in (self.folder / "tmp").iterdir():
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff:
                    leftover.unlink()
                    log.info("removed a temporary attachment file left by a crash")

    # --- whole files -----------------------------------------------------------------

    def shas(self) -> Iterator[str]:
        """Every stored file's name."""
        for sub in self.folder.iterdir():
            if len(sub.name) == 2 and sub.is_dir():
                yield from (f.name for f in sub.iterdir() if _SHA.match(f.name))

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def size(self, sha: str) -> int:
        """Plaintext size of a stored file (from its length; `open` checks it)."""
        try:
            stored = self.path(sha).stat().st_size
        except FileNotFoundError:
            raise BlobMissing() from None
        size = _plain_size(stored)
        if size is None:
            raise BlobDamaged(detail=f"{sha[:12]} has an impossible length")
        return size

    def put_file(self, path: Path) -> tuple[str, int]:
        """Store the file at `path` (streamed: memory stays constant whatever its size);
        returns its SHA-256 and size. Content already held is kept once."""
        with path.open("rb") as source:
            return self.put_stream(source)

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        return self.put_stream(io.BytesIO(data))

    def put_stream(self, source: BinaryIO) -> tuple[str, int]:
        header = _Cipher.new_header()
        cipher = _Cipher(self._key, header)
        with self._temp() as (out, tmp):
            out.write(header)
            sha, size = _write_chunks(out, cipher, source)
            target = self.path(sha)
            if target.exists():
                return sha, size  # de-duplicated: the temp file goes
            _durable(out)
            out.close()
            self._place(tmp, target)
        log.debug("stored blob %s (%d bytes)", sha[:12], size)
        return sha, size

    def open(self, sha: str) -> BlobReader:
        """A read-only, seekable stream of the plaintext, decrypted as it is read."""
        try:
            handle = self.path(sha).open("rb")
        except FileNotFoundError:
            raise BlobMissing() from None
        try:
            return BlobReader(handle, self._key, sha)
        except BaseException:
            handle.close()
            raise

    def export(self, sha: str, dest: Path) -> Path:
        """Write the plaintext to `dest` (temp file beside it, fsync, rename), checking its
        SHA-256 on the way. The only way a plaintext copy reaches the disk."""
        digest = hashlib.sha256()
        dest = Path(dest)
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
        try:
            with os.fdopen(fd, "wb") as out, self.open(sha) as reader:
                while piece := reader.read(CHUNK * 16):
                    digest.update(piece)
                    out.write(piece)
                _durable(out)
            if digest.hexdigest() != sha:
                raise BlobDamaged(detail=f"{sha[:12]} does not match its name")
            os.replace(tmp, dest)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        fsync_dir(dest.parent)
        return dest

    def remove(self, sha: str) -> bool:
        """Delete a stored file and any partial download of it; True if a file went."""
        removed = False
        with contextlib.suppress(FileNotFoundError):
            self.path(sha).unlink()
            removed = True
        for leftover in (self.folder / "partial").glob(f"{check_sha(sha)}.*"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        return removed

    def verify(self, sha: str) -> None:
        """Decrypt the whole file and check its SHA-256 (BlobDamaged if anything is off)."""
        digest = hashlib.sha256()
        with self.open(sha) as reader:
            while piece := reader.read(CHUNK * 16):
                digest.update(piece)
        if digest.hexdigest() != sha:
            raise BlobDamaged(detail=f"{sha[:12]} does not match its name")

    # --- downloads in pieces ---------------------------------------------------------

    def begin(self, sha: str, size: int) -> int:
        """Start or resume receiving `sha` of `size` bytes; returns the bytes already
        held (append from there). A partial of another size is discarded; every chunk of
        one that is resumed is checked, and a damaged end (a crash mid-write) cut off."""
        if self.has(sha):
            return size
        if not 0 <= size <= MAX_BLOB_BYTES:
            raise BlobTooLarge(size=size // 2**20, limit=MAX_BLOB_BYTES // 2**20)
        part, tail = self._partial_paths(sha, size)
        for other in (self.folder / "partial").glob(f"{sha}.*"):
            if other not in (part, tail):
                other.unlink(missing_ok=True)
        if not part.exists():
            with self._temp() as (out, tmp):
                out.write(_Cipher.new_header())
                _durable(out)
                out.close()
                os.replace(tmp, part)
            fsync_dir(part.parent)
            tail.unlink(missing_ok=True)
        self._check_partial(sha, part, size)
        state = self._partial(sha, size)
        if size == 0 and not state.complete:
            # An empty file is one empty last chunk: no append will ever write it.
            with part.open("r+b") as f:
                cipher = _Cipher(self._key, f.read(_HEADER))
                f.write(cipher.seal(0, b"", last=True, sha=bytes.fromhex(sha)))
                _durable(f)
        return state.offset

    def append(self, sha: str, offset: int, data: bytes) -> int:
        """Add `data` at `offset` (which must be what the partial holds); returns the new
        offset once the bytes are durable."""
        state = self._partial(sha, size=None)
        if offset != state.offset:
            raise OffsetMismatch(sha, offset, state.offset)
        if offset + len(data) > state.size:
            raise ValueError(f"blob {sha[:12]}: data runs past its size of {state.size}")
        if not data:
            return offset
        with state.part.open("rb") as f:
            cipher = _Cipher(self._key, f.read(_HEADER))
        buffered = state.tail_bytes + data
        last_index = _chunk_count(state.size) - 1
        index = state.chunks
        reaches_end = offset + len(data) == state.size
        sealed = []
        while buffered and (len(buffered) >= CHUNK or reaches_end):
            piece, buffered = buffered[:CHUNK], buffered[CHUNK:]
            if index == last_index:
                if buffered or not reaches_end:  # cannot happen: size bounds the data
                    raise ValueError("data past the last chunk")
                sealed.append(cipher.seal(index, piece, last=True, sha=bytes.fromhex(sha)))
            else:
                sealed.append(cipher.seal(index, piece, last=False))
            index += 1
        if sealed:
            with state.part.open("r+b") as f:
                f.seek(_HEADER + state.chunks * _STORED_CHUNK)
                f.write(b"".join(sealed))
                f.truncate()
                _durable(f)
        # The tail second: a crash between the two leaves a tail naming an older chunk,
        # which is then ignored, and the offset is that of the whole chunks.
        if buffered:
            with self._temp() as (out, tmp):
                out.write(cipher.seal_tail(index, buffered))
                _durable(out)
                out.close()
                os.replace(tmp, state.tail)
            fsync_dir(state.tail.parent)
        else:
            state.tail.unlink(missing_ok=True)
        return offset + len(data)

    def finish(self, sha: str) -> None:
        """Check the whole download against its SHA-256 and make it visible. On a
        mismatch the partial is discarded (BlobDamaged): it must be fetched again."""
        if self.has(sha):
            self.discard(sha)
            return
        state = self._partial(sha, size=None)
        if not state.complete:
            raise ValueError(f"blob {sha[:12]}: {state.offset} of {state.size} bytes held")
        try:
            with BlobReader(state.part.open("rb"), self._key, sha) as reader:
                digest = hashlib.sha256()
                while piece := reader.read(CHUNK * 16):
                    digest.update(piece)
            if digest.hexdigest() != sha:
                raise BlobDamaged(detail=f"{sha[:12]} arrived with other content")
        except BlobDamaged:
            self.discard(sha)
            raise
        self._place(state.part, self.path(sha))
        state.tail.unlink(missing_ok=True)
        log.debug("received blob %s (%d bytes)", sha[:12], state.size)

    def discard(self, sha: str) -> None:
        """Drop any partial download of `sha`."""
        for leftover in (self.folder / "partial").glob(f"{check_sha(sha)}.*"):
            leftover.unlink(missing_ok=True)

    def partial_offset(self, sha: str) -> int | None:
        """Bytes held of a download in progress, None if there is none."""
        try:
            return self._partial(sha, size=None).offset
        except FileNotFoundError:
            return None

    # --- internals ---------------------------------------------------------------------

    def _partial(self, sha: str, size: int | None) -> _Partial:
        if size is None:
            found = [
                p
                for p in (self.folder / "partial").glob(f"{check_sha(sha)}.*")
                if not p.name.endswith(".tail")
            ]
            if not found:
                raise FileNotFoundError(f"no download of {sha[:12]} in progress")
            size = int(found[0].name.split(".", 1)[1])
        part, tail = self._partial_paths(sha, size)
        length = part.stat().st_size
        last_stored = size - (_chunk_count(size) - 1) * CHUNK + _OVERHEAD
        if length >= _HEADER + (_chunk_count(size) - 1) * _STORED_CHUNK + last_stored:
            return _Partial(part, tail, size, _chunk_count(size), b"", complete=True)
        chunks = min(max(0, (length - _HEADER) // _STORED_CHUNK), _chunk_count(size) - 1)
        tail_bytes = b""
        if tail.exists():
            with part.open("rb") as f:
                cipher = _Cipher(self._key, f.read(_HEADER))
            tail_bytes = cipher.open_tail(chunks, tail.read_bytes()) or b""
            if len(tail_bytes) >= CHUNK or chunks * CHUNK + len(tail_bytes) > size:
                tail_bytes = b""
        return _Partial(part, tail, size, chunks, tail_bytes, complete=False)

    def _check_partial(self, sha: str, part: Path, size: int) -> None:
        """Cut a resumed partial after its last chunk that decrypts (a crash can leave a
        chunk half-written, or written past what was fsynced)."""
        last_index = _chunk_count(size) - 1
        good = 0
        end = _HEADER
        with part.open("r+b") as f:
            header = f.read(_HEADER)
            try:
                _Cipher.check_header(header, "a partial download")
            except BlobDamaged:
                header = b""
            if header:
                cipher = _Cipher(self._key, header)
                for index in range(last_index + 1):
                    last = index == last_index
                    want = (size - index * CHUNK if last else CHUNK) + _OVERHEAD
                    stored = f.read(want)
                    if len(stored) < want:
                        break
                    try:
                        cipher.open(index, stored, last=last, sha=bytes.fromhex(sha))
                    except BlobDamaged:
                        break
                    good += 1
                    end += want
            if not header:
                f.seek(0)
                f.write(_Cipher.new_header())
            if f.seek(0, io.SEEK_END) != end:
                log.info("cut a partial download of %s back to %d whole chunks", sha[:12], good)
                f.truncate(end)
                _durable(f)

    @contextlib.contextmanager
    def _temp(self) -> Iterator[tuple[BinaryIO, Path]]:
        """A new file in tmp/; removed unless the caller has renamed it away (callers
        close it first: Windows renames no open file)."""
        fd, name = tempfile.mkstemp(dir=self.folder / "tmp", suffix=".tmp")
        out = os.fdopen(fd, "wb")
        try:
            yield out, Path(name)
        finally:
            out.close()
            Path(name).unlink(missing_ok=True)

    def _place(self, source: Path | str, target: Path) -> None:
        target.parent.mkdir(exist_ok=True)
        os.replace(source, target)
        fsync_dir(target.parent)


def _durable(f: BinaryIO) -> None:
    f.flush()
    os.fsync(f.fileno())


class BlobReader(io.RawIOBase):
    """A stored file's plaintext, decrypted a chunk at a time as it is read. Seekable, so
    a media player can jump; each chunk is authenticated before any of it is returned.
    Opening checks the last chunk, which carries the file's size and name."""

    def __init__(self, handle: BinaryIO, store_key: bytes, sha: str) -> None:
        super().__init__()
        self._handle = handle
        self.sha = sha
        header = handle.read(_HEADER)
        _Cipher.check_header(header, sha[:12])
        self._cipher = _Cipher(store_key, header)
        self._sha = bytes.fromhex(sha)
        stored = handle.seek(0, io.SEEK_END)
        size = _plain_size(stored)
        if size is None:
            raise BlobDamaged(detail=f"{sha[:12]} is cut short or has an impossible length")
        self.size = size
        self._last = _chunk_count(size) - 1
        self._pos = 0
        self._cached = -1
        self._plain = b""
        self._load(self._last)  # truncation or a renamed file shows here, at once

    def _load(self, index: int) -> bytes:
        if index != self._cached:
            last = index == self._last
            self._handle.seek(_HEADER + index * _STORED_CHUNK)
            want = (self.size - index * CHUNK if last else CHUNK) + _OVERHEAD
            stored = self._handle.read(want)
            if len(stored) != want:
                raise BlobDamaged(detail=f"{self.sha[:12]} is cut short")
            self._plain = self._cipher.open(index, stored, last=last, sha=self._sha)
            self._cached = index
        return self._plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            target = offset
        elif whence == io.SEEK_CUR:
            target = self._pos + offset
        elif whence == io.SEEK_END:
            target = self.size + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        if target < 0:
            raise ValueError("negative seek position")
        self._pos = target
        return target

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self.closed:
            raise ValueError("read from a closed blob")
        view = memoryview(buffer).cast("B")
        done = 0
        while done < len(view) and self._pos < self.size:
            index, within = divmod(self._pos, CHUNK)
            plain = self._load(index)
            n = min(len(view) - done, len(plain) - within)
            view[done : done + n] = plain[within : within + n]
            done += n
            self._pos += n
        return done

    def readall(self) -> bytes:
        """The rest of the file, a chunk at a time (RawIOBase's own reads 8 KiB at once)."""
        parts = []
        while self._pos < self.size:
            index, within = divmod(self._pos, CHUNK)
            piece = self._load(index)[within:]
            parts.append(piece)
            self._pos += len(piece)
        return b"".join(parts)

    def close(self) -> None:
        if not self.closed:
            self._handle.close()
            self._plain = b""
        super().close()


# --- the blobs table: what this device holds, has sent and wants ---------------------


@dataclass(frozen=True)
class BlobEntry:
    sha256: str
    size: int
    media: bool
    have: bool
    uploaded: bool
    wanted: bool


def note_local(db: Database, sha: str, size: int, *, media: bool) -> None:
    """Content attached on this device: held, to be sent to HQ (unless it already was).
    A file attached both as media and as a document is fetched like a document."""
    db.execute(
        "INSERT INTO blobs(sha256, size, media, have, uploaded, wanted) VALUES (?, ?, ?, 1, 0, 0) "
        "ON CONFLICT(sha256) DO UPDATE SET have = 1, media = min(media, excluded.media)",
        (check_sha(sha), size, int(media)),
    )


def note_received(db: Database, sha: str) -> None:
    """Content fetched from HQ: held, and HQ has it."""
    db.execute("UPDATE blobs SET have = 1, uploaded = 1 WHERE sha256 = ?", (sha,))


def note_uploaded(db: Database, sha: str) -> None:
    db.execute("UPDATE blobs SET uploaded = 1 WHERE sha256 = ?", (sha,))


def want(db: Database, sha: str) -> bool:
    """Ask for media content on demand; False when no live attachment names it."""
    refresh_index(db, shas=(check_sha(sha),))
    cursor = db.execute("UPDATE blobs SET wanted = 1 WHERE sha256 = ?", (sha,))
    return bool(cursor.rowcount)


def refresh_index(db: Database, store: BlobStore | None = None, shas: tuple[str, ...] = ()) -> None:
    """Give every content a live attachment names a line in `blobs` (rows arrive by
    sync), with media set only when every row naming it is media. With `store`, `have`
    is brought in line with the files actually present."""
    table = ATTACHMENTS.name
    only = f" AND sha256 IN ({', '.join('?' * len(shas))})" if shas else ""
    db.execute(
        "INSERT INTO blobs(sha256, size, media, have, uploaded, wanted) "
        f"SELECT sha256, max(size), min(kind = 'media'), 0, 1, 0 FROM {table} "
        f"WHERE _deleted = 0 AND sha256 IS NOT NULL{only} GROUP BY sha256 "
        "ON CONFLICT(sha256) DO UPDATE SET media = min(blobs.media, excluded.media)",
        shas,
    )
    if store is not None:
        for sha, have in db.query("SELECT sha256, have FROM blobs"):
            present = store.has(sha)
            if bool(have) != present:
                db.execute("UPDATE blobs SET have = ? WHERE sha256 = ?", (int(present), sha))


def entries(db: Database, where: str = "", params: tuple[object, ...] = ()) -> list[BlobEntry]:
    sql = "SELECT sha256, size, media, have, uploaded, wanted FROM blobs"
    if where:
        sql += f" WHERE {where}"
    return [
        BlobEntry(sha, int(size), bool(m), bool(h), bool(u), bool(w))
        for sha, size, m, h, u, w in db.query(sql + " ORDER BY media, size, sha256", params)
    ]


def unreferenced(db: Database, store: BlobStore, among: tuple[str, ...] = ()) -> list[str]:
    """Contents no live attachment names (their records were deleted, or a crash came
    between storing a file and writing its row), among `among` or all held."""
    if among:
        candidates = set(among)
    else:
        candidates = set(store.shas()) | {r[0] for r in db.query("SELECT sha256 FROM blobs")}
    ordered = sorted(candidates)
    named: set[str] = set()
    for start in range(0, len(ordered), 500):
        part = ordered[start : start + 500]
        named.update(
            r[0]
            for r in db.query(
                f"SELECT DISTINCT sha256 FROM {ATTACHMENTS.name} WHERE _deleted = 0 "
                f"AND sha256 IN ({', '.join('?' * len(part))})",
                part,
            )
        )
    return sorted(candidates - named)


def forget(db: Database, store: BlobStore, shas: list[str]) -> int:
    """Delete contents nothing names. Call inside a write transaction that has just
    checked `unreferenced`: the write lock keeps an attachment naming one from being
    committed meanwhile."""
    for sha in shas:
        db.execute("DELETE FROM blobs WHERE sha256 = ?", (sha,))
        store.remove(sha)
    return len(shas)
