"""Laptop side of sync: export a signed bundle of everything changed since the last
acknowledged bundle (streamed; never marks anything synced), apply HQ's signed ack,
import HQ down-bundles (templates, rules, targets, partner master data) with the same
merge rules, and the status shown in the status bar."""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from json.encoder import encode_basestring as quote  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from sqlalchemy import (
    LargeBinary,
    Text,
    and_,
    case,
    cast,
    func,
    inspect,
    literal_column,
    or_,
    select,
)

from app.domain.hlc import Timestamp
from app.domain.ids import uuid7
from app.errors import BundleRejected, UserError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.device import load_private_key, trusted_hq_key
from app.services.progress import Progress
from app.sync import signing
from app.sync.bundle import (
    Caps,
    ExportCaps,
    encode_line,
    read_bundle,
    reject,
    validate_record,
)
from app.sync.bundle_write import OverCaps, write_bundle
from app.sync.hq import PARENT_KEYS
from app.sync.merge import merge_fields
from db.base import Base, utcnow
from db.models import (
    SYNC_TABLES,
    ChecklistTemplate,
    ExportedBundle,
    FrequencyRule,
    MediaFile,
    Partner,
    SyncConflict,
    Target,
    Visit,
)

VOID, UPSERT = '"void"', '"upsert"'
VISIT_CHILDREN = {"visit_answer", "visit_photo", "visit_amendment", "finding", "material_count"}
# rows that wait for their visit's seal: a visit's children, and the rectification orders
# and events made on a visit while it was a draft (``add_finding``); all go with the visit
VISIT_GATED = VISIT_CHILDREN | {"rectification_order", "rectification_event"}
HQ_OWNED_PARTNER_FIELDS = ("code", "grade", "credit_limit_fen")


def _model(entity: str) -> Any:
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


def _export_columns(model: Any) -> _ExportColumns:
    from sqlalchemy import JSON

    items = [(key, column) for key, column in inspect(model).columns.items() if key not in SKIPPED_COLUMNS]
    keys = tuple(key for key, _ in items)
    json_keys = tuple(key for key, column in items if isinstance(column.type, JSON))
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
        if len(self.texts) < self.LIMIT and (not isinstance(stored, str) or len(stored) <= self.MAX_TEXT):
            self.texts[stored] = text
        return text


ACKED = ("accepted", "duplicate")


def watermark(ctx: AppContext) -> str:
    """The highest HLC HQ is known to hold ('' before the first ack): the acknowledged
    bundles, followed from the start as a chain — a bundle counts once the watermark has
    reached the HLC its selection began at (``since_hlc``), so the ack of a later part of
    a backlog (``next_part``) waits for the ack of the part before it."""
    with ctx.read_session() as s:
        acked = s.execute(select(ExportedBundle.since_hlc, ExportedBundle.high_hlc).where(ExportedBundle.ack_status.in_(ACKED))
                          .order_by(ExportedBundle.seq)).all()
    mark, grew = "", True
    while grew:
        grew = False
        for since, high in acked:
            if (since or "") <= mark < high:
                mark, grew = high, True
    return mark


def _next_part_since(ctx: AppContext, acked: str) -> str:
    """Where the next part of a backlog begins: the cut of the newest bundle, when HQ has
    not acknowledged it yet (else ``acked``: an ordinary export)."""
    with ctx.read_session() as s:
        latest = s.scalar(select(ExportedBundle).order_by(ExportedBundle.seq.desc()).limit(1))
    if latest is None or latest.ack_status in ACKED:
        return acked
    if latest.ack_status == "rejected":
        raise UserError(tr("sync", "HQ rejected bundle {seq}; export everything again (without \"next part\") after fixing the cause.").format(seq=latest.seq))
    return max(latest.high_hlc, acked)


def _iso_utc(text: str) -> str:
    """A datetime column's stored text (naive UTC, as SQLAlchemy writes it on SQLite)
    as ``datetime.isoformat()`` of the aware value gives it."""
    if len(text) == 26 and text[10] == " " and text[19] == ".":
        return f"{text[:10]}T{text[11:19]}+00:00" if text.endswith(".000000") else f"{text[:10]}T{text[11:]}+00:00"
    value = dt.datetime.fromisoformat(text)
    return (value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value).astimezone(dt.UTC).isoformat()


def _json_datetime(value: Any) -> str:
    return "null" if value is None else quote(_iso_utc(value))


def _json_float(value: Any) -> str:
    return "null" if value is None else encode_line(value)  # Python's repr: what the ORM value encodes to


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
    return (f"CASE WHEN {column} IS NULL THEN 'null' WHEN substr({column}, 20) = '.000000' "
            f"THEN '\"' || substr({column}, 1, 10) || 'T' || substr({column}, 12, 8) || '+00:00\"' "
            f"ELSE '\"' || substr({column}, 1, 10) || 'T' || substr({column}, 12) || '+00:00\"' END")


def _standard_datetimes(s: Any, model: Any) -> set[str]:
    """The datetime columns of ``model`` whose every stored value has the standard form
    (checked by the database, ~5 ms per 10 000 rows): SQLite can render those."""
    from sqlalchemy import DateTime

    found = set()
    conn = s.connection().connection.driver_connection
    for key, column in inspect(model).columns.items():
        if isinstance(getattr(column.type, "impl_instance", column.type), DateTime) and key not in SKIPPED_COLUMNS:
            name = f'"{column.name}"'
            odd = conn.execute(f'SELECT 1 FROM "{model.__table__.name}" WHERE {name} IS NOT NULL AND NOT '
                               f"(length({name}) = 26 AND {name} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] "
                               f"[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]') LIMIT 1").fetchone()
            if odd is None:
                found.add(key)
    return found


