"""HQ's ``record`` table, read and written in bulk: set-based lookups of existing records
and the writer that upserts merged records (``executemany`` on SQLite, ``COPY`` on
PostgreSQL) in the ingest's one transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any, cast

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from db.hq.models import VISIT_CHILDREN, HqConflict
from db.models import SYNC_TABLES

BATCH = 2000  # records merged and written per statement
LOOKUP = 500  # ids per IN (...) lookup on SQLite
PG_FLUSH = 100_000  # merged records buffered for one COPY on PostgreSQL


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False
)


def dump_json(value: Any) -> str:
    """Compact JSON text (UTF-8, no NaN) of a value to store in a JSON column."""
    return _ENCODER.encode(value)


def json_value(value: Any) -> Any:
    """A JSON column as read by the driver: text on SQLite, parsed on PostgreSQL."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def entities_with_records(s: Session) -> set[str]:
    """The sync entities HQ holds at least one record of (one query; an index probe per
    entity). ``find_records`` looks nothing up in the others."""
    raw: Any = s.connection().connection.driver_connection
    names = sorted(SYNC_TABLES)
    if s.get_bind().dialect.name == "postgresql":
        with raw.cursor() as cur:
            cur.execute(
                "SELECT e FROM unnest(%s::text[]) AS e WHERE EXISTS (SELECT 1 FROM record WHERE entity = e)",
                (names,),
            )
            return {e for (e,) in cur.fetchall()}
    return {
        e
        for e in names
        if raw.execute("SELECT 1 FROM record WHERE entity = ? LIMIT 1", (e,)).fetchone() is not None
    }


def find_records(
    s: Session, entity: str, ids: Iterable[str], columns: str, populated: set[str] | None = None
) -> list[tuple[Any, ...]]:
    """Rows (``columns`` of ``record``) of the given ids of one entity, on the session's
    connection: ``id = ANY(array)`` on PostgreSQL (the ids sent as one JSON text: psycopg
    quotes a list of strings element by element, ~0.35 s per 100 000 ids), ``IN (?, …)``
    in chunks on SQLite. Nothing is looked up when HQ has no record of the entity yet
    (one probe, or ``populated``, from ``entities_with_records`` on this transaction)."""
    if populated is not None and entity not in populated:
        return []
    raw: Any = s.connection().connection.driver_connection
    if s.get_bind().dialect.name == "postgresql":
        with raw.cursor() as cur:
            cur.execute("SELECT 1 FROM record WHERE entity = %s LIMIT 1", (entity,))
            wanted = sorted(set(ids)) if cur.fetchone() is not None else []
            if not wanted:
                return []
            cur.execute(
                f"SELECT {columns} FROM record WHERE entity = %s AND id = ANY(ARRAY(SELECT "
                "json_array_elements_text(%s::json)))",
                (entity, json.dumps(wanted)),
            )
            return list(cur.fetchall())
    wanted = (
        sorted(set(ids))
        if raw.execute("SELECT 1 FROM record WHERE entity = ? LIMIT 1", (entity,)).fetchone()
        is not None
        else []
    )
    found: list[tuple[Any, ...]] = []
    for chunk in chunks(wanted, LOOKUP):
        marks = ", ".join("?" * len(chunk))
        found.extend(
            raw.execute(
                f"SELECT {columns} FROM record WHERE entity = ? AND id IN ({marks})",
                (entity, *chunk),
            ).fetchall()
        )
    return found


RECORD_COLUMNS = ("entity", "id", "hlc", "device_id", "voided", "data", "field_hlc", "bundle_id")
# PostgreSQL: a visit's fields, and a visit child's visit id (``VISIT_CHILDREN``), as plain
# columns of ``record`` (HQ migrations hq0003 and hq0005), NULL for every other entity;
# the ingest sends them in its COPY, computed from the record it decoded anyway, so the
# server parses no JSON to store them or their indexes
VISIT_COLUMNS = {
    "visit_started": "started_at",
    "visit_status": "status",
    "visit_partner": "partner_id",
    "visit_score": "score",
}
PARENT_COLUMN = "visit_parent"
PG_COLUMNS = (*RECORD_COLUMNS, *VISIT_COLUMNS, PARENT_COLUMN)
_NO_VISIT = "\\N\t\\N\t\\N\t\\N"
NEITHER = _NO_VISIT + "\t\\N"  # the plain columns of any other entity, as COPY text


