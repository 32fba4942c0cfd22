"""Record lines of a laptop export, built by SQLite itself: which rows an export sends
(``pending_selects``), and each entity's canonical JSON line template."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    inspect,
    literal_column,
    or_,
    select,
)

from app.domain.field_hlc import expand_text
from app.services.context import AppContext
from app.services.sync_state import HQ_TARGET_SOURCE, VISIT_CHILDREN, VISIT_GATED
from app.sync.record_codec import encode_line
from db.base import Base
from db.models import (
    Visit,
)
from db.models.partners import FieldHlc, partner_fields

VOID, UPSERT = '"void"', '"upsert"'


def model_of(entity: str) -> Any:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity:
            return mapper.class_
    raise KeyError(entity)


SKIPPED_COLUMNS = frozenset({"id", "hlc", "created_at", "updated_at", "voided", "void_reason"})
BLOB_KEYS = ("sha256", "scan_sha256", "before_photo_sha256", "after_photo_sha256", "photo_sha256")
EXPORT_CHUNK = 2000


@dataclass(frozen=True)
class _ExportColumns:
    """How one syncing table is exported: its data keys (mapped attribute names), and
    which of them hold photo hashes and which JSON."""

    keys: tuple[str, ...]
    blob_keys: tuple[str, ...]
    json_keys: tuple[str, ...]


def export_columns(model: Any) -> _ExportColumns:
    from sqlalchemy import JSON

    items = [
        (key, column)
        for key, column in inspect(model).columns.items()
        if key not in SKIPPED_COLUMNS
    ]
    keys = tuple(key for key, _ in items)
    json_keys = tuple(
        key
        for key, column in items
        if isinstance(getattr(column.type, "impl_instance", column.type), JSON)
    )
    return _ExportColumns(keys, tuple(k for k in BLOB_KEYS if k in keys), json_keys)


class _CanonicalJson:
    """Stored JSON text → its canonical encoding (sorted keys, compact, UTF-8), computed
    once per distinct text: 10 000 visits carry a handful of checklist template bodies,
    answers repeat "yes", "no" and small numbers."""

    LIMIT = 4096
    MAX_TEXT = 256 * 1024

    def __init__(self) -> None:
        self.texts: dict[Any, str] = {}

    def __call__(self, stored: Any) -> str:
        known = self.texts.get(stored)
        if known is not None:
            return known
        # NULL, or a number SQLite's NUMERIC affinity kept: as SQLAlchemy returns them
        value = json.loads(stored) if isinstance(stored, str | bytes) else stored
        text = encode_line(value)
        if len(self.texts) < self.LIMIT and (
            not isinstance(stored, str) or len(stored) <= self.MAX_TEXT
        ):
            self.texts[stored] = text
        return text


class _ExpandedFieldHlc:
    """A partner's stored ``field_hlc`` → the canonical encoding of its object: the
    short form (``app.domain.field_hlc``) is sent as the object it stands for."""

    def __init__(self, cache: _CanonicalJson) -> None:
        self.cache = cache

    def __call__(self, stored: Any) -> str:
        if isinstance(stored, str) and stored[:1] == '"':
            return encode_line(expand_text(stored, partner_fields()))
        return self.cache(stored)


def _iso_utc(text: str) -> str:
    """A datetime column's stored text (naive UTC, as SQLAlchemy writes it on SQLite)
    as ``datetime.isoformat()`` of the aware value gives it."""
    if len(text) == 26 and text[10] == " " and text[19] == ".":
        return (
            f"{text[:10]}T{text[11:19]}+00:00"
            if text.endswith(".000000")
            else f"{text[:10]}T{text[11:]}+00:00"
        )
    value = dt.datetime.fromisoformat(text)
    return (
        (value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value)
        .astimezone(dt.UTC)
        .isoformat()
    )


def _json_datetime(value: Any) -> str:
    # an ISO moment is digits, "-", ":", "T", "." and "+": nothing JSON escapes
    return "null" if value is None else f'"{_iso_utc(value)}"'


def _json_float(value: Any) -> str:
    return (
        "null" if value is None else encode_line(value)
    )  # Python's repr: what the ORM value encodes to


def _sql_text(literal: str) -> str:
    """``literal`` as an SQL string literal."""
    return "'" + literal.replace("'", "''") + "'"


@dataclass(frozen=True)
class _LineTemplate:
    """How SQLite builds an entity's record lines: ``columns`` (SQL expressions) give per
    row the text segments of the line with "holes" between them (the raw values Python
    encodes: floats, whose shortest form SQLite does not print, datetimes, JSON text to
    be put in canonical form). Strings, integers, dates and booleans are quoted by
    SQLite's ``json_quote``, which escapes exactly like Python's JSON encoder."""

    columns: tuple[str, ...]
    holes: tuple[Any, ...]  # the encoder of each hole, in order


def _sql_datetime(column: str) -> str:
    """SQL giving the JSON of a datetime column stored as SQLAlchemy writes it on SQLite
    (``YYYY-MM-DD HH:MM:SS.ffffff``, naive UTC), as ``_json_datetime`` does in Python."""
    return (
        f"CASE WHEN {column} IS NULL THEN 'null' WHEN substr({column}, 20) = '.000000' "
        f"THEN '\"' || substr({column}, 1, 10) || 'T' || substr({column}, 12, 8) || '+00:00\"' "
        f"ELSE '\"' || substr({column}, 1, 10) || 'T' || substr({column}, 12) || '+00:00\"' END"
    )


def _standard_datetimes(s: Any, model: Any) -> set[str]:
    """The datetime columns of ``model`` whose every stored value has the standard form
    (checked by the database, ~5 ms per 10 000 rows): SQLite can render those."""
    from sqlalchemy import DateTime

    found = set()
    conn = s.connection().connection.driver_connection
    for key, column in inspect(model).columns.items():
        if (
            isinstance(getattr(column.type, "impl_instance", column.type), DateTime)
            and key not in SKIPPED_COLUMNS
        ):
            name = f'"{column.name}"'
            odd = conn.execute(
                f'SELECT 1 FROM "{model.__table__.name}" WHERE {name} IS NOT NULL AND NOT '
                f"(length({name}) = 26 AND {name} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] "
                f"[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]') LIMIT 1"
            ).fetchone()
            if odd is None:
                found.add(key)
    return found


def _line_template(
    model: Any,
    cache: _CanonicalJson,
    base_hlc: str | None,
    sql_datetimes: frozenset[str] | set[str] = frozenset(),
) -> _LineTemplate:
    """The ``_LineTemplate`` of ``model``'s lines with this ``base_hlc``: data keys in
    sorted order (``void_reason`` only in a voided row's data), the datetime columns in
    ``sql_datetimes`` rendered by SQLite."""
    from sqlalchemy import JSON, Boolean, DateTime, Float

    columns = inspect(model).columns

    def col(key: str) -> str:
        return f'"{columns[key].name}"'

    entries = [(key, columns[key].type) for key in export_columns(model).keys]
    field_hlc = _ExpandedFieldHlc(cache)
    entries.append(("void_reason", None))  # in data only when the row is voided
    segments: list[str] = []  # SQL text expressions; a hole goes between two of them
    holes: list[Any] = []
    current = [_sql_text('{"base_hlc":' + encode_line(base_hlc) + ',"data":{')]
    first = True
    for key, kind in sorted(entries, key=lambda entry: entry[0]):
        kind = getattr(kind, "impl_instance", kind)
        name = _sql_text(("" if first else ",") + encode_line(key) + ":")
        if key == "void_reason":
            assert not first, "a syncing table has data keys sorting before void_reason"
            current.append(
                f'CASE WHEN "voided" THEN {name} || json_quote("void_reason") ELSE \'\' END'
            )
            continue
        first = False
        current.append(name)
        if isinstance(kind, DateTime) and key in sql_datetimes:
            current.append(_sql_datetime(col(key)))
        elif isinstance(kind, JSON | Float | DateTime):
            segments.append(" || ".join(current))
            holes.append(
                (
                    col(key),
                    field_hlc
                    if isinstance(columns[key].type, FieldHlc)
                    else cache
                    if isinstance(kind, JSON)
                    else _json_float
                    if isinstance(kind, Float)
                    else _json_datetime,
                )
            )
            current = []
        elif isinstance(kind, Boolean):
            current.append(
                f"CASE WHEN {col(key)} IS NULL THEN 'null' WHEN {col(key)} THEN 'true' ELSE 'false' END"
            )
        else:
            current.append(f"json_quote({col(key)})")
    current.append(
        """'},\"hlc\":' || json_quote("hlc") || ',\"id\":' || json_quote("id") || """
        """CASE WHEN "voided" THEN ',\"op\":\"void\"}' ELSE ',\"op\":\"upsert\"}' END"""
    )
    segments.append(" || ".join(current))
    parts = [segments[0]]
    for (column, _encode), segment in zip(holes, segments[1:], strict=True):
        parts += [column, segment]
    return _LineTemplate(tuple(parts), tuple(encode for _column, encode in holes))


@dataclass
class Tally:
    """What the lines of one entity came to: how many, and the highest HLC."""

    count: int = 0
    top: str = ""


def record_lines(
    ctx: AppContext,
    entity: str,
    since: str,
    upto: str,
    node: str,
    base_hlc: str | None,
    high: str | None = None,
    extra: set[str] | None = None,
    tally: Tally | None = None,
) -> Iterator[list[str]]:
    """Blocks (one per chunk of rows read) of the canonical JSON line (``encode_line`` of
    ``{"base_hlc", "data", "hlc", "id", "op"}``) of every row of ``entity`` to export;
    with a cut (``ExportPlan``), only rows whose key is ≤ ``high`` and the ``extra``
    ids (parents carried along). ``data`` holds what the ORM gives (dates and datetimes as
    ISO text, booleans, parsed JSON). SQLite builds the lines (``_LineTemplate``):
    ~2.5 µs per record, 300 000 records in under a second."""
    model = model_of(entity)
    table = model.__table__
    cache = _CanonicalJson()
    tally = tally if tally is not None else Tally()
    count, top = tally.count, tally.top
    with ctx.read_session() as s:
        template = _line_template(model, cache, base_hlc, _standard_datetimes(s, model))
        holes = template.holes
        width = 1 + 2 * len(holes)  # segments and holes; then id, hlc
        columns = [*(literal_column(expr) for expr in template.columns), table.c.id, table.c.hlc]
        stmts = pending_selects(
            entity, since, upto if high is None else min(upto, high), node, columns
        )
        ids = sorted(extra or ())
        stmts += [
            select(*columns).where(table.c.id.in_(ids[start : start + 500]))
            for start in range(0, len(ids), 500)
        ]  # parents carried along
        try:
            for stmt in stmts:
                for rows in driver_chunks(s, stmt):
                    if (
                        len(holes) == 1 and holes[0] is cache
                    ):  # one JSON value (answers): a dict lookup
                        known = cache.texts.get
                        block = [row[0] + (known(row[1]) or cache(row[1])) + row[2] for row in rows]
                    elif holes:
                        block = []
                        for row in rows:
                            parts = [row[0]]
                            for index, encode in enumerate(holes):
                                parts.append(encode(row[1 + 2 * index]))
                                parts.append(row[2 + 2 * index])
                            block.append("".join(parts))
                    else:
                        block = [row[0] for row in rows]
                    highest = max(row[width + 1] for row in rows)
                    if highest > top:
                        top = highest
                    count += len(rows)
                    yield block
        finally:
            tally.count, tally.top = count, top


# -- capping: which prefix (in HLC order) of the pending changes one bundle holds -----


def pending_selects(entity: str, since: str, upto: str, node: str, columns: list[Any]) -> list[Any]:
    """Selects of ``columns`` over exactly the rows of ``entity`` an export sends: this
    device's changes stamped after ``since`` and up to ``upto``; a visit only once sealed,
    its children with it (a child's key is also its visit's HLC, so the visit must be
    within ``upto`` too), including the older children of a visit sealed after ``since``;
    targets only of the manager's own (not HQ's published ones)."""
    model = model_of(entity)
    table = model.__table__
    stmt = select(*columns).where(
        table.c.hlc > since, table.c.hlc <= upto, table.c.hlc.like(f"%:{node}")
    )
    if entity == "visit":
        stmt = stmt.where(table.c.status == "submitted")
    if entity == "target":  # HQ's published targets are HQ's: only the manager's go up
        stmt = stmt.where(table.c.source != HQ_TARGET_SOURCE)
    if "visit_id" in export_columns(model).keys and entity in VISIT_CHILDREN:
        stmt = stmt.where(
            table.c.visit_id.in_(
                select(Visit.id).where(Visit.status == "submitted", Visit.hlc <= upto)
            )
        )
    elif (
        "visit_id" in export_columns(model).keys and entity in VISIT_GATED
    ):  # orders and events: a visit is optional
        stmt = stmt.where(
            or_(
                table.c.visit_id.in_(
                    select(Visit.id).where(Visit.status == "submitted", Visit.hlc <= upto)
                ),
                table.c.visit_id.is_(None),
            )
        )
    stmts = [stmt]
    if entity in VISIT_GATED:
        new_visits = select(Visit.id).where(
            Visit.status == "submitted", Visit.hlc > since, Visit.hlc <= upto
        )
        stmts.append(select(*columns).where(table.c.visit_id.in_(new_visits), table.c.hlc <= since))
    return stmts


def driver_chunks(s: Any, stmt: Any) -> Iterator[list[tuple[Any, ...]]]:
    """Rows of a Core select read through the SQLite driver (no per-value result
    processing), ``EXPORT_CHUNK`` at a time; several may be open at once on one
    connection."""
    compiled = stmt.compile(
        dialect=s.get_bind().dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.construct_params()
    cursor = s.connection().connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), [params[name] for name in compiled.positiontup])
        while rows := cursor.fetchmany(EXPORT_CHUNK):
            yield rows
    finally:
        cursor.close()
