"""HQ's read model of inspections over the generic ``record`` store: the visits of every
device as the laptop's ``visits list`` / ``visits show`` give them (same keys, amended
answers and scores, evidence warnings), and the lookup of a printed report's content
hash (``hq verify``). SQL picks the rows by JSON fields (``app.hq.record_query``);
Python shapes them."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import checklist as cl
from app.domain import compliance as comp
from app.domain import evidence as evidence_rules
from app.domain.rectification import effective_status
from app.errors import NotFoundError, ValidationError
from app.hq.record_query import (
    amendment_key,
    by_ids,
    check_week,
    children,
    days_filter,
    field,
    iso_z,
    month_filter,
    newest_scored,
    parse_time,
    visit_field,
)
from app.i18n import tr
from db.hq.models import Device, Record

if TYPE_CHECKING:
    from app.hq.server import Hq

ORDERS_SECTION = "orders"  # the re-inspection checklist's section of rectification orders
PHOTO_SUFFIX = ":after_photo"


def list_visits(
    hq: Hq, device_id: str | None = None, month: str | None = None
) -> list[dict[str, Any]]:
    """Visits at HQ, newest first, with the keys of the laptop's ``visits list``."""
    return [
        {
            k: row[k]
            for k in (
                "id",
                "partner_code",
                "partner_name",
                "status",
                "started_at",
                "planned_for",
                "score",
                "template",
            )
        }
        for row in visit_rows(hq, device_id, month)
    ]


def visit_rows(
    hq: Hq,
    device_id: str | None = None,
    month: str | None = None,
    *,
    partner: str | None = None,
    status: str | None = None,
    week: str | None = None,
) -> list[dict[str, Any]]:
    """``list_visits`` rows with the ``device_id``, ``manager`` and ``content_hash`` besides;
    ``partner`` matches any part of the partner's code or name; ``week`` (an ISO week
    ``YYYY-Www``) narrows to that week's local days."""
    stmt = select(Record.id, Record.device_id, Record.data).where(
        Record.entity == "visit", Record.voided.is_(False)
    )
    if month:
        stmt = stmt.where(month_filter(month))
    if week:
        stmt = stmt.where(days_filter(*comp.week_bounds(check_week(week))))
    if status:
        stmt = stmt.where(visit_field("status") == status)
    with hq.sessions() as s:
        if device_id:
            if s.get(Device, device_id) is None:
                raise NotFoundError(tr("hq", "Unknown device {id}.").format(id=device_id))
            stmt = stmt.where(Record.device_id == device_id)
        visits = list(s.execute(stmt))
        partners = {
            pid: rec.data
            for pid, rec in by_ids(
                s, "partner", (d.get("partner_id") or "" for _, _, d in visits)
            ).items()
        }
        amended = (
            newest_scored(children(s, "visit_amendment", "visit_id", (vid for vid, _, _ in visits)))
            if visits
            else {}
        )
    rows = []
    needle = (partner or "").strip().casefold()
    for vid, device, data in visits:
        p = partners.get(data.get("partner_id") or "", {})
        code, name = str(p.get("code") or ""), str(p.get("name") or "")
        if needle and needle not in code.casefold() and needle not in name.casefold():
            continue
        score = amended[vid].data.get("score") if vid in amended else data.get("score")
        rows.append(
            {
                "id": vid,
                "partner_code": code,
                "partner_name": name,
                "status": data.get("status"),
                "started_at": iso_z(data.get("started_at")),
                "planned_for": data.get("planned_for"),
                "score": score,
                "template": data.get("template_name", ""),
                "device_id": device,
                "manager": data.get("manager", ""),
                "content_hash": data.get("content_hash"),
            }
        )
    rows.sort(key=lambda r: (r["started_at"] or r["planned_for"] or "", r["id"]), reverse=True)
    return rows


def evidence_thresholds(hq: Hq) -> tuple[float, float]:
    """The photo-evidence limits (hours before check-in, metres from the partner) HQ
    publishes: its own rules where it set them, else the defaults."""
    from app.hq.duty_rules import duty_rules

    rules = duty_rules(hq)
    return float(rules["evidence_photo_hours"]), float(rules["evidence_photo_metres"])


