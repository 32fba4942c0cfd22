"""A partner's records entered on its card: contacts (one primary), complaints (their
response time counted from receipt), competitor outlets seen nearby, minimum and maximum
stock per product line, and the tombstone (void with a reason) of any such row."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select, update

from app.domain import partners as rules
from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_rows import _raise_problems, get_partner
from db.base import utcnow
from db.models import CompetitorObservation, Complaint, Contact


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
