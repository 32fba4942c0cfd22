"""Shared fixtures: a fresh temporary data dir per test, an opened application context,
and a helper running the ``channeldesk`` command as a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXIF_DIR = SHARED / "testdata" / "exif-orientation"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real user data dir or depends on the host locale."""
    monkeypatch.setenv("CHANNELDESK_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    from app.i18n import set_language

    set_language("en")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[object]:
    from app.services.opening import open_context

    context = open_context(data_dir)
    yield context
    context.close()


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> object:
        return json.loads(self.stdout)


@pytest.fixture
def cli(data_dir: Path):  # type: ignore[no-untyped-def]
    """Run ``channeldesk --data-dir DATA ARGS...`` as a subprocess."""

    def run(
        *args: str,
        data: Path | None = data_dir,
        lang: str = "en",
        timeout: float = 240,
        cwd: Path | None = None,
    ) -> CliResult:
        cmd = [sys.executable, "-m", "app"]
        if data is not None:
            cmd += ["--data-dir", str(data)]
        cmd += ["--lang", lang, *args]
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1")
        proc = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=cwd or ROOT,
            encoding="utf-8",
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    return run
