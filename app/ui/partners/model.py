"""``PartnerTableModel``: a Qt table model that pages partner rows from the database on
demand (``canFetchMore``/``fetchMore``), so 100 000 partners open instantly.

Every read a person's action asks for runs on a reader thread through ``OpRunner``: a new
query (a search typed, a filter, a sort, ``refresh`` after a change) and each further page.
The rows shown stay until the answer comes; then, on the UI thread and with the page
already read and formatted, the model resets (a query) or inserts rows (a page). Only the
newest query's answer is applied (``LatestRead``); a page asked for under an older query
is dropped, and one page is asked for at a time. Only the first page at start-up is read
on the UI thread (``load_now``): the window's first paint waits for it either way, and a
thread hop would only delay it (docs/architecture.md).

The first page is short (``FIRST_PAGE`` rows; Qt asks for the next pages of ``PAGE`` rows
when the last loaded row comes into view): without search words the total (for the count
label and the last page) is counted elsewhere and handed over with ``set_total`` (the
Partners section counts on a reader thread after the first paint); a search counts while
it finds. ``data`` answers from per-row tuples of display text made once per page (on the
reader thread), and any role the table does not show returns at once: a paint asks for
thousands of (cell, role) pairs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.domain.vocabulary import PARTNER_STATUS, PARTNER_TYPE
from app.services.context import AppContext
from app.services.partner_list import (
    PartnerQuery,
    PartnerRow,
    partner_page,
    partner_page_with_total,
)
from app.ui.latest_read import LatestRead

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


@dataclass(frozen=True)
class Page:
    """One page read for ``query`` from row ``offset``: the rows, their display text, and
    the total when the read tells it (a search's count, or a page shorter than asked)."""

    query: PartnerQuery
    offset: int
    rows: list[PartnerRow]
    texts: list[tuple[str, ...]]
    total: int | None


def read_page(ctx: AppContext, query: PartnerQuery, offset: int, limit: int) -> Page:
    """Read and format one page (on a reader thread, or for the first paint on the UI
    thread); the first page of a search counts its hits while it finds them."""
    total: int | None
    if offset == 0 and query.search.split():
        total, rows = partner_page_with_total(ctx, query, 0, limit)
    else:
        rows = partner_page(ctx, query, offset, limit)
        total = offset + len(rows) if len(rows) < limit else None
    return Page(query, offset, rows, display_texts(rows), total)


def display_texts(rows: list[PartnerRow]) -> list[tuple[str, ...]]:
    """Each row's cells as the table shows them (in ``PartnerTableModel.COLUMNS`` order)."""
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


class PartnerTableModel(QAbstractTableModel):
    """The partner list for ``ui`` (its context, ``OpRunner`` and failure reporting)."""

    shown = Signal(object)
    """A query's first page is in the model (emitted after the reset, with the query shown
    before it)."""
    read_failed = Signal()
    """The newest query's read failed (the user has been told; the rows shown stay)."""

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

    def __init__(self, ui: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.ctx: AppContext = ui.ctx
        self.query = PartnerQuery()  # the query whose rows are shown
        self.rows: list[PartnerRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._total: int | None = 0
        self._headers: list[str] | None = None
        self.loaded = False
        self._wanted = self.query  # the newest query asked for
        self._reading = LatestRead(ui, self)  # a query's first page
        self._paging = LatestRead(ui, self)  # the next page of the query shown
        self._paging_failed = False

    @property
    def reading(self) -> bool:
        """A query's first page has been asked for and has not come back yet."""
        return self._reading.pending

    @property
    def fetching(self) -> bool:
        """A further page of the query shown is being read."""
        return self._paging.pending

    @property
    def wanted_query(self) -> PartnerQuery:
        """The query being read, or the one shown when none is."""
        return self._wanted if self._reading.pending else self.query

    @property
    def known_total(self) -> int | None:
        """How many partners match the query shown, when known without a query (a
        search's count, a short list, the end reached, or ``set_total``); None until then."""
        return self._total

    def set_total(self, query: PartnerQuery, total: int) -> None:
        """Keep ``total``, counted elsewhere for ``query`` (ignored when the query changed)."""
        if query == self.query and self._total is None:
            self._total = total

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
        """Show ``query``'s rows once read on a reader thread; returns at once. The rows
        shown stay meanwhile; a newer call supersedes this one (its answer is dropped).
        Without ``force`` a query already shown or being read is not read again."""
        if not force and query == self.wanted_query and (self.loaded or self.reading):
            return
        self._ask(query, FIRST_PAGE)

    def _ask(self, query: PartnerQuery, rows: int) -> None:
        self._wanted = query
        self._reading.run(
            read_page, self.ctx, query, 0, rows, on_done=self._show, on_error=self._failed
        )

    def load_now(self, query: PartnerQuery) -> None:
        """Read ``query``'s first page here and now (the first paint at start-up only: the
        window waits for it either way). A read that fails raises and leaves the model as
        it was; a read asked for before is superseded."""
        page = read_page(self.ctx, query, 0, FIRST_PAGE)
        self._reading.supersede()
        self._show(page)

    def refresh(self) -> None:
        """Read the query shown (or being read) again, e.g. after a change was saved: as
        many rows as are loaded, so the rows scrolled to and selected are there again."""
        query = self.wanted_query
        self._ask(query, max(FIRST_PAGE, len(self.rows)) if query == self.query else FIRST_PAGE)

    def _show(self, page: Page) -> None:
        # Read first, then reset: the views ask for nothing while the database is read,
        # and a read that fails never leaves the model inside a reset that never ends.
        previous = self.query
        self.loaded = True
        self._paging.supersede()  # a page of the query shown before is not for these rows
        self._paging_failed = False
        self.beginResetModel()
        self.query, self.rows, self._total = page.query, page.rows, page.total
        self._texts = page.texts
        self._headers = None
        self.endResetModel()
        self.shown.emit(previous)

    def _failed(self, exc: BaseException) -> None:
        self.ui.report_failure(exc)
        self.read_failed.emit()

    # -- Qt API -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self._paging_failed:
            return False
        if self._total is None:  # not counted yet, and the last page read was full
            return True
        return len(self.rows) < self._total

    def fetchMore(self, parent: Index) -> None:
        """Ask for the next page on a reader thread (once: Qt asks again on every scroll
        while it is read); the rows are inserted when it comes."""
        if parent.isValid() or self._paging.pending or not self.canFetchMore(parent):
            return
        self._paging.run(
            read_page,
            self.ctx,
            self.query,
            len(self.rows),
            PAGE,
            on_done=self._more,
            on_error=self._more_failed,
        )

    def _more(self, page: Page) -> None:
        if page.query != self.query or page.offset != len(self.rows):
            return  # not the next page of these rows (cannot happen: a reset supersedes)
        if page.rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self._texts.extend(page.texts)
            self.endInsertRows()
        if page.total is not None:
            self._total = page.total

    def _more_failed(self, exc: BaseException) -> None:
        # no more pages until the next query or refresh: Qt would ask again at every scroll
        self._paging_failed = True
        self.ui.report_failure(exc)

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
        """Sort by ``column`` (read on a reader thread like any query)."""
        key = self.SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        query = replace(self.wanted_query, sort=key, descending=descending)
        if not self.loaded and not self.reading:
            self.query = query  # remembered; the first load applies it
            return
        self.set_query(query)

    def row_at(self, row: int) -> PartnerRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, partner_id: str | None) -> int | None:
        """The row showing ``partner_id`` among the rows loaded, if any."""
        for row, item in enumerate(self.rows):
            if item.id == partner_id:
                return row
        return None


def status_label(status: str) -> str:
    """A partner status in people's words (the one vocabulary)."""
    return PARTNER_STATUS.label(status)


def type_label(kind: str) -> str:
    """A partner type in people's words (the one vocabulary)."""
    return PARTNER_TYPE.label(kind)
