"""Issue 7 figures: export throughput vs a bare zipfile (stored) + SHA-256 pass over the
same photo bytes; HQ ingest of the demo bundle's records vs bare sqlite3.executemany into
the same table; peak RSS of export at two photo volumes (scaled down to keep ``make bench``
short: 200 MB and 600 MB of photos instead of 1 GB and 5 GB)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from common import ROOT, demo_dir
from harness import BenchResult

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


def _add_photos(data: Path, megabytes: int) -> list[Path]:
    """Random 1 MB 'photos' attached to submitted visits (stored as media rows)."""
    from sqlalchemy import select

    from app.services.context import open_context
    from db.models import MediaFile, Visit, VisitPhoto

    ctx = open_context(data)
    paths = []
    with ctx.session() as s:
        visit_ids = list(s.scalars(select(Visit.id).where(Visit.status == "submitted").limit(megabytes)))
        for i, vid in enumerate(visit_ids):
            blob = os.urandom(1024 * 1024)
            sha = hashlib.sha256(blob).hexdigest()
            path = ctx.paths.media_file(sha)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob)
            paths.append(path)
            s.add(MediaFile(sha256=sha, size=len(blob)))
            s.add(VisitPhoto(visit_id=vid, sha256=sha, width=1, height=1, original_name=f"r{i}.jpg"))
    ctx.close()
    return paths


def _export_in_child(data: Path, out: Path) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", EXPORT_CHILD.format(root=str(ROOT), data=str(data), out=str(out))],
                          capture_output=True, text=True, check=True)
    return (time.perf_counter() - start) * 1000, int(proc.stdout.strip().splitlines()[-1]) / 1024


def benchmarks() -> list[BenchResult]:
    rows: list[BenchResult] = []
    data = demo_dir(500, 6)
    photos = _add_photos(data, 200)
    work = Path(tempfile.mkdtemp(prefix="cd-sync-"))
    # bare pass over the same photo bytes
    start = time.perf_counter()
    with zipfile.ZipFile(work / "bare.zip", "w", zipfile.ZIP_STORED) as zf:
        for path in photos:
            digest = hashlib.sha256()
            with path.open("rb") as src, zf.open(path.name, "w") as dst:
                for chunk in iter(lambda s=src: s.read(1 << 20), b""):
                    digest.update(chunk)
                    dst.write(chunk)
    bare_ms = (time.perf_counter() - start) * 1000
    total_mb = sum(p.stat().st_size for p in photos) / 1e6
    export_ms, rss_small = _export_in_child(data, work / "b1.cdsync")
    bundle_mb = (work / "b1.cdsync").stat().st_size / 1e6
    ours_tp = bundle_mb / (export_ms / 1000)
    bare_tp = total_mb / (bare_ms / 1000)
    rows.append(BenchResult("export throughput (records + 200 MB photos, incl. start-up)", ours_tp, "MB/s", bare_tp, "bare zipfile stored + sha256", ">=70% of bare", ours_tp >= 0.7 * bare_tp))
    rows.append(BenchResult("export peak RSS, 200 MB of photos", rss_small, "MB", rss_small, "itself", "flat", None))
    _add_photos(data, 400)
    _ms, rss_large = _export_in_child(data, work / "b2.cdsync")
    rows.append(BenchResult("export peak RSS, 600 MB of photos", rss_large, "MB", rss_small, "RSS at 200 MB", "flat (ratio ~1)", rss_large <= rss_small * 1.2))

    # ingest vs bare executemany of the same records
    from app.sync.hq import Hq

    with zipfile.ZipFile(work / "b1.cdsync") as zf:
        records = [(name[8:-6], json.loads(line)) for name in zf.namelist() if name.startswith("records/") for line in zf.read(name).splitlines()]
    hq = Hq(f"sqlite:///{work / 'hq.sqlite'}", work)
    hq.init()
    hq.register_device(_key_file(data, work))
    start = time.perf_counter()
    result = hq.ingest(work / "b1.cdsync", work)
    ingest_ms = (time.perf_counter() - start) * 1000
    assert result.status == "accepted", result.reason
    hq.close()
    conn = sqlite3.connect(work / "bare.sqlite")
    conn.execute("CREATE TABLE record (entity TEXT, id TEXT, hlc TEXT, device_id TEXT, voided INT, data TEXT, field_hlc TEXT, bundle_id TEXT, PRIMARY KEY (entity, id))")
    start = time.perf_counter()
    conn.executemany("INSERT INTO record VALUES (?,?,?,?,?,?,?,?)",
                     [(e, r["id"], r["hlc"], "d", 0, json.dumps(r["data"]), "{}", "b") for e, r in records])
    conn.commit()
    bare_ingest = (time.perf_counter() - start) * 1000
    n = len(records)
    rows.append(BenchResult(f"HQ ingest of {n} records (records/s, incl. full validation + blobs)", n / (ingest_ms / 1000), "rec/s",
                            n / (bare_ingest / 1000), "bare sqlite3.executemany", ">=40% of bare", ingest_ms <= bare_ingest / 0.4))
    return rows


def _key_file(data: Path, work: Path) -> Path:
    from app.services.context import open_context
    from app.services.device import export_public_key

    ctx = open_context(data)
    path = export_public_key(ctx, work / "dev.json")
    ctx.close()
    return path
