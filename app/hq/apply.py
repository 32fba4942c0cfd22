"""Applying a validated bundle at HQ in one transaction: its new blobs published, its
records merged with what HQ holds (per field or whole record), conflicts recorded and
the ``imported_bundle`` entry written."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.atomic import Durability, replace_together
from app.hq import records
from app.hq.records import Carry, RecordWriter, Upsert, chunks, dump_json, entities_with_records
from app.hq.stream import NewRecordStream, committing
from app.sync.bundle import Bundle
from app.sync.merge import (
    APPEND_ONLY,
    META_KEYS,
    PER_FIELD,
    Conflict,
    is_unset,
    merge_fields,
    same_writer,
    unset_hlc,
)
from app.sync.schema import HQ_OWNED
from db.hq.models import Blob, Device, ImportedBundle
from db.models import SYNC_TABLES

FSYNC_THREADS = 16


def store_blobs(bundle: Bundle) -> None:
    """Publish the bundle's new blobs, copied (and hash-checked) by the reader: flushed
    to the disk together, then renamed into the content-addressed store (a photo is
    kept: its bundle is acknowledged)."""
    replace_together(bundle.staged, Durability.SYNC, threads=FSYNC_THREADS)


def apply_bundle(
    sessions: sessionmaker[Session],
    dialect: str,
    bundle: Bundle,
    device: Device,
    ids: dict[str, set[str]] | None,
    stream: NewRecordStream | None = None,
) -> tuple[dict[str, int], int]:
    """Write the validated bundle in one transaction: blobs, merged records, the
    ``imported_bundle`` entry. With a ``stream`` that holds, its transaction goes on:
    the entities it wrote whole are done, the others are merged here."""
    manifest = bundle.manifest
    store_blobs(bundle)
    counts: dict[str, int] = {}
    conflicts = 0
    streamed: set[str] = set()
    if stream is not None and stream.finish():
        assert stream.session is not None and stream.writer is not None
        transaction: Any = committing(stream.session)
        writer: RecordWriter | None = stream.writer
        streamed = set(stream.streamed)
    else:
        transaction, writer = sessions.begin(), None
    with transaction as s:
        writer = writer or RecordWriter(s, dialect)
        shas = list(bundle.blobs)
        present: set[str] = set()
        for chunk in chunks(shas, records.LOOKUP):
            present.update(s.scalars(select(Blob.sha256).where(Blob.sha256.in_(chunk))))
        new_blobs = [
            {"sha256": sha, "size": bundle.blobs[sha]} for sha in shas if sha not in present
        ]
        if new_blobs:
            s.execute(insert(Blob), new_blobs)
        entities = [e for e in SYNC_TABLES if e in bundle.records]
        # every lookup before the first record is written: the planner still sees the
        # table as it was (a growing table with stale statistics invites scans)
        # (the streamed entities were new to HQ, each id once: nothing to merge)
        merged = [e for e in entities if e not in streamed]
        ids = {
            entity: ids[entity]
            if ids is not None and entity in ids
            else {r["id"] for r in bundle.records[entity]}
            for entity in merged
        }
        populated = entities_with_records(
            s
        )  # under the table lock, before any write of these entities
        existing = {entity: writer.existing(entity, ids[entity], populated) for entity in merged}
        for entity in entities:
            rows = bundle.records[entity]
            counts[entity] = len(rows)
            if entity in streamed:
                continue
            repeated: set[str] = set()
            if len(ids[entity]) != len(rows):
                repeated = {rid for rid, n in Counter(r["id"] for r in rows).items() if n > 1}
            carry = Carry(
                existing[entity],
                repeated,
                held=frozenset(existing[entity]) if entity in HQ_OWNED else frozenset(),
            )
            for start in range(0, len(rows), records.BATCH):
                conflicts += merge_batch(
                    writer,
                    entity,
                    rows[start : start + records.BATCH],
                    bundle.data_texts(entity, start, start + records.BATCH),
                    device.device_id,
                    manifest["bundle_id"],
                    carry,
                )
        writer.flush()
        s.add(
            ImportedBundle(
                bundle_id=manifest["bundle_id"],
                device_id=device.device_id,
                seq=manifest["seq"],
                manifest_sha256=bundle.manifest_sha256,
                imported_at=dt.datetime.now(dt.UTC),
                counts=counts,
            )
        )
    return counts, conflicts


def keep_hq_owned(
    entity: str,
    rid: str,
    cur_data: dict[str, Any],
    cur_fh: dict[str, Any],
    cur_hlc: str,
    data: dict[str, Any],
    incoming_fh: dict[str, Any],
    hlc: str,
    conflicts: list[dict[str, Any]],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A device's record of something HQ holds, with HQ's values of the fields HQ owns
    (``HQ_OWNED``: a partner's code, grade and credit limit, a grade request's decision). A
    device that wrote another value after HQ's (its field HLC is the newer) tried to
    change one: the change is dropped and kept as a conflict HQ sees (``hq conflicts``),
    winner HQ's value. An older or equal value is a stale copy and just left out."""
    owned = [key for key in HQ_OWNED[entity] if key in data]
    if not owned:
        return data, incoming_fh
    data, incoming_fh = dict(data), dict(incoming_fh)
    for key in owned:
        value = data[key]
        in_h = incoming_fh.get(key, hlc)
        cur_h = cur_fh.get(key, cur_hlc)
        # HQ's value with HQ's stamp: no change for a per-field merge, and a whole-record
        # merge that takes the device's newer record still holds HQ's value
        data[key] = cur_data.get(key)
        if key in incoming_fh:
            incoming_fh[key] = cur_h
        if (
            value != cur_data.get(key)
            and isinstance(in_h, str)
            and in_h > cur_h
            and not is_unset(in_h)
        ):
            conflicts.append(
                {
                    "entity": entity,
                    "record_id": rid,
                    "field": key,
                    "winner_value": cur_data.get(key),
                    "loser_value": value,
                    "winner_hlc": cur_h,
                    "loser_hlc": in_h,
                    "resolved": False,
                }
            )
    return data, incoming_fh


