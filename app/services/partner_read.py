"""Reading one partner for its card: master data with its live contacts, contracts,
grade and lifecycle history, complaints, competitors, warnings and trainings, the
survivor of a merge and the receivable (``PartnerDetail``), and its inventory limits and
attached files."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from app.services.context import AppContext
from app.services.partner_rows import get_partner
from db.models import (
    CompetitorObservation,
    Complaint,
    Contact,
    Contract,
    GradeChange,
    Invoice,
    LifecycleEvent,
    Partner,
    PartnerWarning,
    TrainingSession,
)


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
