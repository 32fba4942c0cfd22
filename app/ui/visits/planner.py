"""Planner section: the month's and the weeks' shortfall against the visit frequency
(with partners over their credit limit), overdue rectification orders, the agenda of the
last seven days and planned visits, the day's callback duty, and planning a visit or a
re-inspection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.services import receivables, visits
from app.services.context import Changes
from app.ui.sections import Section
from app.ui.visits.models import DictTableModel, state_label
from app.ui.widgets.dates import date_edit
from app.ui.widgets.empty_state import set_empty_text


class PlannerSection(Section):
    section_id = "planner"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self._reading = self._shown = 0  # reads asked for / shown (newest wins)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.duty = QLabel()  # the day's callback duty and the days it was missed
        self.duty.setWordWrap(True)
        self.shortfall = DictTableModel(
            [
                ("partner_code", self.tr("Partner")),
                ("partner_name", self.tr("Name")),
                ("grade", self.tr("Grade")),
                ("required", self.tr("Required")),
                ("done", self.tr("Done")),
                ("shortfall", self.tr("Shortfall")),
                ("credit", self.tr("Receivable / credit limit")),
            ],
            highlight=lambda r: r["shortfall"] > 0,
            parent=self,
            tooltips={
                "partner_name": lambda r: r["partner_name"],
                "credit": lambda r: r.get("credit_tip", ""),
            },
        )
        self.weeks = DictTableModel(
            [
                ("week", self.tr("Week")),
                ("required", self.tr("Required")),
                ("done", self.tr("Done")),
                ("shortfall", self.tr("Shortfall")),
            ],
            highlight=lambda r: r["shortfall"] > 0,
            parent=self,
            formatters={"week": fmt.week_text},
        )
        self.overdue = DictTableModel(
            [
                ("deadline", self.tr("Deadline")),
                ("status", self.tr("Status")),
                ("partner_code", self.tr("Partner")),
                ("partner_name", self.tr("Name")),
                ("description", self.tr("Rectification")),
            ],
            highlight=lambda r: r["status"] in ("overdue", "escalated"),
            parent=self,
            formatters={"status": state_label},
            tooltips={
                "partner_name": lambda r: r["partner_name"],
                "description": lambda r: r["description"],
            },
        )
        self.agenda = DictTableModel(
            [
                ("day", self.tr("Date")),
                ("status", self.tr("Status")),
                ("partner_code", self.tr("Partner")),
                ("partner_name", self.tr("Name")),
            ],
            parent=self,
            formatters={"status": state_label},
            highlight=lambda r: r["status"] == "planned" and r["day"] < dt.date.today().isoformat(),
        )
        tables = []
        for model in (self.shortfall, self.weeks, self.overdue, self.agenda):
            view = QTableView()
            view.setModel(model)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setStretchLastSection(True)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            tables.append(view)
        self.tables = tables
        # at 1280 × 800 each table gets half the width: every column but the free texts (a
        # name, a rectification) takes what its text needs, those share the rest and elide;
        # their full text is the cell's tooltip
        for view, model, squeezed in (
            (tables[0], self.shortfall, ("partner_name",)),
            (tables[2], self.overdue, ("partner_name", "description")),
        ):
            header = view.horizontalHeader()
            header.setStretchLastSection(False)
            for column, (key, _title) in enumerate(model.columns):
                header.setSectionResizeMode(
                    column,
                    QHeaderView.ResizeMode.Stretch
                    if key in squeezed
                    else QHeaderView.ResizeMode.ResizeToContents,
                )
        for view, text in zip(
            tables,
            (
                self.tr("Every partner has had this month's visits."),
                self.tr("No inspection weeks in this month yet."),
                self.tr("No open rectifications."),
                self.tr("No visits in the last 7 days and none planned."),
            ),
            strict=True,
        ):
            set_empty_text(view, text)
        self.shortfall_view = tables[0]
        self.overdue_view = tables[2]
        self.plan_date = date_edit(QDate.currentDate().addDays(1))
        self.plan_date.setCalendarPopup(True)
        self.plan_button = plan = QPushButton(self.tr("&Plan visit for the selected partner"))
        plan.clicked.connect(self.plan_selected)
        self.fixed_button = fixed = QPushButton(self.tr("&Mark rectification fixed"))
        fixed.clicked.connect(lambda: self.update_order("reported_fixed"))
        self.reinspect_button = QPushButton(self.tr("Re-&inspect the order's partner"))
        self.reinspect_button.setToolTip(
            self.tr(
                "Start a re-inspection listing every open order of the selected order's partner"
            )
        )
        self.reinspect_button.clicked.connect(self.reinspect_selected)
        self.escalate_button = escalate = QPushButton(self.tr("Es&calate rectification"))
        escalate.clicked.connect(lambda: self.update_order("escalated"))
        for view in (
            self.shortfall_view,
            self.overdue_view,
        ):  # actions apply to a selected row only
            view.selectionModel().selectionChanged.connect(self._update_actions)
        self._update_actions()
        grid = QSplitter()
        left = QSplitter()
        left.setOrientation(left.orientation().__class__.Vertical)
        left.addWidget(self._titled(self.tr("This month's shortfall by partner"), tables[0]))
        left.addWidget(
            self._titled(self.tr("Channels you inspected per ISO week (≥ 3)"), tables[1])
        )
        right = QSplitter()
        right.setOrientation(right.orientation().__class__.Vertical)
        right.addWidget(self._titled(self.tr("Open and overdue rectifications"), tables[2]))
        right.addWidget(
            self._titled(
                self.tr("Agenda: the last 7 days and every planned visit (double-click opens it)"),
                tables[3],
            )
        )
        tables[3].doubleClicked.connect(self.open_agenda_visit)
        grid.addWidget(left)
        grid.addWidget(right)
        grid.setSizes([1000, 1000])  # half each (else the wider headers take more)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Visit date")))
        controls.addWidget(self.plan_date)
        controls.addWidget(plan)
        controls.addStretch(1)
        controls.addWidget(fixed)
        controls.addWidget(escalate)
        controls.addWidget(self.reinspect_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.duty)
        layout.addWidget(grid, 1)
        layout.addLayout(controls)

    @staticmethod
    def _titled(title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"<b>{title}</b>"))
        layout.addWidget(widget)
        return box

    def title(self) -> str:
        return self.tr("Planner")

    def first_load(self) -> None:
        self.reload()

    def _update_actions(self, *_args: object) -> None:
        """Planning needs a selected partner, the order actions a selected order."""
        self.plan_button.setEnabled(self.shortfall_view.selectionModel().hasSelection())
        order = self.overdue_view.selectionModel().hasSelection()
        for button in (self.fixed_button, self.escalate_button, self.reinspect_button):
            button.setEnabled(order)

    def _first_load(self) -> None:
        self.first_load()  # ready once the first figures have come (``_show``)

    def reload(self) -> None:
        """Read the figures on a reader thread; the tables shown stay until they come, and
        an answer to an older read is dropped."""
        self._reading += 1
        reading = self._reading
        self.ui.ops.run(
            planner_data,
            self.ui.ctx,
            dt.date.today(),
            read_only=True,
            on_done=lambda data: self._show(reading, data),
            on_error=lambda exc: self._failed(reading, exc),
        )

    @property
    def reading(self) -> bool:
        """A read of the figures has not come back yet."""
        return self._reading != self._shown

    def _failed(self, reading: int, exc: BaseException) -> None:
        if reading == self._reading:
            self._shown = reading
            self.mark_ready()
            self.ui.report_failure(exc)

    def _show(self, reading: int, data: PlannerData) -> None:
        if reading != self._reading:
            return
        self._shown = reading
        rows = sorted(
            data.compliance["partners"], key=lambda r: (-r["shortfall"], r["partner_code"])
        )
        for row in rows:
            row["partner_name"] = data.names.get(row["partner_code"], "")
            owed_limit = data.over_limit.get(row["partner_code"])
            row["credit"] = (
                self.tr("⚠ {owed} / {limit}").format(
                    owed=fmt.money_whole_yuan(owed_limit[0]),
                    limit=fmt.money_whole_yuan(owed_limit[1]),
                )
                if owed_limit
                else ""
            )
            row["credit_tip"] = (
                self.tr("Receivable {owed} is over the credit limit {limit}.").format(
                    owed=fmt.money_fen(owed_limit[0]), limit=fmt.money_fen(owed_limit[1])
                )
                if owed_limit
                else ""
            )
        self.shortfall.set_rows(rows)
        self.weeks.set_rows(data.compliance["weeks"])
        self.overdue.set_rows(data.orders)
        self.agenda.set_rows(data.agenda)
        for view in (self.tables[1], self.tables[3]):  # the other two size themselves
            view.resizeColumnsToContents()
        self._update_actions()
        missing = sum(r["shortfall"] for r in rows)
        behind = sum(1 for r in rows if r["shortfall"])
        self.summary.setText(
            self.tr("{month}: {behind} below the visit frequency, {missing} still needed.").format(
                month=fmt.month_text(data.compliance["month"]),
                behind=self.tr("%n partner(s)", "", behind),
                missing=self.tr("%n visit(s)", "", missing),
            )
        )
        self._show_duty_data(data.duty)
        self.mark_ready()

    def _show_duty(self) -> None:
        """The day's callback duty alone, read on a reader thread."""
        self.ui.ops.run(
            duty_data,
            self.ui.ctx,
            dt.date.today(),
            read_only=True,
            on_done=self._show_duty_data,
            on_error=self.ui.report_failure,
        )

    def _show_duty_data(self, duty: tuple[Any, list[dt.date]]) -> None:
        progress, missed = duty
        text = self.tr("Today's callbacks: {answered} of {drawn} done — {state}.").format(
            answered=progress.answered,
            drawn=progress.drawn,
            state=self.tr("duty met") if progress.met else self.tr("duty not met yet"),
        )
        if missed:
            text += " " + self.tr("Missed callback days: {days}.").format(
                days=", ".join(d.strftime("%m-%d") for d in missed)
            )
        self.duty.setText(text)
        self.duty.setStyleSheet("color:#a15c00;" if missed or not progress.met else "")

    def open_agenda_visit(self, index) -> None:  # type: ignore[no-untyped-def]
        row = self.agenda.rows[index.row()]
        section = self.ui.main_window.show_section("visits")
        if section is not None:
            section.editor.load(row["id"])

    def plan_selected(self) -> None:
        rows = self.shortfall_view.selectionModel().selectedRows()
        if not rows:
            self.ui.show_message(self.tr("Select a partner in the shortfall list first."), "info")
            return
        code = self.shortfall.rows[rows[0].row()]["partner_code"]
        qdate = self.plan_date.date()
        day = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.ui.ops.run(visits.start_visit, self.ui.ctx, code, planned_for=day, initiator=self)

    def reinspect_selected(self) -> None:
        """A re-inspection of the selected order's partner, opened in the visit editor."""
        rows = self.overdue_view.selectionModel().selectedRows()
        if not rows:
            self.ui.show_message(self.tr("Select a rectification order first."), "info")
            return
        code = self.overdue.rows[rows[0].row()]["partner_code"]
        self.ui.ops.run(
            visits.start_visit,
            self.ui.ctx,
            code,
            reinspection=True,
            on_done=self._open_reinspection,
            initiator=self,
        )

    def _open_reinspection(self, started: visits.StartedVisit) -> None:
        section = self.ui.main_window.show_section("visits")
        if section is not None:
            section.editor.load(started.visit_id)

    def update_order(self, status: str) -> None:
        """Partner reported the fix, or escalate an order (verification needs a re-inspection)."""
        rows = self.overdue_view.selectionModel().selectedRows()
        if not rows:
            self.ui.show_message(self.tr("Select a rectification order first."), "info")
            return
        order = self.overdue.rows[rows[0].row()]
        self.ui.ops.run(
            visits.update_rectification, self.ui.ctx, order["id"], status, initiator=self
        )

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("visit", "rectification_order", "partner", "frequency_rule"):
            self.reload()
        elif changes.touches("callback_draw", "callback_call", "dev_record"):
            self._show_duty()


