"""Small read-only table models over lists of plain dicts (visits, compliance rows,
rectifications)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app.domain.vocabulary import RECTIFICATION_STATUS, VISIT_STATUS

Index = QModelIndex | QPersistentModelIndex


def state_label(state: str | None) -> str:
    """People's words for the machine states of visits and rectification orders."""
    if state in VISIT_STATUS.entries:
        return VISIT_STATUS.label(state)
    return RECTIFICATION_STATUS.label(state)


def short_time(value: Any) -> str:
    """An ISO time (stored in UTC) as local ``2026-12-02 09:15``; a date stays a date."""
    if not value:
        return ""
    text = str(value)
    if len(text) <= 10:
        return text
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return text[:16].replace("T", " ")
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M")


class DictTableModel(QAbstractTableModel):
    """Rows are dicts; ``columns`` is a list of (key, header) pairs."""

    def __init__(
        self,
        columns: list[tuple[str, str]],
        highlight: Callable[[dict[str, Any]], bool] | None = None,
        parent: Any = None,
        formatters: dict[str, Callable[[Any], str]] | None = None,
        tooltips: dict[str, Callable[[dict[str, Any]], str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.formatters = formatters or {}
        # per column key: the row's full text, shown as a tooltip (a narrow column elides it)
        self.tooltips = tooltips or {}
        self.rows: list[dict[str, Any]] = []
        self.highlight = highlight

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            key = self.columns[index.column()][0]
            value = row.get(key)
            if key in self.formatters:
                return self.formatters[key](value)
            if isinstance(value, float):
                return f"{value:.1f}"
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tooltips.get(self.columns[index.column()][0])
            return (tip(row) or None) if tip is not None else None
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and self.highlight is not None
            and self.highlight(row)
        ):
            return QColor("#fdecea")
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section][1]
        return None
