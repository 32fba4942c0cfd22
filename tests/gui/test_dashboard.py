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
    section.show_month(month_index)  # the month's targets are read on a reader thread
    qtbot.waitUntil(
        lambda: section.data.months[month_index] in section.list_title.text(), timeout=5000
    )
    assert section.partners.rowCount() > 0


def test_reload_leaves_the_kpi_scorecard_to_a_reader_thread(
    qtbot, ctx, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The section's reload on the UI thread draws the charts and the month's partners; the
    KPI scorecard (every metric of every partner) is computed on a reader thread and fills
    its table when done; column widths are measured once, on the first rows only."""
    import threading

    from app.services import kpi
    from app.ui.dashboard.section import RESIZE_PRECISION

    generate_demo(ctx, partners=30, months=3, seed=2)
    threads: list[bool] = []
    real = kpi.kpi_scorecard
    monkeypatch.setattr(
        kpi,
        "kpi_scorecard",
        lambda *a, **kw: (
            threads.append(threading.current_thread() is threading.main_thread()) or real(*a, **kw)
        ),
    )
    ui, window = ui_window
    section = window.show_section("dashboard")
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    ui.ops.wait(10000)
    section.kpi.set_rows([])
    fitted: list[str] = []
    monkeypatch.setattr(section.table, "resizeColumnsToContents", lambda: fitted.append("partners"))
    section.reload()
    ui.ops.wait(10000)
    qtbot.waitUntil(lambda: section.kpi.rowCount() > 0, timeout=5000)
    assert threads and not any(threads)
    assert section.table.horizontalHeader().resizeContentsPrecision() == RESIZE_PRECISION
    assert fitted == []  # widths were fitted at the first fill; a reload keeps them


def test_reminders_start_after_the_reload_is_painted(qtbot, ctx, ui_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The reminders' reader thread starts once the reload has returned (and been painted),
    so it does not take the interpreter from the charts while they are drawn."""
    generate_demo(ctx, partners=20, months=2, seed=3)
    ui, window = ui_window
    section = window.show_section("dashboard")
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    ui.ops.wait(10000)
    started: list[str] = []
    real_run = ui.ops.run
    monkeypatch.setattr(
        ui.ops, "run", lambda fn, *a, **kw: started.append(fn.__name__) or real_run(fn, *a, **kw)
    )
    section.reload()
    assert "reminders" not in started
    qtbot.waitUntil(lambda: "reminders" in started, timeout=5000)
    ui.ops.wait(10000)


def test_no_empty_reminders_box_before_the_reminders_come(
    qtbot, ctx, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Until the reminders are read the panel is hidden, not an empty yellow box above the
    charts; it shows when they come with something to say."""
    from app.ui.dashboard.section import DashboardSection

    generate_demo(ctx, partners=20, months=2, seed=3)
    ui, _window = ui_window
    monkeypatch.setattr(DashboardSection, "_load_reminders", lambda self: None)
    section = DashboardSection(ui)
    qtbot.addWidget(section)
    section.show()
    section.first_load()
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    ui.ops.wait(10000)
    qtbot.wait(50)
    assert not section.reminders.isVisible()
    from app.services.reminders import reminders

    section._show_reminders(reminders(ctx))
    assert section.reminders.isVisible() and section.reminders.text()
