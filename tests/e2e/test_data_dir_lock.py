"""The data dir lock: while another process has the data dir open, ``restore``, ``init``
over existing data and a schema migration refuse with a message naming it (pid and
command); once it has gone they work. Readers and writers share the dir."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT

# Opens the data dir like the GUI does and keeps it open until its stdin closes.
HOLDER = r"""
import sys
from app.services.opening import open_context
ctx = open_context(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
ctx.close()
"""

# Holds only the lock (shared), without touching the database (which may need a migration).
LOCK_ONLY = r"""
import sys
from app.paths import DataPaths
from app.services.datadir import DataDirLock
lock = DataDirLock(DataPaths.resolve(sys.argv[1]))
lock.acquire(exclusive=False)
print("ready", flush=True)
sys.stdin.read()
lock.release()
"""


@contextmanager
def _held(data: Path, script: str = HOLDER) -> Iterator[subprocess.Popen[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(data), "--held-for-test"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready", (
            proc.stderr.read() if proc.stderr else ""
        )
        yield proc
    finally:
        proc.communicate(timeout=60)


def _refused_naming(result, proc: subprocess.Popen[str]) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, (
        result.stderr
    )
    assert f"pid {proc.pid}" in result.stderr and "--held-for-test" in result.stderr, result.stderr


def test_restore_and_init_refuse_while_another_process_has_the_data_dir(
    cli, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "甲").returncode == 0
    sample = tmp_path / "p.csv"
    sample.write_text(
        "code,name,grade,region,address\nL001,锁测试店,A,310115,金桥路1号\n", encoding="utf-8"
    )
    assert cli("partners", "import", str(sample)).returncode == 0
    backup = tmp_path / "b.cdbackup"
    assert cli("backup", "-o", str(backup)).returncode == 0
    with _held(data_dir) as holder:
        _refused_naming(cli("restore", str(backup), "--force"), holder)
        _refused_naming(cli("init", "--user", "乙"), holder)
        assert cli("partners", "list", "--json").returncode == 0  # readers share the dir
        assert cli("partners", "import", str(sample)).returncode == 0  # and so do writers
        assert not list(tmp_path.glob("data.before-restore-*"))  # nothing was moved away
    zh = None
    with _held(data_dir) as holder:
        zh = cli("restore", str(backup), "--force", lang="zh_CN")
        assert zh.returncode == 1 and f"{holder.pid}" in zh.stderr and "正在被" in zh.stderr, (
            zh.stderr
        )
    restored = cli("restore", str(backup), "--force")
    assert restored.returncode == 0, restored.stderr
    assert list(tmp_path.glob("data.before-restore-*"))
    assert cli("init", "--user", "乙").returncode == 0


def test_a_migration_waits_for_no_one_else_to_have_the_data_dir(
    data_dir: Path, tmp_path: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from db.engine import make_engine
    from db.migrate import alembic_config

    data_dir.mkdir()
    engine = make_engine(data_dir / "channeldesk.sqlite")
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    with _held(data_dir, LOCK_ONLY) as holder:
        _refused_naming(cli("partners", "list"), holder)
        assert not list((data_dir / "backups").glob("pre-migration-*"))  # nothing was started
    assert cli("partners", "list").returncode == 0
    saved = list((data_dir / "backups").glob("pre-migration-0001-*"))
    assert len(saved) == 1 and saved[0].stat().st_mode & 0o077 == 0  # a backup: owner-only


def test_restore_refuses_while_the_gui_is_open(cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import os
    import time

    assert cli("init", "--user", "甲").returncode == 0
    backup = tmp_path / "b.cdbackup"
    assert cli("backup", "-o", str(backup)).returncode == 0
    gui = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "gui"],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not any(p.name.startswith(f"{gui.pid}-") for p in (data_dir / "run").glob("*.json")):
            assert time.monotonic() < deadline and gui.poll() is None, (
                "the GUI did not open the data dir"
            )
            time.sleep(0.1)
        refused = cli("restore", str(backup), "--force")
        assert (
            refused.returncode == 1
            and f"pid {gui.pid}: channeldesk" in refused.stderr
            and refused.stderr.rstrip().count(" gui") == 1
        ), refused.stderr
    finally:
        gui.terminate()
        gui.wait(timeout=60)
    assert cli("restore", str(backup), "--force").returncode == 0
