"""The row check both targets imports share (``app.domain.target_rows``): periods, scope
kinds, partners and regions, metrics and amounts, duplicates, and its messages in English
and Chinese."""

from __future__ import annotations

import pytest

from app.domain.target_rows import CheckedTarget, check_target_row, default_scope_kind
from app.i18n import set_language

DECIMALS = {"revenue": 2, "sales_volume": 0, "market_share": 1}
PARTNERS = {"P001", "T1"}


def _check(
    earlier: dict[tuple[str, str, str, str], int] | None = None,
    default_kind: str = "partner",
    **cells: str,
) -> tuple[CheckedTarget, list[tuple[str, str]]]:
    row = {"metric": "revenue", "period": "2026", "scope": "P001", "amount": "1", **cells}
    checked, errors = check_target_row(7, row, default_kind, DECIMALS, PARTNERS, earlier or {})
    assert all(e.row == 7 for e in errors)
    return checked, [(e.column, e.message) for e in errors]


@pytest.mark.parametrize("period", ["2026", "2026-Q1", "2026-Q4", "2026-01", "2026-12"])
def test_a_year_a_quarter_or_a_month_is_a_period(period: str) -> None:
    checked, errors = _check(period=period)
    assert errors == [] and checked.period == period


@pytest.mark.parametrize(
    ("period", "shown"),
    [
        ("2026-13", "2026-13"),
        ("2026-Q5", "2026-Q5"),
        ("2026-Q0", "2026-Q0"),
        ("2026-1", "2026-1"),
        ("26", "26"),
        ("2026年", "2026年"),
        ("", "—"),
    ],
)
def test_anything_else_is_not_a_period(period: str, shown: str) -> None:
    assert _check(period=period)[1] == [
        ("period", f"give the period as YYYY, YYYY-Qn or YYYY-MM (got {shown})")
    ]


def test_the_scope_kind_is_a_key_or_a_label_or_the_files_default() -> None:
    assert _check(scope_kind="partner")[0].scope_kind == "partner"
    assert _check(scope_kind="Region", scope="3101")[0].scope_kind == "region"
    assert _check(scope_kind="地区", scope="3101")[0].scope_kind == "region"
    assert _check(scope_kind="渠道")[0].scope_kind == "partner"
    assert _check(scope="3101", default_kind="region")[0].scope_kind == "region"
    assert _check(scope_kind="", default_kind="partner")[0].scope_kind == "partner"
    assert _check(scope_kind="country")[1] == [
        ("scope_kind", "scope_kind must be partner or region (got country)")
    ]


def test_the_default_scope_kind_follows_the_scope_columns_header() -> None:
    assert [default_scope_kind(h) for h in ("region", " Region ", "地区", "区划代码")] == [
        "region"
    ] * 4
    assert [default_scope_kind(h) for h in ("scope", "partner_code", "渠道编码")] == ["partner"] * 3


def test_a_partner_scope_is_a_known_partner_code() -> None:
    assert _check(scope="T1")[1] == []
    assert _check(scope="PX")[1] == [("scope", "unknown partner PX")]
    assert _check(scope="")[1] == [("scope", "unknown partner —")]


def test_a_region_scope_is_a_real_region_code_kept_in_its_shortest_form() -> None:
    assert _check(scope_kind="region", scope="320100")[0].scope == "3201"
    assert _check(scope_kind="region", scope="310000")[0].scope == "31"
    assert _check(scope_kind="region", scope="310115")[0].scope == "310115"
    assert _check(scope_kind="region", scope="3199")[1] == [
        ("scope", "unknown region code 3199: no such province, city or district")
    ]
    for text, shown in (("abc", "abc"), ("321", "321"), ("", "—")):
        assert _check(scope_kind="region", scope=text)[1] == [
            ("scope", f"not a region code (2, 4 or 6 digits): {shown}")
        ]


def test_metric_and_amount() -> None:
    checked, errors = _check(metric="revenue", amount="1,234.56")
    assert errors == [] and checked == CheckedTarget("revenue", "2026", "partner", "P001", 123456)
    assert _check(metric="market_share", amount="12.5")[0].amount == 125
    assert _check(metric="nope", amount="x")[1] == [
        ("metric", "unknown metric nope; use one of market_share, revenue, sales_volume")
    ]
    assert _check(metric="sales_volume", amount="1.5")[1] == [
        ("amount", "not a non-negative amount with at most 0 decimals: 1.5")
    ]
    assert _check(amount="-1")[1] == [
        ("amount", "not a non-negative amount with at most 2 decimals: -1")
    ]


