"""``PartnerTableModel``: a Qt table model that pages partner rows from the database on
demand (``canFetchMore``/``fetchMore``), so 100 000 partners open instantly.

The first paint needs one short page query (``FIRST_PAGE`` rows; Qt asks for the next
pages of ``PAGE`` rows when the last loaded row comes into view): without search words the
total (for the count label and the last page) is counted when first asked for, or counted
elsewhere and handed over with ``set_total`` (the Partners section counts on a reader
thread after the first paint); a search counts while it finds.
``data`` answers from per-row tuples of display text made once per page, and any role the
table does not show returns at once: a paint asks for thousands of (cell, role) pairs."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.domain.vocabulary import PARTNER_STATUS, PARTNER_TYPE
from app.services.context import AppContext
from app.services.partner_list import (
    PartnerQuery,
    PartnerRow,
    partner_count,
    partner_page,
    partner_page_with_total,
)

PAGE = 200
FIRST_PAGE = 64
"""The first page: more rows than a tall window shows (Qt fetches more as soon as the
last loaded row comes into view); a paint of the first screen reads, formats and sizes
the vertical header for these rows only."""
Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_USER = Qt.ItemDataRole.UserRole
_HORIZONTAL = Qt.Orientation.Horizontal


class PartnerTableModel(QAbstractTableModel):
    COLUMNS = (
        "code",
        "name",
        "grade",
        "status",
        "type",
        "region_name",
        "primary_contact",
        "phone",
        "manager",
    )
    SORT_KEYS = {
        0: "code",
        1: "name",
        2: "grade",
        3: "status",
        4: "type",
        5: "district_code",
        8: "manager",
    }

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = PartnerQuery()
        self.rows: list[PartnerRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._total: int | None = 0
        self._headers: list[str] | None = None
        self.loaded = False

    @property
    def total(self) -> int:
        """How many partners match the query (counted on first use after a new query)."""
        if self._total is None:
            self._total = partner_count(self.ctx, self.query)
        return self._total

    @property
    def known_total(self) -> int | None:
        """The total when known without a query (a search's count, a short list, the end
        reached, or ``set_total``); None until then."""
        return self._total

    def set_total(self, query: PartnerQuery, total: int) -> None:
        """Keep ``total``, counted elsewhere for ``query`` (ignored when the query changed)."""
        if query == self.query and self._total is None:
            self._total = total

    def _display(self, rows: list[PartnerRow]) -> list[tuple[str, ...]]:
        return [
            (
                r.code,
                r.name,
                r.grade,
                status_label(r.status),
                type_label(r.type),
                r.region_name,
                r.primary_contact,
                r.phone,
                r.manager,
            )
            for r in rows
        ]

    def headers(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Grade"),
            self.tr("Status"),
            self.tr("Type"),
            self.tr("Region"),
            self.tr("Contact"),
            self.tr("Phone"),
            self.tr("Manager"),
        ]

    def set_query(self, query: PartnerQuery, force: bool = False) -> None:
        if query == self.query and self.loaded and not force:
            return
        # Read first, then reset: a query that fails (a locked database, a bad search)
        # leaves the model as it was instead of inside a reset that never ends, and the
        # views ask for nothing while the database is read.
        total: int | None
        if query.search.split():  # a search counts its hits while it finds them
            total, rows = partner_page_with_total(self.ctx, query, 0, FIRST_PAGE)
        else:
            rows = partner_page(self.ctx, query, 0, FIRST_PAGE)
            total = len(rows) if len(rows) < FIRST_PAGE else None
        texts = self._display(rows)
        self.loaded = True
        self.beginResetModel()
        self.query, self.rows, self._total, self._texts = query, rows, total, texts
        self._headers = None
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query, force=True)

    # -- Qt API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid():
            return False
        if self._total is None:  # not counted yet, and the last page read was full
            return True
        return len(self.rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = partner_page(self.ctx, self.query, len(self.rows), PAGE)
        if not more:
            self._total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self._texts.extend(self._display(more))
        self.endInsertRows()
        if len(more) < PAGE:
            self._total = len(self.rows)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY and role != _TOOLTIP and role != _USER:
            return None
        row = index.row()
        if not index.isValid() or not (0 <= row < len(self.rows)):
            return None
        if role == _USER:
            return self.rows[row].id
        return self._texts[row][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY or orientation != _HORIZONTAL or not 0 <= section < len(self.COLUMNS):
            return None
        if self._headers is None:
            self._headers = self.headers()
        return self._headers[section]

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
