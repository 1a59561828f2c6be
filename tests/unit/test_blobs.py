"""The encrypted blob store, and attaching files to records.

Contents are stored once, encrypted in chunks that fail loudly when altered, cut,
reordered or renamed; downloads in pieces survive a crash at any point; and no byte of
plaintext ever reaches the data folder.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.domain.attachments import (
    attach_file,
    export_attachment,
    get_attachment,
    guess_kind,
    list_attachments,
    open_attachment,
    remove_attachment,
    request_attachment,
)
from desktop.domain.members import add_member
from desktop.store import blobs
from desktop.store.blobs import (
    CHUNK,
    BlobDamaged,
    BlobMissing,
    BlobStore,
    OffsetMismatch,
    stored_size,
)
from desktop.store.errors import PermissionDenied, RecordNotFound
from desktop.store.workspace import User, Workspace

MARKER = b"PLAINTEXT-MARKER-\xe8\xbf\x9e\xe5\xbf\x83-"
SIZES = (0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5)


@pytest.fixture
def store(tmp_path: Path) -> BlobStore:
    return BlobStore(tmp_path / "blobs", os.urandom(32))


def content(size: int) -> bytes:
    """Random bytes with the marker sprinkled in (so a plaintext leak is findable)."""
    data = bytearray(os.urandom(size))
    for at in range(0, max(0, size - len(MARKER)), 4096):
        data[at : at + len(MARKER)] = MARKER
    return bytes(data)


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def assert_no_plaintext(folder: Path) -> None:
    leaks = [p for p in files_under(folder) if MARKER in p.read_bytes()]
    assert not leaks, f"plaintext found in {leaks}"


def sha_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- whole files -------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_a_file_comes_back_as_it_went_in(store: BlobStore, tmp_path: Path, size: int) -> None:
    data = content(size)
    source = tmp_path / "in.bin"
    source.write_bytes(data)
    sha, stored = store.put_file(source)
    assert (sha, stored) == (sha_of(data), size)
    assert store.has(sha) and store.size(sha) == size
    assert store.path(sha) == store.folder / sha[:2] / sha
    assert store.path(sha).stat().st_size == stored_size(size)
    with store.open(sha) as reader:
        assert reader.size == size
        assert reader.read() == data
    assert store.put_bytes(data) == (sha, size)
    store.verify(sha)


def test_the_same_content_is_stored_once(store: BlobStore, tmp_path: Path) -> None:
    data = content(200_000)
    for name in ("a.pdf", "b.pdf"):
        (tmp_path / name).write_bytes(data)
    first = store.put_file(tmp_path / "a.pdf")
    assert store.put_file(tmp_path / "b.pdf") == first
    assert store.put_bytes(data) == first
    assert [p.name for p in files_under(store.folder)] == [first[0]]
    assert list(store.shas()) == [first[0]]
    assert not any((store.folder / "tmp").iterdir())


def test_reads_seek_anywhere(store: BlobStore) -> None:
    data = content(5 * CHUNK + 123)
    sha, _ = store.put_bytes(data)
    rng = random.Random(7)
    with store.open(sha) as reader:
        assert reader.seekable() and reader.readable() and not reader.writable()
        for _ in range(200):
            at = rng.randrange(0, len(data) + 10)
            n = rng.randrange(0, 3 * CHUNK)
            assert reader.seek(at) == at
            assert reader.read(n) == data[at : at + n]
            expected = min(len(data), at + n) if at <= len(data) else at
            assert reader.tell() == expected
        assert reader.seek(-10, io.SEEK_END) == len(data) - 10
        assert reader.read() == data[-10:]
        reader.seek(100)
        reader.seek(50, io.SEEK_CUR)
        assert reader.read(5) == data[150:155]
        buffered = io.BufferedReader(reader)  # what a Qt wrapper may stack on top
        buffered.seek(CHUNK - 2)
        assert buffered.read(4) == data[CHUNK - 2 : CHUNK + 2]
        with pytest.raises(ValueError):
            reader.seek(-1)


def test_export_is_the_only_plaintext_and_is_checked(store: BlobStore, tmp_path: Path) -> None:
    data = content(150_000)
    sha, _ = store.put_bytes(data)
    (tmp_path / "out").mkdir()
    out = store.export(sha, tmp_path / "out" / "copy.pdf")
    assert out.read_bytes() == data
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["copy.pdf"]
    assert_no_plaintext(store.folder)
    with pytest.raises(BlobMissing):
        store.export(sha_of(b"absent"), tmp_path / "out" / "none.pdf")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["copy.pdf"]


def test_another_key_cannot_read_the_files(store: BlobStore) -> None:
    sha, _ = store.put_bytes(content(1000))
    stranger = BlobStore(store.folder, os.urandom(32))
    with pytest.raises(BlobDamaged):
        stranger.open(sha)


def test_the_store_key_derives_from_the_database_key(tmp_path: Path) -> None:
    db_key = os.urandom(32)
    one = BlobStore.for_database_key(tmp_path / "blobs", db_key)
    sha, _ = one.put_bytes(b"minutes of the branch meeting")
    again = BlobStore.for_database_key(tmp_path / "blobs", db_key)
    with again.open(sha) as reader:
        assert reader.read() == b"minutes of the branch meeting"
    # The database key itself does not open them.
    with pytest.raises(BlobDamaged):
        BlobStore(tmp_path / "blobs", db_key).open(sha)


# --- tampering ---------------------------------------------------------------------------


def _stored(store: BlobStore, size: int) -> tuple[str, bytes, bytearray]:
    data = content(size)
    sha, _ = store.put_bytes(data)
    return sha, data, bytearray(store.path(sha).read_bytes())


def _read_all(store: BlobStore, sha: str) -> bytes:
    with store.open(sha) as reader:
        return reader.read()


def test_a_changed_byte_is_detected(store: BlobStore) -> None:
    sha, data, raw = _stored(store, 3 * CHUNK)
    raw[24 + (CHUNK + 28) + 40] ^= 1  # inside the second chunk's ciphertext
    store.path(sha).write_bytes(raw)
    with store.open(sha) as reader:
        assert reader.read(100) == data[:100]  # the first chunk is intact
        with pytest.raises(BlobDamaged):
            reader.read()
    with pytest.raises(BlobDamaged):
        store.verify(sha)


@pytest.mark.parametrize("cut", ["chunk", "byte", "header"])
def test_a_cut_file_is_detected(store: BlobStore, cut: str) -> None:
    sha, _, raw = _stored(store, 3 * CHUNK + 10)
    keep = {"chunk": len(raw) - (10 + 28), "byte": len(raw) - 1, "header": 10}[cut]
    store.path(sha).write_bytes(raw[:keep])
    with pytest.raises(BlobDamaged):
        _read_all(store, sha)


def test_reordered_chunks_are_detected(store: BlobStore) -> None:
    sha, _, raw = _stored(store, 3 * CHUNK)
    header, step = 24, CHUNK + 28
    first, second = raw[header : header + step], raw[header + step : header + 2 * step]
    raw[header : header + 2 * step] = second + first
    store.path(sha).write_bytes(raw)
    with pytest.raises(BlobDamaged):
        _read_all(store, sha)


def test_a_file_renamed_to_another_content_is_detected(store: BlobStore) -> None:
    _, _, raw = _stored(store, 1000)
    other = sha_of(b"other content")
    store.path(other).parent.mkdir(exist_ok=True)
    store.path(other).write_bytes(bytes(raw))
    with pytest.raises(BlobDamaged):
        store.open(other)


def test_an_extended_file_is_detected(store: BlobStore) -> None:
    sha, _, raw = _stored(store, CHUNK + 5)
    store.path(sha).write_bytes(bytes(raw) + bytes(raw[24:]))
    with pytest.raises(BlobDamaged):
        _read_all(store, sha)


# --- downloads in pieces -------------------------------------------------------------------


def _receive(store: BlobStore, sha: str, data: bytes, offset: int, rng: random.Random) -> int:
    while offset < len(data):
        n = rng.randrange(1, 3 * CHUNK)
        offset = store.append(sha, offset, data[offset : offset + n])
    return offset


@pytest.mark.parametrize("size", SIZES)
def test_a_download_in_pieces_becomes_visible_only_when_checked(
    store: BlobStore, size: int
) -> None:
    data = content(size)
    sha = sha_of(data)
    assert store.begin(sha, size) == 0
    assert store.partial_offset(sha) == 0
    _receive(store, sha, data, 0, random.Random(size))
    assert not store.has(sha)
    store.finish(sha)
    assert store.has(sha) and _read_all(store, sha) == data
    assert store.partial_offset(sha) is None
    assert not any((store.folder / "partial").iterdir())


def test_a_download_resumes_after_a_crash(store: BlobStore) -> None:
    data = content(10 * CHUNK + 777)
    sha = sha_of(data)
    store.begin(sha, len(data))
    held = store.append(sha, 0, data[: 3 * CHUNK + 100])  # three chunks and a tail
    assert held == 3 * CHUNK + 100
    # The process dies. A new store (a restarted app) finds exactly what was durable.
    again = BlobStore(store.folder, store._key)
    assert again.begin(sha, len(data)) == held
    rest = _receive(again, sha, data, held, random.Random(1))
    assert rest == len(data)
    again.finish(sha)
    assert _read_all(again, sha) == data


def test_a_crash_mid_write_is_cut_back_to_what_is_whole(store: BlobStore) -> None:
    data = content(6 * CHUNK)
    sha = sha_of(data)
    store.begin(sha, len(data))
    store.append(sha, 0, data[: 2 * CHUNK])
    [part] = [p for p in (store.folder / "partial").iterdir() if not p.name.endswith(".tail")]
    # A half-written third chunk, and a whole-length chunk of garbage after it.
    with part.open("ab") as f:
        f.write(os.urandom(CHUNK // 2))
    assert BlobStore(store.folder, store._key).begin(sha, len(data)) == 2 * CHUNK
    with part.open("ab") as f:
        f.write(os.urandom(CHUNK + 28))
    assert store.begin(sha, len(data)) == 2 * CHUNK
    _receive(store, sha, data, 2 * CHUNK, random.Random(2))
    store.finish(sha)
    assert _read_all(store, sha) == data


def test_a_crash_between_chunks_and_tail_keeps_the_whole_chunks(store: BlobStore) -> None:
    data = content(4 * CHUNK)
    sha = sha_of(data)
    store.begin(sha, len(data))
    store.append(sha, 0, data[:100])  # a tail only
    [tail] = (store.folder / "partial").glob("*.tail")
    old_tail = tail.read_bytes()
    store.append(sha, 100, data[100 : CHUNK + 50])  # chunk 0 written, new tail
    tail.write_bytes(old_tail)  # as if the crash came before the new tail was renamed
    assert store.begin(sha, len(data)) == CHUNK
    _receive(store, sha, data, CHUNK, random.Random(3))
    store.finish(sha)
    assert _read_all(store, sha) == data


def test_appending_elsewhere_than_the_end_is_refused(store: BlobStore) -> None:
    data = content(3 * CHUNK)
    sha = sha_of(data)
    store.begin(sha, len(data))
    store.append(sha, 0, data[:1000])
    with pytest.raises(OffsetMismatch) as wrong:
        store.append(sha, 500, data[500:2000])
    assert wrong.value.held == 1000
    with pytest.raises(ValueError, match="past its size"):
        store.append(sha, 1000, data[1000:] + b"x")
    with pytest.raises(ValueError, match="bytes held"):
        store.finish(sha)


def test_a_download_that_is_not_its_sha_is_discarded(store: BlobStore) -> None:
    data = content(2 * CHUNK + 9)
    sha = sha_of(b"what it was supposed to be")
    store.begin(sha, len(data))
    _receive(store, sha, data, 0, random.Random(4))
    with pytest.raises(BlobDamaged):
        store.finish(sha)
    assert not store.has(sha)
    assert not any((store.folder / "partial").iterdir())
    assert store.begin(sha, len(data)) == 0


def test_a_partial_of_another_size_starts_over(store: BlobStore) -> None:
    data = content(3 * CHUNK)
    sha = sha_of(data)
    store.begin(sha, len(data) + 5)
    store.append(sha, 0, data[:CHUNK])
    assert store.begin(sha, len(data)) == 0
    _receive(store, sha, data, 0, random.Random(5))
    store.finish(sha)
    assert _read_all(store, sha) == data


def test_no_plaintext_ever_reaches_the_folder(store: BlobStore, tmp_path: Path) -> None:
    data = content(5 * CHUNK + 300)
    source = tmp_path / "source.bin"
    source.write_bytes(data)
    store.put_file(source)
    assert_no_plaintext(store.folder)
    other = content(4 * CHUNK + 10)
    sha = sha_of(other)
    store.begin(sha, len(other))
    store.append(sha, 0, other[: 2 * CHUNK + 5000])  # whole chunks and a tail
    assert (store.folder / "partial").exists()
    assert_no_plaintext(store.folder)
    store.append(sha, 2 * CHUNK + 5000, other[2 * CHUNK + 5000 :])
    store.finish(sha)
    assert_no_plaintext(store.folder)
    with store.open(sha) as reader:
        reader.read()
    assert_no_plaintext(store.folder)


def test_storing_a_large_file_takes_constant_memory(store: BlobStore, tmp_path: Path) -> None:
    source = tmp_path / "video.mp4"
    with source.open("wb") as f:
        for _ in range(24):
            f.write(os.urandom(1024 * 1024))
    tracemalloc.start()
    try:
        sha, size = store.put_file(source)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size == 24 * 1024 * 1024
    assert peak < 2 * 1024 * 1024, f"peak {peak} bytes"
    store.verify(sha)


# --- attaching files to records ------------------------------------------------------------


@pytest.fixture
def ws(workspace: Callable[..., Workspace]) -> Workspace:
    return workspace()


def _file(tmp_path: Path, name: str, size: int) -> tuple[Path, bytes]:
    data = content(size)
    path = tmp_path / name
    path.write_bytes(data)
    return path, data


def test_kinds_are_guessed_from_the_name() -> None:
    assert guess_kind("入党申请书.pdf") == ("application/pdf", "document")
    assert guess_kind("scan.PNG") == ("image/png", "image")
    assert guess_kind("讲座.mp3")[1] == "media"
    assert guess_kind("meeting.mp4") == ("video/mp4", "media")
    assert guess_kind("notes") == (None, "document")


def test_a_file_is_attached_to_a_member(ws: Workspace, tmp_path: Path) -> None:
    member = add_member(ws, {"name": "张三"})
    pdf, pdf_data = _file(tmp_path, "申请书.pdf", 300_000)
    talk, talk_data = _file(tmp_path, "talk.mp3", 100_000)
    doc_id = attach_file(ws, "members", member, pdf)
    media_id = attach_file(ws, "members", member, talk)
    row = ws.records.require("attachments", doc_id)
    held = ws.records.require("members", member)
    assert (row["owner_org"], row["audience"]) == (held["owner_org"], held["audience"])
    assert (row["name"], row["kind"], row["mime"]) == ("申请书.pdf", "document", "application/pdf")
    assert (row["sha256"], row["size"]) == (sha_of(pdf_data), len(pdf_data))
    listed = list_attachments(ws, "members", member)
    assert [(a.id, a.kind, a.available) for a in listed] == [
        (doc_id, "document", True),
        (media_id, "media", True),
    ]
    entries = {e.sha256: e for e in blobs.entries(ws.db)}
    assert entries[sha_of(pdf_data)] == blobs.BlobEntry(
        sha_of(pdf_data), len(pdf_data), False, True, False, False
    )
    assert entries[sha_of(talk_data)].media
    with open_attachment(ws, media_id) as stream:
        stream.seek(50_000)
        assert stream.read(10) == talk_data[50_000:50_010]
    out = export_attachment(ws, doc_id, tmp_path)
    assert out == tmp_path / "申请书.pdf" and out.read_bytes() == pdf_data
    # The change log carries the row, never the content.
    values = [r[0] for r in ws.db.query("SELECT value FROM changes WHERE tbl = 'attachments'")]
    assert not any(MARKER in (v if isinstance(v, bytes) else str(v).encode()) for v in values)
    assert_no_plaintext(ws.folder / "blobs")
    assert get_attachment(ws, doc_id).size == len(pdf_data)


def test_removing_an_attachment_deletes_content_nothing_else_names(
    ws: Workspace, tmp_path: Path
) -> None:
    member = add_member(ws, {"name": "李四"})
    path, data = _file(tmp_path, "scan.png", 5000)
    first = attach_file(ws, "members", member, path)
    second = attach_file(ws, "members", member, path, name="scan again.png")
    store = ws.blob_store()
    sha = sha_of(data)
    remove_attachment(ws, first)
    assert store.has(sha)  # the second attachment still names it
    remove_attachment(ws, second)
    assert not store.has(sha)
    assert blobs.entries(ws.db) == []
    assert list_attachments(ws, "members", member) == []
    with pytest.raises(RecordNotFound):
        open_attachment(ws, second)


def test_only_officers_attach_and_members_see_only_their_own(ws: Workspace, tmp_path: Path) -> None:
    mine = add_member(ws, {"name": "王五"})
    theirs = add_member(ws, {"name": "赵六"})
    path, _ = _file(tmp_path, "a.pdf", 100)
    on_mine = attach_file(ws, "members", mine, path)
    attach_file(ws, "members", theirs, path)
    ws.user = User(ws.user.id, ws.user.name, "member", mine)
    with pytest.raises(PermissionDenied):
        attach_file(ws, "members", mine, path)
    with pytest.raises(PermissionDenied):
        remove_attachment(ws, on_mine)
    assert [a.id for a in list_attachments(ws, "members", mine)] == [on_mine]
    assert list_attachments(ws, "members", theirs) == []
    with open_attachment(ws, on_mine) as stream:
        assert len(stream.read()) == 100


def test_media_not_fetched_yet_can_be_requested(ws: Workspace, tmp_path: Path) -> None:
    member = add_member(ws, {"name": "孙七"})
    path, data = _file(tmp_path, "video.mp4", 2000)
    attachment = attach_file(ws, "members", member, path)
    store = ws.blob_store()
    store.remove(sha_of(data))  # as on a device that holds only the row
    assert not get_attachment(ws, attachment).available
    with pytest.raises(BlobMissing):
        open_attachment(ws, attachment)
    assert request_attachment(ws, attachment) is False
    assert get_attachment(ws, attachment).requested
    assert [e.wanted for e in blobs.entries(ws.db)] == [True]


def test_files_attach_only_to_records_that_exist(ws: Workspace, tmp_path: Path) -> None:
    path, _ = _file(tmp_path, "a.pdf", 10)
    with pytest.raises(RecordNotFound):
        attach_file(ws, "members", "no-such-member", path)
    member = add_member(ws, {"name": "周八"})
    for table in ("users", "attachments", "nonsense"):
        with pytest.raises(Exception, match="cannot be attached"):
            attach_file(ws, table, member, path)
    with pytest.raises(Exception, match="no file"):
        attach_file(ws, "members", member, tmp_path / "missing.pdf")
