"""Every rejection rule of an HQ ingest (``docs/sync_format.md``, rule 7), checked on HQ
as it was before the ingest and before anything is written."""

from __future__ import annotations

from collections import defaultdict
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
from app.sync.bundle import (
    HLC_RE,
    OPS,
    RECORD_KEYS,
    UUID_RE,
    BlobStage,
    Bundle,
    Caps,
    read_bundle,
    reject,
    validate_record,
)
from app.sync.merge import APPEND_ONLY
from app.sync.schema import PARENT_KEY_SET, PARENT_KEYS, check_records
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


def validate_records(s: Session, bundle: Bundle, device: Device) -> dict[str, set[str]]:
    """Rule 7 of the spec for every record, before anything is written. Lookups of
    existing records, referenced parents and blobs are set-based (one query per
    entity or chunk of ids), never one query per record: references that are not in
    the bundle are collected in one pass and looked up at the end, and the first
    that HQ does not have either is the one reported."""
    territory = [c for c in device.territory.split(",") if c]
    known = set(SYNC_TABLES)
    node = device.device_id
    for entity in bundle.records:
        if entity not in known:
            raise reject(tr("sync", "unknown record type {entity}").format(entity=entity))
    in_bundle: dict[str, set[str]] = {
        e: {rid for r in rows if type(r) is dict and type(rid := r.get("id")) is str}
        for e, rows in bundle.records.items()
    }
    bundle.ids = (
        in_bundle  # for the apply, which only follows a validation that accepted every record
    )
    populated = entities_with_records(s)
    # (parent entity or "blob", referenced id) → the message for the first record citing it
    outside: dict[tuple[str, str], str] = {}
    unknown_parent = tr("sync", "{entity} {id} refers to an unknown {parent} {ref}")
    missing_photo = tr("sync", "{entity} {id} refers to a photo that is not in the bundle")
    different = tr("sync", "{entity} {id} is sealed and arrived with different content")
    blobs = bundle.blobs
    uuid_match, hlc_match, suffix = UUID_RE.match, HLC_RE.match, ":" + node
    for entity, rows in bundle.records.items():
        photo = entity in ("visit_photo", "attachment")
        is_partner, is_visit = entity == "partner", entity == "visit"
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
        for row in rows:
            # validate_record's checks for the usual case inline; anything else (or
            # anything wrong) through validate_record itself, which names the fault
            if (
                type(row) is not dict
                or row.keys() != RECORD_KEYS
                or type(rid := row["id"]) is not str
                or uuid_match(rid) is None
                or type(hlc := row["hlc"]) is not str
                or hlc_match(hlc) is None
                or not hlc.endswith(suffix)
                or row["base_hlc"] is not None
                or type(row["data"]) is not dict
                or row["op"] not in OPS
                or "field_hlc" in row["data"]
            ):
                problem = validate_record(entity, row, node)
                if problem:
                    raise reject(problem)
        # then every data against the entity's schema (types, ranges, enums, formats)
        parsed = bundle.lines.get(entity)
        schema_problem = check_records(
            entity,
            [row["data"] for row in rows],
            [row["id"] for row in rows],
            parsed.data_text if parsed is not None else None,
        )
        if schema_problem is not None:
            raise reject(schema_problem.message)
        if entity == "target":
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
        first_seen: dict[str, dict[str, Any]] = {}
        for row in rows:
            data = row["data"]
            if is_partner:
                district = (
                    data.get("district_code") or data.get("city_code") or data.get("province_code")
                )
                if not isinstance(data.get("code"), str) or not data.get("code"):
                    raise reject(
                        tr("sync", "partner {id}: the code is missing").format(id=row["id"])
                    )
                if territory and not in_territory(
                    district if isinstance(district, str) else None, territory
                ):
                    raise reject(
                        tr("sync", "partner {code} lies outside the device's territory").format(
                            code=data.get("code")
                        )
                    )
            elif is_visit and row["op"] == "upsert" and data.get("status") != "submitted":
                raise reject(tr("sync", "visit {id} is not submitted").format(id=row["id"]))
            elif entity == "grade_request" and (
                data.get("status") != "pending"
                or data.get("decision_note")
                or data.get("decided_at") is not None
            ):
                raise reject(
                    tr("sync", "grade_request {id}: only HQ decides a grade change request").format(
                        id=row["id"]
                    )
                )
            elif entity == "target":
                problem = target_problem(row["id"], data)
                if problem:
                    raise reject(problem)
            for key in PARENT_KEY_SET.intersection(data):
                ref = data[key]
                if ref is None:
                    continue
                parent = PARENT_KEYS[key]
                if type(ref) is not str:
                    raise reject(
                        unknown_parent.format(entity=entity, id=row["id"], parent=parent, ref=ref)
                    )
                if ref not in in_bundle.get(parent, ()) and (parent, ref) not in outside:
                    outside[(parent, ref)] = unknown_parent.format(
                        entity=entity, id=row["id"], parent=parent, ref=ref
                    )
            if photo:
                sha = data.get("sha256")
                if type(sha) is not str:
                    raise reject(missing_photo.format(entity=entity, id=row["id"]))
                if sha not in blobs and ("blob", sha) not in outside:
                    outside[("blob", sha)] = missing_photo.format(entity=entity, id=row["id"])
            if sealed:
                rid = row["id"]
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
        for kind, refs in wanted.items():
            if kind == "blob":
                for chunk in chunks(sorted(refs), records.LOOKUP):
                    present.update(
                        ("blob", sha)
                        for sha in s.scalars(select(Blob.sha256).where(Blob.sha256.in_(chunk)))
                    )
            else:
                present.update(
                    (kind, rid) for (rid,) in find_records(s, kind, refs, "id", populated)
                )
        for item, message in outside.items():  # in the order the records cite them
            if item not in present:
                raise reject(message)
    return in_bundle
