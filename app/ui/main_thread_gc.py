"""Cyclic garbage is collected on the UI thread while operations run on worker threads
(qutebrowser's GarbageCollector, for the time a job runs). Python starts a collection in
whichever thread happens to allocate, and one on a worker thread frees the Qt objects that
sit in garbage cycles there (a closed dialog with the lambdas connected to it), which
crashes the process (``tests/gui/test_first_run_demo.py`` did, in the demo's worker).

While any job of an ``OpRunner`` runs, the automatic collector is off and a timer on the UI
thread collects the youngest generation when its threshold is passed (older generations
wait for the end: a full collection over a large ingest's objects would stall the UI);
once no job runs, the collector is on again unless it was off before."""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

INTERVAL_MS = 200

_jobs: set[int] = set()
_was_enabled = False
_timer: QTimer | None = None


def job_started(job: object) -> None:
    """``job`` is about to run on a worker thread (called on the UI thread)."""
    global _was_enabled, _timer
    if not _jobs:
        _was_enabled = gc.isenabled()
        gc.disable()
        if _timer is None:
            _timer = QTimer()
            _timer.setInterval(INTERVAL_MS)
            _timer.timeout.connect(collect_young)
        _timer.start()
    _jobs.add(id(job))


def job_ended(job: object) -> None:
    """``job`` has ended and its answer reached the UI thread (called there)."""
    if id(job) not in _jobs:
        return
    _jobs.discard(id(job))
    if not _jobs:
        if _timer is not None:
            _timer.stop()
        if _was_enabled:
            gc.enable()


def running() -> int:
    """How many jobs hold the collector off."""
    return len(_jobs)


def collect_young() -> None:
    """The youngest generation, once past its threshold (on the UI thread)."""
    if gc.get_count()[0] > gc.get_threshold()[0]:
        gc.collect(0)
