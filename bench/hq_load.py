"""hq_changes_per_s and hq_p99_s: HQ serving 200 devices that sync at the same time.

A new PostgreSQL database is set up with `lianxin-hq init` and served by `lianxin-hq
serve --workers 2` on a free loopback port, as an operator would run it. HQ gets one
branch per DEVICES_PER_BRANCH devices; DEVICES officer devices enrol over HTTP, each
with a one-time code and an Ed25519 key of its own. Then every device syncs at once:
it pushes CHANGES changes in pushes of PUSH_CHANGES (new members, and edits of its
members' fields as an officer makes them), then pulls its branch from the start until
HQ has no more.

  hq_changes_per_s  changes HQ accepted / the wall time of the whole sync
  hq_p99_s          99th percentile of the requests' times (pushes and pulls)
  hq_cpu_ms_per_change  processor time HQ's processes and PostgreSQL's used during the
                    sync, per change accepted: on a machine whose cores the clients
                    share (as here), the cores over this bound the other two figures

Every request must succeed; refusals and failures are counted and shown. The devices
run as threads in CLIENT_PROCESSES processes, with every push body made and signed
before the start, so that the client is not what is measured (a pull is signed when
its cursor is known, and its answer is decoded but not read into objects); the client
processes run at the lowest priority, as devices elsewhere would take none of HQ's
processor time.

PostgreSQL is reached as for bench.hq_pull (LIANXIN_BENCH_PG); the database is dropped
at the end, and the server stopped.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bench import report
from bench.hq_pull import postgres_url
from desktop.domain import demo
from desktop.store.hlc import HybridClock
from desktop.store.schema import DATA_FORMAT, ROW_CREATED, encode_row
from desktop.sync.protocol import (
    CONTENT_TYPE,
    DEFAULT_PULL_LIMIT,
    ENROLL_PATH,
    PULL_PATH,
    PUSH_PATH,
    Change,
    EnrollRequest,
    EnrollResponse,
    PullRequest,
    PushRequest,
    PushResponse,
    Value,
    decode_body,
    encode_body,
    encode_public_key,
    now_ms,
    sign_request,
)
from hq.db import HqDatabase
from hq.devices import issue_code
from hq.keys import PASSPHRASE_ENV
from hq.orgs import add_org, list_orgs

FIGURES = ("hq_changes_per_s", "hq_p99_s", "hq_cpu_ms_per_change")
DEVICES = 200
DEVICES_PER_BRANCH = 10
CHANGES = 100
PUSH_CHANGES = 20
#: New members in each of a device's pushes; the rest of each push edits its members.
CREATES_PER_PUSH = (20, 10, 5, 5, 0)
CLIENT_PROCESSES = 4
WORKERS = 2
GOAL_P99_S = 2.0
GOAL_CHANGES_PER_S = 2_000
#: Not a secret: it seals the keys of a throwaway HQ.
PASSPHRASE = "bench-hq-load-passphrase"
TIMEOUT_S = 120
SEED = 9
#: Fields an officer edits, and values for them.
EDITS: dict[str, Sequence[str]] = {
    "phone": ("13800000000", "13911112222", "+213 550123456", "+971 501234567"),
    "post": ("电工", "钢筋工", "项目经理", "安全员", "司机"),
    "education": ("大学本科", "大学专科", "研究生", "高中"),
    "party_post": ("", "党小组组长", "宣传委员"),
    "work_unit": ("中建八局阿尔及利亚嘉玛大清真寺项目部", "中建八局第三建设有限公司"),
}

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Enrolled:
    device_id: str
    key: bytes  # raw Ed25519 private key
    org_id: str


@dataclass
class Outcome:
    """What one client process saw: per device, the changes HQ accepted; per request,
    its time; and every failure."""

    accepted: int = 0
    pulled_rows: int = 0
    requests: int = 0
    #: Request times by endpoint path (pushes, pulls).
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, other: Outcome) -> None:
        self.accepted += other.accepted
        self.pulled_rows += other.pulled_rows
        self.requests += other.requests
        for path, times in other.latencies.items():
            self.latencies.setdefault(path, []).extend(times)
        self.errors += other.errors

    def times(self) -> list[float]:
        """Every request's time."""
        return [t for times in self.latencies.values() for t in times]


