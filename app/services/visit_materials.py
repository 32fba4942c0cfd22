"""Promotion materials counted during a visit (宣传品): the count against the partner's
ledger book, the finding a difference raises (and withdraws when the count is corrected),
and the lines the visit editor shows."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.visit_rows import _create_finding, _require_draft, _visit
from db.models import (
    Finding,
    MaterialCount,
    MaterialLedgerEntry,
    RectificationEvent,
    RectificationOrder,
)

MATERIAL_KINDS = ("issued", "installed", "returned")
MATERIAL_FINDING_PREFIX = "material:"
MATERIAL_NAME_MAX = 60


def count_material(ctx: AppContext, visit_id: str, item_name: str, counted: int) -> Changes:
    """Count a promotion material at the visit against the ledger (账实相符); a
    difference becomes a finding. Counting the same item again at the same draft visit
    replaces the earlier count (voided): a remaining difference rewrites the finding it
    raised, a count that now matches the book voids that finding."""
    item_name = check_material_name(item_name)
    if counted < 0:
        raise ValidationError(tr("visits", "A count cannot be negative."))
    with ctx.session() as s:
        visit = _visit(s, visit_id)
        _require_draft(visit)
        previous = s.scalars(
            select(MaterialCount).where(
                MaterialCount.visit_id == visit_id,
                MaterialCount.item_name == item_name,
                MaterialCount.voided.is_(False),
            )
        ).all()
        if len(previous) == 1 and previous[0].counted_quantity == counted:
            return Changes.of(
                "material_count", ids={visit_id}
            )  # the same count again: nothing to change
        for old in previous:
            old.voided, old.void_reason = True, "recounted"
        book = material_book(s, visit.partner_id).get(item_name, 0)
        s.add(
            MaterialCount(
                visit_id=visit_id,
                partner_id=visit.partner_id,
                item_name=item_name,
                book_quantity=book,
                counted_quantity=counted,
            )
        )
        description = (
            None
            if book == counted
            else tr("visits", "Promotion material {item}: book {book}, counted {counted}.").format(
                item=item_name, book=book, counted=counted
            )
        )
        if (
            not _rewrite_material_finding(s, visit_id, item_name, description)
            and description is not None
        ):
            _create_finding(
                s,
                visit,
                description,
                MATERIAL_FINDING_PREFIX + item_name,
                None,
                "",
                None,
                "materials",
            )
    return Changes.of("material_count", "finding", "rectification_order", ids={visit_id})


def check_material_name(name: str) -> str:
    """A promotion material's name, stripped; empty or overlong names are refused."""
    name = name.strip()
    if not name:
        raise ValidationError(tr("visits", "Give the name of the promotion material."))
    if len(name) > MATERIAL_NAME_MAX:
        raise ValidationError(
            tr("visits", "The material name is too long (at most {max} characters).").format(
                max=MATERIAL_NAME_MAX
            )
        )
    return name


def _rewrite_material_finding(
    s: Session, visit_id: str, item_name: str, description: str | None
) -> bool:
    """The finding an earlier count of ``item_name`` raised at this draft visit (never
    synced yet): give it the new ``description``, or void it with its rectification order
    when the recount matches the book (``None``). False when there was none."""
    found = False
    for finding in s.scalars(
        select(Finding).where(
            Finding.visit_id == visit_id,
            Finding.item_key == MATERIAL_FINDING_PREFIX + item_name,
            Finding.voided.is_(False),
        )
    ):
        found = True
        orders = list(
            s.scalars(
                select(RectificationOrder).where(
                    RectificationOrder.finding_id == finding.id,
                    RectificationOrder.voided.is_(False),
                )
            )
        )
        events = [
            e
            for o in orders
            for e in s.scalars(
                select(RectificationEvent).where(
                    RectificationEvent.order_id == o.id, RectificationEvent.voided.is_(False)
                )
            )
        ]
        if description is not None:
            finding.description = description
            for order in orders:
                order.description = description
            for event in events:
                event.note = description
            continue
        for row in (finding, *orders, *events):
            row.voided, row.void_reason = True, "recounted"
    return found


def material_book(s: Session, partner_id: str) -> dict[str, int]:
    """Book quantity per item: issued adds, returned subtracts (installing an issued item
    does not change how many the partner holds)."""
    book: dict[str, int] = {}
    for name, kind, qty in s.execute(
        select(
            MaterialLedgerEntry.item_name, MaterialLedgerEntry.kind, MaterialLedgerEntry.quantity
        ).where(MaterialLedgerEntry.partner_id == partner_id, MaterialLedgerEntry.voided.is_(False))
    ):
        if kind == "installed":
            continue
        book[name] = book.get(name, 0) + (-qty if kind == "returned" else qty)
    return book


@dataclass(frozen=True)
class MaterialLine:
    """One promotion material at a visit: book quantity and the count made (if any)."""

    item_name: str
    book: int
    counted: int | None

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.book


def visit_materials(ctx: AppContext, visit_id: str) -> list[MaterialLine]:
    """The partner's ledger items with their book quantity and this visit's counts. A
    counted item shows the book quantity recorded with the count; the others show the
    ledger's current book quantity."""
    with ctx.read_session() as s:
        visit = _visit(s, visit_id)
        book = material_book(s, visit.partner_id)
        names = set(
            s.scalars(
                select(MaterialLedgerEntry.item_name).where(
                    MaterialLedgerEntry.partner_id == visit.partner_id,
                    MaterialLedgerEntry.voided.is_(False),
                )
            )
        )
        counts = {
            c.item_name: c
            for c in s.scalars(
                select(MaterialCount)
                .where(MaterialCount.visit_id == visit_id, MaterialCount.voided.is_(False))
                .order_by(MaterialCount.created_at)
            )
        }
    lines = []
    for name in sorted(names | set(counts)):
        count = counts.get(name)
        lines.append(
            MaterialLine(name, count.book_quantity, count.counted_quantity)
            if count is not None
            else MaterialLine(name, book.get(name, 0), None)
        )
    return lines
