"""Date fields that show dates as the one formatter prints them (2026-12-07), whatever
the locale's short format (zh_CN's is 2026/12/7), with a calendar to pick from."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

DATE_FORMAT = "yyyy-MM-dd"  # app.domain.formats.date_text


def date_edit(date: QDate | None = None, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(date or QDate.currentDate(), parent)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit
