"""Named loggers, a rotating file log in the data dir and an in-memory tail for the
crash dialog and crash reports."""

from __future__ import annotations

import collections
import datetime as dt
import logging
import logging.handlers
import traceback
from pathlib import Path

_TAIL: collections.deque[str] = collections.deque(maxlen=300)
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _TailHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            _TAIL.append(self.format(record))
        except Exception:  # pragma: no cover - logging must never raise
            pass


_configured_dir: Path | None = None


class _LogFileHandler(logging.handlers.RotatingFileHandler):
    """The log file; when it cannot be written (disk full, read-only) the record is
    dropped quietly instead of printing a traceback over the user's terminal — the
    user-facing message about the disk comes from the action that failed."""

    def handleError(self, record: logging.LogRecord) -> None:
        return


def setup_logging(log_dir: Path | None, level: int = logging.INFO) -> None:
    """Attach the rotating file handler (once per directory) and the tail handler."""
    global _configured_dir
    root = logging.getLogger()
    root.setLevel(level)
    if not any(isinstance(h, _TailHandler) for h in root.handlers):
        tail = _TailHandler()
        tail.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(tail)
    if log_dir is None or _configured_dir == log_dir:
        return
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = _LogFileHandler(
            log_dir / "channeldesk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    _configured_dir = log_dir


def log_tail(lines: int = 80) -> str:
    return "\n".join(list(_TAIL)[-lines:])


def write_crash_report(log_dir: Path | None, exc: BaseException) -> tuple[str, Path | None]:
    """Format a crash report (traceback + log tail); write it to ``log_dir`` if possible."""
    from app import __version__

    text = (
        f"ChannelDesk {__version__} crash report {dt.datetime.now().isoformat(timespec='seconds')}\n\n"
        + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        + "\n--- log tail ---\n"
        + log_tail()
    )
    logging.getLogger("channeldesk.crash").error("unexpected error", exc_info=exc)
    if log_dir is None:
        return text, None
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / f"crash-{dt.datetime.now().strftime('%Y%m%d-%H%M%S-%f')}.txt"
        path.write_text(text, encoding="utf-8")
        return text, path
    except OSError:
        return text, None
