"""Backups: kill -9 during a backup leaves the data untouched and no half backup that
counts as valid; a backup from a newer version is refused with a clear message; backup
→ wipe → restore gives an identical database, row by row, and identical media."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def _rows(db: Path) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE "
                "'partner_fts%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def test_backup_wipe_restore_is_identical_and_kill_9_leaves_no_valid_half(
    cli, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--territory", "3101").returncode == 0
    assert cli("demo", "--partners", "80", "--months", "4", "--seed", "9").returncode == 0
    before = _rows(data_dir / "channeldesk.sqlite")
    media = {
        p.relative_to(data_dir): p.read_bytes()
        for p in (data_dir / "media").rglob("*")
        if p.is_file()
    }
    target = tmp_path / "b.cdbackup"
    for delay in (0.2, 0.5):
        with subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(data_dir), "backup", "-o", str(target)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ),
        ) as proc:
            time.sleep(delay)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        if target.exists():
            break  # finished before the kill: a complete backup
        assert not target.exists()
        for leftover in tmp_path.glob(".b.cdbackup.*.part"):
            restored = tmp_path / "from-half"
            assert cli("restore", str(leftover), data=restored).returncode == 1
    assert _rows(data_dir / "channeldesk.sqlite") == before
    assert cli("backup", "-o", str(target)).returncode == 0
    wiped = tmp_path / "new-laptop"
    assert cli("restore", str(target), data=wiped).returncode == 0
    assert _rows(wiped / "channeldesk.sqlite") == before
    assert {
        p.relative_to(wiped): p.read_bytes() for p in (wiped / "media").rglob("*") if p.is_file()
    } == media


def test_backup_from_a_newer_version_is_refused(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init").returncode == 0
    target = tmp_path / "b.cdbackup"
    assert cli("backup", "-o", str(target)).returncode == 0
    newer = tmp_path / "newer.cdbackup"
    with zipfile.ZipFile(target) as src, zipfile.ZipFile(newer, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["schema_revision"] = "9999"
                data = json.dumps(manifest).encode()
            dst.writestr(info, data)
    result = cli("restore", str(newer), data=tmp_path / "elsewhere")
    assert result.returncode == 1 and "newer ChannelDesk" in result.stderr
    assert not (tmp_path / "elsewhere").exists() or not any((tmp_path / "elsewhere").iterdir())
