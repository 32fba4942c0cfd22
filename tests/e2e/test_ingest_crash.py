"""kill -9 during ``hq ingest`` at several points, on SQLite and on a real PostgreSQL
(where new records are written while the bundle is still read): HQ is either unchanged
or fully updated, and a rerun then succeeds and leaves no temporary blob behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import pg
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    if pg.server_bin() is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    with pg.postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def hq_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}"
    return pg.create_database(request.getfixturevalue("pg_server"), "hq_" + uuid.uuid4().hex[:12])


def test_kill_9_during_ingest_is_atomic(cli, tmp_path: Path, data_dir: Path, hq_db: str) -> None:  # type: ignore[no-untyped-def]
    hq_dir = tmp_path / "hq"
    hq_dir.mkdir()
    db = hq_db
    assert cli("hq", "--db", db, "init", "--key-dir", str(hq_dir), data=None).returncode == 0
    assert (
        cli("init", "--territory", "31", "--hq-key", str(hq_dir / "hq_public.key")).returncode == 0
    )
    assert cli("demo", "--partners", "60", "--months", "6", "--seed", "3").returncode == 0
    key = tmp_path / "dev.json"
    assert cli("device", "export-key", "-o", str(key)).returncode == 0
    assert cli("hq", "--db", db, "register-device", str(key), data=None).returncode == 0
    bundle = tmp_path / "b.cdsync"
    export = cli("sync", "export", "-o", str(bundle), "--json").json()
    empty = cli("hq", "--db", db, "stats", "--json", data=None).json()
    for delay in (0.5, 1.0, 1.6, 2.4):
        with subprocess.Popen(
            [
                sys.executable,
                "-m",
                "app",
                "hq",
                "--db",
                db,
                "ingest",
                str(bundle),
                "--ack-dir",
                str(tmp_path / "acks"),
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ),
        ) as proc:
            time.sleep(delay)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        stats = cli("hq", "--db", db, "stats", "--json", data=None).json()
        if stats["devices"][0]["bundles"] == 0:
            assert stats["tables"] == empty["tables"]
        else:
            assert all(stats["tables"][e]["rows"] == n for e, n in export["counts"].items())
            break
    rerun = cli(
        "hq", "--db", db, "ingest", str(bundle), "--ack-dir", str(tmp_path / "acks"), data=None
    )
    assert rerun.returncode == 0 and (": accepted" in rerun.stdout or ": duplicate" in rerun.stdout)
    final = cli("hq", "--db", db, "stats", "--json", data=None).json()
    assert all(final["tables"][e]["rows"] == n for e, n in export["counts"].items())
    assert not list(
        (hq_dir / "hq_blobs").rglob("*.tmp")
    )  # copies of a killed ingest swept by the rerun
    assert json.loads((tmp_path / "acks" / f"{export['bundle_id']}.cdack").read_text())[
        "status"
    ] in ("accepted", "duplicate")
