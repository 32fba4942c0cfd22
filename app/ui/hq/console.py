"""The HQ console (``channeldesk hq gui``): the same PySide6 application in an HQ mode over
the HQ database — navigation on the left, one section at a time, the message bar above.
Slow work runs through the app's ``OpRunner``; sections refresh from ``changed``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr
from app.ui.services import UiHub
from app.ui.widgets.message_bar import MessageBar


class HqUi(UiHub):
    """What ``OpRunner`` and the sections need (``UiHub``) over the HQ database."""

    def __init__(self, hq: Any) -> None:
        super().__init__()
        self.hq = hq


class HqWindow(QMainWindow):
    """Overview, Inspections, Inbox, Targets, Templates and rules, Receivables, Devices,
    Partners, Grade requests."""

    def __init__(self, ui: HqUi) -> None:
        super().__init__()
        from app.ui.hq.admin import InboxSection, ReceivablesSection
        from app.ui.hq.devices import DevicesSection
        from app.ui.hq.devrecords import DevRecordsSection
        from app.ui.hq.inspections import InspectionsSection
        from app.ui.hq.partners import GradeRequestsSection, PartnersSection
        from app.ui.hq.review import OverviewSection
        from app.ui.hq.targets import TargetsSection
        from app.ui.hq.templates import TemplatesSection

        self.ui = ui
        ui.main_window = self
        self.setWindowTitle(self.tr("ChannelDesk HQ"))
        self.resize(1280, 800)
        self.bar = MessageBar()
        self.bar.hide()
        ui.message.connect(self.bar.show_message)
        ui.crashed.connect(self._crashed)
        self.nav = QListWidget()
        self.nav.setMaximumWidth(180)
        self.stack = QStackedWidget()
        self.sections: list[Any] = []
        self.overview = OverviewSection(ui)
        self.inspections = InspectionsSection(ui)
        self.overview.open_visits.connect(self._open_visits)
        for section in (
            self.overview,
            self.inspections,
            InboxSection(ui),
            TargetsSection(ui),
            TemplatesSection(ui),
            ReceivablesSection(ui),
            DevicesSection(ui),
            PartnersSection(ui),
            GradeRequestsSection(ui),
            DevRecordsSection(ui),
        ):
            self.sections.append(section)
            self.stack.addWidget(section)
            self.nav.addItem(section.title())
        self.nav.currentRowChanged.connect(self._show)
        from app.ui.hq.publish import Publisher

        self.publisher = Publisher(ui, self)  # Publish, seen from every section
        toolbar = self.addToolBar(self.tr("Actions"))
        toolbar.setObjectName("hq-actions")
        toolbar.setMovable(False)
        toolbar.addAction(self.publisher.action)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        outer = QVBoxLayout()
        outer.addWidget(self.bar)
        outer.addLayout(body, 1)
        central = QWidget()
        central.setLayout(outer)
        self.setCentralWidget(central)
        self.nav.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if row >= 0:
            if row != self.stack.currentIndex():
                self.bar.hide()  # a message belongs to the section it came from
            self.stack.setCurrentIndex(row)
            self.sections[row].load_once()

    def _open_visits(self, device_id: str, month: str) -> None:
        self.nav.setCurrentRow(self.sections.index(self.inspections))
        self.inspections.filter_to(device_id, month)

    def _crashed(self, exc: BaseException, tb_text: str) -> None:
        from app.logging_setup import write_crash_report
        from app.ui.crash_dialog import CrashDialog

        report, path = write_crash_report(self.ui.hq.key_dir, exc)
        CrashDialog(report, path, self).exec()

    def current_section(self) -> Any:
        return self.sections[self.stack.currentIndex()]

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let the reads and writes in flight finish before the window goes: a job that
        outlives its window has nowhere to report to."""
        self.ui.ops.wait(30000)
        event.accept()


def run_hq_gui(hq: Any, language: str | None, screenshot: Path | None = None) -> int:
    """Show the console over an opened ``Hq``; with ``screenshot`` save the window once
    the first section has loaded and quit."""
    from app.i18n import set_language
    from app.ui.qt_app import ensure_application, install_translators

    app = ensure_application()
    install_translators(app, set_language(language))
    ui = HqUi(hq)
    window = HqWindow(ui)
    window.show()
    if screenshot is None:
        return int(app.exec())
    result = {"code": 1}

    def grab() -> None:
        ok = False
        try:
            ui.ops.wait(10000)
            app.processEvents()
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            ok = window.grab().save(str(screenshot), "PNG")
        except OSError:
            ok = False
        if not ok:
            sys.stderr.write(
                tr("cli", "Cannot write the screenshot {path}: {error}").format(
                    path=screenshot, error=tr("cli", "the file could not be saved")
                )
                + "\n"
            )
        result["code"] = 0 if ok else 1
        app.quit()

    def poll(remaining: int = 250) -> None:
        if window.current_section().is_ready or remaining <= 0:
            QTimer.singleShot(0, grab)
        else:
            QTimer.singleShot(20, lambda: poll(remaining - 1))

    QTimer.singleShot(0, poll)
    app.exec()
    return result["code"]
