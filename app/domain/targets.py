"""Target arithmetic in integers (fen or units): decomposition year → quarter → month and
region → partner by weights with the largest-remainder method (parts always add up
exactly), manual overrides that re-balance the rest, progress against time elapsed,
run-rate forecast, and receivable aging buckets."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence

from app.domain.formats import AMOUNT_LIMIT

PERIOD_RE = re.compile(r"^(\d{4})(?:-(Q[1-4]|0[1-9]|1[0-2]))?$")
DEFAULT_SEASONALITY = (7, 6, 8, 8, 8, 8, 8, 8, 9, 9, 10, 11)  # weights per month (peak at year end)
GRADE_WEIGHTS = {"A": 4, "B": 3, "C": 2, "D": 1}
AGING_BUCKETS = ("0-30", "31-60", "61-90", "90+")
UNIT_DECIMALS = {"fen": 2, "unit": 0, "count": 0, "permille": 1}  # a metric's unit → decimals


def decimals_of(unit: str) -> int:
    """How many decimals an amount in ``unit`` has (money in fen: 2; unknown units: 2)."""
    return UNIT_DECIMALS.get(unit, 2)


def split(total: int, weights: Sequence[float]) -> list[int]:
    """Split a non-negative integer total by weights; the parts sum exactly to ``total``.

    Largest remainder, ties broken by position, so the result is deterministic. All-zero
    weights split evenly."""
    if total < 0:
        raise ValueError("total must not be negative")
    if not weights:
        return []
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    weight_sum = float(sum(weights))
    if weight_sum == 0:
        weights = [1.0] * len(weights)
        weight_sum = float(len(weights))
    raw = [total * w / weight_sum for w in weights]
    parts = [int(r) for r in raw]
    remainder = total - sum(parts)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - parts[i]), i))
    for i in order[:remainder]:
        parts[i] += 1
    return parts


def split_with_overrides(
    total: int, weights: Sequence[float], overrides: Mapping[int, int]
) -> list[int]:
    """Like ``split`` but positions in ``overrides`` get fixed values and the rest share
    what remains by weight; raises ``ValueError`` when overrides exceed the total."""
    fixed = sum(overrides.values())
    if any(v < 0 for v in overrides.values()):
        raise ValueError("an override must not be negative")
    if fixed > total:
        raise ValueError("overrides exceed the total")
    free = [i for i in range(len(weights)) if i not in overrides]
    if not free and fixed != total:
        raise ValueError("every part is overridden but they do not add up to the total")
    shares = split(total - fixed, [weights[i] for i in free]) if free else []
    result = [0] * len(weights)
    for i, value in overrides.items():
        result[i] = value
    for i, value in zip(free, shares, strict=True):
        result[i] = value
    return result


def decompose_grid(
    month_totals: Sequence[int],
    weights: Sequence[float],
    overrides: Mapping[tuple[int, int], int],
    month_weights: Sequence[Sequence[float]] | None = None,
) -> list[list[int]]:
    """Partners × months: each month's total is split over the partners by ``weights`` (or
    by ``month_weights[month]`` when given, one weight list per month); cells in
    ``overrides`` (``(partner_index, month_index) → value``) are fixed and the other
    partners of that month share the rest, so every column adds up exactly to its month
    total. Raises ``ValueError`` naming the month (1-based) whose overrides do not fit."""
    rows = [[0] * len(month_totals) for _ in weights]
    if not weights:
        return rows
    for m, total in enumerate(month_totals):
        fixed = {p: v for (p, month), v in overrides.items() if month == m}
        try:
            column = split_with_overrides(
                total, month_weights[m] if month_weights is not None else weights, fixed
            )
        except ValueError as exc:
            raise ValueError(m + 1) from exc
        for p, value in enumerate(column):
            rows[p][m] = value
    return rows


def months_of_quarter(quarter: int) -> list[int]:
    return [3 * (quarter - 1) + k for k in (1, 2, 3)]


def year_to_months(total: int, seasonality: Sequence[float] = DEFAULT_SEASONALITY) -> list[int]:
    """Annual total → 12 monthly parts (quarters are the sums of their months)."""
    return split(total, seasonality)


def quarters_from_months(months: Sequence[int]) -> list[int]:
    return [sum(months[3 * q : 3 * q + 3]) for q in range(4)]


def parse_period(period: str) -> tuple[int, str | None]:
    match = PERIOD_RE.match(period or "")
    if not match:
        raise ValueError(period)
    return int(match.group(1)), match.group(2)


def period_bounds(period: str) -> tuple[dt.date, dt.date]:
    """[start, end) of ``YYYY``, ``YYYY-Qn`` or ``YYYY-MM``."""
    year, part = parse_period(period)
    if part is None:
        return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    if part.startswith("Q"):
        q = int(part[1])
        start = dt.date(year, 3 * (q - 1) + 1, 1)
        end = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
        return start, end
    month = int(part)
    return dt.date(year, month, 1), dt.date(
        year, month, calendar.monthrange(year, month)[1]
    ) + dt.timedelta(days=1)


def time_elapsed_pct(period: str, today: dt.date) -> float:
    """时间进度: share of the period's days that have fully passed by the end of ``today``."""
    start, end = period_bounds(period)
    total = (end - start).days
    done = min(max((today - start).days + 1, 0), total)
    return 100.0 * done / total


def completion_pct(actual: int, target: int) -> float:
    """完成进度; 0 when there is no target."""
    return 100.0 * actual / target if target > 0 else 0.0


def run_rate_forecast(actual: int, period: str, today: dt.date) -> int:
    """Actual extrapolated linearly to the period's end."""
    elapsed = time_elapsed_pct(period, today)
    if elapsed <= 0:
        return 0
    if elapsed >= 100:
        return actual
    return round(actual * 100.0 / elapsed)


def aging_bucket(due: dt.date, today: dt.date) -> str | None:
    """Bucket of an unpaid invoice by days past due (None when not yet due)."""
    days = (today - due).days
    if days < 0:
        return None
    if days <= 30:
        return "0-30"
    if days <= 60:
        return "31-60"
    if days <= 90:
        return "61-90"
    return "90+"


def parse_amount(text: str, decimals: int) -> int:
    """'1234.56' → 123456 (decimals=2) exactly; raises ValueError for anything else and
    beyond ``AMOUNT_LIMIT``."""
    cleaned = str(text).strip().replace(",", "")
    pattern = r"\d+" if decimals == 0 else rf"\d+(\.\d{{1,{decimals}}})?"
    if not re.fullmatch(pattern, cleaned):
        raise ValueError(text)
    whole, _, frac = cleaned.partition(".")
    value = int(whole) * int(10**decimals) + (
        int((frac + "0" * decimals)[:decimals]) if decimals else 0
    )
    if value > AMOUNT_LIMIT:
        raise ValueError(text)
    return value


def format_amount(value: int, decimals: int) -> str:
    if decimals == 0:
        return str(value)
    sign = "-" if value < 0 else ""
    value = abs(value)
    return f"{sign}{value // 10**decimals}.{value % 10**decimals:0{decimals}d}"
