"""search_p95_ms: what the Members page's search box costs with 100,000 members, through
`member_rowids` (all matching row numbers, in roster order) as the UI calls it.

Queries are made from the vault's own people, the way an officer types them: two
characters of a name (张伟, or 小明 of 王小明), pinyin initials (zw, wxm), a prefix of the
full pinyin (zhangw, wangxiaom), an ID number whole or its first 10 to 16 characters.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from pypinyin import Style, lazy_pinyin

from bench import demo_vault, report
from desktop.domain.members import member_rowids
from desktop.store.workspace import Workspace

FIGURES = (
    "search_p95_ms",
    "search_name_p95_ms",
    "search_initials_p95_ms",
    "search_pinyin_p95_ms",
    "search_id_p95_ms",
)
GOAL_MS = 30.0
QUERIES_PER_KIND = 200
WARMUP = 30
SEED = 7

Person = tuple[str, str]  # (name, ID number)


def _name_part(name: str, _rng: random.Random) -> str:
    han = name.split("·", maxsplit=1)[0]
    # Two characters: the given name of 王小明, the whole of 张伟.
    return han[1:3] if len(han) >= 3 else han[:2]


def _initials(name: str, _rng: random.Random) -> str:
    return "".join(lazy_pinyin(name.replace("·", ""), style=Style.FIRST_LETTER))


def _pinyin_prefix(name: str, rng: random.Random) -> str:
    syllables = lazy_pinyin(name.replace("·", ""))
    full = "".join(syllables)
    return full[: rng.randint(min(len(syllables[0]) + 1, len(full)), len(full))]


def _id_number(number: str, rng: random.Random) -> str:
    return number if rng.random() < 0.5 else number[: rng.randint(10, 16)]


KINDS: dict[str, tuple[str, Callable[[str, random.Random], str]]] = {
    "name": ("name", _name_part),
    "initials": ("name", _initials),
    "pinyin": ("name", _pinyin_prefix),
    "id": ("id_number", _id_number),
}


def queries(people: list[Person], rng: random.Random) -> list[tuple[str, str]]:
    """(kind, query) pairs, QUERIES_PER_KIND of each kind, shuffled together."""
    out = []
    for kind, (field, make) in KINDS.items():
        for name, number in rng.sample(people, QUERIES_PER_KIND):
            out.append((kind, make(name if field == "name" else number, rng)))
    rng.shuffle(out)
    return out


def run() -> None:
    ws = Workspace.unlock(demo_vault.folder(), demo_vault.USER, demo_vault.PASSWORD)
    try:
        people: list[Person] = ws.db.query(
            "SELECT name, id_number FROM members WHERE _deleted = 0 AND id_number IS NOT NULL"
        )
        rng = random.Random(SEED)
        for _kind, text in queries(people, rng)[:WARMUP]:
            member_rowids(ws, text)
        times: dict[str, list[float]] = {kind: [] for kind in KINDS}
        found: dict[str, list[int]] = {kind: [] for kind in KINDS}
        for kind, text in queries(people, rng):
            start = time.perf_counter()
            rowids = member_rowids(ws, text)
            times[kind].append((time.perf_counter() - start) * 1000)
            found[kind].append(len(rowids))
    finally:
        ws.close()
    every = [t for kind_times in times.values() for t in kind_times]
    report.figure("search_p95_ms", report.percentile(every, 95), "ms", goal=GOAL_MS)
    for kind, kind_times in times.items():
        report.figure(
            f"search_{kind}_p95_ms", report.percentile(kind_times, 95), "ms", goal=GOAL_MS
        )
        hits = found[kind]
        report.info(
            f"{kind}: {len(kind_times)} queries, median {report.median(kind_times):.1f} ms, "
            f"max {max(kind_times):.1f} ms; matches median {report.median(hits):.0f}, "
            f"max {max(hits)}, none for {sum(1 for h in hits if not h)}"
        )
