"""Progress reporting and cancellation for long services (imports, exports, reports,
backups, demo data). Qt-free: the UI adapts it to a progress dialog, the CLI ignores it."""

from __future__ import annotations

import threading
from collections.abc import Callable

from app.errors import UserError
from app.i18n import tr


class Cancelled(UserError):
    """The user cancelled a long action; nothing was changed."""

    def __init__(self) -> None:
        super().__init__(tr("progress", "Cancelled; nothing was changed."))


class Progress:
    """Pass to a service: ``progress(done, total, message)``; ``progress.check()`` raises
    ``Cancelled`` once ``cancel()`` was called (from any thread)."""

    def __init__(self, callback: Callable[[int, int, str], None] | None = None) -> None:
        self._callback = callback
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if self._callback is not None:
            self._callback(done, total, message)
        self.check()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


NO_PROGRESS = Progress()
