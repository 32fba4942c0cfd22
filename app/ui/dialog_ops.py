"""A dialog's save as an operation: the service call runs through ``OpRunner`` on the
writer thread while the dialog waits disabled (no second click), the dialog closes once
the change is stored, and a ``UserError`` is shown in the dialog's own error line with
every input kept, so the user can correct it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from app.errors import UserError


def show_read_failure(ui: Any, dialog: QWidget, state: QLabel, exc: BaseException) -> None:
    """A dialog's read (the card it edits, its choices) failed: a ``UserError``'s message
    in the dialog's state line, in red; anything else the crash dialog; nothing once the
    dialog is gone."""
    if not shiboken6.isValid(dialog):
        return
    if isinstance(exc, UserError):
        state.setText(exc.message)
        state.setStyleSheet("color:#b00020;")
    else:
        ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))


def save_through_ops(
    ui: Any,
    dialog: QDialog,
    error: QLabel,
    fn: Callable[..., Any],
    *args: Any,
    on_saved: Callable[[Any], None] | None = None,
    on_failed: Callable[[UserError], None] | None = None,
    details: bool = False,
    **kwargs: Any,
) -> None:
    """Run ``fn(*args, **kwargs)`` for ``dialog``; ``on_saved(result)`` runs before it closes,
    ``on_failed(exc)`` after the message is shown (``details``: the error's detail lines)."""
    dialog.setEnabled(False)

    def saved(result: Any) -> None:
        if not shiboken6.isValid(dialog):
            return
        dialog.setEnabled(True)
        if on_saved is not None:
            on_saved(result)
        dialog.accept()

    def failed(exc: BaseException) -> None:
        if not shiboken6.isValid(dialog):
            return
        dialog.setEnabled(True)
        if isinstance(exc, UserError):
            error.setText("\n".join(exc.details) if details and exc.details else exc.message)
            if on_failed is not None:
                on_failed(exc)
        else:
            ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

    ui.ops.run(fn, *args, on_done=saved, on_error=failed, initiator=dialog, **kwargs)
