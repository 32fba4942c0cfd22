"""What HQ publishes to a laptop: the reference data (checklist templates, visit-frequency
rules) with stable ids, and the signed down-bundle of one device (templates, rules,
targets, partner master data of its territory, the duty rules, revoked devices, and the
development records of its partners with the customers' phones sealed to the device)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import __version__
from app.domain.hlc import HybridLogicalClock, Timestamp
from app.domain.ids import uuid7
from app.domain.reference import DEFAULT_FREQUENCY_RULES, builtin_templates
from app.domain.regions import in_territory
from app.errors import UserError
from app.i18n import tr
from app.sync import signing
from app.sync.bundle_write import write_bundle
from db.hq.models import Device, HqMeta, Record

if TYPE_CHECKING:
    from app.hq.server import Hq


HQ_BUNDLE = "hq"  # the bundle_id of records HQ wrote itself


def own_targets() -> Any:
    """The select of HQ's own target records (the managers' come up in bundles)."""
    return select(Record).where(Record.entity == "target", Record.bundle_id == HQ_BUNDLE)


def stable_id(*parts: str) -> str:
    """A stable UUID for HQ reference rows (templates, rules) published to many laptops."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "channeldesk:" + ":".join(parts)))


def reference_data_for_publish() -> dict[str, list[dict[str, Any]]]:
    """The checklist templates and visit-frequency rules HQ publishes, with stable ids."""
    templates = [
        {
            "id": stable_id("template", t["name"], str(t.get("version", 1))),
            "name": t["name"],
            "version": int(t.get("version", 1)),
            "title": t.get("title", t["name"]),
            "body": t,
            "is_default": bool(t.get("default")),
        }
        for t in builtin_templates()
    ]
    rules = [
        {
            "id": stable_id("rule", scope, grade or "-", period),
            "scope": scope,
            "grade": grade,
            "period": period,
            "min_visits": minimum,
        }
        for scope, grade, period, minimum in DEFAULT_FREQUENCY_RULES
    ]
    return {"checklist_template": templates, "frequency_rule": rules}