def merge_batch(
    writer: RecordWriter,
    entity: str,
    rows: Sequence[dict[str, Any]],
    texts: Sequence[str | None],
    device_id: str,
    bundle_id: str,
    carry: Carry,
) -> int:
    """Merge one chunk in memory against the records that existed before the bundle
    (looked up set-based beforehand), then one bulk upsert (and the conflict rows).
    A record that appears twice in the bundle merges with its earlier version, in
    this chunk or (through ``carry``) an earlier one. ``texts`` are the bundle's own
    JSON texts of the rows' ``data`` (or None), stored as they are for new records."""
    if (
        entity not in PER_FIELD
        and not carry.existing
        and not carry.repeated
        and not any("field_hlc" in row["data"] for row in rows)
    ):
        # every record new and unique, merged whole, none with per-field HLCs to take
        # out of its data: stored as it came (what the loop below gives, in one go)
        dump = dump_json
        tail = writer.tail(entity)
        writer.write(
            entity,
            [
                (
                    entity,
                    row["id"],
                    row["hlc"],
                    device_id,
                    row["op"] == "void",
                    text if text is not None else dump(row["data"]),
                    "{}",
                    bundle_id,
                    *tail(row["data"]),
                )
                for row, text in zip(rows, texts, strict=True)
            ],
            None,
        )
        return 0
    existing = carry.existing
    for rid in carry.repeated.intersection(carry.merged):
        existing[rid] = carry.merged[rid][1:5]
    upserts: dict[str, Upsert] = {}
    conflicts: list[dict[str, Any]] = []
    fresh: set[str] = set()  # ids not in the database before this chunk
    per_field = entity in PER_FIELD
    sealed = entity in APPEND_ONLY
    for row, data_text in zip(rows, texts, strict=True):
        rid, hlc, op = row["id"], row["hlc"], row["op"]
        data = row["data"]
        if "field_hlc" in data:
            data = dict(data)
            incoming_fh = data.pop("field_hlc") or {}
            data_text = None  # the stored data leaves field_hlc out
            if incoming_fh and per_field:
                # a field the sender holds no HLC for is one it never wrote (a default
                # of a card it learnt from HQ): it must not overwrite anyone's value
                unset = unset_hlc(device_id)
                incoming_fh = {k: incoming_fh.get(k, unset) for k in data if k not in META_KEYS}
        else:
            incoming_fh = {}
        prev = upserts.get(rid)
        if prev is not None:
            _, cur_hlc, cur_void, cur_data, cur_fh, _text = prev
        elif rid in existing:
            cur_hlc, cur_void, cur_data, cur_fh = existing[rid]
        else:
            # a new record: what merge_fields(None, ...) gives, without the call
            # per-field entities keep each field's HLC; the others merge whole
            # records, every field at the record's HLC, which an empty map means
            fh = (
                {k: incoming_fh.get(k, hlc) for k in data if k not in META_KEYS}
                if per_field
                else {}
            )
            upserts[rid] = (rid, hlc, op == "void", data, fh, data_text)
            fresh.add(rid)
            continue
        if sealed:
            continue  # sealed: identical content is a no-op
        if rid in carry.held:
            data, incoming_fh = keep_hq_owned(
                entity, rid, cur_data, cur_fh, cur_hlc, data, incoming_fh, hlc, conflicts
            )
        if per_field:
            # what this device had already seen of the record: its newest foreign field HLC
            seen = [
                h
                for h in incoming_fh.values()
                if isinstance(h, str) and not h.endswith(":" + device_id)
            ]
            base = max(seen) if seen else row["base_hlc"]
            merged = merge_fields(
                cur_data, cur_fh, cur_hlc, cur_void, data, incoming_fh, hlc, base, op
            )
        else:
            newer = hlc > cur_hlc
            winner, loser = (data, cur_data) if newer else (cur_data, data)
            merged = merge_fields(
                None,
                {},
                "",
                False,
                winner,
                {},
                max(hlc, cur_hlc),
                None,
                "void" if (op == "void" and newer) or (cur_void and not newer) else "upsert",
            )
            if cur_void and op != "void":
                merged.voided = True
            if (
                row["base_hlc"] is not None
                and cur_hlc > row["base_hlc"]
                and loser != winner
                and not same_writer(cur_hlc, hlc)
            ):
                merged.conflicts.append(
                    Conflict("*", winner, loser, max(hlc, cur_hlc), min(hlc, cur_hlc))
                )
        for c in merged.conflicts:
            conflicts.append(
                {
                    "entity": entity,
                    "record_id": rid,
                    "field": c.field,
                    "winner_value": c.winner_value,
                    "loser_value": c.loser_value,
                    "winner_hlc": c.winner_hlc,
                    "loser_hlc": c.loser_hlc,
                    "resolved": False,
                }
            )
        upserts[rid] = (
            rid,
            merged.hlc,
            merged.voided,
            merged.data,
            merged.field_hlc if per_field else {},
            None,
        )
    for rid in carry.repeated.intersection(upserts):
        carry.merged[rid] = upserts[rid]
    writer.upsert(entity, device_id, bundle_id, upserts.values(), fresh)
    writer.conflicts(conflicts)
    return len(conflicts)