@dataclass(frozen=True)
class PlannerData:
    """What the planner shows, read in one go off the UI thread."""

    compliance: dict[str, Any]
    names: dict[str, str]
    over_limit: dict[str, tuple[int, int]]
    orders: list[dict[str, Any]]
    agenda: list[dict[str, Any]]
    duty: tuple[Any, list[dt.date]]


def planner_data(ctx: Any, today: dt.date) -> PlannerData:
    """The planner's queries: compliance, partner names, credit, open orders (the first
    1000), the agenda and the day's callback duty."""
    return PlannerData(
        visits.compliance(ctx),
        visits.partner_names(ctx),
        {code: (owed, limit) for code, owed, limit in receivables.partners_over_credit_limit(ctx)},
        visits.open_rectifications(ctx)[:1000],
        agenda_rows(ctx, today),
        duty_data(ctx, today),
    )


def duty_data(ctx: Any, today: dt.date) -> tuple[Any, list[dt.date]]:
    """The day's callback progress and the days the duty was missed."""
    from app.services.callbacks import day_progress, missed_days

    return day_progress(ctx, today), missed_days(ctx, today)


def agenda_rows(ctx: Any, today: dt.date) -> list[dict[str, Any]]:
    """Visits of the last seven days (by local day) and every planned one, in date order."""
    since = today - dt.timedelta(days=7)
    months = sorted({since.strftime("%Y-%m"), today.strftime("%Y-%m")})
    rows = []
    for month in months:
        for visit in visits.list_visits(ctx, month=month):
            if visit["status"] == "planned" or not visit["started_at"]:
                continue
            day = dt.datetime.fromisoformat(visit["started_at"]).astimezone().date()
            if since <= day <= today:
                rows.append({**visit, "day": day.isoformat()})
    for visit in visits.list_visits(ctx, status="planned"):
        rows.append({**visit, "day": visit["planned_for"] or ""})
    return sorted(rows, key=lambda r: (r["day"], r["partner_code"]))
