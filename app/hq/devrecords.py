"""Development records at HQ (``hq devrecords import``): the channels' business records
from the operator's system, checked row by row as the laptop's ``devrecords import``
checks them (nothing stored when one row is wrong), kept with the customers' phones
encrypted at rest under HQ's record key (``hq_records.key`` in the key dir, 0600), and
published by ``hq publish`` to the laptops of each partner's territory with the phones
sealed to the device's X25519 key (``app.sync.sealed``): a down-bundle, HQ's database,
its logs and its PDFs never hold a phone in clear. Records older than HQ's retention
period (``devrecord_retention_days``) are purged on import and never published."""

from __future__ import annotations

import base64
import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain import devrecord_rows
from app.domain.ids import uuid7
from app.domain.sheet_columns import (
    RowError,
    columns_missing,
    data_rows,
    file_names,
    header_row,
    rows_refused,
)
from app.entities import Changes
from app.errors import UserError
from app.i18n import tr
from app.paths import write_private
from app.sync.sealed import KEY_BYTES, SealError, decrypt_phone, encrypt_phone, keyed_digest
from app.sync.sealed import sealer_for as _sealer_for
from db.base import values_held
from db.hq.models import Device, HqDevRecord, Record

if TYPE_CHECKING:
    from app.hq.server import Hq

KEY_FILE = "hq_records.key"


@dataclass
class HqDevImport:
    """``hq devrecords import``'s summary (the laptop's keys) and its change (announced
    by the UI's op runner; not part of the JSON)."""

    rows: int = 0
    created: int = 0
    skipped: int = 0
    purged: int = 0
    errors: list[RowError] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    def to_json(self) -> dict[str, int]:
        return {"rows": self.rows, "created": self.created, "skipped": self.skipped}


def record_key(hq: Hq, create: bool = True) -> bytes | None:
    """HQ's AES key of the stored phones (made on first use when ``create``)."""
    path = Path(hq.key_dir) / KEY_FILE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
        data = os.urandom(KEY_BYTES)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_private(path, data)
        except OSError as exc:
            raise UserError(
                tr("errors", "Cannot write the {name} {path}: {error}").format(
                    name=tr("errors", "record key"), path=path, error=exc.strerror or exc
                )
            ) from exc
    except OSError as exc:
        raise UserError(
            tr("errors", "Cannot read the {name} {path}: {error}").format(
                name=tr("errors", "record key"), path=path, error=exc.strerror or exc
            )
        ) from exc
    if len(data) != KEY_BYTES:
        raise UserError(
            tr("errors", "The {name} {path} is damaged.").format(
                name=tr("errors", "record key"), path=path
            )
        )
    return data


def _retention_cutoff(hq: Hq, today: dt.date) -> dt.date:
    from app.hq.duty_rules import duty_rules

    return today - dt.timedelta(days=int(duty_rules(hq)["devrecord_retention_days"]))


