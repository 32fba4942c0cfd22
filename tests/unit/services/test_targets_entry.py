"""Targets entered locally: import from CSV/XLSX (validated row by row, all-or-nothing,
idempotent), manual entry with ``set_target``, HQ-published targets read-only, and the
decomposition grid with cell overrides (exact totals, overridden flag saved)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import targets as rules
from app.errors import UserError, ValidationError
from app.services import actuals as actuals_svc
from app.services import dashboard as dashboard_svc
from app.services import decomposition as decomposition_svc
from app.services import partner_io
from app.services import targets as svc
from db.models import Target


@pytest.fixture
def with_partners(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(
        "code,name,grade,region\nT1,甲,A,310115\nT2,乙,C,310115\nT3,丙,B,310104\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, path)
    return ctx


def _targets(ctx) -> dict[tuple[str, str, str, str], tuple[int, str]]:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        return {
            (t.metric, t.period, t.scope_kind, t.scope): (t.amount, t.source)
            for t in s.query(Target).filter(Target.voided.is_(False))
        }


def test_import_targets_reports_every_bad_row_and_changes_nothing(
    with_partners, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    bad = tmp_path / "targets.csv"
    bad.write_text(
        "metric,period,scope_kind,scope,amount\n"
        "revenue,2026-01,partner,T1,1000.00\n"  # row 2 fine
        "profit,2026-01,partner,T1,1\n"  # row 3 unknown metric
        "revenue,2026-01,partner,XX,1\n"  # row 4 unknown partner
        "revenue,2026-01,partner,T2,-5\n"  # row 5 negative
        "revenue,2026-01,partner,T3,abc\n"  # row 6 non-numeric
        "revenue,2026/01,partner,T2,1\n"  # row 7 bad period
        "revenue,2026-01,partner,T1,7\n"  # row 8 duplicate of row 2
        "revenue,2026,region,31x,7\n"  # row 9 bad region
        "revenue,2026,county,3101,7\n",  # row 10 bad scope kind
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        svc.import_targets(ctx, bad)
    assert [d.split(":")[0] for d in info.value.details] == [
        "targets.csv, row 3, column metric",
        "targets.csv, row 4, column scope",
        "targets.csv, row 5, column amount",
        "targets.csv, row 6, column amount",
        "targets.csv, row 7, column period",
        "targets.csv, row 8, column scope",
        "targets.csv, row 9, column scope",
        "targets.csv, row 10, column scope_kind",
    ]
    assert "unknown metric profit" in info.value.details[0]
    assert "duplicate row (also row 2)" in info.value.details[5]
    assert "nothing was imported" in info.value.message
    assert _targets(ctx) == {}


def test_import_targets_is_idempotent_and_replaces_amounts(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    good = tmp_path / "good.csv"
    good.write_text(
        "指标,期间,范围类型,范围,目标\nrevenue,2026-03,partner,T1,1200.50\nsales_volume,2026-Q1,partner,T2,30\n"
        "revenue,2026,region,3101,99999.99\nmarket_share,2026-03,partner,T3,12.5\n",
        encoding="utf-8",
    )
    first = svc.import_targets(ctx, good)
    assert (first.rows, first.created, first.updated, first.unchanged) == (4, 4, 0, 0)
    stored = _targets(ctx)
    assert stored[("revenue", "2026-03", "partner", "T1")] == (120050, "import")
    assert stored[("sales_volume", "2026-Q1", "partner", "T2")] == (30, "import")
    assert stored[("revenue", "2026", "region", "3101")] == (9999999, "import")
    assert stored[("market_share", "2026-03", "partner", "T3")] == (125, "import")
    second = svc.import_targets(ctx, good)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 4)
    assert _targets(ctx) == stored
    fixed = tmp_path / "fixed.csv"
    fixed.write_text(
        "partner_code,metric,period,amount\nT1,revenue,2026-03,1300\n", encoding="utf-8"
    )
    third = svc.import_targets(ctx, fixed)
    assert (third.created, third.updated) == (0, 1)
    row = next(
        r
        for r in svc.list_targets(ctx, month="2026-03")
        if r.scope == "T1" and r.metric == "revenue"
    )
    assert row.to_json()["target"] == "1300.00"
    regions = tmp_path / "regions.csv"
    regions.write_text(
        "region,metric,period,amount\n3101,new_outlets,2026-Q2,12\n310115,new_outlets,2026-Q2,7\n",
        encoding="utf-8",
    )
    assert svc.import_targets(ctx, regions).created == 2
    assert _targets(ctx)[("new_outlets", "2026-Q2", "region", "310115")] == (7, "import")


def test_import_targets_from_xlsx(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["metric", "period", "scope", "amount"])
    sheet.append(["revenue", "2026-05", "T2", 800])
    sheet.append(["collections", "2026-05", "T2", 250.25])
    path = tmp_path / "targets.xlsx"
    book.save(path)
    report = svc.import_targets(ctx := with_partners, path)
    assert report.created == 2
    assert _targets(ctx)[("collections", "2026-05", "partner", "T2")] == (25025, "import")


def test_hq_targets_are_read_only_local_ones_editable(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    with ctx.session() as s:
        s.add(
            Target(
                metric="revenue",
                period="2026-04",
                scope_kind="partner",
                scope="T1",
                amount=5000,
                source="hq",
            )
        )
    with pytest.raises(UserError, match="published by HQ"):
        svc.set_target(ctx, "revenue", "2026-04", "partner", "T1", "60")
    svc.set_target(ctx, "revenue", "2026-04", "partner", "T2", "60.5")
    svc.set_target(ctx, "revenue", "2026-04", "partner", "T2", "61")
    svc.set_target(ctx, "new_outlets", "2026", "region", "3101", "12")
    stored = _targets(ctx)
    assert stored[("revenue", "2026-04", "partner", "T1")] == (5000, "hq")
    assert stored[("revenue", "2026-04", "partner", "T2")] == (6100, "local")
    assert stored[("new_outlets", "2026", "region", "3101")] == (12, "local")
    for args, message in (
        (("profit", "2026-04", "partner", "T2", "1"), "Unknown metric"),
        (("revenue", "2026-4", "partner", "T2", "1"), "YYYY-MM"),
        (("revenue", "2026-04", "partner", "ZZ", "1"), "Unknown partner"),
        (("revenue", "2026-04", "partner", "T2", "-1"), "non-negative"),
        (("revenue", "2026-04", "partner", "T2", "1.234"), "at most 2 decimals"),
        (("revenue", "2026-04", "region", "abc", "1"), "region code"),
    ):
        with pytest.raises(ValidationError, match=message):
            svc.set_target(ctx, *args)
    # an import may repeat HQ's value but not change it
    same = tmp_path / "same.csv"
    same.write_text("metric,period,scope,amount\nrevenue,2026-04,T1,50.00\n", encoding="utf-8")
    assert svc.import_targets(ctx, same).unchanged == 1
    other = tmp_path / "other.csv"
    other.write_text(
        "metric,period,scope,amount\nrevenue,2026-04,T2,70\nrevenue,2026-04,T1,51\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        svc.import_targets(ctx, other)
    assert (
        info.value.details[0].startswith("other.csv, row 3, column amount:")
        and "published by HQ" in info.value.details[0]
    )
    assert _targets(ctx)[("revenue", "2026-04", "partner", "T2")] == (6100, "local")


@given(
    st.lists(st.integers(0, 10**9), min_size=12, max_size=12),
    st.lists(st.integers(0, 4), min_size=1, max_size=8),
    st.dictionaries(
        st.tuples(st.integers(0, 7), st.integers(0, 11)), st.integers(0, 10**8), max_size=10
    ),
)
def test_decompose_grid_keeps_every_month_total(
    months: list[int], weights: list[int], overrides: dict[tuple[int, int], int]
) -> None:
    overrides = {k: v for k, v in overrides.items() if k[0] < len(weights)}
    try:
        grid = rules.decompose_grid(months, weights, overrides)
    except ValueError as exc:
        month = exc.args[0] - 1
        fixed = {p: v for (p, m), v in overrides.items() if m == month}
        assert sum(fixed.values()) > months[month] or (
            len(fixed) == len(weights) and sum(fixed.values()) != months[month]
        )
        return
    assert [sum(row[m] for row in grid) for m in range(12)] == months
    assert all(v >= 0 for row in grid for v in row)
    assert all(grid[p][m] == v for (p, m), v in overrides.items())
    assert grid == rules.decompose_grid(months, weights, overrides)


def test_decomposition_with_cell_overrides_and_hq_lock(with_partners) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    decomposition_svc.decompose_region_target(
        ctx, "revenue", 2027, "3101", 1_200_000_00, cell_overrides={("T2", 3): 7_000_00}
    )
    plan = decomposition_svc.decomposition_plan(ctx, "revenue", 2027, "3101")
    assert plan.annual == 1_200_000_00 and not plan.locked and not plan.annual_locked
    assert [code for code, _n, _g in plan.partners] == ["T1", "T2", "T3"]
    assert plan.overrides == {("T2", 3): 7_000_00}
    rows = svc.list_targets(ctx, year="2027")
    march = {r.scope: r.target for r in rows if r.period == "2027-03"}
    assert march["T2"] == 7_000_00 and march["T1"] + march["T2"] + march["T3"] == march["3101"]
    assert sum(r.target for r in rows if r.scope_kind == "partner") == 1_200_000_00
    # re-saving the same decomposition keeps the month shape and changes nothing
    before = _targets(ctx)
    decomposition_svc.decompose_region_target(
        ctx, "revenue", 2027, "3101", 1_200_000_00, cell_overrides=plan.overrides
    )
    assert _targets(ctx) == before
    with pytest.raises(ValidationError, match="2027-03"):
        decomposition_svc.decompose_region_target(
            ctx, "revenue", 2027, "3101", 1_200_000_00, cell_overrides={("T2", 3): 10**12}
        )
    with ctx.session() as s:
        s.add(
            Target(
                metric="collections",
                period="2027-01",
                scope_kind="partner",
                scope="T1",
                amount=1,
                source="hq",
            )
        )
    assert decomposition_svc.decomposition_plan(ctx, "collections", 2027, "3101").locked
    with pytest.raises(UserError, match="published by HQ"):
        decomposition_svc.decompose_region_target(ctx, "collections", 2027, "3101", 1_000_00)
    assert not any(k[0] == "collections" and k[2] == "region" for k in _targets(ctx))


def test_dashboard_data_sums_in_sql_match_the_target_list(ctx) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.services.demo import generate_demo

    generate_demo(ctx, partners=40, months=3, seed=5)
    today = dt.date.today()
    data = dashboard_svc.dashboard_data(ctx, "revenue", today)
    rows = [
        r for r in svc.list_targets(ctx, year=str(today.year), today=today) if r.metric == "revenue"
    ]
    assert sum(data.target_by_month) > 0 and sum(data.actual_by_month) > 0
    for i, month in enumerate(data.months):
        region = [r for r in rows if r.scope_kind == "region" and r.period == month]
        assert data.target_by_month[i] == sum(r.target for r in region) / 100
        assert data.actual_by_month[i] == sum(r.actual for r in region) / 100
    partners = [r for r in rows if r.scope_kind == "partner" and r.period == data.period]
    expected = sorted(
        (
            {
                "partner_code": r.scope,
                "target": r.target / 100,
                "actual": r.actual / 100,
                "progress": round(r.progress, 1),
                "behind": r.progress < r.time_progress,
            }
            for r in partners
        ),
        key=lambda d: (d["progress"], d["partner_code"]),
    )
    assert data.partners == expected and len(expected) > 0
    assert data.completion == rules.completion_pct(
        sum(r.actual for r in partners), sum(r.target for r in partners)
    )


def test_hq_months_are_kept_and_distributed_to_partners(with_partners) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    hq_months = rules.year_to_months(600_000_00, [1] * 11 + [5])  # December-heavy shape from HQ
    with ctx.session() as s:
        s.add(
            Target(
                metric="revenue",
                period="2028",
                scope_kind="region",
                scope="310115",
                amount=600_000_00,
                source="hq",
            )
        )
        for m, amount in enumerate(hq_months, start=1):
            s.add(
                Target(
                    metric="revenue",
                    period=f"2028-{m:02d}",
                    scope_kind="region",
                    scope="310115",
                    amount=amount,
                    source="hq",
                )
            )
    plan = decomposition_svc.decomposition_plan(ctx, "revenue", 2028, "310115")
    assert plan.annual_locked and plan.months_locked and not plan.locked
    assert plan.months(600_000_00) == hq_months
    decomposition_svc.decompose_region_target(
        ctx, "revenue", 2028, "310115", 600_000_00, cell_overrides={("T1", 12): 100_00}
    )
    stored = _targets(ctx)
    assert [stored[("revenue", f"2028-{m:02d}", "region", "310115")] for m in range(1, 13)] == [
        (a, "hq") for a in hq_months
    ]
    for m, amount in enumerate(hq_months, start=1):
        assert (
            stored[("revenue", f"2028-{m:02d}", "partner", "T1")][0]
            + stored[("revenue", f"2028-{m:02d}", "partner", "T2")][0]
            == amount
        )
    assert stored[("revenue", "2028-12", "partner", "T1")] == (100_00, "local")
    with pytest.raises(
        UserError, match="published by HQ"
    ):  # a month override would change HQ's months
        decomposition_svc.decompose_region_target(
            ctx, "revenue", 2028, "310115", 600_000_00, month_overrides={1: 1}
        )
    with pytest.raises(ValidationError, match="do not fit the annual target"):
        decomposition_svc.decompose_region_target(
            ctx, "revenue", 2029, "310115", 100, month_overrides={1: 50, 2: 60}
        )


def test_cancelled_targets_import_leaves_nothing(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.progress import Cancelled, Progress

    ctx = with_partners
    path = tmp_path / "many.csv"
    lines = [
        f"revenue,{year}-{month:02d},{code},{year}{month}"
        for year in range(1990, 2040)
        for month in range(1, 13)
        for code in ("T1", "T2")
    ]
    path.write_text("metric,period,scope,amount\n" + "\n".join(lines) + "\n", encoding="utf-8")
    progress = Progress(lambda done, _total, _message: progress.cancel() if done >= 500 else None)
    with pytest.raises(Cancelled):
        svc.import_targets(ctx, path, progress=progress)
    assert _targets(ctx) == {}
    assert svc.import_targets(ctx, path).created == len(lines)


def test_decomposition_by_last_years_actuals_and_reopened_as_saved(
    with_partners, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    actuals = tmp_path / "2025.csv"
    actuals.write_text(
        "partner_code,metric,period,amount\nT1,revenue,2025-01,300\nT2,revenue,2025-01,100\nT1,revenue,2025-07,600\n"
        "T2,revenue,2025-12,1000\nT3,revenue,2025-12,999\n",
        encoding="utf-8",
    )
    actuals_svc.import_actuals(ctx, actuals)
    plan = decomposition_svc.decomposition_plan(ctx, "revenue", 2026, "310115")
    assert plan.last_year_months == [400_00] + [0] * 5 + [600_00] + [0] * 4 + [
        1000_00
    ]  # T3 is in another district
    assert plan.last_year_partners == [900_00, 1100_00] and plan.current is None
    annual = 1_000_000_03
    decomposition_svc.decompose_region_target(
        ctx,
        "revenue",
        2026,
        "310115",
        annual,
        month_basis="last_year",
        partner_basis="last_year",
        cell_overrides={("T2", 7): 5_00},
    )
    stored = _targets(ctx)
    months = [stored[("revenue", f"2026-{m:02d}", "region", "310115")][0] for m in range(1, 13)]
    assert sum(months) == annual and months == rules.split(annual, plan.last_year_months)
    january = [stored[("revenue", "2026-01", "partner", code)][0] for code in ("T1", "T2")]
    assert january == rules.split(months[0], [900, 1100])
    july = [stored[("revenue", "2026-07", "partner", code)][0] for code in ("T1", "T2")]
    assert july == [months[6] - 5_00, 5_00]
    saved = decomposition_svc.decomposition_plan(ctx, "revenue", 2026, "310115")
    assert saved.current == [
        [stored[("revenue", f"2026-{m:02d}", "partner", code)][0] for m in range(1, 13)]
        for code in ("T1", "T2")
    ]
    assert saved.grid(annual, saved.overrides, saved.month_overrides) == saved.current  # as saved
    regrade = saved.grid(annual, saved.overrides, saved.month_overrides, partner_basis="grade")
    assert regrade[0][0] == rules.split(months[0], [4, 2])[0] and regrade[1][6] == 5_00
    with pytest.raises(ValidationError, match="basis"):
        decomposition_svc.decompose_region_target(
            ctx, "revenue", 2026, "310115", annual, partner_basis="size"
        )


@given(st.lists(st.integers(0, 10**9), min_size=12, max_size=12), st.integers(1, 6), st.data())
def test_decompose_grid_with_weights_per_month(
    months: list[int], partners: int, data: st.DataObject
) -> None:
    month_weights = [
        data.draw(st.lists(st.integers(0, 10**6), min_size=partners, max_size=partners))
        for _m in range(12)
    ]
    grid = rules.decompose_grid(months, [1] * partners, {}, month_weights=month_weights)
    assert [sum(row[m] for row in grid) for m in range(12)] == months
    for m in range(12):
        assert [row[m] for row in grid] == rules.split(months[m], month_weights[m])


def test_a_target_published_by_hq_replaces_the_local_one_and_is_read_only(tmp_path: Path) -> None:
    from app.domain.hlc import HybridLogicalClock
    from app.domain.ids import uuid7
    from app.hq.server import Hq
    from app.services.device import export_public_key, initialise_device
    from app.services.opening import open_context
    from app.services.sync_down import import_hq_bundle
    from db.hq.models import Record

    (tmp_path / "hq").mkdir()
    hq = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    hq.init()
    ctx = open_context(tmp_path / "laptop")
    try:
        initialise_device(
            ctx, user="u", territory=["3101"], hq_key_file=hq.key_dir / "hq_public.key"
        )
        hq.register_device(export_public_key(ctx, tmp_path / "laptop.key.json"))
        partners = tmp_path / "p.csv"
        partners.write_text("code,name,grade,region\nT1,甲,A,310115\n", encoding="utf-8")
        partner_io.import_partners(ctx, partners)
        svc.set_target(ctx, "revenue", "2026-05", "partner", "T1", "100")
        svc.set_target(ctx, "revenue", "2026-06", "partner", "T1", "100")
        clock = HybridLogicalClock(
            node=hq.hq_id(), wall=lambda: 1
        )  # older than the laptop's own entry
        with hq.sessions() as s, s.begin():
            s.add(
                Record(
                    entity="target",
                    id=uuid7(),
                    hlc=clock.tick(),
                    device_id=hq.hq_id(),
                    bundle_id="hq",  # HQ's own record (app.hq.authoring.write_own_records)
                    data={
                        "metric": "revenue",
                        "period": "2026-05",
                        "scope_kind": "partner",
                        "scope": "T1",
                        "amount": 500_00,
                    },
                )
            )
        import_hq_bundle(ctx, hq.publish(ctx.device_id, tmp_path / "down.cdsync", {}))
        stored = _targets(ctx)
        assert stored[("revenue", "2026-05", "partner", "T1")] == (500_00, "hq")
        assert stored[("revenue", "2026-06", "partner", "T1")] == (100_00, "local")
        with pytest.raises(UserError, match="published by HQ"):
            svc.set_target(ctx, "revenue", "2026-05", "partner", "T1", "1")
        svc.set_target(ctx, "revenue", "2026-06", "partner", "T1", "2")
    finally:
        ctx.close()
        hq.close()
