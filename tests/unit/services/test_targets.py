"""Targets: decomposition properties (exact sums, overrides, no negatives, determinism),
progress and forecast on period boundaries and leap years, aging boundaries, actuals
import validation and idempotence, targets list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import targets as rules
from app.errors import ValidationError
from app.services import actuals as actuals_svc
from app.services import decomposition as decomposition_svc
from app.services import kpi as kpi_svc
from app.services import partner_io
from app.services import targets as svc

amounts = st.integers(min_value=0, max_value=10**13)
weights = st.lists(st.floats(min_value=0, max_value=1000, allow_nan=False), min_size=1, max_size=60)


@given(amounts, weights)
def test_split_sums_exactly_and_is_deterministic(total: int, ws: list[float]) -> None:
    parts = rules.split(total, ws)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)
    assert parts == rules.split(total, ws)


@given(amounts)
def test_year_to_months_and_quarters_add_up(total: int) -> None:
    months = rules.year_to_months(total)
    assert len(months) == 12 and sum(months) == total
    assert sum(rules.quarters_from_months(months)) == total


@given(amounts, st.dictionaries(st.integers(0, 11), st.integers(0, 10**9), max_size=6))
def test_overrides_keep_the_total(total: int, overrides: dict[int, int]) -> None:
    if sum(overrides.values()) > total or (
        len(overrides) == 12 and sum(overrides.values()) != total
    ):
        with pytest.raises(ValueError):
            rules.split_with_overrides(total, rules.DEFAULT_SEASONALITY, overrides)
        return
    parts = rules.split_with_overrides(total, rules.DEFAULT_SEASONALITY, overrides)
    assert sum(parts) == total and all(p >= 0 for p in parts)
    assert all(parts[i] == v for i, v in overrides.items())


def test_time_progress_on_boundaries_and_leap_years() -> None:
    assert rules.time_elapsed_pct("2024-02", dt.date(2024, 2, 29)) == 100
    assert rules.time_elapsed_pct("2024-02", dt.date(2024, 2, 1)) == pytest.approx(100 / 29)
    assert rules.time_elapsed_pct("2025-02", dt.date(2025, 2, 14)) == 50
    assert rules.time_elapsed_pct("2026-Q1", dt.date(2026, 3, 31)) == 100
    assert rules.time_elapsed_pct("2026-Q2", dt.date(2026, 3, 31)) == 0
    assert rules.time_elapsed_pct("2024", dt.date(2024, 12, 31)) == 100
    assert rules.period_bounds("2026-Q4") == (dt.date(2026, 10, 1), dt.date(2027, 1, 1))
    assert rules.run_rate_forecast(500, "2025-02", dt.date(2025, 2, 14)) == 1000
    with pytest.raises(ValueError):
        rules.parse_period("2026-13")


def test_aging_buckets_on_boundaries() -> None:
    due = dt.date(2026, 1, 1)
    assert rules.aging_bucket(due, dt.date(2025, 12, 31)) is None
    assert [
        rules.aging_bucket(due, due + dt.timedelta(days=d)) for d in (0, 30, 31, 60, 61, 90, 91)
    ] == ["0-30", "0-30", "31-60", "31-60", "61-90", "61-90", "90+"]


def test_amount_parsing_is_exact() -> None:
    assert rules.parse_amount("12345.67", 2) == 1234567
    assert rules.parse_amount("0.1", 2) == 10
    assert rules.format_amount(1234567, 2) == "12345.67"
    for bad in ("-1", "1.234", "abc", "", "1e5"):
        with pytest.raises(ValueError):
            rules.parse_amount(bad, 2)


@pytest.fixture
def with_partners(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(
        "code,name,grade,region\nT1,甲,A,310115\nT2,乙,C,310115\nT3,丙,B,310104\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, path)
    return ctx


def test_decomposition_writes_consistent_targets(with_partners) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    decomposition_svc.decompose_region_target(
        ctx, "revenue", 2026, "3101", 1_000_000_01, month_overrides={3: 5_000_000}
    )
    rows = svc.list_targets(ctx, year="2026")
    region_months = [
        r for r in rows if r.scope_kind == "region" and len(r.period) == 7 and "Q" not in r.period
    ]
    assert sum(r.target for r in region_months) == 1_000_000_01
    assert next(r.target for r in region_months if r.period == "2026-03") == 5_000_000
    for month in region_months:
        partners = [r for r in rows if r.scope_kind == "partner" and r.period == month.period]
        assert sum(r.target for r in partners) == month.target
    with pytest.raises(ValidationError):
        decomposition_svc.decompose_region_target(
            ctx, "revenue", 2026, "3101", 100, month_overrides={1: 500}
        )


def test_actuals_import_validates_and_is_idempotent(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "partner_code,metric,period,amount\nT1,revenue,2026-01,100.00\nXX,revenue,2026-01,1\nT1,revenue,2026/01,1\nT1,revenue,2026-02,-3\nT1,revenue,2026-01,5\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        actuals_svc.import_actuals(ctx, bad)
    assert [d.split(":")[0] for d in info.value.details] == [
        "row 3, column partner_code",
        "row 4, column period",
        "row 5, column amount",
        "row 6, column period",
    ]
    good = tmp_path / "good.csv"
    good.write_text(
        "partner_code,metric,period,amount\nT1,revenue,2026-01,100.50\nT2,revenue,2026-01,99\n",
        encoding="utf-8",
    )
    first = actuals_svc.import_actuals(ctx, good)
    assert (first.created, first.updated) == (2, 0)
    second = actuals_svc.import_actuals(ctx, good)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    good.write_text("partner_code,metric,period,amount\nT1,revenue,2026-01,120\n", encoding="utf-8")
    assert actuals_svc.import_actuals(ctx, good).updated == 1
    decomposition_svc.decompose_region_target(ctx, "revenue", 2026, "310115", 1_200_000)
    row = next(r for r in svc.list_targets(ctx, month="2026-01") if r.scope == "T1")
    assert row.to_json()["actual"] == "120.00"


def test_kpi_scorecard_weights_rank_and_history(ctx) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.domain import kpi
    from app.services.demo import generate_demo
    from db.models import KpiScore

    assert kpi.weighted_score({"a": 100, "b": 50}, {"a": 3, "b": 1, "c": 5}) == 87.5
    ranked = kpi.rank(
        [kpi.KpiResult("B", {}, 80), kpi.KpiResult("A", {}, 80), kpi.KpiResult("C", {}, 90)]
    )
    assert [(r.partner_code, r.rank) for r in ranked] == [("C", 1), ("A", 2), ("B", 3)]
    generate_demo(ctx, partners=25, months=2, seed=3)
    month = dt.date.today().strftime("%Y-%m")
    first = kpi_svc.kpi_scorecard(ctx, month)
    assert first and [r.rank for r in first] == list(range(1, len(first) + 1))
    assert all(0 <= r.score <= 100 for r in first)
    assert "visit_compliance" in first[0].components and "revenue" in first[0].components
    with ctx.read_session() as s:
        saved = (
            s.query(KpiScore).filter(KpiScore.month == month, KpiScore.kpi_code == "total").count()
        )
    assert saved == len(first)
    assert [r.score for r in kpi_svc.kpi_scorecard(ctx, month)] == [r.score for r in first]
