"""Issue 21 figure: ``channeldesk partners import`` of 100 000 rows (a new data dir, every
row a new partner with a contact, so each writes a partner, its grade, its "open" event
and a contact, and the search index), whole process: wall time and peak RSS against the
issue's limits (≤ 10 s, ≤ 300 MB); for reference, bare ``sqlite3.executemany`` of the same
rows into one table in the same run.

Run alone: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/run_benchmarks.py partner_import``."""

from __future__ import annotations

import csv
import random
import shutil
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path

from common import run_cli, timed_subprocess
from harness import BenchResult

from app.domain.partner_sheet import COLUMNS

ROWS = 100_000
DISTRICTS = [
    "310101",
    "310104",
    "310105",
    "310106",
    "310107",
    "310109",
    "310110",
    "310112",
    "310113",
    "310115",
]
WORDS = [
    "浦东",
    "黄浦",
    "徐汇",
    "长宁",
    "静安",
    "普陀",
    "虹口",
    "杨浦",
    "闵行",
    "宝山",
    "通讯",
    "数码",
    "宽带",
    "服务",
]
TYPES = ["agent", "dealer", "franchise", "own_store", "special"]


def write_csv(path: Path, rows: int = ROWS, seed: int = 21) -> None:
    """A partner file like an HQ master-data export (UTF-8, the export's columns)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)  # the partner file's own columns, in its order
        for i in range(rows):
            words = rng.sample(WORDS, 3)
            writer.writerow(
                [
                    f"B{i:07d}",
                    f"{words[0]}{words[1]}{rng.choice(['经营部', '加盟店', '营业厅'])}{i}",
                    rng.choice(TYPES),
                    "active",
                    rng.choice("ABCD"),
                    rng.choice(DISTRICTS),
                    f"上海市{words[2]}路{rng.randint(1, 999)}号",
                    f"{31 + rng.random() * 0.4:.6f}",
                    f"{121.2 + rng.random() * 0.5:.6f}",
                    f"91310000{i:010d}",
                    "AA",
                    f"{rng.randint(0, 500000)}.00",
                    rng.choice(["张伟", "王芳", "李娜"]),
                    "重点;社区",
                    "",
                    f"联系人{i % 997}",
                    f"138{i:08d}",
                ]
            )


def _bare_executemany(path: Path) -> float:
    """ms to insert the file's rows into one plain table with ``executemany`` (no checks)."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "bare.sqlite", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader)
            conn.execute(f"CREATE TABLE t ({', '.join(header)})")
            start = time.perf_counter()
            conn.execute("BEGIN")
            conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(header))})", reader)
            conn.execute("COMMIT")
            elapsed = (time.perf_counter() - start) * 1000
        conn.close()
    return elapsed


def benchmarks() -> list[BenchResult]:
    work = Path(tempfile.mkdtemp(prefix="cd-bench-import-"))
    try:  # the data dir holds ~400 MB: never left behind
        source = work / "partners.csv"
        write_csv(source)
        data = work / "data"
        run_cli(["--data-dir", str(data), "init", "--user", "bench", "--territory", "31"])
        wall_ms, peak_kb = timed_subprocess(
            ["-m", "app", "--data-dir", str(data), "partners", "import", str(source)]
        )
        with closing(sqlite3.connect(data / "channeldesk.sqlite")) as conn:
            count = conn.execute("SELECT count(*) FROM partner").fetchone()[0]
        if count != ROWS:
            raise RuntimeError(f"imported {count} partners, expected {ROWS}")
        bare_ms = _bare_executemany(source)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rss_mb = peak_kb / 1024
    return [
        BenchResult(
            "partners import, 100k rows, whole process",
            wall_ms,
            "ms",
            bare_ms,
            "bare sqlite3 executemany, 1 table",
            "<=10000 ms",
            wall_ms <= 10_000,
        ),
        BenchResult(
            "partners import, 100k rows, peak RSS",
            rss_mb,
            "MB",
            300,
            "issue limit",
            "<=300 MB",
            rss_mb <= 300,
        ),
    ]
