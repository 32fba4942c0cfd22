"""Partner lifecycle 开停并转 — the only way a partner's status changes: open, suspend,
resume, terminate, merge into a survivor, transfer to another manager or territory. Each
event is a row that is never overwritten; a merge moves what lives on (contacts, open
rectification orders, the materials ledger, open receivables, targets — amounts of the
same metric and period added to the survivor's — and complaints) in one transaction and
records what it moved in the event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain import partners as rules
from app.domain.rectification import OPEN_STATES
from app.domain.regions import regions
from app.domain.vocabulary import LIFECYCLE_EVENT
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_rows import _raise_problems, get_partner
from db.models import (
    Complaint,
    Contact,
    Invoice,
    LifecycleEvent,
    MaterialLedgerEntry,
    Partner,
    RectificationOrder,
    Target,
)


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
    """Record one lifecycle event and the status it leads to (see the module docstring)."""
    if not reason.strip():
        raise ValidationError(tr("partners", "A reason is required for every lifecycle change."))
    effective = effective or dt.date.today()
    with ctx.session() as s:
        partner = get_partner(s, partner_key)
        problem = rules.lifecycle_problem(kind, partner.status)
        if problem:
            raise UserError(problem)
        event = LifecycleEvent(
            partner_id=partner.id,
            kind=kind,
            reason=reason,
            effective_date=effective,
            note=note,
            approver=approver,
            old_status=partner.status,
            recorded_by=ctx.user_name,
        )
        changed = {"partner", "lifecycle_event"}
        if kind == "merge":
            if not survivor:
                raise ValidationError(
                    tr("partners", "Choose the partner this one is merged into (--survivor CODE).")
                )
            target = get_partner(s, survivor)
            if target.id == partner.id:
                raise ValidationError(tr("partners", "A partner cannot be merged into itself."))
            if target.status not in ("active", "suspended", "prospect"):
                raise UserError(
                    tr(
                        "partners", "The survivor {code} is {status}; choose an active partner."
                    ).format(code=target.code, status=_status_word(target.status))
                )
            event.survivor_id = target.id
            partner.merged_into_id = target.id
            event.details = _merge_into(ctx, s, partner, target)
            changed |= {
                "contact",
                "rectification_order",
                "material_ledger_entry",
                "invoice",
                "target",
                "complaint",
            }
        if kind == "transfer":
            if not (to_manager or to_region):
                raise ValidationError(
                    tr(
                        "partners",
                        "Give the new manager or territory for a transfer (--to-manager NAME).",
                    )
                )
            event.from_manager, event.to_manager = partner.manager, to_manager or partner.manager
            event.from_region = partner.district_code or partner.city_code or partner.province_code
            if to_manager:
                partner.manager = to_manager
            if to_region:
                _raise_problems(rules.validate_partner_fields({"region": to_region}))
                partner.province_code, partner.city_code, partner.district_code = (
                    rules.region_parts(to_region)
                )
                event.to_region = regions().normalise(to_region) or to_region
        partner.status = rules.status_after(kind, partner.status)
        event.new_status = partner.status
        s.add(event)
        pid = partner.id
    return Changes.of(*changed, ids={pid})


def event_label(kind: str) -> str:
    """A lifecycle event for people."""
    return LIFECYCLE_EVENT.label(kind)


def _status_word(status: str) -> str:
    from app.services.visits import status_label

    return status_label(status)


def _merge_into(ctx: AppContext, s: Session, partner: Partner, survivor: Partner) -> dict[str, Any]:
    """Move the merged partner's living records to the survivor; returns what moved."""
    moved: dict[str, Any] = {}
    has_primary = (
        s.scalar(
            select(Contact.id)
            .where(
                Contact.partner_id == survivor.id,
                Contact.is_primary.is_(True),
                Contact.voided.is_(False),
            )
            .limit(1)
        )
        is not None
    )
    contacts = list(
        s.scalars(
            select(Contact).where(Contact.partner_id == partner.id, Contact.voided.is_(False))
        )
    )
    for contact in contacts:
        contact.partner_id = survivor.id
        if has_primary:
            contact.is_primary = False
    moved["contacts"] = len(contacts)
    statements = {
        "rectification_orders": update(RectificationOrder).where(
            RectificationOrder.partner_id == partner.id,
            RectificationOrder.voided.is_(False),
            RectificationOrder.status.in_(OPEN_STATES),
        ),
        "materials": update(MaterialLedgerEntry).where(
            MaterialLedgerEntry.partner_id == partner.id, MaterialLedgerEntry.voided.is_(False)
        ),
        "invoices": update(Invoice).where(
            Invoice.partner_id == partner.id,
            Invoice.voided.is_(False),
            Invoice.paid_fen < Invoice.amount_fen,
        ),
        "complaints": update(Complaint).where(
            Complaint.partner_id == partner.id, Complaint.voided.is_(False)
        ),
    }
    for name, stmt in statements.items():
        result = s.execute(
            stmt.values(partner_id=survivor.id, hlc=ctx.tick()).execution_options(
                synchronize_session=False
            )
        )
        moved[name] = int(result.rowcount or 0)  # type: ignore[attr-defined]
    moved["targets_moved"], moved["targets_added"] = _merge_targets(s, partner, survivor)
    return moved


def _merge_targets(
    s: Session, partner: Partner, survivor: Partner
) -> tuple[int, list[dict[str, Any]]]:
    """The merged partner's targets: moved to the survivor, or — where the survivor has a
    target of the same metric and period — added to its amount (the merged one is voided
    with the survivor named). Returns (moved, [{metric, period, added, before, after}])."""
    own = {
        (t.metric, t.period): t
        for t in s.scalars(
            select(Target).where(
                Target.scope_kind == "partner",
                Target.scope == survivor.code,
                Target.voided.is_(False),
            )
        )
    }
    moved, added = 0, []
    for target in s.scalars(
        select(Target)
        .where(
            Target.scope_kind == "partner", Target.scope == partner.code, Target.voided.is_(False)
        )
        .order_by(Target.metric, Target.period)
    ):
        existing = own.get((target.metric, target.period))
        if existing is None:
            target.scope = survivor.code
            moved += 1
            continue
        added.append(
            {
                "metric": target.metric,
                "period": target.period,
                "added": target.amount,
                "before": existing.amount,
                "after": existing.amount + target.amount,
            }
        )
        existing.amount += target.amount
        target.voided, target.void_reason = True, f"merged into {survivor.code}"
    return moved, added


def lifecycle_history(ctx: AppContext, partner_key: str) -> list[dict[str, Any]]:
    """The partner's lifecycle events, oldest first (``partners history``)."""
    with ctx.read_session() as s:
        partner = get_partner(s, partner_key)
        codes = dict(s.execute(select(Partner.id, Partner.code)).all())
        events = s.scalars(
            select(LifecycleEvent)
            .where(LifecycleEvent.partner_id == partner.id, LifecycleEvent.voided.is_(False))
            .order_by(LifecycleEvent.created_at, LifecycleEvent.id)
        )
        return [
            {
                "id": e.id,
                "event": e.kind,
                "from_status": e.old_status,
                "to_status": e.new_status,
                "reason": e.reason,
                "at": e.created_at.replace(tzinfo=dt.UTC).isoformat().replace("+00:00", "Z")
                if e.created_at.tzinfo is None
                else e.created_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
                "effective_date": e.effective_date.isoformat(),
                "survivor_code": codes.get(e.survivor_id) if e.survivor_id else None,
                "from_manager": e.from_manager,
                "to_manager": e.to_manager,
                "recorded_by": e.recorded_by,
                "details": e.details,
            }
            for e in events
        ]
