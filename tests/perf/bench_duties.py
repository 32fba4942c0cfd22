"""Issue 20 figure: drawing a day's callback sample from 1 000 000 records of 2 000
channels (limit 1 s), against a bare ``random.sample`` of the same count from one list;
also the CPU time per draw, which a busy shared machine does not inflate as much."""

from __future__ import annotations

import random
import statistics
import time
import uuid

from harness import BenchResult, timed

RECORDS = 1_000_000
CHANNELS = 2_000
LIMIT_MS = 1000.0


def _records() -> list[tuple[str, str]]:
    """``(channel, record id)`` pairs of UUID text, in the order the service reads them
    from the database (by channel, then id)."""
    rng = random.Random(20)
    channels = [str(uuid.UUID(int=rng.getrandbits(128))) for _ in range(CHANNELS)]
    rows = [
        (channels[rng.randrange(CHANNELS)], str(uuid.UUID(int=rng.getrandbits(128))))
        for _ in range(RECORDS)
    ]
    rows.sort()
    return rows


def benchmarks() -> list[BenchResult]:
    from app.domain.duties import draw_sample

    records = _records()
    drawn: list[str] = []

    def draw() -> None:
        drawn[:] = draw_sample(records, "bench-seed", 15)

    cpu_before = time.process_time()
    times = timed(draw, repeat=5)
    cpu = (time.process_time() - cpu_before) * 1000 / 5
    ids = [r[1] for r in records]
    bare = timed(lambda: random.Random(1).sample(ids, len(drawn)), repeat=5)
    value = statistics.median(times)
    return [
        BenchResult(
            f"callback draw, {RECORDS:,} records of {CHANNELS:,} channels ({len(drawn):,} drawn), median of 5",
            value,
            "ms",
            statistics.median(bare),
            "bare random.sample of as many from one list",
            f"<= {LIMIT_MS:.0f} ms",
            value <= LIMIT_MS,
        ),
        BenchResult(
            "callback draw, CPU time per draw (load-independent)",
            cpu,
            "ms",
            LIMIT_MS,
            "the issue's limit",
            f"<= {LIMIT_MS:.0f} ms",
            cpu <= LIMIT_MS,
        ),
        BenchResult(
            "callback draw, slowest of 5",
            max(times),
            "ms",
            LIMIT_MS,
            "the issue's limit",
            f"<= {LIMIT_MS:.0f} ms",
            max(times) <= LIMIT_MS,
        ),
    ]