def _line_template(model: Any, cache: _CanonicalJson, base_hlc: str | None, sql_datetimes: frozenset[str] | set[str] = frozenset()) -> _LineTemplate:
    """The ``_LineTemplate`` of ``model``'s lines with this ``base_hlc``: data keys in
    sorted order (``void_reason`` only in a voided row's data), the datetime columns in
    ``sql_datetimes`` rendered by SQLite."""
    from sqlalchemy import JSON, Boolean, DateTime, Float

    columns = inspect(model).columns

    def col(key: str) -> str:
        return f'"{columns[key].name}"'

    entries = [(key, columns[key].type) for key in _export_columns(model).keys]
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
            current.append(f'CASE WHEN "voided" THEN {name} || json_quote("void_reason") ELSE \'\' END')
            continue
        first = False
        current.append(name)
        if isinstance(kind, DateTime) and key in sql_datetimes:
            current.append(_sql_datetime(col(key)))
        elif isinstance(kind, JSON | Float | DateTime):
            segments.append(" || ".join(current))
            holes.append((col(key), cache if isinstance(kind, JSON) else _json_float if isinstance(kind, Float) else _json_datetime))
            current = []
        elif isinstance(kind, Boolean):
            current.append(f"CASE WHEN {col(key)} IS NULL THEN 'null' WHEN {col(key)} THEN 'true' ELSE 'false' END")
        else:
            current.append(f"json_quote({col(key)})")
    current.append("""'},\"hlc\":' || json_quote("hlc") || ',\"id\":' || json_quote("id") || """
                   """CASE WHEN "voided" THEN ',\"op\":\"void\"}' ELSE ',\"op\":\"upsert\"}' END""")
    segments.append(" || ".join(current))
    parts = [segments[0]]
    for (column, _encode), segment in zip(holes, segments[1:], strict=True):
        parts += [column, segment]
    return _LineTemplate(tuple(parts), tuple(encode for _column, encode in holes))


@dataclass
class _Tally:
    """What the lines of one entity came to: how many, and the highest HLC."""

    count: int = 0
    top: str = ""


def _record_lines(ctx: AppContext, entity: str, since: str, upto: str, node: str, base_hlc: str | None,
                  high: str | None = None, extra: set[str] | None = None, tally: _Tally | None = None) -> Iterator[list[str]]:
    """Blocks (one per chunk of rows read) of the canonical JSON line (``encode_line`` of
    ``{"base_hlc", "data", "hlc", "id", "op"}``) of every row of ``entity`` to export;
    with a cut (``ExportPlan``), only rows whose key is ≤ ``high`` and the ``extra``
    ids (parents carried along). ``data`` holds what the ORM gives (dates and datetimes as
    ISO text, booleans, parsed JSON). SQLite builds the lines (``_LineTemplate``):
    ~2.5 µs per record, 300 000 records in under a second."""
    model = _model(entity)
    table = model.__table__
    cache = _CanonicalJson()
    tally = tally if tally is not None else _Tally()
    count, top = tally.count, tally.top
    with ctx.read_session() as s:
        template = _line_template(model, cache, base_hlc, _standard_datetimes(s, model))
        holes = template.holes
        width = 1 + 2 * len(holes)  # segments and holes; then id, hlc
        columns = [*(literal_column(expr) for expr in template.columns), table.c.id, table.c.hlc]
        stmts = _pending_selects(entity, since, upto if high is None else min(upto, high), node, columns)
        ids = sorted(extra or ())
        stmts += [select(*columns).where(table.c.id.in_(ids[start:start + 500])) for start in range(0, len(ids), 500)]  # parents carried along
        try:
            for stmt in stmts:
                for rows in _driver_chunks(s, stmt):
                    if len(holes) == 1 and holes[0] is cache:  # one JSON value (answers): a dict lookup
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

MANIFEST_LINE = 180  # manifest bytes per listed entry (path, size, sha256)
RECORD_OVERHEAD = 220  # a record's envelope: id, hlc, op, base_hlc, braces
KEY_OVERHEAD = 12  # per data key: quotes, colon, comma, string quotes, ISO "T…+00:00"
QUICK_ROW_BYTES = 4096  # a bound for one record's line in the quick total (checked when it matters)
ZIP_ENTRY = 320  # ZIP local header, ZIP64 extra and central directory record per entry


@dataclass(slots=True)
class _Item:
    """One pending record as the planning pass sees it (no JSON built): ``key`` is the
    HLC a cut must reach to include it (a visit child's is its visit's when later)."""

    entity: str
    id: str
    key: str
    size: int
    blobs: tuple[str, ...]
    refs: tuple[tuple[str, str], ...]
    count: int = 1  # rows it stands for (``_grouped_items``)


@dataclass
class ExportPlan:
    """``high`` None: everything pending goes. Otherwise the bundle holds exactly every
    pending record whose key is ≤ ``high``, plus ``extra`` (entity → ids): the pending
    parents those reference that come later (HQ would refuse a reference to a record it
    does not have); ``remaining`` records wait for the next bundle."""

    high: str | None = None
    extra: dict[str, set[str]] | None = None
    remaining: int = 0
    over_hq_caps: bool = False
    blobs: dict[str, int] = field(default_factory=dict)  # sha256 → size of every photo the bundle holds
    records_room: int | None = None  # optimistic plan: bytes the deflated records files may take
    records_cap: int | None = None  # optimistic plan: bytes one records file may take
    # a cut still to be chosen (``plan_export(defer=True)``): ``walk(on_blobs)`` chooses it,
    # calling ``on_blobs`` with the photos of each group taken, and returns the plan; until
    # then ``blobs`` holds every pending photo
    walk: Any = None


def _size_estimate(model: Any, dialect: str) -> Any:
    """SQL for an upper estimate of a row's JSON line in bytes (values' UTF-8 lengths,
    keys and punctuation), computed by the database: no row is read into Python."""
    const, parts = RECORD_OVERHEAD, []
    for key, column in inspect(model).columns.items():
        if key in SKIPPED_COLUMNS and key != "void_reason":
            continue
        const += len(key) + KEY_OVERHEAD
        text = cast(column, Text)
        parts.append(func.coalesce(func.length(cast(text, LargeBinary)) if dialect == "sqlite" else func.octet_length(text), 0))
    expr: Any = const
    for part in parts:
        expr = expr + part
    return expr


