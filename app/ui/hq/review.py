"""HQ console review sections: Overview (a month or a week per manager and region, the
score trend, click through to the visits behind the figures, the ranking as PDF) and
Inspections (visits of every device, filtered; one opened read-only with its checklist,
photos, findings, amendments and evidence; a printed report's content hash verified)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.domain.regions import regions
from app.domain.vocabulary import (
    ANSWER,
    EVIDENCE_KIND,
    RECTIFICATION_STATUS,
    VISIT_STATUS,
    template_label,
)
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


class InspectionsSection(HqSection):
    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.month = QComboBox()
        self.month.addItem(self.tr("All months"), None)
        for month in recent_months():
            self.month.addItem(fmt.month_text(month), month)
        self.month.setCurrentIndex(1)
        self.device = QComboBox()
        self.device.addItem(self.tr("All devices"), None)
        self.partner = QLineEdit()
        self.partner.setPlaceholderText(self.tr("Partner code or name"))
        self.partner.returnPressed.connect(self.load)
        search = QPushButton(self.tr("Search"))
        search.clicked.connect(self.load)
        self.month.currentIndexChanged.connect(lambda _i: self.load())
        self.device.currentIndexChanged.connect(lambda _i: self.load())
        filters = QHBoxLayout()
        for widget in (
            QLabel(self.tr("Month")),
            self.month,
            QLabel(self.tr("Device")),
            self.device,
            self.partner,
            search,
        ):
            filters.addWidget(widget)
        self.visits = table(
            [
                self.tr("Started"),
                self.tr("Partner"),
                self.tr("Name"),
                self.tr("Manager"),
                self.tr("Status"),
                self.tr("Score"),
                self.tr("Template"),
            ],
            empty=self.tr(
                "No visit matches the filter. Bundles from the laptops bring them (Inbox)."
            ),
        )
        self.visits.cellDoubleClicked.connect(
            lambda row, _c: self.open_visit(key_of(self.visits, row))
        )
        self.count = QLabel()
        self.hash = QLineEdit()
        self.hash.setPlaceholderText(self.tr("Content hash from a printed report's QR code"))
        self.hash.returnPressed.connect(self.verify)
        verify = QPushButton(self.tr("Verify"))
        verify.clicked.connect(self.verify)
        check = QHBoxLayout()
        check.addWidget(QLabel(self.tr("Verify a printed report")))
        check.addWidget(self.hash, 1)
        check.addWidget(verify)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.visits, 1)
        layout.addWidget(self.count)
        layout.addLayout(check)
        self.pending_device: str | None = None

    def title(self) -> str:
        return self.tr("Inspections")

    def filter_to(self, device_id: str, month: str) -> None:
        """Show the visits behind an overview row: of a month, or of an ISO week (added
        to the list of months as its own entry)."""
        self.pending_device = device_id
        self.loaded = True
        index = self.month.findData(month)
        self.month.blockSignals(True)
        if index < 0 and "-W" in month:
            self.month.insertItem(
                1,
                self.tr("{week} ({first} – {last})").format(
                    week=fmt.week_text(month), **week_days(month)
                ),
                month,
            )
            index = 1
        self.month.setCurrentIndex(max(index, 0))
        self.month.blockSignals(False)
        self._select_device(device_id)
        self.load()

    def _select_device(self, device_id: str | None) -> None:
        index = self.device.findData(device_id) if device_id else 0
        if index >= 0:
            self.device.blockSignals(True)
            self.device.setCurrentIndex(index)
            self.device.blockSignals(False)

    def load(self) -> None:
        from app.hq.authoring import template_versions
        from app.hq.read_models import device_list, visit_rows

        period = self.month.currentData()
        week = period if period and "-W" in period else None
        self.read(
            lambda hq, *a: (
                device_list(hq),
                visit_rows(hq, a[0], a[1], partner=a[2], week=a[3]),
                {t["name"]: t["title"] for t in template_versions(hq)},  # titles, newest last
            ),
            self.pending_device or self.device.currentData(),
            None if week else period,
            self.partner.text(),
            week,
            on_done=self._show,
        )

    def _show(
        self, result: tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]
    ) -> None:
        devices, rows, titles = result
        wanted = self.pending_device or self.device.currentData()
        self.device.blockSignals(True)
        self.device.clear()
        self.device.addItem(self.tr("All devices"), None)
        for d in devices:
            self.device.addItem(
                f"{d['user'] or d['device_id'][:8]} ({d['device_id'][:8]})", d["device_id"]
            )
        self.device.blockSignals(False)
        self._select_device(wanted)
        self.pending_device = None
        fill(
            self.visits,
            [
                [
                    fmt.datetime_text(r["started_at"])
                    if r["started_at"]
                    else fmt.date_text(r["planned_for"]),
                    r["partner_code"],
                    r["partner_name"],
                    r["manager"],
                    VISIT_STATUS.label(r["status"]),
                    fmt.number(r["score"], 1),
                    template_label(r["template"], titles.get(r["template"], "")),
                ]
                for r in rows
            ],
            [r["id"] for r in rows],
        )
        self.count.setText(self.tr("Visits: {n}").format(n=len(rows)))

    def open_visit(self, visit_id: str | None) -> None:
        from app.hq.read_models import visit_detail

        if visit_id:
            self.ui.ops.run(
                visit_detail,
                self.ui.hq,
                visit_id,
                read_only=True,
                on_done=lambda d: VisitDialog(self.ui, d, self).open(),
            )

    def verify(self) -> None:
        from app.hq.read_models import verify

        text = self.hash.text().strip()
        if text:
            self.ui.ops.run(verify, self.ui.hq, text, read_only=True, on_done=self._verified)

    def _verified(self, found: dict[str, Any]) -> None:
        self.ui.show_message(
            self.tr("Genuine: visit {id} of {code} {name} on {date}.").format(
                id=found["id"],
                code=found["partner_code"],
                name=found["partner_name"],
                date=fmt.date_text(found["date"]),
            ),
            "info",
        )
        self.open_visit(found["id"])


class VisitDialog(QDialog):
    """One visit at HQ, read-only."""

    def __init__(self, ui: Any, detail: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.detail = ui, detail
        self.setWindowTitle(
            self.tr("Visit {code} {name}").format(
                code=detail["partner_code"], name=detail["partner_name"]
            )
        )
        self.resize(900, 640)
        form = QFormLayout()
        form.addRow(
            self.tr("Partner"), QLabel(f"{detail['partner_code']} {detail['partner_name']}")
        )
        form.addRow(self.tr("Manager"), QLabel(detail["manager"] or "—"))
        form.addRow(self.tr("Status"), QLabel(VISIT_STATUS.label(detail["status"])))
        form.addRow(self.tr("Checked in"), QLabel(fmt.datetime_text(detail["started_at"])))
        form.addRow(self.tr("Score"), QLabel(fmt.number(detail["score"], 1)))
        form.addRow(
            self.tr("Template"),
            QLabel(
                self.tr("{template}, version {n}").format(
                    template=template_label(detail["template"]), n=detail["template_version"]
                )
            ),
        )
        hash_label = QLabel(detail["content_hash"] or "—")
        hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Content hash"), hash_label)
        tabs = QTabWidget()
        checklist = table(
            [self.tr("Section"), self.tr("Item"), self.tr("Answer")],
            empty=self.tr("The checklist has no items."),
        )
        fill(checklist, [[i["section"], i["label"], self._answer(i)] for i in detail["items"]])
        tabs.addTab(checklist, self.tr("Checklist"))
        tabs.addTab(self._photos(), self.tr("Photos ({n})").format(n=len(detail["photos"])))
        findings = table(
            [self.tr("Finding"), self.tr("Deadline"), self.tr("Status")],
            empty=self.tr("No findings."),
        )
        fill(
            findings,
            [
                [
                    f["description"],
                    fmt.date_text(f["rectification"]["deadline"]) if f["rectification"] else "—",
                    RECTIFICATION_STATUS.label(f["rectification"]["status"])
                    if f["rectification"]
                    else "—",
                ]
                for f in detail["findings"]
            ],
        )
        tabs.addTab(findings, self.tr("Findings ({n})").format(n=len(detail["findings"])))
        amendments = table(
            [self.tr("When"), self.tr("By"), self.tr("Reason"), self.tr("Score")],
            empty=self.tr("No amendments."),
        )
        fill(
            amendments,
            [
                [
                    fmt.datetime_text(a["amended_at"]),
                    a["amended_by"],
                    a["reason"],
                    fmt.number(a["score"], 1),
                ]
                for a in detail["amendments"]
            ],
        )
        tabs.addTab(amendments, self.tr("Amendments ({n})").format(n=len(detail["amendments"])))
        evidence = table(
            [self.tr("Warning"), self.tr("Photo"), self.tr("Detail")],
            empty=self.tr("No evidence warnings."),
        )
        fill(
            evidence,
            [
                [EVIDENCE_KIND.label(e["kind"]), e["sha256"][:12], e["detail"]]
                for e in detail["evidence"]
            ],
        )
        tabs.addTab(evidence, self.tr("Evidence ({n})").format(n=len(detail["evidence"])))
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button = buttons.addButton(
            self.tr("Print report…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.clicked.connect(self._print)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def _print(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the visit report"),
            f"visit-{self.detail['partner_code']}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.print_to(Path(path))

    def print_to(self, target: Path) -> None:
        """The visit's report from HQ's records, built as the laptop builds it."""
        from app.hq.visit_report import write_hq_visit_report

        self.ui.ops.run(
            write_hq_visit_report,
            self.ui.hq,
            self.detail["id"],
            target,
            progress_title=self.tr("Writing the report…"),
            on_done=lambda p: self.ui.show_message(
                self.tr("Report saved to {path}").format(path=p), "info"
            ),
        )

    def _answer(self, item: dict[str, Any]) -> str:
        value = item["answer"]
        if value is None:
            return "—"
        if item["kind"] in ("yesno", "choice") and isinstance(value, str):
            return ANSWER.label(value) if item["kind"] == "yesno" else value
        if isinstance(value, list):
            return self.tr("Photos: {n}").format(n=len(value))
        return str(value)

    def _photos(self) -> QWidget:
        view = QListWidget()
        view.setViewMode(QListWidget.ViewMode.IconMode)
        view.setIconSize(QSize(160, 160))
        view.setResizeMode(QListWidget.ResizeMode.Adjust)
        for photo in self.detail["photos"]:
            path = self.ui.hq.blob_dir / photo["sha256"][:2] / photo["sha256"]
            pixmap = QPixmap(str(path))
            item = QListWidgetItem(
                QIcon(pixmap.scaled(160, 160, Qt.AspectRatioMode.KeepAspectRatio))
                if not pixmap.isNull()
                else QIcon(),
                photo["original_name"] or photo["sha256"][:12],
            )
            item.setData(Qt.ItemDataRole.UserRole, photo)
            item.setToolTip(
                self.tr("Taken {when}, {w} × {h}").format(
                    when=fmt.datetime_text(photo["taken_at"]), w=photo["width"], h=photo["height"]
                )
            )
            view.addItem(item)
        view.itemDoubleClicked.connect(
            lambda item: PhotoDialog(self.ui, item.data(Qt.ItemDataRole.UserRole), self).open()
        )
        return view


class PhotoDialog(QDialog):
    """A photo in full with what its EXIF said (time, size, reuse)."""

    def __init__(self, ui: Any, photo: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(photo["original_name"] or photo["sha256"][:12])
        self.resize(900, 700)
        image = QLabel()
        pixmap = QPixmap(str(ui.hq.blob_dir / photo["sha256"][:2] / photo["sha256"]))
        image.setPixmap(pixmap) if not pixmap.isNull() else image.setText(
            self.tr("The photo file is not at HQ.")
        )
        scroll = QScrollArea()
        scroll.setWidget(image)
        info = QLabel(
            self.tr("Taken {when} · {w} × {h} · SHA-256 {sha}").format(
                when=fmt.datetime_text(photo["taken_at"]),
                w=photo["width"],
                h=photo["height"],
                sha=photo["sha256"],
            )
        )
        info.setWordWrap(True)
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(info)
        if photo["reused_in"]:
            layout.addWidget(
                QLabel(self.tr("Also used in other visits: {n}").format(n=len(photo["reused_in"])))
            )
