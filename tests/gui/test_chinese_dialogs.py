"""Qt's own dialogs read Chinese under zh_CN: qtbase's catalogue plus the strings it lacks."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from app.ui.application import ensure_application, install_translators


def test_file_dialog_and_message_box_are_chinese(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        assert labels and all(not text.isascii() for text in labels), labels
        box = QMessageBox()
        qtbot.addWidget(box)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        assert {b.text() for b in box.buttons()} == {"是(&Y)", "取消"}
    finally:
        install_translators(app, "en")
