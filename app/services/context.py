"""The application context every service works in: data paths, settings, the database
engine and session factory, the device identity and its hybrid logical clock.

``Changes`` is the small value every user action returns (Anki's ``OpChanges``): the
UI refreshes its views from it through one ``changed`` signal.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.hlc import HybridLogicalClock, Timestamp
from app.errors import DatabaseTooNewError, DataDirError
from app.i18n import tr
from app.logging_setup import setup_logging
from app.paths import DataPaths
from app.settings import Settings, load_settings, save_settings
from db.engine import check_sqlite_file

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

# SQLAlchemy and the models are imported on first use of ``ctx.engine`` / a session, not
# here: the GUI paints its first window from plain sqlite3 reads (``ctx.read_sql``) and
# loads the ORM afterwards (start-up time).

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def partner_lww_fields() -> tuple[str, ...]:
    from db.models import Partner

    return tuple(c.key for c in Partner.__table__.columns if c.key not in {"id", "hlc", "created_at", "updated_at", "field_hlc"})


_hlc_hook_installed = False


def _install_hlc_hook() -> None:
    global _hlc_hook_installed
    if not _hlc_hook_installed:
        from sqlalchemy import event
        from sqlalchemy.orm import Session

        event.listen(Session, "before_flush", _stamp_hlc)
        _hlc_hook_installed = True


@dataclass(frozen=True)
class Changes:
    """What a user action changed: entity names (table names) and optional ids."""

    entities: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    note: str = ""

    @classmethod
    def of(cls, *entities: str, ids: set[str] | frozenset[str] | None = None, note: str = "") -> Changes:
        return cls(frozenset(entities), frozenset(ids or ()), note)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entities | other.entities, self.ids | other.ids, self.note or other.note)

    def touches(self, *entities: str) -> bool:
        return bool(self.entities & set(entities))


@dataclass
class AppContext:
    paths: DataPaths
    settings: Settings
    clock: HybridLogicalClock | None = None
    _engine: Engine | None = None
    _session_factory: sessionmaker[Session] | None = None
    _lock: threading.RLock = field(default_factory=threading.RLock)
    _local: threading.local = field(default_factory=threading.local)
    _raw: list[sqlite3.Connection] = field(default_factory=list)

    # -- database ---------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (created, with the ORM, on first use)."""
        with self._lock:
            if self._engine is None:
                from db.engine import make_engine

                _install_hlc_hook()
                self._engine = make_engine(self.paths.database)
            return self._engine

    @property
    def session_factory(self) -> sessionmaker[Session]:
        with self._lock:
            if self._session_factory is None:
                from db.engine import make_session_factory

                self._session_factory = make_session_factory(self.engine)
            return self._session_factory

    def read_sql(self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read-only statement on this thread's plain sqlite3 connection (no
        ORM needed: list views and start-up use it). Reads see committed data only."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.paths.database, timeout=10, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA query_only=ON")
            with self._lock:
                self._raw.append(conn)
            self._local.conn = conn
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            if _is_storage_failure(exc):
                raise _storage_error(self.paths.root, exc) from exc
            raise

    # -- sessions -------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        session = self.session_factory()
        session.info["ctx"] = self
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            if _is_storage_failure(exc):
                raise _storage_error(self.paths.root, exc) from exc
            raise
        finally:
            session.close()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        session = self.session_factory()
        session.info["ctx"] = self
        try:
            yield session
        finally:
            session.close()  # ends the transaction; loaded objects stay readable (detached)

    # -- metadata -------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        rows = self.read_sql("SELECT value FROM app_meta WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_meta(self, key: str, value: str, session: Session | None = None) -> None:
        from db.models import AppMeta

        if session is not None:
            session.merge(AppMeta(key=key, value=value))
            return
        with self.session() as s:
            s.merge(AppMeta(key=key, value=value))

    @property
    def device_id(self) -> str | None:
        return self.meta("device_id")

    @property
    def user_name(self) -> str:
        return self.meta("user") or self.settings.user_name or ""

    @property
    def territory(self) -> list[str]:
        raw = self.meta("territory") or ""
        return [c for c in raw.split(",") if c]

    # -- clock ----------------------------------------------------------------
    def get_clock(self) -> HybridLogicalClock:
        """The device's HLC, loaded from ``app_meta`` (node ``local`` before init)."""
        with self._lock:
            if self.clock is None:
                node = self.device_id or "local"
                last_text = self.meta("hlc_last")
                last = None
                if last_text:
                    parsed = Timestamp.parse(last_text)
                    last = Timestamp(parsed.wall_ms, parsed.counter, node)
                self.clock = HybridLogicalClock(node=node, last=last)
            return self.clock

    def tick(self) -> str:
        with self._lock:
            return self.get_clock().tick()

    def save_settings(self) -> None:
        save_settings(self.paths.settings_file, self.settings)

    def close(self) -> None:
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            for conn in self._raw:
                conn.close()
            self._raw.clear()
            self._local = threading.local()


