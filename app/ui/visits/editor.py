"""The visit editor: checklist answered item by item (each answer saved at once, so a
crash loses at most the field being typed), live score, thumbnails of attached photos
(``PhotoList``), attach by dialog or drag-and-drop with progress, promotion materials
counted against the ledger (宣传品), findings, submit and amendments. The visit is read on
a reader thread (``editor_load``); a reload of the same visit keeps what is being typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.visit_detail import VisitDetail
from app.domain.vocabulary import EVIDENCE_KIND, template_label
from app.errors import UserError
from app.services import visits
from app.ui.visits.checklist_form import fill_form
from app.ui.visits.editor_load import (
    EditorData,
    read_editor_data,
    restore_typing,
    submit_unless_missing,
    typed_answers,
)
from app.ui.visits.materials import MaterialsPanel
from app.ui.visits.models import short_time, state_label
from app.ui.visits.photos import PhotoList
from app.ui.widgets.empty_state import set_empty_text


class VisitEditor(QWidget):
    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.visit_id: str | None = None
        self.detail: VisitDetail | None = None
        self.setAcceptDrops(True)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.score = QLabel()
        self.score.setStyleSheet("font-size:16px;font-weight:bold;color:#1f4e79;")
        self.form_host = QWidget()
        self.form = QFormLayout(self.form_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form_host)
        self.scroll = scroll
        self.photos = PhotoList(ui)
        self.findings = QListWidget()
        self.findings.setAccessibleName(self.tr("Findings and rectification orders"))
        set_empty_text(self.findings, self.tr("No findings."))
        set_empty_text(self.photos, self.tr("No photos yet."))
        self.materials = MaterialsPanel(self)
        self.materials.count_entered.connect(self.count_material)
        self.attach_button = QPushButton(self.tr("Attach &photos…"))
        self.finding_button = QPushButton(self.tr("Add fin&ding…"))
        self.submit_button = QPushButton(self.tr("S&ubmit and seal"))
        self.amend_button = QPushButton(self.tr("A&mend…"))
        self.report_button = QPushButton(self.tr("&Report…"))
        self.checkin_button = QPushButton(self.tr("Check &in"))
        self.checkin_button.clicked.connect(self.check_in)
        self.note_button = QPushButton(self.tr("Complaint / &competitor…"))
        self.note_button.clicked.connect(self.observation)
        self.report_button.clicked.connect(self.preview_report)
        self.attach_button.clicked.connect(self.attach_dialog)
        self.finding_button.clicked.connect(self.add_finding)
        self.submit_button.clicked.connect(self.submit)
        self.amend_button.clicked.connect(self.amend)
        buttons = QHBoxLayout()
        for button in (
            self.checkin_button,
            self.attach_button,
            self.finding_button,
            self.note_button,
            self.submit_button,
            self.amend_button,
            self.report_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.score)
        layout.addLayout(top)
        photos_box = QGroupBox(self.tr("Photos (drop image files here)"))
        QVBoxLayout(photos_box).addWidget(self.photos)
        findings_box = QGroupBox(self.tr("Findings and rectification orders"))
        findings_layout = QVBoxLayout(findings_box)
        findings_layout.addWidget(self.findings)
        # photo evidence: warnings (taken elsewhere, at another time, reused, no camera data)
        # the manager explains while the visit is a draft
        self.evidence = QListWidget()
        self.evidence.setAccessibleName(self.tr("Photo evidence warnings"))
        self.evidence.setWordWrap(True)
        self.evidence.itemActivated.connect(lambda _item: self.explain_evidence())
        self.explain_button = QPushButton(self.tr("E&xplain photo warning…"))
        self.explain_button.clicked.connect(self.explain_evidence)
        findings_layout.addWidget(QLabel(self.tr("Photo evidence warnings")))
        findings_layout.addWidget(self.evidence)
        findings_layout.addWidget(self.explain_button)
        self.materials_box = QGroupBox(self.tr("Promotion materials: &book vs count"))
        QVBoxLayout(self.materials_box).addWidget(self.materials)
        self.findings.setWordWrap(True)
        # checklist above; photos, materials and findings side by side below (both splitters movable)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.setChildrenCollapsible(False)
        for box in (photos_box, self.materials_box, findings_box):
            lower.addWidget(box)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([480, 230])
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        self.editors: dict[str, QWidget] = {}
        self._reading = self._shown_reading = 0  # reads asked for / shown (newest wins)
        self.setEnabled(False)
        self._say_nothing_shown()  # before any visit is selected, not a blank pane

    def _say_nothing_shown(self) -> None:
        self.header.setText(
            self.tr("Select a visit in the list, or start one with “New visit” (Ctrl+Shift+N).")
        )

    # -- loading -----------------------------------------------------------------------
    def load(self, visit_id: str | None) -> None:
        """Show ``visit_id`` (None: nothing). It is read on a reader thread: another visit's
        form makes way for a loading line at once; the same visit's form stays usable and
        what is being typed in it is carried into the form read again."""
        shown = self.detail.id if self.detail is not None else None
        self.visit_id = visit_id
        self._reading += 1
        reading = self._reading
        if visit_id is None or visit_id != shown:
            self._clear()
            self.setEnabled(False)
        if visit_id is None:
            self._shown_reading = reading
            self._say_nothing_shown()
            return
        if visit_id != shown:
            self.header.setText(self.tr("Loading the visit…"))
        self.ui.ops.run(
            read_editor_data,
            self.ui.ctx,
            visit_id,
            read_only=True,
            on_done=lambda data: self._read(reading, data),
            on_error=lambda exc: self._read_failed(reading, exc),
        )

    @property
    def loading(self) -> bool:
        """A read of the visit asked for has not come back yet."""
        return self._reading != self._shown_reading

    def _clear(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.photos.clear()
        self.findings.clear()
        self.evidence.clear()
        self.detail = None
        self.score.setText("")
        self.materials.set_lines(None, [], False)

    def _read_failed(self, reading: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or reading != self._reading:
            return
        self._shown_reading = reading
        self._clear()
        self.setEnabled(False)
        if isinstance(exc, UserError):
            self.header.setText(exc.message)
        else:
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

    def _read(self, reading: int, data: EditorData) -> None:
        if not shiboken6.isValid(self) or reading != self._reading:
            return  # a newer read is on its way
        self._shown_reading = reading
        typing = typed_answers(self.editors)  # the same visit's form is still shown
        self.findings.clear()
        self.evidence.clear()
        self.setEnabled(True)
        self.detail = d = data.detail
        visit_id = d.id
        draft = d.is_draft
        self.header.setText(
            f"<b>{d.partner_code} {d.partner_name}</b><br>{template_label(d.template)} · "
            f"{state_label(d.status)} · "
            f"{short_time(d.started_at or d.planned_for)}"
        )
        self.editors.clear()
        self.editors.update(
            fill_form(
                self.form,
                d.items,
                draft,
                self._save,
                lambda key: self.attach_dialog(item_key=key),
            )
        )
        restore_typing(self.editors, typing)
        self._refresh_score()
        self.photos.show_photos(d.photos)
        for f in d.findings:
            order = f.rectification
            self.findings.addItem(
                f"{f.description}"
                + (f"  → {order.deadline} {state_label(order.status)}" if order else "")
            )
        for warning in d.evidence:
            text = f"{EVIDENCE_KIND.label(warning.kind)} #{warning.sha256[:10]}: {warning.detail}"
            if warning.explanation:
                text += "\n" + self.tr("Explained: {text}").format(text=warning.explanation)
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, warning.sha256)
            self.evidence.addItem(row)
        self.explain_button.setEnabled(draft and bool(d.evidence))
        self.materials.set_lines(visit_id, data.materials, draft)
        self.materials_box.setTitle(
            self.tr("Promotion materials: &book vs count")
            if draft or d.status == "planned"
            else self.tr("Promotion materials: &book vs count (sealed)")
        )
        for button in (
            self.attach_button,
            self.finding_button,
            self.submit_button,
            self.note_button,
        ):
            button.setEnabled(draft)
        self.checkin_button.setVisible(d.status == "planned")
        self.amend_button.setEnabled(d.status == "submitted")

    def mark_missing(self, keys: list[str]) -> None:
        """Outline every missing required item in red, scroll to the first and focus it."""
        for key, editor in self.editors.items():
            editor.setStyleSheet("")
            editor.setProperty("missing", key in keys)
            if key in keys:
                editor.setStyleSheet("border:2px solid #b00020;border-radius:3px;")
        if keys and keys[0] in self.editors:
            first = self.editors[keys[0]]
            self.scroll.ensureWidgetVisible(first, 20, 40)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save(self, key: str, value: str | None) -> None:
        """Autosave one answer on the writer thread (answers are written in the order they
        were given); the live score follows once it is stored."""
        if self.visit_id is None or value is None or value == "":
            return
        self.ui.ops.run(
            visits.answer,
            self.ui.ctx,
            self.visit_id,
            key,
            value,
            on_done=lambda _changes: self._saved(key),
            initiator=self,
        )

    def _saved(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None and editor.property("missing"):
            editor.setProperty("missing", False)
            editor.setStyleSheet("")
        self._refresh_score()

    def _refresh_score(self) -> None:
        if self.visit_id is None:
            return
        visit_id = self.visit_id
        self.ui.ops.run(
            visits.live_score,
            self.ui.ctx,
            visit_id,
            read_only=True,
            on_done=lambda score: self._show_score(score) if self.visit_id == visit_id else None,
        )

    def _show_score(self, score: float | None) -> None:
        self.score.setText(
            self.tr("Score: {score}").format(score="—" if score is None else f"{score:.1f}")
        )

    # -- actions -------------------------------------------------------------------------
    def explain_evidence(self) -> None:
        """The manager's explanation of the selected photo warning (draft visits)."""
        from PySide6.QtWidgets import QInputDialog

        from app.services import evidence

        item = self.evidence.currentItem()
        if self.visit_id is None or item is None or not self.detail or not self.detail.is_draft:
            return
        sha = item.data(Qt.ItemDataRole.UserRole)
        current = next((w.explanation for w in self.detail.evidence if w.sha256 == sha), "")
        text, ok = QInputDialog.getText(
            self,
            self.tr("Explain photo warning"),
            self.tr("Why this photo is still good evidence"),
            text=current,
        )
        if ok:
            self.ui.ops.run(evidence.explain, self.ui.ctx, self.visit_id, sha, text, initiator=self)

    def attach_dialog(self, _checked: bool = False, item_key: str | None = None) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach photos"), "", self.tr("Images (*.jpg *.jpeg *.png *.webp)")
        )
        if files:
            self.attach(files, item_key)

    def attach(self, files: list[str], item_key: str | None = None) -> None:
        if self.visit_id is None:
            return
        self.ui.ops.run(
            visits.attach_photos_to_item,
            self.ui.ctx,
            self.visit_id,
            [Path(f) for f in files],
            item_key=item_key,
            progress_title=self.tr("Importing photos…"),
            parent=self,
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if (
            event.mimeData().hasUrls()
            and self.visit_id
            and self.detail is not None
            and self.detail.is_draft
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            self.attach(files)
            event.acceptProposedAction()

    def add_finding(self) -> None:
        if self.visit_id is None:
            return
        text, ok = QInputDialog.getText(
            self, self.tr("Add finding"), self.tr("What needs to be rectified?")
        )
        if ok and text.strip():
            self.ui.ops.run(
                visits.add_finding, self.ui.ctx, self.visit_id, text.strip(), initiator=self
            )

    def count_material(self, item_name: str, counted: int) -> None:
        """Save a count typed in the materials table; a difference becomes a finding."""
        if self.visit_id is None:
            return
        visit_id = self.visit_id

        def done(_changes: object) -> None:
            self.materials.saved(item_name)

        def failed(exc: BaseException) -> None:
            self.materials.saved(item_name)
            if isinstance(exc, UserError):
                self.ui.show_message(exc.message, "error", details=exc.details)
            else:
                self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))
            if self.visit_id == visit_id:
                self.load(visit_id)

        self.ui.ops.run(
            visits.count_material,
            self.ui.ctx,
            visit_id,
            item_name,
            counted,
            on_done=done,
            on_error=failed,
        )

    def submit(self) -> None:
        """Seal the visit on the writer thread, after the answers given before; the
        required items not answered yet are marked instead."""
        if self.visit_id is None:
            return
        visit_id = self.visit_id
        self.ui.ops.run(
            submit_unless_missing,
            self.ui.ctx,
            visit_id,
            on_done=lambda result: self._submitted(visit_id, result),
            initiator=self,
        )

    def _submitted(self, visit_id: str, result: object) -> None:
        if not isinstance(result, list) or self.visit_id != visit_id:
            return  # sealed (the change is announced), or another visit is shown now
        self.mark_missing(result)
        labels = {i.key: i.label for i in (self.detail.items if self.detail else ())}
        self.ui.show_message(
            self.tr("Answer the items marked in red before sealing: {items}.").format(
                items="、".join(labels.get(k, k) for k in result)
            ),
            "error",
        )

    def check_in(self) -> None:
        if self.visit_id is not None:
            self.ui.ops.run(visits.check_in, self.ui.ctx, self.visit_id, initiator=self)

    def observation(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from app.ui.partners.file_dialogs import ObservationDialog

        if self.visit_id is None:
            return
        kinds = [self.tr("Complaint"), self.tr("Competitor outlet")]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Record during the visit"), self.tr("What to record"), kinds, 0, False
        )
        if ok:
            kind = "complaint" if choice == kinds[0] else "competitor"
            code = self.detail.partner_code if self.detail else ""
            ObservationDialog(self.ui, code, kind, self.visit_id, self).exec()

    def preview_report(self) -> None:
        """Build the inspection report on a worker thread, then preview/print/save it."""
        if self.visit_id is None:
            return
        from app.services.reports import write_visit_report
        from app.ui.reports.preview import PdfPreviewDialog

        target = self.ui.ctx.paths.tmp / f"visit-{self.visit_id}.pdf"
        self.ui.ops.run(
            write_visit_report,
            self.ui.ctx,
            self.visit_id,
            target,
            read_only=True,
            on_done=lambda path: PdfPreviewDialog(
                self.ui, path, self.tr("Inspection report"), self
            ).exec(),
        )

    def amend(self) -> None:
        if self.visit_id is None or self.detail is None:
            return
        orders = {o.order_id for o in self.detail.orders}  # re-inspected, not amended
        choices = {
            f"{i.section}：{i.label}": i.key
            for i in self.detail.items
            if i.kind != "photo" and i.key not in orders
        }
        if not choices:
            return
        label, ok = QInputDialog.getItem(
            self, self.tr("Amend visit"), self.tr("Item to correct"), list(choices), 0, False
        )
        if not ok:
            return
        key = choices[label]
        value, ok = QInputDialog.getText(self, self.tr("Amend visit"), self.tr("Corrected answer"))
        if not ok:
            return
        reason, ok = QInputDialog.getText(
            self, self.tr("Amend visit"), self.tr("Reason for the amendment")
        )
        if ok:
            self.ui.ops.run(
                visits.amend, self.ui.ctx, self.visit_id, reason, {key: value}, initiator=self
            )
