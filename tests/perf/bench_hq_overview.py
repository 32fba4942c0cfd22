"""Issue 19 figures: the HQ console's Overview over an HQ database of 50 devices and
200 000 submitted visits (each with its checklist template body and answers, spread over
12 months), on SQLite and on PostgreSQL — the section's first paint (window built,
month's overview read and drawn), a switch to another month, each against a bare SQL
aggregate of the same month over the same tables (visits and average score per device;
on PostgreSQL over the visit columns of HQ migrations hq0003/hq0005), and the score trend tab
opened after the switch (six months per manager and region, against its read alone).
``HQ_BENCH_ONLY`` = ``sqlite`` / ``postgresql`` runs one; ``HQ_BENCH_VISITS`` sets the
number of visits.
The data is written in bulk (``executemany`` / ``COPY``) straight into ``record``."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import random
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from harness import BenchResult

DEVICES = 50
PARTNERS_PER_DEVICE = 40
VISITS = int(os.environ.get("HQ_BENCH_VISITS", "200000"))
ANSWERS = ("signage", "cleanliness", "price_tags")
MONTHS = 12
LIMIT_MS = 1000.0


def _months(today: dt.date) -> list[str]:
    day, out = today.replace(day=1), []
    for _ in range(MONTHS):
        out.append(day.strftime("%Y-%m"))
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return out


def _devices() -> list[tuple[str, str, str]]:
    """(id, manager, territory) of the benchmark's devices."""
    rng = random.Random(7)
    return [
        (
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            f"经理{d:02d}",
            f"{31 + d // 10:02d}{1 + d % 10:02d}",
        )
        for d in range(DEVICES)
    ]


