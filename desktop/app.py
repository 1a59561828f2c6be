"""Composition root of the desktop app: arguments, logging, data folder, then the UI.

`lianxin` and `python -m desktop` start here. Qt itself is only imported by desktop.ui.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop import APP_NAME, __version__, settings

log = logging.getLogger(__name__)

LOG_FILE = "lianxin.log"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and whatever is left for Qt (e.g. `-platform offscreen`)."""
    parser = argparse.ArgumentParser(
        prog="lianxin", description=f"{APP_NAME}: records and study for Party branches"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="the data folder to open (default: the one chosen in settings, or the "
        "platform's user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=settings.LANGUAGES,
        default=None,
        help="language for this run (default: the one in settings, else zh_CN)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_known_args(list(argv))


def setup_logging(data_dir: Path) -> Path | None:
    """Log to `<data dir>/logs/lianxin.log`, rotated. Nothing personal is ever logged."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if sys.stderr is not None:
        console = logging.StreamHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(formatter)
        root.addHandler(console)
    path = data_dir / "logs" / LOG_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as exc:
        log.warning("cannot write the log file in %s: %s", path.parent, exc.strerror)
        return None
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return path


@dataclass(frozen=True)
class Launch:
    """What this run opens, and in which language."""

    data_dir: Path
    #: `--lang`, else the data folder's setting, else zh_CN: never the system locale.
    language: str
    qt_args: list[str]


def resolve(argv: Sequence[str]) -> Launch:
    args, qt_args = parse_args(argv)
    data_dir: Path = (args.data_dir or settings.default_data_dir()).expanduser().resolve()
    language = args.lang or settings.Settings.for_data_dir(data_dir).get(settings.LANGUAGE)
    return Launch(data_dir, language, qt_args)


def main(argv: Sequence[str] | None = None) -> int:
    launch = resolve(sys.argv[1:] if argv is None else argv)
    setup_logging(launch.data_dir)

    from desktop.ui.application import run  # noqa: PLC0415 - Qt loads only for the GUI

    return run([sys.argv[0], *launch.qt_args], launch.data_dir, launch.language)


if __name__ == "__main__":
    raise SystemExit(main())