def _pending_selects(entity: str, since: str, upto: str, node: str, columns: list[Any]) -> list[Any]:
    """Selects of ``columns`` over exactly the rows of ``entity`` an export sends: this
    device's changes stamped after ``since`` and up to ``upto``; a visit only once sealed,
    its children with it (a child's key is also its visit's HLC, so the visit must be
    within ``upto`` too), including the older children of a visit sealed after ``since``."""
    model = _model(entity)
    table = model.__table__
    stmt = select(*columns).where(table.c.hlc > since, table.c.hlc <= upto, table.c.hlc.like(f"%:{node}"))
    if entity == "visit":
        stmt = stmt.where(table.c.status == "submitted")
    if "visit_id" in _export_columns(model).keys and entity in VISIT_CHILDREN:
        stmt = stmt.where(table.c.visit_id.in_(select(Visit.id).where(Visit.status == "submitted", Visit.hlc <= upto)))
    elif "visit_id" in _export_columns(model).keys and entity in VISIT_GATED:  # orders and events: a visit is optional
        stmt = stmt.where(or_(table.c.visit_id.in_(select(Visit.id).where(Visit.status == "submitted", Visit.hlc <= upto)),
                              table.c.visit_id.is_(None)))
    stmts = [stmt]
    if entity in VISIT_GATED:
        new_visits = select(Visit.id).where(Visit.status == "submitted", Visit.hlc > since, Visit.hlc <= upto)
        stmts.append(select(*columns).where(table.c.visit_id.in_(new_visits), table.c.hlc <= since))
    return stmts


def _blob_sizes(ctx: AppContext, s: Any, shas: set[str]) -> dict[str, int]:
    """Size of each referenced media file: as recorded, or found on disk (the export
    skips files that are gone)."""
    sizes: dict[str, int] = {}
    known = dict(_driver_rows(s, select(MediaFile.sha256, MediaFile.size))) if shas else {}
    for sha in shas:
        size = known.get(sha)
        if size is None:
            path = ctx.paths.media_file(sha)
            if not path.exists():
                continue
            size = path.stat().st_size
        sizes[sha] = int(size)
    return sizes


def _overhead(blobs: int, entities: int) -> int:
    """Bytes of a bundle besides its entries' contents: manifest, ZIP headers."""
    return 1024 + MANIFEST_LINE * (blobs + entities) + ZIP_ENTRY * (blobs + entities + 2)


def _fits(caps: ExportCaps | Caps, blobs: int, entities: int, total: int, per_entity: dict[str, int]) -> bool:
    """Whether a bundle of ``blobs`` photos, ``entities`` records files, ``total``
    estimated bytes of content and these records-file sizes is within ``caps`` (export
    caps, or HQ's ``Caps``, which also cap the manifest)."""
    manifest = 1024 + MANIFEST_LINE * (blobs + entities)
    overhead = _overhead(blobs, entities)
    manifest_cap = getattr(caps, "manifest_bytes", None)
    return (blobs <= getattr(caps, "blobs", caps.entries) and blobs + entities + 2 <= caps.entries
            and total + overhead <= caps.bundle_bytes and all(size <= caps.records_bytes for size in per_entity.values())
            and (manifest_cap is None or manifest <= manifest_cap))


def plan_export(ctx: AppContext, since: str, upto: str, node: str, caps: ExportCaps, optimistic: bool = True,
                defer: bool = False) -> ExportPlan:
    """Choose the cut. The photos first: when they leave room for the records files
    (``optimistic``), no estimate at all — the writer measures the records exactly and
    gives up (``OverCaps``) if they do not fit after all. Otherwise a quick total (row
    counts, the database's size estimates, blob sizes): when everything fits, no
    planning pass. Otherwise one pass over the pending rows' ids, HLCs, references, blob
    hashes and size estimates, grouped by key in HLC order, taking groups (with the
    later parents they reference) until the next would break a cap; a first group that
    breaks one alone goes alone. With ``defer``, that pass is left to the plan's ``walk``
    (run while the photos it chooses are being copied)."""
    with ctx.read_session() as s:
        dialect = s.get_bind().dialect.name
        sizes = _pending_blobs(ctx, s, since, upto, node)
        blob_total = sum(sizes.values())
        if optimistic and _fits(caps, len(sizes), len(SYNC_TABLES), blob_total + caps.records_bytes, {}):
            return ExportPlan(blobs=sizes, records_room=caps.bundle_bytes - blob_total - _overhead(len(sizes), len(SYNC_TABLES)),
                              records_cap=caps.records_bytes)
        counted: int | None = None  # how many changes there are in all, when the totals were needed
        if _fits(caps, len(sizes), 0, blob_total, {}):  # the photos fit: do the records?
            counted, per_entity = _pending_totals(s, since, upto, node, dialect, caps.records_bytes)
            if _fits(caps, len(sizes), len(per_entity), sum(per_entity.values()) + blob_total, per_entity):
                return ExportPlan(blobs=sizes)

    def walk(on_blobs: Any = None) -> ExportPlan:
        with ctx.read_session() as s:
            items, parents = _plan_stream(s, since, upto, node, dialect)
            # else counted once the cut is chosen (its photos are being copied meanwhile)
            pending = counted if counted is not None else (
                lambda: _pending_totals(s, since, upto, node, dialect, caps.records_bytes, counts_only=True)[0])
            return _choose_cut(items, sizes, caps, parents, pending, on_blobs)

    return ExportPlan(blobs=sizes, walk=walk) if defer else walk()


def _pending_blobs(ctx: AppContext, s: Any, since: str, upto: str, node: str) -> dict[str, int]:
    """sha256 → size of every photo the pending rows reference (and that exists)."""
    shas: set[str] = set()
    for entity in SYNC_TABLES:
        model = _model(entity)
        blob_cols = [inspect(model).columns[k] for k in _export_columns(model).blob_keys]
        for stmt in _pending_selects(entity, since, upto, node, blob_cols) if blob_cols else ():
            shas.update(v for row in _driver_rows(s, stmt) for v in row if isinstance(v, str) and len(v) == 64)
    return _blob_sizes(ctx, s, shas)


