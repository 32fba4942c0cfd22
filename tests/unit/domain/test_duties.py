"""Property tests of the callback sample (issue 20): any day's records → at least 15 %
per channel (and per day), at least one per channel with records, the same seed gives the
same sample whatever the records' order, no record drawn twice; and the escalation and
complaint rules."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import duties as rules

records_strategy = st.lists(
    st.tuples(
        st.sampled_from([f"C{i}" for i in range(12)]),
        st.text("0123456789abcdef", min_size=1, max_size=6),
    ),
    max_size=300,
)


def _by_channel(records: list[tuple[str, str]]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for channel, record_id in records:
        groups.setdefault(channel, set()).add(record_id)
    return groups


@settings(max_examples=200, deadline=None)
@given(records_strategy, st.text(max_size=10), st.integers(min_value=1, max_value=100))
def test_sample_share_per_channel_and_day(
    records: list[tuple[str, str]], seed: str, percent: int
) -> None:
    drawn = rules.draw_sample(records, seed, percent)
    assert len(drawn) == len(set(drawn)), "a record drawn twice"
    channel_of = {
        record_id: channel for channel, record_id in records
    }  # an id given twice counts under the last
    unique = [(channel, record_id) for record_id, channel in channel_of.items()]
    groups = _by_channel(unique)
    for channel, ids in groups.items():
        got = [r for r in drawn if channel_of[r] == channel]
        assert len(got) >= 1
        assert len(got) * 100 >= len(ids) * percent
        assert set(got) <= ids
    assert len(drawn) * 100 >= len(unique) * percent


@settings(max_examples=100, deadline=None)
@given(records_strategy, st.text(max_size=10), st.randoms(use_true_random=False))
def test_same_seed_same_sample_in_any_order(
    records: list[tuple[str, str]], seed: str, rnd: random.Random
) -> None:
    unique = sorted({record_id: (channel, record_id) for channel, record_id in records}.values())
    shuffled = list(unique)
    rnd.shuffle(shuffled)
    assert (
        rules.draw_sample(unique, seed)
        == rules.draw_sample(shuffled, seed)
        == rules.draw_sample(shuffled + unique, seed)
    )


def test_duplicate_ids_are_drawn_once() -> None:
    drawn = rules.draw_sample([("C1", "a")] * 50 + [("C1", "b")], "s", 100)
    assert sorted(drawn) == ["a", "b"]


def test_other_seed_other_sample() -> None:
    records = [(f"C{i % 3}", f"r{i:04d}") for i in range(3000)]
    assert rules.draw_sample(records, "one") != rules.draw_sample(records, "two")


def test_sample_size_rounds_up_exactly() -> None:
    assert rules.sample_size(20, 15) == 3  # 0.15 * 20 is 3.0000000000000004 in floats
    assert rules.sample_size(1, 15) == 1
    assert rules.sample_size(7, 15) == 2
    assert rules.sample_size(0, 15) == 0


def test_mask_and_normalise_phone() -> None:
    assert rules.mask_phone("13812341234") == "138****1234"
    assert rules.normalise_phone("+86 138-1234-1234") == "13812341234"
    assert rules.normalise_phone("abc") is None
    assert rules.normalise_phone("12") is None


def test_escalation_once_per_step() -> None:
    r = rules.DEFAULT_RULES
    assert rules.escalation_for(1, [], r) is None
    assert rules.escalation_for(2, [], r) == rules.Escalation("rectification_order", 2)
    assert rules.escalation_for(2, ["rectification_order"], r) is None
    assert rules.escalation_for(3, ["rectification_order"], r) == rules.Escalation(
        "suspension_proposal", 3
    )
    assert rules.escalation_for(4, ["rectification_order", "suspension_proposal"], r) is None


def test_complaint_rules() -> None:
    r = rules.DEFAULT_RULES
    t0 = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    assert (
        rules.complaint_overdue("received", t0, None, None, t0 + dt.timedelta(hours=1), r) is None
    )
    assert (
        rules.complaint_overdue("assigned", t0, None, None, t0 + dt.timedelta(hours=3), r)
        == "response"
    )
    assert (
        rules.complaint_overdue("responded", t0, t0, None, t0 + dt.timedelta(hours=49), r)
        == "resolution"
    )
    assert rules.complaint_overdue("resolved", t0, t0, t0, t0 + dt.timedelta(hours=99), r) is None
    assert rules.complaint_step_allowed("received", "assigned")
    assert rules.complaint_step_allowed("received", "resolved")
    assert not rules.complaint_step_allowed("responded", "assigned")
    assert not rules.complaint_step_allowed("closed", "closed")


def test_rules_overlay_ignores_bad_values() -> None:
    merged = rules.validate_rules(
        {"devrecord_retention_days": 30, "callback_percent": -1, "nonsense": 5}
    )
    assert merged["devrecord_retention_days"] == 30
    assert merged["callback_percent"] == 15
    assert "nonsense" not in merged
