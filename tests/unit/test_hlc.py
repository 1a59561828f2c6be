"""Hybrid logical clocks: stamps only go forward, whatever the wall clock does, and their
text sorts exactly like the stamps themselves (SQL compares them as text)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.store.hlc import HybridClock, Stamp

T0 = 1_750_000_000_000
COUNTER_MAX = 99_999


def wall_at(values: list[int]) -> Callable[[], int]:
    return lambda: values[0]


def test_now_follows_the_wall_clock_when_it_moves_forward() -> None:
    wall = [T0]
    clock = HybridClock("a", wall=wall_at(wall))
    assert clock.now() == Stamp(T0, 0, "a")
    wall[0] += 5
    assert clock.now() == Stamp(T0 + 5, 0, "a")


def test_monotonic_when_the_wall_clock_goes_back() -> None:
    wall = [T0]
    clock = HybridClock("a", wall=wall_at(wall))
    first = clock.now()
    wall[0] = T0 - 86_400_000  # a day back
    second = clock.now()
    third = clock.now()
    assert first < second < third
    assert second.wall_ms == T0  # logical time holds until the wall clock catches up
    wall[0] = T0 + 1
    assert clock.now() == Stamp(T0 + 1, 0, "a")


def test_same_millisecond_increments_the_counter() -> None:
    clock = HybridClock("a", wall=lambda: T0)
    assert [clock.now().counter for _ in range(3)] == [0, 1, 2]


def test_counter_overflow_borrows_the_next_millisecond() -> None:
    clock = HybridClock("a", wall=lambda: T0, last=Stamp(T0, COUNTER_MAX - 1, "a"))
    a = clock.now()
    b = clock.now()
    assert a == Stamp(T0, COUNTER_MAX, "a")
    assert b == Stamp(T0 + 1, 0, "a")
    assert a < b
    assert str(a) < str(b)
    assert len(str(a)) == len(str(b))


def test_observe_a_remote_stamp_ahead_gives_a_greater_stamp() -> None:
    clock = HybridClock("a", wall=lambda: T0)
    remote = Stamp(T0 + 60_000, 7, "b")
    merged = clock.observe(remote)
    assert merged > remote
    assert merged == Stamp(T0 + 60_000, 8, "a")
    assert clock.now() > merged  # the local clock moved past the remote one


def test_observe_accepts_text_and_overflowing_remote_counters() -> None:
    clock = HybridClock("a", wall=lambda: T0)
    remote = Stamp(T0, COUNTER_MAX, "zzz")
    merged = clock.observe(str(remote))
    assert merged > remote
    assert merged == Stamp(T0 + 1, 0, "a")


def test_observe_an_old_remote_stamp_still_advances() -> None:
    wall = [T0]
    clock = HybridClock("a", wall=wall_at(wall))
    before = clock.now()
    merged = clock.observe(Stamp(T0 - 10_000, 50, "b"))
    assert merged > before
    assert merged.wall_ms == T0


def test_restored_clock_continues_past_its_last_stamp() -> None:
    last = Stamp(T0 + 3_600_000, 12, "a")
    clock = HybridClock("a", wall=lambda: T0, last=last)
    assert clock.now() > last


def test_skew_is_measured_against_the_wall_clock() -> None:
    clock = HybridClock("a", wall=lambda: T0)
    assert clock.skew_ms(T0 - 6 * 60_000) == 6 * 60_000


@pytest.mark.parametrize("node", ["", "a:b"])
def test_node_ids_cannot_break_the_text_form(node: str) -> None:
    with pytest.raises(ValueError, match="node"):
        HybridClock(node)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "1750000000000:00000:a",  # wall not 16 digits
        "0001750000000000:0000:a",  # counter not 5 digits
        "0001750000000000:00000:",  # no node
        "0001750000000000:00000",
        "+001750000000000:00000:a",  # int() would take these; the stamp text would not
        "0001750000000000:-0001:a",  # sort like the stamp
        "0001750000000000:0_001:a",
        "000175000000000 :00000:a",
        "٠٠٠١٧٥٠٠٠٠٠٠٠٠٠٠:00000:a",  # Arabic-Indic digits
    ],
)
def test_parse_rejects_anything_but_the_canonical_form(text: str) -> None:
    with pytest.raises(ValueError, match="HLC"):
        Stamp.parse(text)


# --- properties ------------------------------------------------------------------------

walls = st.integers(min_value=0, max_value=10**16 - 10**6)
counters = st.integers(min_value=0, max_value=COUNTER_MAX)
nodes = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=":"), min_size=1)
stamps = st.builds(Stamp, walls, counters, nodes)


@given(stamps)
def test_text_roundtrip(stamp: Stamp) -> None:
    assert Stamp.parse(str(stamp)) == stamp


@given(st.text(max_size=40))
def test_parse_only_accepts_text_it_would_write(text: str) -> None:
    try:
        stamp = Stamp.parse(text)
    except ValueError:
        return
    assert str(stamp) == text


@given(stamps, stamps)
def test_text_order_is_stamp_order(a: Stamp, b: Stamp) -> None:
    assert (str(a) < str(b)) == (a < b)
    # SQLite compares TEXT as UTF-8 bytes (BINARY collation): same order.
    assert (str(a).encode() < str(b).encode()) == (a < b)


# A scenario: each step moves the wall clock (possibly backwards), then either issues a
# local stamp or merges a remote one.
steps = st.lists(
    st.tuples(
        st.integers(min_value=-120_000, max_value=120_000),
        st.one_of(st.none(), st.builds(Stamp, walls, counters, st.just("remote"))),
    ),
    min_size=1,
    max_size=60,
)


@given(steps)
def test_stamps_strictly_increase_and_pass_every_remote_stamp_seen(
    scenario: list[tuple[int, Stamp | None]],
) -> None:
    wall = [T0]
    clock = HybridClock("local", wall=wall_at(wall))
    issued: list[Stamp] = []
    for move, remote in scenario:
        wall[0] = max(0, wall[0] + move)
        if remote is None:
            issued.append(clock.now())
        else:
            issued.append(clock.observe(remote))
            assert issued[-1] > remote
        assert issued[-1].counter <= COUNTER_MAX
    assert issued == sorted(issued)
    assert len(set(issued)) == len(issued)
    texts = [str(s) for s in issued]
    assert texts == sorted(texts)
