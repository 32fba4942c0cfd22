"""HQ console section Inspections: the visits of every device, filtered by month or
week, device and status; one opened read-only (``VisitDialog``: its checklist, photos,
findings, amendments and evidence, printable) with its photos large (``PhotoDialog``);
a printed report's content hash verified."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
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
from app.domain.vocabulary import (
    ANSWER,
    EVIDENCE_KIND,
    RECTIFICATION_STATUS,
    VISIT_STATUS,
    template_label,
)
from app.ui.hq.base import HqSection, fill, key_of, table
from app.ui.hq.review import recent_months, week_days

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # a photo icon's caption, shown once it is read


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
        from app.hq.devices import device_list
        from app.hq.read_models import visit_rows

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
        """The visit's photos as icons, decoded and scaled on a reader thread (a
        full-size JPEG takes a good part of a second to decode); each says it is loading
        until then."""
        view = QListWidget()
        view.setViewMode(QListWidget.ViewMode.IconMode)
        view.setIconSize(QSize(160, 160))
        view.setResizeMode(QListWidget.ResizeMode.Adjust)
        paths = []
        for photo in self.detail["photos"]:
            paths.append(self.ui.hq.blob_dir / photo["sha256"][:2] / photo["sha256"])
            item = QListWidgetItem(self.tr("loading…"))
            item.setData(Qt.ItemDataRole.UserRole, photo)
            item.setData(NAME_ROLE, photo["original_name"] or photo["sha256"][:12])
            item.setToolTip(
                self.tr("Taken {when}, {w} × {h}").format(
                    when=fmt.datetime_text(photo["taken_at"]), w=photo["width"], h=photo["height"]
                )
            )
            view.addItem(item)
        view.itemDoubleClicked.connect(
            lambda item: PhotoDialog(self.ui, item.data(Qt.ItemDataRole.UserRole), self).open()
        )
        if paths:
            self.ui.ops.run(
                read_images,
                paths,
                QSize(160, 160),
                read_only=True,
                on_done=lambda images: self._show_icons(view, images),
            )
        return view

    def _show_icons(self, view: QListWidget, images: list[QImage]) -> None:
        if not shiboken6.isValid(view):
            return
        for row, image in enumerate(images[: view.count()]):
            item = view.item(row)
            item.setText(str(item.data(NAME_ROLE)))
            if not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))


class PhotoDialog(QDialog):
    """A photo in full with what its EXIF said (time, size, reuse)."""

    def __init__(self, ui: Any, photo: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(photo["original_name"] or photo["sha256"][:12])
        self.resize(900, 700)
        self.image = QLabel(self.tr("Loading the photo…"))  # decoded on a reader thread
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(False)
        ui.ops.run(
            read_images,
            [ui.hq.blob_dir / photo["sha256"][:2] / photo["sha256"]],
            None,
            read_only=True,
            on_done=self._show_image,
        )
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

    def _show_image(self, images: list[QImage]) -> None:
        if not shiboken6.isValid(self):
            return
        if images[0].isNull():
            self.image.setText(self.tr("The photo file is not at HQ."))
        else:
            self.image.setPixmap(QPixmap.fromImage(images[0]))
        self.image.adjustSize()


def read_images(paths: list[Path], size: QSize | None) -> list[QImage]:
    """The images at ``paths`` (a null image for a missing or broken file), scaled to fit
    ``size`` while decoding when given (off the UI thread: ``QImage``, not ``QPixmap``)."""
    images = []
    for path in paths:
        reader = QImageReader(str(path))
        if size is not None and reader.canRead():
            reader.setScaledSize(reader.size().scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
        images.append(reader.read())
    return images