def _receivables(s: Session, partner_ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """The invoices and payments HQ imported from the ERP for the published partners
    (``app.hq.receivables``), with the laptop's columns."""
    invoices = [
        rec
        for rec in s.scalars(
            select(Record).where(Record.entity == "invoice", Record.voided.is_(False))
        )
        if rec.data.get("partner_id") in partner_ids
    ]
    ids = {rec.id for rec in invoices}
    payments = [
        rec
        for rec in s.scalars(
            select(Record).where(Record.entity == "payment", Record.voided.is_(False))
        )
        if rec.data.get("invoice_id") in ids
    ]
    found: dict[str, list[dict[str, Any]]] = {}
    if invoices:
        found["invoice"] = [
            {"id": r.id, "hlc": r.hlc, "op": "upsert", "base_hlc": None, "data": r.data}
            for r in invoices
        ]
    if payments:
        found["payment"] = [
            {
                "id": r.id,
                "hlc": r.hlc,
                "op": "upsert",
                "base_hlc": None,
                "data": {k: v for k, v in r.data.items() if k != "erp_key"},
            }
            for r in payments
        ]
    return found


def _clock(hq: Hq, s: Session) -> HybridLogicalClock:
    node = hq.hq_id()
    last = s.get(HqMeta, "hlc_last")
    return HybridLogicalClock(node=node, last=Timestamp.parse(last.value) if last else None)


def publish_bundle(
    hq: Hq, device_id: str, target: Path, reference: dict[str, list[dict[str, Any]]]
) -> Path:
    """Down-bundle for one laptop: templates, frequency rules, targets, partner master
    data (HQ-owned fields) and revocations, signed by HQ. ``reference`` carries the
    templates and rules HQ publishes (entity → list of data dicts with stable ids)."""
    return write_down_bundle(hq, device_id, target, reference)[0]


def write_down_bundle(
    hq: Hq, device_id: str, target: Path, reference: dict[str, list[dict[str, Any]]]
) -> tuple[Path, dict[str, int]]:
    """``publish_bundle``, with the number of records of each entity it wrote."""
    key = hq._key()
    with hq.sessions.begin() as s:
        device = s.get(Device, device_id)
        if device is None:
            raise UserError(tr("hq", "Unknown device {id}.").format(id=device_id))
        territory = [c for c in device.territory.split(",") if c]
        clock = _clock(hq, s)
        records: dict[str, list[dict[str, Any]]] = {}
        for entity, items in reference.items():
            records[entity] = [
                {
                    "id": item.pop("id"),
                    "hlc": clock.tick(),
                    "op": "upsert",
                    "base_hlc": None,
                    "data": item,
                }
                for item in items
            ]
        partners = []
        for rec in s.scalars(select(Record).where(Record.entity == "partner")):
            district = (
                rec.data.get("district_code")
                or rec.data.get("city_code")
                or rec.data.get("province_code")
            )
            if territory and not in_territory(district, territory):
                continue
            owned = {
                k: rec.data.get(k)
                for k in (
                    "code",
                    "name",
                    "grade",
                    "credit_limit_fen",
                    "status",
                    "type",
                    "province_code",
                    "city_code",
                    "district_code",
                    "address",
                )
            }
            # every published field with its HLC: a laptop that edits the card sends
            # them back with their writers, not as its own writes
            owned["field_hlc"] = {k: (rec.field_hlc or {}).get(k, rec.hlc) for k in owned}
            partners.append(
                {
                    "id": rec.id,
                    "hlc": rec.hlc,
                    "op": "void" if rec.voided else "upsert",
                    "base_hlc": None,
                    "data": owned,
                }
            )
        records["partner"] = partners
        records.update(_receivables(s, {str(p["id"]) for p in partners if p["op"] == "upsert"}))
        from app.hq.devrecords import for_publish
        from app.hq.grade_requests import decided_for_publish

        dev_records, envelope = for_publish(
            hq, s, device, {str(p["id"]) for p in partners if p["op"] == "upsert"}, clock.tick
        )
        if dev_records:
            records["dev_record"] = dev_records
        decisions = decided_for_publish(s, {str(p["id"]) for p in partners})
        if decisions:
            records["grade_request"] = decisions
        targets = [  # HQ's own (a manager's stay on the manager's laptop); tombstones
            # of the ones a re-decomposition dropped, so the laptops drop them too
            {
                "id": rec.id,
                "hlc": rec.hlc,
                "op": "void" if rec.voided else "upsert",
                "base_hlc": None,
                "data": rec.data,
            }
            for rec in s.scalars(own_targets())
        ]
        if targets:
            records["target"] = targets
        from app.hq.duty_rules import duty_rules

        rules = duty_rules(hq)
        records["duty_rule"] = [
            {
                "id": stable_id("duty_rule", key),
                "hlc": clock.tick(),
                "op": "upsert",
                "base_hlc": None,
                "data": {"key": key, "value": value},
            }
            for key, value in sorted(rules.items())
        ]
        revoked = list(s.scalars(select(Device.device_id).where(Device.revoked.is_(True))))
        hq._set_meta(s, "hlc_last", str(clock.last) if clock.last else "")
        seq_key = f"publish_seq:{device_id}"
        seq = int(s.get(HqMeta, seq_key).value if s.get(HqMeta, seq_key) else "0") + 1  # type: ignore[union-attr]
        hq._set_meta(s, seq_key, str(seq))
    manifest = {
        "kind": "hq",
        "bundle_id": uuid7(),
        "device_id": device_id,
        "hq_id": hq.hq_id(),
        "user": device.user,
        "territory": territory,
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
        "created_hlc": str(clock.last) if clock.last else "",
        "seq": seq,
        "base_ack_seq": 0,
        "app_version": __version__,
        "revoked_devices": revoked,
    }
    if envelope is not None:  # the customers' phones are sealed to the device's X25519 key
        manifest["sealed"] = envelope
    write_bundle(Path(target), manifest, records, [], lambda body: signing.sign(key, body))
    return Path(target), {entity: len(lines) for entity, lines in records.items() if lines}
