"""pytest-qt: the HQ console's Overview by week and its score trend (issue 19), on
SQLite and PostgreSQL: switching month → week shows the week's figures against the
weekly rule, the trend tab holds one column per recent period with the laptop's
visit score in the current one, and the weekly bulletin prints as PDF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain import compliance as comp
from app.domain import formats as fmt
from app.services import visits
from tests.gui import test_hq_console
from tests.unit.services import test_sync

pg_url, hq_url, hq = test_sync.pg_url, test_sync.hq_url, test_sync.hq  # the HQ fixtures
console, _ready = test_hq_console.console, test_hq_console._ready


def test_week_view_and_score_trend(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ui, window, ctx, visit_id, _bundle = console
    overview = window.overview
    _ready(qtbot, overview)
    score = visits.visit_detail(ctx, visit_id)["score"]
    month = dt.date.today().strftime("%Y-%m")
    trend = overview.manager_trend
    assert overview.trend is None  # read when its tab is opened, not with the tables
    overview.tabs.setCurrentWidget(overview.trend_tab)
    qtbot.waitUntil(lambda: overview.trend is not None, timeout=15000)
    assert trend.columnCount() == 1 + 6
    assert trend.horizontalHeaderItem(6).text() == fmt.month_text(month)
    assert trend.rowCount() == 1 and trend.item(0, 0).text() == "lap"
    assert trend.item(0, 6).text() == fmt.number(score, 1)
    assert trend.item(0, 5).text() == "—"  # nothing the month before
    assert overview.region_trend.rowCount() == 1
    assert overview.print_button.isEnabled()

    overview.kind.setCurrentIndex(overview.kind.findData("week"))
    week = comp.iso_week_label(dt.date.today())
    qtbot.waitUntil(
        lambda: overview.data is not None and overview.data["kind"] == "week", timeout=15000
    )
    assert overview.current_month() == week
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    assert overview.month.itemText(0).startswith(fmt.week_text(week))
    assert fmt.date_text(monday) in overview.month.itemText(0)
    weekly = overview.data["managers"][0]["weekly_minimum"]
    assert overview.managers.item(0, 2).text() == "1"  # the visit of this week
    assert overview.managers.item(0, 3).text() == f"{min(1, weekly)}/{weekly}"
    qtbot.waitUntil(lambda: overview.trend["kind"] == "week", timeout=15000)  # tab still open
    assert trend.horizontalHeaderItem(6).text() == fmt.week_text(week)
    assert trend.item(0, 6).text() == fmt.number(score, 1)

    overview.managers.cellDoubleClicked.emit(0, 0)  # the visits of that week
    inspections = window.inspections
    qtbot.waitUntil(lambda: inspections.visits.rowCount() == 1, timeout=15000)
    assert inspections.month.currentData() == week
    assert inspections.month.currentText().startswith(fmt.week_text(week))
    window.nav.setCurrentRow(window.sections.index(overview))

    overview.month.setCurrentIndex(overview.month.count() - 1)  # half a year ago: no visits
    qtbot.waitUntil(lambda: overview.managers.item(0, 2).text() == "0", timeout=15000)
    assert "No visits" in overview.hint.text()
    pdf = tmp_path / "week.pdf"
    from app.hq.ranking_report import ranking_data, write_ranking_report

    assert write_ranking_report(ui.hq, week, pdf, "week").read_bytes()[:5] == b"%PDF-"
    data = ranking_data(ui.hq, week, "week")
    assert data.subtitle == fmt.week_text(week) and "week" in data.title.lower()