def _rows(devices: list[tuple[str, str, str]]) -> Iterator[tuple[Any, ...]]:
    """Every record row in ``RECORD_COLUMNS`` order, generated as written."""
    from app.domain.reference import builtin_templates
    from app.hq.records import dump_json

    rng = random.Random(19)
    body = next(t for t in builtin_templates() if t["name"] == "store_inspection")
    today = dt.date.today()
    first = dt.datetime.combine(today.replace(day=1), dt.time(), tzinfo=dt.UTC)
    start = first - dt.timedelta(days=31 * (MONTHS - 1))
    span = (dt.datetime.now(dt.UTC) - start).total_seconds()
    hlc = 0

    def tick(node: str) -> str:
        nonlocal hlc
        hlc += 1
        return f"{1_700_000_000_000 + hlc:015d}:0000:{node}"

    for d, (device, manager, territory) in enumerate(devices):
        bundle = str(uuid.uuid4())
        partners = []
        for p in range(PARTNERS_PER_DEVICE):
            pid = str(uuid.uuid4())
            partners.append(pid)
            data = {
                "code": f"P{d:02d}{p:03d}",
                "name": f"渠道{d:02d}-{p:03d}",
                "grade": "ABCD"[p % 4],
                "status": "active",
                "province_code": territory[:2],
                "city_code": territory,
                "district_code": territory + "01",
                "latitude": None,
                "longitude": None,
            }
            yield ("partner", pid, tick(device), device, False, dump_json(data), "{}", bundle)
        for v in range(VISITS // DEVICES):
            vid = str(uuid.uuid4())
            when = start + dt.timedelta(seconds=rng.random() * span)
            score = round(rng.uniform(55, 100), 1)
            data = {
                "partner_id": partners[v % PARTNERS_PER_DEVICE],
                "template_id": None,
                "template_name": "store_inspection",
                "template_version": 1,
                "template_body": body,
                "status": "submitted",
                "planned_for": None,
                "started_at": when.isoformat(),
                "checked_out_at": (when + dt.timedelta(minutes=40)).isoformat(),
                "submitted_at": (when + dt.timedelta(minutes=45)).isoformat(),
                "latitude": 31.2,
                "longitude": 121.5,
                "manager": manager,
                "is_reinspection": False,
                "notes": "",
                "score": score,
                "content_hash": uuid.uuid4().hex * 2,
            }
            yield ("visit", vid, tick(device), device, False, dump_json(data), "{}", bundle)
            for key in ANSWERS:
                answer = {
                    "visit_id": vid,
                    "item_key": key,
                    "value": rng.choice(["yes", "no", "4"]),
                    "comment": "",
                }
                yield (
                    "visit_answer",
                    str(uuid.uuid4()),
                    tick(device),
                    device,
                    False,
                    dump_json(answer),
                    "{}",
                    bundle,
                )
            if v % 10 == 0:
                order = {
                    "partner_id": data["partner_id"],
                    "visit_id": vid,
                    "description": "整改",
                    "status": rng.choice(["open", "verified"]),
                    "deadline": (when + dt.timedelta(days=7)).date().isoformat(),
                }
                yield (
                    "rectification_order",
                    str(uuid.uuid4()),
                    tick(device),
                    device,
                    False,
                    dump_json(order),
                    "{}",
                    bundle,
                )
            if v % 20 == 0:
                warning = {
                    "partner_id": data["partner_id"],
                    "kind": "photo_time",
                    "source": "evidence",
                    "warned_on": when.date().isoformat(),
                }
                yield (
                    "partner_warning",
                    str(uuid.uuid4()),
                    tick(device),
                    device,
                    False,
                    dump_json(warning),
                    "{}",
                    bundle,
                )


def _build(url: str, key_dir: Path) -> Any:
    from app.hq.server import Hq
    from db.hq.models import Device, ImportedBundle

    hq = Hq(url, key_dir)
    hq.init()
    devices = _devices()
    rows = _rows(devices)
    now = dt.datetime.now(dt.UTC)
    with hq.sessions.begin() as s:
        for device, user, territory in devices:
            s.add(
                Device(
                    device_id=device,
                    public_key="x" * 43 + "=",
                    user=user,
                    territory=territory,
                    revoked=False,
                    registered_at=now,
                )
            )
            s.add(
                ImportedBundle(
                    bundle_id=str(uuid.uuid4()),
                    device_id=device,
                    seq=1,
                    manifest_sha256="0" * 64,
                    imported_at=now,
                    counts={},
                )
            )
    columns = "entity, id, hlc, device_id, voided, data, field_hlc, bundle_id"
    if url.startswith("sqlite"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        conn.executemany(f"INSERT INTO record ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.commit()
        conn.close()
    else:
        import psycopg

        from app.hq.records import PG_COLUMNS, copy_text, pg_tail

        # with the plain columns of HQ migrations hq0003/hq0005/hq0006, as HQ's ingest
        # writes them
        values = [(*row, pg_tail(row[0])(json.loads(row[5]))) for row in rows]
        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
            with (
                conn.cursor() as cur,
                cur.copy(f"COPY record ({', '.join(PG_COLUMNS)}) FROM STDIN") as copy,
            ):
                copy.write(copy_text(values))
            conn.commit()
            conn.autocommit = True
            conn.execute("VACUUM ANALYZE record")
    return hq


def _bare_ms(hq: Any, month: str) -> float:
    """The month's visits and average score per device in one SQL statement."""
    from sqlalchemy import text

    from app.hq.record_query import month_days, utc_bound

    start, end = month_days(month)
    if hq.engine.dialect.name == "postgresql":
        sql = (
            "SELECT device_id, count(*), avg(visit_score::float) FROM record WHERE entity = "
            "'visit' AND visit_started >= :a "
            "AND visit_started < :b AND visit_status = 'submitted' GROUP BY device_id"
        )
    else:
        sql = (
            "SELECT device_id, count(*), avg(json_extract(data, '$.score')) FROM record WHERE "
            "entity = 'visit' AND json_extract(data, '$.started_at') >= :a "
            "AND json_extract(data, '$.started_at') < :b AND json_extract(data, '$.status') = "
            "'submitted' GROUP BY device_id"
        )
    best = float("inf")
    for _ in range(3):
        with hq.engine.connect() as conn:
            t0 = time.perf_counter()
            conn.execute(text(sql), {"a": utc_bound(start), "b": utc_bound(end)}).all()
            best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def _trend_bare_ms(hq: Any, month: str) -> float:
    """The score trend's own aggregate (six months up to ``month``) alone."""
    from app.hq.trend import score_trend

    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        score_trend(hq, "month", month)
        best = min(best, (time.perf_counter() - t0) * 1000)
    return best


def _console_ms(hq: Any, other_month: str) -> tuple[float, float, float, int]:
    """(first paint, month switch, score trend tab opened) of the Overview in
    milliseconds, and its rows."""
    from PySide6.QtWidgets import QApplication

    from app.ui.hq.console import HqUi, HqWindow
    from app.ui.qt_app import ensure_application

    for module in (
        "app.hq.overview",
        "app.ui.hq.admin",
        "app.ui.hq.devices",
        "app.ui.hq.templates",
        "app.ui.hq.review",
        "app.ui.hq.inspections",
    ):  # imported as at start-up, before the window is timed
        importlib.import_module(module)
    app = ensure_application()
    t0 = time.perf_counter()
    ui = HqUi(hq)
    window = HqWindow(ui)
    window.show()
    while not window.overview.is_ready:
        QApplication.processEvents()
        time.sleep(0.001)
    window.overview.managers.viewport().repaint()
    app.processEvents()
    first = (time.perf_counter() - t0) * 1000
    rows = window.overview.managers.rowCount()
    t1 = time.perf_counter()
    window.overview.month.setCurrentIndex(window.overview.month.findData(other_month))
    while window.overview.data is None or window.overview.data["month"] != other_month:
        QApplication.processEvents()
        time.sleep(0.001)
    window.overview.managers.viewport().repaint()
    app.processEvents()
    switch = (time.perf_counter() - t1) * 1000
    ui.ops.wait(10000)
    t2 = time.perf_counter()
    window.overview.tabs.setCurrentWidget(window.overview.trend_tab)
    while window.overview.trend is None or window.overview.trend["periods"][-1] != other_month:
        QApplication.processEvents()
        time.sleep(0.001)
    window.overview.manager_trend.viewport().repaint()
    app.processEvents()
    trend = (time.perf_counter() - t2) * 1000
    ui.ops.wait(10000)
    window.close()
    window.deleteLater()
    app.processEvents()
    return first, switch, trend, rows


def _measure(label: str, url: str, work: Path) -> list[BenchResult]:
    from app.hq.server import Hq

    t0 = time.perf_counter()
    _build(url, work).close()
    build_s = time.perf_counter() - t0
    months = _months(dt.date.today())
    hq = Hq(url, work)  # a fresh engine: nothing cached, as when the console starts
    try:
        first, switch, trend, rows = _console_ms(hq, months[3])
        assert rows == DEVICES, rows
        bare_first, bare_switch = _bare_ms(hq, months[0]), _bare_ms(hq, months[3])
        bare_trend = _trend_bare_ms(hq, months[3])
    finally:
        hq.close()
    print(f"   {label}: built {VISITS} visits in {build_s:.1f} s", flush=True)
    return [
        BenchResult(
            f"HQ overview first paint, {VISITS // 1000}k visits ({label})",
            first,
            "ms",
            bare_first,
            "bare SQL aggregate",
            f"<= {LIMIT_MS:.0f} ms",
            first <= LIMIT_MS,
        ),
        BenchResult(
            f"HQ overview month switch ({label})",
            switch,
            "ms",
            bare_switch,
            "bare SQL aggregate",
            f"<= {LIMIT_MS:.0f} ms",
            switch <= LIMIT_MS,
        ),
        BenchResult(
            f"HQ overview score trend tab, 6 months ({label})",
            trend,
            "ms",
            bare_trend,
            "the trend's read alone",
            f"<= {LIMIT_MS:.0f} ms",
            trend <= LIMIT_MS,
        ),
    ]


def benchmarks() -> list[BenchResult]:
    from tests import pg

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = []
    with tempfile.TemporaryDirectory(prefix="hq-bench-") as tmp:
        work = Path(tmp)
        only = os.environ.get("HQ_BENCH_ONLY", "")
        if only in ("", "sqlite"):
            (work / "sqlite").mkdir()
            results += _measure(
                "SQLite", f"sqlite:///{work / 'sqlite' / 'hq.sqlite'}", work / "sqlite"
            )
        if pg.server_bin() is not None and only in ("", "postgresql"):
            (work / "pg").mkdir()
            with pg.postgres_server() as server:
                results += _measure(
                    "PostgreSQL", pg.create_database(server, "hq_overview_bench"), work / "pg"
                )
    return results


if __name__ == "__main__":
    for row in benchmarks():
        print(json.dumps(row.to_json(), ensure_ascii=False))
