"""Hybrid logical clock and UUIDv7 identifiers."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from app.domain.hlc import HybridLogicalClock, Timestamp, is_valid_hlc
from app.domain.ids import uuid7


def test_uuid7_version_and_order() -> None:
    ids = [uuid7() for _ in range(2000)]
    assert all(uuid.UUID(i).version == 7 for i in ids)
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)


def test_hlc_monotonic_when_wall_clock_goes_back() -> None:
    walls = iter([1000, 1000, 900, 900, 2000])
    clock = HybridLogicalClock(node="dev", wall=lambda: next(walls))
    stamps = [clock.tick() for _ in range(5)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 5
    assert stamps[0] == "000000000001000:000000:dev"
    assert all(is_valid_hlc(s) for s in stamps)


@given(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=50))
def test_hlc_string_order_is_causal_order(walls: list[int]) -> None:
    it = iter(walls)
    clock = HybridLogicalClock(node="n", wall=lambda: next(it, walls[-1]))
    stamps = [clock.tick() for _ in walls]
    assert stamps == sorted(stamps)
    parsed = [Timestamp.parse(s) for s in stamps]
    assert parsed == sorted(parsed)


def test_observe_moves_past_remote() -> None:
    clock = HybridLogicalClock(node="a", wall=lambda: 5)
    clock.observe("000000000000100:000007:b")
    assert clock.tick() > "000000000000100:000007:b"


def test_uuid7_many_in_order_across_a_counter_overflow() -> None:
    from app.domain.ids import uuid7_many

    ids = uuid7_many(9000)  # more than the 4096 counters of one millisecond
    later = uuid7()
    assert all(uuid.UUID(i).version == 7 and uuid.UUID(i).variant == uuid.RFC_4122 for i in ids)
    assert ids == sorted(ids) and len(set(ids)) == 9000 and later > ids[-1]
