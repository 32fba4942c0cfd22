"""The report chart (bulletin, monthly report) draws target bars and names 目标 in its
legend only when a row has a target: a bulletin of a month without development targets
shows the development alone, with no legend entry for bars that are not there."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend

from app.i18n import set_language
from app.reports.base import register_fonts
from app.reports.builders import _chart


def _parts(rows: list[tuple[str, float, float]]) -> tuple[VerticalBarChart, list[str]]:
    register_fonts()
    drawing = _chart(rows, "")
    chart = next(c for c in drawing.contents if isinstance(c, VerticalBarChart))
    legend = next(c for c in drawing.contents if isinstance(c, Legend))
    return chart, [name for _colour, name in legend.colorNamePairs]


def test_no_target_bars_and_no_target_legend_without_targets() -> None:
    set_language("zh_CN")
    chart, names = _parts([("Q001", 0.0, 3.0), ("Q002", 0.0, 1.0)])
    assert chart.data == [[3.0, 1.0]]
    assert names == ["实际"]


def test_target_and_actual_bars_with_their_legend_when_a_row_has_a_target() -> None:
    set_language("zh_CN")
    chart, names = _parts([("Q001", 0.0, 3.0), ("Q002", 5.0, 1.0)])
    assert chart.data == [[0.0, 5.0], [3.0, 1.0]]
    assert names == ["目标", "实际"]
    assert chart.bars[0].fillColor != chart.bars[1].fillColor
