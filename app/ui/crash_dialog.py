"""The crash dialog: an unexpected error with traceback and log tail, "Copy report", and
the assurance that autosaved drafts are kept. The report is also written to ``logs/``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class CrashDialog(QDialog):
    def __init__(
        self, report: str, report_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ChannelDesk — unexpected error"))
        self.resize(720, 480)
        intro = QLabel(
            self.tr(
                "Something went wrong. Your saved data and autosaved drafts are safe. "
                "Please send this report to support."
            )
        )
        intro.setWordWrap(True)
        where = QLabel(
            self.tr("Report saved to: {path}").format(path=report_path) if report_path else ""
        )
        where.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(where)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
