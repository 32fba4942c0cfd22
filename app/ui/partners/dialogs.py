"""The partner edit form (validation, draft autosave, unsaved-change protection) and the
form helpers the partner dialogs share. The dialogs that add an entry to a partner's file
(contact, lifecycle, contract, stock limits, observation) are in ``file_dialogs``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.partners import (
    GRADES,
    PARTNER_STATUSES,
    PARTNER_TYPES,
    fen_to_text,
    parse_money_to_fen,
)
from app.domain.vocabulary import GRADE
from app.services import partner_drafts, partner_edit, partner_read
from app.ui.dialog_ops import save_through_ops, show_read_failure
from app.ui.partners.model import status_label, type_label
from app.ui.widgets.region_picker import RegionPicker


def error_label() -> QLabel:
    """The red line under a form where validation messages appear."""
    label = QLabel()
    label.setStyleSheet("color:#b00020;")
    label.setWordWrap(True)
    return label


def add_error_and_buttons(dialog: Any, form: QFormLayout) -> None:
    """Error line plus Save/Cancel wired to ``dialog.save`` and ``dialog.reject``."""
    form.addRow(dialog.error)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.save)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)


@dataclass(frozen=True)
class PartnerFormData:
    """What the partner form starts from, read off the UI thread: the partner's input (an
    empty card for a new one), the draft left by the last session, and whether HQ owns the
    grade and credit limit."""

    data: partner_edit.PartnerInput
    draft: dict[str, Any] | None
    hq_locked: bool


def read_partner_form(ctx: Any, partner_id: str | None) -> PartnerFormData:
    """The partner form's queries (run on a reader thread)."""
    draft = partner_drafts.load_draft(ctx, partner_drafts.draft_key(partner_id))
    if partner_id is None:
        data = partner_edit.PartnerInput(code="", name="", manager=ctx.user_name)
        return PartnerFormData(data, draft, False)
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, partner_id).partner)
    return PartnerFormData(data, draft, partner_edit.hq_owned_fields_locked(ctx, partner_id))


