"""Hybrid logical clocks: causally ordered stamps that survive wall clocks going back.

A stamp is (wall milliseconds, counter, node). Its text form is fixed-width so that
stamps compare correctly as strings, in Python and in SQL alike:
`0001732195200000:00000:node`.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

#: Wall-clock difference to HQ past which the UI warns (DESIGN.md: 5 minutes).
MAX_SKEW_MS = 5 * 60 * 1000
_COUNTER_MAX = 99_999
_STAMP = re.compile(r"([0-9]{16}):([0-9]{5}):(.+)", re.DOTALL)


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:016d}:{self.counter:05d}:{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        # Only the canonical form: int() alone would also take "+", "_", spaces and
        # non-ASCII digits, giving stamps whose text no longer sorts like the stamp.
        match = _STAMP.fullmatch(text)
        if match is None:
            raise ValueError(f"not an HLC stamp: {text!r}")
        return cls(int(match[1]), int(match[2]), match[3])


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues stamps for one node (device). Thread-safe."""

    def __init__(
        self, node: str, *, wall: Callable[[], int] = _wall_ms, last: Stamp | None = None
    ) -> None:
        if ":" in node or not node:
            raise ValueError("node id must be non-empty and contain no ':'")
        self.node = node
        self._wall = wall
        self._last_ms = last.wall_ms if last else 0
        self._counter = last.counter if last else 0
        self._lock = threading.Lock()

    def now(self) -> Stamp:
        """A stamp greater than every stamp issued or seen before."""
        with self._lock:
            wall = self._wall()
            if wall > self._last_ms:
                self._last_ms, self._counter = wall, 0
            else:
                self._bump()
            return Stamp(self._last_ms, self._counter, self.node)

    def observe(self, remote: Stamp | str) -> Stamp:
        """Merge a stamp received from elsewhere; returns the new local stamp."""
        if isinstance(remote, str):
            remote = Stamp.parse(remote)
        with self._lock:
            wall = self._wall()
            top = max(wall, self._last_ms, remote.wall_ms)
            if top == self._last_ms and top == remote.wall_ms:
                self._counter = max(self._counter, remote.counter)
                self._bump_at(top)
            elif top == self._last_ms:
                self._bump_at(top)
            elif top == remote.wall_ms:
                self._last_ms, self._counter = top, remote.counter
                self._bump_at(top)
            else:
                self._last_ms, self._counter = top, 0
            return Stamp(self._last_ms, self._counter, self.node)

    def skew_ms(self, remote_wall_ms: int) -> int:
        """How far this machine's wall clock is from a remote one (positive = ahead)."""
        return self._wall() - remote_wall_ms

    def _bump(self) -> None:
        self._bump_at(self._last_ms)

    def _bump_at(self, wall: int) -> None:
        self._last_ms = wall
        if self._counter >= _COUNTER_MAX:
            # Counter exhausted within one millisecond: borrow the next millisecond.
            self._last_ms += 1
            self._counter = 0
        else:
            self._counter += 1