def import_dev_records(
    hq: Hq,
    table: list[list[str]],
    name: str,
    progress: Callable[[int, int, str], None] | None = None,
) -> HqDevImport:
    """Check every row (nothing is stored if one is wrong), then store the records HQ
    does not hold yet (same date, partner, product, customer, phone, kind and amount:
    skipped); records past the retention period are purged meanwhile. ``progress(done,
    total, "")`` hears of the rows checked and may stop the import (by raising) before
    anything is stored."""
    mapping, missing = devrecord_rows.header_columns(list(header_row(table, name)))
    if missing:
        raise columns_missing(name, missing)
    names = file_names(table[0], mapping)
    with hq.sessions() as s:
        partners = {
            str(r.data.get("code")): r.id
            for r in s.scalars(
                select(Record).where(Record.entity == "partner", Record.voided.is_(False))
            )
        }
    summary = HqDevImport()
    parsed: list[dict[str, Any]] = []
    total = max(len(table) - 1, 0)
    for row_no, cells in data_rows(table, mapping, strip=True):
        if progress is not None and summary.rows % 1000 == 0:
            progress(summary.rows, total, "")
        summary.rows += 1
        values, problems = devrecord_rows.parse_record(cells, partners)
        summary.errors.extend(RowError(row_no, col, msg) for col, msg in problems)
        if values is not None:
            parsed.append(values)
    if summary.errors:
        raise rows_refused(name, summary.errors, names, file_in_details=False)
    if progress is not None:
        progress(total, total, "")  # the last chance to stop: nothing is stored yet
    key = record_key(hq)
    assert key is not None
    now = dt.datetime.now(dt.UTC)
    with hq.sessions.begin() as s:
        summary.purged = purge_expired(hq, s, dt.date.today())
        fresh: dict[str, HqDevRecord] = {}
        for v in parsed:
            digest = keyed_digest(key, *devrecord_rows.digest_parts(v))
            if digest in fresh:
                continue
            fresh[digest] = HqDevRecord(
                id=uuid7(),
                partner_id=v["partner_id"],
                partner_code=v["partner_code"],
                record_date=v["record_date"],
                product=v["product"],
                customer_ref=v["customer_ref"],
                phone_cipher=encrypt_phone(key, v["phone"]),
                amount_fen=v["amount_fen"],
                kind=v["kind"],
                dedup_key=digest,
                imported_at=now,
            )
        held = values_held(s, HqDevRecord.dedup_key, list(fresh))
        s.add_all(row for digest, row in fresh.items() if digest not in held)
        summary.created = len(fresh) - len(held)
    summary.skipped = summary.rows - summary.created
    summary.changes = Changes.of("dev_record")
    return summary


def purge_expired(hq: Hq, s: Session, today: dt.date) -> int:
    """Delete, in session ``s``, the records older than HQ's retention period."""
    cutoff = _retention_cutoff(hq, today)
    result = s.execute(delete(HqDevRecord).where(HqDevRecord.record_date < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def record_count(hq: Hq) -> int:
    with hq.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(HqDevRecord)) or 0)


def for_publish(
    hq: Hq, s: Session, device: Device, partner_ids: set[str], tick: Any
) -> tuple[list[dict[str, Any]], dict[str, str] | None]:
    """The development records of the published partners (within the retention period)
    as ``dev_record`` lines with each phone sealed to the device, and the envelope header
    for the manifest; nothing when the device has no X25519 key registered (``publish_note``
    says so) or there is nothing to publish. ``tick()`` gives each line an HQ HLC."""
    if device.x25519_public_key is None or not partner_ids:
        return [], None
    cutoff = _retention_cutoff(hq, dt.date.today())
    wanted = sorted(partner_ids)
    rows: list[HqDevRecord] = []
    for start in range(0, len(wanted), 500):  # the territory's partners, not all of HQ's
        rows.extend(
            s.scalars(
                select(HqDevRecord).where(
                    HqDevRecord.record_date >= cutoff,
                    HqDevRecord.partner_id.in_(wanted[start : start + 500]),
                )
            )
        )
    rows.sort(key=lambda r: (r.record_date, r.id))
    if not rows:
        return [], None
    key = record_key(hq, create=False)
    try:
        sealer = _sealer_for(base64.b64decode(device.x25519_public_key, validate=True))
    except (SealError, ValueError) as exc:
        raise UserError(
            tr(
                "hq",
                "Device {id} has an unusable encryption key; register its current key file again.",
            ).format(id=device.device_id)
        ) from exc
    lines = []
    for r in rows:
        phone = decrypt_phone(key, r.phone_cipher)
        if phone is None:
            raise UserError(
                tr(
                    "hq",
                    "HQ's record key {path} does not open the stored development records; "
                    "restore the key file that imported them.",
                ).format(path=Path(hq.key_dir) / KEY_FILE)
            )
        lines.append(
            {
                "id": r.id,
                "hlc": tick(),
                "op": "upsert",
                "base_hlc": None,
                "data": {
                    "partner_id": r.partner_id,
                    "record_date": r.record_date.isoformat(),
                    "product": r.product,
                    "customer_ref": r.customer_ref,
                    "amount_fen": int(r.amount_fen),
                    "kind": r.kind,
                    "phone_sealed": sealer.seal(phone.encode("ascii"), r.id.encode("ascii")),
                },
            }
        )
    return lines, sealer.header


