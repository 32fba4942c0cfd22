"""HQ's partner master data (issue 19): the partners HQ holds, filtered by text, region,
grade and status, and HQ's change of the fields it owns (``HQ_OWNED_FIELDS``: code,
grade, credit limit). A change takes a fresh HQ HLC per field, as an approved grade
request does, so ``hq publish`` carries it to the laptops of the partner's territory
and their own edits of those fields lose to it (docs/sync_format.md). Also the grade
change requests with their partners' names, for the console."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.hlc import HybridLogicalClock, Timestamp
from app.domain.partners import HQ_OWNED_FIELDS, validate_partner_fields
from app.entities import Changes
from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from db.hq.models import Device, HqMeta, Record

if TYPE_CHECKING:
    from app.hq.server import Hq


def partner_rows(hq: Hq) -> list[dict[str, Any]]:
    """Every partner HQ holds (voided ones left out), by code: ``id``, ``code``, ``name``,
    ``grade``, ``status``, ``type``, ``region`` (the most precise region code),
    ``credit_limit_fen``, ``device_id`` and ``manager`` (the laptop it came from) and
    ``pending_requests`` (grade change requests waiting for HQ)."""
    with hq.sessions() as s:
        managers = {d: u for d, u in s.execute(select(Device.device_id, Device.user))}
        pending: dict[str, int] = {}
        for data in s.scalars(
            select(Record.data).where(Record.entity == "grade_request", Record.voided.is_(False))
        ):
            if data.get("status") == "pending":
                key = str(data.get("partner_id"))
                pending[key] = pending.get(key, 0) + 1
        rows = [
            {
                "id": rec.id,
                "code": str(rec.data.get("code") or ""),
                "name": str(rec.data.get("name") or ""),
                "grade": rec.data.get("grade"),
                "status": rec.data.get("status"),
                "type": rec.data.get("type"),
                "region": str(
                    rec.data.get("district_code")
                    or rec.data.get("city_code")
                    or rec.data.get("province_code")
                    or ""
                ),
                "credit_limit_fen": rec.data.get("credit_limit_fen"),
                "device_id": rec.device_id,
                "manager": managers.get(rec.device_id, ""),
                "pending_requests": pending.get(rec.id, 0),
            }
            for rec in s.scalars(
                select(Record).where(Record.entity == "partner", Record.voided.is_(False))
            )
        ]
    return sorted(rows, key=lambda r: (r["code"], r["id"]))


def filter_partners(
    rows: Iterable[dict[str, Any]],
    search: str = "",
    region: str | None = None,
    grade: str | None = None,
    status: str | None = None,
) -> list[dict[str, Any]]:
    """The rows whose code or name holds ``search`` (any case), inside ``region`` (a
    region code prefix), of ``grade`` and of ``status``; ``None`` / ``""`` filter nothing."""
    needle = search.strip().casefold()
    return [
        r
        for r in rows
        if (not needle or needle in r["code"].casefold() or needle in r["name"].casefold())
        and (not region or r["region"].startswith(region))
        and (not grade or r["grade"] == grade)
        and (not status or r["status"] == status)
    ]


@dataclass(frozen=True)
class PartnerFieldsSaved:
    """A partner after HQ set its HQ-owned fields: ``changed`` lists the fields that
    changed; ``changes`` is announced by the UI's op runner."""

    id: str
    code: str | None
    grade: str | None
    credit_limit_fen: int | None
    changed: list[str]
    changes: Changes


def set_partner_fields(hq: Hq, partner_id: str, values: dict[str, Any]) -> PartnerFieldsSaved:
    """HQ changes a partner's HQ-owned fields (``values``: any of ``code``, ``grade``,
    ``credit_limit_fen`` in fen). Each changed field gets HQ's next HLC; ``changed`` lists
    them (empty when every value was already so). A bad value or a code another partner
    has raises ``ValidationError`` naming the problem; nothing is saved then."""
    unknown = sorted(set(values) - set(HQ_OWNED_FIELDS))
    if unknown:
        raise ValueError(unknown)
    values = {k: (str(v).strip() if k == "code" else v) for k, v in values.items()}
    problems = validate_partner_fields(values)
    if problems:
        raise ValidationError("; ".join(p.message for p in problems))
    with hq.sessions.begin() as s:
        partner = s.get(Record, ("partner", partner_id))
        if partner is None or partner.voided:
            raise NotFoundError(tr("hq", "HQ holds no partner {id}.").format(id=partner_id))
        changed = [k for k in HQ_OWNED_FIELDS if k in values and values[k] != partner.data.get(k)]
        if "code" in changed:
            clash = s.scalar(
                select(Record.id).where(
                    Record.entity == "partner",
                    Record.voided.is_(False),
                    Record.id != partner_id,
                    Record.data["code"].as_string() == values["code"],
                )
            )
            if clash is not None:
                raise ValidationError(
                    tr("hq", "Another partner already has the code {code}.").format(
                        code=values["code"]
                    )
                )
        if changed:
            last = s.get(HqMeta, "hlc_last")  # HQ's clock, as publish and decisions keep it
            clock = HybridLogicalClock(
                node=hq.hq_id(),
                last=Timestamp.parse(last.value) if last and last.value else None,
            )
            hlc = str(clock.tick())
            partner.data = {**partner.data, **{k: values[k] for k in changed}}
            partner.field_hlc = {**(partner.field_hlc or {}), **dict.fromkeys(changed, hlc)}
            partner.hlc = max(partner.hlc, hlc)
            hq._set_meta(s, "hlc_last", str(clock.last) if clock.last else "")
        return PartnerFieldsSaved(
            partner_id,
            partner.data.get("code"),
            partner.data.get("grade"),
            partner.data.get("credit_limit_fen"),
            changed,
            Changes.of("record", ids={partner_id}),
        )


def grade_request_rows(hq: Hq, status: str | None = None) -> list[dict[str, Any]]:
    """``app.hq.grade_requests.list_requests`` with each partner's name
    (``partner_name``), for the console's Grade requests section."""
    from app.hq.grade_requests import list_requests

    names = {r["code"]: r["name"] for r in partner_rows(hq)}
    return [
        {**r, "partner_name": names.get(r["partner_code"], "")} for r in list_requests(hq, status)
    ]