def _pending_totals(s: Any, since: str, upto: str, node: str, dialect: str, records_cap: int,
                    exact: bool = False, counts_only: bool = False) -> tuple[int, dict[str, int]]:
    """How many rows are pending, and per entity an upper estimate of its records file
    in bytes (computed by the database; unless ``exact``, rows without JSON count at a
    bound when that bound cannot reach half of ``records_cap``; with ``counts_only`` —
    the photos alone are over the caps — every row counts at that bound)."""
    per_entity: dict[str, int] = {}
    pending = 0
    for entity in SYNC_TABLES:
        model = _model(entity)
        spec = _export_columns(model)
        # JSON values are unbounded: the database sums its estimate of each line;
        # other rows count at a bound, estimated only when that bound is not enough
        count, est = 0, 0
        estimate = spec.json_keys and not counts_only
        for stmt in _pending_selects(entity, since, upto, node, [_size_estimate(model, dialect).label("est")] if estimate else [model.__table__.c.id]):
            inner = stmt.subquery()
            got = s.execute(select(func.count(), func.coalesce(func.sum(inner.c.est), 0)) if estimate
                            else select(func.count(), 0).select_from(inner)).one()
            count, est = count + int(got[0]), est + int(got[1])
        if not count:
            continue
        pending += count
        if not estimate:
            est = count * QUICK_ROW_BYTES
            if not counts_only and (exact or est > records_cap // 2):
                size = _size_estimate(model, dialect).label("est")
                est = sum(int(s.scalar(select(func.coalesce(func.sum(stmt.subquery().c.est), 0))) or 0)
                          for stmt in _pending_selects(entity, since, upto, node, [size]))
        per_entity[entity] = est
    return pending, per_entity


def _driver_chunks(s: Any, stmt: Any) -> Iterator[list[tuple[Any, ...]]]:
    """Rows of a Core select read through the SQLite driver (no per-value result
    processing), ``EXPORT_CHUNK`` at a time; several may be open at once on one
    connection."""
    compiled = stmt.compile(dialect=s.get_bind().dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    cursor = s.connection().connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), [params[name] for name in compiled.positiontup])
        while rows := cursor.fetchmany(EXPORT_CHUNK):
            yield rows
    finally:
        cursor.close()


def _driver_rows(s: Any, stmt: Any) -> Iterator[tuple[Any, ...]]:
    """``_driver_chunks``, row by row."""
    for rows in _driver_chunks(s, stmt):
        yield from rows


PARENT_ENTITIES = frozenset(PARENT_KEYS.values())


def _entity_items(s: Any, entity: str, since: str, upto: str, node: str, dialect: str) -> Iterator[_Item]:
    """The pending rows of ``entity`` as planning items in key order (sorted by the
    database): the key of a visit child is its sealed visit's HLC when that is later."""
    model = _model(entity)
    spec = _export_columns(model)
    table = model.__table__
    columns = inspect(model).columns
    refs = [(key, PARENT_KEYS[key]) for key in spec.keys if key in PARENT_KEYS]
    key_col: Any = table.c.hlc
    if entity in VISIT_GATED:
        # the later of its own HLC and its sealed visit's ('' sorts first): one lookup of
        # the visit per row, and the sort uses the column (a CASE looked it up 4 times)
        visit = select(Visit.hlc).where(Visit.id == table.c.visit_id, Visit.status == "submitted", Visit.hlc > since, Visit.hlc <= upto)
        later = func.max if dialect == "sqlite" else func.greatest
        key_col = later(func.coalesce(visit.scalar_subquery(), ""), table.c.hlc)
    key = key_col.label("plan_key")
    if entity in GROUPED_ITEMS and dialect == "sqlite" and "visit_id" in spec.keys:
        yield from _grouped_items(s, entity, since, upto, node, key, refs, spec.blob_keys)
        return
    cols = [table.c.id, key, _size_estimate(model, dialect), *(columns[k] for k, _ in refs), *(columns[k] for k in spec.blob_keys)]
    nrefs = len(refs)
    parents = [parent for _k, parent in refs]
    streams = [_driver_rows(s, stmt.order_by(key)) for stmt in _pending_selects(entity, since, upto, node, cols)]
    rows = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda row: row[1])
    for row in rows:
        item_refs = tuple([(parent, value) for parent, value in zip(parents, row[3:3 + nrefs], strict=True) if value is not None])
        blobs = tuple([v for v in row[3 + nrefs:] if v]) if len(row) > 3 + nrefs else ()
        yield _Item(entity, row[0], row[1], int(row[2] or 0), blobs, item_refs)


# a visit's answers, photos …: nothing references them, so the rows of one visit that
# share a key plan as one item (a cut takes a key's rows all or none): ~20 times fewer
# items to build and walk
GROUPED_ITEMS = frozenset(entity for entity in VISIT_GATED if entity not in PARENT_ENTITIES)


