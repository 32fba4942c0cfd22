"""Issue 21 figure: ``partners list --search`` over 100 000 partners as a whole process
against ``channeldesk --help`` in the same run (interleaved, medians), and the read-only
commands' other reads on the demo data (visits list, compliance, targets list)."""

from __future__ import annotations

import statistics
import subprocess
import sys

from common import ROOT, demo_dir, timed_subprocess
from harness import BenchResult

RUNS = 7


def _pair(args: list[str], reference: list[str]) -> tuple[float, float]:
    """Medians (ms) of ``args`` and ``reference`` run in turn (A B A B …) after a warm-up."""
    timed_subprocess(["-m", "app", *args])
    timed_subprocess(["-m", "app", *reference])
    ours, ref = [], []
    for _ in range(RUNS):
        ours.append(timed_subprocess(["-m", "app", *args])[0])
        ref.append(timed_subprocess(["-m", "app", *reference])[0])
    return statistics.median(ours), statistics.median(ref)


def benchmarks() -> list[BenchResult]:
    # an installed app has its bytecode compiled (pip and PyInstaller do it)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "app", "db"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    rows: list[BenchResult] = []
    big = str(demo_dir(100_000, 0))
    ours, help_ms = _pair(
        ["--data-dir", big, "partners", "list", "--search", "东风通讯", "--json"], ["--help"]
    )
    rows.append(
        BenchResult(
            "partners list --search (4 chars, ~500 hits) over 100k, whole process",
            ours,
            "ms",
            help_ms,
            "channeldesk --help",
            "ratio <=2",
            ours <= 2 * help_ms,
        )
    )
    ours, help_ms = _pair(
        ["--data-dir", big, "partners", "list", "--search", "浦东", "--limit", "200", "--json"],
        ["--help"],
    )
    rows.append(
        BenchResult(
            "partners list --search (2 chars) --limit 200 over 100k, whole process",
            ours,
            "ms",
            help_ms,
            "channeldesk --help",
            "ratio <=2",
            ours <= 2 * help_ms,
        )
    )
    small = str(demo_dir(500, 6))
    for args in (
        ["visits", "list", "--json"],
        ["compliance", "--json"],
        ["targets", "list", "--json"],
    ):
        ours, help_ms = _pair(["--data-dir", small, *args], ["--help"])
        rows.append(
            BenchResult(
                f"{' '.join(args[:2])}, 500 partners x 6 months, whole process",
                ours,
                "ms",
                help_ms,
                "channeldesk --help",
            )
        )
    return rows