def json_text(value: Any) -> str | None:
    """What PostgreSQL's ``data ->> key`` gives for a field of the stored JSON (text HQ
    wrote with ``dump_json`` or the sync format's encoder, which write numbers alike):
    a string as it is, a number or boolean as its JSON text, None for null or absent."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if type(value) is int or type(value) is float:  # as the JSON encoders write them
        return repr(value)
    return dump_json(value)


def visit_copy(data: dict[str, Any]) -> str:
    """The plain columns of a visit's ``data``, as COPY text (tab-separated, ``\\N`` for
    NULL)."""
    texts = [json_text(data.get(key)) for key in VISIT_COLUMNS.values()]
    return "\t".join("\\N" if t is None else _copy_escape(t) for t in texts) + "\t\\N"


def child_copy(data: dict[str, Any]) -> str:
    """The plain columns of a visit child's ``data`` (its ``visit_id``), as COPY text."""
    value = data.get("visit_id")
    if type(value) is str and "\\" not in value and value.isprintable():
        return f"{_NO_VISIT}\t{value}"  # (a UUID, as the schema wants it)
    text = json_text(value)
    return NEITHER if text is None else f"{_NO_VISIT}\t{_copy_escape(text)}"


def _neither(data: dict[str, Any]) -> str:
    return NEITHER


def pg_tail(entity: str) -> Callable[[dict[str, Any]], str]:
    """The COPY text of the plain columns of an ``entity`` record, given its data."""
    if entity == "visit":
        return visit_copy
    return child_copy if entity in VISIT_CHILDREN else _neither


def _no_tail(data: dict[str, Any]) -> tuple[()]:
    return ()


def _copy_escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _plain(text: str, rows: int, backslashes: int) -> bool:
    """Whether ``rows`` lines of ``PG_COLUMNS`` joined as they stand are COPY text
    already: their tabs between columns and one newline each, no carriage return, and no
    backslash but the ``backslashes`` of their plain columns (already COPY text)."""
    return (
        text.count("\\") == backslashes
        and "\r" not in text
        and text.count("\n") == rows
        and text.count("\t") == (len(PG_COLUMNS) - 1) * rows
    )


def copy_text(values: Iterable[tuple[Any, ...]]) -> str:
    """Rows of ``record`` (``RECORD_COLUMNS`` order: ``voided`` a bool, every other
    column text; then the plain columns as COPY text, ``pg_tail``)
    as ``COPY … (PG_COLUMNS) FROM STDIN`` reads them in its text format, built in one
    pass (psycopg's ``write_row`` costs ~4 µs a row): tab between columns, a newline
    after each row, backslash, tab, newline and carriage return escaped. The rows are
    first joined as they stand and the whole text checked in a few C scans; only when
    some value needs an escape is each row checked, and that one built escaped."""
    rows = values if isinstance(values, list) else list(values)
    text = "".join(
        [
            f"{entity}\t{rid}\t{hlc}\t{device}\t{'t' if voided else 'f'}\t{data}\t{field_hlc}\t{bundle}\t{visit}\n"
            for entity, rid, hlc, device, voided, data, field_hlc, bundle, visit in rows
        ]
    )
    tails = [row[8] for row in rows]
    if _plain(text, len(rows), sum(map(str.count, tails, repeat("\\", len(tails))))):
        return text
    lines = []
    for entity, rid, hlc, device, voided, data, field_hlc, bundle, visit in rows:
        row = (entity, rid, hlc, device, "t" if voided else "f", data, field_hlc, bundle)
        line = "\t".join(row)
        if "\\" in line or "\r" in line or "\n" in line or line.count("\t") != 7:
            line = "\t".join(map(_copy_escape, row))
        lines.append(f"{line}\t{visit}\n")
    return "".join(lines)


# one merged record: id, hlc, voided, data, field_hlc, and the JSON text of data when it
# is the bundle's own (None: encode data)
Upsert = tuple[str, str, bool, dict[str, Any], dict[str, Any], str | None]


@dataclass
class Carry:
    """Per entity during one ingest: the records that existed before it, the ids that
    occur more than once in the bundle, and their latest merged values."""

    existing: dict[str, tuple[str, bool, dict[str, Any], dict[str, Any]]]
    repeated: set[str]
    merged: dict[str, Upsert] = field(default_factory=dict)
    # the ids HQ held before this ingest (``existing`` also gains repeated new ids)
    held: frozenset[str] = frozenset()


