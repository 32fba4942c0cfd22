"""``UiServices``: what every window and section gets — the application context, the
single ``changed`` signal, the op runner and the message/crash reporting hooks (napari
style adapter between the Qt-free core and the widgets)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from app.services.context import AppContext
from app.ui.ops import OpRunner


class UiHub(QObject):
    """The signals, op runner and message/crash hooks every window's sections use; the
    laptop's ``UiServices`` adds the application context, the HQ console's ``HqUi`` the
    HQ."""

    changed = Signal(object)  # Changes
    message = Signal(str, str, list)  # text, level (info|warning|error), details
    crashed = Signal(object, str)  # exception, traceback text

    def __init__(self) -> None:
        super().__init__()
        self.ops = OpRunner(self)
        self.main_window: Any = None

    def show_message(
        self, text: str, level: str = "info", details: list[str] | None = None
    ) -> None:
        self.message.emit(text, level, list(details or []))

    def show_crash(self, exc: BaseException, tb_text: str = "") -> None:
        self.crashed.emit(exc, tb_text)

    def report_failure(self, exc: BaseException) -> None:
        """A failed operation for the user: a ``UserError``'s (translated) message in the
        message bar, anything else in the crash dialog."""
        from app.errors import UserError

        if isinstance(exc, UserError):
            self.show_message(exc.message, "error", details=exc.details)
        else:
            self.show_crash(exc, getattr(exc, "__traceback_text__", ""))


class UiServices(UiHub):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        # the user's name and territory codes as last read; the main window reads them
        # again (on a reader thread) after a change of the device's identity
        self.identity: tuple[str, list[str]] | None = None

    def user_and_territory(self) -> tuple[str, list[str]]:
        """The user's name and territory codes as last read (read here, from ``app_meta``,
        only the first time: at start-up, before the window shows)."""
        if self.identity is None:
            self.identity = (self.ctx.user_name, self.ctx.territory)
        return self.identity
