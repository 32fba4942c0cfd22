"""Conflicts section: values that lost a concurrent edit, side by side; the user keeps
the current value or takes the other one (a change that syncs like any edit)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import PARTNER_FIELD, partner_value
from app.services import sync_conflicts
from app.services.context import Changes
from app.ui.latest_read import LatestRead
from app.ui.sections import Section
from app.ui.visits.models import DictTableModel
from app.ui.widgets.empty_state import set_empty_text


class ConflictsSection(Section):
    section_id = "conflicts"

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.reading = LatestRead(ui, self)
        self.model = DictTableModel(
            [
                ("label", self.tr("Record")),
                ("field", self.tr("Field")),
                ("kept", self.tr("Current value")),
                ("lost", self.tr("Other value")),
            ],
            parent=self,
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        keep = QPushButton(self.tr("&Keep current value"))
        take = QPushButton(self.tr("Take the &other value"))
        self.resolve_buttons = (keep, take)
        set_empty_text(self.table, self.tr("No sync conflicts to resolve."))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.model.modelReset.connect(self._update_actions)
        keep.clicked.connect(lambda: self.resolve(False))
        take.clicked.connect(lambda: self.resolve(True))
        self.info = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(keep)
        buttons.addWidget(take)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_actions()

    def _update_actions(self) -> None:
        """Keep / take apply to a selected conflict only."""
        selected = bool(self.table.selectionModel().selectedRows())
        for button in self.resolve_buttons:
            button.setEnabled(selected)

    def title(self) -> str:
        return self.tr("Conflicts")

    def first_load(self) -> None:
        self.reload()

    def _first_load(self) -> None:
        self.first_load()  # ready once the first answer is shown (``_show``)

    def reload(self) -> None:
        """Read the open conflicts on a reader thread (the rows shown stay meanwhile)."""
        self.reading.run(
            sync_conflicts.open_conflicts, self.ui.ctx, on_done=self._show, on_error=self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.mark_ready()
        self.ui.report_failure(exc)

    def _show(self, conflicts: list[Any]) -> None:
        rows = [
            {
                "id": c.id,
                "label": c.label,
                "field": PARTNER_FIELD.label(c.field),
                "kept": partner_value(c.field, c.kept),
                "lost": partner_value(c.field, c.lost),
            }
            for c in conflicts
        ]
        self.model.set_rows(rows)
        self.info.setText(self.tr("%n unresolved conflict(s)", "", len(rows)))
        self._update_actions()
        self.mark_ready()

    def resolve(self, take_other: bool) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            self.ui.show_message(self.tr("Select a conflict first."), "info")
            return
        self.ui.ops.run(
            sync_conflicts.resolve_conflict,
            self.ui.ctx,
            self.model.rows[selected[0].row()]["id"],
            take_other,
            initiator=self,
        )

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("sync_conflict", "partner"):
            self.reload()
