"""cipher_overhead_ratio: one read/write workload on SQLCipher (`open_database`) over the
same on plain SQLite with the very same pragmas (`configure`).

Plain SQLite is measured twice: the SQLite inside the sqlcipher3 wheel with no key (the
same engine and version, so only encryption differs: `cipher_overhead_ratio`), and the
standard library's sqlite3 (`cipher_vs_stdlib_ratio`), an older SQLite whose speed
differs for reasons of its own.

Same schema (the vault's own `members` and `changes` tables with their indexes), same
rows (copied from the demo vault), same statements: batch inserts with their change-log
rows, point reads by id, range scans (roster pages by name, a birth-date count, a
member's history), single-field updates with their change rows. Each run starts from a
new file; the runs rotate between the drivers after one warm-up each, and the ratios
are of the medians.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3

from bench import demo_vault, report
from desktop.store.db import configure, open_database
from desktop.store.workspace import Workspace

FIGURES = ("cipher_overhead_ratio", "cipher_vs_stdlib_ratio")
GOAL = 1.3
RUNS = 5
MEMBERS = 10_000
BATCH = 500
POINT_READS = 10_000
ROSTER_PAGES = 100
DATE_COUNTS = 30
HISTORIES = 500
UPDATES = 2_000
UPDATES_PER_TX = 20
SEED = 11

Connect = Callable[[Path], Any]
#: Key of a run's CPU time among its phases' clock times.
CPU = "cpu"


class Sample:
    """The rows and schema the workload uses, read once from the demo vault."""

    def __init__(self, ws: Workspace) -> None:
        self.ddl: list[str] = [
            r[0]
            for r in ws.db.query(
                "SELECT sql FROM sqlite_master WHERE tbl_name IN ('members', 'changes') "
                "AND sql IS NOT NULL ORDER BY type DESC, name"
            )
        ]
        cursor = ws.db.execute("SELECT * FROM members ORDER BY _rowid LIMIT ?", (MEMBERS,))
        self.member_columns = [d[0] for d in cursor.description]
        self.members = cursor.fetchall()
        last = self.members[-1][0]
        cursor = ws.db.execute(
            "SELECT * FROM changes WHERE tbl = 'members' AND row_id IN "
            "(SELECT id FROM members WHERE _rowid <= ?) ORDER BY seq",
            (last,),
        )
        self.change_columns = [d[0] for d in cursor.description]
        changes_by_row: dict[str, list[tuple[Any, ...]]] = {}
        for change in cursor.fetchall():
            changes_by_row.setdefault(change[1], []).append(change)
        id_at = self.member_columns.index("id")
        self.member_changes = [changes_by_row.get(m[id_at], []) for m in self.members]
        self.ids = [m[id_at] for m in self.members]
        self.template = self.member_changes[0][0]


def _placeholders(n: int) -> str:
    return ", ".join("?" * n)


def workload(conn: Any, sample: Sample) -> dict[str, float]:
    """Run the whole workload on a new, empty database; seconds per phase."""
    rng = random.Random(SEED)
    phases: dict[str, float] = {}
    for statement in sample.ddl:
        conn.execute(statement)
    insert_member = (
        f"INSERT INTO members ({', '.join(sample.member_columns)}) "
        f"VALUES ({_placeholders(len(sample.member_columns))})"
    )
    insert_change = (
        f"INSERT INTO changes ({', '.join(sample.change_columns)}) "
        f"VALUES ({_placeholders(len(sample.change_columns))})"
    )

    start = time.perf_counter()
    for first in range(0, len(sample.members), BATCH):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(insert_member, sample.members[first : first + BATCH])
        conn.executemany(
            insert_change,
            [c for changes in sample.member_changes[first : first + BATCH] for c in changes],
        )
        conn.execute("COMMIT")
    phases["insert"] = time.perf_counter() - start

    start = time.perf_counter()
    for row_id in rng.choices(sample.ids, k=POINT_READS):
        conn.execute("SELECT * FROM members WHERE id = ?", (row_id,)).fetchone()
    phases["point reads"] = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(ROSTER_PAGES):
        conn.execute(
            "SELECT * FROM members WHERE _deleted = 0 ORDER BY name LIMIT 200 OFFSET ?",
            (rng.randrange(len(sample.ids)),),
        ).fetchall()
    for _ in range(DATE_COUNTS):
        year = rng.randint(1960, 2000)
        conn.execute(
            "SELECT count(*) FROM members WHERE birth_date BETWEEN ? AND ?",
            (f"{year}-01-01", f"{year + 5}-12-31"),
        ).fetchone()
    for row_id in rng.choices(sample.ids, k=HISTORIES):
        conn.execute("SELECT * FROM changes WHERE row_id = ? ORDER BY seq", (row_id,)).fetchall()
    phases["range scans"] = time.perf_counter() - start

    start = time.perf_counter()
    seq = int(conn.execute("SELECT max(seq) FROM changes").fetchone()[0])
    template = list(sample.template)
    seq_at = sample.change_columns.index("seq")
    row_at = sample.change_columns.index("row_id")
    col_at = sample.change_columns.index("col")
    value_at = sample.change_columns.index("value")
    device_seq_at = sample.change_columns.index("device_seq")
    for first in range(0, UPDATES, UPDATES_PER_TX):
        conn.execute("BEGIN IMMEDIATE")
        for row_id in rng.choices(sample.ids, k=min(UPDATES_PER_TX, UPDATES - first)):
            phone = f"139{rng.randrange(10**8):08d}"
            conn.execute(
                "UPDATE members SET phone = ?, _hlc = ?, _v = ? WHERE id = ?",
                (phone, template[5], "{}", row_id),
            )
            seq += 1
            template[seq_at], template[row_at], template[col_at] = seq, row_id, "phone"
            template[value_at], template[device_seq_at] = phone, seq
            conn.execute(insert_change, template)
        conn.execute("COMMIT")
    phases["updates"] = time.perf_counter() - start
    return phases


def _stdlib(path: Path) -> Any:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    configure(conn)
    return conn


def _unkeyed(path: Path) -> Any:
    # No PRAGMA key: SQLCipher's own SQLite, writing an ordinary plaintext file.
    conn = sqlcipher3.dbapi2.connect(str(path), isolation_level=None, check_same_thread=False)
    configure(conn)
    return conn


def _cipher(path: Path) -> Any:
    return open_database(path, os.urandom(32)).conn


def _timed_run(connect: Connect, sample: Sample, folder: Path) -> dict[str, float]:
    """Seconds per phase on the clock, and the run's CPU time under CPU."""
    path = folder / "workload.db"
    conn = connect(path)
    try:
        cpu = time.process_time()
        phases = workload(conn, sample)
        phases[CPU] = time.process_time() - cpu
        return phases
    finally:
        conn.close()
        for name in ("workload.db", "workload.db-wal", "workload.db-shm"):
            (folder / name).unlink(missing_ok=True)