def _grouped_items(s: Any, entity: str, since: str, upto: str, node: str, key: Any, refs: list[tuple[str, str]],
                   blob_keys: tuple[str, ...]) -> Iterator[_Item]:
    """``_entity_items`` of a non-parent entity, one item per visit and key (SQLite
    groups them): the rows' count, summed size estimate, every parent they reference
    and every photo."""
    model = _model(entity)
    columns = inspect(model).columns
    if entity in VISIT_CHILDREN:  # the key from the joined visit (``_child_selects``)
        key = func.max(case((Visit.hlc > since, Visit.hlc), else_=""), model.__table__.c.hlc).label("plan_key")
    cols = [key, _size_estimate(model, "sqlite").label("est"), *(columns[k].label(f"ref{i}") for i, (k, _p) in enumerate(refs)),
            *(columns[k].label(f"blob{i}") for i, k in enumerate(blob_keys))]
    streams = []
    for part, stmt in enumerate(_child_selects(entity, since, upto, node, cols) if entity in VISIT_CHILDREN
                                else _pending_selects(entity, since, upto, node, cols)):
        rows = stmt.subquery()
        visit_ref = rows.c[f"ref{[k for k, _p in refs].index('visit_id')}"]
        grouped = (select(rows.c.plan_key, func.count(), func.sum(rows.c.est), visit_ref + f"#{part}",
                          *(func.json_group_array(rows.c[f"ref{i}"].distinct()) for i in range(len(refs))),
                          *(func.json_group_array(rows.c[f"blob{i}"]) for i in range(len(blob_keys))))
                   .group_by(rows.c.plan_key, visit_ref).order_by(rows.c.plan_key))
        streams.append(_driver_rows(s, grouped))
    merged = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda row: row[0])
    parents = [parent for _k, parent in refs]
    nrefs = len(refs)
    for row in merged:
        item_refs = tuple([(parent, value) for parent, values in zip(parents, row[4:4 + nrefs], strict=True)
                           for value in _json_strings(values)])
        blobs = tuple([sha for values in row[4 + nrefs:] for sha in _json_strings(values) if sha])
        # its id: unique (the same visit and key may come from both selects), looked up by nobody
        yield _Item(entity, f"{row[3]}@{row[0]}", row[0], int(row[2] or 0), blobs, item_refs, int(row[1]))


def _json_strings(text: str) -> list[str]:
    """The strings of a JSON array of strings and nulls (``json_group_array`` of ids or
    photo hashes), nulls left out; split by hand when no string holds a comma, a quote
    or an escape (ids and hashes never do), else parsed."""
    if "\\" not in text:
        found = []
        for piece in text[1:-1].split(","):
            if piece == "null":
                continue
            if len(piece) < 2 or piece[0] != '"' or piece[-1] != '"' or '"' in piece[1:-1]:
                break
            found.append(piece[1:-1])
        else:
            return found
    return [value for value in json.loads(text) if value is not None]


def _child_selects(entity: str, since: str, upto: str, node: str, columns: list[Any]) -> list[Any]:
    """``_pending_selects`` of a visit child as one select joined to its visit (which
    ``columns`` may use): the same rows, without a lookup of the visit per row."""
    table = _model(entity).__table__
    own = and_(table.c.hlc > since, table.c.hlc <= upto, table.c.hlc.like(f"%:{node}"))
    older_of_newly_sealed = and_(Visit.hlc > since, table.c.hlc <= since)
    return [select(*columns).select_from(table.join(Visit.__table__, Visit.id == table.c.visit_id))
            .where(Visit.status == "submitted", Visit.hlc <= upto, or_(own, older_of_newly_sealed))]


def _plan_stream(s: Any, since: str, upto: str, node: str, dialect: str) -> tuple[Iterator[_Item], dict[tuple[str, str], _Item]]:
    """Every pending row as a planning item, in key order (one sorted stream per entity,
    merged: memory holds one row per entity), and the pending rows of the entities others
    reference (partners, visits, orders, invoices, findings), which a cut may have to
    carry along early."""
    held = {entity: list(_entity_items(s, entity, since, upto, node, dialect)) for entity in SYNC_TABLES if entity in PARENT_ENTITIES}
    parents = {(item.entity, item.id): item for items in held.values() for item in items}
    streams = [iter(held[entity]) if entity in held else _entity_items(s, entity, since, upto, node, dialect) for entity in SYNC_TABLES]
    return heapq.merge(*streams, key=lambda item: item.key), parents


def _choose_cut(items: Iterable[_Item], sizes: dict[str, int], caps: ExportCaps, parents: dict[tuple[str, str], _Item],
                pending: int | Callable[[], int], on_blobs: Any = None) -> ExportPlan:
    """Walk ``items`` (in key order) group by group (rows sharing a key), each with the
    pending parents it references that come later (transitively), while the bundle fits
    ``caps``; ``pending`` is how many rows there are in all (or gives it, asked once the
    walk is over). ``on_blobs`` is given the photos of each group as it is taken."""
    early: set[tuple[str, str]] = set()  # parents taken before their own group
    blobs: set[str] = set()
    per_entity: dict[str, int] = {}
    total = taken = 0
    high: str | None = None
    over_hq = cut = False
    for key, grouped in itertools.groupby(items, key=lambda item: item.key):
        # the group, and (transitively) the later pending parents it references not yet taken
        new: list[_Item] = []
        seen: set[tuple[str, str]] = set()
        stack = [item for item in grouped if (item.entity, item.id) not in early]
        while stack:
            item = stack.pop()
            ident = (item.entity, item.id)
            if ident in seen:
                continue
            seen.add(ident)
            new.append(item)
            for ref in item.refs:
                parent = parents.get(ref)
                if parent is not None and parent.key > key and ref not in early and ref not in seen:
                    stack.append(parent)
        delta: dict[str, int] = {}  # records-file growth per entity
        add_blobs = set()
        add_total = total
        for item in new:
            delta[item.entity] = delta.get(item.entity, 0) + item.size
            add_total += item.size
            for sha in item.blobs:
                if sha in sizes and sha not in blobs and sha not in add_blobs:
                    add_blobs.add(sha)
                    add_total += sizes[sha]
        grown = {entity: per_entity.get(entity, 0) + size for entity, size in delta.items()}
        entities = len(per_entity) + sum(1 for entity in delta if entity not in per_entity)
        fits = _fits(caps, len(blobs) + len(add_blobs), entities, add_total, grown)  # untouched files already fit
        if not fits and high is not None:
            cut = True
            break
        early.update(ident for ident in seen if ident[0] in PARENT_ENTITIES and parents[ident].key > key)
        taken += sum(item.count for item in new)
        blobs |= add_blobs
        if on_blobs is not None and add_blobs:
            on_blobs(sorted(add_blobs))
        per_entity.update(grown)
        total, high = add_total, key
        if not fits:  # one group over the export caps: alone in its bundle
            over_hq = not _fits(Caps(), len(blobs), len(per_entity), total, per_entity)
            cut = True
            break
    chosen = {sha: sizes[sha] for sha in blobs}
    if callable(pending):
        pending = pending()
    if not cut or taken >= pending:
        return ExportPlan(over_hq_caps=over_hq, blobs=chosen)
    extra: dict[str, set[str]] = {}
    for entity, rid in early:
        if parents[(entity, rid)].key > (high or ""):
            extra.setdefault(entity, set()).add(rid)
    return ExportPlan(high, extra, pending - taken, over_hq, chosen)