class PartnerDialog(QDialog):
    """Create or edit a partner card. Input is autosaved as a draft every second while
    the form is dirty and restored if the app crashed before saving. The card and the
    draft are read on a reader thread; until they arrive the form says it is loading and
    takes no input."""

    def __init__(
        self, ui: Any, partner_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.partner_id = partner_id
        self.dirty = False
        self.setWindowTitle(
            self.tr("New partner") if partner_id is None else self.tr("Edit partner")
        )
        self.resize(560, 640)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.type = QComboBox()
        for kind in PARTNER_TYPES:
            self.type.addItem(type_label(kind), kind)
        self.status = QComboBox()
        # a new card starts as a prospect or active; afterwards only a lifecycle event
        # (开停并转) changes the status, so the card shows it read-only
        for status in (
            PARTNER_STATUSES if partner_id is not None else partner_edit.NEW_PARTNER_STATUSES
        ):
            self.status.addItem(status_label(status), status)
        if partner_id is not None:
            self.status.setEnabled(False)
            self.status.setToolTip(self.tr("The status changes only through Lifecycle (开停并转)."))
        self.grade = QComboBox()
        for grade in GRADES:  # the letter with its meaning: "B 类（重点渠道）"
            self.grade.addItem(GRADE.label(grade), grade)
        self.grade_reason = QLineEdit()
        self.grade_reason.setPlaceholderText(
            self.tr("Why the grade changes (kept in the grade history)")
        )
        self.region = RegionPicker()
        self.address = QLineEdit()
        self.latitude = QDoubleSpinBox()
        self.latitude.setRange(-90, 90)
        self.latitude.setDecimals(6)
        self.longitude = QDoubleSpinBox()
        self.longitude.setRange(-180, 180)
        self.longitude.setDecimals(6)
        self.licence = QLineEdit()
        self.credit_rating = QLineEdit()
        self.credit_limit = QLineEdit()
        self.credit_limit.setPlaceholderText("0.00")
        self.manager = QLineEdit()
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Separate tags with ;"))
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        self.error = error_label()
        self.error.setWordWrap(True)
        self.state = QLabel(self.tr("Loading the partner…"))
        self.state.setWordWrap(True)
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget in (
            (self.tr("&Code"), self.code),
            (self.tr("&Name"), self.name),
            (self.tr("&Type"), self.type),
            (self.tr("&Status"), self.status),
            (self.tr("&Grade"), self.grade),
            (self.tr("Grade reason"), self.grade_reason),
            (self.tr("&Region"), self.region),
            (self.tr("&Address"), self.address),
            (self.tr("Latitude"), self.latitude),
            (self.tr("Longitude"), self.longitude),
            (self.tr("Licence no."), self.licence),
            (self.tr("Credit rating"), self.credit_rating),
            (self.tr("Credit limit (yuan)"), self.credit_limit),
            (self.tr("Manager"), self.manager),
            (self.tr("Tags"), self.tags),
            (self.tr("Notes"), self.notes),
        ):
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.loaded = False
        self.fields.setEnabled(False)  # no input until the card and the draft are read
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.region.changed.connect(self._mark_dirty)
        if partner_id is not None:  # sync and sheets identify a partner by its code
            self.code.setReadOnly(True)
            self.code.setToolTip(
                self.tr("The code is fixed once the partner exists; a code change is made at HQ.")
            )
            self.code.setStyleSheet("background:palette(window);")
        for widget in (
            self.code,
            self.name,
            self.grade_reason,
            self.address,
            self.licence,
            self.credit_rating,
            self.credit_limit,
            self.manager,
            self.tags,
        ):
            widget.textEdited.connect(self._mark_dirty)
        for combo in (self.type, self.status, self.grade):
            combo.currentIndexChanged.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.latitude.valueChanged.connect(self._mark_dirty)
        self.longitude.valueChanged.connect(self._mark_dirty)
        self.draft_saving = False
        self.autosave = QTimer(self)
        self.autosave.setInterval(1000)
        self.autosave.timeout.connect(self.save_draft)
        self.autosave.start()
        ui.ops.run(
            read_partner_form,
            ui.ctx,
            partner_id,
            read_only=True,
            on_done=self._loaded,
            on_error=self._load_failed,
        )

    def _mark_dirty(self, *_args: object) -> None:
        self.dirty = True

    def _loaded(self, form: PartnerFormData) -> None:
        """On the UI thread: fill the form (the draft over the card), lock HQ's fields and
        take input."""
        if not shiboken6.isValid(self):
            return  # closed meanwhile
        values = self._to_values(form.data)
        if form.draft:
            values.update(form.draft)
        self._set_values(values)
        self.dirty = bool(form.draft)  # filling the form is not an edit; a draft is
        if form.draft:
            self.ui.show_message(
                self.tr("Unsaved input from your last session was restored."), "info"
            )
        if form.hq_locked:  # HQ published the card: its grade and credit limit are HQ's
            hint = self.tr("HQ sets this partner's grade and credit limit.")
            for widget in (self.grade, self.grade_reason, self.credit_limit):
                widget.setEnabled(False)
                widget.setToolTip(hint)
        self.state.hide()
        self.fields.setEnabled(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)
        self.loaded = True
        (self.code if self.partner_id is None else self.name).setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        show_read_failure(self.ui, self, self.state, exc)

    @staticmethod
    def _to_values(data: partner_edit.PartnerInput) -> dict[str, Any]:
        return {
            "code": data.code,
            "name": data.name,
            "type": data.type,
            "status": data.status,
            "grade": data.grade,
            "grade_reason": "",
            "region": data.region,
            "address": data.address,
            "latitude": data.latitude or 0.0,
            "longitude": data.longitude or 0.0,
            "licence_no": data.licence_no,
            "credit_rating": data.credit_rating,
            "credit_limit": fen_to_text(data.credit_limit_fen),
            "manager": data.manager,
            "tags": ";".join(data.tags),
            "notes": data.notes,
        }

    def _set_values(self, v: dict[str, Any]) -> None:
        self.code.setText(v["code"])
        self.name.setText(v["name"])
        self.type.setCurrentIndex(max(0, self.type.findData(v["type"])))
        self.status.setCurrentIndex(max(0, self.status.findData(v["status"])))
        self.grade.setCurrentIndex(max(0, self.grade.findData(v["grade"])))
        self.grade_reason.setText(v.get("grade_reason", ""))
        self.region.set_code(v["region"])
        self.address.setText(v["address"])
        self.latitude.setValue(float(v["latitude"] or 0))
        self.longitude.setValue(float(v["longitude"] or 0))
        self.licence.setText(v["licence_no"])
        self.credit_rating.setText(v["credit_rating"])
        self.credit_limit.setText(v["credit_limit"])
        self.manager.setText(v["manager"])
        self.tags.setText(v["tags"])
        self.notes.setPlainText(v["notes"])

    def values(self) -> dict[str, Any]:
        return {
            "code": self.code.text(),
            "name": self.name.text(),
            "type": self.type.currentData(),
            "status": self.status.currentData(),
            "grade": self.grade.currentData(),
            "grade_reason": self.grade_reason.text(),
            "region": self.region.code(),
            "address": self.address.text(),
            "latitude": self.latitude.value(),
            "longitude": self.longitude.value(),
            "licence_no": self.licence.text(),
            "credit_rating": self.credit_rating.text(),
            "credit_limit": self.credit_limit.text(),
            "manager": self.manager.text(),
            "tags": self.tags.text(),
            "notes": self.notes.toPlainText(),
        }

    def save_draft(self) -> None:
        """Keep the input as a draft, on the writer thread (one at a time; none while the
        partner itself is being saved)."""
        if self.dirty and not self.draft_saving and self.isEnabled():
            self.draft_saving = True
            self.ui.ops.run(
                partner_drafts.save_draft,
                self.ui.ctx,
                partner_drafts.draft_key(self.partner_id),
                self.values(),
                on_done=self._draft_saved,
                on_error=self._draft_failed,
            )

    def _draft_saved(self, _result: object = None) -> None:
        self.draft_saving = False

    def _draft_failed(self, exc: BaseException) -> None:
        self.draft_saving = False
        self.ui.report_failure(exc)

    def save(self) -> None:
        if not self.loaded:
            return  # nothing to save before the form is filled
        v = self.values()
        try:
            limit = parse_money_to_fen(v["credit_limit"] or "0")
        except ValueError:
            self.error.setText(self.tr("The credit limit is not an amount."))
            self.credit_limit.setFocus()
            return
        data = partner_edit.PartnerInput(
            code=v["code"],
            name=v["name"],
            type=v["type"],
            status=v["status"],
            grade=v["grade"],
            region=v["region"],
            address=v["address"],
            latitude=v["latitude"] or None,
            longitude=v["longitude"] or None,
            licence_no=v["licence_no"],
            credit_rating=v["credit_rating"],
            credit_limit_fen=limit,
            manager=v["manager"],
            tags=[t.strip() for t in v["tags"].split(";") if t.strip()],
            notes=v["notes"],
            grade_reason=v["grade_reason"],
        )
        save_through_ops(
            self.ui,
            self,
            self.error,
            partner_edit.save_partner,
            self.ui.ctx,
            data,
            self.partner_id,
            details=True,
            on_saved=lambda _changes: self._saved(),
        )

    def _saved(self) -> None:
        self.dirty = False
        self.autosave.stop()

    def reject(self) -> None:
        if self.dirty:
            answer = QMessageBox.question(
                self,
                self.tr("Discard changes?"),
                self.tr("You have unsaved changes. Discard them?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.autosave.stop()
        if self.loaded:  # on the writer thread, after a draft save still queued there
            self.ui.ops.run(
                partner_drafts.discard_draft,
                self.ui.ctx,
                partner_drafts.draft_key(self.partner_id),
            )
        self.dirty = False
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()
        super().closeEvent(event)
