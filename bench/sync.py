"""Sync figures, through the fault-injecting proxy on loopback to a `lianxin-hq serve`
subprocess (SQLite):

- bootstrap_rows_per_s: a new laptop's first pull of a 100,000-member branch, unthrottled
  (HQ answering, transfer, and applying every row with its search index);
- edits500_requests, bytes_per_changed_field: one sync that sends 500 edits and receives
  500 made on another laptop;
- noop_sync_bytes: a sync with nothing to exchange (one request);
- resume_overhead: a 10,000-row upload cut at 5 random points; bytes sent again over the
  bytes of a clean upload (and 0 duplicates, 0 lost);
- slowlink_500_edits_s: 500 edits sent over 256 kbit/s with 600 ms round trips.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select

from bench import demo_vault, report
from bench.faultproxy import FaultProxy
from desktop.store import meta
from desktop.store.ids import new_id
from desktop.store.replica import Replica
from desktop.store.vault import KdfParams
from desktop.store.workspace import Setup, Workspace
from desktop.sync.engine import SyncEngine, SyncOutcome
from desktop.sync.enrolment import enroll
from desktop.sync.protocol import now_ms
from desktop.sync.transport import Link
from hq.db import HqDatabase
from hq.devices import issue_code
from hq.keys import PASSPHRASE_ENV, HqKeys, sealed_keys, store_keys
from hq.orgs import ROOT_LEVEL, add_org
from hq.tables import changes

FIGURES = (
    "bootstrap_rows_per_s",
    "edits500_requests",
    "bytes_per_changed_field",
    "noop_sync_bytes",
    "resume_overhead",
    "slowlink_500_edits_s",
)
PASSPHRASE = "bench-hq-passphrase"
PASSWORD = "bench sync password"


class BenchHq:
    """A fresh HQ database served by `lianxin-hq serve` behind a FaultProxy."""

    def __init__(self, folder: Path) -> None:
        self.url = f"sqlite:///{folder / 'hq.db'}"
        self.db = HqDatabase(self.url)
        with self.db.write() as conn:
            self.db.create_schema(conn, now_ms())
            store_keys(conn, sealed_keys(HqKeys.generate(), PASSPHRASE))
            self.root = add_org(conn, "党委", ROOT_LEVEL, None, now_ms=now_ms()).id
        port = _free_port()
        bin_dir = Path(sys.executable).parent
        self.process = subprocess.Popen(
            [
                str(bin_dir / "lianxin-hq"),
                "--db",
                self.url,
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env={**os.environ, PASSPHRASE_ENV: PASSPHRASE},
            stdout=subprocess.DEVNULL,
            stderr=None if os.environ.get("BENCH_HQ_LOG") else subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                # Loopback address built above.
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("lianxin-hq serve did not start") from None
                time.sleep(0.2)
        self.proxy = FaultProxy(port).start()

    def branch(self, name: str) -> str:
        with self.db.write() as conn:
            return add_org(conn, name, "branch", self.root, now_ms=now_ms()).id

    def code(self, org: str) -> str:
        with self.db.write() as conn:
            return issue_code(conn, org, "officer", None, now_ms=now_ms()).code

    def duplicates(self) -> int:
        with self.db.read() as conn:
            total = conn.execute(
                select(func.count()).select_from(changes).where(changes.c.device_seq.is_not(None))
            ).scalar_one()
            distinct = conn.execute(
                select(func.count()).select_from(
                    select(changes.c.device, changes.c.device_seq)
                    .where(changes.c.device_seq.is_not(None))
                    .distinct()
                    .subquery()
                )
            ).scalar_one()
        return int(total) - int(distinct)

    def close(self) -> None:
        self.proxy.stop()
        self.process.terminate()
        self.process.wait(10)
        self.db.dispose()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _hq() -> Iterator[tuple[BenchHq, Path]]:
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    hq = BenchHq(folder)
    try:
        yield hq, folder
    finally:
        hq.close()
        shutil.rmtree(folder, ignore_errors=True)


def _laptop(folder: Path, name: str) -> Workspace:
    ws, _ = Workspace.create(
        folder / name, Setup("党委", "支部", "secretary", PASSWORD), kdf=KdfParams()
    )
    return ws


def _enrol(ws: Workspace, hq: BenchHq, org: str) -> None:
    done = enroll(ws, hq.proxy.url, hq.code(org))
    with hq.db.write() as conn:
        for unit_id, name, level, parent in done.subunits:
            add_org(conn, name, level, parent, now_ms=now_ms(), org_id=unit_id)


def _sync(ws: Workspace) -> SyncOutcome:
    outcome = SyncEngine(ws.records).run()
    if not outcome.ok:
        raise RuntimeError(f"sync failed: {outcome.error}")
    return outcome


def _members(ws: Workspace, org: str, count: int) -> list[str]:
    with ws.records.transaction():
        return ws.records.insert_many(
            "members",
            (
                {"name": f"成员{n:05d}", "gender": "male", "phone": f"138{n:08d}"}
                for n in range(count)
            ),
            owner_org=org,
        )


def _edit(ws: Workspace, ids: list[str], tag: str) -> None:
    with ws.records.transaction():
        for n, row_id in enumerate(ids):
            ws.records.update("members", row_id, {"post": f"{tag}{n}"})


# --- figures -----------------------------------------------------------------------------


def bootstrap() -> None:
    source = demo_vault.folder()
    with _hq() as (hq, folder):
        branch = hq.branch(demo_vault.demo.BRANCH_NAME)
        big = folder / "big"
        shutil.copytree(source, big)
        ws = Workspace.unlock(big, demo_vault.USER, demo_vault.PASSWORD)
        try:
            with ws.records.transaction():
                meta.put(ws.db, meta.DEVICE_ID, new_id())
            ws.close()
            ws = Workspace.unlock(big, demo_vault.USER, demo_vault.PASSWORD)
            began = time.perf_counter()
            _enrol(ws, hq, branch)
            _sync(ws)
            report.info(f"upload of the 100,000-member branch: {time.perf_counter() - began:.1f} s")
        finally:
            ws.close()
        fresh = _laptop(folder, "fresh")
        try:
            _enrol(fresh, hq, branch)
            began = time.perf_counter()
            outcome = _sync(fresh)
            took = time.perf_counter() - began
            members = fresh.records.count("members")
        finally:
            fresh.close()
    report.figure("bootstrap_rows_per_s", outcome.pulled_rows / took, "rows/s")
    report.info(
        f"goal >= 10000 rows/s: {'met' if outcome.pulled_rows / took >= 10_000 else 'MISSED'}; "
        f"{outcome.pulled_rows:,} rows ({members:,} members) in {took:.1f} s, "
        f"{outcome.bytes_received / 2**20:.1f} MiB received in {outcome.requests} requests"
    )


def edits_each_way() -> None:
    with _hq() as (hq, folder):
        branch = hq.branch("支部")
        a, b = _laptop(folder, "a"), _laptop(folder, "b")
        try:
            _enrol(a, hq, branch)
            _enrol(b, hq, branch)
            ids = _members(a, branch, 1000)
            _sync(a)
            _sync(b)
            noop = _sync(b)
            report.figure(
                "noop_sync_bytes", noop.bytes_sent + noop.bytes_received, "bytes", goal=1023
            )
            report.info(f"in {noop.requests} request(s)")
            _edit(a, ids[:500], "a")
            _edit(b, ids[500:], "b")
            _sync(a)
            both = _sync(b)
            fields = both.pushed + 500
            report.figure("edits500_requests", both.requests, "requests", goal=4)
            report.figure(
                "bytes_per_changed_field",
                (both.bytes_sent + both.bytes_received) / fields,
                "bytes",
                goal=150,
            )
            report.info(
                f"laptop B sent {both.pushed} edits and received laptop A's 500: "
                f"{both.bytes_sent:,} bytes up, {both.bytes_received:,} down"
            )
            hq.proxy.set_bandwidth(256_000)
            hq.proxy.set_latency(0.3)
            _edit(a, ids[:500], "slow")
            began = time.perf_counter()
            _sync(a)
            slow = time.perf_counter() - began
            hq.proxy.clear_faults()
            report.figure("slowlink_500_edits_s", slow, "s", goal=10)
        finally:
            a.close()
            b.close()


def resume() -> None:
    rng = random.Random(20261121)
    with _hq() as (hq, folder):
        clean_branch, cut_branch = hq.branch("一支部"), hq.branch("二支部")
        clean, cut = _laptop(folder, "clean"), _laptop(folder, "cut")
        try:
            _enrol(clean, hq, clean_branch)
            _enrol(cut, hq, cut_branch)
            _sync(clean)
            _sync(cut)
            _members(clean, clean_branch, 10_000)
            _members(cut, cut_branch, 10_000)
            hq.proxy.reset_counters()
            outcome = SyncEngine(clean.records).run()
            assert outcome.ok, outcome.error
            clean_bytes = hq.proxy.bytes_up
            hq.proxy.reset_counters()
            cuts = sorted(rng.sample(range(1, clean_bytes), 5))
            links: list[Link] = []
            failures = 0
            for point in cuts:
                hq.proxy.cut_after_bytes(max(1, point - hq.proxy.bytes_up), "up")
                links.append(_link(cut))
                failures += not SyncEngine(cut.records, links[-1]).run().ok
            hq.proxy.cancel_cut()
            while Replica(cut.records).outbox_count():
                links.append(_link(cut))
                assert SyncEngine(cut.records, links[-1]).run().ok
            useful = sum(link.bytes_sent for link in links)
            lost_bytes = sum(link.bytes_lost for link in links)
            missing = 10_000 - _count_at_hq(hq, cut_branch)
            total = hq.proxy.bytes_up
        finally:
            clean.close()
            cut.close()
        # Re-sent: every request that got no answer, counted whole (an upper bound: the
        # part after the cut never crossed the link).
        report.figure("resume_overhead", lost_bytes / useful, "", goal=0.10)
        report.info(
            f"{failures} of 5 attempts cut; {lost_bytes:,} bytes in requests cut and sent "
            f"again, over {useful:,} bytes of answered requests (through the proxy: "
            f"{total:,}; a clean upload: {clean_bytes:,}); duplicates at HQ "
            f"{hq.duplicates()}, lost {missing}"
        )


def _link(ws: Workspace) -> Link:
    found = SyncEngine(ws.records).enrolment
    return Link(found.server, device_id=found.device_id, key=found.key)


def _count_at_hq(hq: BenchHq, org: str) -> int:
    from hq.tables import row_state

    with hq.db.read() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(row_state)
                .where(row_state.c.tbl == "members", row_state.c.owner_org == org)
            ).scalar_one()
        )


def run() -> None:
    edits_each_way()
    resume()
    bootstrap()
