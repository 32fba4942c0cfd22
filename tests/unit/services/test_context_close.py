"""Closing the application context while a reader thread's statement runs: ``close``
waits for it (closing a connection under a running statement crashed the process — a
window's status read started by a timer as a test's context was closed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = """
import sys, threading, time
from app.services.opening import open_context

ctx = open_context(sys.argv[1])
ctx.read_sql("SELECT 1")  # the main thread's connection, closed too
answer = {}
started = threading.Event()

def read():
    started.set()
    answer["rows"] = ctx.read_sql(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) "
        "SELECT count(*) FROM n"
    )
    answer["at"] = time.monotonic()

reader = threading.Thread(target=read)
reader.start()
started.wait()
while not ctx._reading:  # until the statement runs
    time.sleep(0.001)
ctx.close()
closed_at = time.monotonic()
reader.join()
print(answer["rows"], closed_at >= answer["at"])
"""


def test_close_waits_for_a_running_read(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["[(3000000,)]", "True"]
