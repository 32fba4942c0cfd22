"""First-run wizard on an empty data dir: language, user name, territory, trusted HQ key
(optional), and either demo data, a restore from backup, or an empty start. Nothing asks
these questions again (``settings.first_run_done``). Finish stores the answers through
the window-to-be's ``OpRunner`` on the writer thread (``identity.complete_first_run``)
while the wizard waits disabled; a refusal is shown in the wizard with every answer kept."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from app.ui.services import UiServices


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
    """The questions of a first start; ``ui`` is the main window's ``UiServices`` (made
    before the window: the wizard's save runs on its ``OpRunner``)."""

    def __init__(self, ui: UiServices, parent: Any = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.ctx = ctx = ui.ctx
        self.saving = False
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
        self.working = QLabel()  # what runs while the wizard waits for its save

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
        layout.addWidget(self.working)
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

    def choice_problem(self) -> str | None:
        """Why the answers cannot be stored yet (checked before anything is written)."""
        problem = self.identity_problem()
        if problem is not None:
            return problem[0]
        if self.start_restore.isChecked() and not self.backup.text().strip():
            return self.tr("Choose the backup file to restore.")
        return None

    def chosen_start(self) -> str:
        """'demo', 'empty' or 'restore'."""
        if self.start_demo.isChecked():
            return "demo"
        return "restore" if self.start_restore.isChecked() else "empty"

    def accept(self) -> None:
        """Finish: check the answers, then store them on the writer thread; the wizard
        closes once they are stored (``choice`` says how to start)."""
        from app.services.identity import complete_first_run

        if self.saving:
            return
        problem = self.choice_problem()
        if problem is not None:
            self.error.setText(problem)
            return
        choice = self.chosen_start()
        self.error.clear()
        self.saving = True
        self.setEnabled(False)  # no second Finish, no Cancel while the answers are stored
        self.working.setText(self.tr("Setting up this laptop…"))
        self.ui.ops.run(
            complete_first_run,
            self.ctx,
            user=self.user.text().strip(),
            territory=self.territory.codes(),
            hq_key_file=Path(self.hq_key.text().strip()) if self.hq_key.text().strip() else None,
            language=self.language.currentData(),
            first_run_done=choice != "demo",  # demo data: done once it is in
            on_done=lambda _changes: self._stored(choice),
            on_error=self._failed,
        )

    def reject(self) -> None:
        if not self.saving:  # the answers being stored: Cancel (or the window's close) waits
            super().reject()

    def _stored(self, choice: str) -> None:
        self._ended()
        self.choice = choice
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._ended()
        if isinstance(exc, UserError):
            self.error.setText(exc.message)
            return
        from app.logging_setup import write_crash_report
        from app.ui.crash_dialog import CrashDialog

        report, path = write_crash_report(self.ctx.paths.logs, exc)
        CrashDialog(report, path, self).exec()

    def _ended(self) -> None:
        self.saving = False
        self.working.clear()
        self.setEnabled(True)
