"""Remote wipe of a lost laptop: first the key slots (the database becomes unreadable at
once, even if deleting files later fails), then the data files themselves."""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path

from desktop.store.vault import Vault

log = logging.getLogger(__name__)

#: What a data folder holds besides the vault file (the settings file is kept: no data).
_DATA = ("lianxin.db", "lianxin.db-wal", "lianxin.db-shm", "blobs", "logs")


def wipe_data_folder(folder: Path) -> None:
    """Destroy this folder's data. Close every connection to it first."""
    if Vault.exists(folder):
        Vault.load(folder).destroy_slots()
    for name in _DATA:
        path = folder / name
        with contextlib.suppress(FileNotFoundError):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                _overwrite(path)
                path.unlink()
    log.warning("data folder wiped on HQ's order")


def _overwrite(path: Path) -> None:
    """Zero a file before unlinking it (on a laptop disk this slows forensic recovery)."""
    size = path.stat().st_size
    with path.open("r+b") as f:
        chunk = b"\0" * (1 << 20)
        for _ in range(0, size, len(chunk)):
            f.write(chunk)
        f.flush()
