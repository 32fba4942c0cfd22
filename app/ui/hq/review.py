"""HQ console review: the Overview section (a month or a week per manager and region,
the score trend, click through to the visits behind the figures, the ranking as PDF) and
the period and territory texts the console's sections share. Inspections, the visits
behind the figures, are in ``inspections.py``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.domain.regions import regions
from app.ui.hq.base import HqSection, fill, key_of, table


def recent_months(count: int = 24, today: dt.date | None = None) -> list[str]:
    day = (today or dt.date.today()).replace(day=1)
    months = []
    for _ in range(count):
        months.append(day.strftime("%Y-%m"))
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return months


def territory_text(codes: list[str]) -> str:
    return "、".join(regions().name(c) or c for c in codes) or "—"


def recent_weeks(count: int = 26, today: dt.date | None = None) -> list[str]:
    from app.domain.compliance import iso_week_label

    day = today or dt.date.today()
    return [iso_week_label(day - dt.timedelta(days=7 * i)) for i in range(count)]


def period_text(kind: str, period: str) -> str:
    return fmt.week_text(period) if kind == "week" else fmt.month_text(period)


def week_days(week: str) -> dict[str, str]:
    """The first and last day of an ISO week as texts (``first``, ``last``)."""
    from app.domain.compliance import week_bounds

    start, end = week_bounds(week)
    return {"first": fmt.date_text(start), "last": fmt.date_text(end - dt.timedelta(days=1))}


def trend_cells(scores: list[float | None]) -> list[str]:
    """Each period's average score, with ▲ / ▼ against the last period that had one."""
    cells, previous = [], None
    for score in scores:
        text = fmt.number(score, 1)
        if score is not None and previous is not None and score != previous:
            text += " ▲" if score > previous else " ▼"
        if score is not None:
            previous = score
        cells.append(text)
    return cells