# --- the server --------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _hq_command(url: str, *args: str) -> list[str]:
    # `python -m hq.cli` is `lianxin-hq`, whether or not its script is on the PATH.
    return [sys.executable, "-m", "hq.cli", "--db", url, *args]


@contextmanager
def served(url: str, log_file: Path) -> Iterator[tuple[str, int]]:
    """`lianxin-hq serve` on a free port for the duration; yields its base URL and the
    process id of its parent process."""
    port = _free_port()
    env = dict(os.environ, **{PASSPHRASE_ENV: PASSPHRASE})
    with log_file.open("wb") as out:
        server = subprocess.Popen(
            _hq_command(
                url, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS)
            ),
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its workers share its process group: stopped together
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(base, server)
            yield base, server.pid
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def _wait_healthy(base: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"lianxin-hq serve exited with {server.returncode}")
        try:
            if requests.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise RuntimeError("lianxin-hq serve did not answer /health within a minute")


def set_up(url: str) -> tuple[list[str], list[str]]:
    """`lianxin-hq init`, the branches and one enrolment code per device (as `org add`
    and `enroll` make them); returns the branch ids and the codes."""
    env = dict(os.environ, **{PASSPHRASE_ENV: PASSPHRASE})
    subprocess.run(
        _hq_command(url, "init", "--name", demo.ORG_NAME),
        env=env,
        check=True,
        capture_output=True,
        timeout=TIMEOUT_S,
    )
    db = HqDatabase(url)
    try:
        with db.write() as conn:
            [root] = list_orgs(conn)
            branches = [
                add_org(conn, f"第{n + 1}项目党支部", "branch", root.id, now_ms=now_ms()).id
                for n in range(DEVICES // DEVICES_PER_BRANCH)
            ]
            codes = [
                issue_code(
                    conn, branches[n // DEVICES_PER_BRANCH], "officer", None, now_ms=now_ms()
                )
                for n in range(DEVICES)
            ]
    finally:
        db.dispose()
    return branches, [issued.code for issued in codes]


def enrol_all(base: str, codes: Sequence[str]) -> list[Enrolled]:
    """Each device enrols over HTTP with a key of its own, as the desktop app does."""
    out = []
    with requests.Session() as session:
        for n, code in enumerate(codes):
            key = Ed25519PrivateKey.generate()
            request = EnrollRequest(
                code, encode_public_key(key.public_key()), f"laptop-{n}", DATA_FORMAT
            )
            body = encode_body(request.to_wire())
            headers = sign_request(key, "new", "POST", ENROLL_PATH, body)
            headers["Content-Type"] = CONTENT_TYPE
            answer = session.post(base + ENROLL_PATH, data=body, headers=headers, timeout=30)
            answer.raise_for_status()
            enrolled = EnrollResponse.from_wire(decode_body(answer.content))
            raw = key.private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            )
            out.append(Enrolled(enrolled.device_id, raw, enrolled.org_id))
    return out


# --- the devices -------------------------------------------------------------------------


def device_pushes(device: Enrolled, rng: random.Random) -> list[PushRequest]:
    """A device's day of work: CHANGES changes in pushes of PUSH_CHANGES, new members
    first, then edits of their fields, each stamped by the device's clock on its base."""
    maker = demo._MemberMaker(rng.randrange(1 << 30), date(2025, 6, 1), [])
    clock = HybridClock(device.device_id)
    author = "u" + device.device_id[-12:]
    stamps: dict[str, dict[str, str]] = {}  # row id -> field -> its stamp
    changes: list[Change] = []
    pushes = []
    for creates in CREATES_PER_PUSH:
        batch: list[Change] = []
        for values in maker.batch(creates) if creates else []:
            row_id = os.urandom(16).hex()
            fields: dict[str, Value] = {"owner_org": device.org_id, "audience": "[]", **values}
            stamp = str(clock.now())
            seq = len(changes) + len(batch) + 1
            batch.append(
                Change(seq, row_id, "members", ROW_CREATED, encode_row(fields), stamp, None, author)
            )
            stamps[row_id] = dict.fromkeys(fields, stamp)
        while len(batch) < PUSH_CHANGES:
            row_id = rng.choice(sorted(stamps))
            col = rng.choice(sorted(EDITS))
            stamp = str(clock.now())
            base = stamps[row_id].get(col) or stamps[row_id]["owner_org"]
            seq = len(changes) + len(batch) + 1
            value = rng.choice(EDITS[col])
            batch.append(Change(seq, row_id, "members", col, value, stamp, base, author))
            stamps[row_id][col] = stamp
        changes += batch
        pushes.append(
            PushRequest(
                DATA_FORMAT, batch[0].device_seq, batch[-1].device_seq, tuple(batch), now_ms()
            )
        )
    return pushes


def _signed(key: Ed25519PrivateKey, device_id: str, path: str, body: bytes) -> dict[str, str]:
    headers = sign_request(key, device_id, "POST", path, body)
    headers["Content-Type"] = CONTENT_TYPE
    return headers


def _sync(
    base: str,
    device: Enrolled,
    pushes: Sequence[tuple[bytes, dict[str, str]]],
    start: threading.Event,
    outcome: Outcome,
    lock: threading.Lock,
) -> None:
    key = Ed25519PrivateKey.from_private_bytes(device.key)
    mine = Outcome()
    errors = mine.errors
    with requests.Session() as session:
        start.wait()

        def post(path: str, body: bytes, headers: dict[str, str]) -> bytes | None:
            began = time.perf_counter()
            try:
                answer = session.post(base + path, data=body, headers=headers, timeout=TIMEOUT_S)
            except requests.RequestException as error:
                errors.append(f"{path}: {type(error).__name__}")
                return None
            mine.latencies.setdefault(path, []).append(time.perf_counter() - began)
            mine.requests += 1
            if answer.status_code != 200:
                errors.append(f"{path}: {answer.status_code} {answer.text[:200]}")
                return None
            return answer.content

        for body, headers in pushes:
            content = post(PUSH_PATH, body, headers)
            if content is None:
                break
            mine.accepted += PushResponse.from_wire(decode_body(content)).accepted
        cursor = 0
        while not errors:
            request = encode_body(PullRequest(DATA_FORMAT, cursor, DEFAULT_PULL_LIMIT).to_wire())
            content = post(PULL_PATH, request, _signed(key, device.device_id, PULL_PATH, request))
            if content is None:
                break
            # Only what the loop needs: a device's own reading of the page (objects for
            # every field) would take the 2 cores from HQ, which is what is measured.
            page = decode_body(content)
            mine.pulled_rows += len(page["rows"])
            cursor = int(page["next_cursor"])
            if not page["more"]:
                break
    with lock:
        outcome.add(mine)


def client_process(
    base: str,
    devices: Sequence[Enrolled],
    seed: int,
    barrier: Any,  # multiprocessing.Barrier (its type is not importable)
    results: Any,  # multiprocessing.Queue
) -> None:
    """One process's share of the devices: prepare every push, wait for the start, sync
    them all at once (a thread each), send back what it saw."""
    # The devices would be elsewhere: here they share HQ's cores, and yield them first.
    os.nice(19)
    rng = random.Random(seed)
    prepared = []
    for device in devices:
        key = Ed25519PrivateKey.from_private_bytes(device.key)
        bodies = [encode_body(push.to_wire()) for push in device_pushes(device, rng)]
        prepared.append([(b, _signed(key, device.device_id, PUSH_PATH, b)) for b in bodies])
    start = threading.Event()
    outcome = Outcome()
    lock = threading.Lock()
    threads = [
        threading.Thread(target=_sync, args=(base, device, pushes, start, outcome, lock))
        for device, pushes in zip(devices, prepared, strict=True)
    ]
    for thread in threads:
        thread.start()
    barrier.wait()
    start.set()
    for thread in threads:
        thread.join()
    results.put(outcome)


# --- where the processor time goes ---------------------------------------------------

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _processes() -> Iterator[tuple[int, int, str, float]]:
    """(pid, parent pid, command, seconds of processor time) of every process (Linux)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        yield int(entry.name), int(fields[1]), command, (int(fields[11]) + int(fields[12])) / _TICK


@dataclass
class ProcessorTime:
    """Processor seconds used by HQ's processes (the serve process and its workers), by
    PostgreSQL's, and by the whole machine (the clients too, and whatever else runs)."""

    hq: float = 0.0
    postgres: float = 0.0
    total: float = 0.0

    @classmethod
    def now(cls, server: int) -> ProcessorTime:
        # The machine's busy time (user, nice, system, irq, softirq; not the time a
        # virtual machine's host took back): processes that come and go between two
        # readings count too.
        busy = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
        found = cls(total=sum(int(busy[n]) for n in (0, 1, 2, 5, 6)) / _TICK)
        for pid, parent, command, seconds in _processes():
            if server in (pid, parent):
                found.hq += seconds
            elif command.startswith("postgres"):
                found.postgres += seconds
        return found

    def __sub__(self, other: ProcessorTime) -> ProcessorTime:
        return ProcessorTime(
            self.hq - other.hq, self.postgres - other.postgres, self.total - other.total
        )


def sync_all(
    base: str, devices: Sequence[Enrolled], server: int
) -> tuple[Outcome, float, ProcessorTime]:
    """Every device syncs at once; returns what they saw, the wall time and the processor
    time used meanwhile."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(CLIENT_PROCESSES + 1)
    results = context.Queue()
    shares = [devices[n::CLIENT_PROCESSES] for n in range(CLIENT_PROCESSES)]
    processes = [
        context.Process(target=client_process, args=(base, share, SEED + n, barrier, results))
        for n, share in enumerate(shares)
    ]
    for process in processes:
        process.start()
    barrier.wait(timeout=TIMEOUT_S)
    before = ProcessorTime.now(server)
    began = time.perf_counter()
    total = Outcome()
    for _ in processes:
        part: Outcome = results.get(timeout=TIMEOUT_S * 5)
        total.add(part)
    took = time.perf_counter() - began
    used = ProcessorTime.now(server) - before
    for process in processes:
        process.join(timeout=TIMEOUT_S)
    return total, took, used


def run() -> None:
    with postgres_url("lianxin_bench_load") as url:
        if url is None:
            return
        with tempfile.TemporaryDirectory(prefix="lianxin-bench-hq-load-") as folder:
            _branches, codes = set_up(url)
            server_log = Path(folder) / "serve.log"
            with served(url, server_log) as (base, server):
                devices = enrol_all(base, codes)
                outcome, took, used = sync_all(base, devices, server)
            if outcome.errors:
                tail = server_log.read_text(errors="replace").splitlines()[-5:]
                report.info("server log ends: " + " | ".join(tail))
    report.figure("hq_changes_per_s", outcome.accepted / took, "changes/s")
    times = outcome.times()
    p99 = report.percentile(times, 99) if times else float("nan")
    report.figure("hq_p99_s", p99, "s", goal=GOAL_P99_S)
    expected = DEVICES * CHANGES
    report.info(
        f"{DEVICES} devices at once ({WORKERS} HQ workers, {CLIENT_PROCESSES} client processes): "
        f"{outcome.accepted:,} of {expected:,} changes accepted and {outcome.pulled_rows:,} rows "
        f"pulled in {took:.1f} s, {outcome.requests:,} requests "
        f"(median {report.median(times):.3f} s, max {max(times):.3f} s); "
        f"goal {GOAL_CHANGES_PER_S:,} changes/s: "
        f"{'met' if outcome.accepted / took >= GOAL_CHANGES_PER_S else 'MISSED'}"
        if times
        else "no request was answered"
    )
    if outcome.accepted:
        # What bounds the figure on this machine: every process shares its cores. (A
        # connection PostgreSQL closed during the run takes its time with it.)
        per_change = 1000 * (used.hq + used.postgres) / outcome.accepted
        report.figure("hq_cpu_ms_per_change", per_change, "ms")
        cores = os.cpu_count() or 1
        report.info(
            f"processor time during the sync: HQ {used.hq:.1f} s, PostgreSQL "
            f"{used.postgres:.1f} s, the whole machine {used.total:.1f} s of {cores * took:.1f} s "
            f"on {cores} cores; HQ and PostgreSQL alone on these cores would accept at most "
            f"{cores * 1000 / per_change:,.0f} changes/s"
        )
    for path, kind in ((PUSH_PATH, "pushes"), (PULL_PATH, "pulls")):
        kind_times = outcome.latencies.get(path)
        if kind_times:
            report.info(
                f"{kind}: {len(kind_times):,}, median {report.median(kind_times):.3f} s, "
                f"p99 {report.percentile(kind_times, 99):.3f} s"
            )
    report.info(f"errors: {len(outcome.errors)}")
    for error in sorted(set(outcome.errors))[:5]:
        report.info(f"  {error}")


if __name__ == "__main__":
    run()
