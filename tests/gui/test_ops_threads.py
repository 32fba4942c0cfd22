"""``OpRunner`` never lets a Qt object die on a pool thread: the function, its arguments,
its result or exception, and the progress plumbing are let go on the UI thread once the
job has ended (Shiboken hands a deletion made on another thread to the UI thread, which
crashed the process when it landed while a view painted)."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from typing import Any

from PySide6.QtCore import QObject

from app.errors import UserError
from app.services.context import Changes
from app.services.progress import Progress


class _Holder:
    def __init__(self, obj: QObject) -> None:
        self.obj = obj
        self.changes = Changes.of("partner")


def _start_jobs(ui: Any, freed: dict[str, int]) -> None:
    """Each watched QObject is reachable only from the job it is given to."""

    def watched(name: str) -> QObject:
        obj = QObject()
        weakref.finalize(obj, freed.__setitem__, name, threading.get_ident())
        return obj

    closure = watched("closure")

    def with_progress(argument: QObject, returned: QObject, progress: Progress) -> _Holder:
        progress(1, 2, "half")
        time.sleep(0.05)
        assert closure is not None and argument is not None
        return _Holder(returned)

    def failing(kept: QObject) -> None:
        local = kept  # kept by the traceback's frame
        raise UserError(f"no {local is not None}")

    # QObjects are made here, on the UI thread (a job never creates one)
    ui.ops.run(with_progress, watched("argument"), watched("result"), progress_title="Working")
    ui.ops.run(failing, watched("error"), on_error=lambda exc: None)


def test_the_pool_thread_never_frees_a_qt_object(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    ui, _window = ui_window
    freed: dict[str, int] = {}
    enabled, thresholds = gc.isenabled(), gc.get_threshold()
    gc.collect()
    gc.disable()  # freed by reference counting, not whenever the collector comes by
    gc.set_threshold(1 << 30)  # nor by main_thread_gc's collections while jobs run
    try:
        with qtbot.waitSignal(ui.changed, timeout=10000):
            _start_jobs(ui, freed)
        qtbot.waitUntil(lambda: ui.ops.running() == 0, timeout=10000)
        ui.ops.wait(10000)
        qtbot.wait(50)
    finally:
        gc.set_threshold(*thresholds)
        if enabled:
            gc.enable()
    assert sorted(freed) == ["argument", "closure", "error", "result"]
    main = threading.get_ident()
    assert {name for name, thread in freed.items() if thread != main} == set()  # UI thread


def test_reads_on_the_reader_threads_keep_one_connection_each(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """``read_sql`` keeps one sqlite3 connection per thread. It kept it in a
    ``threading.local``, which PySide empties after each job a Qt pool thread runs: every
    read an op made opened another connection (a cold page cache each time) and kept it
    open until the data dir was closed."""
    from app.ui.services import UiServices

    ui = UiServices(ctx)
    ctx.read_sql("SELECT 1")  # this thread's connection
    before = len(ctx._raw)
    answers: list[object] = []
    for _ in range(20):
        ui.ops.run(ctx.read_sql, "SELECT 1", read_only=True, on_done=answers.append)
        ui.ops.wait(10000)
    qtbot.waitUntil(lambda: len(answers) == 20, timeout=5000)
    # a pool thread may end and another start meanwhile; a connection per read made 20
    assert len(ctx._raw) <= before + 2 * ui.ops.readers.maxThreadCount()
