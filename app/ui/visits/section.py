"""Visits section (list + editor) and Planner section (month/week shortfall, overdue
rectifications, planning visits for the coming days)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from app.ui.visits.editor import VisitEditor
from app.ui.visits.models import DictTableModel, short_time, state_label
from app.ui.widgets.dates import date_edit
from app.ui.widgets.empty_state import set_empty_text


class VisitsSection(Section):
    section_id = "visits"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.model = DictTableModel(
            [
                ("started_at", self.tr("Started")),
                ("partner_code", self.tr("Partner")),
                ("partner_name", self.tr("Name")),
                ("status", self.tr("Status")),
                ("score", self.tr("Score")),
            ],
            parent=self,
            formatters={"status": state_label, "started_at": short_time},
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by partner code or name…"))
        self.filter.textChanged.connect(self.reload)
        set_empty_text(
            self.table,
            lambda: (
                self.tr("No visit matches the filter.")
                if self.filter.text().strip()
                else self.tr("No visits yet.\nStart one with “New visit” (Ctrl+Shift+N).")
            ),
        )
        new = QPushButton(self.tr("&New visit…"))
        new.clicked.connect(self.new_visit)
        self.editor = VisitEditor(ui, self)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(new)
        left_layout.addLayout(row)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([520, 900])
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 140)
        QVBoxLayout(self).addWidget(splitter)

    def title(self) -> str:
        return self.tr("Visits")

    def menu_actions(self) -> list:  # type: ignore[type-arg]
        from PySide6.QtGui import QAction, QKeySequence

        new = QAction(self.tr("New &visit…"), self)
        new.setShortcut(QKeySequence("Ctrl+Shift+N"))
        new.triggered.connect(self._new_visit_from_menu)
        week = QAction(self.tr("&Weekly inspection log…"), self)
        week.setShortcut(QKeySequence("Ctrl+Shift+L"))
        week.triggered.connect(self.weekly_report)
        month = QAction(self.tr("&Monthly assessment report…"), self)
        month.setShortcut(QKeySequence("Ctrl+M"))
        month.triggered.connect(self.monthly_report)
        return [("file", new), ("file", week), ("file", month)]

    def _new_visit_from_menu(self) -> None:
        self.ui.main_window.show_section("visits")
        self.new_visit()

    def weekly_report(self) -> None:
        from app.services.period_reports import weekly_log_data
        from app.services.reports import write_period_report

        target = self.ui.ctx.paths.tmp / "weekly-log.pdf"
        self.ui.ops.run(
            lambda: write_period_report(weekly_log_data(self.ui.ctx), target),
            read_only=True,
            on_done=lambda path: self._preview(path, self.tr("Weekly inspection log")),
        )

    def monthly_report(self) -> None:
        from app.services.period_reports import monthly_data
        from app.services.reports import write_period_report

        target = self.ui.ctx.paths.tmp / "monthly-assessment.pdf"

        def build(progress=None):  # type: ignore[no-untyped-def]
            return write_period_report(monthly_data(self.ui.ctx, progress=progress), target)

        self.ui.ops.run(
            build,
            read_only=True,
            progress_title=self.tr("Building the monthly report…"),
            on_done=lambda path: self._preview(path, self.tr("Monthly assessment report")),
        )

    def _preview(self, path, title: str) -> None:  # type: ignore[no-untyped-def]
        from app.ui.reports.preview import PdfPreviewDialog

        PdfPreviewDialog(self.ui, path, title, self).exec()

    def first_load(self) -> None:
        self.reload()

    def reload(self) -> None:
        rows = visits.list_visits(self.ui.ctx, search=self.filter.text().strip() or None)[:2000]
        for r in rows:
            r["started_at"] = r["started_at"] or r["planned_for"]
        selected = self.editor.visit_id
        self.model.set_rows(rows)
        for index, r in enumerate(rows):
            if r["id"] == selected:
                self.table.selectRow(index)

    def _selected(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.editor.load(self.model.rows[rows[0].row()]["id"] if rows else None)

    def new_visit(self) -> None:
        from app.ui.visits.new_visit import NewVisitDialog

        dialog = NewVisitDialog(self.ui, self)
        if dialog.exec() and dialog.code:
            self.ui.ops.run(
                visits.start_visit,
                self.ui.ctx,
                dialog.code,
                reinspection=dialog.reinspection,
                on_done=lambda started: self._opened(started.visit_id),
                initiator=self,
            )

    def _opened(self, visit_id: str) -> None:
        """A visit this section started: open it in the editor and select its row (the
        list reloads on the change that follows)."""
        self.editor.load(visit_id)
        self.select_visit(visit_id)

    def select_visit(self, visit_id: str) -> bool:
        """Select ``visit_id``'s row (the filter is cleared when it hides the row)."""
        for _attempt in range(2):
            for index, row in enumerate(self.model.rows):
                if row["id"] == visit_id:
                    self.table.selectRow(index)
                    self.table.scrollTo(self.model.index(index, 0))
                    return True
            if not self.filter.text():
                break
            self.filter.clear()  # reloads the list
        return False

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(
            "visit",
            "visit_answer",
            "visit_photo",
            "finding",
            "rectification_order",
            "visit_amendment",
            "partner",
            "material_count",
            "material_ledger_entry",
        ):
            self.reload()
            if self.editor.visit_id:
                self.editor.load(self.editor.visit_id)


