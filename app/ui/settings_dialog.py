"""The Settings dialog over ``app.settings.Settings``: language (applied at once), report
company name, default checklist template, photo size limit, reminder thresholds, the
trusted HQ key, and the data directory with "Open folder"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.vocabulary import template_label
from app.errors import UserError
from app.ui.widgets.region_picker import TerritoryEditor

HqKey = dict[str, str] | str | None
"""The trusted HQ key as the dialog shows it: the key, why its file cannot be read, or
``None`` when none is trusted yet."""


def read_hq_key(ctx: Any) -> HqKey:
    """The trusted HQ key, or the one line saying why its file cannot be read (on a reader
    thread: it reads a file)."""
    from app.services import device

    try:
        return device.trusted_hq_key(ctx)
    except UserError as exc:
        return exc.message


def read_choices(ctx: Any) -> tuple[list[tuple[str, str, int]], HqKey]:
    """What the dialog shows besides the settings in memory: the checklist templates and
    the trusted HQ key, read together on a reader thread."""
    from app.services import visits

    return visits.templates(ctx), read_hq_key(ctx)


class SettingsDialog(QDialog):
    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        settings = ui.ctx.settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(720)  # room for the territory's region picker
        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.company = QLineEdit(settings.company_name)
        self.shown_identity = ui.user_and_territory()  # as last read: no query here
        self.user = QLineEdit(self.shown_identity[0])
        self.user.setPlaceholderText(self.tr("Printed on every report"))
        self.territory = TerritoryEditor()
        self.territory.set_codes(list(self.shown_identity[1]))
        self.template = QComboBox()  # the templates come from a reader thread
        self.template.addItem(self.tr("Loading the checklists…"))
        self.template.setEnabled(False)
        self.hq_key = QLabel(self.tr("Reading…"))  # the key file is read there too
        ui.ops.run(
            read_choices,
            ui.ctx,
            read_only=True,
            on_done=self._choices_read,
            on_error=lambda exc: self._failed(exc) if shiboken6.isValid(self) else None,
        )
        self.photo_mb = QSpinBox()
        self.photo_mb.setRange(1, 100)
        self.photo_mb.setSuffix(" MB")
        self.photo_mb.setValue(settings.photo_max_mb)
        self.rect_days = QSpinBox()
        self.rect_days.setRange(0, 60)
        self.rect_days.setValue(settings.rectification_warning_days)
        self.unacked_days = QSpinBox()
        self.unacked_days.setRange(1, 90)
        self.unacked_days.setValue(settings.unacked_warning_days)
        choose_key = QPushButton(self.tr("Trust HQ key…"))
        choose_key.clicked.connect(self.choose_hq_key)
        key_row = QHBoxLayout()
        key_row.addWidget(self.hq_key, 1)
        key_row.addWidget(choose_key)
        export_key = QPushButton(self.tr("Export key file…"))
        export_key.setToolTip(
            self.tr("The file HQ registers this laptop from (Ed25519 and X25519 public keys)")
        )
        export_key.clicked.connect(self.export_device_key)
        device_row = QHBoxLayout()
        device_row.addWidget(QLabel(self.tr("HQ registers this laptop from its key file")), 1)
        device_row.addWidget(export_key)
        data_dir = QLabel(str(ui.ctx.paths.root))
        data_dir.setWordWrap(True)
        open_folder = QPushButton(self.tr("Open folder"))
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ui.ctx.paths.root)))
        )
        dir_row = QHBoxLayout()
        dir_row.addWidget(data_dir, 1)
        dir_row.addWidget(open_folder)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020;")
        form = QFormLayout(self)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("Your &name *"), self.user)
        form.addRow(self.tr("&Territory *"), self.territory)
        form.addRow(self.tr("Company name on reports"), self.company)
        form.addRow(self.tr("Default checklist"), self.template)
        form.addRow(self.tr("Largest photo"), self.photo_mb)
        form.addRow(self.tr("Warn before rectification deadlines (days)"), self.rect_days)
        form.addRow(self.tr("Warn when HQ has not acknowledged for (days)"), self.unacked_days)
        form.addRow(self.tr("Trusted HQ key"), key_row)
        form.addRow(self.tr("This laptop"), device_row)
        form.addRow(self.tr("Data directory"), dir_row)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _identity_to_save(self) -> tuple[str, list[str]] | bool:
        """Name and territory (both required), or False when they cannot be saved (the
        error line says why, or the territory change was declined) and True when they are
        unchanged. A territory change is confirmed first, since it changes which partners
        this laptop looks after and what HQ expects from it."""
        shown_user, shown_territory = self.shown_identity
        user, territory = self.user.text().strip(), self.territory.codes()
        if not user:
            self.error.setText(self.tr("Enter your name; it is printed on every report."))
            self.user.setFocus()
            return False
        if not territory:
            self.error.setText(self.tr("Choose at least one region of your territory."))
            self.territory.picker.province.setFocus()
            return False
        if user == shown_user and territory == list(shown_territory):
            return True
        if (
            territory != list(shown_territory)
            and self.confirm_territory_change() != QMessageBox.StandardButton.Yes
        ):
            return False
        return user, territory

    def confirm_territory_change(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self,
            self.tr("Change the territory?"),
            self.tr(
                "The territory decides which partners are yours and is sent to HQ with every sync bundle. "
                "Change it only when HQ has changed your territory too. Change it now?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )

    def _choices_read(self, choices: tuple[list[tuple[str, str, int]], HqKey]) -> None:
        """Show what was read on the reader thread: the checklists and the trusted key."""
        if not shiboken6.isValid(self):
            return
        listed, key = choices
        self._show_hq_key(key)
        self._templates_read(listed)

    def _templates_read(self, listed: list[tuple[str, str, int]]) -> None:
        """List the checklist templates, the default one chosen."""
        self.template.clear()
        for name, title, version in listed:
            self.template.addItem(
                self.tr("{title} (version {version})").format(
                    title=template_label(name, title), version=version
                ),
                name,
            )
        default = self.ui.ctx.settings.default_template
        self.template.setCurrentIndex(max(0, self.template.findData(default)))
        self.template.setEnabled(True)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.error.setText(exc.message)
        else:
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

    def _show_hq_key(self, key: HqKey) -> None:
        """The trusted key's fingerprint, "none yet", or why its file cannot be read."""
        if isinstance(key, str):
            text = key
        elif key:
            text = self.tr("fingerprint {fp}").format(fp=key["fingerprint"])
        else:
            text = self.tr("none yet")
        self.hq_key.setText(text)

    def export_device_key(self, _checked: bool = False, path: str | None = None) -> None:
        """Write the public-key file HQ registers this laptop from (as ``device
        export-key``), on the writer thread."""
        from app.services.device import export_public_key

        if path is None:
            suggested = str(Path.home() / "channeldesk-device.key")
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export key file"), suggested, self.tr("Key file (*.key)")
            )
            if not path:
                return

        def exported(target: Path) -> None:
            self.error.setStyleSheet("")
            self.error.setText(
                self.tr("Key file saved to {path}. Give it to HQ to register this laptop.").format(
                    path=target
                )
            )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                self.error.setStyleSheet("color:#b00020;")
                self.error.setText(exc.message)
            else:
                self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

        self.ui.ops.run(
            export_public_key, self.ui.ctx, Path(path), on_done=exported, on_error=failed
        )

    def choose_hq_key(self, _checked: bool = False, path: str | None = None) -> None:
        from app.services.identity import trust_hq_key

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("HQ public key"), "", self.tr("HQ key (*.key *.json)")
            )
        if not path:
            return

        def trusted(_changes: object) -> None:
            if shiboken6.isValid(self):  # the key as now stored, read on a reader thread
                self.ui.ops.run(
                    read_hq_key,
                    self.ui.ctx,
                    read_only=True,
                    on_done=lambda key: self._show_hq_key(key) if shiboken6.isValid(self) else None,
                    on_error=failed,
                )

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            if isinstance(exc, UserError):
                self.error.setText(exc.message)
            else:
                self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

        self.ui.ops.run(
            trust_hq_key,
            self.ui.ctx,
            Path(path),
            on_done=trusted,
            on_error=failed,
            initiator=self,
        )

    def save(self) -> None:
        """The identity through OpRunner on the writer thread (the dialog waits disabled;
        an error keeps every input), then the settings file, then close."""
        from app.services.identity import save_identity

        identity = self._identity_to_save()
        if identity is False:
            return
        if identity is True:
            self._save_settings()
            return
        user, territory = identity
        self.setEnabled(False)

        def saved(_changes: object) -> None:
            if shiboken6.isValid(self):
                self.setEnabled(True)
                self._save_settings()

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.setEnabled(True)
            if isinstance(exc, UserError):
                self.error.setText(exc.message)
            else:
                self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

        self.ui.ops.run(
            save_identity,
            self.ui.ctx,
            user,
            territory,
            on_done=saved,
            on_error=failed,
            initiator=self,
        )

    def _save_settings(self) -> None:
        """The preferences through OpRunner on the writer thread (the dialog waits
        disabled; a failed write keeps every input and says why), then close."""
        from app.services.preferences import save_preferences

        settings = self.ui.ctx.settings
        language = self.language.currentData()
        language_changed = settings.language != language
        self.setEnabled(False)

        def saved(_changes: object) -> None:
            if not shiboken6.isValid(self):
                return
            self.setEnabled(True)
            if language_changed:
                from app.ui.qt_app import ensure_application, install_translators

                install_translators(ensure_application(), language or None)
                self.ui.show_message(
                    self.tr(
                        "The new language applies to windows opened from now on; restart "
                        "ChannelDesk to translate this window too."
                    ),
                    "info",
                )
            self.accept()

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self.setEnabled(True)
            if isinstance(exc, OSError):
                self.error.setText(
                    self.tr("Cannot save the settings: {error}").format(error=exc.strerror or exc)
                )
            else:
                self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

        self.ui.ops.run(
            save_preferences,
            self.ui.ctx,
            language=language,
            company_name=self.company.text().strip() or settings.company_name,
            default_template=self.template.currentData() or settings.default_template,
            photo_max_mb=self.photo_mb.value(),
            rectification_warning_days=self.rect_days.value(),
            unacked_warning_days=self.unacked_days.value(),
            on_done=saved,
            on_error=failed,
            initiator=self,
        )
