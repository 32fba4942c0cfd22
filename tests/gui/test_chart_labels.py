"""pytest-qt: the dashboard's charts at 1280 × 800 under zh_CN have room for every
category label (no label wider than its share of the plot area, so none overlap)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication


def test_dashboard_chart_labels_fit_their_bars(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    from app.services import demo
    from app.services.device import initialise_device
    from app.ui.application import create_main_window, ensure_application, install_translators

    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        initialise_device(ctx, user="李娜", territory=["3201"])
        demo.generate_demo(ctx, partners=20, months=2, seed=5)
        ui, window = create_main_window(ctx)
        window.finish_menus()
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        section = window.show_section("dashboard")
        for _ in range(5):
            QApplication.processEvents()
            ui.ops.wait(20000)
        checked = 0
        for view in (section.month_chart, section.aging_chart):
            chart = view.chart()
            axis = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
            labels = axis.categories()
            share = chart.plotArea().width() / len(labels)
            metrics = QFontMetricsF(axis.labelsFont())
            widest = max(metrics.horizontalAdvance(label) for label in labels)
            assert widest < share, (labels, widest, share)
            checked += 1
        assert checked == 2
        ui.ops.wait(10000)
    finally:
        install_translators(app, "en")
