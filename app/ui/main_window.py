"""The main window: navigation between sections, the message bar, menus with keyboard
shortcuts, and a status bar with the user, territory and sync state."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.domain.formats import datetime_text
from app.domain.regions import regions
from app.services.context import Changes
from app.ui.deferred import later
from app.ui.sections import SECTION_CLASSES, Section, load_section_class, section_title
from app.ui.services import UiServices
from app.ui.widgets.message_bar import MessageBar

log = logging.getLogger(__name__)

# what changes neither the pending changes nor the last sync the status bar shows
NOT_SYNCED = frozenset({"form_draft", "settings"})


class MainWindow(QMainWindow):
    all_ready = Signal()
    restore_requested = Signal(object)  # Path of a verified backup; handled by GuiSession
    start_finished = Signal()  # every section is built (at once, or by ``finish_start``)

    def __init__(self, ui: UiServices, deferred: bool = False) -> None:
        """With ``deferred`` only the first (visible) section is built now and the others
        get their navigation entry; ``finish_start`` (after the first paint) builds them,
        adds their menu actions and finishes the menus. Otherwise everything is built here."""
        super().__init__()
        self.ui = ui
        ui.main_window = self
        # the window's size and place are kept for the next start (not a screenshot's)
        self.keeps_geometry = True
        self.text_scale: int | None = None  # as applied (View → Larger/Smaller text)
        self.setWindowTitle(self.tr("ChannelDesk — Channel inspection desk"))
        self.setMinimumSize(QSize(960, 600))
        self.message_bar = MessageBar()
        ui.message.connect(self.message_bar.show_message)
        ui.crashed.connect(self._show_crash)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setAccessibleName(self.tr("Sections"))
        self.stack = QStackedWidget()
        self.sections: list[Section] = []
        self.menus: dict[str, QMenu] = {}
        self._pending: dict[int, str] = {}  # stack index → spec of a section not built yet
        self._view_actions: list[QAction] = []
        self._menus_wanted = False
        self._build_menus()
        for index, spec in enumerate(SECTION_CLASSES):
            title = section_title(spec) if deferred and index > 0 else None
            if title is None:
                section = load_section_class(spec)(ui, self)
                section.starting = deferred
                self.sections.append(section)
                self.stack.addWidget(section)
                self._add_navigation(index, section.title(), section.icon())
                self._connect_section(section)
            else:
                self._pending[index] = spec
                self.stack.addWidget(QWidget())
                self._add_navigation(index, title, QIcon())
        from app.ui.sync_actions import SyncActions

        self.sync_actions = SyncActions(ui, self)
        for action in self.sync_actions.actions_for_menu():
            self.menus["sync"].addAction(action)
        self.nav.currentRowChanged.connect(self._show_row)
        if self.sections:
            self.nav.setCurrentRow(0)

        content = QWidget()
        right = QVBoxLayout()
        right.setContentsMargins(6, 6, 6, 6)
        right.addWidget(self.message_bar)
        right.addWidget(self.stack, 1)
        layout = QHBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addLayout(right, 1)
        self.setCentralWidget(content)

        self.identity_label = QLabel()
        self.sync_label = QLabel()
        self.statusBar().addWidget(self.identity_label)
        self.statusBar().addPermanentWidget(self.sync_label)
        ui.changed.connect(self._on_changed)
        self._refresh_identity()
        later(self, 300, self._refresh_status)  # not once the window is closed
        geometry = ui.ctx.settings.window_geometry
        if geometry:
            from PySide6.QtCore import QByteArray  # named here: its enums are built when named

            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        else:
            self.resize(1280, 800)

    # -- sections ---------------------------------------------------------------
    def _add_navigation(self, index: int, title: str, icon: QIcon) -> None:
        item = QListWidgetItem(icon, title)
        item.setSizeHint(QSize(140, 36))
        self.nav.addItem(item)
        action = QAction(title, self)
        action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        action.triggered.connect(lambda _=False, i=index: self.nav.setCurrentRow(i))
        self.menus["view"].addAction(action)
        self._view_actions.append(action)

    def _connect_section(self, section: Section) -> None:
        section.ready.connect(self._check_ready)
        for menu_name, extra in section.menu_actions():
            self.menu(menu_name).addAction(extra)

    def finish_start(self) -> None:
        """Build the sections a deferred start left out (in their places), add their menu
        actions, finish the menus; then ``start_finished``. Does nothing the second time."""
        if not self._pending:
            return
        self.repaint()  # the first paint is on screen before the rest loads
        started = list(self.sections)
        for index, spec in sorted(self._pending.items()):
            section = load_section_class(spec)(self.ui, self)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, section)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.nav.item(index).setText(section.title())
            self.nav.item(index).setIcon(section.icon())
            self._view_actions[index].setText(section.title())
            self._connect_section(section)
        self._pending.clear()
        self.sections = [self.stack.widget(i) for i in range(self.stack.count())]  # type: ignore[misc]
        for section in started:
            section.finish_start()
        if self._menus_wanted:
            self.finish_menus()
        self.start_finished.emit()

    def finish_start_after_paint(self) -> None:
        """Schedule ``finish_start`` for when the visible section has loaded (and painted),
        and in any case within two seconds (should its first load fail)."""
        current = self.stack.currentWidget()
        if current is None or getattr(current, "is_ready", True):
            QTimer.singleShot(0, self.finish_start)
        else:
            current.ready.connect(lambda: QTimer.singleShot(0, self.finish_start))  # type: ignore[attr-defined]
            QTimer.singleShot(2000, self.finish_start)

    def _show_row(self, row: int) -> None:
        if row in self._pending:
            self.finish_start()
        if row != self.stack.currentIndex():
            self.message_bar.hide()  # a message belongs to the section it came from
        self.stack.setCurrentIndex(row)

    # -- menus ------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus["file"] = bar.addMenu(self.tr("&File"))
        self.menus["edit"] = bar.addMenu(self.tr("&Edit"))
        self.menus["view"] = bar.addMenu(self.tr("&View"))
        self.menus["sync"] = bar.addMenu(self.tr("&Sync"))
        self.menus["tools"] = bar.addMenu(self.tr("&Tools"))
        self.menus["help"] = bar.addMenu(self.tr("&Help"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.quit_action = quit_action
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self._settings)
        self.menus["tools"].addAction(settings_action)
        backup_action = QAction(self.tr("&Back up now…"), self)
        backup_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        backup_action.triggered.connect(self._backup)
        self.menus["tools"].addAction(backup_action)
        restore_action = QAction(self.tr("&Restore from backup…"), self)
        restore_action.triggered.connect(self._restore)
        self.menus["tools"].addAction(restore_action)
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        shortcuts.triggered.connect(self.show_shortcuts)
        self.menus["help"].addAction(shortcuts)
        about = QAction(self.tr("&About ChannelDesk"), self)
        about.triggered.connect(self._about)
        self.menus["help"].addAction(about)
        self.text_actions: list[QAction] = []
        for text, keys, step in (
            (
                self.tr("&Larger text"),
                [QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")],
                10,
            ),
            (self.tr("&Smaller text"), [QKeySequence.StandardKey.ZoomOut], -10),
            (self.tr("&Normal text size"), [QKeySequence("Ctrl+0")], 0),
        ):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _checked=False, step=step: self.scale_text(step))
            self.text_actions.append(action)

    def menu(self, name: str) -> QMenu:
        """A top-level menu by key (file, edit, view, sync, tools, help)."""
        if name not in self.menus:
            self.menus[name] = self.menuBar().addMenu(name)
        return self.menus[name]

    def finish_menus(self) -> None:
        """Put Quit last in the File menu and hide empty menus (call after plug-ins added actions;
        after a deferred start this happens once ``finish_start`` has added every section's)."""
        if self._pending:
            self._menus_wanted = True
            return
        self.menus["view"].addSeparator()
        self.menus["view"].addActions(self.text_actions)
        self.menus["file"].addSeparator()
        self.menus["file"].addAction(self.quit_action)
        for menu in self.menus.values():
            menu.menuAction().setVisible(bool(menu.actions()))

    def _settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ui, self).exec()  # its saves announce their own changes

    def _backup(self, _checked: bool = False, path: str | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog

        from app.services.backup import create_backup

        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Back up"), "channeldesk.cdbackup", self.tr("Backups (*.cdbackup)")
            )
        if path:
            self.ui.ops.run(
                create_backup,
                self.ui.ctx,
                Path(path),
                read_only=True,
                progress_title=self.tr("Backing up…"),
                on_done=lambda p: self.ui.show_message(
                    self.tr("Backup written: {path}").format(path=p), "info"
                ),
            )

    def _restore(
        self, _checked: bool = False, path: str | None = None, confirm: bool = True
    ) -> None:
        """Check the chosen backup on a worker thread, ask, then hand over to ``GuiSession``."""
        from PySide6.QtWidgets import QFileDialog

        from app.services.backup import verify_backup

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Restore from backup"), "", self.tr("Backups (*.cdbackup)")
            )
        if not path:
            return
        backup = Path(path)
        self.ui.ops.run(
            verify_backup,
            backup,
            read_only=True,
            progress_title=self.tr("Checking the backup…"),
            on_done=lambda manifest: self._confirm_restore(backup, manifest, confirm),
        )

    def _confirm_restore(self, backup: Path, manifest: dict, confirm: bool) -> None:  # type: ignore[type-arg]
        created = str(manifest.get("created_at", ""))[:16].replace("T", " ")
        question = self.tr(
            "The backup {file} (made {created}, {count} files) is intact.\n\n"
            "Restore it? The current data is not deleted: it is kept as a dated copy beside the data folder {folder}."
        ).format(
            file=backup.name,
            created=created,
            count=len(manifest.get("files", [])),
            folder=self.ui.ctx.paths.root,
        )
        if confirm:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(
                self,
                self.tr("Restore from backup"),
                question,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.restore_requested.emit(backup)

    def scale_text(self, step: int) -> None:
        """View → Larger/Smaller/Normal text: every widget follows the application font;
        the scale is kept in the settings and applied at the next start."""
        from app.services.preferences import store_settings
        from app.ui.qt_app import apply_text_scale

        if self.text_scale is None:
            self.text_scale = self.ui.ctx.settings.text_scale
        scale = 100 if step == 0 else max(70, min(200, self.text_scale + step))
        self.text_scale = scale
        apply_text_scale(scale)
        self.ui.show_message(self.tr("Text size {percent}%").format(percent=scale), "info")
        # kept for the next start: written on the writer thread (in the order asked)
        self.ui.ops.run(
            store_settings,
            self.ui.ctx,
            text_scale=scale,
            on_error=self._scale_not_saved,
            initiator=self,
        )

    def _scale_not_saved(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):  # applied now; the next start uses the old size
            log.warning("cannot save settings: %s", exc)
        else:
            self.ui.report_failure(exc)

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, keys) for every menu action, as shown in Help → Keyboard shortcuts."""
        rows = []
        for menu in self.menus.values():
            if not menu.menuAction().isVisible():
                continue
            for action in menu.actions():
                if action.isSeparator() or not action.text():
                    continue
                keys = ", ".join(
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                )
                rows.append((menu.title().replace("&", ""), action.text().replace("&", ""), keys))
        return rows

    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import (
            QDialog,
            QDialogButtonBox,
            QHeaderView,
            QTableWidget,
            QTableWidgetItem,
        )

        rows = self.shortcut_rows()
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(len(rows), 3, dialog)
        table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Every action is in a menu (Alt + the underlined letter opens it). "
                    "Tab moves between fields; Enter opens the selected row."
                ),
                dialog,
            )
        )
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(560, 520)
        self.shortcuts_dialog = dialog
        dialog.open()

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About ChannelDesk"),
            self.tr(
                "ChannelDesk (渠道巡检台) {version}\nOffline-first desk for field channel managers."
            ).format(version=__version__),
        )

    # -- state ------------------------------------------------------------------
    def _check_ready(self) -> None:
        if not self._pending and all(s.is_ready for s in self.sections):
            self.all_ready.emit()

    def sections_ready(self) -> bool:
        """The visible section has loaded its data (others load when first shown)."""
        current = self.stack.currentWidget()
        return current is None or bool(getattr(current, "is_ready", True))

    def show_section(self, section_id: str) -> Section | None:
        self.finish_start()
        for index, section in enumerate(self.sections):
            if section.section_id == section_id:
                self.nav.setCurrentRow(index)
                return section
        return None

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("device", "app_meta"):  # the user's name or territory changed
            self.ui.ops.run(read_identity, self.ui.ctx, read_only=True, on_done=self._show_identity)
        if not changes.entities <= NOT_SYNCED:  # e.g. the partner form's draft, every second
            self._refresh_status()

    def _refresh_identity(self) -> None:
        """The status bar's user and territory, read here (start-up, before the window
        shows); after a change they are read on a reader thread (``_on_changed``)."""
        self._show_identity(self.ui.user_and_territory())

    def _show_identity(self, identity: tuple[str, list[str]]) -> None:
        self.ui.identity = identity  # what the dialogs and sections show from now on
        user, codes = identity
        territory = "、".join(regions().name(code) for code in codes) or self.tr("all regions")
        self.identity_label.setText(
            self.tr("User: {user}  Territory: {territory}").format(
                user=user or "-", territory=territory
            )
        )

    def _refresh_status(self) -> None:
        """Sync state, counted on a reader thread so the window never waits for it."""
        from app.services.sync_state import sync_status

        self.ui.ops.run(sync_status, self.ui.ctx, read_only=True, on_done=self._show_status)

    def _show_status(self, status) -> None:  # type: ignore[no-untyped-def]
        last = datetime_text(status.last_synced_at) if status.last_synced_at else self.tr("never")
        self.sync_label.setText(
            self.tr("Last synced: {last} · {pending}").format(
                last=last, pending=self.tr("%n change(s) pending", "", status.pending_changes)
            )
        )

    def _show_crash(self, exc: BaseException, tb_text: str) -> None:
        from app.logging_setup import write_crash_report
        from app.ui.crash_dialog import CrashDialog

        report, path = write_crash_report(self.ui.ctx.paths.logs, exc)
        CrashDialog(report, path, self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        for section in self.sections:
            if not section.can_close():
                event.ignore()
                return
        self.ui.ops.wait(10000)
        if self.keeps_geometry:
            settings = self.ui.ctx.settings
            settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            try:
                self.ui.ctx.save_settings()
            except OSError as exc:
                log.warning("cannot save settings: %s", exc)
        event.accept()


def read_identity(ctx: Any) -> tuple[str, list[str]]:
    """The device's user name and territory codes (two ``app_meta`` reads)."""
    return ctx.user_name, ctx.territory