RECORDS_DEFLATE = 6  # the database's estimate of the records is ~12x their deflated size on the demo: 6 errs on the large side


@dataclass(frozen=True)
class ExportEstimate:
    """What ``export_bundle`` would write now: pending changes, photos, about how many
    bytes, and whether HQ's size limits will leave part of it for a later bundle."""

    changes: int
    photos: int
    size: int
    capped: bool


def estimate_export(ctx: AppContext, next_part: bool = False) -> ExportEstimate:
    """The size of the next bundle (``export_bundle`` with the same ``next_part``), before
    writing it (shown while the export runs)."""
    node = ctx.device_id
    if node is None:
        raise UserError(tr("sync", "This data directory is not initialised; run 'channeldesk init'."))
    acked, caps = watermark(ctx), ExportCaps()
    since = _next_part_since(ctx, acked) if next_part else acked
    with ctx.read_session() as s:
        sizes = _pending_blobs(ctx, s, since, "~", node)  # "~" sorts after every HLC
        pending, per_entity = _pending_totals(s, since, "~", node, s.get_bind().dialect.name, caps.records_bytes, exact=True)
    records = sum(per_entity.values())
    photos = sum(sizes.values())
    capped = not _fits(caps, len(sizes), len(per_entity), records + photos, per_entity)
    size = photos + records // RECORDS_DEFLATE + _overhead(len(sizes), len(per_entity))
    return ExportEstimate(pending, len(sizes), min(size, caps.bundle_bytes) if capped else size, capped)


def _check_free_space(folder: Path, needed: int) -> None:
    """Refuse before writing when ``folder``'s disk cannot hold ``needed`` bytes."""
    import shutil

    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # the write itself reports what is wrong with the folder
    if free < needed:
        raise UserError(tr("sync", "Not enough free space in {folder}: the bundle needs about {need:.0f} MB, {free:.0f} MB are free. Nothing was written.")
                        .format(folder=folder, need=needed / 1e6, free=free / 1e6))


@dataclass
class ExportResult:
    bundle_id: str
    seq: int
    path: Path
    counts: dict[str, int]
    size: int
    remaining: int = 0  # pending changes left for the next bundle (HQ's size limits)
    over_hq_caps: bool = False  # one visit (or group) alone is larger than HQ accepts

    def to_json(self) -> dict[str, Any]:
        return {"bundle_id": self.bundle_id, "seq": self.seq, "path": str(self.path), "counts": self.counts, "remaining": self.remaining}

    def messages(self) -> list[str]:
        """Translated notes for the user about a capped bundle (none when all fitted)."""
        notes = []
        if self.remaining:
            notes.append(tr("sync", "{count} changes did not fit in this bundle (HQ's size limits): export the next part now with 'sync export --next' to hand both over together, or export again after HQ has acknowledged this one.").format(count=self.remaining))
        if self.over_hq_caps:
            notes.append(tr("sync", "This bundle holds a single visit (or group of changes) that is larger than HQ accepts by default; ask HQ to raise its limits."))
        return notes


def export_bundle(ctx: AppContext, target: Path | None = None, progress: Progress | None = None,
                  caps: ExportCaps | None = None, next_part: bool = False) -> ExportResult:
    """Everything pending since the last acknowledged bundle, or — when that is over the
    export caps (``ExportCaps``, below HQ's) — a prefix of it in HLC order whose
    ``high_hlc`` is the cut: the ack then covers exactly what the bundle holds. With
    ``next_part``, what comes after the newest bundle while HQ has not acknowledged it
    yet (the next part of a large backlog, to hand over together)."""
    node = ctx.device_id
    if node is None:
        raise UserError(tr("sync", "This data directory is not initialised; run 'channeldesk init'."))
    acked = watermark(ctx)
    since = _next_part_since(ctx, acked) if next_part else acked
    # the export reads exactly the changes stamped before it began: a change made while
    # it runs has a later HLC, so it is neither half in this bundle nor skipped by the ack
    upto = ctx.tick()
    caps = caps or ExportCaps()
    choosing = tr("sync", "Choosing which changes fit into this bundle…")
    if progress is not None:  # (a backlog over the caps takes seconds here: a busy bar)
        progress(0, 0, choosing)
    plan = plan_export(ctx, since, upto, node, caps, defer=True)
    try:
        return _write_export(ctx, target, progress, since, acked, upto, plan, caps)
    except OverCaps:  # the records did not fit beside the photos: plan the cut, then write
        if progress is not None:
            progress(0, 0, choosing)
        return _write_export(ctx, target, progress, since, acked, upto, plan_export(ctx, since, upto, node, caps, optimistic=False, defer=True),
                             caps)


