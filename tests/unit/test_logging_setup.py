"""The log file: written from the first record on, rotated with five old files kept,
and opened only when something is logged (a start that logs nothing needs no
``logging.handlers``, which imports socket, pickle and more)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from app.logging_setup import _LogFile, log_tail, setup_logging
from tests.conftest import ROOT


def test_records_reach_the_log_file_and_the_tail(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app import logging_setup

    monkeypatch.setattr(logging_setup, "_configured_dir", None)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        setup_logging(tmp_path / "logs")
        assert len([h for h in root.handlers if isinstance(h, _LogFile)]) == 1
        assert not (tmp_path / "logs" / "channeldesk.log").exists()  # nothing logged yet
        logging.getLogger("channeldesk.test").warning("disk nearly full: %s", "D:")
        text = (tmp_path / "logs" / "channeldesk.log").read_text(encoding="utf-8")
        assert "WARNING channeldesk.test: disk nearly full: D:" in text
        assert "disk nearly full: D:" in log_tail()
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()


def test_the_log_file_rotates_keeping_five(tmp_path: Path) -> None:
    handler = _LogFile(tmp_path / "channeldesk.log", max_bytes=200)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("channeldesk.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        for i in range(40):
            logger.warning("record %02d %s", i, "x" * 40)
    finally:
        logger.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["channeldesk.log"] + [f"channeldesk.log.{i}" for i in range(1, 6)]
    assert "record 39" in (tmp_path / "channeldesk.log").read_text(encoding="utf-8")


def test_an_unwritable_log_is_dropped_quietly(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "channeldesk.log").mkdir()  # a folder where the file should be
    handler = _LogFile(tmp_path / "channeldesk.log")
    logger = logging.getLogger("channeldesk.unwritable")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.error("lost")
    finally:
        logger.removeHandler(handler)
        handler.close()
    assert capsys.readouterr().err == ""


def test_setting_up_the_log_imports_no_logging_handlers(tmp_path: Path) -> None:
    script = (
        "import sys\nfrom pathlib import Path\nfrom app.logging_setup import setup_logging\n"
        f"setup_logging(Path({str(tmp_path / 'logs')!r}))\n"
        "print(','.join(m for m in ('logging.handlers', 'socket', 'pickle') if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""
