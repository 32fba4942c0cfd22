"""Benchmark harness: every ``tests/perf/bench_*.py`` exposes ``benchmarks()`` returning
``BenchResult`` rows; ``run_benchmarks.py`` prints them and writes ``bench.json``.

A row carries the measured value, a reference measured in the same run (a bare library
doing the same work, or the issue's fixed limit) and their ratio, so figures from
different machines stay comparable."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass
class BenchResult:
    name: str
    value: float
    unit: str
    reference: float
    reference_label: str
    limit: str = ""
    passed: bool | None = None

    @property
    def ratio(self) -> float:
        return self.value / self.reference if self.reference else float("nan")

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["ratio"] = round(self.ratio, 3)
        return data


def timed(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    """Wall-clock milliseconds of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20)[18]