def _write_export(ctx: AppContext, target: Path | None, progress: Progress | None, since: str, acked: str, upto: str,
                  plan: ExportPlan, caps: ExportCaps) -> ExportResult:
    """Write the bundle of ``plan`` (changes after ``since``; ``acked`` is what HQ is known
    to hold, the records' ``base_hlc``) and register it. A cut still to be chosen is
    chosen while the photos it takes are already being copied (seconds for a large
    backlog), before the records are read."""
    node = ctx.device_id
    assert node is not None
    with ctx.read_session() as s:
        seq = int(s.scalar(select(func.coalesce(func.max(ExportedBundle.seq), 0))) or 0) + 1
        base_ack = int(s.scalar(select(func.coalesce(func.max(ExportedBundle.seq), 0)).where(ExportedBundle.ack_status.in_(ACKED))) or 0)
    bundle_id = uuid7()
    if target is None:
        ctx.paths.outbox.mkdir(parents=True, exist_ok=True)
        target = ctx.paths.outbox / f"{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}-seq{seq}-{bundle_id[:8]}.cdsync"
    target = Path(target)
    counts: dict[str, int] = {}
    high = [since]
    base_hlc = acked or None
    chosen = [plan]  # a deferred cut is chosen by ``choose``, before any records are read

    def records_of(entity: str) -> Iterator[list[str]]:
        final = chosen[0]
        tally = _Tally(top=high[0])
        yield from _record_lines(ctx, entity, since, upto, node, base_hlc, final.high, (final.extra or {}).get(entity), tally)
        high[0] = tally.top
        counts[entity] = tally.count

    def all_records() -> dict[str, Any]:
        return {entity: records_of(entity) for entity in SYNC_TABLES}

    key = load_private_key(ctx)
    manifest = {"kind": "field", "bundle_id": bundle_id, "device_id": node, "user": ctx.user_name, "territory": ctx.territory,
                "created_at": utcnow().isoformat(), "created_hlc": upto, "seq": seq, "base_ack_seq": base_ack,
                "app_version": __import__("app").__version__}

    photo_bytes = sum(plan.blobs.values())
    if plan.walk is not None:  # (``blobs``: every pending photo, of which at most a bundle's worth goes)
        photo_bytes = min(photo_bytes, caps.bundle_bytes)
    _check_free_space(target.parent, photo_bytes + 16 * 1024 * 1024)  # photos, and room for the records
    choose = None
    if plan.walk is None:
        shas = sorted(plan.blobs)
        blobs = list(zip(shas, ctx.paths.media_file_names(shas), strict=True))
    else:
        blobs = []

        def choose(feed: Any) -> None:
            chosen[0] = plan.walk(lambda shas: feed(list(zip(shas, ctx.paths.media_file_names(shas), strict=True))))
    try:
        write_bundle(target, manifest, all_records(), blobs, lambda body: signing.sign(key, body),
                     progress=(lambda d, t, m: progress(d, t, m)) if progress is not None else None,
                     blob_bytes=photo_bytes, records_room=plan.records_room, records_cap=plan.records_cap, choose_blobs=choose)
    except OSError as exc:
        raise UserError(tr("sync", "Cannot write the bundle {path}: {error}. Nothing was marked as sent.").format(path=target, error=exc.strerror or exc)) from exc
    plan = chosen[0]
    counts = {k: v for k, v in counts.items() if v}
    with ctx.session() as s:
        s.add(ExportedBundle(bundle_id=bundle_id, seq=seq, base_ack_seq=base_ack, high_hlc=plan.high or high[0], since_hlc=since,
                             path=str(target), counts=counts))
    return ExportResult(bundle_id, seq, target, counts, target.stat().st_size, plan.remaining, plan.over_hq_caps)


def apply_ack(ctx: AppContext, path: Path) -> Changes:
    """Verify HQ's signature and mark everything up to the acknowledged seq as synced."""
    hq = trusted_hq_key(ctx)
    if hq is None:
        raise UserError(tr("sync", "No trusted HQ key is set; import HQ's public key first (init --hq-key or Settings)."))
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise UserError(tr("sync", "Cannot read {file}: {error}. Nothing was changed.").format(file=path, error=exc.strerror or exc)) from exc
    except UnicodeDecodeError as exc:
        raise UserError(tr("sync", "{file} is not an HQ acknowledgement (not a text file); nothing was changed.").format(file=path)) from exc
    try:
        ack = json.loads(text)
    except ValueError:
        ack = None
    if not isinstance(ack, dict):
        raise UserError(tr("sync", "{file} is not an HQ acknowledgement (not a JSON document); nothing was changed.").format(file=path))
    if not signing.verify_document(hq["public_key"], ack):
        raise UserError(tr("sync", "The acknowledgement's signature does not match the trusted HQ key; nothing was changed."))
    if ack.get("device_id") != ctx.device_id:
        raise UserError(tr("sync", "This acknowledgement is for another device ({id}); nothing was changed.").format(id=ack.get("device_id")))
    with ctx.session() as s:
        bundle = s.get(ExportedBundle, ack.get("bundle_id"))
        if bundle is None or bundle.seq != ack.get("seq"):
            raise UserError(tr("sync", "This acknowledgement is for a bundle this device did not export."))
        if ack.get("status") not in ACKED:
            bundle.ack_status = "rejected"
            raise UserError(tr("sync", "HQ rejected bundle {seq}: {reason}. Export again after fixing the cause.").format(seq=bundle.seq, reason=ack.get("reason", "")))
        bundle.ack_status, bundle.acked_at = ack["status"], utcnow()
    return Changes.of("exported_bundle")


@dataclass
class SyncStatus:
    last_synced_at: dt.datetime | None
    pending_changes: int
    oldest_unacked: dt.datetime | None


def sync_status(ctx: AppContext) -> SyncStatus:
    since = watermark(ctx)
    node = ctx.device_id or "local"
    with ctx.read_session() as s:
        # what the next bundle would hold ("~" sorts after every HLC)
        pending = sum(int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
                      for entity in SYNC_TABLES for stmt in _pending_selects(entity, since, "~", node, [_model(entity).__table__.c.id]))
        last = s.scalar(select(func.max(ExportedBundle.acked_at)))
        oldest = s.scalar(select(func.min(ExportedBundle.created_at)).where(ExportedBundle.acked_at.is_(None)))
    return SyncStatus(last, pending, oldest)


