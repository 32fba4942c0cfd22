"""The complaints section: every complaint with its state and whether HQ's response or
resolution time has passed; record a new one, move one forward with a note, and the
customer's satisfaction (1–5) once it is resolved."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.duties import COMPLAINT_STATUSES
from app.domain.vocabulary import COMPLAINT_STATUS
from app.services.context import Changes
from app.ui.sections import Section
from app.ui.visits.models import DictTableModel, short_time
from app.ui.widgets.empty_state import set_empty_text


class NewComplaintDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New complaint"))
        self.partner = QLineEdit()
        self.partner.setPlaceholderText(self.tr("Partner code"))
        self.text = QPlainTextEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Partner"), self.partner)
        form.addRow(self.tr("Complaint"), self.text)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)


class AdvanceDialog(QDialog):
    """The next step of a complaint: status (forward only), note, satisfaction."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move the complaint forward"))
        self.status = QComboBox()
        for key in COMPLAINT_STATUSES[COMPLAINT_STATUSES.index(current) + 1 :]:
            self.status.addItem(COMPLAINT_STATUS.label(key), key)
        self.note = QLineEdit()
        self.satisfaction = QSpinBox()
        self.satisfaction.setRange(0, 5)
        self.satisfaction.setSpecialValueText(self.tr("not asked"))
        form = QFormLayout(self)
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Satisfaction (1–5)"), self.satisfaction)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.status.currentIndexChanged.connect(lambda _i: self._update())
        self._update()

    def _update(self) -> None:
        self.satisfaction.setEnabled(self.status.currentData() in ("resolved", "closed"))


class ComplaintsSection(Section):
    section_id = "complaints"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.model = DictTableModel(
            [
                ("partner", self.tr("Partner")),
                ("status", self.tr("Status")),
                ("received", self.tr("Received")),
                ("overdue", self.tr("Overdue")),
                ("satisfaction", self.tr("Satisfaction")),
                ("text", self.tr("Complaint")),
            ],
            highlight=lambda r: bool(r["overdue"]),
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        set_empty_text(self.table, self.tr("No complaints."))
        self.filter = QComboBox()
        self.filter.addItem(self.tr("All states"), None)
        for key, label in COMPLAINT_STATUS.choices():
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary = QLabel()
        new = QPushButton(self.tr("&New complaint…"))
        self.advance_button = QPushButton(self.tr("&Move forward…"))
        new.clicked.connect(lambda: self.new_complaint())
        self.advance_button.clicked.connect(lambda: self.advance())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.filter)
        top.addWidget(self.summary, 1)
        top.addWidget(new)
        top.addWidget(self.advance_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._update_actions()

    def title(self) -> str:
        return self.tr("Complaints")

    def first_load(self) -> None:
        self.reload()

    def reload(self) -> None:
        from app.services.complaints import list_complaints

        self.ui.ops.run(
            list_complaints,
            self.ui.ctx,
            self.filter.currentData(),
            read_only=True,
            on_done=self._loaded,
        )

    def _loaded(self, rows: list[Any]) -> None:
        overdue = {"response": self.tr("response"), "resolution": self.tr("resolution")}
        self.model.set_rows(
            [
                {
                    "id": r.id,
                    "partner": f"{r.partner_code} {r.partner_name}",
                    "status": COMPLAINT_STATUS.label(r.status),
                    "state": r.status,
                    "received": short_time(
                        r.received_at.isoformat() if r.received_at else r.received_date
                    ),
                    "overdue": overdue.get(r.overdue or "", ""),
                    "satisfaction": str(r.satisfaction or ""),
                    "text": r.description,
                }
                for r in rows
            ]
        )
        self.table.resizeColumnsToContents()
        late = sum(1 for r in rows if r.overdue)
        self.summary.setText(
            self.tr("%n complaint(s)", "", len(rows))
            + (" · " + self.tr("%n overdue", "", late) if late else "")
        )
        self.summary.setStyleSheet(f"color:{QColor('#a15c00').name()};" if late else "")

    def _current(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _update_actions(self) -> None:
        row = self._current()
        self.advance_button.setEnabled(row is not None and row["state"] != "closed")

    def new_complaint(self, partner: str | None = None, text: str | None = None) -> None:
        from app.services.complaints import new_complaint

        if partner is None or text is None:
            dialog = NewComplaintDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            partner, text = dialog.partner.text().strip(), dialog.text.toPlainText()
        self.ui.ops.run(
            new_complaint,
            self.ui.ctx,
            partner,
            text,
            initiator=self,
        )

    def advance(
        self, status: str | None = None, note: str = "", satisfaction: int | None = None
    ) -> None:
        from app.services.complaints import advance_complaint

        row = self._current()
        if row is None:
            self.ui.show_message(self.tr("Select a complaint first."), "info")
            return
        if status is None:
            dialog = AdvanceDialog(row["state"], self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            status, note = dialog.status.currentData(), dialog.note.text()
            satisfaction = (
                dialog.satisfaction.value() or None if dialog.satisfaction.isEnabled() else None
            )
        self.ui.ops.run(advance_complaint, self.ui.ctx, row["id"], status, note, satisfaction)

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("complaint"):
            self.reload()
