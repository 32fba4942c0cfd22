"""A data dir on a full disk (a small tmpfs, mounted when the test runs as root — CI does):
a clear one-line message and exit 1 at start and on writes, nothing half-created or damaged,
and everything works again once space is freed."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount_point)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
    return filler


def _no_traceback(result) -> None:  # type: ignore[no-untyped-def]
    assert "Traceback" not in result.stderr and "[SQL" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_full_disk_is_reported_and_nothing_is_lost(cli, small_disk: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = small_disk / "data"
    assert cli("init", data=data).returncode == 0
    first = tmp_path / "first.csv"
    first.write_text(
        "code,name,grade,region,address\nF001,满盘测试店,A,310115,金桥路1号\n", encoding="utf-8"
    )
    assert cli("partners", "import", str(first), data=data).returncode == 0
    big = tmp_path / "big.csv"
    rows = [f"G{i:05d},门店{i}{'长' * 100},B,310115,金桥路{i}号" for i in range(20000)]
    big.write_text("code,name,grade,region,address\n" + "\n".join(rows) + "\n", encoding="utf-8")

    filler = _fill(small_disk)
    result = cli("partners", "import", str(big), data=data)
    assert result.returncode == 1 and "full" in result.stderr
    _no_traceback(result)
    fresh = cli("init", data=small_disk / "other")
    assert fresh.returncode == 1 and "full" in fresh.stderr
    _no_traceback(fresh)
    assert not (small_disk / "other" / "channeldesk.sqlite").exists()  # no half-created database
    shot = cli("gui", "--screenshot", str(tmp_path / "shot.png"), data=data)
    assert shot.returncode == 1 and "full" in shot.stderr

    filler.unlink()
    listed = cli("partners", "list", "--json", data=data)
    assert listed.returncode == 0 and '"F001"' in listed.stdout and "G00001" not in listed.stdout
    assert cli("check", data=data).returncode == 0


def test_read_only_disk_is_reported_at_start(cli, small_disk: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A read-only mount (root is not stopped by file modes, a read-only filesystem stops everyone)."""
    data = small_disk / "data"
    assert cli("init", data=data).returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    try:
        for args in (("partners", "list"), ("gui", "--screenshot", str(tmp_path / "shot.png"))):
            result = cli(*args, data=data)
            assert result.returncode == 1 and "read-only" in result.stderr, result.stderr
            _no_traceback(result)
        fresh = cli("init", data=small_disk / "other")
        assert fresh.returncode == 1
        _no_traceback(fresh)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], check=True)
    assert cli("check", data=data).returncode == 0
