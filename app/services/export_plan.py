"""Export planning: when the pending changes exceed HQ's caps, which of them fit into one
bundle (photos first, then records in HLC order, parents carried along), streamed in
key order while the photos it takes are copied."""

from __future__ import annotations

import heapq
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    and_,
    case,
    func,
    inspect,
    or_,
    select,
)

from app.services.context import AppContext
from app.services.export_sizes import (
    bundle_overhead,
    driver_rows,
    fits_caps,
    pending_blobs,
    pending_totals,
    size_estimate,
)
from app.services.sync_records import (
    VISIT_CHILDREN,
    VISIT_GATED,
    export_columns,
    model_of,
    pending_selects,
)
from app.sync.caps import Caps, ExportCaps
from app.sync.schema import PARENT_KEYS
from db.models import (
    SYNC_TABLES,
    Visit,
)

VOID, UPSERT = '"void"', '"upsert"'


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
    blobs: dict[str, int] = field(
        default_factory=dict
    )  # sha256 → size of every photo the bundle holds
    records_room: int | None = None  # optimistic plan: bytes the deflated records files may take
    records_cap: int | None = None  # optimistic plan: bytes one records file may take
    # a cut still to be chosen (``plan_export(defer=True)``): ``walk(on_blobs)`` chooses it,
    # calling ``on_blobs`` with the photos of each group taken, and returns the plan; until
    # then ``blobs`` holds every pending photo
    walk: Any = None


def plan_export(
    ctx: AppContext,
    since: str,
    upto: str,
    node: str,
    caps: ExportCaps,
    optimistic: bool = True,
    defer: bool = False,
) -> ExportPlan:
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
        sizes = pending_blobs(ctx, s, since, upto, node)
        blob_total = sum(sizes.values())
        if optimistic and fits_caps(
            caps, len(sizes), len(SYNC_TABLES), blob_total + caps.records_bytes, {}
        ):
            return ExportPlan(
                blobs=sizes,
                records_room=caps.bundle_bytes
                - blob_total
                - bundle_overhead(len(sizes), len(SYNC_TABLES)),
                records_cap=caps.records_bytes,
            )
        counted: int | None = None  # how many changes there are in all, when the totals were needed
        if fits_caps(caps, len(sizes), 0, blob_total, {}):  # the photos fit: do the records?
            counted, per_entity = pending_totals(s, since, upto, node, dialect, caps.records_bytes)
            if fits_caps(
                caps, len(sizes), len(per_entity), sum(per_entity.values()) + blob_total, per_entity
            ):
                return ExportPlan(blobs=sizes)

    def walk(on_blobs: Any = None) -> ExportPlan:
        with ctx.read_session() as s:
            items, parents = _plan_stream(s, since, upto, node, dialect)
            # else counted once the cut is chosen (its photos are being copied meanwhile)
            pending = (
                counted
                if counted is not None
                else (
                    lambda: pending_totals(
                        s, since, upto, node, dialect, caps.records_bytes, counts_only=True
                    )[0]
                )
            )
            return _choose_cut(items, sizes, caps, parents, pending, on_blobs)

    return ExportPlan(blobs=sizes, walk=walk) if defer else walk()


PARENT_ENTITIES = frozenset(PARENT_KEYS.values())


def _entity_items(
    s: Any, entity: str, since: str, upto: str, node: str, dialect: str
) -> Iterator[_Item]:
    """The pending rows of ``entity`` as planning items in key order (sorted by the
    database): the key of a visit child is its sealed visit's HLC when that is later."""
    model = model_of(entity)
    spec = export_columns(model)
    table = model.__table__
    columns = inspect(model).columns
    refs = [(key, PARENT_KEYS[key]) for key in spec.keys if key in PARENT_KEYS]
    key_col: Any = table.c.hlc
    if entity in VISIT_GATED:
        # the later of its own HLC and its sealed visit's ('' sorts first): one lookup of
        # the visit per row, and the sort uses the column (a CASE looked it up 4 times)
        visit = select(Visit.hlc).where(
            Visit.id == table.c.visit_id,
            Visit.status == "submitted",
            Visit.hlc > since,
            Visit.hlc <= upto,
        )
        later = func.max if dialect == "sqlite" else func.greatest
        key_col = later(func.coalesce(visit.scalar_subquery(), ""), table.c.hlc)
    key = key_col.label("plan_key")
    if entity in GROUPED_ITEMS and dialect == "sqlite" and "visit_id" in spec.keys:
        yield from _grouped_items(s, entity, since, upto, node, key, refs, spec.blob_keys)
        return
    cols = [
        table.c.id,
        key,
        size_estimate(model, dialect),
        *(columns[k] for k, _ in refs),
        *(columns[k] for k in spec.blob_keys),
    ]
    nrefs = len(refs)
    parents = [parent for _k, parent in refs]
    streams = [
        driver_rows(s, stmt.order_by(key))
        for stmt in pending_selects(entity, since, upto, node, cols)
    ]
    rows = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda row: row[1])
    for row in rows:
        item_refs = tuple(
            [
                (parent, value)
                for parent, value in zip(parents, row[3 : 3 + nrefs], strict=True)
                if value is not None
            ]
        )
        blobs = tuple([v for v in row[3 + nrefs :] if v]) if len(row) > 3 + nrefs else ()
        yield _Item(entity, row[0], row[1], int(row[2] or 0), blobs, item_refs)


