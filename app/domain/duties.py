"""Pure rules of the manager's control duties (issue 20): phone masking, the daily
callback sample (≥ 15 % per channel, reproducible from a seed), warning escalation,
the complaint workflow with its response-time rules, and the HQ defaults of them all."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import eq, itemgetter, ne
from typing import Any

OUTCOMES = (
    "confirmed",
    "deposit_withheld",
    "unauthorised_connection",
    "fake",
    "unreachable",
    "refused",
)
"""A callback's outcome; every one except ``confirmed`` raises a warning on the partner."""

PROBLEM_OUTCOMES = ("deposit_withheld", "unauthorised_connection", "fake")
"""Outcomes that question the record itself (the commission check deducts these)."""

RECORD_KINDS = ("new", "served")

COMPLAINT_STATUSES = ("received", "assigned", "responded", "resolved", "closed")

ESCALATIONS = ("rectification_order", "suspension_proposal")

DEFAULT_RULES: dict[str, Any] = {
    "devrecord_retention_days": 90,  # personal information kept no longer than this
    "callback_percent": 15,  # share of the previous day's records called back, per channel
    "callback_max_attempts": 3,  # unreachable after this many tries
    "warning_window_days": 30,  # repeated warnings are counted over this window
    "warnings_for_rectification": 2,  # this many → a rectification order
    "warnings_for_suspension": 3,  # this many → a lifecycle suspension proposal
    "complaint_response_hours": 2,
    "complaint_resolution_hours": 48,
    "evidence_photo_hours": 12,  # a visit photo taken more than this before check-in is a warning
    "evidence_photo_metres": 500,  # … or taken farther than this from the partner's coordinates
}

_PHONE = re.compile(r"^\+?\d[\d\- ]{5,18}\d$")


def normalise_phone(text: str) -> str | None:
    """The digits of a phone number (a leading +86/86 of an 11-digit mobile dropped), or
    None when ``text`` is not one."""
    text = text.strip()
    if not _PHONE.match(text):
        return None
    digits = re.sub(r"\D", "", text)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits if 10 <= len(digits) <= 15 else None  # a mobile, or a landline with its area code


def mask_phone(digits: str) -> str:
    """138****1234: the first three and last four digits of a number of 11 or more; a
    shorter one keeps only its last two."""
    if len(digits) >= 11:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * max(len(digits) - 2, 0) + digits[-2:]


