"""Headquarters: one HQ database and its key directory (``Hq``): key pair, device
registry, bundle ingest (validate everything, then apply in one transaction with the
``imported_bundle`` entry), signed acks, stats, conflicts and down-bundles for laptops.
The work itself lives in the sibling modules; this class holds them together."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.atomic import Durability, atomic_write
from app.domain.ids import uuid7
from app.entities import Changes, Created
from app.errors import BundleRejected, UserError
from app.hq import devices
from app.hq.apply import apply_bundle
from app.hq.database import default_key_dir, shown_url, sqlite_file
from app.hq.files import gc_paused, ingest_lock, sweep_temporary_blobs
from app.hq.stream import NewRecordStream
from app.hq.validation import validate_bundle
from app.i18n import tr
from app.sync import signing
from app.sync.blob_stage import BlobStage
from app.sync.bundle import Bundle
from app.sync.caps import Caps
from db.hq.engine import hq_engine, upgrade_hq
from db.hq.models import Blob, Device, HqConflict, HqMeta, ImportedBundle, Record
from db.models import SYNC_TABLES

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    status: str  # accepted | duplicate | rejected
    reason: str = ""
    bundle_id: str = ""
    ack_path: Path | None = None
    counts: dict[str, int] | None = None


class Hq:
    """One HQ database (SQLite or PostgreSQL URL) and its key directory."""

    def __init__(
        self,
        url: str,
        key_dir: Path | None = None,
        caps: Caps | None = None,
        *,
        create: bool = True,
    ) -> None:
        """``create=False`` (every command but ``hq init``): an SQLite file that does not
        exist is refused instead of created empty (a mistyped ``--db``)."""
        self.url = url
        if not create:
            missing = sqlite_file(url)
            if missing is not None and not missing.exists():
                raise UserError(
                    tr(
                        "hq",
                        "The HQ database {file} does not exist; check --db, or run 'channeldesk hq init' to create it.",
                    ).format(file=missing)
                )
        try:
            self.engine = hq_engine(url)
            upgrade_hq(self.engine)
        except Exception as exc:
            from sqlalchemy.exc import SQLAlchemyError

            if isinstance(exc, (SQLAlchemyError, OSError)):
                # the driver's own first line (not SQLAlchemy's wrapper and link); no password
                detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
                raise UserError(
                    tr("hq", "Cannot open the HQ database {url}: {error}").format(
                        url=shown_url(url), error=detail[0] if detail else type(exc).__name__
                    )
                ) from exc
            raise
        self.sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        stored = self.meta("key_dir")
        self.key_dir = (
            Path(key_dir).absolute()
            if key_dir
            else Path(stored)
            if stored
            else default_key_dir(url)
        )
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
        key = (
            signing.load_private(self.private_key_path)
            if self.private_key_path.exists()
            else signing.write_private_key(self.private_key_path)
        )
        raw = signing.public_raw(key)
        with self.sessions.begin() as s:
            hq_id = s.get(HqMeta, "hq_id").value if s.get(HqMeta, "hq_id") else uuid7()  # type: ignore[union-attr]
            self._set_meta(s, "hq_id", hq_id)
            self._set_meta(s, "key_dir", str(self.key_dir))
        public = {
            "hq_id": hq_id,
            "public_key": signing.b64(raw),
            "fingerprint": signing.fingerprint(raw),
        }
        atomic_write(self.key_dir / "hq_public.key", json.dumps(public, indent=2), Durability.SYNC)
        return public

    def _key(self) -> Ed25519PrivateKey:
        if not self.private_key_path.exists():
            raise UserError(
                tr("hq", "HQ keys not found in {dir}; run 'channeldesk hq init' first.").format(
                    dir=self.key_dir
                )
            )
        return signing.load_private(self.private_key_path)

    def hq_id(self) -> str:
        value = self.meta("hq_id")
        if value is None:
            raise UserError(
                tr("hq", "This HQ database is not initialised; run 'channeldesk hq init'.")
            )
        return value

    # -- devices ---------------------------------------------------------------------------
    def register_device(
        self, key_file: Path, user: str | None = None, territory: list[str] | None = None
    ) -> Created:
        return devices.register_device(self.sessions, key_file, user, territory)

    def revoke_device(self, device_id: str) -> Changes:
        return devices.revoke_device(self.sessions, device_id)

    # -- ingest ------------------------------------------------------------------------------
    def ingest(self, path: Path, ack_dir: Path | None = None) -> IngestResult:
        path = Path(path)
        with ingest_lock(self.key_dir) as unfinished, gc_paused():
            if unfinished:
                sweep_temporary_blobs(self.blob_dir)
            stage = BlobStage(self.blob_dir)  # new blobs, copied while they are validated
            return self._ingest(path, stage, ack_dir)

    def _ingest(self, path: Path, stage: BlobStage, ack_dir: Path | None) -> IngestResult:
        stream: NewRecordStream | None = None
        try:
            try:
                with self.sessions() as check:
                    if self.engine.dialect.name == "postgresql":
                        stream = NewRecordStream(self.sessions, check)
                    bundle, device, ids = validate_bundle(path, check, self.caps, stage, stream)
            except BundleRejected as exc:
                self._log_rejection(path, exc.message)
                return IngestResult("rejected", exc.message)
            manifest = bundle.manifest
            with self.sessions() as s:
                previous = s.get(ImportedBundle, manifest["bundle_id"])
            if previous is not None:
                result = IngestResult(
                    "duplicate", bundle_id=manifest["bundle_id"], counts=dict(previous.counts)
                )
            else:
                counts, _conflicts = apply_bundle(
                    self.sessions, self.engine.dialect.name, bundle, device, ids, stream
                )
                result = IngestResult("accepted", bundle_id=manifest["bundle_id"], counts=counts)
        finally:
            if stream is not None:
                stream.abandon()  # rolls back unless the apply committed it
            stage.discard()  # copies not published: all of them unless accepted
        result.ack_path = self._write_ack(bundle, result, ack_dir or path.parent)
        return result

    def _log_rejection(self, path: Path, reason: str) -> None:
        try:
            with (self.key_dir / "hq-rejections.log").open("a", encoding="utf-8") as fh:
                fh.write(f"{dt.datetime.now(dt.UTC).isoformat()}\t{path}\t{reason}\n")
        except OSError:
            pass

    def _write_ack(self, bundle: Bundle, result: IngestResult, ack_dir: Path) -> Path:
        manifest = bundle.manifest
        with self.sessions() as s:
            # (the lookup of 5 000 ids is skipped while HQ has no conflict at all)
            any_conflict = bundle.records and s.scalar(select(HqConflict.id).limit(1)) is not None
            conflict_rows = (
                [
                    {"entity": c.entity, "id": c.record_id, "field": c.field}
                    for c in s.scalars(
                        select(HqConflict).where(
                            HqConflict.record_id.in_(
                                [r["id"] for rows in bundle.records.values() for r in rows][:5000]
                            )
                        )
                    )
                ]
                if any_conflict
                else []
            )
        ack = {
            "bundle_id": manifest["bundle_id"],
            "device_id": manifest["device_id"],
            "seq": manifest["seq"],
            "status": result.status,
            "counts": result.counts or {},
            "conflicts": conflict_rows,
            "hq_time": dt.datetime.now(dt.UTC).isoformat(),
            "hq_id": self.hq_id(),
        }
        if result.reason:
            ack["reason"] = result.reason
        signed = signing.sign_document(self._key(), ack)
        ack_dir.mkdir(parents=True, exist_ok=True)
        target = ack_dir / f"{manifest['bundle_id']}.cdack"
        atomic_write(target, json.dumps(signed, ensure_ascii=False, indent=1), Durability.SYNC)
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
                tables[entity] = {
                    "rows": len(lines),
                    "digest": hashlib.sha256("\n".join(lines).encode()).hexdigest(),
                }
            count, size = s.execute(
                select(func.count(Blob.sha256), func.coalesce(func.sum(Blob.size), 0))
            ).one()
            devices = []
            for d in s.scalars(select(Device).order_by(Device.device_id)):
                last_seq, bundles = s.execute(
                    select(
                        func.coalesce(func.max(ImportedBundle.seq), 0),
                        func.count(ImportedBundle.bundle_id),
                    ).where(ImportedBundle.device_id == d.device_id)
                ).one()
                devices.append(
                    {
                        "device_id": d.device_id,
                        "user": d.user,
                        "territory": [c for c in d.territory.split(",") if c],
                        "last_seq": int(last_seq),
                        "bundles": int(bundles),
                        "revoked": d.revoked,
                    }
                )
        return {
            "tables": tables,
            "blobs": {"count": int(count), "bytes": int(size)},
            "devices": devices,
        }

    def conflicts(self) -> list[dict[str, Any]]:
        with self.sessions() as s:
            return [
                {
                    "id": c.id,
                    "entity": c.entity,
                    "record_id": c.record_id,
                    "field": c.field,
                    "winner_value": c.winner_value,
                    "loser_value": c.loser_value,
                    "winner_hlc": c.winner_hlc,
                    "loser_hlc": c.loser_hlc,
                }
                for c in s.scalars(
                    select(HqConflict).where(HqConflict.resolved.is_(False)).order_by(HqConflict.id)
                )
            ]

    def records(self, entity: str) -> list[Record]:
        with self.sessions() as s:
            return list(s.scalars(select(Record).where(Record.entity == entity)))

    # -- publishing -------------------------------------------------------------------------------
    def publish(
        self, device_id: str, target: Path, reference: dict[str, list[dict[str, Any]]]
    ) -> Path:
        """Down-bundle for one laptop (``app.hq.publish.publish_bundle``)."""
        from app.hq.publish import publish_bundle

        return publish_bundle(self, device_id, target, reference)
