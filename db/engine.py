"""Engine and session factory for the laptop's SQLite file: WAL, foreign keys,
busy timeout, ``synchronous=NORMAL``."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # SQLAlchemy is imported on first use (``check_sqlite_file`` needs none)
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


BUSY_TIMEOUT_MS = 10_000  # how long a writer waits for another process's write lock


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def busy_timeout_ms() -> int:
    """``BUSY_TIMEOUT_MS``, or ``CHANNELDESK_BUSY_TIMEOUT_MS`` (tests of a locked database)."""
    try:
        return max(0, int(os.environ.get("CHANNELDESK_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine for the laptop database file (created on first connect)."""
    from sqlalchemy import create_engine, event

    if read_only:
        uri = f"file:{path}?mode=ro"
        engine = create_engine(
            "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
    else:
        engine = create_engine(sqlite_url(path), connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(bind=engine, expire_on_commit=False)


def check_sqlite_file(path: Path) -> str | None:
    """A short problem description when ``path`` is not a usable SQLite file, else None."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return str(exc)
    if path.stat().st_size and header != b"SQLite format 3\x00":
        return "not an SQLite database"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None  # the full integrity check is ``channeldesk check`` (too slow for start-up)
