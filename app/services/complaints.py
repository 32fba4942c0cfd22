"""The complaint workflow (投诉处理): received → assigned → responded → resolved →
closed, each step's time kept; HQ's response-time rules (default 2 h to respond, 48 h to
resolve) mark overdue complaints; the satisfaction asked after resolving feeds the KPI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.domain import duties as rules
from app.domain.vocabulary import COMPLAINT_STATUS
from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes, Created
from app.services.duty_rules import duty_rules
from db.base import utcnow

STEP_TIMES = {
    "assigned": "assigned_at",
    "responded": "responded_at",
    "resolved": "resolved_at",
    "closed": "closed_at",
}


@dataclass(frozen=True)
class ComplaintRow:
    id: str
    partner_code: str
    partner_name: str
    status: str
    description: str
    received_at: dt.datetime | None
    received_date: dt.date
    assignee: str
    handling: str
    satisfaction: int | None
    overdue: str | None  # "response" / "resolution" / None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "partner_code": self.partner_code,
            "status": self.status,
            "text": self.description,
            "received_at": self.received_at.isoformat(timespec="seconds")
            if self.received_at
            else self.received_date.isoformat(),
            "assignee": self.assignee,
            "satisfaction": self.satisfaction,
            "overdue": self.overdue,
        }


def _received_at(c: Any) -> dt.datetime:
    return c.received_at or dt.datetime.combine(c.received_date, dt.time(), dt.UTC)


def list_complaints(
    ctx: AppContext, status: str | None = None, now: dt.datetime | None = None
) -> list[ComplaintRow]:
    """Complaints newest first (of one status when given), each with what is overdue."""
    from db.models import Complaint, Partner

    if status is not None and status not in rules.COMPLAINT_STATUSES:
        raise ValidationError(
            tr("complaints", "Unknown status {value}; use one of: {choices}.").format(
                value=status, choices=", ".join(rules.COMPLAINT_STATUSES)
            )
        )
    now = now or utcnow()
    with ctx.read_session() as s:
        rule = duty_rules(ctx, s)
        stmt = (
            select(Complaint, Partner.code, Partner.name)
            .join(Partner, Partner.id == Complaint.partner_id)
            .where(Complaint.voided.is_(False))
            .order_by(Complaint.received_date.desc(), Complaint.id.desc())
        )
        if status is not None:
            stmt = stmt.where(Complaint.status == status)
        return [
            ComplaintRow(
                c.id,
                code,
                name,
                c.status,
                c.description,
                c.received_at,
                c.received_date,
                c.assignee,
                c.handling,
                c.satisfaction,
                rules.complaint_overdue(
                    c.status, _received_at(c), c.responded_at, c.resolved_at, now, rule
                ),
            )
            for c, code, name in s.execute(stmt)
        ]


def overdue_complaints(ctx: AppContext, now: dt.datetime | None = None) -> list[ComplaintRow]:
    """Open complaints past HQ's response or resolution time (the reminders)."""
    return [c for c in list_complaints(ctx, now=now) if c.overdue]


def new_complaint(
    ctx: AppContext, partner_code: str, text: str, channel: str = "", category: str = ""
) -> Created:
    """Record a complaint received now; returns its id and the change."""
    from db.models import Complaint, Partner

    if not text.strip():
        raise ValidationError(tr("complaints", "Describe the complaint."))
    with ctx.session() as s:
        partner_id = s.scalar(
            select(Partner.id).where(Partner.code == partner_code, Partner.voided.is_(False))
        )
        if partner_id is None:
            raise NotFoundError(
                tr("complaints", "No partner with code {code}.").format(code=partner_code)
            )
        now = utcnow()
        complaint = Complaint(
            partner_id=partner_id,
            received_date=dt.date.today(),
            received_at=now,
            description=text.strip(),
            channel=channel,
            category=category,
            status="received",
        )
        s.add(complaint)
        s.flush()
        return Created(complaint.id, Changes.of("complaint", ids={complaint.id}))


def advance_complaint(
    ctx: AppContext,
    complaint_id: str,
    status: str,
    note: str = "",
    satisfaction: int | None = None,
    assignee: str | None = None,
) -> Changes:
    """Move a complaint forward to ``status`` (skipped steps get the same time); a note is
    added to its handling; the satisfaction (1–5) may be given when resolving or closing."""
    from db.models import Complaint

    if status not in rules.COMPLAINT_STATUSES:
        raise ValidationError(
            tr("complaints", "Unknown status {value}; use one of: {choices}.").format(
                value=status, choices=", ".join(rules.COMPLAINT_STATUSES)
            )
        )
    if satisfaction is not None and not 1 <= satisfaction <= 5:
        raise ValidationError(
            tr("complaints", "Satisfaction is a score from 1 to 5 (got {value}).").format(
                value=satisfaction
            )
        )
    with ctx.session() as s:
        complaint = s.get(Complaint, complaint_id)
        if complaint is None or complaint.voided:
            raise NotFoundError(tr("complaints", "No complaint {id}.").format(id=complaint_id))
        if not rules.complaint_step_allowed(complaint.status, status):
            raise ValidationError(
                tr(
                    "complaints",
                    "This complaint is {current}; it can only move forward (not to {target}).",
                ).format(
                    current=COMPLAINT_STATUS.label(complaint.status),
                    target=COMPLAINT_STATUS.label(status),
                )
            )
        if satisfaction is not None and status not in ("resolved", "closed"):
            raise ValidationError(
                tr("complaints", "Satisfaction is asked once the complaint is resolved.")
            )
        now = utcnow()
        reached = rules.COMPLAINT_STATUSES.index(status)
        for step in rules.COMPLAINT_STATUSES[1 : reached + 1]:
            if getattr(complaint, STEP_TIMES[step]) is None:
                setattr(complaint, STEP_TIMES[step], now)
        if complaint.received_at is None:
            complaint.received_at = _received_at(complaint)
        complaint.status = status
        if status == "assigned" or assignee:
            complaint.assignee = (assignee or complaint.assignee or ctx.user_name)[:100]
        if note.strip():
            line = f"{now.astimezone().strftime('%Y-%m-%d %H:%M')} {COMPLAINT_STATUS.label(status)}: {note.strip()}"
            complaint.handling = f"{complaint.handling}\n{line}".strip()
        if satisfaction is not None:
            complaint.satisfaction = satisfaction
        if status == "closed" and complaint.closed_date is None:
            complaint.closed_date = dt.date.today()
    return Changes.of("complaint", ids={complaint_id})
