"""Operational problems are one clear line and exit 1, never a crash (exit 3), and nothing
saved is lost: a database locked by another process beyond the busy timeout, an image
that would decode to gigabytes, a number answer outside its item's range, a full disk
during ``backup``."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest


def _one_line_exit_1(result) -> None:  # type: ignore[no-untyped-def]
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, (
        result.stderr
    )


@pytest.fixture
def visit(cli, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "甲").returncode == 0
    sample = tmp_path / "p.csv"
    sample.write_text(
        "code,name,grade,region,address\nE001,报错测试店,A,310115,金桥路1号\n", encoding="utf-8"
    )
    assert cli("partners", "import", str(sample)).returncode == 0
    made = cli("visits", "new", "--partner", "E001", "--json")
    assert made.returncode == 0, made.stderr
    return str(made.json()["id"])  # type: ignore[index]


def test_a_database_locked_beyond_the_busy_timeout_is_one_line(
    cli, visit: str, data_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHANNELDESK_BUSY_TIMEOUT_MS", "1500")
    assert cli("visits", "answer", visit, "stock_units", "12").returncode == 0
    other = sqlite3.connect(data_dir / "channeldesk.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        result = cli("visits", "answer", visit, "stock_units", "30")
        _one_line_exit_1(result)
        assert "busy" in result.stderr
    finally:
        other.execute("ROLLBACK")
        other.close()
    shown = cli("visits", "show", visit, "--json").json()
    assert {i["key"]: i["answer"] for i in shown["items"]}["stock_units"] == 12  # type: ignore[index]


def test_number_answers_outside_the_item_range_are_refused(cli, visit: str) -> None:  # type: ignore[no-untyped-def]
    for value in ("-5", "1e29", "1000001"):
        result = cli("visits", "answer", visit, "stock_units", value)
        _one_line_exit_1(result)
        assert "from 0 to 1000000" in result.stderr
    assert (
        "0 到 1000000" in cli("visits", "answer", visit, "stock_units", "-5", lang="zh_CN").stderr
    )
    assert cli("visits", "answer", visit, "stock_units", "250").returncode == 0


def test_decompression_bombs_are_refused(cli, visit: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    bomb, big = tmp_path / "bomb.png", tmp_path / "big.png"
    Image.new("1", (30_000, 30_000)).save(bomb, optimize=True)  # ~109 KB, 900 million pixels
    Image.new("1", (13_000, 13_000)).save(big, optimize=True)  # 169 million pixels
    for image in (bomb, big):
        for args in (
            ("visits", "attach-photo", visit, str(image)),
            ("visits", "answer", visit, "storefront_photo", str(image)),
        ):
            result = cli(*args)
            _one_line_exit_1(result)
            assert "too large an image" in result.stderr
    shown = cli("visits", "show", visit, "--json").json()
    assert shown["photos"] == []  # type: ignore[index]


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_backup_to_a_full_disk_is_one_line_and_leaves_nothing(
    cli, data_dir: Path, small_disk: Path
) -> None:  # type: ignore[no-untyped-def]
    import os

    assert cli("init").returncode == 0
    folder = data_dir / "media" / "ab"
    folder.mkdir(parents=True)
    (folder / ("ab" + "0" * 62)).write_bytes(
        os.urandom(12 * 1024 * 1024)
    )  # more than the 8 MB disk holds
    result = cli("backup", "-o", str(small_disk / "b.cdbackup"))
    _one_line_exit_1(result)
    assert "full" in result.stderr
    assert list(small_disk.iterdir()) == []  # no partial backup
    assert cli("backup", "-o", str(data_dir.parent / "elsewhere.cdbackup")).returncode == 0


def test_a_failed_sync_export_leaves_no_bundle_and_uses_no_seq(
    cli, visit: str, data_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHANNELDESK_BUSY_TIMEOUT_MS", "1500")
    other = sqlite3.connect(data_dir / "channeldesk.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        result = cli("sync", "export")
        _one_line_exit_1(result)
        assert "busy" in result.stderr and result.stdout == ""
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert list((data_dir / "outbox").iterdir()) == []
    exported = cli("sync", "export", "--json")
    assert exported.returncode == 0, exported.stderr
    assert exported.json()["seq"] == 1  # type: ignore[index]
    assert [p.name for p in (data_dir / "outbox").iterdir()] == [Path(exported.json()["path"]).name]  # type: ignore[index]


def test_partner_import_waits_the_same_busy_timeout_and_says_the_same(
    cli, data_dir: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The partner import's bulk transaction is the sessions' path: it waits the same
    busy timeout (it had its own 10 s) and says the same translated line."""
    monkeypatch.setenv("CHANNELDESK_BUSY_TIMEOUT_MS", "1500")
    assert cli("init", "--user", "甲").returncode == 0
    sample = tmp_path / "p.csv"
    sample.write_text("code,name,grade,region\nB001,忙碌店,A,310115\n", encoding="utf-8")
    other = sqlite3.connect(data_dir / "channeldesk.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        result = cli("partners", "import", str(sample))
        _one_line_exit_1(result)
        assert "kept it locked for more than 1 seconds" in result.stderr  # 1.5 s, not 10
        zh = cli("partners", "import", str(sample), lang="zh_CN")
        _one_line_exit_1(zh)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert cli("partners", "import", str(sample)).returncode == 0
