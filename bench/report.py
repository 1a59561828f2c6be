"""How benchmarks print: one line per figure, `bench: NAME = VALUE UNIT`; anything else
(goals, detail) on indented info lines that never start with `bench:`."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    #: The most the figure may be (every goal here is an upper bound), if it has one.
    goal: float | None = None

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.value <= self.goal


#: Every figure printed in this run, in order (for the closing summary).
printed: list[Figure] = []


def number(value: float) -> str:
    """Three significant digits without exponents: 0.512, 4.21, 27.3, 1234."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{value:.{digits}f}"


def figure(name: str, value: float, unit: str, *, goal: float | None = None) -> Figure:
    fig = Figure(name, value, unit, goal)
    printed.append(fig)
    print(f"bench: {name} = {number(value)} {unit}", flush=True)
    if goal is not None:
        verdict = "met" if fig.met else "MISSED"
        info(f"goal {name} <= {number(goal)} {unit}: {verdict}")
    return fig


def info(text: str) -> None:
    print(f"    {text}", flush=True)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 100 timings is the 95th smallest)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
