"""How big a pending export is, without building it: the photos the pending rows
reference and their sizes, the database's upper estimate of each records file, a
bundle's overhead (manifest, ZIP headers) and whether a bundle of given totals is
within the caps. ``app.services.export_plan`` chooses the cut from these."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import LargeBinary, Text, case, cast, func, inspect, select

from app.services.context import AppContext
from app.services.sync_records import (
    SKIPPED_COLUMNS,
    driver_chunks,
    export_columns,
    model_of,
    pending_selects,
)
from app.sync.caps import Caps, ExportCaps
from db.models import SYNC_TABLES, MediaFile
from db.models.partners import FieldHlc, partner_fields

MANIFEST_LINE = 180  # manifest bytes per listed entry (path, size, sha256)
RECORD_OVERHEAD = 220  # a record's envelope: id, hlc, op, base_hlc, braces
KEY_OVERHEAD = 12  # per data key: quotes, colon, comma, string quotes, ISO "T…+00:00"
QUICK_ROW_BYTES = 4096  # a bound for one record's line in the quick total (checked when it matters)
ZIP_ENTRY = 320  # ZIP local header, ZIP64 extra and central directory record per entry


def size_estimate(model: Any, dialect: str) -> Any:
    """SQL for an upper estimate of a row's JSON line in bytes (values' UTF-8 lengths,
    keys and punctuation), computed by the database: no row is read into Python."""
    const, parts = RECORD_OVERHEAD, []
    for key, column in inspect(model).columns.items():
        if key in SKIPPED_COLUMNS and key != "void_reason":
            continue
        const += len(key) + KEY_OVERHEAD
        text = cast(column, Text)
        stored = func.coalesce(
            func.length(cast(text, LargeBinary))
            if dialect == "sqlite"
            else func.octet_length(text),
            0,
        )
        if isinstance(column.type, FieldHlc):  # the short form is sent as its object
            parts.append(case((func.substr(text, 1, 1) == '"', _expanded(stored)), else_=stored))
        else:
            parts.append(stored)
    expr: Any = const
    for part in parts:
        expr = expr + part
    return expr


def _expanded(stored: Any) -> Any:
    """The bytes of the object a partner's short ``field_hlc`` of ``stored`` bytes
    stands for (``app.domain.field_hlc``): ``"field":`` and the quoted stamp per field,
    commas and braces."""
    fields = partner_fields()
    keys = sum(len(json.dumps(field)) + 1 for field in fields)
    return keys + len(fields) + 1 + len(fields) * stored


def _blob_sizes(ctx: AppContext, s: Any, shas: set[str]) -> dict[str, int]:
    """Size of each referenced media file: as recorded, or found on disk (the export
    skips files that are gone)."""
    sizes: dict[str, int] = {}
    known = dict(driver_rows(s, select(MediaFile.sha256, MediaFile.size))) if shas else {}
    for sha in shas:
        size = known.get(sha)
        if size is None:
            path = ctx.paths.media_file(sha)
            if not path.exists():
                continue
            size = path.stat().st_size
        sizes[sha] = int(size)
    return sizes


def bundle_overhead(blobs: int, entities: int) -> int:
    """Bytes of a bundle besides its entries' contents: manifest, ZIP headers."""
    return 1024 + MANIFEST_LINE * (blobs + entities) + ZIP_ENTRY * (blobs + entities + 2)


def fits_caps(
    caps: ExportCaps | Caps, blobs: int, entities: int, total: int, per_entity: dict[str, int]
) -> bool:
    """Whether a bundle of ``blobs`` photos, ``entities`` records files, ``total``
    estimated bytes of content and these records-file sizes is within ``caps`` (export
    caps, or HQ's ``Caps``, which also cap the manifest)."""
    manifest = 1024 + MANIFEST_LINE * (blobs + entities)
    overhead = bundle_overhead(blobs, entities)
    manifest_cap = getattr(caps, "manifest_bytes", None)
    return (
        blobs <= getattr(caps, "blobs", caps.entries)
        and blobs + entities + 2 <= caps.entries
        and total + overhead <= caps.bundle_bytes
        and all(size <= caps.records_bytes for size in per_entity.values())
        and (manifest_cap is None or manifest <= manifest_cap)
    )


def pending_blobs(ctx: AppContext, s: Any, since: str, upto: str, node: str) -> dict[str, int]:
    """sha256 → size of every photo the pending rows reference (and that exists)."""
    shas: set[str] = set()
    for entity in SYNC_TABLES:
        model = model_of(entity)
        blob_cols = [inspect(model).columns[k] for k in export_columns(model).blob_keys]
        for stmt in pending_selects(entity, since, upto, node, blob_cols) if blob_cols else ():
            shas.update(
                v
                for row in driver_rows(s, stmt)
                for v in row
                if isinstance(v, str) and len(v) == 64
            )
    return _blob_sizes(ctx, s, shas)


def pending_totals(
    s: Any,
    since: str,
    upto: str,
    node: str,
    dialect: str,
    records_cap: int,
    exact: bool = False,
    counts_only: bool = False,
) -> tuple[int, dict[str, int]]:
    """How many rows are pending, and per entity an upper estimate of its records file
    in bytes (computed by the database; unless ``exact``, rows without JSON count at a
    bound when that bound cannot reach half of ``records_cap``; with ``counts_only`` —
    the photos alone are over the caps — every row counts at that bound)."""
    per_entity: dict[str, int] = {}
    pending = 0
    for entity in SYNC_TABLES:
        model = model_of(entity)
        spec = export_columns(model)
        # JSON values are unbounded: the database sums its estimate of each line;
        # other rows count at a bound, estimated only when that bound is not enough
        count, est = 0, 0
        estimate = spec.json_keys and not counts_only
        for stmt in pending_selects(
            entity,
            since,
            upto,
            node,
            [size_estimate(model, dialect).label("est")] if estimate else [model.__table__.c.id],
        ):
            inner = stmt.subquery()
            got = s.execute(
                select(func.count(), func.coalesce(func.sum(inner.c.est), 0))
                if estimate
                else select(func.count(), 0).select_from(inner)
            ).one()
            count, est = count + int(got[0]), est + int(got[1])
        if not count:
            continue
        pending += count
        if not estimate:
            est = count * QUICK_ROW_BYTES
            if not counts_only and (exact or est > records_cap // 2):
                size = size_estimate(model, dialect).label("est")
                est = sum(
                    int(s.scalar(select(func.coalesce(func.sum(stmt.subquery().c.est), 0))) or 0)
                    for stmt in pending_selects(entity, since, upto, node, [size])
                )
        per_entity[entity] = est
    return pending, per_entity


def driver_rows(s: Any, stmt: Any) -> Iterator[tuple[Any, ...]]:
    """``driver_chunks``, row by row."""
    for rows in driver_chunks(s, stmt):
        yield from rows