def visit_detail(hq: Hq, visit_id: str) -> dict[str, Any]:
    """One visit at HQ with the keys of the laptop's ``visits show --json``."""
    with hq.sessions() as s:
        visit = s.scalar(
            select(Record).where(
                Record.entity == "visit", Record.id == visit_id, Record.voided.is_(False)
            )
        )
        if visit is None:
            raise NotFoundError(tr("visits", "No visit with id {id}.").format(id=visit_id))
        data = visit.data
        partner = s.scalar(
            select(Record).where(
                Record.entity == "partner", Record.id == str(data.get("partner_id") or "")
            )
        )
        answers_rows = children(s, "visit_answer", "visit_id", [visit_id])
        amendments = sorted(
            children(s, "visit_amendment", "visit_id", [visit_id]), key=amendment_key
        )
        photos = sorted(
            children(s, "visit_photo", "visit_id", [visit_id]),
            key=lambda r: (str(r.data.get("created_at") or ""), r.id),
        )
        findings = sorted(
            children(s, "finding", "visit_id", [visit_id]),
            key=lambda r: (str(r.data.get("created_at") or ""), r.id),
        )
        orders = (
            {
                str(r.data.get("finding_id")): r
                for r in children(s, "rectification_order", "finding_id", [f.id for f in findings])
            }
            if findings
            else {}
        )
        shas = sorted({str(p.data.get("sha256")) for p in photos})
        others: dict[str, set[str]] = defaultdict(set)
        for rec in children(s, "visit_photo", "sha256", shas) if shas else []:
            if rec.data.get("visit_id") != visit_id:
                others[str(rec.data.get("sha256"))].add(str(rec.data.get("visit_id")))
        body = data.get("template_body") or {}
        order_rows = _order_outcomes(s, body) if data.get("is_reinspection") else []
    sealed = {str(r.data.get("item_key")): r.data.get("value") for r in answers_rows}
    effective = dict(sealed)
    for a in amendments:
        effective.update(a.data.get("changes") or {})
    score, section_scores = _scores(data, sealed, effective, amendments)
    items = []
    for item in cl.template_items(body):
        entry: dict[str, Any] = {
            "key": item.key,
            "label": item.label,
            "kind": item.kind,
            "required": item.required,
            "answer": effective.get(item.key),
            "section": item.section_title,
            "weight": item.weight,
        }
        if item.kind == "score":
            entry["max"] = item.max
        if item.kind == "number":
            entry["min"], entry["max"] = getattr(item, "min", None), item.max
        if item.kind == "choice":
            entry["options"] = list(item.options)
        items.append(entry)
    today = dt.date.today()
    finding_rows = []
    for f in findings:
        order = orders.get(f.id)
        finding_rows.append(
            {
                "id": f.id,
                "item_key": f.data.get("item_key"),
                "description": f.data.get("description", ""),
                "category": f.data.get("category", "checklist"),
                "rectification": None
                if order is None
                else {
                    "id": order.id,
                    "deadline": order.data.get("deadline"),
                    "responsible": order.data.get("responsible", ""),
                    "status": "withdrawn" if order.voided else _order_status(order.data, today),
                },
            }
        )
    for o in order_rows:
        o["outcome"] = effective.get(o["order_id"])
        after = effective.get(o["order_id"] + PHOTO_SUFFIX)
        if isinstance(after, list) and after:
            o["after_photo"] = after[0]
    pdata = partner.data if partner is not None else {}
    return {
        "id": visit.id,
        "partner_code": pdata.get("code", ""),
        "partner_name": pdata.get("name", ""),
        "status": data.get("status"),
        "template": data.get("template_name", ""),
        "template_version": data.get("template_version", 1),
        "planned_for": data.get("planned_for"),
        "started_at": iso_z(data.get("started_at")),
        "checked_out_at": iso_z(data.get("checked_out_at")),
        "submitted_at": iso_z(data.get("submitted_at")),
        "latitude": data.get("latitude"),
        "longitude": data.get("longitude"),
        "manager": data.get("manager", ""),
        "score": score,
        "section_scores": section_scores,
        "content_hash": data.get("content_hash"),
        "sealed_score": data.get("score"),
        "items": items,
        "photos": [
            {
                "sha256": p.data.get("sha256"),
                "width": p.data.get("width", 0),
                "height": p.data.get("height", 0),
                "taken_at": iso_z(p.data.get("taken_at")),
                "item_key": p.data.get("item_key"),
                "original_name": p.data.get("original_name", ""),
                "reused_in": sorted(others.get(str(p.data.get("sha256")), ())),
            }
            for p in photos
        ],
        "findings": finding_rows,
        "orders": order_rows,
        "evidence": _evidence(hq, data, pdata, photos, others),
        "amendments": [
            {
                "id": a.id,
                "reason": a.data.get("reason", ""),
                "changes": a.data.get("changes") or {},
                "amended_by": a.data.get("amended_by", ""),
                "amended_at": iso_z(a.data.get("amended_at")),
                "content_hash": a.data.get("content_hash", ""),
                "score": a.data.get("score"),
            }
            for a in amendments
        ],
    }


def _order_status(data: dict[str, Any], today: dt.date) -> str:
    status = str(data.get("status") or "open")
    try:
        return effective_status(status, dt.date.fromisoformat(str(data.get("deadline"))), today)
    except ValueError:
        return status


