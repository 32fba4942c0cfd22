"""Promotion-material ledger 宣传品台账 of a partner: record what was issued, installed or
returned, and read the ledger with the book quantity per item (counts made at visits are
in ``app.services.visits``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.errors import ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partners import get_partner
from app.services.visits import MATERIAL_KINDS, check_material_name, material_book
from db.models import MaterialLedgerEntry

MAX_QUANTITY = 100_000


@dataclass(frozen=True)
class LedgerEntry:
    id: str
    entry_date: dt.date
    item_name: str
    kind: str
    quantity: int
    note: str


@dataclass(frozen=True)
class PartnerMaterials:
    """A partner's ledger, newest entry first, and the book quantity per item."""

    entries: list[LedgerEntry]
    book: dict[str, int]


def _quantity(value: int | str) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or not 0 < int(text) <= MAX_QUANTITY:
        raise ValidationError(tr("materials", "The quantity must be a whole number from 1 to {max} (got {value}).").format(
            max=MAX_QUANTITY, value=text or "—"))
    return int(text)


def record_material_entry(ctx: AppContext, partner_key: str, item_name: str, kind: str, quantity: int | str,
                          entry_date: dt.date | None = None, note: str = "") -> Changes:
    """Record one ledger entry: promotion materials issued to, installed at or returned
    by a partner. A return larger than the book quantity is refused."""
    name = check_material_name(item_name)
    if kind not in MATERIAL_KINDS:
        raise ValidationError(tr("materials", "Unknown ledger entry kind {kind}; use issued, installed or returned.").format(kind=kind))
    qty = _quantity(quantity)
    day = entry_date or dt.date.today()
    if day > dt.date.today():
        raise ValidationError(tr("materials", "The entry date {date} lies in the future.").format(date=day.isoformat()))
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        if kind == "returned":
            held = material_book(s, partner.id).get(name, 0)
            if qty > held:
                raise ValidationError(tr("materials", "{partner} holds {held} × {item} on the book; {qty} cannot be returned.").format(
                    partner=partner.code, held=held, item=name, qty=qty))
        s.add(MaterialLedgerEntry(partner_id=partner.id, item_name=name, kind=kind, quantity=qty, entry_date=day, note=note.strip()))
        partner_id = partner.id
    return Changes.of("material_ledger_entry", ids={partner_id})


def partner_materials(ctx: AppContext, partner_key: str) -> PartnerMaterials:
    """The partner's ledger entries (newest first) and book quantity per item."""
    with ctx.read_session() as s:
        partner = get_partner(s, partner_key)
        rows = s.scalars(select(MaterialLedgerEntry).where(MaterialLedgerEntry.partner_id == partner.id, MaterialLedgerEntry.voided.is_(False))
                         .order_by(MaterialLedgerEntry.entry_date.desc(), MaterialLedgerEntry.created_at.desc()))
        entries = [LedgerEntry(r.id, r.entry_date, r.item_name, r.kind, r.quantity, r.note) for r in rows]
        book = material_book(s, partner.id)
    names = {e.item_name for e in entries}
    return PartnerMaterials(entries, {name: book.get(name, 0) for name in sorted(names)})
