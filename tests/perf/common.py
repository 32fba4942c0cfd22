"""Shared helpers for the benchmarks: demo data dirs (cached per size in /tmp so repeated
runs are quick; each benchmark's copy is removed when the run ends) and subprocess timing."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CACHE = Path(tempfile.gettempdir()) / "channeldesk-bench"


def demo_dir(partners: int, months: int, territory: str = "31") -> Path:
    """A data dir filled by ``channeldesk demo`` (built once, then copied)."""
    source = CACHE / f"demo-{partners}-{months}-{territory}"
    if not (source / "channeldesk.sqlite").exists():
        shutil.rmtree(source, ignore_errors=True)
        run_cli(["--data-dir", str(source), "init", "--user", "bench", "--territory", territory])
        run_cli(
            [
                "--data-dir",
                str(source),
                "demo",
                "--partners",
                str(partners),
                "--months",
                str(months),
                "--seed",
                "7",
            ]
        )
    target = Path(tempfile.mkdtemp(prefix="cd-bench-")) / "data"
    # a 100k-partner copy is over 1 GB: a run that left its copies filled the disk
    atexit.register(shutil.rmtree, target.parent, True)
    shutil.copytree(source, target)
    return target


def run_cli(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "app", *args],
        check=True,
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.DEVNULL,
    )
    return (time.perf_counter() - start) * 1000


def timed_subprocess(code_or_args: list[str]) -> tuple[float, int]:
    """(wall ms, peak RSS kB) of a Python subprocess. The peak is sampled from /proc
    (``ru_maxrss`` of a child is polluted by the parent's size at fork on Linux)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *code_or_args],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, vm_hwm_kb(proc.pid))
        time.sleep(0.01)
    wall = (time.perf_counter() - start) * 1000
    if proc.returncode != 0:
        raise RuntimeError(f"{code_or_args} exited with {proc.returncode}")
    return wall, peak


def vm_hwm_kb(pid: int | str = "self") -> int:
    """The process's peak resident set (VmHWM) in kB; 0 when it has gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return 0
    return 0
