"""pytest-qt: the dashboard opens with demo data and a click on a month's bar filters the list."""

from __future__ import annotations

import datetime as dt

from app.services.demo import generate_demo


def test_dashboard_with_demo_data_and_click_through(qtbot, ctx, ui_window) -> None:  # type: ignore[no-untyped-def]
    generate_demo(ctx, partners=30, months=3, seed=2)
    _ui, window = ui_window
    section = window.show_section("dashboard")
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    assert section.data is not None and sum(section.data.target_by_month) > 0
    assert section.partners.rowCount() > 0
    month_index = dt.date.today().month - 2 if dt.date.today().month > 1 else 0
    section.show_month(month_index)
    assert section.data.months[month_index] in section.list_title.text()
    assert section.partners.rowCount() > 0
