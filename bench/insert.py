"""insert_100k_s: `fill_demo` adding 100,000 members to a new vault, with everything a
write carries (change log and outbox entries, audit blocks, search index), committed in
the demo's batches. The vault it makes is the one the other benchmarks read."""

from __future__ import annotations

import os

from bench import demo_vault, report

FIGURES = ("insert_100k_s",)
GOAL_S = 20.0


def run() -> None:
    load = os.getloadavg()[0]
    folder, took, cpu = demo_vault.build()
    report.figure("insert_100k_s", took, "s", goal=GOAL_S)
    size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
    report.info(
        f"{demo_vault.MEMBERS / took:,.0f} members/s; CPU {cpu:.1f} s of it "
        f"(load average {load:.1f} before, on {os.cpu_count()} CPUs); "
        f"data folder {size / 2**20:,.0f} MiB"
    )
