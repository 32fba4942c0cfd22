"""Every rejection rule of an HQ ingest (``docs/sync_format.md``, rule 7), checked on HQ
as it was before the ingest and before anything is written."""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.regions import in_territory
from app.domain.targets import parse_period
from app.hq import records
from app.hq.publish import HQ_BUNDLE
from app.hq.records import chunks, entities_with_records, find_records, json_value
from app.hq.stream import NewRecordStream, imported_before
from app.i18n import tr
from app.sync.blob_stage import BlobStage
from app.sync.bundle import Bundle, read_bundle, reject
from app.sync.caps import Caps
from app.sync.formats import all_hlcs_of, all_uuids
from app.sync.merge import APPEND_ONLY
from app.sync.record_check import check_records
from app.sync.record_codec import OPS, RECORD_KEYS, validate_record
from app.sync.schema import PARENT_KEY_SET, PARENT_KEYS, schemas
from db.hq.models import Blob, Device
from db.models import SYNC_TABLES


def target_problem(rid: str, data: dict[str, Any]) -> str | None:
    """Why a device's target record is refused, or None: HQ's published targets are
    HQ's (a device never sends one), and the period is ``YYYY``, ``YYYY-Qn`` or
    ``YYYY-MM``."""
    if data.get("source") == HQ_BUNDLE:
        return tr("sync", "target {id} is marked as HQ's; only HQ publishes those").format(id=rid)
    try:
        parse_period(str(data.get("period", "")))
    except ValueError:
        return tr(
            "sync", "target {id}: field period must be YYYY, YYYY-Qn or YYYY-MM (got {value})"
        ).format(id=rid, value=data.get("period"))
    return None


def validate_bundle(
    path: Path,
    s: Session,
    caps: Caps,
    stage: BlobStage | None = None,
    stream: NewRecordStream | None = None,
) -> tuple[Bundle, Device, dict[str, set[str]] | None]:
    """Every rejection rule, on the session ``s`` (HQ as it was before this ingest).
    ``stream`` writes new records while the bundle is read; whatever it wrote is
    rolled back when this raises."""
    found: dict[str, Device] = {}

    def public_key_for(manifest: dict[str, Any]) -> str:
        device = s.get(Device, manifest["device_id"])
        if device is None:
            raise reject(
                tr("sync", "unknown device {id}; register it with 'hq register-device'").format(
                    id=manifest["device_id"]
                )
            )
        if device.revoked:
            raise reject(tr("sync", "device {id} is revoked").format(id=device.device_id))
        found["device"] = device
        return device.public_key

    bundle = read_bundle(path, caps, public_key_for, stage=stage, sink=stream)
    device = found["device"]
    manifest = bundle.manifest
    same_id, same_seq = imported_before(s, manifest)
    if same_id is not None and same_id.manifest_sha256 != bundle.manifest_sha256:
        raise reject(
            tr("sync", "bundle {id} was already imported with different content").format(
                id=manifest["bundle_id"]
            )
        )
    if same_seq is not None and same_seq.manifest_sha256 != bundle.manifest_sha256:
        raise reject(
            tr(
                "sync",
                "seq {seq} of this device was already imported with different content (replay)",
            ).format(seq=manifest["seq"])
        )
    if same_id is None:
        return bundle, device, validate_records(s, bundle, device)
    return bundle, device, None


def plain_envelopes(rows: list[Any], node: str) -> list[str] | None:
    """The ids of ``rows`` when every record's envelope is the usual one, checked a
    column at a time (a few C calls per entity instead of a dozen tests per record):
    exactly the record keys, a UUID id, an HLC of this device in canonical form, no
    base_hlc, an op, a data object without field_hlc. None when any record is not
    (``validate_record`` then looks at each and names the fault)."""
    if not rows:
        return []
    try:
        if set(map(type, rows)) != {dict} or set(map(len, rows)) != {len(RECORD_KEYS)}:
            return None
        # (five keys, each of these present: the keys are the record's)
        ids = list(map(itemgetter("id"), rows))
        hlcs = list(map(itemgetter("hlc"), rows))
        datas = list(map(itemgetter("data"), rows))
        ops = set(map(itemgetter("op"), rows))
        bases = list(map(itemgetter("base_hlc"), rows))
    except (KeyError, TypeError):  # a key missing, an op not hashable
        return None
    if (
        not all_uuids(ids)
        or not all_hlcs_of(hlcs, node)
        or bases.count(None) != len(bases)
        or not ops.issubset(OPS)
        or set(map(type, datas)) != {dict}
        or any(map(operator.contains, datas, itertools.repeat("field_hlc")))
    ):
        return None
    return ids


