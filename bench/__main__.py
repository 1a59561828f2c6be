"""`python -m bench [NAME ...]`: run every benchmark, or those named (module or figure)."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
import time
from collections.abc import Sequence
from types import ModuleType

from bench import report

#: In run order: the insert benchmark builds the vault the others read.
MODULES = (
    "insert",
    "kdf",
    "search",
    "cipher",
    "window",
    "member_page",
    "sync",
    "hq_pull",
    "hq_load",
    "roster_import",
)


def _load(name: str) -> ModuleType:
    return importlib.import_module(f"bench.{name}")


def _selected(names: Sequence[str]) -> list[ModuleType]:
    modules = {name: _load(name) for name in MODULES}
    if not names:
        return list(modules.values())
    chosen: list[ModuleType] = []
    for wanted in names:
        match = [
            module
            for key, module in modules.items()
            if wanted == key or wanted in getattr(module, "FIGURES", ())
        ]
        if not match:
            known = sorted({*modules, *(f for m in modules.values() for f in m.FIGURES)})
            raise SystemExit(f"unknown benchmark {wanted!r}; choose from: {', '.join(known)}")
        chosen += [m for m in match if m not in chosen]
    return sorted(chosen, key=lambda m: MODULES.index(m.__name__.rsplit(".", 1)[1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="modules or figures to run (default: all)")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING)
    start = time.perf_counter()
    for module in _selected(args.names):
        module.run()
    goals = [f for f in report.printed if f.goal is not None]
    missed = [f.name for f in goals if not f.met]
    took = f"{time.perf_counter() - start:.0f} s"
    if goals:
        report.info(
            f"{len(goals) - len(missed)} of {len(goals)} goals met"
            + (f"; missed: {', '.join(missed)}" if missed else "")
            + f" ({took})"
        )
    else:
        report.info(f"done ({took})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