def import_hq_bundle(ctx: AppContext, path: Path) -> Changes:
    """Apply a down-bundle signed by the trusted HQ key, with the same merge rules."""
    hq = trusted_hq_key(ctx)
    if hq is None:
        raise UserError(tr("sync", "No trusted HQ key is set; import HQ's public key first (init --hq-key or Settings)."))

    def key_for(manifest: dict[str, Any]) -> str:
        if manifest.get("device_id") != ctx.device_id:
            raise reject(tr("sync", "this HQ bundle is for another device"))
        return hq["public_key"]

    try:
        bundle = read_bundle(path, Caps(), key_for, expected_kind="hq")
    except BundleRejected as exc:
        raise BundleRejected(tr("sync", "HQ bundle refused: {reason}").format(reason=exc.message)) from exc
    hq_node = str(bundle.manifest.get("hq_id", ""))
    if hq["hq_id"] and hq_node != hq["hq_id"]:
        raise BundleRejected(tr("sync", "HQ bundle refused: it names another HQ"))
    for entity, rows in bundle.records.items():
        for row in rows:
            problem = validate_record(entity, row, None)
            if problem:
                raise BundleRejected(tr("sync", "HQ bundle refused: {reason}").format(reason=problem))
    with ctx.session() as s:
        s.info["keep_hlc"] = True
        clock = ctx.get_clock()
        for rows in bundle.records.values():
            for row in rows:
                clock.observe(row["hlc"])
        for row in bundle.records.get("checklist_template", []):
            d = row["data"]
            existing = s.scalar(select(ChecklistTemplate).where(ChecklistTemplate.name == d["name"], ChecklistTemplate.version == int(d["version"])))
            if existing is None:
                s.add(ChecklistTemplate(id=row["id"], hlc=row["hlc"], name=d["name"], version=int(d["version"]), title=d.get("title", d["name"]),
                                        body=d["body"], source="hq", is_default=bool(d.get("is_default"))))
        if bundle.records.get("frequency_rule"):
            for rule in s.scalars(select(FrequencyRule).where(FrequencyRule.voided.is_(False))):
                rule.voided, rule.void_reason, rule.hlc = True, "replaced by HQ", ctx.tick()
            for row in bundle.records["frequency_rule"]:
                d = row["data"]
                s.add(FrequencyRule(hlc=row["hlc"], scope=d["scope"], grade=d.get("grade"), period=d["period"], min_visits=int(d["min_visits"])))
        for row in bundle.records.get("target", []):
            d = row["data"]
            existing = s.scalar(select(Target).where(Target.metric == d["metric"], Target.period == d["period"], Target.scope_kind == d["scope_kind"], Target.scope == d["scope"]))
            if existing is None:
                s.add(Target(id=row["id"], hlc=row["hlc"], metric=d["metric"], period=d["period"], scope_kind=d["scope_kind"], scope=d["scope"], amount=int(d["amount"]), source="hq"))
            elif existing.hlc < row["hlc"] or existing.source != "hq":  # HQ's publication replaces a local entry
                existing.amount, existing.hlc, existing.source, existing.voided = int(d["amount"]), row["hlc"], "hq", False
        for row in bundle.records.get("partner", []):
            _apply_partner_master(s, row)
    ctx.set_meta("hlc_last", str(ctx.get_clock().last))
    return Changes.of("partner", "target", "checklist_template", "frequency_rule", "sync_conflict")


def _apply_partner_master(s: Any, row: dict[str, Any]) -> None:
    data = dict(row["data"])
    fh = data.pop("field_hlc", {}) or {}
    partner = s.get(Partner, row["id"])
    if partner is None:
        if row["op"] == "void" or s.scalar(select(Partner.id).where(Partner.code == data.get("code"))) is not None:
            return
        s.add(Partner(id=row["id"], hlc=row["hlc"], field_hlc=fh, **{k: v for k, v in data.items() if k in {c.key for c in Partner.__table__.columns}}))
        return
    owned = {k: data[k] for k in HQ_OWNED_PARTNER_FIELDS if k in data}
    current = {k: getattr(partner, k) for k in HQ_OWNED_PARTNER_FIELDS}
    merged = merge_fields(current, dict(partner.field_hlc or {}), partner.hlc, partner.voided, owned, fh, row["hlc"], None, row["op"])
    for c in merged.conflicts:
        s.add(SyncConflict(entity="partner", record_id=partner.id, field=c.field, winner_value=c.winner_value, loser_value=c.loser_value,
                           winner_hlc=c.winner_hlc, loser_hlc=c.loser_hlc))
    for key in HQ_OWNED_PARTNER_FIELDS:
        if merged.data.get(key) != getattr(partner, key):
            setattr(partner, key, merged.data[key])
    partner.field_hlc = {**(partner.field_hlc or {}), **{k: v for k, v in merged.field_hlc.items() if k in HQ_OWNED_PARTNER_FIELDS}}
    partner.hlc = max(partner.hlc, row["hlc"])
    if merged.voided and not partner.voided:
        partner.voided, partner.void_reason = True, "voided by HQ"


def hlc_wall(hlc: str) -> int:
    return Timestamp.parse(hlc).wall_ms


@dataclass(frozen=True)
class ConflictRow:
    id: str
    entity: str
    record_id: str
    label: str
    field: str
    kept: Any
    lost: Any


def open_conflicts(ctx: AppContext) -> list[ConflictRow]:
    """Unresolved conflicts with both values, for the Conflicts list."""
    with ctx.read_session() as s:
        rows = list(s.scalars(select(SyncConflict).where(SyncConflict.resolved.is_(False)).order_by(SyncConflict.created_at)))
        labels = {p.id: f"{p.code} {p.name}" for p in s.scalars(select(Partner).where(Partner.id.in_([r.record_id for r in rows])))}
    return [ConflictRow(r.id, r.entity, r.record_id, labels.get(r.record_id, r.record_id[:8]), r.field, r.winner_value, r.loser_value) for r in rows]


def resolve_conflict(ctx: AppContext, conflict_id: str, take_lost_value: bool) -> Changes:
    """Keep the current value, or take the value that lost — which is then a new change
    of this device and syncs to HQ like any edit."""
    with ctx.session() as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved:
            raise UserError(tr("sync", "This conflict was already resolved."))
        if take_lost_value and conflict.entity == "partner":
            partner = s.get(Partner, conflict.record_id)
            if partner is not None and conflict.field in {c.key for c in Partner.__table__.columns}:
                setattr(partner, conflict.field, conflict.loser_value)
        conflict.resolved, conflict.resolution = True, "theirs" if take_lost_value else "kept"
    return Changes.of("sync_conflict", "partner")