def validate_records(s: Session, bundle: Bundle, device: Device) -> dict[str, set[str]]:
    """Rule 7 of the spec for every record, before anything is written. Lookups of
    existing records, referenced parents and blobs are set-based (one query per
    entity or chunk of ids), never one query per record: references that are not in
    the bundle are collected in one pass and looked up at the end, and the first
    that HQ does not have either is the one reported. The usual records are checked a
    column at a time (``plain_envelopes``, the schema's batch check, the references
    key by key); anything else record by record. Returns each entity's record ids, which
    the apply takes as its argument (nothing is left on the bundle for it)."""
    territory = [c for c in device.territory.split(",") if c]
    known = set(SYNC_TABLES)
    node = device.device_id
    for entity in bundle.records:
        if entity not in known:
            raise reject(tr("sync", "unknown record type {entity}").format(entity=entity))
    plain = {e: plain_envelopes(rows, node) for e, rows in bundle.records.items()}
    in_bundle: dict[str, set[str]] = {
        e: set(ids)
        if (ids := plain[e]) is not None
        else {rid for r in rows if type(r) is dict and type(rid := r.get("id")) is str}
        for e, rows in bundle.records.items()
    }
    populated = entities_with_records(s)
    # (parent entity or "blob", referenced id) → the message for the first record citing it
    outside: dict[tuple[str, str], str] = {}
    unknown_parent = tr("sync", "{entity} {id} refers to an unknown {parent} {ref}")
    missing_photo = tr("sync", "{entity} {id} refers to a photo that is not in the bundle")
    different = tr("sync", "{entity} {id} is sealed and arrived with different content")
    blobs = bundle.blobs
    for entity, rows in bundle.records.items():
        stored: dict[str, Any] = {}
        # sealed content is compared only when HQ has some of these records, or the
        # bundle holds one of them twice
        sealed = False
        if entity in APPEND_ONLY:
            for rid, data in find_records(s, entity, in_bundle[entity], "id, data", populated):
                stored[rid] = json_value(data)
            # (fewer distinct ids than records: one repeats, or a record has no id,
            # which validate_record refuses below)
            sealed = bool(stored) or len(in_bundle[entity]) != len(rows)
        # the envelope of every record first (id, HLC from this device, op, data)
        if plain[entity] is None:
            for row in rows:
                problem = validate_record(entity, row, node)
                if problem:
                    raise reject(problem)
        # then every data against the entity's schema (types, ranges, enums, formats)
        ids = [row["id"] for row in rows]
        datas = [row["data"] for row in rows]
        parsed = bundle.lines.get(entity)
        schema_problem = check_records(
            entity, datas, ids, parsed.data_text if parsed is not None else None
        )
        if schema_problem is not None:
            raise reject(schema_problem.message)
        # then the rules of a few entities, record by record
        if entity == "partner":
            for rid, data in zip(ids, datas, strict=True):
                district = (
                    data.get("district_code") or data.get("city_code") or data.get("province_code")
                )
                if not isinstance(data.get("code"), str) or not data.get("code"):
                    raise reject(tr("sync", "partner {id}: the code is missing").format(id=rid))
                if territory and not in_territory(
                    district if isinstance(district, str) else None, territory
                ):
                    raise reject(
                        tr("sync", "partner {code} lies outside the device's territory").format(
                            code=data.get("code")
                        )
                    )
        elif entity == "visit":
            for row in rows:
                if row["op"] == "upsert" and row["data"].get("status") != "submitted":
                    raise reject(tr("sync", "visit {id} is not submitted").format(id=row["id"]))
        elif entity == "grade_request":
            for rid, data in zip(ids, datas, strict=True):
                if (
                    data.get("status") != "pending"
                    or data.get("decision_note")
                    or data.get("decided_at") is not None
                ):
                    raise reject(
                        tr(
                            "sync", "grade_request {id}: only HQ decides a grade change request"
                        ).format(id=rid)
                    )
        elif entity == "target":
            owned = [
                rid
                for rid, bundle_id in find_records(
                    s, entity, in_bundle[entity], "id, bundle_id", populated
                )
                if bundle_id == HQ_BUNDLE
            ]
            if owned:
                raise reject(
                    tr("sync", "target {id} is HQ's published target; only HQ changes it").format(
                        id=sorted(owned)[0]
                    )
                )
            for rid, data in zip(ids, datas, strict=True):
                problem = target_problem(rid, data)
                if problem:
                    raise reject(problem)
        # references to parents and photos not in the bundle, in the order the records
        # cite them: (record's index, kind, referenced id, message)
        cited: list[tuple[int, str, str, str]] = []
        for key in PARENT_KEY_SET.intersection(schemas()[entity].fields):
            parent = PARENT_KEYS[key]
            refs = [data.get(key) for data in datas]
            has = in_bundle.get(parent, set())
            for i, ref in enumerate(refs):
                if ref is None or (type(ref) is str and ref in has):
                    continue
                if type(ref) is not str:
                    raise reject(
                        unknown_parent.format(entity=entity, id=ids[i], parent=parent, ref=ref)
                    )
                cited.append(
                    (
                        i,
                        parent,
                        ref,
                        unknown_parent.format(entity=entity, id=ids[i], parent=parent, ref=ref),
                    )
                )
        if entity in ("visit_photo", "attachment"):
            for i, data in enumerate(datas):
                sha = data.get("sha256")
                if type(sha) is not str:
                    raise reject(missing_photo.format(entity=entity, id=ids[i]))
                if sha not in blobs:
                    cited.append((i, "blob", sha, missing_photo.format(entity=entity, id=ids[i])))
        cited.sort(key=lambda c: c[0])
        for _i, kind, ref, message in cited:
            outside.setdefault((kind, ref), message)
        if sealed:
            first_seen: dict[str, dict[str, Any]] = {}
            for rid, data in zip(ids, datas, strict=True):
                current = stored.get(rid)
                if current is not None and current != data:
                    raise reject(different.format(entity=entity, id=rid))
                earlier = first_seen.setdefault(rid, data)
                if earlier is not data and earlier != data:
                    raise reject(different.format(entity=entity, id=rid))
    if outside:
        wanted: dict[str, set[str]] = defaultdict(set)
        for kind, ref in outside:
            wanted[kind].add(ref)
        present: set[tuple[str, str]] = set()
        for kind, wanted_refs in wanted.items():
            if kind == "blob":
                for chunk in chunks(sorted(wanted_refs), records.LOOKUP):
                    present.update(
                        ("blob", sha)
                        for sha in s.scalars(select(Blob.sha256).where(Blob.sha256.in_(chunk)))
                    )
            else:
                present.update(
                    (kind, rid) for (rid,) in find_records(s, kind, wanted_refs, "id", populated)
                )
        for item, message in outside.items():  # in the order the records cite them
            if item not in present:
                raise reject(message)
    return in_bundle
