"""The "Today" section: the day's callbacks (call list with a short script, the number
shown only on request, outcome and note per call), the duty's progress and missed days,
and the daily log (figures, notes, tomorrow's plan, close)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import BUSINESS_RECORD_KIND, CALLBACK_OUTCOME
from app.services.context import Changes
from app.ui.sections import Section
from app.ui.visits.models import DictTableModel
from app.ui.widgets.empty_state import set_empty_text


class TodaySection(Section):
    section_id = "today"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.day = dt.date.today()
        self.overview: Any = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:15px;font-weight:600;")
        self.progress_label = QLabel()
        self.missed_label = QLabel()
        self.missed_label.setStyleSheet("color:#a15c00;")
        self.import_button = QPushButton(self.tr("&Import records…"))
        self.draw_button = QPushButton(self.tr("&Draw today's callbacks"))
        self.import_button.clicked.connect(lambda: self.import_records())
        self.draw_button.clicked.connect(self.draw)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.draw_button)

        self.model = DictTableModel(
            [
                ("partner", self.tr("Partner")),
                ("product", self.tr("Product")),
                ("kind", self.tr("Kind")),
                ("phone", self.tr("Phone")),
                ("outcome", self.tr("Outcome")),
                ("note", self.tr("Note")),
            ],
            parent=self,
            tooltips={"partner": lambda r: r["partner"], "note": lambda r: r["note"]},
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        # at 1280 × 800 the table has three fifths of the width: the short columns take
        # what their text needs, the partner and the note share the rest and elide (their
        # full text is the cell's tooltip), so nothing scrolls sideways
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, (key, _title) in enumerate(self.model.columns):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if key in ("partner", "note")
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        set_empty_text(
            self.table,
            self.tr("No callbacks drawn for today. Import yesterday's records, then draw."),
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_call())

        self.script = QLabel()
        self.script.setWordWrap(True)
        self.number = QLabel()
        self.number.setStyleSheet("font-size:16px;font-weight:600;")
        self.reveal_button = QPushButton(self.tr("Show &number"))
        self.reveal_button.clicked.connect(self.reveal)
        self.outcome = QComboBox()
        for key, label in CALLBACK_OUTCOME.choices():
            self.outcome.addItem(label, key)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What the customer said"))
        self.record_button = QPushButton(self.tr("&Record outcome"))
        self.record_button.clicked.connect(self.record)
        call_box = QGroupBox(self.tr("Call"))
        form = QFormLayout(call_box)
        form.addRow(self.script)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number, 1)
        number_row.addWidget(self.reveal_button)
        form.addRow(self.tr("Number"), number_row)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.record_button)

        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.log_note = QPlainTextEdit()
        self.log_note.setPlaceholderText(self.tr("Today's notes"))
        self.log_plan = QPlainTextEdit()
        self.log_plan.setPlaceholderText(self.tr("Plan for tomorrow"))
        self.save_button = QPushButton(self.tr("S&ave notes"))
        self.close_button = QPushButton(self.tr("&Close the day"))
        self.save_button.clicked.connect(self.save_notes)
        self.close_button.clicked.connect(self.close_day)
        log_box = QGroupBox(self.tr("Daily log"))
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.figures)
        log_layout.addWidget(QLabel(self.tr("Today's notes")))
        log_layout.addWidget(self.log_note)
        log_layout.addWidget(QLabel(self.tr("Plan for tomorrow")))
        log_layout.addWidget(self.log_plan)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        log_layout.addLayout(buttons)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(call_box)
        side_layout.addWidget(log_box, 1)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.missed_label)
        layout.addWidget(splitter, 1)
        self._show_call()

    def title(self) -> str:
        return self.tr("Today")

    def menu_actions(self) -> list:  # type: ignore[type-arg]
        """File menu: the duties' papers (the CLI's ``report day``, ``report bulletin`` and
        ``report commission``), built on a reader thread and previewed."""
        from PySide6.QtGui import QAction

        papers = (
            (self.tr("&Daily log…"), self.daily_log_report),
            (self.tr("Development &bulletin…"), self.bulletin_report),
            (self.tr("&Commission check…"), self.commission_report),
        )
        actions = []
        for text, slot in papers:
            action = QAction(text, self)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            actions.append(("file", action))
        return actions

    def daily_log_report(self) -> None:
        from app.services.duty_reports import write_day_report

        target = self.ui.ctx.paths.tmp / "daily-log.pdf"
        day = self.day
        self._paper(lambda: write_day_report(self.ui.ctx, day, target), self.tr("Daily log"))

    def bulletin_report(self) -> None:
        from app.services.duty_reports import write_bulletin

        target = self.ui.ctx.paths.tmp / "development-bulletin.pdf"
        self._paper(
            lambda: write_bulletin(self.ui.ctx, None, target), self.tr("Development bulletin")
        )

    def commission_report(self) -> None:
        from app.services.duty_reports import write_commission_check

        target = self.ui.ctx.paths.tmp / "commission-check.pdf"
        self._paper(
            lambda: write_commission_check(self.ui.ctx, None, target),
            self.tr("Commission check"),
        )

    def _paper(self, build: Any, title: str) -> None:
        def preview(path: Any) -> None:
            from app.ui.reports.preview import PdfPreviewDialog

            PdfPreviewDialog(self.ui, path, title, self).exec()

        self.ui.ops.run(build, read_only=True, on_done=preview)

    def first_load(self) -> None:
        self.reload()

    # -- data --------------------------------------------------------------------------
    def reload(self) -> None:
        from app.services.today import today_overview

        self.ui.ops.run(today_overview, self.ui.ctx, self.day, read_only=True, on_done=self._loaded)

    def _loaded(self, overview: Any) -> None:
        self.overview = overview
        self.heading.setText(self.tr("Today, {date}").format(date=overview.date.isoformat()))
        p = overview.progress
        if p.drawn == 0 and p.population == 0:
            self.progress_label.setText(
                self.tr("No records from yesterday: nothing to call back today.")
            )
        else:
            state = self.tr("duty met") if p.met else self.tr("duty not met yet")
            self.progress_label.setText(
                self.tr(
                    "Callbacks: {answered} of {drawn} done ({population} records yesterday) — {state}"
                ).format(answered=p.answered, drawn=p.drawn, population=p.population, state=state)
            )
        self.missed_label.setText(
            self.tr("Missed callback days: {days}").format(
                days=", ".join(d.isoformat() for d in overview.missed)
            )
            if overview.missed
            else ""
        )
        self.missed_label.setVisible(bool(overview.missed))
        selected = self._current()
        self.model.set_rows(
            [
                {
                    "id": c.id,
                    "partner": f"{c.partner_code} {c.partner_name}",
                    "product": c.product,
                    "kind": BUSINESS_RECORD_KIND.label(c.kind),
                    "phone": c.phone_masked,
                    "outcome": CALLBACK_OUTCOME.label(c.outcome),
                    "note": c.note,
                    "call": c,
                }
                for c in overview.calls
            ]
        )
        for row, data in enumerate(self.model.rows):
            if selected and data["id"] == selected["id"]:
                self.table.selectRow(row)
        log = overview.log
        f = log.figures
        self.figures.setText(
            self.tr(
                "Visits {visits} · callbacks {callbacks} · complaints handled {complaints} · "
                "rectifications closed {closed} · new customers {development} · warnings {warnings}"
            ).format(
                visits=f["visits"],
                callbacks=f["callbacks"],
                complaints=f["complaints"],
                closed=f["rectifications_closed"],
                development=f["development"],
                warnings=f["warnings"],
            )
            + (" · " + self.tr("closed") if log.closed else "")
        )
        if not self.log_note.document().isModified():
            self.log_note.setPlainText(log.note)
        if not self.log_plan.document().isModified():
            self.log_plan.setPlainText(log.plan)
        for widget in (self.log_note, self.log_plan):
            widget.setReadOnly(log.closed)
        self.save_button.setEnabled(not log.closed)
        self.close_button.setEnabled(not log.closed)
        self.draw_button.setEnabled(not overview.calls)
        self._show_call()

    def _current(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_call(self) -> None:
        row = self._current()
        self.number.setText(row["phone"] if row else "")
        for widget in (self.reveal_button, self.outcome, self.note, self.record_button):
            widget.setEnabled(row is not None)
        if row is None:
            self.script.setText(self.tr("Select a call in the list."))
            return
        call = row["call"]
        self.script.setText(
            self.tr(
                "Hello, this is {manager}, channel manager of {company}. On {date} you were "
                "signed up at {partner} for {product}. "
                "May I check: did you sign up yourself, was your prepaid deposit credited in "
                "full, and was the line installed by "
                "our staff? Thank you."
            ).format(
                manager=self.ui.user_and_territory()[0] or self.tr("the channel manager"),
                company=self.ui.ctx.settings.company_name,
                date=call.record_date.isoformat(),
                partner=call.partner_name,
                product=call.product or "-",
            )
        )
        if call.outcome:
            self.outcome.setCurrentIndex(max(self.outcome.findData(call.outcome), 0))
        self.note.setText(call.note)

    # -- actions -------------------------------------------------------------------------
    def import_records(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import development records"),
                "",
                self.tr("Spreadsheets (*.csv *.xlsx)"),
            )
        if not path:
            return
        from pathlib import Path

        from app.services.devrecords import import_dev_records

        def done(report: Any) -> None:
            self.ui.show_message(
                self.tr("{rows} records read: {created} new, {skipped} already held.").format(
                    rows=report.rows, created=report.created, skipped=report.skipped
                ),
                "info",
            )

        self.ui.ops.run(
            import_dev_records,
            self.ui.ctx,
            Path(path),
            on_done=done,
            progress_title=self.tr("Importing records…"),
            parent=self,
        )

    def draw(self) -> None:
        from app.services.callbacks import draw_callbacks

        def done(result: Any) -> None:
            if not result.calls:
                self.ui.show_message(self.tr("No records from yesterday to call back."), "info")

        self.ui.ops.run(draw_callbacks, self.ui.ctx, self.day, on_done=done)

    def reveal(self) -> None:
        from app.services.callbacks import reveal_phone

        row = self._current()
        if row is None:
            return
        self.ui.ops.run(
            reveal_phone,
            self.ui.ctx,
            row["id"],
            read_only=True,
            on_done=lambda number: self.number.setText(
                number or self.tr("The number is no longer held (purged).")
            ),
        )

    def record(self) -> None:
        from app.services.callbacks import record_outcome

        row = self._current()
        if row is None:
            self.ui.show_message(self.tr("Select a call first."), "info")
            return
        self.ui.ops.run(
            record_outcome, self.ui.ctx, row["id"], self.outcome.currentData(), self.note.text()
        )

    def save_notes(self) -> None:
        from app.services.daily_log import save_log_notes

        self.ui.ops.run(
            save_log_notes,
            self.ui.ctx,
            self.day,
            self.log_note.toPlainText(),
            self.log_plan.toPlainText(),
            on_done=lambda _c: self._notes_saved(),
        )

    def _notes_saved(self) -> None:
        self.log_note.document().setModified(False)
        self.log_plan.document().setModified(False)

    def close_day(self) -> None:
        from app.services.daily_log import close_log

        def done(_closed: Any) -> None:
            self._notes_saved()
            self.ui.show_message(self.tr("The day's log is closed and sealed."), "info")

        self.ui.ops.run(
            close_log,
            self.ui.ctx,
            self.day,
            self.log_note.toPlainText(),
            self.log_plan.toPlainText(),
            on_done=done,
        )

    def on_changed(self, changes: Changes) -> None:
        if changes.touches(
            "dev_record",
            "callback_draw",
            "callback_call",
            "partner_warning",
            "daily_log",
            "visit",
            "complaint",
            "rectification_order",
        ):
            self.reload()
