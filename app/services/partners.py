"""Partner-file actions: search and paged listing, create/update with validation and
grade history, contacts, contracts, complaints, competitor outlets, lifecycle events
(开停并转) and autosaved form drafts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from app.domain import partners as rules
from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes

# The list (search, filters, count, pages) lives in ``partner_list`` (plain SQL, no ORM);
# re-exported here so callers keep one module for partner actions.
from app.services.partner_list import GRAM_POSITIONS as GRAM_POSITIONS
from app.services.partner_list import SORTABLE as SORTABLE
from app.services.partner_list import PartnerQuery as PartnerQuery
from app.services.partner_list import PartnerRow as PartnerRow
from app.services.partner_list import partner_count as partner_count
from app.services.partner_list import partner_page as partner_page
from app.services.partner_list import partner_page_with_total as partner_page_with_total
from app.services.partner_rows import _raise_problems, get_partner
from db.base import utcnow
from db.models import (
    CompetitorObservation,
    Complaint,
    Contact,
    Contract,
    FormDraft,
    GradeChange,
    Invoice,
    LifecycleEvent,
    Partner,
    PartnerPublished,
    PartnerWarning,
    TrainingSession,
)

# -- the partner card -----------------------------------------------------------

NEW_PARTNER_STATUSES = ("prospect", "active")


@dataclass
class PartnerInput:
    """Editable fields of a partner card (money in fen)."""

    code: str
    name: str
    type: str = "dealer"
    status: str = "active"
    grade: str = "C"
    region: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    licence_no: str = ""
    credit_rating: str = ""
    credit_limit_fen: int = 0
    bank_info: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    manager: str = ""
    grade_reason: str = ""

    def problems(self) -> list[rules.FieldProblem]:
        return rules.validate_partner_fields(
            {
                "code": self.code,
                "name": self.name,
                "type": self.type,
                "status": self.status,
                "grade": self.grade,
                "region": self.region,
                "latitude": self.latitude,
                "longitude": self.longitude,
                "credit_limit_fen": self.credit_limit_fen,
                # the same length and character caps as the import (app.domain.partners)
                **{
                    key: getattr(self, key)
                    for key in (
                        "address",
                        "licence_no",
                        "credit_rating",
                        "manager",
                        "notes",
                        "bank_info",
                        "tags",
                    )
                },
            }
        )


def apply_input(
    session: Session, partner: Partner, data: PartnerInput, user: str, today: dt.date
) -> None:
    """Copy validated input onto ``partner``; a grade change is recorded with its reason."""
    province, city, district = rules.region_parts(data.region)
    if partner.grade and partner.grade != data.grade:
        session.add(
            GradeChange(
                partner_id=partner.id,
                old_grade=partner.grade,
                new_grade=data.grade,
                reason=data.grade_reason,
                effective_date=today,
                changed_by=user,
            )
        )
    partner.code = data.code.strip()
    partner.name = data.name.strip()
    partner.type = data.type
    partner.status = data.status
    partner.grade = data.grade
    partner.province_code, partner.city_code, partner.district_code = province, city, district
    partner.address = data.address
    partner.latitude, partner.longitude = data.latitude, data.longitude
    partner.licence_no = data.licence_no
    partner.credit_rating = data.credit_rating
    partner.credit_limit_fen = data.credit_limit_fen
    partner.bank_info = data.bank_info
    partner.tags = list(data.tags)
    partner.notes = data.notes
    partner.manager = data.manager


def _published(s: Session, partner: Partner, device_id: str | None) -> bool:
    """Whether HQ owns ``partner``'s code, grade and credit limit here: HQ published the
    card to this laptop (``partner_published``), or their stamps are another node's (the
    card came from HQ or another device) — the rule ``partners import`` applies."""
    if s.get(PartnerPublished, partner.id) is not None:
        return True
    stamps = partner.field_hlc or {}
    return any(
        len(parts := str(stamps.get(key) or "").split(":", 2)) == 3
        and parts[2] not in (device_id, "local")
        for key in rules.HQ_OWNED_FIELDS
    )


def hq_owned_fields_locked(ctx: AppContext, partner_id: str) -> bool:
    """True when the partner card's code, grade and credit limit are HQ's (read-only in
    the partner form; a grade change is asked for with ``request_grade_change``)."""
    with ctx.session() as s:
        return _published(s, get_partner(s, partner_id), ctx.device_id)


def save_partner(ctx: AppContext, data: PartnerInput, partner_id: str | None = None) -> Changes:
    """Create (``partner_id`` None) or update a partner card."""
    _raise_problems(data.problems())
    today = dt.date.today()
    with ctx.session() as s:
        clash = s.scalar(select(Partner.id).where(Partner.code == data.code.strip()))
        if clash is not None and clash != partner_id:
            raise ValidationError(
                tr("partners", "Another partner already has the code {code}.").format(
                    code=data.code
                )
            )
        if partner_id is None:
            if data.status not in NEW_PARTNER_STATUSES:
                raise ValidationError(
                    tr(
                        "partners",
                        "A new partner starts as a prospect or active; record other statuses as "
                        "lifecycle events (开停并转).",
                    )
                )
            partner = Partner(code=data.code.strip(), name=data.name.strip(), grade=data.grade)
            s.add(partner)
            s.flush()
            s.add(
                GradeChange(
                    partner_id=partner.id,
                    old_grade=None,
                    new_grade=data.grade,
                    reason=data.grade_reason or tr("partners", "initial grade"),
                    effective_date=today,
                    changed_by=ctx.user_name,
                )
            )
            if data.status == "active":
                s.add(
                    LifecycleEvent(
                        partner_id=partner.id,
                        kind="open",
                        reason=tr("partners", "partner created"),
                        effective_date=today,
                        new_status="active",
                        recorded_by=ctx.user_name,
                    )
                )
        else:
            partner = get_partner(s, partner_id)
            if data.code.strip() != partner.code:  # sync and every sheet identify partners by it
                raise ValidationError(
                    tr(
                        "partners",
                        "The code of partner {code} cannot be changed on this laptop; a code change is made at HQ.",
                    ).format(code=partner.code)
                )
            if (
                data.grade != partner.grade or data.credit_limit_fen != partner.credit_limit_fen
            ) and _published(s, partner, ctx.device_id):
                raise ValidationError(
                    tr(
                        "partners",
                        "HQ sets the grade and credit limit of partner {code}; they cannot be changed on this laptop.",
                    ).format(code=partner.code)
                )
            if data.status != partner.status:
                raise ValidationError(
                    tr(
                        "partners",
                        "The status changes only through a lifecycle event (开停并转: open, suspend, resume, merge, "
                        "transfer, terminate), not by editing the card.",
                    )
                )
        apply_input(s, partner, data, ctx.user_name, today)
        s.flush()
        pid = partner.id
    discard_draft(ctx, draft_key(partner_id))
    return Changes.of("partner", "grade_change", ids={pid})


@dataclass
class PartnerDetail:
    partner: Partner
    contacts: list[Contact]
    contracts: list[Contract]
    grade_history: list[GradeChange]
    lifecycle: list[LifecycleEvent]
    complaints: list[Complaint]
    competitors: list[CompetitorObservation]
    survivor_code: str | None
    receivable_fen: int
    warnings: list[Any] = field(default_factory=list)  # PartnerWarning rows, newest first
    trainings: list[Any] = field(default_factory=list)  # TrainingSession rows, newest first


def partner_detail(ctx: AppContext, key: str) -> PartnerDetail:
    with ctx.read_session() as s:
        p = get_partner(s, key)

        def rows(model: Any, order: Any) -> list[Any]:
            return list(
                s.scalars(
                    select(model)
                    .where(model.partner_id == p.id, model.voided.is_(False))
                    .order_by(order)
                )
            )

        survivor = s.get(Partner, p.merged_into_id).code if p.merged_into_id else None
        receivable = s.scalar(
            select(func.coalesce(func.sum(Invoice.amount_fen - Invoice.paid_fen), 0)).where(
                Invoice.partner_id == p.id, Invoice.voided.is_(False)
            )
        )
        detail = PartnerDetail(
            partner=p,
            contacts=rows(Contact, Contact.created_at),
            contracts=rows(Contract, Contract.start_date),
            grade_history=rows(GradeChange, GradeChange.created_at),
            lifecycle=rows(LifecycleEvent, LifecycleEvent.created_at),
            complaints=rows(Complaint, Complaint.received_date),
            competitors=rows(CompetitorObservation, CompetitorObservation.observed_date),
            survivor_code=survivor,
            receivable_fen=int(receivable or 0),
            warnings=list(reversed(rows(PartnerWarning, PartnerWarning.created_at))),
            trainings=list(reversed(rows(TrainingSession, TrainingSession.planned_for))),
        )
        s.expunge_all()
        return detail


def input_from_partner(p: Partner) -> PartnerInput:
    return PartnerInput(
        code=p.code,
        name=p.name,
        type=p.type,
        status=p.status,
        grade=p.grade,
        region=p.district_code or p.city_code or p.province_code or "",
        address=p.address,
        latitude=p.latitude,
        longitude=p.longitude,
        licence_no=p.licence_no,
        credit_rating=p.credit_rating,
        credit_limit_fen=p.credit_limit_fen,
        bank_info=p.bank_info,
        tags=list(p.tags or []),
        notes=p.notes,
        manager=p.manager,
    )


# -- contacts, contracts, complaints, competitors -----------------------------------


def save_contact(
    ctx: AppContext,
    partner_key: str,
    name: str,
    phone: str = "",
    role: str = "",
    email: str = "",
    is_primary: bool = False,
    contact_id: str | None = None,
) -> Changes:
    if not name.strip():
        raise ValidationError(tr("partners", "The contact's name is required."))
    _raise_problems(rules.validate_partner_fields({"phone": phone}))
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        contact = s.get(Contact, contact_id) if contact_id else None
        if contact is None:
            contact = Contact(partner_id=partner.id, name=name)
            s.add(contact)
        contact.name, contact.phone, contact.role, contact.email = (
            name.strip(),
            phone.strip(),
            role,
            email,
        )
        has_primary = s.scalar(
            select(func.count()).where(
                Contact.partner_id == partner.id,
                Contact.is_primary.is_(True),
                Contact.voided.is_(False),
                Contact.id != contact.id,
            )
        )
        if is_primary or not has_primary:
            s.execute(
                update(Contact)
                .where(
                    Contact.partner_id == partner.id,
                    Contact.id != contact.id,
                    Contact.is_primary.is_(True),
                )
                .values(is_primary=False, hlc=ctx.tick())
            )
            contact.is_primary = True
        pid = partner.id
    return Changes.of("contact", "partner", ids={pid})


def void_row(ctx: AppContext, model: Any, row_id: str, reason: str) -> Changes:
    """Tombstone a row (never deleted: SYNC_FORMAT.md)."""
    with ctx.session() as s:
        row = s.get(model, row_id)
        if row is None:
            raise NotFoundError(tr("partners", "The record no longer exists."))
        row.voided = True
        row.void_reason = reason
    return Changes.of(model.__tablename__)


def save_contract(
    ctx: AppContext,
    partner_key: str,
    number: str,
    type_: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    key_clauses: str = "",
    confidentiality: str = "",
    termination: str = "",
    scan_sha256: str | None = None,
    contract_id: str | None = None,
) -> Changes:
    if not number.strip():
        raise ValidationError(tr("partners", "The contract number is required."))
    if start and end and end < start:
        raise ValidationError(tr("partners", "The contract ends before it starts."))
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        contract = s.get(Contract, contract_id) if contract_id else None
        if contract is None:
            contract = Contract(partner_id=partner.id, number=number)
            s.add(contract)
        contract.number, contract.type, contract.start_date, contract.end_date = (
            number.strip(),
            type_,
            start,
            end,
        )
        contract.key_clauses, contract.confidentiality_clause, contract.termination_clause = (
            key_clauses,
            confidentiality,
            termination,
        )
        contract.scan_sha256 = scan_sha256
    return Changes.of("contract")


@dataclass(frozen=True)
class ContractWarning:
    partner_code: str
    partner_name: str
    contract_number: str
    end_date: dt.date
    days_left: int
    level: int  # 90, 30 or 7


def expiring_contracts(
    ctx: AppContext, today: dt.date | None = None, thresholds: tuple[int, ...] = (90, 30, 7)
) -> list[ContractWarning]:
    """Contracts ending within the largest threshold, tagged with the tightest one reached."""
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=max(thresholds))
    with ctx.read_session() as s:
        rows = s.execute(
            select(Partner.code, Partner.name, Contract.number, Contract.end_date)
            .join(Partner, Partner.id == Contract.partner_id)
            .where(
                Contract.voided.is_(False),
                Contract.end_date.is_not(None),
                Contract.end_date >= today,
                Contract.end_date <= horizon,
                Partner.status.in_(("active", "suspended", "prospect")),
            )
            .order_by(Contract.end_date)
        ).all()
    result = []
    for code, name, number, end in rows:
        days = (end - today).days
        level = min(t for t in thresholds if days <= t)
        result.append(ContractWarning(code, name, number, end, days, level))
    return result


def add_complaint(
    ctx: AppContext,
    partner_key: str,
    received: dt.date,
    description: str,
    channel: str = "",
    category: str = "",
    handling: str = "",
    visit_id: str | None = None,
) -> Changes:
    if not description.strip():
        raise ValidationError(tr("partners", "Describe the complaint."))
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        now = (
            utcnow()
        )  # the response-time rules count from receipt: a later-entered day counts from its start
        received_at = (
            now if received >= now.date() else dt.datetime.combine(received, dt.time(), dt.UTC)
        )
        s.add(
            Complaint(
                partner_id=partner.id,
                received_date=received,
                description=description,
                channel=channel,
                category=category,
                handling=handling,
                visit_id=visit_id,
                status="received",
                received_at=received_at,
            )
        )
    return Changes.of("complaint")


def add_competitor(
    ctx: AppContext,
    partner_key: str,
    brand: str,
    observed: dt.date,
    outlet_name: str = "",
    prices: str = "",
    promotions: str = "",
    source: str = "",
    visit_id: str | None = None,
) -> Changes:
    if not brand.strip():
        raise ValidationError(tr("partners", "The competitor's brand is required."))
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        s.add(
            CompetitorObservation(
                partner_id=partner.id,
                brand=brand,
                observed_date=observed,
                outlet_name=outlet_name,
                prices=prices,
                promotions=promotions,
                source=source,
                visit_id=visit_id,
            )
        )
    return Changes.of("competitor_observation")


# -- lifecycle 开停并转 ------------------------------------------------------------------


def record_lifecycle_event(
    ctx: AppContext,
    partner_key: str,
    kind: str,
    reason: str,
    effective: dt.date | None = None,
    note: str = "",
    approver: str = "",
    survivor: str | None = None,
    to_manager: str | None = None,
    to_region: str | None = None,
) -> Changes:
    """Open, suspend, resume, terminate, merge into a survivor, or transfer
    (``app.services.lifecycle``: the only way a partner's status changes)."""
    from app.services.lifecycle import record_lifecycle_event as record

    return record(
        ctx, partner_key, kind, reason, effective, note, approver, survivor, to_manager, to_region
    )


# -- drafts ----------------------------------------------------------------------------


def draft_key(partner_id: str | None) -> str:
    return f"partner:{partner_id or 'new'}"


def save_draft(ctx: AppContext, key: str, payload: dict[str, Any]) -> None:
    with ctx.session() as s:
        s.merge(FormDraft(key=key, payload=payload))


def load_draft(ctx: AppContext, key: str) -> dict[str, Any] | None:
    with ctx.read_session() as s:
        row = s.get(FormDraft, key)
        return dict(row.payload) if row else None


def discard_draft(ctx: AppContext, key: str) -> None:
    with ctx.session() as s:
        row = s.get(FormDraft, key)
        if row is not None:
            s.delete(row)


def list_drafts(ctx: AppContext) -> list[str]:
    with ctx.read_session() as s:
        return list(s.scalars(select(FormDraft.key)))


def managers(ctx: AppContext) -> list[str]:
    with ctx.read_session() as s:
        return [
            m for m in s.scalars(select(Partner.manager).distinct().order_by(Partner.manager)) if m
        ]


def search_any(ctx: AppContext, text_: str, limit: int = 20) -> list[PartnerRow]:
    """Quick look-up for pickers (code or name)."""
    return partner_page(ctx, PartnerQuery(search=text_), 0, limit)


__all__ = ["PartnerQuery", "PartnerRow", "or_"]


def attach_file(ctx: AppContext, partner_key: str, source: Path, kind: str = "other") -> str:
    """Store a licence scan, signed contract or other file by SHA-256; returns the hash."""
    import hashlib

    from app.services.media import store_file
    from db.models import Attachment, MediaFile

    source = Path(source)
    if not source.is_file():
        raise ValidationError(tr("partners", "File not found: {file}").format(file=source))
    size = source.stat().st_size
    if size > ctx.settings.photo_max_mb * 1024 * 1024:
        raise ValidationError(
            tr("partners", "{file} is larger than {limit} MB.").format(
                file=source.name, limit=ctx.settings.photo_max_mb
            )
        )
    digest = hashlib.sha256()
    with source.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    sha = digest.hexdigest()
    store_file(ctx.paths, source, sha)
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        if s.get(MediaFile, sha) is None:
            s.add(MediaFile(sha256=sha, size=size, mime="application/octet-stream"))
        s.add(
            Attachment(
                partner_id=partner.id, sha256=sha, filename=source.name, kind=kind, size=size
            )
        )
    return sha


def save_inventory_limit(
    ctx: AppContext, partner_key: str, product_line: str, min_qty: int, max_qty: int
) -> Changes:
    """Minimum/maximum stock for one product line (checked at visits)."""
    from db.models import InventoryLimit

    if not product_line.strip():
        raise ValidationError(tr("partners", "Name the product line."))
    if min_qty < 0 or max_qty < min_qty:
        raise ValidationError(
            tr("partners", "The minimum must be at least 0 and not above the maximum.")
        )
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        row = s.scalar(
            select(InventoryLimit).where(
                InventoryLimit.partner_id == partner.id,
                InventoryLimit.product_line == product_line.strip(),
                InventoryLimit.voided.is_(False),
            )
        )
        if row is None:
            row = InventoryLimit(partner_id=partner.id, product_line=product_line.strip())
            s.add(row)
        row.min_qty, row.max_qty = min_qty, max_qty
    return Changes.of("inventory_limit", "partner")


def partner_extras(ctx: AppContext, partner_key: str) -> tuple[list[Any], list[Any]]:
    """(inventory limits, attachments) of a partner, for the card."""
    from db.models import Attachment, InventoryLimit

    with ctx.read_session() as s:
        partner = get_partner(s, partner_key)
        limits = list(
            s.scalars(
                select(InventoryLimit).where(
                    InventoryLimit.partner_id == partner.id, InventoryLimit.voided.is_(False)
                )
            )
        )
        files = list(
            s.scalars(
                select(Attachment).where(
                    Attachment.partner_id == partner.id, Attachment.voided.is_(False)
                )
            )
        )
        s.expunge_all()
    return limits, files


def save_contract_with_scan(
    ctx: AppContext,
    partner_key: str,
    number: str,
    type_: str,
    start: dt.date | None,
    end: dt.date | None,
    key_clauses: str,
    confidentiality: str,
    termination: str,
    scan_file: str = "",
) -> Changes:
    """The contract dialog's save: its scan (a file path, optional) stored first, then the contract."""
    scan = attach_file(ctx, partner_key, Path(scan_file), "contract") if scan_file else None
    return save_contract(
        ctx, partner_key, number, type_, start, end, key_clauses, confidentiality, termination, scan
    )
