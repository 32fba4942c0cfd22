"""Visits section: the list of visits (filtered by partner) beside the visit editor, new
visits, and the weekly and monthly reports. The Planner section is in ``planner.py``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import VISIT_STATUS
from app.services import visits
from app.services.context import Changes
from app.ui.sections import Section
from app.ui.visits.editor import VisitEditor
from app.ui.visits.models import DictTableModel, short_time, state_label
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
        self._fit_columns()
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
        QVBoxLayout(self).addWidget(splitter)
        self._listing = self._listed_as = 0  # list reads asked for / shown (newest wins)

    def _fit_columns(self) -> None:
        """The list fits its pane: time, code, status and score as wide as their longest
        text (measured on a sample, not on every row), the name takes the rest (elided),
        so the status and the score are in view without scrolling sideways."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        metrics = self.table.fontMetrics()
        status = max(
            (VISIT_STATUS.label(key) for key in VISIT_STATUS.entries),
            key=metrics.horizontalAdvance,
        )
        samples = {0: "2026-12-07 08:38", 1: "QD320111000165", 3: status, 4: "100.0"}
        for column, sample in samples.items():
            label = str(self.model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(label))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.table.setColumnWidth(column, width + 18)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

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

    def _first_load(self) -> None:
        self.first_load()  # ready once the first list has come (``_listed``)

    def first_load(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the list on a reader thread; the rows shown stay until it comes, and an
        answer to an older read (an earlier filter) is dropped."""
        self._listing += 1
        listing = self._listing
        self.ui.ops.run(
            visit_rows,
            self.ui.ctx,
            self.filter.text().strip() or None,
            read_only=True,
            on_done=lambda rows: self._listed(listing, rows),
            on_error=lambda exc: self._list_failed(listing, exc),
        )

    @property
    def listing(self) -> bool:
        """A read of the list has not come back yet."""
        return self._listing != self._listed_as

    def _list_failed(self, listing: int, exc: BaseException) -> None:
        if listing == self._listing:
            self._listed_as = listing
            self.mark_ready()
            self.ui.report_failure(exc)

    def _listed(self, listing: int, rows: list[dict[str, Any]]) -> None:
        if listing != self._listing:
            return
        self._listed_as = listing
        selected = self.editor.visit_id
        self.model.set_rows(rows)
        for index, r in enumerate(rows):
            if r["id"] == selected:
                self.table.selectRow(index)
        self.mark_ready()

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
        """Select ``visit_id``'s row when it is listed. When the filter hides it, the
        filter is cleared: the list read again selects the editor's visit."""
        for index, row in enumerate(self.model.rows):
            if row["id"] == visit_id:
                self.table.selectRow(index)
                self.table.scrollTo(self.model.index(index, 0))
                return True
        if self.filter.text():
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


def visit_rows(ctx: Any, search: str | None) -> list[dict[str, Any]]:
    """The list's rows (the newest 2000 matching ``search``), a planned visit dated by
    its planned day."""
    rows = visits.list_visits(ctx, search=search)[:2000]
    for r in rows:
        r["started_at"] = r["started_at"] or r["planned_for"]
    return rows
