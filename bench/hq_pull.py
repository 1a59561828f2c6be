"""hq_pull_rows_per_s: a device's first pull of a 100,000-member branch from HQ.

A fresh HQ database (an SQLite file, and a new PostgreSQL database when one is reachable)
gets a branch whose officer's device pushed 100,000 demo members, merged by
`hq.merge.Batch` in pushes of PUSH_CHANGES as the push endpoint merges them. A second
device of the branch then pulls from cursor 0 until HQ says there is no more, asking
for pages as the sync engine does on a quick link (DEFAULT_PULL_LIMIT fields, a quarter
more each page, up to MAX_PULL_LIMIT). Both sides of the wire are timed, apart:

  HQ      `pull_page` in its read transaction, `PullResponse.to_wire()`, `encode_body`
  client  `decode_body`, `PullResponse.from_wire`

Request signing and HTTP are left out (the same per page whatever its size), and so is
applying the rows (the sync engine's part). The figure is rows per second of the whole
pull, both sides, on the slower database; each database's HQ and client rates are
printed under it, HQ's against its goal (HQ_GOALS: the end-to-end aim is 10,000 rows/s
with the client applying rows too).

PostgreSQL is reached at LIANXIN_BENCH_PG (default postgresql+psycopg://postgres@
127.0.0.1:5432/test, trust auth); the benchmark makes its own database and drops it.
It is vacuumed and analysed after the fill, as autovacuum would after an import of that
size (a test server may run without it).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import psycopg
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.engine import make_url

from bench import report
from desktop.domain import demo
from desktop.store.hlc import HybridClock
from desktop.store.schema import DATA_FORMAT, ROW_CREATED, canonical_json, encode_row
from desktop.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    MAX_PULL_LIMIT,
    Change,
    EnrollRequest,
    PullRequest,
    PullResponse,
    decode_body,
    encode_body,
    encode_public_key,
    now_ms,
)
from hq.app import tune_collector
from hq.db import HqDatabase
from hq.devices import enroll, issue_code
from hq.merge import Batch
from hq.orgs import ROOT_LEVEL, add_org
from hq.pull import pull_page
from hq.scope import DeviceScope

FIGURES = ("hq_pull_rows_per_s",)
MEMBERS = 100_000
#: Changes per push while filling HQ (a device's first push after an import).
PUSH_CHANGES = 2_000
#: What HQ's side of a first pull should reach, rows/s.
HQ_GOALS = {"SQLite": 30_000, "PostgreSQL": 20_000}
PG_ENV = "LIANXIN_BENCH_PG"
PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
SEED = 5
#: Made-up people: a fixed day, so that each run pulls the same rows.
TODAY = date(2025, 6, 1)


@dataclass(frozen=True)
class Result:
    rows: int
    fields: int
    pages: int
    body_bytes: int
    hq_s: float
    client_s: float

    @property
    def total_s(self) -> float:
        return self.hq_s + self.client_s


def _enrol(db: HqDatabase, org_id: str, name: str) -> DeviceScope:
    key = Ed25519PrivateKey.generate()
    with db.write() as conn:
        code = issue_code(conn, org_id, "officer", None, now_ms=now_ms()).code
        request = EnrollRequest(code, encode_public_key(key.public_key()), name, DATA_FORMAT, None)
        device = enroll(conn, request, now_ms=now_ms())
        return DeviceScope.load(conn, device.id, device.org_id, device.level, device.member_id)


def member_changes(owner: str, device: str, count: int) -> list[Change]:
    """`count` demo members as a device logs them: one ROW_CREATED change each."""
    maker = demo._MemberMaker(SEED, TODAY, [])
    clock = HybridClock(device)
    author = "u" + device[-12:]
    audience = canonical_json([])
    out: list[Change] = []
    while len(out) < count:
        for values in maker.batch(min(demo.BATCH, count - len(out))):
            fields = {"owner_org": owner, "audience": audience, **values}
            row = encode_row(fields)
            stamp = str(clock.now())
            out.append(
                Change(
                    len(out) + 1, uuid.uuid4().hex, "members", ROW_CREATED, row, stamp, None, author
                )
            )
    return out


def fill(db: HqDatabase) -> tuple[DeviceScope, float]:
    """Set up HQ with a branch of MEMBERS members pushed by one device; returns the scope
    of a second device of the branch, and the seconds the pushes took."""
    now = now_ms()
    with db.write() as conn:
        db.create_schema(conn, now)
        root = add_org(conn, "海外项目党委", ROOT_LEVEL, None, now_ms=now).id
        branch = add_org(conn, demo.BRANCH_NAME, "branch", root, now_ms=now).id
    writer = _enrol(db, branch, "writer")
    changes = member_changes(branch, writer.device_id, MEMBERS)
    start = time.perf_counter()
    for first in range(0, len(changes), PUSH_CHANGES):
        with db.write() as conn:
            Batch(conn, writer.device_id, writer, now_ms=now_ms()).apply(
                changes[first : first + PUSH_CHANGES]
            )
    took = time.perf_counter() - start
    if db.is_postgres:
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    return _enrol(db, branch, "reader"), took


def first_pull(db: HqDatabase, scope: DeviceScope) -> Result:
    """Every page HQ makes for a device at cursor 0, then their decoding by the client."""
    bodies: list[bytes] = []
    cursor, limit = 0, DEFAULT_PULL_LIMIT
    start = time.perf_counter()
    while True:
        with db.read() as conn:
            page = pull_page(conn, scope, PullRequest(DATA_FORMAT, cursor, limit), now_ms=now_ms())
        bodies.append(encode_body(page.to_wire()))
        cursor = page.next_cursor
        limit = min(MAX_PULL_LIMIT, limit + limit // 4)
        if not page.more:
            break
    middle = time.perf_counter()
    rows = fields = 0
    for body in bodies:
        counts = _decode(body)
        rows += counts[0]
        fields += counts[1]
    client_s = time.perf_counter() - middle
    size = sum(len(body) for body in bodies)
    return Result(rows, fields, len(bodies), size, middle - start, client_s)


def _decode(body: bytes) -> tuple[int, int]:
    """A page as the client decodes it: its rows and fields."""
    page = PullResponse.from_wire(decode_body(body))
    return len(page.rows), sum(len(row.fields) for row in page.rows)


def measure(url: str) -> tuple[Result, float]:
    db = HqDatabase(url)
    try:
        scope, fill_s = fill(db)
        return first_pull(db, scope), fill_s
    finally:
        db.dispose()


@contextlib.contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="lianxin-bench-hq-") as folder:
        yield f"sqlite:///{Path(folder) / 'hq.db'}"


def _libpq(url: str) -> str:
    parsed = make_url(url)
    return (
        f"host={parsed.host or '127.0.0.1'} port={parsed.port or 5432} "
        f"user={parsed.username or 'postgres'} dbname={parsed.database} connect_timeout=3"
    )


@contextlib.contextmanager
def postgres_url(prefix: str = "lianxin_bench") -> Iterator[str | None]:
    """A new PostgreSQL database for this run (dropped after it), or None if there is
    no server to reach."""
    base = os.environ.get(PG_ENV, PG_DEFAULT)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg.connect(_libpq(base), autocommit=True)
    except psycopg.OperationalError as error:
        report.info(f"PostgreSQL left out: not reachable at {base} ({str(error).strip()})")
        yield None
        return
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_libpq(base), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _describe(name: str, result: Result, fill_s: float) -> None:
    hq_rate = result.rows / result.hq_s
    goal = HQ_GOALS[name]
    report.info(
        f"{name}: {result.rows:,} rows ({result.fields:,} fields) in {result.pages} pages, "
        f"{result.body_bytes / 2**20:.1f} MiB on the wire; HQ {hq_rate:,.0f} rows/s "
        f"({result.hq_s:.2f} s; goal {goal:,}: {'met' if hq_rate >= goal else 'MISSED'}), "
        f"client decode {result.rows / result.client_s:,.0f} rows/s ({result.client_s:.2f} s), "
        f"both {result.rows / result.total_s:,.0f} rows/s; "
        f"filled by {MEMBERS // PUSH_CHANGES} pushes in {fill_s:.1f} s"
    )


def run() -> None:
    tune_collector()  # as `lianxin-hq serve` runs
    results: dict[str, Result] = {}
    with sqlite_url() as url:
        results["SQLite"], fill_s = measure(url)
    _describe("SQLite", results["SQLite"], fill_s)
    with postgres_url() as pg:
        if pg is not None:
            results["PostgreSQL"], fill_s = measure(pg)
            _describe("PostgreSQL", results["PostgreSQL"], fill_s)
    slowest = min(results.values(), key=lambda r: r.rows / r.total_s)
    report.figure("hq_pull_rows_per_s", slowest.rows / slowest.total_s, "rows/s")


if __name__ == "__main__":
    run()
