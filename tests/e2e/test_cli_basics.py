"""End-to-end: the ``channeldesk`` command as a subprocess on a temporary data dir —
init, device identity, screenshot, and clear messages for unusable data dirs."""

from __future__ import annotations

import base64
import json
import os
import stat
from pathlib import Path

import pytest


def test_init_is_idempotent_and_device_show_json(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    first = cli("init", "--user", "李娜", "--territory", "3101,310115")
    assert first.returncode == 0, first.stderr
    second = cli("init")
    assert second.returncode == 0, second.stderr
    assert first.stdout.strip() == second.stdout.strip()
    shown = cli("device", "show", "--json")
    assert shown.returncode == 0, shown.stderr
    info = shown.json()
    assert set(info) >= {"device_id", "public_key", "fingerprint", "user", "territory"}
    assert info["device_id"] == first.stdout.strip()
    assert info["user"] == "李娜"
    assert info["territory"] == ["3101", "310115"]
    assert len(base64.b64decode(info["public_key"])) == 32
    key_file = data_dir / "keys" / "device_ed25519.pem"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_export_key_file_format(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init", "--user", "u1").returncode == 0
    target = tmp_path / "device.key.json"
    result = cli("device", "export-key", "-o", str(target))
    assert result.returncode == 0, result.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert set(data) >= {"device_id", "user", "territory", "public_key", "fingerprint"}
    import hashlib

    assert (
        data["fingerprint"] == hashlib.sha256(base64.b64decode(data["public_key"])).hexdigest()[:16]
    )


def test_bad_territory_is_refused_with_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("init", "--territory", "9999")
    assert result.returncode == 1
    assert "9999" in result.stderr
    assert "Traceback" not in result.stderr


def test_messages_follow_lang(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("init", "--territory", "9999", lang="zh_CN")
    assert result.returncode == 1
    assert "未知的行政区划代码" in result.stderr


def test_corrupt_database_gives_clear_message(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir.mkdir(parents=True)
    (data_dir / "channeldesk.sqlite").write_bytes(b"garbage" * 1000)
    result = cli("device", "show")
    assert result.returncode == 1
    assert "damaged" in result.stderr
    assert (data_dir / "channeldesk.sqlite").read_bytes() == b"garbage" * 1000


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_data_dir_gives_clear_message(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir.mkdir(parents=True)
    data_dir.chmod(0o500)
    try:
        result = cli("init")
    finally:
        data_dir.chmod(0o700)
    assert result.returncode == 1
    assert "read-only" in result.stderr


def test_screenshot_png_is_written_and_not_blank(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    target = tmp_path / "shot.png"
    result = cli("gui", "--screenshot", str(target))
    assert result.returncode == 0, result.stderr
    with Image.open(target) as image:
        assert image.width >= 800 and image.height >= 500
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 10


def test_data_dir_that_cannot_be_created_gives_clear_message(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = cli("init", data=blocker / "data")
    assert result.returncode == 1
    assert "Cannot create the data directory" in result.stderr
    assert "Traceback" not in result.stderr
