"""``LatestRead``: a view's read through ``OpRunner`` on a reader thread where only the
newest answer counts. Each ``run`` supersedes the reads before it: their answers (or
failures) are dropped when they come, so a view filled from a slow read never shows an
older state over a newer one. A failure reaches ``on_error`` or, by default, the user as
a translated message (``UiHub.report_failure``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


class LatestRead:
    """Reads for one view (``owner``, whose deletion drops every answer)."""

    def __init__(self, ui: Any, owner: QObject) -> None:
        self.ui, self.owner = ui, owner
        self._asked = self._answered = 0

    @property
    def pending(self) -> bool:
        """The newest read has not come back yet."""
        return self._asked != self._answered

    def supersede(self) -> None:
        """Drop the answers of every read asked for so far (the view was filled another way
        meanwhile): none is pending any more."""
        self._asked += 1
        self._answered = self._asked

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """``fn(*args, **kwargs)`` on a reader thread, then ``on_done(result)`` on the UI thread
        unless a newer read was asked for meanwhile."""
        self._asked += 1
        asked = self._asked

        def done(result: Any) -> None:
            if self._current(asked):
                on_done(result)

        def failed(exc: BaseException) -> None:
            if self._current(asked):
                (on_error or self.ui.report_failure)(exc)

        self.ui.ops.run(fn, *args, read_only=True, on_done=done, on_error=failed, **kwargs)

    def _current(self, asked: int) -> bool:
        if asked != self._asked or not shiboken6.isValid(self.owner):
            return False
        self._answered = asked
        return True
