"""What every HQ console section shares: loading on first show through the ``OpRunner``
(reads on the reader pool), ``is_ready`` once the first data arrived, refresh after
``changed``, and a read-only table filled from rows of texts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.ui.widgets.empty_state import set_empty_text


class HqSection(QWidget):
    """``title()`` for the navigation; ``load()`` (override) starts reading the data."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.is_ready = False
        self.loaded = False
        ui.changed.connect(self._changed)

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        raise NotImplementedError

    def load_once(self) -> None:
        if not self.loaded:
            self.loaded = True
            self.load()

    def _changed(self, _changes: object) -> None:
        if self.loaded:
            self.load()

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]) -> None:
        """``fn(hq, *args)`` on a reader thread, then ``on_done(result)`` here; ready after."""

        def done(result: Any) -> None:
            on_done(result)
            self.is_ready = True

        def failed(exc: BaseException) -> None:
            self.is_ready = True
            from app.errors import UserError

            if isinstance(exc, UserError):
                self.ui.show_message(exc.message, "error", details=exc.details)
            else:
                self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

        self.ui.ops.run(fn, self.ui.hq, *args, on_done=done, on_error=failed, read_only=True)


def table(headers: Sequence[str], empty: str = "") -> QTableWidget:
    """A read-only table with these column headers; ``empty`` is what it says while it
    has no rows (why, and what to do)."""
    view = QTableWidget(0, len(headers))
    view.setHorizontalHeaderLabels(list(headers))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    if empty:
        set_empty_text(view, empty)
    return view


def fill(
    view: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[Any] | None = None
) -> None:
    """Replace the rows; ``keys`` (one per row) are kept in the first cell's user data.
    Columns are sized to their contents once, after the rows are in (sizing per cell
    made a 50-row refill take seconds)."""
    view.setUpdatesEnabled(False)
    try:
        view.clearContents()
        view.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if c == 0 and keys is not None:
                    item.setData(Qt.ItemDataRole.UserRole, keys[r])
                view.setItem(r, c, item)
        view.resizeColumnsToContents()
    finally:
        view.setUpdatesEnabled(True)


def key_of(view: QTableWidget, row: int) -> Any:
    item = view.item(row, 0)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
