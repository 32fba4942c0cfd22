"""``PartnerTableModel``: a Qt table model that pages partner rows from the database on
demand (``canFetchMore``/``fetchMore``), so 100 000 partners open instantly."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.vocabulary import PARTNER_STATUS, PARTNER_TYPE
from app.services.context import AppContext
from app.services.partner_list import (
    PartnerQuery,
    PartnerRow,
    partner_page,
    partner_page_with_total,
)

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


class PartnerTableModel(QAbstractTableModel):
    COLUMNS = ("code", "name", "grade", "status", "type", "region_name", "primary_contact", "phone", "manager")
    SORT_KEYS = {0: "code", 1: "name", 2: "grade", 3: "status", 4: "type", 5: "district_code", 8: "manager"}

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = PartnerQuery()
        self.rows: list[PartnerRow] = []
        self.total = 0
        self.loaded = False

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Grade"), self.tr("Status"), self.tr("Type"), self.tr("Region"),
                self.tr("Contact"), self.tr("Phone"), self.tr("Manager")]

    def set_query(self, query: PartnerQuery, force: bool = False) -> None:
        if query == self.query and self.loaded and not force:
            return
        self.loaded = True
        self.beginResetModel()
        self.query = query
        self.total, self.rows = partner_page_with_total(self.ctx, query, 0, PAGE)
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query, force=True)

    # -- Qt API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = partner_page(self.ctx, self.query, len(self.rows), PAGE)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            key = self.COLUMNS[index.column()]
            value = getattr(row, key)
            if key == "status":
                return status_label(value)
            if key == "type":
                return type_label(value)
            return value
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.headers()[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        query = replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if not self.loaded:
            self.query = query  # remembered; the first load applies it
            return
        self.set_query(query)

    def row_at(self, row: int) -> PartnerRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None


def status_label(status: str) -> str:
    """A partner status in people's words (the one vocabulary)."""
    return PARTNER_STATUS.label(status)


def type_label(kind: str) -> str:
    """A partner type in people's words (the one vocabulary)."""
    return PARTNER_TYPE.label(kind)
