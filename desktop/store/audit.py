"""The audit trail: who changed what, when, from which device, hash-chained.

Every committed transaction's changes form one block. A block's digest covers each of
its changes in order (sequence number, row, table, field, value, clocks, author,
device); its hash covers the digest and the previous block's hash. Altering, removing or
reordering any change, or any block, breaks the chain at that point, and `verify` says
where.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from desktop.store.db import Database

GENESIS = "0" * 64
#: Rows encoded at a time for a digest.
_DIGEST_CHUNK = 256


def _encode(value: Any) -> Any:
    """What json cannot encode by itself: blobs as {"hex": …}, row objects as lists."""
    if isinstance(value, bytes):
        return {"hex": value.hex()}
    if isinstance(value, Sequence):
        return list(value)
    raise TypeError(f"cannot digest a {type(value).__name__}")


def change_digest(changes: Sequence[Sequence[Any]]) -> str:
    """Digest of (seq, row_id, tbl, col, value, hlc, base_hlc, author, device, device_seq)."""
    # Tuples encode as JSON arrays; passing the rows as they are (with `default` for the
    # rare blob) keeps the whole encoding in json's C code: a 100k-member import seals
    # two million changes. The text hashed is the JSON array of all the rows, encoded a
    # few hundred rows at a time: the same bytes in half the time (small strings stay in
    # the CPU's cache) and without a gigabyte-sized string.
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_encode).encode
    digest = hashlib.sha256(b"[")
    for start in range(0, len(changes), _DIGEST_CHUNK):
        if start:
            digest.update(b",")
        digest.update(encode(changes[start : start + _DIGEST_CHUNK])[1:-1].encode())
    digest.update(b"]")
    return digest.hexdigest()


def block_hash(
    prev_hash: str,
    block_id: int,
    first: int,
    last: int,
    author: str | None,
    device: str,
    at: str,
    digest: str,
) -> str:
    text = f"{prev_hash}|{block_id}|{first}|{last}|{author or ''}|{device}|{at}|{digest}"
    return hashlib.sha256(text.encode()).hexdigest()


def append_block(
    db: Database, changes: Sequence[Sequence[Any]], *, author: str | None, device: str
) -> int:
    """Write `changes` (without seq) to the change log and seal them into a new block."""
    head = db.query("SELECT id, hash FROM audit_blocks ORDER BY id DESC LIMIT 1")
    block_id, prev = (head[0][0] + 1, head[0][1]) if head else (1, GENESIS)
    first = int(db.scalar("SELECT coalesce(max(seq), 0) FROM changes")) + 1
    # The rows as digested; the block number, the same for all, is part of the statement
    # (an int we made), so two million changes are not copied once more to carry it.
    rows = [(first + i, *c) for i, c in enumerate(changes)]
    db.executemany(
        "INSERT INTO changes (seq, row_id, tbl, col, value, hlc, base_hlc, author, device, "
        f"device_seq, block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {int(block_id)})",
        rows,
    )
    last = first + len(rows) - 1
    at = datetime.now(UTC).isoformat(timespec="seconds")
    digest = change_digest(rows)
    db.execute(
        "INSERT INTO audit_blocks (id, first_seq, last_seq, author, device, at, digest, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            block_id,
            first,
            last,
            author,
            device,
            at,
            digest,
            prev,
            block_hash(prev, block_id, first, last, author, device, at, digest),
        ),
    )
    return block_id


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    blocks: int
    changes: int
    #: The first block that does not verify, and why (None when ok).
    bad_block: int | None = None
    reason: str = ""


def verify(db: Database) -> AuditReport:
    prev = GENESIS
    expected_id = 1
    expected_seq = 1
    blocks = changes = 0
    for block in db.query(
        "SELECT id, first_seq, last_seq, author, device, at, digest, prev_hash, hash "
        "FROM audit_blocks ORDER BY id"
    ):
        block_id, first, last, author, device, at, digest, prev_hash, stored = block

        problem = ""
        if block_id != expected_id:
            problem = "a block is missing before this one"
        elif prev_hash != prev:
            problem = "the link to the previous block is broken"
        elif first != expected_seq or last < first:
            problem = "changes are missing between blocks"
        if problem:
            return AuditReport(False, blocks, changes, block_id, problem)
        rows = db.query(
            "SELECT seq, row_id, tbl, col, value, hlc, base_hlc, author, device, device_seq "
            "FROM changes WHERE seq BETWEEN ? AND ? ORDER BY seq",
            (first, last),
        )
        if len(rows) != last - first + 1:
            problem = "changes were removed"
        elif change_digest(rows) != digest:
            problem = "a change was altered"
        elif block_hash(prev, block_id, first, last, author, device, at, digest) != stored:
            problem = "the block itself was altered"
        if problem:
            return AuditReport(False, blocks, changes, block_id, problem)
        prev, expected_id, expected_seq = stored, block_id + 1, last + 1
        blocks += 1
        changes += len(rows)
    extra = db.scalar("SELECT count(*) FROM changes WHERE seq >= ?", (expected_seq,))
    if extra:
        return AuditReport(False, blocks, changes, expected_id, "changes exist outside any block")
    return AuditReport(True, blocks, changes)
