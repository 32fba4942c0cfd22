"""The dashboard (Qt Charts): target vs actual by month, completion vs the time line,
receivable aging buckets, and the partners of the current month sorted by progress.
Clicking a month's bar shows that month's partners; refreshes from ``changed``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from app.domain import formats as fmt
from app.domain.vocabulary import AGING_BUCKET, KPI
from app.services import actuals, dashboard, kpi, targets, visits
from app.services.context import Changes
from app.ui.deferred import later
from app.ui.latest_read import LatestRead
from app.ui.sections import Section
from app.ui.visits.models import DictTableModel
from app.ui.widgets.empty_state import set_empty_text

RESIZE_PRECISION = 60  # rows a column's width is measured on (Qt reads 1000 by default)
WAN = 10_000  # charts count in 万元 (ten thousand yuan), as Chinese sales reports do


def money_text(value: Any) -> str:
    """Yuan as ¥1,234,567.89 (the one formatter)."""
    return "" if value is None else fmt.money_yuan(value)


def kpi_label(key: str) -> str:
    return KPI.label(key)


def _list_text(words: Any) -> str:
    from app.i18n import current_language

    return ("、" if current_language() == "zh_CN" else ", ").join(words)


class DashboardSection(Section):
    section_id = "dashboard"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.headline = QLabel()
        self.headline.setStyleSheet("font-size:15px;")
        self.reminders = QLabel()
        self.reminders.setWordWrap(True)
        self.reminders.setStyleSheet(
            "background:#fff6e0;border:1px solid #e7c56b;border-radius:4px;padding:6px;"
        )
        self.reminders.hide()  # shown when the reminders come, if there are any (no empty box)
        self.month_chart = QChartView()
        self.month_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.aging_chart = QChartView()
        self.aging_chart.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.partners = DictTableModel(
            [
                ("partner_code", self.tr("Partner")),
                ("partner_name", self.tr("Name")),
                ("target", self.tr("Target")),
                ("actual", self.tr("Actual")),
                ("progress", self.tr("Progress")),
            ],
            highlight=lambda r: bool(r.get("behind")),
            parent=self,
            formatters={"target": money_text, "actual": money_text, "progress": fmt.percent},
        )
        self.table = QTableView()
        self.table.setModel(self.partners)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_title = QLabel()
        self.kpi = DictTableModel(
            [
                ("rank", self.tr("Rank")),
                ("partner_code", self.tr("Partner")),
                ("partner_name", self.tr("Name")),
                ("score", self.tr("KPI score")),
                ("detail", self.tr("Components")),
            ],
            parent=self,
            highlight=lambda r: not r.get("complete", True),
        )  # incomplete: ranked after the complete scores
        self.kpi_table = QTableView()
        self.kpi_table.setModel(self.kpi)
        self.kpi_table.verticalHeader().setVisible(False)
        self.kpi_table.horizontalHeader().setStretchLastSection(True)
        for view in (
            self.table,
            self.kpi_table,
        ):  # column widths from the first rows, not by reading all 500
            view.horizontalHeader().setResizeContentsPrecision(RESIZE_PRECISION)
        set_empty_text(
            self.table,
            self.tr(
                "No partner targets this month.\nImport targets or decompose a region's target."
            ),
        )
        set_empty_text(self.kpi_table, self.tr("No KPI scores this month yet."))
        self.decompose_button = QPushButton(self.tr("Decompose targets…"))
        self.decompose_button.setToolTip(
            self.tr("Split a region's annual target to months and partners")
        )
        self.decompose_button.clicked.connect(lambda _checked=False: self.open_decomposition())
        self.decomposition: Any = None
        self.import_targets_button = QPushButton(self.tr("Import targets…"))
        self.import_targets_button.setToolTip(
            self.tr("Targets from a CSV or XLSX file: metric, period, scope_kind, scope, amount")
        )
        self.import_targets_button.clicked.connect(
            lambda _checked=False: self.import_file("targets")
        )
        self.import_actuals_button = QPushButton(self.tr("Import actuals…"))
        self.import_actuals_button.setToolTip(
            self.tr("Actuals from HQ's CSV or XLSX export: partner_code, metric, period, amount")
        )
        self.import_actuals_button.clicked.connect(
            lambda _checked=False: self.import_file("actuals")
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (
            self.import_targets_button,
            self.import_actuals_button,
            self.decompose_button,
        ):
            buttons.addWidget(button)
        grid = QGridLayout(self)
        grid.addWidget(self.reminders, 0, 0, 1, 2)
        grid.addWidget(self.headline, 1, 0)
        grid.addLayout(buttons, 1, 1)
        grid.addWidget(self.month_chart, 2, 0)
        grid.addWidget(self.aging_chart, 2, 1)
        grid.addWidget(self.list_title, 3, 0, 1, 2)
        grid.addWidget(self.table, 4, 0)
        grid.addWidget(self.kpi_table, 4, 1)
        grid.setRowStretch(2, 3)
        grid.setRowStretch(4, 2)
        self.data: dashboard.DashboardData | None = None
        self.names: dict[str, str] = {}
        self.reading = LatestRead(ui, self)
        self.month_reading = LatestRead(ui, self)
        # the partner list shows what was asked last: this month's (a reload) or a month's
        # click-through; an older request's answer coming later does not replace it
        self._list_asked = self._reload_asked = 0

    def title(self) -> str:
        return self.tr("Dashboard")

    def _first_load(self) -> None:
        self.first_load()  # ready once the first figures are shown (``_show``)

    def first_load(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the figures on a reader thread; the charts shown stay until they come."""
        self._list_asked += 1
        self._reload_asked = self._list_asked
        self.reading.run(dashboard_figures, self.ui.ctx, on_done=self._show, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.mark_ready()
        self.ui.report_failure(exc)

    def _show(self, figures: tuple[dashboard.DashboardData, dict[str, str]]) -> None:
        # The reminders count across every table (sync status, frequency, contracts): they
        # come from a reader thread and fill the panel when ready; the charts do not wait,
        # and the thread starts once these charts are painted (it would take the
        # interpreter from the charts while they are drawn).
        later(self, 0, self._load_reminders)
        data, self.names = figures
        self.data = data
        self.headline.setText(
            self.tr("{month} revenue: completion {done} vs time elapsed {time}").format(
                month=fmt.month_text(data.period),
                done=fmt.percent(data.completion),
                time=fmt.percent(data.time_progress),
            )
        )
        chart = QChart()
        chart.setTitle(self.tr("Revenue: target vs actual by month (10,000 yuan)"))
        target_set, actual_set = QBarSet(self.tr("Target")), QBarSet(self.tr("Actual"))
        target_set.append([v / WAN for v in data.target_by_month])
        actual_set.append([v / WAN for v in data.actual_by_month])
        series = QBarSeries()
        series.append(target_set)
        series.append(actual_set)
        series.clicked.connect(self.show_month)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([m[5:] for m in data.months])
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        axis_y.setRange(0, max([*data.target_by_month, *data.actual_by_month, 1.0]) * 1.1 / WAN)
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        self.month_chart.setChart(chart)
        aging_chart = QChart()
        aging_chart.setTitle(self.tr("Receivables by days overdue (10,000 yuan)"))
        aging_set = QBarSet(self.tr("Overdue"))
        aging_set.append([v / WAN for v in data.aging.values()])
        aging_series = QBarSeries()
        aging_series.append(aging_set)
        aging_chart.addSeries(aging_series)
        buckets = QBarCategoryAxis()
        buckets.append([AGING_BUCKET.label(bucket) for bucket in data.aging])
        aging_chart.addAxis(buckets, Qt.AlignmentFlag.AlignBottom)
        aging_series.attachAxis(buckets)
        aging_y = QValueAxis()
        aging_y.setLabelFormat("%.0f")
        aging_y.setRange(0, max([*data.aging.values(), 1.0]) * 1.1 / WAN)
        aging_y.applyNiceNumbers()
        aging_chart.addAxis(aging_y, Qt.AlignmentFlag.AlignLeft)
        aging_series.attachAxis(aging_y)
        aging_chart.legend().hide()
        self.aging_chart.setChart(aging_chart)
        if self._reload_asked == self._list_asked:  # no month clicked since
            self.list_title.setText(
                self.tr("Partners this month, lowest progress first (red: behind the time line)")
            )
            self._show_partners(data.partners)
        # the KPI scorecard reads every metric of every partner: a reader thread fills it in
        self.ui.ops.run(
            kpi.kpi_scorecard,
            self.ui.ctx,
            data.period,
            save=False,
            read_only=True,
            on_done=self._show_kpi,
        )
        self.mark_ready()

    def _show_kpi(self, scores: list[Any]) -> None:
        self.kpi.set_rows(
            [
                {
                    "rank": r.rank,
                    "partner_code": r.partner_code,
                    "partner_name": self.names.get(r.partner_code, ""),
                    "score": r.score
                    if r.complete
                    else self.tr("{score} (incomplete)").format(score=f"{r.score:.1f}"),
                    "complete": r.complete,
                    "detail": "  ".join(f"{kpi_label(k)} {v:.0f}" for k, v in r.components.items())
                    + (
                        ""
                        if r.complete
                        else "  "
                        + self.tr("missing: {names}").format(
                            names=_list_text(kpi_label(k) for k in r.missing)
                        )
                    ),
                }
                for r in scores
            ]
        )
        self._fit_columns_once(self.kpi_table, bool(scores))

    def _fit_columns_once(self, view: QTableView, filled: bool) -> None:
        """Column widths from the first rows a table shows; later reloads keep them (no
        measuring of every cell at each reload, and the columns do not jump)."""
        if filled and not view.property("columnsFitted"):
            view.resizeColumnsToContents()
            view.setProperty("columnsFitted", True)

    def _load_reminders(self) -> None:
        from app.services.reminders import reminders

        self.ui.ops.run(reminders, self.ui.ctx, read_only=True, on_done=self._show_reminders)

    def _show_reminders(self, notes: list[Any]) -> None:
        self.reminders.setText(
            "<br>".join(("⚠ " if n.level == "warning" else "• ") + n.text for n in notes)
        )
        self.reminders.setVisible(bool(notes))

    def _show_partners(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            row["partner_name"] = self.names.get(row["partner_code"], "")
        self.partners.set_rows(rows)
        self._fit_columns_once(self.table, bool(rows))

    def import_file(self, kind: str, path: str | None = None) -> None:
        """Import targets or actuals from a CSV/XLSX file (all rows or none; problems are
        listed with their file, row and column in the message bar)."""
        if path is None:
            title = self.tr("Import targets") if kind == "targets" else self.tr("Import actuals")
            path, _ = QFileDialog.getOpenFileName(self, title, "", self.tr("Tables (*.csv *.xlsx)"))
        if not path:
            return
        fn = targets.import_targets if kind == "targets" else actuals.import_actuals

        def done(report: Any) -> None:
            self.ui.show_message(
                self.tr(
                    "{file}: {rows} rows, {created} new, {updated} changed, {unchanged} unchanged."
                ).format(
                    file=Path(path).name,
                    rows=report.rows,
                    created=report.created,
                    updated=report.updated,
                    unchanged=report.unchanged,
                ),
                "info",
            )

        self.ui.ops.run(
            fn,
            self.ui.ctx,
            Path(path),
            on_done=done,
            progress_title=self.tr("Importing {file}…").format(file=Path(path).name),
        )

    def open_decomposition(self) -> Any:
        """Open the target decomposition editor (one at a time); returns the dialog."""
        from app.ui.dashboard.decomposition import DecompositionDialog

        if self.decomposition is not None:
            if self.decomposition.isVisible():
                self.decomposition.raise_()
                return self.decomposition
            self.decomposition.deleteLater()
        self.decomposition = DecompositionDialog(self.ui, self.window())
        self.decomposition.open()
        return self.decomposition

    def show_month(self, index: int, _barset: QBarSet | None = None) -> None:
        """Click-through from a month's bar to that month's partner list."""
        if self.data is None:
            return
        month = self.data.months[index]
        self._list_asked += 1
        asked = self._list_asked

        def listed(rows: list[Any]) -> None:
            if asked == self._list_asked:  # not replaced by a reload since
                self._show_month(month, rows)

        self.month_reading.run(targets.list_targets, self.ui.ctx, month=month, on_done=listed)

    def _show_month(self, month: str, listed: list[Any]) -> None:
        assert self.data is not None
        rows = [r for r in listed if r.metric == self.data.metric and r.scope_kind == "partner"]
        scale = 10 ** (rows[0].decimals if rows else 2)
        self.list_title.setText(self.tr("Partners in {month}").format(month=fmt.month_text(month)))
        self._show_partners(
            sorted(
                (
                    {
                        "partner_code": r.scope,
                        "target": r.target / scale,
                        "actual": r.actual / scale,
                        "progress": round(r.progress, 1),
                        "behind": r.progress < r.time_progress,
                    }
                    for r in rows
                ),
                key=lambda d: d["progress"],
            )
        )

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(
            "target",
            "actual",
            "invoice",
            "payment",
            "partner",
            "visit",
            "rectification_order",
            "contract",
            "exported_bundle",
        ):
            self.reload()


def dashboard_figures(ctx: Any) -> tuple[dashboard.DashboardData, dict[str, str]]:
    """The dashboard's figures and the partners' names (read off the UI thread)."""
    return dashboard.dashboard_data(ctx), visits.partner_names(ctx)
