"""Issue 7 figures, HQ ingest: a bundle of ~100 000 records (demo data, its few demo
photos included), ingested into a fresh HQ database, against a bare
``sqlite3.executemany`` of the same records into the same ``record`` table; on
PostgreSQL (when its server binaries are installed; started like the tests do) against
a bare ``COPY`` into the same table. Run:
``.venv/bin/python tests/perf/run_benchmarks.py sync_ingest``."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from common import ROOT, demo_dir
from harness import BenchResult


def _records_bundle(work: Path) -> tuple[Path, Path, list[tuple[str, dict]]]:
    """A field bundle of the ~100 000 records of a 210-partner demo, the device key file
    and the records as (entity, record) pairs."""
    from app.services.context import open_context
    from app.services.device import export_public_key
    from app.services.sync import export_bundle

    data = demo_dir(210, 6)
    ctx = open_context(data)
    bundle = export_bundle(ctx, work / "records.cdsync").path
    key = export_public_key(ctx, work / "dev.json")
    ctx.close()
    shutil.rmtree(data.parent, ignore_errors=True)
    with zipfile.ZipFile(bundle) as zf:
        records = [(name[8:-6], json.loads(line)) for name in zf.namelist() if name.startswith("records/") for line in zf.read(name).splitlines()]
    return bundle, key, records


def _ingest(url: str, work: Path, bundle: Path, key: Path) -> float:
    from app.sync.hq import Hq

    hq = Hq(url, work)
    hq.init()
    hq.register_device(key)
    start = time.perf_counter()
    result = hq.ingest(bundle, work / "acks")
    seconds = time.perf_counter() - start
    assert result.status == "accepted", result.reason
    hq.close()
    return seconds


def _bare_rows(records: list[tuple[str, dict]]) -> list[tuple]:
    return [(e, r["id"], r["hlc"], "d", False, json.dumps(r["data"]), "{}", "b") for e, r in records]


def ingest_benchmarks(work: Path) -> list[BenchResult]:
    rows: list[BenchResult] = []
    bundle, key, records = _records_bundle(work)
    n = len(records)
    seconds = _ingest(f"sqlite:///{work / 'hq.sqlite'}", work, bundle, key)
    conn = sqlite3.connect(work / "bare.sqlite")
    conn.execute("CREATE TABLE record (entity TEXT, id TEXT, hlc TEXT, device_id TEXT, voided INT, data TEXT, field_hlc TEXT, bundle_id TEXT, PRIMARY KEY (entity, id))")
    conn.execute("CREATE INDEX ix_record_device_id ON record (device_id)")  # as in the HQ schema
    start = time.perf_counter()
    conn.executemany("INSERT INTO record VALUES (?,?,?,?,?,?,?,?)", _bare_rows(records))
    conn.commit()
    bare = time.perf_counter() - start
    conn.close()
    rows.append(BenchResult(f"HQ ingest of {n} records, SQLite (rec/s, incl. validation)", n / seconds, "rec/s",
                            n / bare, "bare sqlite3.executemany", ">=40% of bare", seconds <= bare / 0.4))
    sys.path.insert(0, str(ROOT))
    from tests import pg

    if pg.server_bin() is None:
        return rows
    import psycopg

    with pg.postgres_server() as server:
        url = pg.create_database(server, "hq_bench")
        seconds = _ingest(url, work / "pg", bundle, key)
        bare_url = pg.create_database(server, "bare_bench").replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(bare_url) as conn:
            conn.execute("CREATE TABLE record (entity varchar(60), id varchar(36), hlc varchar(80), device_id varchar(36), voided boolean, "
                         "data json, field_hlc json, bundle_id varchar(36), PRIMARY KEY (entity, id))")
            conn.execute("CREATE INDEX ix_record_device_id ON record (device_id)")
            conn.commit()
            values = _bare_rows(records)
            start = time.perf_counter()
            with conn.cursor() as cur, cur.copy("COPY record FROM STDIN") as copy:
                for value in values:
                    copy.write_row(value)
            conn.commit()
            bare = time.perf_counter() - start
    rows.append(BenchResult(f"HQ ingest of {n} records, PostgreSQL (rec/s, incl. validation)", n / seconds, "rec/s",
                            n / bare, "bare COPY", ">=40% of bare", seconds <= bare / 0.4))
    return rows


def benchmarks() -> list[BenchResult]:
    work = Path(tempfile.mkdtemp(prefix=f"cd-ingest-{uuid.uuid4().hex[:6]}-"))
    (work / "pg").mkdir()
    try:
        return ingest_benchmarks(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
