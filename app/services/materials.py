"""Promotion-material ledger 宣传品台账 of a partner: record what was issued, installed or
returned, correct or void an entry made in error (never overwritten or deleted: the entry
is voided with the reason and stays in the ledger's history; a correction adds the right
entry in its place), and read the ledger with the book quantity per item (counts made at
visits are in ``app.services.visits``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_rows import get_partner
from app.services.visit_materials import MATERIAL_KINDS, check_material_name, material_book
from db.models import MaterialLedgerEntry

MAX_QUANTITY = 100_000
REASON_MAX = 200
CORRECTED_PREFIX = "corrected: "  # void_reason of an entry replaced by a correction


@dataclass(frozen=True)
class LedgerEntry:
    id: str
    entry_date: dt.date
    item_name: str
    kind: str
    quantity: int
    note: str
    voided: bool = False
    void_reason: str = ""

    @property
    def corrected(self) -> bool:
        """Voided because a correction replaced it (rather than voided outright)."""
        return self.voided and self.void_reason.startswith(CORRECTED_PREFIX)

    @property
    def reason(self) -> str:
        """The reason the user gave for voiding or correcting the entry."""
        return (
            self.void_reason.removeprefix(CORRECTED_PREFIX) if self.corrected else self.void_reason
        )


@dataclass(frozen=True)
class PartnerMaterials:
    """A partner's ledger, newest entry first (voided entries only when asked for), and
    the book quantity per item."""

    entries: list[LedgerEntry]
    book: dict[str, int]


def _quantity(value: int | str) -> int:
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or not 0 < int(text) <= MAX_QUANTITY:
        raise ValidationError(
            tr(
                "materials", "The quantity must be a whole number from 1 to {max} (got {value})."
            ).format(max=MAX_QUANTITY, value=text or "—")
        )
    return int(text)


def record_material_entry(
    ctx: AppContext,
    partner_key: str,
    item_name: str,
    kind: str,
    quantity: int | str,
    entry_date: dt.date | None = None,
    note: str = "",
) -> Changes:
    """Record one ledger entry: promotion materials issued to, installed at or returned
    by a partner. A return larger than the book quantity is refused."""
    name = check_material_name(item_name)
    if kind not in MATERIAL_KINDS:
        raise ValidationError(
            tr(
                "materials", "Unknown ledger entry kind {kind}; use issued, installed or returned."
            ).format(kind=kind)
        )
    qty = _quantity(quantity)
    day = entry_date or dt.date.today()
    if day > dt.date.today():
        raise ValidationError(
            tr("materials", "The entry date {date} lies in the future.").format(
                date=day.isoformat()
            )
        )
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        if kind == "returned":
            held = material_book(s, partner.id).get(name, 0)
            if qty > held:
                raise ValidationError(
                    tr(
                        "materials",
                        "{partner} holds {held} × {item} on the book; {qty} cannot be returned.",
                    ).format(partner=partner.code, held=held, item=name, qty=qty)
                )
        s.add(
            MaterialLedgerEntry(
                partner_id=partner.id,
                item_name=name,
                kind=kind,
                quantity=qty,
                entry_date=day,
                note=note.strip(),
            )
        )
        partner_id = partner.id
    return Changes.of("material_ledger_entry", ids={partner_id})


def partner_materials(
    ctx: AppContext, partner_key: str, include_voided: bool = False
) -> PartnerMaterials:
    """The partner's ledger entries (newest first; voided ones too with ``include_voided``)
    and book quantity per item (live entries only)."""
    with ctx.read_session() as s:
        partner = get_partner(s, partner_key)
        stmt = select(MaterialLedgerEntry).where(MaterialLedgerEntry.partner_id == partner.id)
        if not include_voided:
            stmt = stmt.where(MaterialLedgerEntry.voided.is_(False))
        rows = s.scalars(
            stmt.order_by(
                MaterialLedgerEntry.entry_date.desc(), MaterialLedgerEntry.created_at.desc()
            )
        )
        entries = [
            LedgerEntry(
                r.id,
                r.entry_date,
                r.item_name,
                r.kind,
                r.quantity,
                r.note,
                r.voided,
                r.void_reason or "",
            )
            for r in rows
        ]
        book = material_book(s, partner.id)
    names = {e.item_name for e in entries if not e.voided}
    return PartnerMaterials(entries, {name: book.get(name, 0) for name in sorted(names)})


def _reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise ValidationError(
            tr("materials", "Give the reason for the change (e.g. wrong quantity, entered twice).")
        )
    if len(text) > REASON_MAX:
        raise ValidationError(
            tr("materials", "The reason is too long (at most {max} characters).").format(
                max=REASON_MAX
            )
        )
    return text


def _live_entry(s: Session, entry_id: str) -> MaterialLedgerEntry:
    row = s.get(MaterialLedgerEntry, entry_id)
    if row is None:
        raise NotFoundError(tr("materials", "The ledger entry no longer exists."))
    if row.voided:
        raise UserError(
            tr("materials", "This ledger entry was already voided ({reason}).").format(
                reason=(row.void_reason or "").removeprefix(CORRECTED_PREFIX) or "—"
            )
        )
    return row


def _effect(kind: str, quantity: int) -> int:
    """What an entry adds to the book (installing does not change what the partner holds)."""
    return {"issued": quantity, "returned": -quantity}.get(kind, 0)


def _check_book_after(
    s: Session, row: MaterialLedgerEntry, replacement: tuple[str, str, int] | None
) -> None:
    """Refuse a void or correction that would leave an item below zero on the book (a
    later return relies on the entry being voided or corrected)."""
    book = material_book(s, row.partner_id)
    book[row.item_name] = book.get(row.item_name, 0) - _effect(row.kind, row.quantity)
    if replacement is not None:
        name, kind, quantity = replacement
        book[name] = book.get(name, 0) + _effect(kind, quantity)
    for name in sorted({row.item_name} | ({replacement[0]} if replacement else set())):
        if book.get(name, 0) < 0:
            partner = get_partner(s, row.partner_id)
            raise ValidationError(
                tr(
                    "materials",
                    "After this change {partner} would have returned {excess} × {item} more than were "
                    "issued; correct or void the return first.",
                ).format(partner=partner.code, excess=-book[name], item=name)
            )


def void_material_entry(ctx: AppContext, entry_id: str, reason: str) -> Changes:
    """Void a ledger entry recorded in error. It is never deleted: it stays in the ledger's
    history with the reason and no longer counts in the book. Refused without a reason,
    for an entry already voided, and when a later return would then exceed the book."""
    text = _reason(reason)
    with ctx.session() as s:
        row = _live_entry(s, entry_id)
        _check_book_after(s, row, None)
        row.voided, row.void_reason = True, text
        partner_id = row.partner_id
    return Changes.of("material_ledger_entry", ids={partner_id})


def correct_material_entry(
    ctx: AppContext,
    entry_id: str,
    item_name: str,
    kind: str,
    quantity: int | str,
    entry_date: dt.date,
    note: str,
    reason: str,
) -> Changes:
    """Correct a ledger entry: in one transaction the original is voided with the reason
    (it stays in the history, marked as corrected) and the corrected entry is added in its
    place. The corrected values are checked like a new entry; a correction that changes
    nothing, or leaves an item below zero on the book, is refused."""
    text = _reason(reason)
    name = check_material_name(item_name)
    if kind not in MATERIAL_KINDS:
        raise ValidationError(
            tr(
                "materials", "Unknown ledger entry kind {kind}; use issued, installed or returned."
            ).format(kind=kind)
        )
    qty = _quantity(quantity)
    if entry_date > dt.date.today():
        raise ValidationError(
            tr("materials", "The entry date {date} lies in the future.").format(
                date=entry_date.isoformat()
            )
        )
    with ctx.session() as s:
        row = _live_entry(s, entry_id)
        if (row.item_name, row.kind, row.quantity, row.entry_date, row.note) == (
            name,
            kind,
            qty,
            entry_date,
            note.strip(),
        ):
            raise ValidationError(tr("materials", "Nothing to correct: the entry is unchanged."))
        _check_book_after(s, row, (name, kind, qty))
        row.voided, row.void_reason = True, CORRECTED_PREFIX + text
        s.add(
            MaterialLedgerEntry(
                partner_id=row.partner_id,
                item_name=name,
                kind=kind,
                quantity=qty,
                entry_date=entry_date,
                note=note.strip(),
            )
        )
        partner_id = row.partner_id
    return Changes.of("material_ledger_entry", ids={partner_id})
