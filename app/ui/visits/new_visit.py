""" "New visit" dialog: pick the partner by typing any part of its code or name (the list
completes as you type), instead of having to remember an exact code. The partners are
read on a reader thread; typing may start at once and OK waits for them."""

from __future__ import annotations

from typing import Any

import shiboken6
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

from app.errors import UserError
from app.services import visits


class NewVisitDialog(QDialog):
    """Returns the chosen partner code in ``code`` after ``exec()``, and whether the visit
    is a re-inspection of the partner's open rectification orders in ``reinspection``."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setWindowTitle(self.tr("New visit"))
        self.code = ""
        self.reinspection = False
        self.reinspect = QCheckBox(self.tr("&Re-inspection of the open rectification orders"))
        self.names: dict[str, str] = {}  # read on a reader thread (``loaded`` once here)
        self.loaded = False
        self.partner = QComboBox()
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.partner.lineEdit().setPlaceholderText(self.tr("Loading the partners…"))
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
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)  # until the partners are read
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Partner"), self.partner)
        form.addRow("", self.reinspect)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        ui.ops.run(
            visits.partner_names,
            ui.ctx,
            read_only=True,
            on_done=self._names_read,
            on_error=self._names_failed,
        )

    def _names_read(self, names: dict[str, str]) -> None:
        """Fill the list; what was typed meanwhile stays."""
        if not shiboken6.isValid(self):
            return
        typed, cursor = self.partner.currentText(), self.partner.lineEdit().cursorPosition()
        self.names = names
        for code, name in sorted(names.items()):
            self.partner.addItem(f"{code}  {name}", code)
        self.partner.setCurrentIndex(-1)
        self.partner.setEditText(typed)
        self.partner.lineEdit().setCursorPosition(cursor)
        self.partner.lineEdit().setPlaceholderText(self.tr("Type part of the code or name…"))
        self.loaded = True
        self.ok.setEnabled(True)

    def _names_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if isinstance(exc, UserError):
            self.error.setText(exc.message)
        else:
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

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
        if not self.loaded:
            return  # the partners are still being read (OK is disabled meanwhile)
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
