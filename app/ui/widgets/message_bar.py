"""A non-modal message bar above the content: friendly ``UserError`` messages, notices,
with optional details (e.g. import row/column errors) and a close button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

_STYLES = {
    "info": "background:#e8f1fb;border:1px solid #9cc3ea;color:#123;",
    "warning": "background:#fff6e0;border:1px solid #e7c56b;color:#432;",
    "error": "background:#fdecea;border:1px solid #ee9a90;color:#611;",
}


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(120)
        self.details.hide()
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Close message"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(top)
        layout.addWidget(self.details)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.level = ""
        self.hide()

    def show_message(
        self, text: str, level: str = "info", details: list[str] | None = None
    ) -> None:
        self.level = level
        self.setStyleSheet(
            f"QFrame#messageBar{{{_STYLES.get(level, _STYLES['info'])}border-radius:4px;}}"
        )
        self.label.setText(text)
        if details:
            self.details.setPlainText("\n".join(details))
            self.details.show()
        else:
            self.details.clear()
            self.details.hide()
        self.show()
        self._timer.stop()
        if level == "info" and not details:
            self._timer.start(8000)

    def text(self) -> str:
        return self.label.text()
