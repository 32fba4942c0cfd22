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
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import UserError
from app.ui.widgets.region_picker import TerritoryEditor


class _AboutPage(QWizardPage):
    """The first page: "Next" only with a name and a territory (the error says which).

    It finds its wizard through ``wizard()`` rather than keeping a Python reference to it:
    the wizard owns the page, so a reference back made the two a cycle that only the
    cyclic collector freed, on whichever thread it next ran (the demo data's worker
    thread, which crashed the process)."""

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        problem = wizard.identity_problem()
        wizard.about_error.setText(problem[0] if problem else "")
        if problem is not None:
            problem[1].setFocus()
        return problem is None


class FirstRunWizard(QWizard):
    def __init__(self, ctx: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Welcome to ChannelDesk"))
        self.resize(760, 520)  # room for the region picker's search line and three boxes
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.user = QLineEdit(ctx.user_name)
        self.user.setPlaceholderText(self.tr("Printed on every report, e.g. 李娜"))
        self.territory = TerritoryEditor()
        self.territory.set_codes(list(ctx.territory))
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

        self.about_error = QLabel()
        self.about_error.setStyleSheet("color:#b00020;")
        self.about_error.setWordWrap(True)
        about = _AboutPage()
        about.setTitle(self.tr("You and your territory"))
        form = QFormLayout(about)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Your &name *"), self.user)
        form.addRow(self.tr("&Territory *"), self.territory)
        key_row = QHBoxLayout()
        key_row.addWidget(self.hq_key, 1)
        key_row.addWidget(browse)
        form.addRow(self.tr("HQ key"), key_row)
        form.addRow(self.about_error)
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
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("HQ public key"), "", self.tr("HQ key (*.key *.json)")
        )
        if path:
            self.hq_key.setText(path)

    def identity_problem(self) -> tuple[str, QWidget] | None:
        """Why the name or territory cannot be taken yet (both are required: every report
        prints the name, and the territory decides which partners are this laptop's)."""
        if not self.user.text().strip():
            return self.tr("Enter your name; it is printed on every report."), self.user
        if not self.territory.codes():
            return self.tr(
                "Choose at least one region of your territory."
            ), self.territory.picker.province
        return None

    def apply(self) -> str:
        """Save the answers; returns 'demo', 'empty' or 'restore'. Raises ``UserError``."""
        from app.services.device import initialise_device

        problem = self.identity_problem()
        if problem is not None:
            raise UserError(problem[0])
        territory = self.territory.codes()
        initialise_device(
            self.ctx,
            user=self.user.text().strip(),
            territory=territory,
            hq_key_file=Path(self.hq_key.text()) if self.hq_key.text().strip() else None,
        )
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