class PlannerSection(Section):
    section_id = "planner"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
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
        self.fixed_button = fixed = QPushButton(self.tr("Mark rectification &fixed"))
        fixed.clicked.connect(lambda: self.update_order("reported_fixed"))
        self.reinspect_button = QPushButton(self.tr("Re-&inspect the order's partner"))
        self.reinspect_button.setToolTip(
            self.tr(
                "Start a re-inspection listing every open order of the selected order's partner"
            )
        )
        self.reinspect_button.clicked.connect(self.reinspect_selected)
        self.escalate_button = escalate = QPushButton(self.tr("&Escalate rectification"))
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

    def reload(self) -> None:
        data = visits.compliance(self.ui.ctx)
        names = visits.partner_names(self.ui.ctx)
        over_limit = {
            code: (owed, limit)
            for code, owed, limit in receivables.partners_over_credit_limit(self.ui.ctx)
        }
        rows = sorted(data["partners"], key=lambda r: (-r["shortfall"], r["partner_code"]))
        for row in rows:
            row["partner_name"] = names.get(row["partner_code"], "")
            owed_limit = over_limit.get(row["partner_code"])
            row["credit"] = (
                self.tr("⚠ over limit {owed} / {limit}").format(
                    owed=fmt.money_fen(owed_limit[0]), limit=fmt.money_fen(owed_limit[1])
                )
                if owed_limit
                else ""
            )
        self.shortfall.set_rows(rows)
        self.weeks.set_rows(data["weeks"])
        self.overdue.set_rows(visits.open_rectifications(self.ui.ctx)[:1000])
        self.agenda.set_rows(self._agenda_rows())
        for view in self.tables:
            view.resizeColumnsToContents()
        self._update_actions()
        missing = sum(r["shortfall"] for r in rows)
        behind = sum(1 for r in rows if r["shortfall"])
        self.summary.setText(
            self.tr("{month}: {behind} below the visit frequency, {missing} still needed.").format(
                month=fmt.month_text(data["month"]),
                behind=self.tr("%n partner(s)", "", behind),
                missing=self.tr("%n visit(s)", "", missing),
            )
        )
        self._show_duty()

    def _show_duty(self) -> None:
        from app.services.callbacks import day_progress, missed_days

        today = dt.date.today()
        progress = day_progress(self.ui.ctx, today)
        missed = missed_days(self.ui.ctx, today)
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

    def _agenda_rows(self) -> list[dict[str, Any]]:
        """Visits of the last seven days (by local day) and every planned one, in date order."""
        today = dt.date.today()
        since = today - dt.timedelta(days=7)
        months = sorted({since.strftime("%Y-%m"), today.strftime("%Y-%m")})
        rows = []
        for month in months:
            for visit in visits.list_visits(self.ui.ctx, month=month):
                if visit["status"] == "planned" or not visit["started_at"]:
                    continue
                day = dt.datetime.fromisoformat(visit["started_at"]).astimezone().date()
                if since <= day <= today:
                    rows.append({**visit, "day": day.isoformat()})
        for visit in visits.list_visits(self.ui.ctx, status="planned"):
            rows.append({**visit, "day": visit["planned_for"] or ""})
        return sorted(rows, key=lambda r: (r["day"], r["partner_code"]))

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
