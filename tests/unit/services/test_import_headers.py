"""Chinese column names in the actuals import (CSV in UTF-8 and GBK, XLSX), consistent with
the target and partner imports: 渠道编码 / 合作方编码 name a partner in all three."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ValidationError
from app.services import actuals as actuals_svc
from app.services import partner_io
from app.services import targets as svc
from db.models import Actual, Partner


@pytest.fixture
def with_partners(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("code,name,grade,region\nT1,甲,A,310115\nT2,乙,C,310115\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    return ctx


def _actuals(ctx) -> dict[tuple[str, str, str], int]:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        codes = {p.id: p.code for p in s.query(Partner)}
        return {
            (codes[a.partner_id], a.metric, a.period): a.amount
            for a in s.query(Actual).filter(Actual.voided.is_(False))
        }


@pytest.mark.parametrize(
    ("header", "encoding"),
    [
        ("渠道编码,指标,月份,金额", "utf-8-sig"),
        ("合作方编码,指标,期间,数量", "gbk"),
        ("编码,指标,日期,实际", "utf-8"),
        ("客户编码,指标编码,年月,完成值", "gb18030"),
    ],
)
def test_actuals_import_takes_chinese_headers_in_csv(
    with_partners, tmp_path: Path, header: str, encoding: str
) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    path = tmp_path / "实际.csv"
    path.write_bytes(
        f"{header}\nT1,revenue,2026-01,100.50\nT2,sales_volume,2026-02,7\n".encode(encoding)
    )
    report = actuals_svc.import_actuals(ctx, path)
    assert (report.rows, report.created, report.updated, report.unchanged) == (2, 2, 0, 0)
    assert _actuals(ctx) == {
        ("T1", "revenue", "2026-01"): 10050,
        ("T2", "sales_volume", "2026-02"): 7,
    }
    again = actuals_svc.import_actuals(ctx, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_actuals_import_takes_chinese_headers_in_xlsx_and_names_columns_as_the_file_does(
    with_partners, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    ctx = with_partners
    book = Workbook()
    sheet = book.active
    sheet.append(
        ["月份", "合作方编码", "指标", "金额", "备注"]
    )  # any order; unknown columns are ignored
    sheet.append(["2026-03", "T1", "collections", 250.25, "三月回款"])
    sheet.append(["2026-03", "T2", "revenue", 800, ""])
    path = tmp_path / "actuals.xlsx"
    book.save(path)
    report = actuals_svc.import_actuals(ctx, path)
    assert (report.rows, report.created) == (2, 2)
    assert _actuals(ctx) == {
        ("T1", "collections", "2026-03"): 25025,
        ("T2", "revenue", "2026-03"): 80000,
    }

    sheet.append(["2026-03", "T9", "revenue", 1, ""])
    sheet.append(["2026-3", "T1", "revenue", 1, ""])
    book.save(path)
    with pytest.raises(ValidationError) as info:
        actuals_svc.import_actuals(ctx, path)
    assert [d.split(":")[0] for d in info.value.details] == [
        "row 4, column 合作方编码",
        "row 5, column 月份",
    ]
    assert _actuals(ctx) == {
        ("T1", "collections", "2026-03"): 25025,
        ("T2", "revenue", "2026-03"): 80000,
    }


def test_actuals_import_names_the_missing_column_when_a_chinese_header_is_unknown(
    with_partners, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.csv"
    path.write_text(
        "渠道编码,指标,月份,目标\nT1,revenue,2026-01,1\n", encoding="utf-8"
    )  # 目标 is a target, not an actual
    with pytest.raises(ValidationError) as info:
        actuals_svc.import_actuals(with_partners, path)
    assert "missing required column(s): amount" in info.value.message
    assert _actuals(with_partners) == {}


def test_partner_code_headers_are_the_same_in_all_three_imports(
    with_partners, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx = with_partners
    partners = tmp_path / "partners.csv"
    partners.write_text("合作方编码,名称,等级,区划代码\nT3,丙,B,310104\n", encoding="utf-8")
    assert partner_io.import_partners(ctx, partners).created == 1
    targets = tmp_path / "targets.csv"
    targets.write_text("合作方编码,指标,期间,目标\nT3,revenue,2026-01,50\n", encoding="utf-8")
    assert svc.import_targets(ctx, targets).created == 1
    actuals = tmp_path / "actuals.csv"
    actuals.write_text("合作方编码,指标,月份,金额\nT3,revenue,2026-01,20\n", encoding="utf-8")
    assert actuals_svc.import_actuals(ctx, actuals).created == 1
    row = next(r for r in svc.list_targets(ctx, month="2026-01") if r.scope == "T3")
    assert (row.scope_kind, row.target, row.actual) == ("partner", 5000, 2000)


def test_xlsx_month_cells_are_read_as_months(with_partners, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Excel turns a typed 2026-03 into a date (the 1st) shown as 2026年3月: a date cell whose
    format shows no day is that month; a full date is reported as the date, not a timestamp."""
    import datetime as dt

    from openpyxl import Workbook

    ctx = with_partners
    book = Workbook()
    sheet = book.active
    sheet.append(["渠道编码", "指标", "月份", "金额"])
    sheet.append(["T1", "revenue", dt.datetime(2026, 3, 1), 100])
    sheet.append(["T2", "revenue", dt.datetime(2026, 4, 1), 200])
    sheet["C2"].number_format = 'yyyy"年"m"月"'
    sheet["C3"].number_format = "mmm-yy"
    path = tmp_path / "months.xlsx"
    book.save(path)
    assert actuals_svc.import_actuals(ctx, path).created == 2
    assert _actuals(ctx) == {
        ("T1", "revenue", "2026-03"): 10000,
        ("T2", "revenue", "2026-04"): 20000,
    }

    sheet.append(["T1", "revenue", dt.datetime(2026, 5, 15), 1])
    sheet["C4"].number_format = "yyyy-mm-dd"
    book.save(path)
    with pytest.raises(ValidationError) as info:
        actuals_svc.import_actuals(ctx, path)
    assert info.value.details == ["row 4, column 月份: give the month as YYYY-MM (got 2026-05-15)"]
