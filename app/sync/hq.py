"""Headquarters: key pair, device registry, bundle ingest (validate everything, then apply
in one transaction with the ``imported_bundle`` entry), signed acks, stats, conflicts and
down-bundles for laptops."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app import __version__
from app.domain.hlc import HybridLogicalClock, Timestamp
from app.domain.ids import uuid7
from app.domain.regions import in_territory
from app.errors import BundleRejected, UserError
from app.i18n import tr
from app.sync import signing
from app.sync.bundle import Bundle, Caps, read_bundle, reject, validate_record, write_bundle
from app.sync.merge import APPEND_ONLY, PER_FIELD, merge_fields
from db.hq.engine import hq_engine, upgrade_hq
from db.hq.models import Blob, Device, HqConflict, HqMeta, ImportedBundle, Record
from db.models import SYNC_TABLES

log = logging.getLogger(__name__)
BATCH = 500
PARENT_KEYS = {"partner_id": "partner", "visit_id": "visit", "order_id": "rectification_order", "invoice_id": "invoice", "finding_id": "finding"}


@dataclass
class IngestResult:
    status: str  # accepted | duplicate | rejected
    reason: str = ""
    bundle_id: str = ""
    ack_path: Path | None = None
    counts: dict[str, int] | None = None


def default_key_dir(url: str) -> Path:
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url[len("sqlite:///"):]).expanduser().absolute().parent
    return Path.cwd()


class Hq:
    """One HQ database (SQLite or PostgreSQL URL) and its key directory."""

    def __init__(self, url: str, key_dir: Path | None = None, caps: Caps | None = None) -> None:
        self.url = url
        try:
            self.engine = hq_engine(url)
            upgrade_hq(self.engine)
        except Exception as exc:
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(exc, (SQLAlchemyError, OSError)):
                raise UserError(tr("hq", "Cannot open the HQ database {url}: {error}").format(url=url, error=exc)) from exc
            raise
        self.sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        stored = self.meta("key_dir")
        self.key_dir = Path(key_dir).absolute() if key_dir else Path(stored) if stored else default_key_dir(url)
        self.caps = caps or Caps()

    def close(self) -> None:
        self.engine.dispose()

    # -- metadata and keys -----------------------------------------------------------
    def meta(self, key: str) -> str | None:
        with self.sessions() as s:
            row = s.get(HqMeta, key)
            return row.value if row else None

    def _set_meta(self, s: Session, key: str, value: str) -> None:
        s.merge(HqMeta(key=key, value=value))

    @property
    def private_key_path(self) -> Path:
        return self.key_dir / "hq_ed25519.pem"

    @property
    def blob_dir(self) -> Path:
        return self.key_dir / "hq_blobs"

    def init(self) -> dict[str, str]:
        """Create the HQ key pair (once) and record the key dir; returns the public key file."""
        self.key_dir.mkdir(parents=True, exist_ok=True)
        key = signing.load_private(self.private_key_path) if self.private_key_path.exists() else signing.write_private_key(self.private_key_path)
        raw = signing.public_raw(key)
        with self.sessions.begin() as s:
            hq_id = (s.get(HqMeta, "hq_id").value if s.get(HqMeta, "hq_id") else uuid7())  # type: ignore[union-attr]
            self._set_meta(s, "hq_id", hq_id)
            self._set_meta(s, "key_dir", str(self.key_dir))
        public = {"hq_id": hq_id, "public_key": signing.b64(raw), "fingerprint": signing.fingerprint(raw)}
        (self.key_dir / "hq_public.key").write_text(json.dumps(public, indent=2), encoding="utf-8")
        return public

    def _key(self):  # type: ignore[no-untyped-def]
        if not self.private_key_path.exists():
            raise UserError(tr("hq", "HQ keys not found in {dir}; run 'channeldesk hq init' first.").format(dir=self.key_dir))
        return signing.load_private(self.private_key_path)

    def hq_id(self) -> str:
        value = self.meta("hq_id")
        if value is None:
            raise UserError(tr("hq", "This HQ database is not initialised; run 'channeldesk hq init'."))
        return value

    # -- devices ---------------------------------------------------------------------------
    def register_device(self, key_file: Path, user: str | None = None, territory: list[str] | None = None) -> Device:
        try:
            data = json.loads(Path(key_file).read_text(encoding="utf-8"))
            device_id, public_key = str(data["device_id"]), str(data["public_key"])
            raw = base64.b64decode(public_key, validate=True)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UserError(tr("hq", "{file} is not a device public-key file: {error}").format(file=key_file, error=exc)) from exc
        if len(raw) != 32:
            raise UserError(tr("hq", "{file}: the public key must be 32 bytes").format(file=key_file))
        if territory is None:
            raw_territory = data.get("territory", [])
            territory = raw_territory if isinstance(raw_territory, list) else [c for c in str(raw_territory).split(",") if c]
        with self.sessions.begin() as s:
            device = s.get(Device, device_id)
            if device is None:
                device = Device(device_id=device_id, public_key=public_key, registered_at=dt.datetime.now(dt.UTC))
                s.add(device)
            elif device.public_key != public_key:
                raise UserError(tr("hq", "Device {id} is already registered with another key.").format(id=device_id))
            device.user = user if user is not None else str(data.get("user", ""))
            device.territory = ",".join(territory)
        return device

    def revoke_device(self, device_id: str) -> None:
        with self.sessions.begin() as s:
            device = s.get(Device, device_id)
            if device is None:
                raise UserError(tr("hq", "Unknown device {id}.").format(id=device_id))
            device.revoked = True

    # -- ingest ------------------------------------------------------------------------------
    def ingest(self, path: Path, ack_dir: Path | None = None) -> IngestResult:
        path = Path(path)
        try:
            bundle, device = self._validate(path)
        except BundleRejected as exc:
            self._log_rejection(path, exc.message)
            return IngestResult("rejected", exc.message)
        manifest = bundle.manifest
        with self.sessions() as s:
            previous = s.get(ImportedBundle, manifest["bundle_id"])
        if previous is not None:
            result = IngestResult("duplicate", bundle_id=manifest["bundle_id"], counts=dict(previous.counts))
        else:
            counts, conflicts = self._apply(bundle, device)
            result = IngestResult("accepted", bundle_id=manifest["bundle_id"], counts=counts)
            result.reason = ""
            self._conflict_ids = conflicts
        result.ack_path = self._write_ack(bundle, result, ack_dir or path.parent)
        return result

    def _log_rejection(self, path: Path, reason: str) -> None:
        try:
            with (self.key_dir / "hq-rejections.log").open("a", encoding="utf-8") as fh:
                fh.write(f"{dt.datetime.now(dt.UTC).isoformat()}\t{path}\t{reason}\n")
        except OSError:
            pass

    def _validate(self, path: Path) -> tuple[Bundle, Device]:
        found: dict[str, Device] = {}

        def public_key_for(manifest: dict[str, Any]) -> str:
            with self.sessions() as s:
                device = s.get(Device, manifest["device_id"])
            if device is None:
                raise reject(tr("sync", "unknown device {id}; register it with 'hq register-device'").format(id=manifest["device_id"]))
            if device.revoked:
                raise reject(tr("sync", "device {id} is revoked").format(id=device.device_id))
            found["device"] = device
            return device.public_key

        bundle = read_bundle(path, self.caps, public_key_for)
        device = found["device"]
        manifest = bundle.manifest
        with self.sessions() as s:
            same_id = s.get(ImportedBundle, manifest["bundle_id"])
            if same_id is not None and same_id.manifest_sha256 != bundle.manifest_sha256:
                raise reject(tr("sync", "bundle {id} was already imported with different content").format(id=manifest["bundle_id"]))
            same_seq = s.scalar(select(ImportedBundle).where(ImportedBundle.device_id == device.device_id, ImportedBundle.seq == manifest["seq"]))
            if same_seq is not None and same_seq.manifest_sha256 != bundle.manifest_sha256:
                raise reject(tr("sync", "seq {seq} of this device was already imported with different content (replay)").format(seq=manifest["seq"]))
            if same_id is None:
                self._validate_records(s, bundle, device)
        return bundle, device

    def _validate_records(self, s: Session, bundle: Bundle, device: Device) -> None:
        territory = [c for c in device.territory.split(",") if c]
        known = set(SYNC_TABLES)
        in_bundle: dict[str, set[str]] = {e: {r["id"] for r in rows if isinstance(r, dict)} for e, rows in bundle.records.items()}
        for entity, rows in bundle.records.items():
            if entity not in known:
                raise reject(tr("sync", "unknown record type {entity}").format(entity=entity))
            existing: dict[str, Record] = {}
            ids = [r.get("id") for r in rows if isinstance(r, dict)]
            for start in range(0, len(ids), BATCH):
                for rec in s.scalars(select(Record).where(Record.entity == entity, Record.id.in_(ids[start:start + BATCH]))):
                    existing[rec.id] = rec
            for row in rows:
                problem = validate_record(entity, row, device.device_id)
                if problem:
                    raise reject(problem)
                data = row["data"]
                if entity == "partner":
                    district = data.get("district_code") or data.get("city_code") or data.get("province_code")
                    if not isinstance(data.get("code"), str) or not data.get("code"):
                        raise reject(tr("sync", "partner {id}: the code is missing").format(id=row["id"]))
                    if territory and not in_territory(district, territory):
                        raise reject(tr("sync", "partner {code} lies outside the device's territory").format(code=data.get("code")))
                if entity == "visit" and row["op"] == "upsert" and data.get("status") != "submitted":
                    raise reject(tr("sync", "visit {id} is not submitted").format(id=row["id"]))
                for key, parent in PARENT_KEYS.items():
                    ref = data.get(key)
                    if ref is None or key not in data:
                        continue
                    if ref not in in_bundle.get(parent, set()) and s.get(Record, (parent, ref)) is None:
                        raise reject(tr("sync", "{entity} {id} refers to an unknown {parent} {ref}").format(entity=entity, id=row["id"], parent=parent, ref=ref))
                for key in ("sha256",):
                    sha = data.get(key)
                    if entity in ("visit_photo", "attachment") and (not isinstance(sha, str) or (sha not in bundle.blobs and s.get(Blob, sha) is None)):
                        raise reject(tr("sync", "{entity} {id} refers to a photo that is not in the bundle").format(entity=entity, id=row["id"]))
                current = existing.get(row["id"])
                if entity in APPEND_ONLY and current is not None and current.data != data:
                    raise reject(tr("sync", "{entity} {id} is sealed and arrived with different content").format(entity=entity, id=row["id"]))

    def _apply(self, bundle: Bundle, device: Device) -> tuple[dict[str, int], int]:
        manifest = bundle.manifest
        self.blob_dir.mkdir(parents=True, exist_ok=True)
        for sha in bundle.blobs:
            target = self.blob_dir / sha[:2] / sha
            if target.exists():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            zf, src = bundle.open_blob(sha)
            tmp = target.with_name(f".{sha}.{os.getpid()}.tmp")
            with zf, src, tmp.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, target)
        counts: dict[str, int] = {}
        conflicts = 0
        with self.sessions.begin() as s:
            for sha, size in bundle.blobs.items():
                if s.get(Blob, sha) is None:
                    s.add(Blob(sha256=sha, size=size))
            for entity in [e for e in SYNC_TABLES if e in bundle.records]:
                rows = bundle.records[entity]
                counts[entity] = len(rows)
                for start in range(0, len(rows), BATCH):
                    conflicts += self._merge_batch(s, entity, rows[start:start + BATCH], device.device_id, manifest["bundle_id"])
            s.add(ImportedBundle(bundle_id=manifest["bundle_id"], device_id=device.device_id, seq=manifest["seq"],
                                 manifest_sha256=bundle.manifest_sha256, imported_at=dt.datetime.now(dt.UTC), counts=counts))
        return counts, conflicts

    def _merge_batch(self, s: Session, entity: str, rows: list[dict[str, Any]], device_id: str, bundle_id: str) -> int:
        existing = {r.id: r for r in s.scalars(select(Record).where(Record.entity == entity, Record.id.in_([r["id"] for r in rows])))}
        upserts: dict[str, dict[str, Any]] = {}
        conflicts = 0
        for row in rows:
            data = dict(row["data"])
            incoming_fh = data.pop("field_hlc", None) or {}
            current = existing.get(row["id"])
            prev = upserts.get(row["id"])
            if prev is not None:
                cur_data, cur_fh, cur_hlc, cur_void = prev["data"], prev["field_hlc"], prev["hlc"], prev["voided"]
            elif current is not None:
                cur_data, cur_fh, cur_hlc, cur_void = current.data, current.field_hlc or {}, current.hlc, current.voided
            else:
                cur_data, cur_fh, cur_hlc, cur_void = None, {}, "", False
            if entity in APPEND_ONLY and cur_data is not None:
                continue  # sealed: identical content is a no-op
            if entity in PER_FIELD or cur_data is None:
                # what this device had already seen of the record: its newest foreign field HLC
                seen = [h for h in incoming_fh.values() if isinstance(h, str) and not h.endswith(":" + device_id)]
                base = max(seen) if seen else row["base_hlc"]
                merged = merge_fields(cur_data, cur_fh, cur_hlc, cur_void, data, incoming_fh if entity in PER_FIELD else {}, row["hlc"], base, row["op"])
            else:
                newer = row["hlc"] > cur_hlc
                winner, loser = (data, cur_data) if newer else (cur_data, data)
                merged = merge_fields(None, {}, "", False, winner, {}, max(row["hlc"], cur_hlc), None, "void" if (row["op"] == "void" and newer) or (cur_void and not newer) else "upsert")
                if cur_void and row["op"] != "void":
                    merged.voided = True
                if row["base_hlc"] is not None and cur_hlc > row["base_hlc"] and loser != winner and cur_data is not None:
                    from app.sync.merge import Conflict

                    merged.conflicts.append(Conflict("*", winner, loser, max(row["hlc"], cur_hlc), min(row["hlc"], cur_hlc)))
            for c in merged.conflicts:
                s.add(HqConflict(entity=entity, record_id=row["id"], field=c.field, winner_value=c.winner_value, loser_value=c.loser_value,
                                 winner_hlc=c.winner_hlc, loser_hlc=c.loser_hlc))
                conflicts += 1
            upserts[row["id"]] = {"entity": entity, "id": row["id"], "hlc": merged.hlc, "device_id": device_id, "voided": merged.voided,
                                  "data": merged.data, "field_hlc": merged.field_hlc, "bundle_id": bundle_id}
        if upserts:
            self._upsert(s, list(upserts.values()))
        return conflicts

    def _upsert(self, s: Session, values: list[dict[str, Any]]) -> None:
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        stmt = insert(Record).values(values)
        stmt = stmt.on_conflict_do_update(index_elements=["entity", "id"], set_={
            "hlc": stmt.excluded.hlc, "device_id": stmt.excluded.device_id, "voided": stmt.excluded.voided,
            "data": stmt.excluded.data, "field_hlc": stmt.excluded.field_hlc, "bundle_id": stmt.excluded.bundle_id})
        s.execute(stmt)

    def _write_ack(self, bundle: Bundle, result: IngestResult, ack_dir: Path) -> Path:
        manifest = bundle.manifest
        with self.sessions() as s:
            conflict_rows = [{"entity": c.entity, "id": c.record_id, "field": c.field} for c in s.scalars(
                select(HqConflict).where(HqConflict.record_id.in_([r["id"] for rows in bundle.records.values() for r in rows][:5000])))] if bundle.records else []
        ack = {"bundle_id": manifest["bundle_id"], "device_id": manifest["device_id"], "seq": manifest["seq"], "status": result.status,
               "counts": result.counts or {}, "conflicts": conflict_rows, "hq_time": dt.datetime.now(dt.UTC).isoformat(), "hq_id": self.hq_id()}
        if result.reason:
            ack["reason"] = result.reason
        signed = signing.sign_document(self._key(), ack)
        ack_dir.mkdir(parents=True, exist_ok=True)
        target = ack_dir / f"{manifest['bundle_id']}.cdack"
        tmp = target.with_suffix(".tmp")
        tmp.write_text(json.dumps(signed, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, target)
        return target

    # -- reading -------------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        tables: dict[str, Any] = {}
        with self.sessions() as s:
            grouped: dict[str, list[str]] = defaultdict(list)
            for entity, rid, hlc in s.execute(select(Record.entity, Record.id, Record.hlc)):
                grouped[entity].append(f"{rid}:{hlc}")
            for entity in sorted(set(SYNC_TABLES) | set(grouped)):
                lines = sorted(grouped.get(entity, []))
                tables[entity] = {"rows": len(lines), "digest": hashlib.sha256("\n".join(lines).encode()).hexdigest()}
            count, size = s.execute(select(func.count(Blob.sha256), func.coalesce(func.sum(Blob.size), 0))).one()
            devices = []
            for d in s.scalars(select(Device).order_by(Device.device_id)):
                last_seq, bundles = s.execute(select(func.coalesce(func.max(ImportedBundle.seq), 0), func.count(ImportedBundle.bundle_id))
                                              .where(ImportedBundle.device_id == d.device_id)).one()
                devices.append({"device_id": d.device_id, "user": d.user, "territory": [c for c in d.territory.split(",") if c],
                                "last_seq": int(last_seq), "bundles": int(bundles), "revoked": d.revoked})
        return {"tables": tables, "blobs": {"count": int(count), "bytes": int(size)}, "devices": devices}

    def conflicts(self) -> list[dict[str, Any]]:
        with self.sessions() as s:
            return [{"id": c.id, "entity": c.entity, "record_id": c.record_id, "field": c.field, "winner_value": c.winner_value,
                     "loser_value": c.loser_value, "winner_hlc": c.winner_hlc, "loser_hlc": c.loser_hlc}
                    for c in s.scalars(select(HqConflict).where(HqConflict.resolved.is_(False)).order_by(HqConflict.id))]

    def records(self, entity: str) -> list[Record]:
        with self.sessions() as s:
            return list(s.scalars(select(Record).where(Record.entity == entity)))

    # -- publishing -------------------------------------------------------------------------------
    def _clock(self, s: Session) -> HybridLogicalClock:
        node = self.hq_id()
        last = s.get(HqMeta, "hlc_last")
        clock = HybridLogicalClock(node=node, last=Timestamp.parse(last.value) if last else None)
        return clock

    def publish(self, device_id: str, target: Path, reference: dict[str, list[dict[str, Any]]]) -> Path:
        """Down-bundle for one laptop: templates, frequency rules, targets, partner master
        data (HQ-owned fields) and revocations, signed by HQ. ``reference`` carries the
        templates and rules HQ publishes (entity → list of data dicts with stable ids)."""
        key = self._key()
        with self.sessions.begin() as s:
            device = s.get(Device, device_id)
            if device is None:
                raise UserError(tr("hq", "Unknown device {id}.").format(id=device_id))
            territory = [c for c in device.territory.split(",") if c]
            clock = self._clock(s)
            records: dict[str, list[dict[str, Any]]] = {}
            for entity, items in reference.items():
                records[entity] = [{"id": item.pop("id"), "hlc": clock.tick(), "op": "upsert", "base_hlc": None, "data": item} for item in items]
            partners = []
            for rec in s.scalars(select(Record).where(Record.entity == "partner")):
                district = rec.data.get("district_code") or rec.data.get("city_code") or rec.data.get("province_code")
                if territory and not in_territory(district, territory):
                    continue
                owned = {k: rec.data.get(k) for k in ("code", "name", "grade", "credit_limit_fen", "status", "type", "province_code", "city_code", "district_code", "address")}
                owned["field_hlc"] = {k: (rec.field_hlc or {}).get(k, rec.hlc) for k in ("code", "grade", "credit_limit_fen")}
                partners.append({"id": rec.id, "hlc": rec.hlc, "op": "void" if rec.voided else "upsert", "base_hlc": None, "data": owned})
            records["partner"] = partners
            targets = [{"id": rec.id, "hlc": rec.hlc, "op": "upsert", "base_hlc": None, "data": rec.data} for rec in s.scalars(select(Record).where(Record.entity == "target"))]
            if targets:
                records["target"] = targets
            revoked = list(s.scalars(select(Device.device_id).where(Device.revoked.is_(True))))
            self._set_meta(s, "hlc_last", str(clock.last) if clock.last else "")
            seq_key = f"publish_seq:{device_id}"
            seq = int(s.get(HqMeta, seq_key).value if s.get(HqMeta, seq_key) else "0") + 1  # type: ignore[union-attr]
            self._set_meta(s, seq_key, str(seq))
        manifest = {"kind": "hq", "bundle_id": uuid7(), "device_id": device_id, "hq_id": self.hq_id(), "user": device.user,
                    "territory": territory, "created_at": dt.datetime.now(dt.UTC).isoformat(), "created_hlc": str(clock.last) if clock.last else "",
                    "seq": seq, "base_ack_seq": 0, "app_version": __version__, "revoked_devices": revoked}
        write_bundle(Path(target), manifest, records, [], lambda body: signing.sign(key, body))
        return Path(target)


def stable_id(*parts: str) -> str:
    """A stable UUID for HQ reference rows (templates, rules) published to many laptops."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "channeldesk:" + ":".join(parts)))
