"""The training and promotion dialogs under zh_CN: every field is wide enough for the hint
it shows (the promotion's partner codes and materials hints were cut: 渠道编码，用逗号…)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from app.ui.application import ensure_application, install_translators


def test_form_hints_read_whole_under_zh_cn(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.training import HeldTrainingDialog, PlanTrainingDialog, PromotionDialog

    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        for dialog in (PlanTrainingDialog(), HeldTrainingDialog(), PromotionDialog()):
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitExposed(dialog)
            for edit in dialog.findChildren(QLineEdit):
                hint = edit.placeholderText()
                if not hint or not edit.isVisible():
                    continue
                needed = edit.fontMetrics().horizontalAdvance(hint) + 12  # frame and margins
                assert needed <= edit.width(), (type(dialog).__name__, hint, edit.width())
    finally:
        install_translators(app, "en")