def _stamp_hlc(session: Session, _flush_context: Any, _instances: Any) -> None:
    """Stamp ``hlc`` on every new or changed syncing row (and per-field HLCs on partners)."""
    ctx: AppContext | None = session.info.get("ctx")
    if ctx is None or session.info.get("keep_hlc"):
        return
    from sqlalchemy import inspect

    from db.base import SyncMixin
    from db.models import AppMeta, Partner
    stamped = False
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, SyncMixin):
            continue
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        hlc = ctx.tick()
        obj.hlc = hlc
        stamped = True
        if isinstance(obj, Partner):
            field_hlc = dict(obj.field_hlc or {})
            state = inspect(obj)
            for key in partner_lww_fields():
                if obj in session.new or state.attrs[key].history.has_changes():
                    field_hlc[key] = hlc
            obj.field_hlc = field_hlc
    if stamped:
        session.merge(AppMeta(key="hlc_last", value=str(ctx.get_clock().last)))


def _check_writable(root: Path) -> None:
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            tr("errors", "Cannot create the data directory {path}: {error}").format(path=root, error=exc.strerror or exc)
        ) from exc
    if not os.access(root, os.W_OK):
        raise DataDirError(
            tr("errors", "The data directory {path} is read-only. Choose a writable folder with --data-dir.").format(path=root)
        )


def _failure_text(exc: BaseException) -> tuple[str, int | None]:
    cause = getattr(exc, "orig", None) or exc
    return str(getattr(cause, "strerror", None) or cause).lower(), getattr(cause, "errno", None)


def _is_storage_failure(exc: BaseException) -> bool:
    """The disk is full, read-only or failing (SQLite or the OS said so)."""
    from sqlalchemy.exc import OperationalError

    text, code = _failure_text(exc)
    if isinstance(exc, OSError):
        return code in (errno.ENOSPC, errno.EROFS, errno.EIO, errno.EDQUOT)
    return isinstance(exc, (OperationalError, sqlite3.OperationalError)) and any(
        word in text for word in ("disk is full", "disk i/o error", "readonly", "read-only"))


def _storage_error(root: Path, exc: BaseException | str) -> DataDirError:
    text, code = (exc.lower(), None) if isinstance(exc, str) else _failure_text(exc)
    try:
        nearly_full = shutil.disk_usage(root if root.exists() else root.parent).free < 1024 * 1024
    except OSError:
        nearly_full = False
    if "disk is full" in text or code in (errno.ENOSPC, errno.EDQUOT) or nearly_full:
        return DataDirError(tr("errors", "The disk holding {path} is full. Free some space and try again; nothing was changed.").format(path=root))
    return DataDirError(tr("errors", "Cannot write to {path} (the disk is full, read-only or failing). Nothing was changed.").format(path=root))


def _database_error(database: Path, exc: BaseException) -> DataDirError:
    """A one-line message for a database that cannot be opened or migrated (no SQL dump)."""
    if _is_storage_failure(exc):
        return _storage_error(database.parent, exc)
    text, _code = _failure_text(exc)
    return DataDirError(tr("errors", "Cannot open the database {path}: {error}").format(path=database, error=text))


def open_context(data_dir: str | os.PathLike[str] | None = None, *, initialise: bool = True) -> AppContext:
    """Open (creating and migrating when needed) the data dir's database.

    With ``initialise`` the device identity is created too when missing (``init``'s work).
    """
    from db.migrate import database_is_at_head

    paths = DataPaths.resolve(data_dir)
    _check_writable(paths.root)
    try:
        paths.ensure()
    except OSError as exc:
        raise DataDirError(
            tr("errors", "Cannot write to the data directory {path}: {error}").format(path=paths.root, error=exc.strerror or exc)
        ) from exc
    setup_logging(paths.logs)
    problem = check_sqlite_file(paths.database)
    if problem and any(word in problem.lower() for word in ("disk i/o error", "disk is full", "readonly", "read-only")):
        raise _storage_error(paths.root, problem)  # the file is fine; the disk is not
    if problem:
        raise DataDirError(
            tr(
                "errors",
                "The database file {path} is damaged ({problem}). Nothing was changed; restore a backup "
                "with 'channeldesk restore' or move the file away.",
            ).format(path=paths.database, problem=problem)
        )
    is_new = not paths.database.exists()
    engine = None
    if is_new or not database_is_at_head(paths.database):  # at head: no SQLAlchemy/Alembic import
        engine = _migrate(paths, is_new)
    settings = load_settings(paths.settings_file)
    ctx = AppContext(paths=paths, settings=settings, _engine=engine)
    if engine is not None:
        _install_hlc_hook()
    if initialise and ctx.device_id is None:
        from app.services.device import initialise_device

        initialise_device(ctx)
    return ctx


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
            raise _database_error(paths.database, exc) from exc
        raise
    return engine


def select_one_meta(session: Session, key: str) -> str | None:
    from sqlalchemy import select

    from db.models import AppMeta

    return session.scalar(select(AppMeta.value).where(AppMeta.key == key))