# a visit's answers, photos …: nothing references them, so the rows of one visit that
# share a key plan as one item (a cut takes a key's rows all or none): ~20 times fewer
# items to build and walk
GROUPED_ITEMS = frozenset(entity for entity in VISIT_GATED if entity not in PARENT_ENTITIES)


def _grouped_items(
    s: Any,
    entity: str,
    since: str,
    upto: str,
    node: str,
    key: Any,
    refs: list[tuple[str, str]],
    blob_keys: tuple[str, ...],
) -> Iterator[_Item]:
    """``_entity_items`` of a non-parent entity, one item per visit and key (SQLite
    groups them): the rows' count, summed size estimate, every parent they reference
    and every photo."""
    model = model_of(entity)
    columns = inspect(model).columns
    if entity in VISIT_CHILDREN:  # the key from the joined visit (``_child_selects``)
        key = func.max(case((Visit.hlc > since, Visit.hlc), else_=""), model.__table__.c.hlc).label(
            "plan_key"
        )
    cols = [
        key,
        size_estimate(model, "sqlite").label("est"),
        *(columns[k].label(f"ref{i}") for i, (k, _p) in enumerate(refs)),
        *(columns[k].label(f"blob{i}") for i, k in enumerate(blob_keys)),
    ]
    streams = []
    for part, stmt in enumerate(
        _child_selects(entity, since, upto, node, cols)
        if entity in VISIT_CHILDREN
        else pending_selects(entity, since, upto, node, cols)
    ):
        rows = stmt.subquery()
        visit_ref = rows.c[f"ref{[k for k, _p in refs].index('visit_id')}"]
        grouped = (
            select(
                rows.c.plan_key,
                func.count(),
                func.sum(rows.c.est),
                visit_ref + f"#{part}",
                *(func.json_group_array(rows.c[f"ref{i}"].distinct()) for i in range(len(refs))),
                *(func.json_group_array(rows.c[f"blob{i}"]) for i in range(len(blob_keys))),
            )
            .group_by(rows.c.plan_key, visit_ref)
            .order_by(rows.c.plan_key)
        )
        streams.append(driver_rows(s, grouped))
    merged = streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda row: row[0])
    parents = [parent for _k, parent in refs]
    nrefs = len(refs)
    for row in merged:
        item_refs = tuple(
            [
                (parent, value)
                for parent, values in zip(parents, row[4 : 4 + nrefs], strict=True)
                for value in _json_strings(values)
            ]
        )
        blobs = tuple([sha for values in row[4 + nrefs :] for sha in _json_strings(values) if sha])
        # its id: unique (the same visit and key may come from both selects), looked up by nobody
        yield _Item(
            entity, f"{row[3]}@{row[0]}", row[0], int(row[2] or 0), blobs, item_refs, int(row[1])
        )


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
    """``pending_selects`` of a visit child as one select joined to its visit (which
    ``columns`` may use): the same rows, without a lookup of the visit per row."""
    table = model_of(entity).__table__
    own = and_(table.c.hlc > since, table.c.hlc <= upto, table.c.hlc.like(f"%:{node}"))
    older_of_newly_sealed = and_(Visit.hlc > since, table.c.hlc <= since)
    return [
        select(*columns)
        .select_from(table.join(Visit.__table__, Visit.id == table.c.visit_id))
        .where(Visit.status == "submitted", Visit.hlc <= upto, or_(own, older_of_newly_sealed))
    ]


def _plan_stream(
    s: Any, since: str, upto: str, node: str, dialect: str
) -> tuple[Iterator[_Item], dict[tuple[str, str], _Item]]:
    """Every pending row as a planning item, in key order (one sorted stream per entity,
    merged: memory holds one row per entity), and the pending rows of the entities others
    reference (partners, visits, orders, invoices, findings), which a cut may have to
    carry along early."""
    held = {
        entity: list(_entity_items(s, entity, since, upto, node, dialect))
        for entity in SYNC_TABLES
        if entity in PARENT_ENTITIES
    }
    parents = {(item.entity, item.id): item for items in held.values() for item in items}
    streams = [
        iter(held[entity])
        if entity in held
        else _entity_items(s, entity, since, upto, node, dialect)
        for entity in SYNC_TABLES
    ]
    return heapq.merge(*streams, key=lambda item: item.key), parents


def _choose_cut(
    items: Iterable[_Item],
    sizes: dict[str, int],
    caps: ExportCaps,
    parents: dict[tuple[str, str], _Item],
    pending: int | Callable[[], int],
    on_blobs: Any = None,
) -> ExportPlan:
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
        fits = fits_caps(
            caps, len(blobs) + len(add_blobs), entities, add_total, grown
        )  # untouched files already fit
        if not fits and high is not None:
            cut = True
            break
        early.update(
            ident for ident in seen if ident[0] in PARENT_ENTITIES and parents[ident].key > key
        )
        taken += sum(item.count for item in new)
        blobs |= add_blobs
        if on_blobs is not None and add_blobs:
            on_blobs(sorted(add_blobs))
        per_entity.update(grown)
        total, high = add_total, key
        if not fits:  # one group over the export caps: alone in its bundle
            over_hq = not fits_caps(Caps(), len(blobs), len(per_entity), total, per_entity)
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