def run() -> None:
    ws = Workspace.unlock(demo_vault.folder(), demo_vault.USER, demo_vault.PASSWORD)
    try:
        sample = Sample(ws)
        cipher_version = ws.db.cipher_version()
        cipher_sqlite = ws.db.scalar("SELECT sqlite_version()")
    finally:
        ws.close()
    drivers: dict[str, Connect] = {
        "sqlcipher": _cipher,
        "unkeyed": _unkeyed,
        "stdlib": _stdlib,
    }
    results: dict[str, list[dict[str, float]]] = {name: [] for name in drivers}
    demo_vault.WORK.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="cipher-", dir=demo_vault.WORK))
    try:
        for connect in drivers.values():  # warm-up, not counted
            _timed_run(connect, sample, folder)
        order = list(drivers.items())
        for n in range(RUNS):
            for name, connect in order[n % len(order) :] + order[: n % len(order)]:
                results[name].append(_timed_run(connect, sample, folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    totals = {
        name: report.median([sum(v for k, v in r.items() if k != CPU) for r in runs])
        for name, runs in results.items()
    }
    cpu = {name: report.median([r[CPU] for r in runs]) for name, runs in results.items()}
    report.figure("cipher_overhead_ratio", totals["sqlcipher"] / totals["unkeyed"], "x", goal=GOAL)
    report.figure("cipher_vs_stdlib_ratio", totals["sqlcipher"] / totals["stdlib"], "x")
    report.info(
        f"workload median: SQLCipher {totals['sqlcipher']:.2f} s, the same SQLite unkeyed "
        f"{totals['unkeyed']:.2f} s (SQLCipher {cipher_version} on SQLite {cipher_sqlite}), "
        f"standard library sqlite3 {totals['stdlib']:.2f} s (SQLite {sqlite3.sqlite_version})"
    )
    report.info(
        f"CPU time: SQLCipher {cpu['sqlcipher']:.2f} s, unkeyed {cpu['unkeyed']:.2f} s "
        f"({cpu['sqlcipher'] / cpu['unkeyed']:.2f}x), stdlib {cpu['stdlib']:.2f} s "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)"
    )
    for phase in (k for k in results["sqlcipher"][0] if k != CPU):
        c, u, p = (report.median([r[phase] for r in results[name]]) for name in drivers)
        report.info(f"{phase}: {c:.3f} s vs {u:.3f} s unkeyed ({c / u:.2f}x), {p:.3f} s stdlib")