def publish_note(hq: Hq, device_id: str) -> str | None:
    """A line for HQ's staff when development records cannot reach this device: it was
    registered from a key file without an X25519 key (an older build)."""
    with hq.sessions() as s:
        device = s.get(Device, device_id)
        if device is None or device.x25519_public_key is not None:
            return None
        if s.scalar(select(func.count()).select_from(HqDevRecord)) == 0:
            return None
    return tr(
        "hq",
        "Device {id} has no encryption key registered (its key file comes from an older "
        "ChannelDesk): no development records were published to it. Export its key file "
        "again (device export-key) and register it.",
    ).format(id=device_id)


def _matching(search: str) -> Any:
    """The condition on ``HqDevRecord`` of a console search: ``search`` (any substring,
    case ignored) in the partner's code or name, the product or the customer reference
    (never the phone: HQ holds it encrypted)."""
    from sqlalchemy import or_

    from app.hq.record_query import field

    pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    named_partners = select(Record.id).where(
        Record.entity == "partner", field("name").ilike(pattern, escape="\\")
    )
    return or_(
        HqDevRecord.partner_code.ilike(pattern, escape="\\"),
        HqDevRecord.product.ilike(pattern, escape="\\"),
        HqDevRecord.customer_ref.ilike(pattern, escape="\\"),
        HqDevRecord.partner_id.in_(named_partners),
    )


def held_records(hq: Hq, limit: int = 500, search: str = "") -> dict[str, Any]:
    """What the console's Development records section shows: ``total`` records HQ holds,
    of ``partners`` partners, ``first`` and ``last`` date (ISO or None), the
    ``retention_days``, the newest ``limit`` ``rows`` (date, partner code and name,
    product, customer, the phone masked — never in clear —, amount, kind) and the
    ``without_key`` devices (active, no X25519 key: they get none of them). With a
    ``search`` the rows are the newest that match it (``_matching``), ``matched`` how
    many do, and ``search`` the text searched (the console drops a stale answer)."""
    from app.domain.duties import mask_phone
    from app.hq.duty_rules import duty_rules

    search = search.strip()
    with hq.sessions() as s:
        total, partners, first, last = s.execute(
            select(
                func.count(),
                func.count(func.distinct(HqDevRecord.partner_id)),
                func.min(HqDevRecord.record_date),
                func.max(HqDevRecord.record_date),
            )
        ).one()
        wanted = select(HqDevRecord)
        matched = int(total or 0)
        if search:
            condition = _matching(search)
            wanted = wanted.where(condition)
            matched = int(
                s.scalar(select(func.count()).select_from(HqDevRecord).where(condition)) or 0
            )
        newest = list(
            s.scalars(
                wanted.order_by(HqDevRecord.record_date.desc(), HqDevRecord.id.desc()).limit(limit)
            )
        )
        ids = sorted({r.partner_id for r in newest})
        names: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            names.update(
                (rec.id, str(rec.data.get("name") or ""))
                for rec in s.scalars(select(Record).where(Record.id.in_(ids[start : start + 500])))
            )
        without_key = [
            {"device_id": d.device_id, "user": d.user}
            for d in s.scalars(
                select(Device)
                .where(Device.revoked.is_(False), Device.x25519_public_key.is_(None))
                .order_by(Device.user, Device.device_id)
            )
        ]
    key = record_key(hq, create=False) if newest else None
    rows = []
    for r in newest:
        phone = decrypt_phone(key, r.phone_cipher) if key is not None else None
        rows.append(
            {
                "record_date": r.record_date.isoformat(),
                "partner_code": r.partner_code,
                "partner_name": names.get(r.partner_id, ""),
                "product": r.product,
                "customer_ref": r.customer_ref,
                "phone_masked": mask_phone(phone) if phone else "",
                "amount_fen": int(r.amount_fen),
                "kind": r.kind,
            }
        )
    return {
        "total": int(total or 0),
        "partners": int(partners or 0),
        "first": first.isoformat() if first else None,
        "last": last.isoformat() if last else None,
        "retention_days": int(duty_rules(hq)["devrecord_retention_days"]),
        "rows": rows,
        "matched": matched,
        "search": search,
        "without_key": without_key,
    }
