"""Opening a data dir: its lock, the tidy after killed processes, the checks of the
database file, its creation (owner-only) or migration to the head revision, and the
device identity on first use; what comes back is the ``AppContext`` every service
works in."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import DatabaseTooNewError, DataDirError
from app.i18n import tr
from app.logging_setup import setup_logging
from app.paths import DataPaths, make_private
from app.services.context import AppContext, install_hlc_hook
from app.services.datadir import DataDirLock, tidy
from app.services.db_errors import (
    damaged_database_error,
    database_error,
    is_storage_failure,
    storage_error,
)
from app.settings import load_settings
from db.engine import sqlite_file_state

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)


def _check_writable(root: Path) -> None:
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            tr("errors", "Cannot create the data directory {path}: {error}").format(
                path=root, error=exc.strerror or exc
            )
        ) from exc
    if not os.access(root, os.W_OK):
        raise DataDirError(
            tr(
                "errors",
                "The data directory {path} is read-only. Choose a writable folder with --data-dir.",
            ).format(path=root)
        )


def open_context(
    data_dir: str | os.PathLike[str] | None = None,
    *,
    initialise: bool = True,
    exclusive: bool = False,
) -> AppContext:
    """Open (creating and migrating when needed) the data dir's database.

    The data dir lock is held (shared; ``exclusive`` for ``init`` over existing data, and
    while a migration runs) until ``close``. With ``initialise`` the device identity is
    created too when missing (``init``'s work).
    """
    paths = DataPaths.resolve(data_dir)
    _check_writable(paths.root)
    lock = DataDirLock(paths)
    try:
        ctx = _open_locked(paths, lock, initialise, exclusive)
    except BaseException:
        lock.release()
        raise
    return ctx


def _open_locked(
    paths: DataPaths, lock: DataDirLock, initialise: bool, exclusive: bool
) -> AppContext:
    from db.migrate import is_head

    try:
        if lock.try_exclusive():  # nobody else has the data dir open: tidy after killed processes
            freed = tidy(paths, lock)
            if freed:
                log.info("removed %d bytes of temporary files left by an interrupted run", freed)
        else:
            lock.acquire(exclusive=False)
        paths.ensure()
    except OSError as exc:
        if is_storage_failure(exc):
            raise storage_error(paths.root, exc) from exc
        raise DataDirError(
            tr("errors", "Cannot write to the data directory {path}: {error}").format(
                path=paths.root, error=exc.strerror or exc
            )
        ) from exc
    setup_logging(paths.logs)
    problem, revision = sqlite_file_state(paths.database)
    if problem and any(
        word in problem.lower()
        for word in ("disk i/o error", "disk is full", "readonly", "read-only")
    ):
        raise storage_error(paths.root, problem)  # the file is fine; the disk is not
    if problem:
        raise damaged_database_error(paths.database, problem)
    missing = not paths.database.exists() or paths.database.stat().st_size == 0
    if missing and _holds_data(paths):
        raise DataDirError(
            tr(
                "errors",
                "The database {path} is missing or empty, but this data directory holds data (the "
                "device key or photos). "
                "Nothing was changed; restore a backup with 'channeldesk restore FILE --force'.",
            ).format(path=paths.database)
        )
    is_new = not paths.database.exists()
    engine = None
    if exclusive and not is_new:
        lock.acquire(exclusive=True, action=tr("errors", "initialise it again"))
    if is_new or not is_head(revision):  # at head: no SQLAlchemy/Alembic import
        lock.acquire(exclusive=True, action=tr("errors", "upgrade the database"))
        if is_new:
            try:
                _create_private(paths.database)
            except OSError as exc:
                raise database_error(paths.database, exc) from exc
        engine = _migrate(paths, is_new)
    if not exclusive:
        lock.downgrade()
    make_private(paths.database)
    settings = load_settings(paths.settings_file)
    ctx = AppContext(paths=paths, settings=settings, _engine=engine, dir_lock=lock)
    if engine is not None:
        install_hlc_hook()
    if initialise and ctx.device_id is None:
        from app.services.device import initialise_device

        initialise_device(ctx)
    return ctx


def _holds_data(paths: DataPaths) -> bool:
    """A device key or any stored photo: the data dir was in use, its database must not be
    silently re-created (a new device identity over the old key, visits gone)."""
    if paths.device_private_key.exists():
        return True
    try:
        return any(
            any(p.is_file() for p in sub.iterdir()) for sub in paths.media.iterdir() if sub.is_dir()
        )
    except OSError:
        return False


def _create_private(database: Path) -> None:
    """Create the empty database file owner-only (SQLite gives its -wal and -shm the same mode)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _migrate(paths: DataPaths, is_new: bool) -> Engine:
    """Create or upgrade the database to the head revision; returns its engine."""
    from db.engine import make_engine
    from db.migrate import UnknownRevisionError, upgrade_to_head

    engine = make_engine(paths.database)
    try:
        upgrade_to_head(engine, paths.database, paths.backups)
    except UnknownRevisionError as exc:
        engine.dispose()
        raise DatabaseTooNewError(exc.found, exc.head) from exc
    except Exception as exc:
        engine.dispose()
        if is_new:  # never leave a half-created database behind (e.g. the disk is full)
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, (OperationalError, sqlite3.OperationalError, OSError)):
            raise database_error(paths.database, exc) from exc
        raise
    return engine
