"""``later``: run a widget's delayed step (a section's first load, the window's first
status read) on a later turn of the event loop only if the widget still exists and its
window is still open. A restore closes the window and then the data dir under it: a step
queued before the close must not start a read on a data dir that is being closed (its
answer would be dropped anyway, as ``LatestRead`` drops one for a deleted owner)."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def window_open(widget: QWidget) -> bool:
    """``widget`` exists and its top-level window is shown (a closed window is hidden)."""
    return shiboken6.isValid(widget) and widget.window().isVisible()


def later(widget: QWidget, msec: int, step: Callable[[], None]) -> None:
    """``step()`` after ``msec`` ms if ``widget``'s window is still open then; ``widget``
    is the timer's context, so its deletion cancels the call."""

    def run() -> None:
        if window_open(widget):
            step()

    QTimer.singleShot(msec, widget, run)
