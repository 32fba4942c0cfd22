"""Issue 7 figures, at the issue's sizes.

Export: a demo data dir with ~10 000 submitted visits and 20 000 photos (two per visit,
1 GiB of photos in all), exported in a fresh process (start-up included), against a bare
``zipfile`` (stored) + ``hashlib.sha256`` pass over the same photo files in the same run.
The same at 5 GiB of photos (20 000 photos of 256 KiB in a fresh copy of the demo);
peak RSS of the export at 1 and 5 GiB, which must stay flat.

HQ ingest: a bundle of ~100 000 records (demo data, its few demo photos included),
ingested into a fresh HQ database, against a bare ``sqlite3.executemany`` of the same
records into the same ``record`` table; on PostgreSQL (when its server binaries are
installed; started like the tests do) against a bare ``COPY`` into the same table.

``SYNC_BENCH_GB=1,5`` sets the photo volumes (GiB) of the export runs;
``SYNC_BENCH_PARTS=export`` or ``=ingest`` runs one half. Run:
``.venv/bin/python tests/perf/run_benchmarks.py sync``."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

from common import ROOT, demo_dir
from harness import BenchResult

PHOTOS = 20_000
EXPORT_CHILD = """
import sys, os
from pathlib import Path
sys.path.insert(0, {root!r})
from app.services.context import open_context
from app.services.sync import export_bundle
ctx = open_context({data!r})
export_bundle(ctx, Path({out!r}))
print(next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:")))
"""


def _add_photos(data: Path, count: int, size: int, tag: str) -> list[Path]:
    """``count`` distinct photo files of ``size`` bytes attached to submitted visits (two
    per visit), registered as media rows like imported photos."""
    from sqlalchemy import insert, select

    from app.services.context import open_context
    from db.models import MediaFile, Visit, VisitPhoto

    ctx = open_context(data)
    base = os.urandom(size + 4096)
    paths: list[Path] = []
    with ctx.session() as s:
        visit_ids = list(s.scalars(select(Visit.id).where(Visit.status == "submitted").order_by(Visit.id)))
        media, photos = [], []
        for i in range(count):
            blob = f"{tag}:{i:08d}:".encode() + base[i % 4096:i % 4096 + size - 20]
            sha = hashlib.sha256(blob).hexdigest()
            path = ctx.paths.media_file(sha)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob)
            paths.append(path)
            media.append({"sha256": sha, "size": len(blob)})
            photos.append(VisitPhoto(visit_id=visit_ids[(i // 2) % len(visit_ids)], sha256=sha, width=1, height=1, original_name=f"{tag}{i}.jpg"))
        s.execute(insert(MediaFile), media)
        s.add_all(photos)  # through the session so each row gets its HLC
    ctx.close()
    return paths


def _export_in_child(data: Path, out: Path) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", EXPORT_CHILD.format(root=str(ROOT), data=str(data), out=str(out))],
                          capture_output=True, text=True, check=True)
    return (time.perf_counter() - start) * 1000, int(proc.stdout.strip().splitlines()[-1]) / 1024


def _bare_zip(photos: list[Path], target: Path) -> float:
    """MB/s of a bare stored-zip + SHA-256 pass over ``photos``."""
    start = time.perf_counter()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zf:
        for path in photos:
            digest = hashlib.sha256()
            with path.open("rb") as src, zf.open(path.name, "w") as dst:
                for chunk in iter(lambda s=src: s.read(1 << 20), b""):
                    digest.update(chunk)
                    dst.write(chunk)
    seconds = time.perf_counter() - start
    size = target.stat().st_size
    target.unlink()
    return size / 1e6 / seconds


def _visits(data: Path) -> int:
    with sqlite3.connect(data / "channeldesk.sqlite") as conn:
        return int(conn.execute("SELECT count(*) FROM visit WHERE status = 'submitted'").fetchone()[0])


def export_benchmarks(work: Path) -> list[BenchResult]:
    """One fresh demo dir per photo volume, each with 20 000 photos: only the bytes differ."""
    rows: list[BenchResult] = []
    volumes = [float(v) for v in os.environ.get("SYNC_BENCH_GB", "1,5").split(",")]
    rss_first = 0.0
    for run, gib in enumerate(volumes):
        data = demo_dir(600, 6)
        visits = _visits(data)
        photos = _add_photos(data, PHOTOS, int(gib * 1024**3 / PHOTOS), f"run{run}")
        bare_tp = _bare_zip(photos, work / "bare.zip")
        out = work / f"export{run}.cdsync"
        export_ms, rss = _export_in_child(data, out)
        ours_tp = out.stat().st_size / 1e6 / (export_ms / 1000)
        out.unlink()
        shutil.rmtree(data.parent, ignore_errors=True)
        label = f"{visits} visits, {len(photos)} photos, {gib:g} GiB"
        rows.append(BenchResult(f"export throughput ({label}, incl. start-up)", ours_tp, "MB/s", bare_tp,
                                "bare zipfile stored + sha256", ">=70% of bare", ours_tp >= 0.7 * bare_tp))
        if run == 0:
            rss_first = rss
            rows.append(BenchResult(f"export peak RSS, {gib:g} GiB of photos", rss, "MB", rss, "itself", "flat", None))
        else:
            rows.append(BenchResult(f"export peak RSS, {gib:g} GiB of photos", rss, "MB", rss_first, f"RSS at {volumes[0]:g} GiB",
                                    "flat (ratio ~1)", rss <= rss_first * 1.2))
    return rows


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
    work = Path(tempfile.mkdtemp(prefix=f"cd-sync-{uuid.uuid4().hex[:6]}-"))
    (work / "pg").mkdir()
    parts = os.environ.get("SYNC_BENCH_PARTS", "export,ingest").split(",")
    try:
        return [*(export_benchmarks(work) if "export" in parts else []), *(ingest_benchmarks(work) if "ingest" in parts else [])]
    finally:
        shutil.rmtree(work, ignore_errors=True)
