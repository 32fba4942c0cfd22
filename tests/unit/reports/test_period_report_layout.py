"""A period report's tables as a person reads them: a long table starts under the figures
on the first page (not on the next page, leaving the first one empty), and an amount is
never wrapped mid-number (¥1,000. / 00) in a table of many narrow columns."""

from __future__ import annotations

import io

import pypdf
from reportlab.pdfbase import pdfmetrics

from app.reports.base import CELL_FONT_SIZE, CELL_PADDING, FONT, register_fonts
from app.reports.builders import WIDTH, build_period_report, period_column_widths
from app.reports.data import PeriodReportData, Table

HEADER = [
    "渠道",
    "上报数",
    "金额",
    "已抽取回访",
    "已接通",
    "虚假业务",
    "押金未退",
    "违规开户",
    "问题率",
]


def _rows(count: int) -> list[list[str]]:
    name = "玄武人民手机卖场校园服务中心"
    return [
        [f"QD32010200{n:04d} {name}", "7", f"¥{1000 + n:,}.00", "2", "1", "0", "0", "0", "75.0%"]
        for n in range(count)
    ]


def _pages(data: PeriodReportData) -> list[str]:
    buf = io.BytesIO()
    build_period_report(data, buf)
    buf.seek(0)
    return [page.extract_text() for page in pypdf.PdfReader(buf).pages]


def test_a_long_table_starts_on_the_first_page() -> None:
    data = PeriodReportData(
        company="渠道管理部",
        title="代理佣金核查",
        subtitle="2026年12月",
        figures=[("渠道数", "80"), ("上报发展量", "560")],
        tables=[Table("上报发展量与回访核实", HEADER, _rows(80))],
    )
    pages = _pages(data)
    assert "上报发展量与回访核实" in pages[0]
    assert "QD320102000000" in pages[0]


def test_amounts_fit_their_column_on_one_line() -> None:
    rows = _rows(30)
    widths = period_column_widths(HEADER, rows)
    register_fonts()
    assert abs(sum(widths) - WIDTH) < 0.01
    for row in rows:
        for value, width in zip(row[1:], widths[1:], strict=True):
            assert pdfmetrics.stringWidth(value, FONT, CELL_FONT_SIZE) <= width - 2 * CELL_PADDING
    text = "".join(_pages(PeriodReportData("部", "核查", "", [], [Table("表", HEADER, rows)])))
    assert "¥1,000.00" in text and "¥1,029.00" in text


def test_narrow_tables_keep_their_even_columns() -> None:
    assert period_column_widths(["日期", "说明"], [["2026-12-07", "x"]]) == [WIDTH / 2] * 2
    assert period_column_widths(["a", "b", "c"], [["玄武人民手机卖场", "1", "2"]]) == [
        WIDTH * 0.34,
        WIDTH * 0.33,
        WIDTH * 0.33,
    ]


def test_the_column_of_long_names_is_the_wide_one() -> None:
    """The bulletin's ranking: the rank is a number, the partner's code and name the long
    text; the partner's column is the wide one, so its code is not broken mid-code."""
    header = ["排名", "渠道", "本周", "本月累计", "月度目标", "完成进度", "时间进度", "进度"]
    rows = [
        [str(n), f"QD32010400{n:04d} 秦淮幸福信息服务自营厅", "0", "12", "—", "—", "41.9%", "—"]
        for n in range(1, 20)
    ]
    widths = period_column_widths(header, rows)
    assert widths[1] == max(widths) and widths[0] < widths[1] / 2
    register_fonts()
    code_width = pdfmetrics.stringWidth("QD320104000001", FONT, CELL_FONT_SIZE)
    assert code_width <= widths[1] - 2 * CELL_PADDING
