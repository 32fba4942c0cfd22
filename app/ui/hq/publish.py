"""The console's Publish (a toolbar action seen from every section): asks for a folder,
runs ``app.hq.publishing.publish_all`` — ``hq publish``'s function for every active
device — on the writer thread with a progress dialog, then reports per device the file
written, what it holds, and the warning ``hq publish`` prints (a device without an
encryption key gets no development records) or why it failed. HQ has no settings store,
so the folder is asked each time, starting where it was last chosen in this session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.ui.hq.base import fill, table

# the entities of a down-bundle in the order a person reads them
_ORDER = (
    "partner",
    "target",
    "checklist_template",
    "frequency_rule",
    "duty_rule",
    "invoice",
    "payment",
    "dev_record",
    "grade_request",
)


class PublishReport(QDialog):
    """Per device: manager (the device's id in the tooltip and the row's key), file, what
    the bundle holds, and its warning or why it failed."""

    def __init__(self, run: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Published to the laptops"))
        self.resize(1160, 460)
        written = [b for b in run.bundles if b.path is not None]
        summary = self.tr("%n bundle(s) written to {folder}.", "", len(written)).format(
            folder=run.folder
        )
        if run.cancelled:
            summary += " " + self.tr("Stopped: the devices after these got nothing this time.")
        summary += " " + self.tr(
            "Take each file to its laptop and import it there (Sync → Import HQ bundle)."
        )
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.view = table(
            [
                self.tr("Manager"),
                self.tr("File"),
                self.tr("Published"),
                self.tr("Warning"),
            ]
        )
        fill(
            self.view,
            [
                [
                    b.user or "—",
                    b.path.name if b.path is not None else "—",
                    self.holds(b.counts) if b.path is not None else self.tr("nothing"),
                    b.error or b.note or "",
                ]
                for b in run.bundles
            ],
            [b.device_id for b in run.bundles],
        )
        for row, b in enumerate(run.bundles):  # the device's id, for the eye that wants it
            self.view.item(row, 0).setToolTip(b.device_id)
        self.view.setWordWrap(True)
        self.view.setColumnWidth(2, 330)  # long texts wrap in their columns, read at a glance
        self.view.setColumnWidth(3, 380)
        self.view.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

    def holds(self, counts: dict[str, int]) -> str:
        """What a bundle holds, in words: 3 partners, 2 targets, …"""
        words = {
            "partner": lambda n: self.tr("%n partner(s)", "", n),
            "target": lambda n: self.tr("%n target(s)", "", n),
            "checklist_template": lambda n: self.tr("%n template version(s)", "", n),
            "frequency_rule": lambda n: self.tr("%n visit rule(s)", "", n),
            "duty_rule": lambda n: self.tr("%n duty rule(s)", "", n),
            "invoice": lambda n: self.tr("%n invoice(s)", "", n),
            "payment": lambda n: self.tr("%n payment(s)", "", n),
            "dev_record": lambda n: self.tr("%n development record(s)", "", n),
            "grade_request": lambda n: self.tr("%n grade decision(s)", "", n),
        }
        parts = [words[e](counts[e]) for e in _ORDER if counts.get(e)]
        return self.tr(", ").join(parts) if parts else self.tr("nothing")


class Publisher(QObject):
    """The Publish action of one console window."""

    def __init__(self, ui: Any, window: QWidget) -> None:
        super().__init__(window)
        self.ui = ui
        self.window = window
        self.folder = ""  # where the user last chose to publish, this session
        self.report: PublishReport | None = None
        self.action = QAction(self.tr("Publish to laptops…"), window)
        self.action.setToolTip(
            self.tr(
                "Write each active laptop's HQ bundle (partners, targets, templates, rules, "
                "receivables, development records) into a folder you choose."
            )
        )
        self.action.triggered.connect(lambda _checked=False: self.ask())

    def ask(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Folder for the HQ bundles"), self.folder
        )
        if folder:
            self.publish(Path(folder))

    def publish(self, folder: Path) -> None:
        """Publish every active device into ``folder`` (off the UI thread)."""
        from app.hq.publishing import publish_all

        self.folder = str(folder)
        self.ui.ops.run(
            publish_all,
            self.ui.hq,
            folder,
            progress_title=self.tr("Publishing to the laptops…"),
            on_done=self._done,
        )

    def _done(self, run: Any) -> None:
        failed = sum(1 for b in run.bundles if b.error)
        warned = sum(1 for b in run.bundles if b.note and not b.error)
        written = len(run.bundles) - failed
        text = self.tr("Published to %n laptop(s).", "", written)
        if failed:
            text += " " + self.tr("%n device(s) failed; see why in the list.", "", failed)
        if warned:
            text += " " + self.tr("%n device(s) with a warning.", "", warned)
        self.ui.show_message(text, "warning" if failed or warned or run.cancelled else "info")
        self.report = PublishReport(run, self.window)
        self.report.show()
