"""Named loggers, a rotating file log in the data dir and an in-memory tail for the
crash dialog and crash reports."""

from __future__ import annotations

import collections
import datetime as dt
import logging
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


class _LogFile(logging.Handler):
    """The log file, rotated at 2 MB with five old ones kept; opened at its first record,
    so a start that logs nothing needs no ``logging.handlers`` (which imports socket,
    pickle and more). When the file cannot be written (disk full, read-only) the record is
    dropped quietly instead of printing a traceback over the user's terminal — the
    user-facing message about the disk comes from the action that failed."""

    def __init__(self, path: Path, max_bytes: int = 2_000_000) -> None:
        super().__init__()
        self.path = path
        self.max_bytes = max_bytes
        self.file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.file is None:
                self.file = _rotating_file(self.path, self.max_bytes)
                self.file.setFormatter(self.formatter)
            self.file.emit(record)  # the record is this handler's (its lock is held)
        except Exception:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        return

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


def _rotating_file(path: Path, max_bytes: int) -> logging.Handler:
    import logging.handlers

    class _Quiet(logging.handlers.RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:
            return  # as ``_LogFile``'s

    return _Quiet(path, maxBytes=max_bytes, backupCount=5, encoding="utf-8")


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
        if isinstance(handler, _LogFile):
            root.removeHandler(handler)
            handler.close()
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    handler = _LogFile(log_dir / "channeldesk.log")
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