def _scores(
    data: dict[str, Any],
    sealed: dict[str, Any],
    effective: dict[str, Any],
    amendments: list[Record],
) -> tuple[Any, dict[str, Any]]:
    """(score, section scores) as the laptop's ``current_scores`` gives them."""
    body = data.get("template_body") or {}
    if data.get("status") == "submitted":
        newest = newest_scored(amendments).get(str(data.get("id") or ""))
        if newest is None:
            scored = [a for a in amendments if a.data.get("section_scores") is not None]
            newest = max(scored, key=amendment_key) if scored else None
        if newest is not None:
            return newest.data.get("score"), dict(newest.data.get("section_scores") or {})
        if not amendments:
            return data.get("score"), dict(cl.score(body, sealed).sections)
    result = cl.score(body, effective)
    return result.total, dict(result.sections)


def _order_outcomes(s: Session, body: dict[str, Any]) -> list[dict[str, Any]]:
    keys = [
        str(item["key"])
        for section in body.get("sections", [])
        if section.get("key") == ORDERS_SECTION
        for item in section.get("items", [])
        if item.get("kind") == "choice" and item.get("order_id")
    ]
    orders = by_ids(s, "rectification_order", keys)
    return [
        {
            "order_id": key,
            "description": orders[key].data.get("description", ""),
            "outcome": None,
            "before_photo": orders[key].data.get("before_photo_sha256"),
            "after_photo": orders[key].data.get("after_photo_sha256"),
        }
        for key in keys
        if key in orders
    ]


def _evidence(
    hq: Hq,
    data: dict[str, Any],
    partner: dict[str, Any],
    photos: list[Record],
    others: dict[str, set[str]],
) -> list[dict[str, Any]]:
    """The visit's photo warnings by the laptop's rule (``evidence.visit_warnings``): a
    partner without coordinates is checked against its district's centre."""
    hours, metres = evidence_thresholds(hq)
    return list(
        evidence_rules.visit_warnings(
            [
                evidence_rules.StoredPhoto(
                    str(p.data.get("sha256")),
                    parse_time(p.data.get("taken_at")),
                    p.data.get("latitude"),
                    p.data.get("longitude"),
                    p.data.get("caption"),
                )
                for p in photos
            ],
            others,
            parse_time(data.get("started_at")),
            parse_time(data.get("submitted_at")) or dt.datetime.now(dt.UTC),
            (partner.get("latitude"), partner.get("longitude")) if partner else None,
            (
                partner.get("district_code")
                or partner.get("city_code")
                or partner.get("province_code")
            )
            if partner
            else None,
            hours,
            metres,
        )
    )


def verify(hq: Hq, content_hash: str) -> dict[str, Any]:
    """The sealed visit whose printed report carries ``content_hash`` (the sealed
    original's, or one of its amended versions'): ``id``, ``partner_code``,
    ``partner_name``, ``date`` (the local day it started), ``content_hash`` and
    ``amendment_id`` (None for the original). NotFoundError when HQ holds none."""
    wanted = (content_hash or "").strip().lower()
    if not re.fullmatch(r"[0-9a-f]{64}", wanted):
        raise ValidationError(
            tr("hq", "A content hash is 64 hexadecimal characters (got {value}).").format(
                value=content_hash
            )
        )
    with hq.sessions() as s:
        amendment_id = None
        visit = s.scalar(
            select(Record)
            .where(
                Record.entity == "visit",
                Record.voided.is_(False),
                field("status") == "submitted",
                field("content_hash") == wanted,
            )
            .limit(1)
        )
        if visit is None:
            amendment = s.scalar(
                select(Record)
                .where(
                    Record.entity == "visit_amendment",
                    Record.voided.is_(False),
                    field("content_hash") == wanted,
                )
                .limit(1)
            )
            if amendment is not None:
                amendment_id = amendment.id
                visit = s.scalar(
                    select(Record).where(
                        Record.entity == "visit",
                        Record.voided.is_(False),
                        Record.id == str(amendment.data.get("visit_id") or ""),
                    )
                )
        if visit is None:
            raise NotFoundError(
                tr(
                    "hq",
                    "HQ holds no sealed visit with content hash {hash}: the paper is not an "
                    "unaltered ChannelDesk report.",
                ).format(hash=wanted)
            )
        partner = s.scalar(
            select(Record).where(
                Record.entity == "partner", Record.id == str(visit.data.get("partner_id") or "")
            )
        )
    started = parse_time(visit.data.get("started_at"))
    pdata = partner.data if partner is not None else {}
    return {
        "id": visit.id,
        "partner_code": pdata.get("code", ""),
        "partner_name": pdata.get("name", ""),
        "date": started.astimezone().date().isoformat()
        if started
        else visit.data.get("planned_for"),
        "content_hash": wanted,
        "amendment_id": amendment_id,
        "device_id": visit.device_id,
        "manager": visit.data.get("manager", ""),
    }
