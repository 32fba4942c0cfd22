"""The application context every service works in: data paths, settings, the database
engine and session factory, the device identity and its hybrid logical clock.

``Changes`` is the small value every user action returns (Anki's ``OpChanges``): the
UI refreshes its views from it through one ``changed`` signal.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.entities import Changes as Changes  # re-exported: services import it from here
from app.entities import Created as Created
from app.paths import DataPaths
from app.services.datadir import VERIFIED_NAME, DataDirLock
from app.services.db_errors import damaged_database_error, raise_translated
from app.settings import Settings, save_settings
from db.engine import busy_timeout_ms

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from app.domain.hlc import HybridLogicalClock, Timestamp

# SQLAlchemy and the models are imported on first use of ``ctx.engine`` / a session, not
# here: the GUI paints its first window from plain sqlite3 reads (``ctx.read_sql``) and
# loads the ORM afterwards (start-up time).

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def partner_lww_fields() -> tuple[str, ...]:
    from db.models.partners import partner_fields

    return partner_fields()


_hlc_hook_installed = False


def install_hlc_hook() -> None:
    global _hlc_hook_installed
    if not _hlc_hook_installed:
        from sqlalchemy import event
        from sqlalchemy.orm import Session

        event.listen(Session, "before_flush", _stamp_hlc)
        _hlc_hook_installed = True


@dataclass
class AppContext:
    paths: DataPaths
    settings: Settings
    clock: HybridLogicalClock | None = None
    _engine: Engine | None = None
    _session_factory: sessionmaker[Session] | None = None
    _lock: threading.RLock = field(default_factory=threading.RLock)
    # ``read_sql``'s connection of each thread, by thread id: not a ``threading.local``,
    # which PySide empties after every job a Qt pool thread runs (the thread's Python state
    # is made for the call and dropped after it), so each read opened and kept a connection
    _raw: dict[int, sqlite3.Connection] = field(default_factory=dict)
    dir_lock: DataDirLock | None = None
    _verified: bool = False
    _reading: int = 0  # statements running in ``read_sql`` (``close`` waits for them)
    _idle: threading.Condition = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._idle = threading.Condition(self._lock)

    # -- database ---------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (created, with the ORM, on first use)."""
        with self._lock:
            if self._engine is None:
                from db.engine import make_engine

                install_hlc_hook()
                self._engine = make_engine(self.paths.database)
            return self._engine

    @property
    def session_factory(self) -> sessionmaker[Session]:
        with self._lock:
            if self._session_factory is None:
                from db.engine import make_session_factory

                self._session_factory = make_session_factory(self.engine)
            return self._session_factory

    def read_sql(
        self, sql: str, params: dict[str, Any] | tuple[Any, ...] = ()
    ) -> list[tuple[Any, ...]]:
        """Rows of one read-only statement on this thread's plain sqlite3 connection (no
        ORM needed: list views and start-up use it). Reads see committed data only."""
        thread = threading.get_ident()  # no two live threads share an id
        conn = self._raw.get(thread)
        if conn is None:
            conn = sqlite3.connect(
                self.paths.database,
                timeout=busy_timeout_ms() / 1000,
                check_same_thread=False,
                isolation_level=None,
            )
            conn.execute("PRAGMA query_only=ON")
            with self._lock:
                self._raw[thread] = conn
        with self._lock:
            self._reading += 1
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise_translated(self.paths, exc)
            raise
        finally:
            with self._lock:
                self._reading -= 1
                if not self._reading:
                    self._idle.notify_all()

    # -- sessions -------------------------------------------------------------
    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write session that commits on success and rolls back on error.

        It begins with ``BEGIN IMMEDIATE``: SQLite's write lock is taken before anything
        is read or stamped, and the clock is first moved past the newest stamp any process
        saved (``hlc_last``), so HLC order is commit order across processes: an export
        that has seen a stamp has seen every row stamped before it."""
        session = self.session_factory()
        session.info["ctx"] = self
        try:
            start = self._begin_write(session)
            yield session
            self._save_clock(session, start)
            session.commit()
        except BaseException as exc:
            session.rollback()
            raise_translated(self.paths, exc)
            raise
        finally:
            session.close()

    def _begin_write(self, session: Session) -> Timestamp | None:
        conn = session.connection()
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        saved = conn.exec_driver_sql("SELECT value FROM app_meta WHERE key = 'hlc_last'").scalar()
        return self.adopt_saved_hlc(saved)

    def adopt_saved_hlc(self, saved: str | None) -> Timestamp | None:
        """Move the clock past ``saved``, the newest stamp any process committed (read
        under the write lock); return the clock's last stamp."""
        from app.domain.hlc import Timestamp  # on the first write: not needed to start

        with self._lock:
            clock = self.get_clock()
            if saved:
                with contextlib.suppress(ValueError):
                    parsed = Timestamp.parse(saved)
                    if clock.last is None or (parsed.wall_ms, parsed.counter) > (
                        clock.last.wall_ms,
                        clock.last.counter,
                    ):
                        clock.last = Timestamp(parsed.wall_ms, parsed.counter, clock.node)
            return clock.last

    def _save_clock(self, session: Session, start: Timestamp | None) -> None:
        """Persist the clock when this session ticked it (bulk inserts stamp without the
        flush hook), so the next writer of any process stamps after it."""
        from db.models import AppMeta

        last = self.get_clock().last
        if last is not None and last != start:
            session.merge(AppMeta(key="hlc_last", value=str(last)))

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        session = self.session_factory()
        session.info["ctx"] = self
        try:
            yield session
        except BaseException as exc:
            raise_translated(self.paths, exc)
            raise
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
        return self.meta("user") or ""

    @property
    def territory(self) -> list[str]:
        raw = self.meta("territory") or ""
        return [c for c in raw.split(",") if c]

    # -- clock ----------------------------------------------------------------
    def get_clock(self) -> HybridLogicalClock:
        """The device's HLC, loaded from ``app_meta`` (node ``local`` before init)."""
        from app.domain.hlc import HybridLogicalClock, Timestamp  # on the first write

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

    def tick_committed(self) -> str:
        """A stamp after every row committed so far and before every row any process
        commits later (taken under the write lock, like ``session``'s stamps, and saved):
        the upper bound of an export, whose reads then see exactly the rows up to it."""
        with self.session():
            return self.tick()

    def save_settings(self) -> None:
        save_settings(self.paths.settings_file, self.settings)

    # -- integrity -----------------------------------------------------------
    def verify_database(self) -> None:
        """``PRAGMA quick_check`` unless the file is unchanged since a check passed (the
        CLI runs this before every command: a damaged page anywhere is a clear refusal,
        not a success that skipped it; ~0.5 s per 100 MB, paid once after a change
        by another process). A ``DataDirError`` when the database is damaged."""
        key = self._file_key()
        try:
            if json.loads(self._verified_file().read_text(encoding="utf-8")) == key:
                self._verified = True
                return
        except (OSError, ValueError):
            pass
        conn = sqlite3.connect(
            f"file:{self.paths.database}?mode=ro", uri=True, timeout=busy_timeout_ms() / 1000
        )
        try:
            lines = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.Error as exc:
            raise_translated(self.paths, exc)
            raise
        finally:
            conn.close()
        if lines != ["ok"]:
            raise damaged_database_error(
                self.paths.database, "quick_check: " + "; ".join(map(str, lines))
            )
        self._verified = True
        self._remember_verified()

    def _verified_file(self) -> Path:
        return self.paths.lock_holders / VERIFIED_NAME

    def _file_key(self) -> list[int]:
        key: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(f"{self.paths.database}{suffix}")
            except OSError:
                key += [0, 0, 0]
                continue
            # an empty WAL holds nothing: the same database as no WAL (each process's
            # first connection creates one, its last removes it)
            key += (
                [st.st_ino, st.st_size, st.st_mtime_ns] if st.st_size or not suffix else [0, 0, 0]
            )
        return key

    def _remember_verified(self) -> None:
        """The file as this process leaves it passed the check (its own writes went through SQLite)."""
        with contextlib.suppress(OSError):
            self._verified_file().parent.mkdir(mode=0o700, exist_ok=True)
            self._verified_file().write_text(json.dumps(self._file_key()), encoding="utf-8")

    def temporary(self, path: Path) -> contextlib.AbstractContextManager[None]:
        """Note a half-written output outside the data dir for removal at the next start
        should this process be killed before it is done (``DataDirLock.temporary``)."""
        if self.dir_lock is None:
            return contextlib.nullcontext()
        return self.dir_lock.temporary(path)

    def close(self) -> None:
        """Close the connections and release the data dir. A statement still running on a
        reader thread (a read an op started, say, as its window went away) is waited for
        first: closing a connection under a running statement crashes the process."""
        with self._lock:
            self._idle.wait_for(lambda: not self._reading, timeout=30)
            if self._engine is not None:
                self._engine.dispose()
            for conn in self._raw.values():
                conn.close()
            self._raw.clear()
            if self._verified:
                self._remember_verified()
                self._verified = False
            if self.dir_lock is not None:
                self.dir_lock.release()


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


def select_one_meta(session: Session, key: str) -> str | None:
    from sqlalchemy import select

    from db.models import AppMeta

    return session.scalar(select(AppMeta.value).where(AppMeta.key == key))
