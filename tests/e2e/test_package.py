"""Frozen build smoke test: PyInstaller one-folder build from packaging/channeldesk.spec,
then the frozen binary renders the main window offscreen, passes ``check`` and works as
the export's photo-copying process."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.sync.blob_copy import CHILD_ARG
from tests.conftest import ROOT


@pytest.mark.slow
def test_frozen_build_starts_and_checks(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed (make installs the [package] extra)")
    dist, work = tmp_path / "dist", tmp_path / "build"
    subprocess.run(
        [
            str(pyinstaller),
            "--noconfirm",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "channeldesk.spec"),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
        timeout=900,
    )
    binary = dist / "channeldesk" / "channeldesk"
    assert binary.exists()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    data = tmp_path / "data"
    shot = tmp_path / "shot.png"
    gui = subprocess.run(
        [str(binary), "--data-dir", str(data), "gui", "--screenshot", str(shot)],
        env=env,
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert gui.returncode == 0, gui.stderr
    assert shot.stat().st_size > 5000
    check = subprocess.run(
        [str(binary), "--data-dir", str(data), "check", "--json"],
        env=env,
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout) == {"ok": True, "problems": []}
    # the frozen binary is also the export's photo-copying process
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(5000))
    sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    finish = json.dumps(
        {"records": [], "manifest": base64.b64encode(b"{}").decode(), "signature": "sig"}
    )
    copy = subprocess.run(
        [str(binary), CHILD_ARG],
        input=f"{tmp_path / 'blobs.zip'}\n{os.getpid()}\n{sha}\t{photo}\n\n{finish}\n".encode(),
        env=env,
        timeout=120,
        capture_output=True,
    )
    assert copy.returncode == 0 and copy.stdout.decode().splitlines()[-2:] == ["D 5000", "F"], (
        copy.stderr
    )
    with zipfile.ZipFile(tmp_path / "blobs.zip") as zf:
        assert zf.read(f"blobs/{sha}") == photo.read_bytes() and zf.read("manifest.sig") == b"sig"
    shutil.rmtree(work, ignore_errors=True)


def test_linux_icons_exist_in_every_size() -> None:
    from PIL import Image

    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = (
            ROOT / "packaging" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "channeldesk.png"
        )
        with Image.open(png) as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA" and image.getextrema()[3][1] == 255  # not blank
    with Image.open(ROOT / "packaging" / "icons" / "channeldesk.ico") as ico:
        assert (256, 256) in ico.info["sizes"]
    desktop = (ROOT / "packaging" / "channeldesk.desktop").read_text(encoding="utf-8")
    assert "Icon=channeldesk" in desktop and "Name[zh_CN]=渠道巡检台" in desktop
