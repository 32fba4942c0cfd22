"""PDFs under zh_CN speak the vocabulary's words: no machine keys, one money format."""
# ruff: noqa: F811  (pytest fixtures imported from another test module)

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest

from app import i18n
from app.services import partner_card, period_reports, reports, visits
from tests.unit.reports.test_reports import submitted_visit  # noqa: F401  (fixture)

MACHINE_WORDS = {
    "submitted",
    "draft",
    "store_inspection",
    "dealer",
    "agent",
    "franchise",
    "special",
    "active",
    "prospect",
    "open",
    "overdue",
    "merge",
    "merged",
    "terminate",
    "suspend",
    "reported_fixed",
    "yes",
    "no",
}


def _words(path: Path) -> set[str]:
    text = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    return {w.lower() for w in re.findall(r"[A-Za-z_]+", text)}, text  # type: ignore[return-value]


@pytest.fixture
def zh():  # type: ignore[no-untyped-def]
    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_visit_report_and_partner_card_print_labels_not_keys(
    ctx,
    submitted_visit,
    tmp_path: Path,
    zh,
) -> None:  # type: ignore[no-untyped-def]
    words, text = _words(reports.write_visit_report(ctx, submitted_visit, tmp_path / "v.pdf"))
    assert not words & MACHINE_WORDS, words & MACHINE_WORDS
    assert "门店巡检" in text and "已提交" in text
    code = visits.visit_detail(ctx, submitted_visit)["partner_code"]
    words, text = _words(
        reports.write_period_report(partner_card.partner_card_data(ctx, code), tmp_path / "p.pdf")
    )
    assert not words & MACHINE_WORDS, words & MACHINE_WORDS
    assert re.search(r"¥\d{1,3}(,\d{3})*\.\d\d", text)
    assert "经销商" in text and "正常" in text and "A 类（核心渠道）" in text


def test_monthly_target_labels_name_regions_and_money(zh) -> None:  # type: ignore[no-untyped-def]
    assert period_reports._target_label("回款 3201") == ("回款 南京市", True)
    assert period_reports._target_label("销量 310115") == ("销量 浦东新区", False)


@pytest.mark.parametrize(
    "names",
    [
        ["销售额 南京市"] * 3,
        [
            "市场份额 巴音郭楞蒙古自治州",
            "回款 南京市",
            "销量 玄武区",
            "回款 鼓楼区",
        ],  # one too wide
        [f"市场份额 巴音郭楞蒙古自治州{i}" for i in range(12)],  # the most the report charts
    ],
)
def test_chart_labels_on_a4_never_overlap_nor_leave_the_chart(names: list[str]) -> None:
    import math

    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.reports.base import FONT
    from app.reports.builders import _chart

    drawing = _chart([(n, 10.0, 8.0) for n in names], "")
    chart = next(c for c in drawing.contents if isinstance(c, VerticalBarChart))
    labels = chart.categoryAxis.labels
    slot = chart.width / len(names)
    widest = max(stringWidth(n, FONT, labels.fontSize) for n in names)
    if labels.angle == 0:
        assert widest <= slot, "upright labels wider than their bars run into each other"
    else:
        angle = math.radians(labels.angle)
        assert slot * math.sin(angle) >= 1.2 * labels.fontSize  # parallel lines apart
        assert widest * math.sin(angle) + labels.fontSize <= chart.y  # inside the drawing
    assert (labels.angle != 0) == (len(names) > 4 or names[0].startswith("市场份额"))


def test_amendments_print_item_labels_and_answer_words(ctx, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    from tests.unit.services.test_amendments import sealed_visit

    visit_id = sealed_visit(ctx, tmp_path, {"signage": "yes"})
    visits.amend(ctx, visit_id, "复核更正", {"signage": "no"})
    words, text = _words(reports.write_visit_report(ctx, visit_id, tmp_path / "amended.pdf"))
    label = next(
        i["label"] for i in visits.visit_detail(ctx, visit_id)["items"] if i["key"] == "signage"
    )
    assert "signage" not in words and f"{label}：否" in text.replace("\n", "")
