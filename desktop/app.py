"""Composition root of the desktop app: arguments, logging, data folder, then the UI.

`lianxin` and `python -m desktop` start here; `--self-test` checks the installation
instead (no window, no data folder). Qt itself is only imported by desktop.ui.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
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
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation without a window (encryption, search, translations, "
        "the Qt modules reports and media need) in a temporary folder, print each check "
        "and exit: 0 when all pass, 1 otherwise",
    )
    # For start-up measurements and packaging tests: quit once the first screen is painted.
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
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
    quit_after_start: bool = False


def _launch(args: argparse.Namespace, qt_args: list[str]) -> Launch:
    data_dir: Path = (args.data_dir or settings.default_data_dir()).expanduser().resolve()
    language = args.lang or settings.Settings.for_data_dir(data_dir).get(settings.LANGUAGE)
    return Launch(data_dir, language, qt_args, args.quit_after_start)


def resolve(argv: Sequence[str]) -> Launch:
    return _launch(*parse_args(argv))


def self_test() -> int:
    """Run every check of the installation on a scratch data folder; print one line per
    check (the format of `lianxin-cli self-test`). Needs no display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Failed checks are in the report; the wrong-password check's warning is expected.
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")

    from desktop.build_info import build_info  # noqa: PLC0415
    from desktop.store.selftest import Check, run_self_test  # noqa: PLC0415

    info = build_info()
    lines = [f"{APP_NAME} {info.version} (commit {info.commit}, built {info.display_date})"]
    checks = run_self_test()
    try:
        from desktop.ui.selftest import run_qt_checks  # noqa: PLC0415 - Qt only when asked
    except ImportError as exc:  # a build without a Qt module it needs
        checks.append(Check("Qt", False, f"cannot load Qt: {exc}"))
    else:
        checks += run_qt_checks()
    for check in checks:
        status = "ok  " if check.ok else "FAIL"
        lines.append(f"  {status}  {check.name}" + (f": {check.detail}" if check.detail else ""))
    failed = [c for c in checks if not c.ok]
    lines.append("All checks passed." if not failed else f"{len(failed)} checks FAILED.")
    # A windowed Windows build has no stdout: its console twin (lianxin-console.exe) has.
    if sys.stdout is not None:
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
    return 0 if not failed else 1


def main(argv: Sequence[str] | None = None) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return self_test()
    launch = _launch(args, qt_args)
    setup_logging(launch.data_dir)

    from desktop.ui.application import run  # noqa: PLC0415 - Qt loads only for the GUI

    return run(
        [sys.argv[0], *launch.qt_args],
        launch.data_dir,
        launch.language,
        quit_after_start=launch.quit_after_start,
    )


if __name__ == "__main__":
    raise SystemExit(main())
