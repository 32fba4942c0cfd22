"""Dialogs that add an entry to a partner's file: a contact, a lifecycle event (开停并转,
with the partner's history), a contract, stock limits and a complaint or competitor
observation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import shiboken6
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services import lifecycle as lifecycle_svc
from app.services import partner_documents, partner_read, partner_records
from app.ui.dialog_ops import save_through_ops, show_read_failure
from app.ui.partners.dialogs import add_error_and_buttons, error_label
from app.ui.partners.model import status_label
from app.ui.widgets.dates import date_edit
from app.ui.widgets.region_picker import RegionPicker


class ContactDialog(QDialog):
    def __init__(self, ui: Any, partner_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.partner_id = ui, partner_id
        self.setWindowTitle(self.tr("Add contact"))
        self.name, self.phone, self.role, self.email = (
            QLineEdit(),
            QLineEdit(),
            QLineEdit(),
            QLineEdit(),
        )
        self.primary = QComboBox()
        self.primary.addItem(self.tr("No"), False)
        self.primary.addItem(self.tr("Yes (primary contact)"), True)
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Primary"), self.primary)
        add_error_and_buttons(self, form)

    def save(self) -> None:
        save_through_ops(
            self.ui,
            self,
            self.error,
            partner_records.save_contact,
            self.ui.ctx,
            self.partner_id,
            self.name.text(),
            self.phone.text(),
            self.role.text(),
            self.email.text(),
            bool(self.primary.currentData()),
        )


class LifecycleDialog(QDialog):
    """Record 开停并转: open, suspend, resume, terminate, merge into, transfer."""

    def __init__(self, ui: Any, partner_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.partner_id = ui, partner_id
        self.setWindowTitle(self.tr("Lifecycle"))  # the partner's name once read
        self.resize(560, 520)
        self.labels = {
            "open": self.tr("Open"),
            "suspend": self.tr("Suspend"),
            "resume": self.tr("Resume"),
            "terminate": self.tr("Terminate"),
            "merge": self.tr("Merge into another partner"),
            "transfer": self.tr("Transfer to manager/territory"),
        }
        self.kind = QComboBox()  # the events the partner's status allows, once read
        self.reason = QLineEdit()
        self.effective = date_edit(QDate.currentDate())
        self.effective.setCalendarPopup(True)
        self.note = QLineEdit()
        self.approver = QLineEdit()
        self.survivor = QLineEdit()
        self.survivor.setPlaceholderText(self.tr("Code of the surviving partner"))
        self.to_manager = QLineEdit()
        self.to_region = RegionPicker()
        self.error = error_label()
        self.error.setWordWrap(True)
        self.history = QListWidget()
        self.state = QLabel(self.tr("Loading the partner…"))
        self.state.setWordWrap(True)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Event"), self.kind)
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.tr("Effective date"), self.effective)
        form.addRow(self.tr("Approver note"), self.note)
        form.addRow(self.tr("Approver"), self.approver)
        form.addRow(self.tr("Merge into"), self.survivor)
        form.addRow(self.tr("New manager"), self.to_manager)
        form.addRow(self.tr("New region"), self.to_region)
        self.kind.currentIndexChanged.connect(lambda _i: self._fields_for_kind())
        self._fields_for_kind()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("History (never overwritten)")))
        layout.addWidget(self.history, 1)
        layout.addWidget(buttons)
        self.loaded = False
        self.fields.setEnabled(False)  # no input until the partner is read
        self.ok.setEnabled(False)
        ui.ops.run(
            partner_read.partner_detail,
            ui.ctx,
            partner_id,
            read_only=True,
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _loaded(self, detail: partner_read.PartnerDetail) -> None:
        """On the UI thread: the partner's name, the events its status allows and its
        history."""
        from app.domain.partners import allowed_events

        if not shiboken6.isValid(self):
            return  # closed meanwhile
        self.setWindowTitle(self.tr("Lifecycle of {name}").format(name=detail.partner.name))
        for kind in ("open", "suspend", "resume", "terminate", "merge", "transfer"):
            if kind in allowed_events(detail.partner.status):
                self.kind.addItem(self.labels[kind], kind)
        for event in reversed(detail.lifecycle):
            self.history.addItem(
                f"{event.effective_date.isoformat()}  {self.labels.get(event.kind, event.kind)}  "
                f"{status_label(event.old_status) if event.old_status else ''} → "
                f"{status_label(event.new_status) if event.new_status else ''}  {event.reason}"
            )
        self._fields_for_kind()
        self.state.hide()
        self.fields.setEnabled(True)
        self.ok.setEnabled(self.kind.count() > 0)
        self.loaded = True
        self.reason.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        show_read_failure(self.ui, self, self.state, exc)

    def _fields_for_kind(self) -> None:
        """Only the fields the chosen event uses can be filled in."""
        kind = self.kind.currentData()
        self.survivor.setEnabled(kind == "merge")
        for widget in (self.to_manager, self.to_region):
            widget.setEnabled(kind == "transfer")

    def save(self) -> None:
        if not self.loaded or self.kind.count() == 0:
            return  # no event to record (yet)
        qdate = self.effective.date()
        save_through_ops(
            self.ui,
            self,
            self.error,
            lifecycle_svc.record_lifecycle_event,
            self.ui.ctx,
            self.partner_id,
            self.kind.currentData(),
            self.reason.text(),
            dt.date(qdate.year(), qdate.month(), qdate.day()),
            note=self.note.text(),
            approver=self.approver.text(),
            survivor=self.survivor.text().strip() or None,
            to_manager=self.to_manager.text().strip() or None,
            to_region=self.to_region.code() or None,
        )


class ContractDialog(QDialog):
    """Add a contract: number, type, dates, key, confidentiality and termination clauses,
    and the signed scan (stored by SHA-256)."""

    def __init__(self, ui: Any, partner_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.partner_id = ui, partner_id
        self.setWindowTitle(self.tr("Add contract"))
        self.number, self.type = QLineEdit(), QLineEdit(self.tr("Channel cooperation agreement"))
        self.start = date_edit(QDate.currentDate())
        self.end = date_edit(QDate.currentDate().addYears(1))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
        self.clauses, self.confidentiality, self.termination = (
            QPlainTextEdit(),
            QPlainTextEdit(),
            QPlainTextEdit(),
        )
        for edit in (self.clauses, self.confidentiality, self.termination):
            edit.setMaximumHeight(60)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Optional: scan of the signed contract"))
        self.error = error_label()
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("&Number"), self.number),
            (self.tr("Type"), self.type),
            (self.tr("Start"), self.start),
            (self.tr("End"), self.end),
            (self.tr("Key clauses"), self.clauses),
            (self.tr("Confidentiality"), self.confidentiality),
            (self.tr("Termination"), self.termination),
            (self.tr("Scan file"), self.scan),
        ):
            form.addRow(label, widget)
        add_error_and_buttons(self, form)

    def save(self) -> None:
        def day(edit: QDateEdit) -> dt.date:
            d = edit.date()
            return dt.date(d.year(), d.month(), d.day())

        save_through_ops(
            self.ui,
            self,
            self.error,
            partner_documents.save_contract_with_scan,
            self.ui.ctx,
            self.partner_id,
            self.number.text(),
            self.type.text(),
            day(self.start),
            day(self.end),
            self.clauses.toPlainText(),
            self.confidentiality.toPlainText(),
            self.termination.toPlainText(),
            self.scan.text().strip(),
        )


class InventoryDialog(QDialog):
    """Minimum/maximum stock for one product line."""

    def __init__(self, ui: Any, partner_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.partner_id = ui, partner_id
        self.setWindowTitle(self.tr("Stock limits"))
        self.line = QLineEdit()
        self.minimum, self.maximum = QSpinBox(), QSpinBox()
        for spin in (self.minimum, self.maximum):
            spin.setRange(0, 1_000_000)
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Product line"), self.line)
        form.addRow(self.tr("Minimum"), self.minimum)
        form.addRow(self.tr("Maximum"), self.maximum)
        add_error_and_buttons(self, form)

    def save(self) -> None:
        save_through_ops(
            self.ui,
            self,
            self.error,
            partner_records.save_inventory_limit,
            self.ui.ctx,
            self.partner_id,
            self.line.text(),
            self.minimum.value(),
            self.maximum.value(),
        )


class ObservationDialog(QDialog):
    """Record a complaint (投诉) or a competitor outlet (竞品) for a partner, optionally
    during a visit."""

    def __init__(
        self,
        ui: Any,
        partner_key: str,
        kind: str,
        visit_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui, self.partner_key, self.kind, self.visit_id = ui, partner_key, kind, visit_id
        self.setWindowTitle(
            self.tr("Record a complaint")
            if kind == "complaint"
            else self.tr("Record a competitor outlet")
        )
        self.when = date_edit(QDate.currentDate())
        self.when.setCalendarPopup(True)
        self.first, self.second, self.third = QLineEdit(), QLineEdit(), QLineEdit()
        self.text = QPlainTextEdit()
        self.text.setMaximumHeight(90)
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Date"), self.when)
        if kind == "complaint":
            rows = (
                (self.tr("Channel"), self.first),
                (self.tr("Category"), self.second),
                (self.tr("Handling"), self.third),
                (self.tr("&Description"), self.text),
            )
        else:
            rows = (
                (self.tr("&Brand"), self.first),
                (self.tr("Outlet"), self.second),
                (self.tr("Prices"), self.third),
                (self.tr("Promotions"), self.text),
            )
        for label, widget in rows:
            form.addRow(label, widget)
        add_error_and_buttons(self, form)

    def save(self) -> None:
        d = self.when.date()
        day = dt.date(d.year(), d.month(), d.day())
        if self.kind == "complaint":
            save_through_ops(
                self.ui,
                self,
                self.error,
                partner_records.add_complaint,
                self.ui.ctx,
                self.partner_key,
                day,
                self.text.toPlainText(),
                channel=self.first.text(),
                category=self.second.text(),
                handling=self.third.text(),
                visit_id=self.visit_id,
            )
        else:
            save_through_ops(
                self.ui,
                self,
                self.error,
                partner_records.add_competitor,
                self.ui.ctx,
                self.partner_key,
                self.first.text(),
                day,
                outlet_name=self.second.text(),
                prices=self.third.text(),
                promotions=self.text.toPlainText(),
                source="巡检" if self.visit_id else "",
                visit_id=self.visit_id,
            )