def sample_size(population: int, percent: int) -> int:
    """How many of a channel's ``population`` records are called back: ``percent`` of them
    rounded up (integer arithmetic, so 15 % of 20 is 3), at least one when there are any."""
    if population <= 0:
        return 0
    return min(population, max(1, -(-population * percent // 100)))


def draw_sample(records: Sequence[tuple[str, str]], seed: str, percent: int = 15) -> list[str]:
    """The record ids to call back from ``(channel, record_id)`` pairs.

    Per channel ``sample_size`` of its distinct records, drawn with a generator seeded
    by ``seed`` and the channel, from its ids in sorted order: the same records (in any
    order, repeated or not) and seed give the same sample; no id is drawn twice (an id
    given under two channels counts under the one it comes last with). The result is
    sorted by channel, then by draw order. Records grouped by channel (as the database
    gives them, ``ORDER BY channel, id``) need no per-record Python code."""
    channels = list(map(itemgetter(0), records))
    ids = list(map(itemgetter(1), records))
    counts = Counter(channels)
    grouped = not channels or sum(map(ne, channels, islice(channels, 1, None))) + 1 == len(counts)
    drawn = _draw_grouped(channels, ids, counts, seed, percent) if grouped else None
    if drawn is None or len(set(drawn)) != len(drawn):  # not grouped, or an id under two channels
        pairs = sorted(
            (channel, record_id)
            for record_id, channel in dict(zip(ids, channels, strict=True)).items()
        )
        channels, ids = [p[0] for p in pairs], [p[1] for p in pairs]
        drawn = _draw_grouped(channels, ids, Counter(channels), seed, percent)
    return drawn


def _draw_grouped(
    channels: list[str], ids: list[str], counts: Counter[str], seed: str, percent: int
) -> list[str]:
    starts: dict[str, int] = {}
    start = 0
    for channel, count in counts.items():  # in the order the groups come
        starts[channel] = start
        start += count
    drawn: list[str] = []
    for channel in sorted(counts):
        group = ids[starts[channel] : starts[channel] + counts[channel]]
        group.sort()  # linear when the ids come sorted
        if any(map(eq, group, islice(group, 1, None))):  # an id given twice
            group = sorted(set(group))
        rng = random.Random(f"{seed}/{channel}")
        drawn.extend(rng.sample(group, sample_size(len(group), percent)))
    return drawn


def duty_met(drawn: int, answered: int, percent: int = 15, population: int | None = None) -> bool:
    """A day's callback duty is met when the calls with an outcome reach ``percent`` of the
    population (or, without one, every drawn call is answered); a day with nothing to
    call is met."""
    if population is None:
        return answered >= drawn
    return answered * 100 >= population * percent or (drawn > 0 and answered >= drawn)


@dataclass(frozen=True)
class Escalation:
    kind: str  # one of ESCALATIONS
    count: int  # the warnings counted in the window


def escalation_for(
    count: int, already: Sequence[str], rules: Mapping[str, Any]
) -> Escalation | None:
    """What ``count`` warnings of a partner within the window lead to, given the
    escalations it already had in that window (each happens once per window)."""
    if count >= int(rules["warnings_for_suspension"]) and "suspension_proposal" not in already:
        return Escalation("suspension_proposal", count)
    if count >= int(rules["warnings_for_rectification"]) and "rectification_order" not in already:
        return Escalation("rectification_order", count)
    return None


def complaint_step_allowed(current: str, target: str) -> bool:
    """A complaint only moves forward (steps may be skipped: a quick answer resolves it)."""
    return COMPLAINT_STATUSES.index(target) > COMPLAINT_STATUSES.index(current)


def complaint_overdue(
    status: str,
    received_at: dt.datetime | None,
    responded_at: dt.datetime | None,
    resolved_at: dt.datetime | None,
    now: dt.datetime,
    rules: Mapping[str, Any],
) -> str | None:
    """``response`` when no response came within the rule's hours, ``resolution`` when it
    is not resolved within its hours (both counted from receipt), else None."""
    if received_at is None or status in ("resolved", "closed"):
        return None
    if responded_at is None and now - received_at > dt.timedelta(
        hours=float(rules["complaint_response_hours"])
    ):
        return "response"
    if resolved_at is None and now - received_at > dt.timedelta(
        hours=float(rules["complaint_resolution_hours"])
    ):
        return "resolution"
    return None


def validate_rules(values: Mapping[str, Any]) -> dict[str, Any]:
    """The defaults overlaid with ``values`` (unknown keys dropped, non-positive numbers
    replaced by the default)."""
    merged = dict(DEFAULT_RULES)
    for key, value in values.items():
        if (
            key in DEFAULT_RULES
            and isinstance(value, (int, float))
            and not isinstance(value, bool)
            and value > 0
        ):
            merged[key] = value
    return merged


def week_bounds(year: int, week: int) -> tuple[dt.date, dt.date]:
    """Monday and the following Monday of ISO week ``year-Wweek``."""
    start = dt.date.fromisocalendar(year, week, 1)
    return start, start + dt.timedelta(days=7)


def time_progress(start: dt.date, end: dt.date, today: dt.date) -> float:
    """Share of the period [start, end) elapsed by the end of ``today`` (0…1)."""
    total = (end - start).days
    if total <= 0:
        return 1.0
    return min(max((today - start).days + 1, 0), total) / total
