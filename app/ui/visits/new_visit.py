""" "New visit" dialog: pick the partner by typing any part of its code or name (the list
completes as you type), instead of having to remember an exact code."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.services import visits


class NewVisitDialog(QDialog):
    """Returns the chosen partner code in ``code`` after ``exec()``, and whether the visit
    is a re-inspection of the partner's open rectification orders in ``reinspection``."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New visit"))
        self.code = ""
        self.reinspection = False
        self.reinspect = QCheckBox(self.tr("&Re-inspection of the open rectification orders"))
        self.names = visits.partner_names(ui.ctx)
        self.partner = QComboBox()
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, name in sorted(self.names.items()):
            self.partner.addItem(f"{code}  {name}", code)
        self.partner.setCurrentIndex(-1)
        self.partner.lineEdit().setPlaceholderText(self.tr("Type part of the code or name…"))
        completer = QCompleter(self.partner.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.partner.setCompleter(completer)
        self.partner.setMinimumWidth(420)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Partner"), self.partner)
        form.addRow("", self.reinspect)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def chosen_code(self) -> str | None:
        """The partner code for the typed text: a list entry, an exact code, or the only match."""
        text = self.partner.currentText().strip()
        if not text:
            return None
        code = text.split()[0]
        if code in self.names:
            return code
        matches = [c for c, name in self.names.items() if text.lower() in c.lower() or text in name]
        return matches[0] if len(matches) == 1 else None

    def accept(self) -> None:
        code = self.chosen_code()
        if code is None:
            self.error.setText(
                self.tr("No single partner matches “{text}”. Choose one from the list.").format(
                    text=self.partner.currentText().strip()
                )
            )
            self.partner.setFocus()
            return
        self.code = code
        self.reinspection = self.reinspect.isChecked()
        super().accept()
