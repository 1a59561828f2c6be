"""kdf_s: one Argon2id derivation with the parameters the vault's key slot uses
(`tuned_kdf()` on this machine when the vault was made); median of three."""

from __future__ import annotations

import os
import time

from bench import demo_vault, report
from desktop.store.vault import KdfParams, Vault

FIGURES = ("kdf_s",)
RUNS = 3


def run() -> None:
    slot = Vault.load(demo_vault.folder()).slot_by_name(demo_vault.USER)
    params = KdfParams(**slot.kdf)
    times = []
    for _ in range(RUNS):
        salt = os.urandom(16)
        start = time.perf_counter()
        params.derive(demo_vault.PASSWORD, salt)
        times.append(time.perf_counter() - start)
    report.figure("kdf_s", report.median(times), "s")
    report.info(
        f"Argon2id m={params.memory_kib // 1024} MiB, t={params.iterations}, "
        f"p={params.lanes}; runs {', '.join(f'{t:.3f}' for t in times)} s"
    )
