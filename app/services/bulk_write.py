"""Bulk writes for imports with plain ``sqlite3`` and ``executemany`` (the ORM's unit of
work costs ~1 ms a row; this ~5 µs).

``write_transaction`` takes SQLite's write lock first (``BEGIN IMMEDIATE``) and only then
moves the device's clock past the last stamp any process committed (``app_meta``
``hlc_last``), as ``AppContext.session`` does and with its busy timeout
(``db.engine.busy_timeout_ms``) and its translated errors (database busy, disk full,
damaged file), so every HLC stamped inside it is later than every committed one and
commit order equals HLC order: a sync export taken meanwhile cannot move its watermark
past rows that commit later. ``RowInserter`` turns dicts into rows of a model's table,
filling the columns a caller leaves out with the model's defaults."""

from __future__ import annotations

import datetime as dt
import gc
import json
import operator
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from app.domain.hlc import MAX_COUNTER, Timestamp
from app.services.context import AppContext
from app.services.db_errors import raise_translated
from app.services.import_tables import TableSpec
from db.engine import busy_timeout_ms


def sql_value(value: Any) -> Any:
    """A Python value as SQLAlchemy stores it in SQLite (booleans 0/1, naive UTC
    datetimes, ISO dates, JSON text)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return json.dumps(value)
    return value


class RowInserter:
    """``INSERT`` of dict rows into one model's table. Values must be in SQL form already
    (``sql_value``); columns missing from a dict get the model's default (as the ORM
    would give them)."""

    def __init__(self, model: Any) -> None:
        table = model.__table__
        self.table = table.name
        self.columns = [c.key for c in table.columns]
        self.static: dict[str, Any] = {}
        self.dynamic: list[
            tuple[str, Any]
        ] = []  # called per row when missing (ids, times, empty JSON)
        for column in table.columns:
            default = column.default
            if default is not None and callable(default.arg):
                self.dynamic.append((column.key, default.arg))
            else:
                self.static[column.key] = None if default is None else sql_value(default.arg)
        self._prepare()

    @classmethod
    def from_spec(cls, spec: TableSpec) -> RowInserter:
        """The inserter of a table described by ``app.services.import_tables`` (no ORM);
        its rows must give every column whose default is made per row."""
        inserter = cls.__new__(cls)
        inserter.table, inserter.columns = spec.table, list(spec.columns)
        inserter.static = dict(spec.static)
        inserter.dynamic = [(key, _must_be_given(spec.table, key)) for key in spec.made_per_row]
        inserter._prepare()
        return inserter

    def _prepare(self) -> None:
        self._pick = operator.itemgetter(*self.columns)
        self.sql = f"INSERT INTO {self.table} ({', '.join(self.columns)}) VALUES ({', '.join('?' * len(self.columns))})"

    def row(self, values: dict[str, Any]) -> tuple[Any, ...]:
        full = {**self.static, **values}
        for key, make in self.dynamic:
            if key not in values:
                full[key] = sql_value(make(None))
        return self._pick(full)  # type: ignore[no-any-return]

    def insert(self, conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.executemany(self.sql, map(self.row, rows))

    def maker(self, fields: Sequence[str], **constants: Any) -> Callable[..., tuple[Any, ...]]:
        """A fast row builder: ``make(*values)`` (SQL-ready values of ``fields`` in order) →
        the row, with ``constants`` and the model's defaults in the other columns. Every
        column whose default is made per row (ids, times) must be in ``fields``."""
        fixed: list[Any] = []
        picks: list[int] = []
        missing = [key for key, _make in self.dynamic if key not in fields and key not in constants]
        if missing:
            raise ValueError(f"{self.table}: give {', '.join(missing)}")
        for key in self.columns:
            if key in fields:
                picks.append(-1 - list(fields).index(key))
            else:
                picks.append(len(fixed))
                fixed.append(sql_value(constants[key]) if key in constants else self.static[key])
        base = tuple(fixed)
        pick = operator.itemgetter(*[i if i >= 0 else len(base) + (-1 - i) for i in picks])

        def make(*values: Any) -> tuple[Any, ...]:
            return pick(base + values)  # type: ignore[no-any-return]

        return make

    def select_sql(
        self, exprs: dict[str, str], constants: dict[str, Any]
    ) -> tuple[str, dict[str, Any]]:
        """``INSERT INTO table (every column) SELECT …`` (the caller adds ``FROM …``): SQL
        ``exprs`` for some columns, ``constants`` and the model's defaults (as named
        parameters) for the others, as ``maker`` fills them."""
        missing = [key for key, _make in self.dynamic if key not in exprs and key not in constants]
        if missing:
            raise ValueError(f"{self.table}: give {', '.join(missing)}")
        picks: list[str] = []
        params: dict[str, Any] = {}
        for index, key in enumerate(self.columns):
            if key in exprs:
                picks.append(exprs[key])
            else:
                params[f"c{index}"] = (
                    sql_value(constants[key]) if key in constants else self.static[key]
                )
                picks.append(f":c{index}")
        sql = f"INSERT INTO {self.table} ({', '.join(self.columns)}) SELECT {', '.join(picks)}"
        return sql, params


_RUNTIME_LOCK = threading.Lock()
_runtime_depth = 0
_runtime_saved: tuple[bool, float] = (True, 0.005)
# a thread that comes back from SQLite for its next statement waits this long at most
# for the GIL while another thread runs Python (CPython's default is 5 ms)
BULK_SWITCH_INTERVAL = 0.0005


@contextmanager
def bulk_runtime() -> Iterator[None]:
    """Python's settings for a bulk write, restored afterwards: the cyclic garbage
    collector off (an import allocates millions of short-lived tuples and makes no
    cycles; its collections were ~8 % of the import's CPU) and a shorter GIL switch
    interval, so a thread running SQL without the GIL (``partner_import_stage``'s mover)
    gets it back quickly between its statements instead of waiting up to 5 ms each time
    (~2 s over a 100 000-row import). Process-wide; nesting and threads are counted."""
    global _runtime_depth, _runtime_saved
    with _RUNTIME_LOCK:
        if _runtime_depth == 0:
            _runtime_saved = (gc.isenabled(), sys.getswitchinterval())
            gc.disable()
            sys.setswitchinterval(min(BULK_SWITCH_INTERVAL, _runtime_saved[1]))
        _runtime_depth += 1
    try:
        yield
    finally:
        with _RUNTIME_LOCK:
            _runtime_depth -= 1
            if _runtime_depth == 0:
                enabled, interval = _runtime_saved
                sys.setswitchinterval(interval)
                if enabled:
                    gc.enable()


def _must_be_given(table: str, key: str) -> Callable[[Any], Any]:
    def missing(_context: Any) -> Any:
        raise ValueError(f"{table}: give {key}")

    return missing


def reserve_hlcs(ctx: AppContext, count: int) -> list[str]:
    """``count`` increasing HLC stamps of this device, as ``count`` calls of ``ctx.tick()``
    would give (~1 µs each instead of ~8)."""
    with ctx._lock:
        clock = ctx.get_clock()
        now = clock.wall()
        last = clock.last
        wall, counter = (
            (now, -1) if last is None or now > last.wall_ms else (last.wall_ms, last.counter)
        )
        node = clock.node
        out: list[str] = []
        while len(out) < count:  # one run of counters per wall millisecond
            first = counter + 1
            if first > MAX_COUNTER:
                wall, first = wall + 1, 0
            counter = min(MAX_COUNTER, first + count - len(out) - 1)
            head, tail = f"{wall:015d}:", f":{node}"
            out += [f"{head}{c:06d}{tail}" for c in range(first, counter + 1)]
        if out:
            clock.last = Timestamp(wall, counter, node)
    return out


@contextmanager
def write_transaction(ctx: AppContext, *, write: bool = True) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection in one transaction, committed on success and rolled back
    on any error (also ``Cancelled``). With ``write`` the write lock is taken first
    (``BEGIN IMMEDIATE``) and ``ctx.tick()`` stamps later than any committed HLC; the
    clock's last stamp is saved in the same transaction. Without ``write`` it only reads
    (a dry run) and rolls back."""
    conn = sqlite3.connect(
        ctx.paths.database,
        timeout=busy_timeout_ms() / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute(
            "PRAGMA cache_size=-32768"
        )  # 32 MiB: a large transaction's index pages stay in memory
        try:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except sqlite3.Error as exc:
            raise_translated(ctx.paths, exc)
            raise
        try:
            if write:
                row = conn.execute("SELECT value FROM app_meta WHERE key = 'hlc_last'").fetchone()
                ctx.adopt_saved_hlc(row[0] if row else None)
            yield conn
            if write:
                last = ctx.get_clock().last
                if last is not None:
                    conn.execute(
                        "INSERT INTO app_meta(key, value) VALUES ('hlc_last', ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                        (str(last),),
                    )
                conn.execute("COMMIT")
            else:
                conn.execute("ROLLBACK")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise_translated(ctx.paths, exc)
            raise
    finally:
        conn.close()
