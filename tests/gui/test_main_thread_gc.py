"""pytest-qt: no cyclic garbage collection starts on a worker thread while an operation
runs there (one freed a closed dialog's Qt objects on the demo's worker and crashed the
process); the collector is off for the job, the UI thread collects, and it is on again
once the job has ended."""

from __future__ import annotations

import gc
import threading

from app.ui import main_thread_gc
from tests.gui.conftest import settle


def _allocate() -> int:
    """Many objects in cycles, as an import or an ingest makes them."""
    kept = []
    for index in range(300_000):
        cycle: list[object] = []
        cycle.append(cycle)
        if index % 1000 == 0:
            kept.append(cycle)
    return len(kept)


def test_no_cyclic_collection_on_a_worker_thread(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    ui, _window = ui_window
    qtbot.wait(400)  # past the window's own start-up reads (its sync status comes at 300 ms)
    settle(ui, qtbot)
    qtbot.waitUntil(lambda: main_thread_gc.running() == 0, timeout=10000)
    assert gc.isenabled()
    started_on: list[str] = []

    def watch(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            started_on.append(threading.current_thread().name)

    gc.callbacks.append(watch)
    try:
        results: list[int] = []
        ui.ops.run(_allocate, read_only=True, on_done=results.append)
        assert not gc.isenabled() and main_thread_gc.running() == 1
        # the window's own start-up reads (its sync status, 300 ms after it opens) may
        # still run once this job is done: the collector is on again when none runs
        qtbot.waitUntil(lambda: results == [300] and main_thread_gc.running() == 0, timeout=10000)
        assert gc.isenabled()
        for _ in range(3):  # the garbage the job left is collected here, on the UI thread
            _allocate()
    finally:
        gc.callbacks.remove(watch)
    main = threading.main_thread().name
    assert started_on and set(started_on) == {main}, started_on