def test_problems_come_in_column_order_and_a_repeated_good_row_is_named() -> None:
    _row, errors = _check(metric="nope", period="x", scope="PX")
    assert [column for column, _m in errors] == ["metric", "period", "scope"]
    checked, _e = _check()
    assert _check(earlier={checked.key: 3})[1] == [("scope", "duplicate row (also row 3)")]
    # a bad row is not also called a duplicate
    assert _check(earlier={checked.key: 3}, amount="x")[1][0][0] == "amount"


def test_the_messages_read_chinese_under_zh_cn() -> None:
    set_language("zh_CN")
    _row, errors = _check(metric="nope", period="2026-13", scope="PX", amount="-1")
    assert errors == [  # no metric, so the amount is not read
        ("metric", "未知指标 nope；可用：市场份额、销售额、销量"),
        ("period", "期间应为年份（2026）、季度（2026-Q1）或月份（2026-03）（收到 2026-13）"),
        ("scope", "未知渠道 PX"),
    ]
    assert _check(metric="销售额", amount="-1")[1] == [
        ("amount", "不是最多 2 位小数的非负金额：-1")
    ]
    assert _check(scope_kind="地区", scope="abc")[1] == [
        ("scope", "不是有效的区划代码（2、4 或 6 位数字）：abc")
    ]
    assert _check(scope_kind="地区", scope="3199")[1] == [
        ("scope", "未知的区划代码 3199：没有这个省、市或区县")
    ]
    assert _check(scope_kind="国家")[1][0][0] == "scope_kind"


def test_an_import_with_bad_rows_is_refused_in_one_wording() -> None:
    """Every import (partners, targets, actuals, development records, receivables; the
    laptop's and HQ's) refuses bad rows with ``rows_refused``: one count line (one Chinese
    wording; the targets imports used to say 个问题；), the columns as the file names them."""
    from app.domain.sheet_columns import RowError, rows_refused

    errors = [RowError(2, "period", "bad"), RowError(3, "amount", "worse")]
    names = {"period": "期间"}
    refused = rows_refused("t.csv", errors, names, file_in_details=True)
    assert refused.message == "t.csv: 2 problems found; nothing was imported."
    assert refused.details == [
        "t.csv, row 2, column 期间: bad",
        "t.csv, row 3, column amount: worse",
    ]
    bare = rows_refused("a.csv", errors[:1], None, file_in_details=False)
    assert (bare.message, bare.details) == (
        "a.csv: 1 problem found; nothing was imported.",
        ["row 2, column period: bad"],
    )
    set_language("zh_CN")
    refused = rows_refused("t.csv", errors, names, file_in_details=True)
    assert refused.message == "t.csv：发现 2 处问题，未导入任何数据。"
    assert refused.details[1] == "t.csv, 第 3 行，“金额”列：worse"


def test_every_import_reads_its_header_alike() -> None:
    """``header_row``, ``header_map`` and ``columns_missing`` (app.domain.sheet_columns)
    serve the laptop's and HQ's imports: one wording for an empty file (the targets,
    actuals and receivables imports said "the file is empty."), the missing columns named
    in the user's language."""
    from app.domain.sheet_columns import header_map, header_row
    from app.errors import ValidationError

    for table in ([], [["", " "]], [[]]):
        with pytest.raises(ValidationError) as empty:
            header_row(table, "t.csv")
        assert empty.value.message == "t.csv: the file is empty (no header row)."
    assert header_row([["metric", "x"]], "t.csv") == ["metric", "x"]
    assert header_map(
        [" Metric ", "period", "metric", "other"], ["metric"], ["metric", "period"], "t.csv"
    ) == {
        "metric": 0,
        "period": 1,
    }
    set_language("zh_CN")
    with pytest.raises(ValidationError) as missing:
        header_map(["period"], ["metric", "period", "amount"], ["metric", "period"], "t.csv")
    assert missing.value.message == "t.csv：缺少必需的列：指标、金额。"
    assert missing.value.details == ["第 1 行，“指标”列：缺失", "第 1 行，“金额”列：缺失"]
