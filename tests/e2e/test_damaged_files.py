"""Damaged or missing files: nothing is re-created over existing data, a damaged database
is reported (never backed up, listed or exported as if sound), ``restore`` checks the
database inside a backup before replacing anything, what a killed backup left behind is
removed at the next start, and private files stay private whatever the umask."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _one_line(result, code: int = 1) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, (
        result.stderr
    )


def _init_with_partner(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "甲").returncode == 0
    sample = tmp_path / "p.csv"
    sample.write_text(
        "code,name,grade,region,address\n"
        + "".join(f"D{i:04d},损坏测试店{i},A,310115,金桥路{i}号\n" for i in range(300)),
        encoding="utf-8",
    )
    assert cli("partners", "import", str(sample)).returncode == 0


@pytest.mark.parametrize("how", ["missing", "empty"])
def test_a_lost_database_is_not_recreated_over_existing_data(
    cli, data_dir: Path, tmp_path: Path, how: str
) -> None:  # type: ignore[no-untyped-def]
    _init_with_partner(cli, tmp_path)
    key = (data_dir / "keys" / "device_ed25519.pem").read_bytes()
    database = data_dir / "channeldesk.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    if how == "empty":
        database.write_bytes(b"")
    for args in (("partners", "list"), ("check",), ("init",), ("device", "show")):
        result = cli(*args)
        _one_line(result)
        assert "restore" in result.stderr, result.stderr
    assert (
        (database.exists() and database.stat().st_size == 0)
        if how == "empty"
        else not database.exists()
    )
    assert (data_dir / "keys" / "device_ed25519.pem").read_bytes() == key


def _damage(database: Path, table: str = "grade_change") -> None:
    """Garbage over the root page of ``table`` (a page that is certainly in use; the
    commands below do not read grade changes)."""
    conn = sqlite3.connect(database)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    with database.open("r+b") as fh:
        fh.seek((root - 1) * size)
        fh.write(b"\xde\xad\xbe\xef" * (size // 4))


def test_a_damaged_page_is_reported_and_never_backed_up_or_exported(
    cli, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _init_with_partner(cli, tmp_path)
    _damage(data_dir / "channeldesk.sqlite")
    checked = cli("check", "--json")
    assert checked.returncode == 1, checked.stderr
    report = checked.json()
    assert report["ok"] is False and any("integrity_check" in p for p in report["problems"])
    backup = tmp_path / "b.cdbackup"
    refused = cli("backup", "-o", str(backup))
    _one_line(refused)
    assert (
        "damaged" in refused.stderr
        and not backup.exists()
        and not list(tmp_path.glob(".b.cdbackup*"))
    )
    for args in (("partners", "list", "--json"), ("sync", "export")):
        result = cli(*args)
        _one_line(result)
        assert "damaged" in result.stderr and result.stdout == ""
    assert not list((data_dir / "outbox").iterdir())


def _backup_with(
    source: Path, target: Path, database: bytes | None = None, manifest_change: dict | None = None
) -> Path:  # type: ignore[type-arg]
    """A copy of backup ``source`` whose database entry is ``database`` (with a manifest whose
    hashes match, as someone crafting it would write) or whose manifest is changed."""
    with zipfile.ZipFile(source) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        entries = {name: zf.read(name) for name in zf.namelist() if name != "manifest.json"}
    if database is not None:
        entries["channeldesk.sqlite"] = database
        for entry in manifest["files"]:
            if entry["path"] == "channeldesk.sqlite":
                entry["size"], entry["sha256"] = len(database), hashlib.sha256(database).hexdigest()
    manifest.update(manifest_change or {})
    with zipfile.ZipFile(target, "w") as zf:
        for name, body in entries.items():
            zf.writestr(name, body)
        zf.writestr("manifest.json", json.dumps(manifest))
    return target


def test_restore_checks_the_database_inside_before_replacing_anything(
    cli, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _init_with_partner(cli, tmp_path)
    good = tmp_path / "good.cdbackup"
    assert cli("backup", "-o", str(good)).returncode == 0
    with zipfile.ZipFile(good) as zf:
        sound = zf.read("channeldesk.sqlite")
    damaged_copy = tmp_path / "damaged.sqlite"
    damaged_copy.write_bytes(sound)
    _damage(damaged_copy)
    newer_copy = tmp_path / "newer.sqlite"
    newer_copy.write_bytes(sound)
    conn = sqlite3.connect(newer_copy)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    crafted = {
        "not SQLite": _backup_with(
            good, tmp_path / "a.cdbackup", database=b"this is not a database" * 100
        ),
        "integrity": _backup_with(
            good, tmp_path / "b.cdbackup", database=damaged_copy.read_bytes()
        ),
        "revision": _backup_with(good, tmp_path / "c.cdbackup", database=newer_copy.read_bytes()),
        "files not a list": _backup_with(
            good, tmp_path / "d.cdbackup", manifest_change={"files": 7}
        ),
        "files of strings": _backup_with(
            good, tmp_path / "e.cdbackup", manifest_change={"files": ["channeldesk.sqlite"]}
        ),
    }
    before = sorted(p.name for p in tmp_path.iterdir())
    for why, backup in crafted.items():
        fresh = tmp_path / f"fresh-{backup.stem}"
        result = cli("restore", str(backup), data=fresh)
        _one_line(result)
        assert not fresh.exists(), why  # nothing created
        forced = cli("restore", str(backup), "--force")
        _one_line(forced)
        assert sorted(p.name for p in tmp_path.iterdir()) == before, (
            why,
            forced.stderr,
        )  # nothing moved away
    assert "D0001" in cli("partners", "list", "--json").stdout
    assert cli("restore", str(good), "--force").returncode == 0


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_private_files_are_private_under_umask_000(tmp_path: Path) -> None:
    data, hq = tmp_path / "data", tmp_path / "hq"
    hq.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data), "--lang", "en", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            preexec_fn=lambda: os.umask(0),
            timeout=240,
        )

    assert run("hq", "--db", f"sqlite:///{hq / 'hq.sqlite'}", "init").returncode == 0
    assert run("init", "--hq-key", str(hq / "hq_public.key")).returncode == 0
    backup = tmp_path / "out" / "b.cdbackup"
    assert run("backup", "-o", str(backup)).returncode == 0
    exported = run("sync", "export")
    assert exported.returncode == 0, exported.stderr
    bundle = Path(exported.stdout.strip())
    assert _mode(data) == 0o700 and _mode(data / "outbox") == 0o700
    assert _mode(data / "keys") == 0o700
    for private in (
        data / "keys" / "device_ed25519.pem",
        data / "keys" / "hq_public.key",
        data / "channeldesk.sqlite",
        backup,
        bundle,
    ):
        assert _mode(private) == 0o600, private
    assert _mode(data / "backups") == 0o700


def _started_zip(folder: Path) -> bool:
    """A backup's ``.part`` in ``folder`` holds bytes (it may vanish while we look)."""
    for part in folder.glob(".b.cdbackup.*.part"):
        try:
            if part.stat().st_size:
                return True
        except FileNotFoundError:
            pass
    return False


def test_what_a_killed_backup_left_is_removed_at_the_next_start(
    cli, data_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert cli("init").returncode == 0
    for n in range(12):  # photos enough for the backup to take a moment
        folder = data_dir / "media" / f"{n:02x}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{n:02x}{'0' * 62}").write_bytes(os.urandom(8 * 1024 * 1024))
    out = tmp_path / "elsewhere"
    out.mkdir()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(data_dir),
            "backup",
            "-o",
            str(out / "b.cdbackup"),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    # the ".part" is created empty before the database snapshot is taken; kill once the ZIP
    # has bytes, i.e. after the snapshot (under load the empty file stood alone long enough)
    while not _started_zip(out) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert list(out.glob(".b.cdbackup.*.part")), "the backup finished before it could be killed"
    assert list((data_dir / "tmp").iterdir())  # the database snapshot
    assert cli("partners", "list").returncode == 0
    assert not list(out.iterdir())
    assert not list((data_dir / "tmp").iterdir())
    assert cli("backup", "-o", str(out / "b.cdbackup")).returncode == 0
