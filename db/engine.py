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
    return sqlite_file_state(path)[0]


def sqlite_file_state(path: Path) -> tuple[str | None, str | None]:
    """``check_sqlite_file``'s answer and the Alembic revision the file is at (None when it
    has none), from one connection: the first statement of a connection reads the whole
    schema (some 200 tables, indexes and triggers: a few ms at every start)."""
    if not path.exists():
        return None, None
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return str(exc), None
    if path.stat().st_size and header != b"SQLite format 3\x00":
        return "not an SQLite database", None
    revision = None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            try:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row else None
            except sqlite3.OperationalError:  # no alembic_version table (yet)
                revision = None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc), None
    return (
        None,
        revision,
    )  # the full integrity check is ``channeldesk check`` (too slow for start-up)
