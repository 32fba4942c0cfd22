"""The one helper every user action goes through (Anki's ``CollectionOp``): run a service
function off the UI thread, show progress with Cancel, turn ``UserError`` into a message
in the message bar and anything else into the crash dialog, and announce what changed
through the single ``UiServices.changed`` signal.

Writes run on one dedicated writer thread (SQLite has one writer); reads may use the
shared reader pool.
"""

from __future__ import annotations

import inspect
import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import UserError
from app.services.context import Changes
from app.services.progress import Cancelled, Progress
from app.ui import main_thread_gc

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

log = logging.getLogger(__name__)


class _Signals(QObject):
    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class _Job(QRunnable):
    # A job's Python side must outlive its run on the pool thread, whatever happens to
    # the runner or the window that started it: collecting it mid-run crashes the process.
    _running: ClassVar[set[_Job]] = set()

    def __init__(
        self, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = _Signals()
        self.setAutoDelete(True)
        _Job._running.add(self)

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # reported on the UI thread
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self._emit(self.signals.failed, exc)
            return
        else:
            self._emit(self.signals.finished, result)
        finally:
            _Job._running.discard(self)

    @staticmethod
    def _emit(signal: Any, value: Any) -> None:
        """Emit unless the receiving side is already gone (window closed or app shutting
        down while the job ran): the result then has nobody to go to."""
        try:
            signal.emit(value)
        except RuntimeError:
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
        self._live: set[_Job] = set()

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
            progress._callback = lambda done, total, message: job.signals.progressed.emit(
                done, total, message
            )
        job = _Job(fn, args, kwargs)
        self._live.add(job)
        main_thread_gc.job_started(job)  # no cyclic collection on the worker meanwhile

        def on_progress(done: int, total: int, message: str) -> None:
            if dialog is not None:
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)
                if message:  # under the title, which says what runs (and how big it is)
                    dialog.setLabelText(f"{progress_title}\n{message}")

        def finished(result: Any) -> None:
            self._live.discard(job)
            main_thread_gc.job_ended(job)
            if not _alive(on_done):
                return  # the widget that asked has been closed meanwhile
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if on_done is not None:
                on_done(result)
            changes = changes_of(result)
            if changes is not None:
                self.ui.changed.emit(changes.from_initiator(initiator))

        def failed(exc: BaseException) -> None:
            self._live.discard(job)
            main_thread_gc.job_ended(job)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if on_error is not None:
                on_error(exc)
            elif isinstance(exc, Cancelled):
                self.ui.show_message(exc.message, "info")
            elif isinstance(exc, UserError):
                self.ui.show_message(exc.message, "error", details=exc.details)
            else:
                self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

        job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
        job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        job.signals.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
        (self.readers if read_only else self.writer).start(job)
        return job

    @Slot()
    def wait(self, msecs: int = 30000) -> bool:
        """Wait for running jobs (tests, shutdown); the collector then counts them as
        ended even if their answers have not reached the UI thread yet."""
        done = self.writer.waitForDone(msecs) and self.readers.waitForDone(msecs)
        if done:
            for job in list(self._live):
                main_thread_gc.job_ended(job)
        return done
