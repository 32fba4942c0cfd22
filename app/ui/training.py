"""The training and promotions section: trainings of partners' staff (plan one, record it
as held with attendees, materials and a photo) and promotions (period, partners and the
materials whose display visits of those partners check)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Changes
from app.ui.sections import Section
from app.ui.visits.models import DictTableModel
from app.ui.widgets.dates import date_edit
from app.ui.widgets.empty_state import set_empty_text


def _date(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


def _split(text: str) -> list[str]:
    return [
        part.strip()
        for part in text.replace("，", ",").replace("、", ",").replace(";", ",").split(",")
        if part.strip()
    ]


class _FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)  # the placeholders (partner codes, materials) read whole
        self.form = QFormLayout(self)

    def finish(self) -> None:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        self.form.addRow(box)


class PlanTrainingDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Plan a training"), parent)
        self.partner, self.topic, self.trainer, self.materials = (
            QLineEdit(),
            QLineEdit(),
            QLineEdit(),
            QLineEdit(),
        )
        self.day = date_edit(QDate.currentDate().addDays(1))
        for label, widget in (
            (self.tr("Partner code"), self.partner),
            (self.tr("Topic"), self.topic),
            (self.tr("Trainer"), self.trainer),
            (self.tr("Date"), self.day),
            (self.tr("Materials"), self.materials),
        ):
            self.form.addRow(label, widget)
        self.finish()


class HeldTrainingDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record the training as held"), parent)
        self.attendees, self.materials = QLineEdit(), QLineEdit()
        self.attendees.setPlaceholderText(self.tr("Names, separated by commas"))
        self.photo = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.photo, 1)
        row.addWidget(browse)
        self.form.addRow(self.tr("Attendees"), self.attendees)
        self.form.addRow(self.tr("Materials"), self.materials)
        self.form.addRow(self.tr("Photo"), row)
        self.finish()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Photo of the training"), "", self.tr("Photos (*.jpg *.jpeg *.png)")
        )
        if path:
            self.photo.setText(path)


class PromotionDialog(_FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New promotion"), parent)
        self.name, self.partners, self.materials = QLineEdit(), QLineEdit(), QLineEdit()
        self.partners.setPlaceholderText(self.tr("Partner codes, separated by commas"))
        self.materials.setPlaceholderText(self.tr("Posters, table cards … separated by commas"))
        self.start, self.end = (
            date_edit(QDate.currentDate()),
            date_edit(QDate.currentDate().addDays(14)),
        )
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("From"), self.start),
            (self.tr("To"), self.end),
            (self.tr("Partners"), self.partners),
            (self.tr("Required materials"), self.materials),
        ):
            self.form.addRow(label, widget)
        self.finish()


class TrainingSection(Section):
    section_id = "training"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.trainings = DictTableModel(
            [
                ("day", self.tr("Date")),
                ("partner", self.tr("Partner")),
                ("topic", self.tr("Topic")),
                ("trainer", self.tr("Trainer")),
                ("state", self.tr("State")),
                ("attendees", self.tr("Attendees")),
            ],
            parent=self,
        )
        self.promotions = DictTableModel(
            [
                ("period", self.tr("Period")),
                ("name", self.tr("Promotion")),
                ("partners", self.tr("Partners")),
                ("materials", self.tr("Required materials")),
                ("running", self.tr("Running")),
            ],
            parent=self,
        )
        self.training_view, self.promotion_view = QTableView(), QTableView()
        for view, model, empty in (
            (self.training_view, self.trainings, self.tr("No trainings planned.")),
            (self.promotion_view, self.promotions, self.tr("No promotions.")),
        ):
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.verticalHeader().setVisible(False)
            view.horizontalHeader().setStretchLastSection(True)
            set_empty_text(view, empty)
        plan = QPushButton(self.tr("&Plan a training…"))
        self.held_button = QPushButton(self.tr("Record &as held…"))
        promo = QPushButton(self.tr("New p&romotion…"))
        plan.clicked.connect(lambda: self.plan())
        self.held_button.clicked.connect(lambda: self.held())
        promo.clicked.connect(lambda: self.new_promotion())
        self.training_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_actions()
        )
        self.trainings.modelReset.connect(self._update_actions)
        top, bottom = QWidget(), QWidget()
        top_layout, bottom_layout = QVBoxLayout(top), QVBoxLayout(bottom)
        row = QHBoxLayout()
        row.addWidget(QLabel(f"<b>{self.tr('Trainings of partners staff')}</b>"), 1)
        row.addWidget(plan)
        row.addWidget(self.held_button)
        top_layout.addLayout(row)
        top_layout.addWidget(self.training_view)
        row = QHBoxLayout()
        row.addWidget(
            QLabel(
                f"<b>{self.tr('Promotions (visits of their partners check the materials)')}</b>"
            ),
            1,
        )
        row.addWidget(promo)
        bottom_layout.addLayout(row)
        bottom_layout.addWidget(self.promotion_view)
        splitter = QSplitter()
        splitter.setOrientation(splitter.orientation().__class__.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_actions()

    def title(self) -> str:
        return self.tr("Training")

    def first_load(self) -> None:
        self.reload()

    def reload(self) -> None:
        from app.services.training import list_promotions, list_trainings

        def load(ctx: Any) -> tuple[list[Any], list[Any]]:
            return list_trainings(ctx), list_promotions(ctx)

        self.ui.ops.run(load, self.ui.ctx, read_only=True, on_done=self._loaded)

    def _loaded(self, data: tuple[list[Any], list[Any]]) -> None:
        trainings, promotions = data
        today = dt.date.today()
        self.trainings.set_rows(
            [
                {
                    "id": t.id,
                    "day": (t.held_on or t.planned_for).isoformat(),
                    "partner": f"{t.partner_code} {t.partner_name}",
                    "topic": t.topic,
                    "trainer": t.trainer,
                    "status": t.status,
                    "state": self.tr("Held") if t.status == "held" else self.tr("Planned"),
                    "attendees": "、".join(t.attendees),
                }
                for t in trainings
            ]
        )
        self.promotions.set_rows(
            [
                {
                    "id": p.id,
                    "period": f"{p.start_date.isoformat()} – {p.end_date.isoformat()}",
                    "name": p.name,
                    "partners": "、".join(p.partner_codes),
                    "materials": "、".join(p.materials),
                    "running": self.tr("Yes") if p.running(today) else "",
                }
                for p in promotions
            ]
        )
        for view in (self.training_view, self.promotion_view):
            view.resizeColumnsToContents()

    def _current(self) -> dict[str, Any] | None:
        rows = self.training_view.selectionModel().selectedRows()
        return self.trainings.rows[rows[0].row()] if rows else None

    def _update_actions(self) -> None:
        row = self._current()
        self.held_button.setEnabled(row is not None and row["status"] == "planned")

    def plan(self, values: dict[str, Any] | None = None) -> None:
        from app.services.training import plan_training

        if values is None:
            dialog = PlanTrainingDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            values = {
                "partner": dialog.partner.text().strip(),
                "topic": dialog.topic.text(),
                "day": _date(dialog.day),
                "trainer": dialog.trainer.text(),
                "materials": dialog.materials.text(),
            }
        self.ui.ops.run(
            plan_training,
            self.ui.ctx,
            values["partner"],
            values["topic"],
            values["day"],
            values.get("trainer", ""),
            values.get("materials", ""),
            initiator=self,
        )

    def held(
        self, attendees: str | None = None, materials: str | None = None, photo: str = ""
    ) -> None:
        from pathlib import Path

        from app.services.training import record_training

        row = self._current()
        if row is None:
            self.ui.show_message(self.tr("Select a planned training first."), "info")
            return
        if attendees is None:
            dialog = HeldTrainingDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            attendees, materials, photo = (
                dialog.attendees.text(),
                dialog.materials.text() or None,
                dialog.photo.text().strip(),
            )
        self.ui.ops.run(
            record_training,
            self.ui.ctx,
            row["id"],
            _split(attendees),
            None,
            materials,
            Path(photo) if photo else None,
        )

    def new_promotion(self, values: dict[str, Any] | None = None) -> None:
        from app.services.training import add_promotion

        if values is None:
            dialog = PromotionDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            values = {
                "name": dialog.name.text(),
                "start": _date(dialog.start),
                "end": _date(dialog.end),
                "partners": dialog.partners.text(),
                "materials": dialog.materials.text(),
            }
        self.ui.ops.run(
            add_promotion,
            self.ui.ctx,
            values["name"],
            values["start"],
            values["end"],
            _split(values["partners"]),
            _split(values["materials"]),
            initiator=self,
        )

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("training_session", "promotion", "partner"):
            self.reload()
