"""First-run wizard on an empty data dir: language, user name, territory, trusted HQ key
(optional), and either demo data, a restore from backup, or an empty start. Nothing asks
these questions again (``settings.first_run_done``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.errors import UserError


class FirstRunWizard(QWizard):
    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Welcome to ChannelDesk"))
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.user = QLineEdit(ctx.user_name)
        self.territory = QLineEdit(",".join(ctx.territory))
        self.territory.setPlaceholderText(self.tr("Region codes, e.g. 3101 or 310115,310104"))
        self.hq_key = QLineEdit()
        self.hq_key.setPlaceholderText(self.tr("Optional: HQ public-key file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse_key)
        self.start_demo = QRadioButton(self.tr("Start with demo data (to try things out)"))
        self.start_empty = QRadioButton(self.tr("Start empty"))
        self.start_restore = QRadioButton(self.tr("Restore from a backup file"))
        self.start_empty.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.start_demo, self.start_empty, self.start_restore):
            group.addButton(button)
        self.backup = QLineEdit()
        self.backup.setPlaceholderText(self.tr("Backup file (.cdbackup)"))
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020;")
        self.error.setWordWrap(True)

        about = QWizardPage()
        about.setTitle(self.tr("You and your territory"))
        form = QFormLayout(about)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Your name"), self.user)
        form.addRow(self.tr("Territory"), self.territory)
        key_row = QHBoxLayout()
        key_row.addWidget(self.hq_key, 1)
        key_row.addWidget(browse)
        form.addRow(self.tr("HQ key"), key_row)
        start = QWizardPage()
        start.setTitle(self.tr("How do you want to start?"))
        layout = QVBoxLayout(start)
        for button in (self.start_demo, self.start_empty, self.start_restore):
            layout.addWidget(button)
        layout.addWidget(self.backup)
        layout.addWidget(self.error)
        self.addPage(about)
        self.addPage(start)

    def _browse_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("HQ public key"), "", self.tr("HQ key (*.key *.json)"))
        if path:
            self.hq_key.setText(path)

    def apply(self) -> str:
        """Save the answers; returns 'demo', 'empty' or 'restore'. Raises ``UserError``."""
        from app.services.device import initialise_device, parse_territory

        territory = parse_territory(self.territory.text())
        initialise_device(self.ctx, user=self.user.text().strip(), territory=territory,
                          hq_key_file=Path(self.hq_key.text()) if self.hq_key.text().strip() else None)
        self.ctx.settings.language = self.language.currentData()
        self.ctx.settings.first_run_done = True
        self.ctx.save_settings()
        if self.start_demo.isChecked():
            return "demo"
        if self.start_restore.isChecked():
            if not self.backup.text().strip():
                raise UserError(self.tr("Choose the backup file to restore."))
            return "restore"
        return "empty"

    def accept(self) -> None:
        try:
            self.choice = self.apply()
        except UserError as exc:
            self.error.setText(exc.message)
            return
        super().accept()
