"""Attachment contents between two laptops through a live HQ: records first, documents
right after them, media only on request, and transfers cut mid-way that resume without
sending again what already arrived."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from synckit import LiveHq, sync

from bench.faultproxy import FaultProxy
from desktop.domain.attachments import (
    attach_file,
    list_attachments,
    open_attachment,
    request_attachment,
)
from desktop.domain.members import add_member
from desktop.store import blobs
from desktop.store.workspace import Workspace
from desktop.sync import state
from desktop.sync.engine import SyncEngine, SyncOutcome
from desktop.sync.errors import HqUnreachable
from desktop.sync.transport import Link
from hq.tables import blobs as hq_blobs

MARKER = b"PLAINTEXT-MARKER-"


def content(size: int) -> bytes:
    data = bytearray(os.urandom(size))
    for at in range(0, size - len(MARKER), 8192):
        data[at : at + len(MARKER)] = MARKER
    return bytes(data)


def write(tmp_path: Path, name: str, size: int) -> tuple[Path, bytes]:
    data = content(size)
    path = tmp_path / name
    path.write_bytes(data)
    return path, data


def link_via(ws: Workspace, url: str) -> Link:
    """A link to HQ through `url` (a FaultProxy), signed as this device."""
    found = state.enrolment(ws.db)
    assert found is not None
    return Link(url, device_id=found.device_id, key=found.key)


def sync_files(ws: Workspace, link: Link | None = None) -> SyncOutcome:
    """A sync that moves attachment contents too; must succeed."""
    outcome = SyncEngine(ws.records, link, blobs=ws.blob_store()).run()
    assert outcome.ok, outcome.error
    return outcome


def hq_received(live_hq: LiveHq, sha: str) -> tuple[int, bool]:
    with live_hq.hq.db.read() as conn:
        row = conn.execute(
            select(hq_blobs.c.received, hq_blobs.c.complete).where(hq_blobs.c.sha == sha)
        ).first()
    return (0, False) if row is None else (int(row.received), bool(row.complete))


def no_plaintext(ws: Workspace) -> bool:
    return not any(
        MARKER in p.read_bytes() for p in (ws.folder / "blobs").rglob("*") if p.is_file()
    )


def test_documents_follow_the_records_and_media_comes_on_request(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    branch = live_hq.branch()
    a, b = enrolled("a", branch), enrolled("b", branch)
    member = add_member(a, {"name": "张三"})
    pdf, pdf_data = write(tmp_path, "入党申请书.pdf", 400_000)
    talk, talk_data = write(tmp_path, "党课录音.mp3", 1_500_000)
    document = attach_file(a, "members", member, pdf)
    media = attach_file(a, "members", member, talk)

    sent = sync_files(a)
    assert (sent.files_sent, sent.file_bytes_sent) == (2, len(pdf_data) + len(talk_data))
    assert all(e.uploaded for e in blobs.entries(a.db))
    assert hq_received(live_hq, hashlib.sha256(talk_data).hexdigest()) == (len(talk_data), True)

    got = sync_files(b)
    assert got.pulled_rows >= 3  # the member and its two attachments
    assert (got.files_received, got.file_bytes_received) == (1, len(pdf_data))
    listed = {x.id: x for x in list_attachments(b, "members", member)}
    assert listed[document].available and not listed[media].available
    with open_attachment(b, document) as stream:
        assert stream.read() == pdf_data
    assert no_plaintext(b)

    # Media waits until someone on this laptop asks for it.
    assert sync_files(b).files_received == 0
    assert request_attachment(b, media) is False
    fetched = sync_files(b)
    assert (fetched.files_received, fetched.file_bytes_received) == (1, len(talk_data))
    with open_attachment(b, media) as stream:
        stream.seek(1_000_000)
        assert stream.read(1000) == talk_data[1_000_000:1_001_000]
    # Nothing goes twice: both laptops now hold everything and HQ has it.
    again_a, again_b = sync_files(a), sync_files(b)
    assert again_a.files_sent == again_b.files_received == 0


def test_the_same_file_attached_on_two_laptops_is_sent_once(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    branch = live_hq.branch()
    a, b = enrolled("a", branch), enrolled("b", branch)
    path, data = write(tmp_path, "通知.pdf", 300_000)
    attach_file(a, "members", add_member(a, {"name": "甲"}), path)
    attach_file(b, "members", add_member(b, {"name": "乙"}), path)
    assert sync_files(a).file_bytes_sent == len(data)
    second = sync_files(b)
    assert second.files_sent == 1 and second.file_bytes_sent == 0  # HQ already had it
    assert second.files_received == 0  # and b holds it already


def test_a_cut_upload_resumes_without_sending_again_what_hq_has(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    branch = live_hq.branch()
    a = enrolled("a", branch)
    path, data = write(tmp_path, "会议录像.mp4", 3 * 1024 * 1024)
    sha = hashlib.sha256(data).hexdigest()
    attach_file(a, "members", add_member(a, {"name": "丙"}), path)
    sync(a)  # the records go first (this sync moves no files)
    with FaultProxy(live_hq.port) as proxy:
        proxy.cut_after_bytes(1_500_000, "up")
        cut = SyncEngine(a.records, link_via(a, proxy.url), blobs=a.blob_store()).run()
        assert not cut.ok and isinstance(cut.error, HqUnreachable)
        held, complete = hq_received(live_hq, sha)
        assert 0 < held < len(data) and not complete
        before = proxy.bytes_up
        resumed = sync_files(a, link_via(a, proxy.url))
        sent_on_wire = proxy.bytes_up - before
    assert resumed.files_sent == 1
    assert resumed.file_bytes_sent == len(data) - held
    assert sent_on_wire < len(data) - held + 64 * 1024  # plus headers and the records
    assert hq_received(live_hq, sha) == (len(data), True)


def test_a_cut_download_resumes_from_what_arrived(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    branch = live_hq.branch()
    a, b = enrolled("a", branch), enrolled("b", branch)
    path, data = write(tmp_path, "学习资料.pdf", 3 * 1024 * 1024)
    sha = hashlib.sha256(data).hexdigest()
    attachment = attach_file(a, "members", add_member(a, {"name": "丁"}), path)
    sync_files(a)
    sync(b)  # the rows arrive; the file is fetched through the failing link below
    store = b.blob_store()
    with FaultProxy(live_hq.port) as proxy:
        proxy.cut_after_bytes(1_500_000, "down")
        cut = SyncEngine(b.records, link_via(b, proxy.url), blobs=store).run()
        assert not cut.ok and isinstance(cut.error, HqUnreachable)
        partial = store.partial_offset(sha)
        assert partial is not None and 0 < partial < len(data)
        assert not store.has(sha)
        assert no_plaintext(b)
        before = proxy.bytes_down
        resumed = sync_files(b, link_via(b, proxy.url))
        received_on_wire = proxy.bytes_down - before
    assert resumed.files_received == 1
    assert resumed.file_bytes_received == len(data) - partial
    assert received_on_wire < len(data) - partial + 64 * 1024
    with open_attachment(b, attachment) as stream:
        assert stream.read() == data
    assert no_plaintext(b)


def test_another_branch_gets_neither_the_row_nor_the_file(
    live_hq: LiveHq, enrolled: Callable[..., Workspace], tmp_path: Path
) -> None:
    a = enrolled("a", live_hq.branch())
    c = enrolled("c", live_hq.branch("第二党支部"))
    path, _ = write(tmp_path, "内部.pdf", 10_000)
    attach_file(a, "members", add_member(a, {"name": "戊"}), path)
    sync_files(a)
    outcome = sync_files(c)
    assert outcome.files_received == 0
    assert c.records.count("attachments") == 0
