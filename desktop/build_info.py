"""Which build this is: version, build date and commit, for the About dialog and support.

A packaged build reads `_build_info.json`, written beside this module by the PyInstaller
spec (`installer/lianxin.spec`) at build time. A source tree has no such file and asks
git instead; without git (or outside a checkout) the commit reads "unknown".
"""

from __future__ import annotations

import functools
import json
import logging
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop import __version__
from desktop.store.files import write_atomic

log = logging.getLogger(__name__)

BUILD_INFO_FILE = "_build_info.json"
#: Where a packaged build finds its stamp (the spec bundles it beside this module).
STAMP_PATH = Path(__file__).with_name(BUILD_INFO_FILE)
UNKNOWN = "unknown"
#: What a source tree reports instead of a build date.
SOURCE_TREE = "source tree"
_GIT_TIMEOUT_S = 5


@dataclass(frozen=True)
class BuildInfo:
    version: str
    #: `git rev-parse --short HEAD`, with "-dirty" when tracked files had changes.
    commit: str
    #: When the package was built (UTC, ISO 8601), or SOURCE_TREE when run from source.
    date: str

    @property
    def display_date(self) -> str:
        """The build date as a reader expects it ("2025-03-01 14:05 UTC")."""
        try:
            when = datetime.fromisoformat(self.date)
        except ValueError:
            return self.date
        return when.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _git(root: Path, *args: str) -> str:
    """git's answer in `root`, or "" when git is missing, fails or takes too long."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=_GIT_TIMEOUT_S,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def git_commit(root: Path) -> str:
    """The short commit of the checkout at `root`, "-dirty" if tracked files changed."""
    commit = _git(root, "rev-parse", "--short", "HEAD")
    if not commit:
        return UNKNOWN
    if _git(root, "status", "--porcelain", "--untracked-files=no"):
        commit += "-dirty"
    return commit


def build_date() -> str:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds), as UTC ISO 8601."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return when.isoformat(timespec="seconds")


def write_build_info(path: Path, version: str, root: Path) -> BuildInfo:
    """Stamp a build: called by the PyInstaller spec, which bundles `path` as
    `desktop/_build_info.json`."""
    info = BuildInfo(version=version, commit=git_commit(root), date=build_date())
    write_atomic(path, json.dumps(asdict(info), indent=1).encode())
    return info


def _source_root() -> Path:
    return Path(__file__).resolve().parents[1]


def read_build_info(path: Path) -> BuildInfo | None:
    """The stamp at `path`; None when there is none (a source tree) or it is unreadable."""
    try:
        data = json.loads(path.read_text("utf-8"))
        return BuildInfo(version=data["version"], commit=data["commit"], date=data["date"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("unreadable %s: %s", path.name, exc)
        return None


@functools.cache
def build_info() -> BuildInfo:
    """This build's facts (read once per run)."""
    stamped = read_build_info(STAMP_PATH)
    if stamped is not None:
        return stamped
    if getattr(sys, "frozen", False):
        return BuildInfo(__version__, UNKNOWN, UNKNOWN)
    return BuildInfo(__version__, git_commit(_source_root()), SOURCE_TREE)