class RecordWriter:
    """Bulk writes into ``record`` on the session's own connection and transaction:
    ``executemany`` of ``INSERT … ON CONFLICT DO UPDATE`` on SQLite; on PostgreSQL
    ``COPY`` into a temporary staging table, then ``INSERT … SELECT … ON CONFLICT``."""

    def __init__(self, s: Session, dialect: str) -> None:
        self.s = s
        self.dialect = dialect
        self.raw: Any = cast(Any, s.connection().connection.driver_connection)
        self.staged = False
        self.new: list[tuple[Any, ...]] = []  # PostgreSQL rows not yet written (see upsert)
        self.changed: dict[tuple[str, str], tuple[Any, ...]] = {}
        # one ingest at a time: the merge reads, then writes, the same records
        if dialect == "postgresql":
            s.execute(text("LOCK TABLE record IN SHARE ROW EXCLUSIVE MODE"))
        elif not self.raw.in_transaction:
            self.raw.execute("BEGIN IMMEDIATE")
        if dialect == "postgresql":
            update = ", ".join(f"{c} = excluded.{c}" for c in PG_COLUMNS[2:])
            columns = ", ".join(PG_COLUMNS)
            self.sql = (
                f"INSERT INTO record ({columns}) SELECT {columns} FROM record_stage "
                f"ON CONFLICT (entity, id) DO UPDATE SET {update}"
            )
        else:
            update = ", ".join(f"{c} = excluded.{c}" for c in RECORD_COLUMNS[2:])
            columns = ", ".join(RECORD_COLUMNS)
            marks = ", ".join("?" for _ in RECORD_COLUMNS)
            self.sql = (
                f"INSERT INTO record ({columns}) VALUES ({marks}) "
                f"ON CONFLICT (entity, id) DO UPDATE SET {update}"
            )

    def tail(self, entity: str) -> Callable[[dict[str, Any]], tuple[str, ...]]:
        """What follows a row's ``RECORD_COLUMNS`` for this database, given its ``data``:
        nothing on SQLite; on PostgreSQL the plain columns (``pg_tail``)."""
        if self.dialect != "postgresql":
            return _no_tail
        plain = pg_tail(entity)
        return lambda data: (plain(data),)

    def existing(
        self, entity: str, ids: set[str], populated: set[str] | None = None
    ) -> dict[str, tuple[str, bool, dict[str, Any], dict[str, Any]]]:
        found: dict[str, tuple[str, bool, dict[str, Any], dict[str, Any]]] = {}
        for rid, hlc, voided, data, field_hlc in find_records(
            self.s, entity, ids, "id, hlc, voided, data, field_hlc", populated
        ):
            found[rid] = (hlc, bool(voided), json_value(data), json_value(field_hlc) or {})
        return found

    def upsert(
        self, entity: str, device_id: str, bundle_id: str, rows: Iterable[Upsert], fresh: set[str]
    ) -> None:
        """Write merged records. ``fresh`` ids did not exist before this ingest (looked up
        under the table lock, and not written by an earlier chunk): on PostgreSQL they are
        copied straight into ``record``; the others go through the staging table and
        ``INSERT … ON CONFLICT``. A row's ``data`` is stored as the bundle's own text when
        the merge kept it unchanged, else encoded."""
        dump = dump_json
        tail = self.tail(entity)
        values = [
            (
                entity,
                rid,
                hlc,
                device_id,
                voided,
                data_text if data_text is not None else dump(data),
                dump(fh) if fh else "{}",
                bundle_id,
                *tail(data),
            )
            for rid, hlc, voided, data, fh, data_text in rows
        ]
        self.write(entity, values, fresh)

    def write(self, entity: str, values: list[tuple[Any, ...]], fresh: set[str] | None) -> None:
        """Write rows in ``RECORD_COLUMNS`` order, each followed by ``tail(entity)`` of
        its data; ``fresh`` as for ``upsert`` (None: all of them are)."""
        if not values:
            return
        if self.dialect != "postgresql":
            self.raw.cursor().executemany(self.sql, values)
            return
        # PostgreSQL: buffered, so that one long COPY streams while the server inserts
        # (one COPY per chunk waited for the server each time); the merge reads nothing
        # back from the table, so writing later changes nothing. A record written again
        # replaces its buffered value (the later merge includes the earlier one).
        if fresh is None:
            self.new.extend(values)
        else:
            for value in values:
                if value[1] in fresh:
                    self.new.append(value)
                else:
                    self.changed[(entity, value[1])] = value
        if len(self.new) + len(self.changed) >= PG_FLUSH:
            self.flush()

    def flush(self) -> None:
        """Write what PostgreSQL rows are buffered: new records straight into ``record``,
        then the others through the staging table and ``INSERT … ON CONFLICT``."""
        if not self.new and not self.changed:
            return
        with self.raw.cursor() as cur:
            if self.new:
                with cur.copy(f"COPY record ({', '.join(PG_COLUMNS)}) FROM STDIN") as copy:
                    copy.write(copy_text(self.new))
                self.new = []
            if not self.changed:
                return
            if not self.staged:
                cur.execute(
                    "CREATE TEMPORARY TABLE record_stage (entity text, id text, hlc text, "
                    "device_id text, voided boolean, "
                    "data json, field_hlc json, bundle_id text, visit_started text, "
                    "visit_status text, visit_partner text, visit_score text, visit_parent text) "
                    "ON COMMIT DROP"
                )
                self.staged = True
            else:
                cur.execute("TRUNCATE record_stage")
            with cur.copy(f"COPY record_stage ({', '.join(PG_COLUMNS)}) FROM STDIN") as copy:
                copy.write(copy_text(self.changed.values()))
            self.changed = {}
            cur.execute(self.sql)

    def conflicts(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.s.execute(insert(HqConflict), rows)
