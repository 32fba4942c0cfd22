"""Database failures said in one translated line (``DataDirError``): the disk full,
read-only or failing, the database locked by another process beyond the busy timeout,
a damaged file; anything else is a bug and goes on as it is."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from app.errors import DataDirError
from app.i18n import tr
from app.paths import DataPaths
from db.engine import busy_timeout_ms


def _failure_text(exc: BaseException) -> tuple[str, int | None]:
    cause = getattr(exc, "orig", None) or exc
    return str(getattr(cause, "strerror", None) or cause).lower(), getattr(cause, "errno", None)


def is_storage_failure(exc: BaseException) -> bool:
    """The disk is full, read-only or failing (SQLite or the OS said so)."""
    from sqlalchemy.exc import OperationalError

    text, code = _failure_text(exc)
    if isinstance(exc, OSError):
        return code in (errno.ENOSPC, errno.EROFS, errno.EIO, errno.EDQUOT)
    return isinstance(exc, (OperationalError, sqlite3.OperationalError)) and any(
        word in text for word in ("disk is full", "disk i/o error", "readonly", "read-only")
    )


def storage_error(root: Path, exc: BaseException | str) -> DataDirError:
    text, code = (exc.lower(), None) if isinstance(exc, str) else _failure_text(exc)
    try:
        nearly_full = shutil.disk_usage(root if root.exists() else root.parent).free < 1024 * 1024
    except OSError:
        nearly_full = False
    if "disk is full" in text or code in (errno.ENOSPC, errno.EDQUOT) or nearly_full:
        return DataDirError(
            tr(
                "errors",
                "The disk holding {path} is full. Free some space and try again; nothing was changed.",
            ).format(path=root)
        )
    return DataDirError(
        tr(
            "errors",
            "Cannot write to {path} (the disk is full, read-only or failing). Nothing was changed.",
        ).format(path=root)
    )


def _is_locked(exc: BaseException) -> bool:
    """SQLite waited the whole busy timeout for another process's write lock."""
    text, _code = _failure_text(exc)
    return "database is locked" in text or "database table is locked" in text


def _is_damaged(exc: BaseException) -> bool:
    """SQLite found a damaged page or a file that is not a database."""
    text, _code = _failure_text(exc)
    return any(
        word in text
        for word in ("malformed", "file is not a database", "not a database", "database corrupt")
    )


def raise_translated(paths: DataPaths, exc: BaseException) -> None:
    """Raise ``operational_error`` for ``exc`` when there is one; return otherwise (the
    caller re-raises ``exc``)."""
    error = operational_error(paths, exc)
    if error is not None:
        raise error from exc


def operational_error(paths: DataPaths, exc: BaseException) -> DataDirError | None:
    """The one-line ``DataDirError`` for a database failure that is an operational problem
    (disk full or failing, locked by another process beyond the busy timeout, damaged
    file), else None (a bug)."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit, DataDirError)):
        return None
    cause = getattr(exc, "orig", None) or exc
    if not isinstance(cause, (sqlite3.Error, OSError)):
        return None
    if is_storage_failure(exc):
        return storage_error(paths.root, exc)
    if _is_locked(exc):
        return DataDirError(
            tr(
                "errors",
                "The database is busy: another program kept it locked for more than {seconds} seconds. "
                "Nothing was changed; try again when it has finished.",
            ).format(seconds=max(1, busy_timeout_ms() // 1000))
        )
    if _is_damaged(exc):
        return damaged_database_error(paths.database, _failure_text(exc)[0])
    return None


def damaged_database_error(database: Path, problem: str) -> DataDirError:
    return DataDirError(
        tr(
            "errors",
            "The database file {path} is damaged ({problem}). Nothing was changed; restore a backup "
            "with 'channeldesk restore' or move the file away.",
        ).format(path=database, problem=problem)
    )


def database_error(database: Path, exc: BaseException) -> DataDirError:
    """A one-line message for a database that cannot be opened or migrated (no SQL dump)."""
    if is_storage_failure(exc):
        return storage_error(database.parent, exc)
    text, _code = _failure_text(exc)
    return DataDirError(
        tr("errors", "Cannot open the database {path}: {error}").format(path=database, error=text)
    )
