"""Region targets need a real region code (GB/T 2260 province, city or district from
``resources/regions``): a well-formed but non-existent code is refused with the row named,
and the import stays all-or-nothing; manual entry and decomposition refuse it too."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.regions import regions
from app.errors import ValidationError
from app.services import decomposition as decomposition_svc
from app.services import partner_io
from app.services import targets as svc
from db.models import Target


@pytest.fixture
def with_partners(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("code,name,grade,region\nT1,甲,A,310115\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    return ctx


def _stored(ctx) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        return {
            (t.period, t.scope_kind, t.scope)
            for t in s.query(Target).filter(Target.voided.is_(False))
        }


def test_import_refuses_region_codes_that_do_not_exist_and_imports_nothing(
    with_partners, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    assert not any(regions().is_valid(code) for code in ("99", "3199", "310199"))
    assert all(regions().is_valid(code) for code in ("31", "3101", "310115"))
    path = tmp_path / "targets.csv"
    path.write_text(
        "metric,period,scope_kind,scope,amount\n"
        "revenue,2026,region,31,100\n"  # row 2 Shanghai
        "revenue,2026,region,3101,100\n"  # row 3 Shanghai's districts
        "revenue,2026,region,310115,100\n"  # row 4 Pudong
        "revenue,2026,region,99,100\n"  # row 5 no such province
        "revenue,2026,region,3199,100\n"  # row 6 no such city
        "revenue,2026,region,310199,100\n"  # row 7 no such district
        "revenue,2026,partner,T1,100\n",  # row 8 fine
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        svc.import_targets(ctx, path)
    assert info.value.details == [
        "targets.csv, row 5, column scope: unknown region code 99: no such province, city or district",
        "targets.csv, row 6, column scope: unknown region code 3199: no such province, city or district",
        "targets.csv, row 7, column scope: unknown region code 310199: no such province, city or district",
    ]
    assert "3 problems found; nothing was imported" in info.value.message
    assert _stored(ctx) == set()

    # the same code under a "区划代码" column (region targets without scope_kind)
    chinese = tmp_path / "区域目标.csv"
    chinese.write_text(
        "区划代码,指标,期间,目标\n310115,revenue,2026-Q1,5\n310199,revenue,2026-Q1,5\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as info:
        svc.import_targets(ctx, chinese)
    assert [d.split(":")[0] for d in info.value.details] == ["区域目标.csv, row 3, column 区划代码"]
    assert _stored(ctx) == set()

    path.write_text(
        "metric,period,scope_kind,scope,amount\nrevenue,2026,region,31,100\nrevenue,2026,region,310115,100\n",
        encoding="utf-8",
    )
    assert svc.import_targets(ctx, path).created == 2
    assert _stored(ctx) == {("2026", "region", "31"), ("2026", "region", "310115")}


def test_manual_entry_and_decomposition_refuse_unknown_region_codes(with_partners) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    with pytest.raises(
        ValidationError, match="Unknown region code 3199: no such province, city or district"
    ):
        svc.set_target(ctx, "revenue", "2026", "region", "3199", "10")
    with pytest.raises(ValidationError, match="Not a region code"):
        svc.set_target(ctx, "revenue", "2026", "region", "31a", "10")
    with pytest.raises(ValidationError, match="Unknown region code 310199"):
        decomposition_svc.decompose_region_target(ctx, "revenue", 2026, "310199", 1000)
    assert _stored(ctx) == set()
    svc.set_target(ctx, "revenue", "2026", "region", "3101", "10")
    assert _stored(ctx) == {("2026", "region", "3101")}


def test_official_six_digit_forms_are_kept_shortest(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    path = tmp_path / "targets.csv"
    path.write_text(
        "metric,period,scope_kind,scope,amount\nrevenue,2026,region,310000,100\nrevenue,2026-01,region,310100,10\n",
        encoding="utf-8",
    )
    svc.import_targets(ctx, path)
    svc.set_target(ctx, "revenue", "2026-02", "region", "310100", "20")
    assert _stored(ctx) == {
        ("2026", "region", "31"),
        ("2026-01", "region", "3101"),
        ("2026-02", "region", "3101"),
    }
    assert decomposition_svc.decomposition_plan(ctx, "revenue", 2026, "310100").region == "3101"
