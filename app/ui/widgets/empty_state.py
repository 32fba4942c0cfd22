"""Empty states: a table with no rows says why (and what to do) instead of staying blank.

    set_empty_text(view, lambda: self.tr("No partner matches the search."))

The text sits centred on the view's viewport and shows whenever the model has no rows; a
callable is asked each time, so the text can depend on the filters in force.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QVBoxLayout

TextSource = str | Callable[[], str]


class EmptyState(QObject):
    """Keeps a centred label on ``view``'s viewport in step with its model's row count.

    The label is made the first time the model has no rows: a view that opens with rows
    (the Partners table at start-up) paints without it, and without asking Python for its
    viewport, which makes PySide build the classes of every QWidget subclass it might be."""

    def __init__(self, view: QAbstractItemView, text: TextSource) -> None:
        super().__init__(view)
        self.view = view
        self.text = text
        self.label: QLabel | None = None
        self._model = None
        self.watch_model()
        self.update()

    def _make_label(self) -> QLabel:
        viewport = self.view.viewport()
        label = QLabel(viewport)
        label.setObjectName("emptyState")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setStyleSheet("color:#6b7280;font-size:14px;padding:16px;")
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        # a layout keeps the label the viewport's size: no event filter, which Qt would
        # still call on a view half destroyed (a crash when the window closes)
        layout = QVBoxLayout(viewport)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        return label

    def watch_model(self) -> None:
        model = self.view.model()
        if model is None or model is self._model:
            return
        self._model = model
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
            model.layoutChanged,
        ):
            signal.connect(self.update)

    def current_text(self) -> str:
        return self.text() if callable(self.text) else self.text

    def update(self, *_args: object) -> None:
        if not shiboken6.isValid(self.view) or (
            self.label is not None and not shiboken6.isValid(self.label)
        ):
            return  # the view is gone; its model may live on and still signal
        try:
            self.watch_model()
            model = self.view.model()
        except RuntimeError:  # the view is being destroyed (a QListWidget clears its rows then)
            return
        empty = model is None or model.rowCount() == 0
        if empty and self.label is None:
            self.label = self._make_label()
        if self.label is None:
            return
        if empty:
            self.label.setText(self.current_text())
        self.label.setVisible(empty)

    def shown_text(self) -> str:
        """The text on the view now (``""`` while it has rows)."""
        if self.label is None or not self.label.isVisibleTo(self.view):
            return ""
        return self.label.text()


def set_empty_text(view: QAbstractItemView, text: TextSource) -> EmptyState:
    """Show ``text`` on ``view`` while its model has no rows (replaces an earlier text)."""
    existing = getattr(view, "_empty_state", None)
    if isinstance(existing, EmptyState):
        existing.text = text
        existing.update()
        return existing
    state = EmptyState(view, text)
    view._empty_state = state  # type: ignore[attr-defined]
    return state


def empty_text_of(view: QAbstractItemView) -> str:
    """The empty-state text shown on ``view`` now (``""`` when it has rows or none is set)."""
    state = getattr(view, "_empty_state", None)
    return state.shown_text() if isinstance(state, EmptyState) else ""
