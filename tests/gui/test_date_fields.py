"""Date fields show a date as every other place does (2026-12-07), not in the locale's short
format (zh_CN's 2026/12/7): the training and promotion dialogs' dates under zh_CN."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDateEdit

from app.ui.application import ensure_application, install_translators

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def test_training_and_promotion_dates_read_as_iso_under_zh_cn(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.training import PlanTrainingDialog, PromotionDialog

    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        for dialog in (PlanTrainingDialog(), PromotionDialog()):
            qtbot.addWidget(dialog)
            edits = dialog.findChildren(QDateEdit)
            assert edits, type(dialog).__name__
            for edit in edits:
                assert ISO_DATE.match(edit.text()), (type(dialog).__name__, edit.text())
                assert edit.calendarPopup()
    finally:
        install_translators(app, "en")


def test_every_date_field_is_made_by_date_edit() -> None:
    """A bare ``QDateEdit(...)`` takes the locale's format; ``widgets.dates.date_edit`` is the
    one place that makes date fields."""
    ui = Path(__file__).resolve().parents[2] / "app" / "ui"
    bare = [
        f"{path.relative_to(ui)}:{number}"
        for path in ui.rglob("*.py")
        if path.name != "dates.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "QDateEdit(" in line
    ]
    assert not bare, bare