class OverviewSection(HqSection):
    """A month or an ISO week per manager and per region, and the average-score trend
    of the recent months or weeks up to it; read in one go on a reader thread."""

    open_visits = Signal(str, str)  # device id, month or ISO week

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Month"), "month")
        self.kind.addItem(self.tr("Week"), "week")
        self.month = QComboBox()  # the month or the week shown
        self.month.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_periods()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.month.currentIndexChanged.connect(lambda _i: self.load())
        self.print_button = QPushButton(self.tr("Print ranking…"))
        self.print_button.clicked.connect(self._print)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.kind)
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.print_button)
        self.managers = table(
            [
                self.tr("Manager"),
                self.tr("Territory"),
                self.tr("Visits"),
                self.tr("Done / required"),
                self.tr("Channels"),
                self.tr("Weeks meeting the weekly rule"),
                self.tr("Average score"),
                self.tr("Open rectifications"),
                self.tr("Overdue"),
                self.tr("Evidence warnings"),
                self.tr("Last sync"),
            ],
            empty=self.tr(
                "No manager has sent a bundle yet. Register the laptops (Devices), "
                "then ingest their bundles (Inbox)."
            ),
        )
        self.managers.cellDoubleClicked.connect(self._drill)
        self.regions = table(
            [
                self.tr("Territory"),
                self.tr("Managers"),
                self.tr("Visits"),
                self.tr("Done / required"),
                self.tr("Average score"),
                self.tr("Open rectifications"),
                self.tr("Overdue"),
                self.tr("Evidence warnings"),
            ],
            empty=self.tr("No region has visits in this period."),
        )
        self.manager_trend = table(
            [self.tr("Manager")], empty=self.tr("No scores in these periods.")
        )
        self.region_trend = table(
            [self.tr("Territory")], empty=self.tr("No scores in these periods.")
        )
        for view in (self.manager_trend, self.region_trend):
            view.horizontalHeader().setStretchLastSection(False)  # periods side by side, alike
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        per_manager = QWidget()
        box = QVBoxLayout(per_manager)
        box.addWidget(self.managers, 1)
        box.addWidget(
            QLabel(self.tr("Double-click a manager to see the visits behind the figures."))
        )
        trend = self.trend_tab = QWidget()
        box = QVBoxLayout(trend)
        self.trend_note = QLabel()
        self.trend_note.setWordWrap(True)
        box.addWidget(self.trend_note)
        box.addWidget(QLabel(self.tr("Per manager")))
        box.addWidget(self.manager_trend, 3)
        box.addWidget(QLabel(self.tr("Per region")))
        box.addWidget(self.region_trend, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(per_manager, self.tr("Per manager"))
        self.tabs.addTab(self.regions, self.tr("Per region"))
        self.tabs.addTab(trend, self.tr("Score trend"))
        self.tabs.currentChanged.connect(lambda _i: self._load_trend())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs, 1)
        self.data: dict[str, Any] | None = None
        self.trend: dict[str, Any] | None = None  # the trend shown, read when its tab shows
        self.trend_asked: tuple[str, str] | None = None

    def title(self) -> str:
        return self.tr("Overview")

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def current_month(self) -> str:
        """The period shown: a month ``YYYY-MM`` or an ISO week ``YYYY-Www``."""
        return str(self.month.currentData())

    def _fill_periods(self) -> None:
        kind = self.current_kind()
        periods = recent_weeks() if kind == "week" else recent_months()
        self.month.blockSignals(True)
        self.month.clear()
        for period in periods:
            self.month.addItem(
                self.tr("{week} ({first} – {last})").format(
                    week=period_text(kind, period), **week_days(period)
                )
                if kind == "week"
                else period_text(kind, period),
                period,
            )
        self.month.blockSignals(False)

    def _kind_changed(self, _index: int) -> None:
        self._fill_periods()
        self.load()

    def load(self) -> None:
        """The period's figures; the trend too when its tab is the one shown (else
        when it is opened), so the tables paint without waiting for it."""
        from app.hq.overview import period_overview

        self.print_button.setEnabled(False)
        self.trend_asked = None
        self.read(period_overview, self.current_kind(), self.current_month(), on_done=self._show)
        self._load_trend()

    def _load_trend(self) -> None:
        from app.hq.trend import score_trend

        wanted = (self.current_kind(), self.current_month())
        if self.tabs.currentWidget() is not self.trend_tab or self.trend_asked == wanted:
            return
        self.trend_asked = wanted
        self.read(score_trend, *wanted, on_done=self._show_trend)

    def _show(self, data: dict[str, Any]) -> None:
        if data["kind"] != self.current_kind() or data["period"] != self.current_month():
            return  # an older period's answer arriving after a switch
        self.data = data
        managers = data["managers"]
        self.print_button.setEnabled(bool(managers))
        if not managers:
            self.hint.setText(
                self.tr("No devices are registered yet: register the laptops under Devices.")
            )
        elif not any(m["visits"] for m in managers):
            self.hint.setText(self.tr("No visits were submitted in this period."))
        else:
            self.hint.setText(
                self.tr("A week counts the channels visited against the weekly rule.")
                if data["kind"] == "week"
                else self.tr("Visits count against the visit-frequency rules of each grade.")
            )
        rows = [
            [
                m["manager"] or m["device_id"][:8],
                territory_text(m["territory"]),
                str(m["visits"]),
                f"{m['done']}/{m['required']}",
                str(m["channels"]),
                f"{m['weeks_met']}/{len(m['weeks'])}",
                fmt.number(m["average_score"], 1),
                str(m["open_orders"]),
                str(m["overdue_orders"]),
                str(m["evidence_warnings"]),
                fmt.datetime_text(m["last_sync"], empty=self.tr("never")),
            ]
            for m in managers
        ]
        fill(self.managers, rows, [m["device_id"] for m in managers])
        fill(
            self.regions,
            [
                [
                    territory_text(r["territory"]),
                    str(r["managers"]),
                    str(r["visits"]),
                    f"{r['done']}/{r['required']}",
                    fmt.number(r["average_score"], 1),
                    str(r["open_orders"]),
                    str(r["overdue_orders"]),
                    str(r["evidence_warnings"]),
                ]
                for r in data["regions"]
            ],
        )

    def _show_trend(self, trend: dict[str, Any]) -> None:
        if (trend["kind"], trend["periods"][-1]) != (self.current_kind(), self.current_month()):
            return  # an older period's answer arriving after a switch
        self.trend = trend
        kind = trend["kind"]
        periods = [period_text(kind, p) for p in trend["periods"]]
        self.trend_note.setText(
            (
                self.tr(
                    "Average score of the submitted visits, week by week (▲ / ▼ against the week before)."
                )
                if kind == "week"
                else self.tr(
                    "Average score of the submitted visits, month by month (▲ / ▼ against the month before)."
                )
            )
            if trend["managers"]
            else self.tr("No devices are registered yet: register the laptops under Devices.")
        )
        for view, first, rows in (
            (
                self.manager_trend,
                self.tr("Manager"),
                [
                    [m["manager"] or m["device_id"][:8], *trend_cells(m["scores"])]
                    for m in trend["managers"]
                ],
            ),
            (
                self.region_trend,
                self.tr("Territory"),
                [
                    [territory_text(r["territory"]), *trend_cells(r["scores"])]
                    for r in trend["regions"]
                ],
            ),
        ):
            view.setColumnCount(1 + len(periods))
            view.setHorizontalHeaderLabels([first, *periods])
            fill(view, rows)

    def _drill(self, row: int, _column: int) -> None:
        device = key_of(self.managers, row)
        if device:
            self.open_visits.emit(device, self.current_month())

    def _print(self) -> None:
        from app.hq.ranking_report import write_ranking_report

        kind, period = self.current_kind(), self.current_month()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the ranking"), f"ranking-{period}.pdf", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.ui.ops.run(
                write_ranking_report,
                self.ui.hq,
                period,
                Path(path),
                kind,
                progress_title=self.tr("Writing the ranking…"),
                on_done=lambda p: self.ui.show_message(
                    self.tr("Ranking saved to {path}").format(path=p), "info"
                ),
            )
