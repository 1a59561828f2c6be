"""The 100,000-member demo vault every benchmark reads, built once and kept in
`bench/.work` until the store, the schema or the demo data change."""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from bench import report
from desktop.domain import demo
from desktop.store.schema import SCHEMA_VERSION
from desktop.store.workspace import Setup, Workspace

MEMBERS = 100_000
#: Not a secret: the vault holds made-up people and lives only in bench/.work.
PASSWORD = "bench-100k-demo"
USER = demo.SECRETARY

WORK = Path(__file__).resolve().parent / ".work"
_ROOT = Path(__file__).resolve().parent.parent
#: Code whose changes make a cached vault stale (its file format, index or data).
_SOURCES = ("desktop/store", "desktop/domain/demo.py")
_READY = "bench-ready"


def _key() -> str:
    digest = hashlib.sha256(f"{SCHEMA_VERSION}|{MEMBERS}".encode())
    for source in _SOURCES:
        path = _ROOT / source
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(str(file.relative_to(_ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _folder() -> Path:
    return WORK / f"vault-{_key()}"


def cached() -> Path | None:
    folder = _folder()
    return folder if (folder / _READY).exists() else None


def build() -> tuple[Path, float, float]:
    """Make the vault anew; returns it, and the seconds `fill_demo` took for the members
    on the clock and in this process's CPU time.

    The slot's key derivation is tuned on this machine (`tuned_kdf()`), as in the app.
    """
    WORK.mkdir(parents=True, exist_ok=True)
    building = WORK / "building"
    shutil.rmtree(building, ignore_errors=True)
    ws, _code = Workspace.create(building, Setup(demo.ORG_NAME, demo.BRANCH_NAME, USER, PASSWORD))
    try:
        start, cpu = time.perf_counter(), time.process_time()
        demo.fill_demo(ws, MEMBERS)
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        ws.close()
    # One cached vault at a time: each is most of a gigabyte.
    for old in WORK.glob("vault-*"):
        shutil.rmtree(old, ignore_errors=True)
    folder = _folder()
    building.rename(folder)
    (folder / _READY).touch()
    return folder, took, cpu


def folder() -> Path:
    """The cached vault, built first if there is none for this code."""
    found = cached()
    if found is not None:
        return found
    report.info(f"building the {MEMBERS:,}-member demo vault (cached in {WORK})")
    built, took, _cpu = build()
    report.info(f"built in {took:.1f} s")
    return built
