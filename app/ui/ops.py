"""The one helper every user action goes through (Anki's ``CollectionOp``): run a service
function off the UI thread, show progress with Cancel, turn ``UserError`` into a message
in the message bar and anything else into the crash dialog, and announce what changed
through the single ``UiServices.changed`` signal.

Writes run on one dedicated writer thread (SQLite has one writer); reads may use the
shared reader pool.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import NotInitialised, UserError
from app.services.context import Changes
from app.services.progress import Cancelled, Progress
from app.ui import main_thread_gc

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

_Progressing = Callable[[int, int, str], None]

log = logging.getLogger(__name__)


def gui_worded(exc: BaseException) -> BaseException:
    """``exc`` as the GUI says it: a service's message that names a command-line command
    (``channeldesk init``) becomes what a person does in the GUI instead."""
    if isinstance(exc, NotInitialised):
        return NotInitialised(
            QCoreApplication.translate(
                "OpRunner",
                "This data directory has no device identity yet. Close ChannelDesk and open "
                "it again: it sets one up as it opens.",
            )
        )
    return exc


class _Signals(QObject):
    """The runner's signals, emitted from pool threads. A child of the runner, so no Python
    reference, wherever it dies, owns (and deletes) the Qt object."""

    ended = Signal(int)  # job number
    progressed = Signal(int, int, int, str)  # job number, done, total, message


class _Call:
    """One service call and its outcome. The runner keeps it until the job has ended, so
    everything it reaches (the function, its arguments — a lambda may hold the asking
    widget —, the result or the exception with its frames) is let go on the UI thread."""

    __slots__ = ("args", "error", "fn", "kwargs", "result")

    def __init__(
        self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.result: Any = None
        self.error: BaseException | None = None


class _Job(QRunnable):
    """Runs one ``_Call`` on a pool thread. The pool thread never holds the last reference
    to anything a Qt object hangs on: the job lets go of its call before telling the
    runner it ended, and keeps only its number and the runner's signals (owned by the
    runner, not by Python) — freeing a Qt object on a pool thread crashes the process."""

    # A job's Python side must outlive its run on the pool thread, whatever happens to
    # the runner or the window that started it: collecting it mid-run crashes the process.
    _running: ClassVar[set[_Job]] = set()

    def __init__(self, number: int, call: _Call, signals: _Signals) -> None:
        super().__init__()
        self.number = number
        self._call: _Call | None = call
        self._signals = signals
        self.setAutoDelete(True)
        _Job._running.add(self)

    def run(self) -> None:
        call, self._call = self._call, None
        assert call is not None
        try:
            call.result = call.fn(*call.args, **call.kwargs)
        except BaseException as exc:  # reported on the UI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            call.error = exc
        del call  # the runner holds it; it is let go there, on the UI thread
        _Job._running.discard(self)  # the frame still holds ``self``, which holds no call
        try:
            self._signals.ended.emit(self.number)
        except RuntimeError:  # the runner is gone (window closed, app shutting down)
            log.debug("job finished after its receiver was deleted")


def _alive(callback: Any) -> bool:
    """False when ``callback`` is a bound method of a Qt object that no longer exists."""
    import shiboken6

    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


def changes_of(result: Any) -> Changes | None:
    if isinstance(result, Changes):
        return result
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else None


class OpRunner(QObject):
    """Runs service calls for one ``UiServices``."""

    def __init__(self, ui: Any) -> None:
        super().__init__()
        self.ui = ui
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self.readers = QThreadPool(self)
        self.readers.setMaxThreadCount(2)
        self._signals = _Signals(self)
        self._signals.ended.connect(self._ended, Qt.ConnectionType.QueuedConnection)
        self._signals.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self._numbers = itertools.count(1)
        # job number -> the call and what to do with its outcome, all dropped on this thread
        self._pending: dict[int, tuple[_Call, Callable[[_Call], None], _Progressing]] = {}

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress_title: str | None = None,
        parent: QWidget | None = None,
        read_only: bool = False,
        initiator: object | None = None,
        **kwargs: Any,
    ) -> _Job:
        """Start ``fn(*args, **kwargs)`` on a worker thread; returns the job. The
        ``Changes`` it returns are announced with ``initiator`` (the asking view, which
        may skip its own echo)."""
        number = next(self._numbers)
        dialog: QProgressDialog | None = None
        if progress_title is not None:
            from PySide6.QtWidgets import QProgressDialog

            progress = Progress()
            if "progress" in inspect.signature(fn).parameters:
                kwargs["progress"] = progress
            window = self.ui.main_window
            owner = parent or (window if window is not None and window.isVisible() else None)
            dialog = QProgressDialog(progress_title, self.tr("Cancel"), 0, 0, owner)
            dialog.setWindowTitle(progress_title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(progress.cancel)
            progress._callback = functools.partial(self._signals.progressed.emit, number)

        def on_progress(done: int, total: int, message: str) -> None:
            if dialog is not None:
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)
                if message:  # under the title, which says what runs (and how big it is)
                    dialog.setLabelText(f"{progress_title}\n{message}")

        def ended(call: _Call) -> None:
            if dialog is not None and (call.error is not None or _alive(on_done)):
                dialog.close()
                dialog.deleteLater()
            if call.error is not None:
                failed(call.error)
            else:
                finished(call.result)

        def finished(result: Any) -> None:
            if not _alive(on_done):
                return  # the widget that asked has been closed meanwhile
            if on_done is not None:
                on_done(result)
            changes = changes_of(result)
            if changes is not None:
                self.ui.changed.emit(changes.from_initiator(initiator))

        def failed(exc: BaseException) -> None:
            exc = gui_worded(exc)
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, Cancelled):
                self.ui.show_message(exc.message, "info")
            elif isinstance(exc, UserError):
                self.ui.show_message(exc.message, "error", details=exc.details)
            else:
                self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

        call = _Call(fn, args, kwargs)
        self._pending[number] = (call, ended, on_progress)
        main_thread_gc.job_started(call)  # no cyclic collection on the worker meanwhile
        job = _Job(number, call, self._signals)
        (self.readers if read_only else self.writer).start(job)
        return job

    @Slot(int)
    def _ended(self, number: int) -> None:
        """On the UI thread: hand the job's outcome on, then let go of its call and
        callbacks here (the pool thread already has)."""
        pending = self._pending.pop(number, None)
        if pending is not None:
            call, ended, _ = pending
            main_thread_gc.job_ended(call)
            ended(call)

    @Slot(int, int, int, str)
    def _progressed(self, number: int, done: int, total: int, message: str) -> None:
        pending = self._pending.get(number)
        if pending is not None:
            pending[2](done, total, message)

    def running(self) -> int:
        """How many jobs have not been handed back yet (tests)."""
        return len(self._pending)

    @Slot()
    def wait(self, msecs: int = 30000) -> bool:
        """Wait for running jobs (tests, shutdown); the collector then counts them as
        ended even if their answers have not reached the UI thread yet."""
        done = self.writer.waitForDone(msecs) and self.readers.waitForDone(msecs)
        if done:
            for call, _, _ in list(self._pending.values()):
                main_thread_gc.job_ended(call)
        return done
