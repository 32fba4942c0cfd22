"""Looking up a partner by id or code, and turning field problems into one error: the
partner basics that the partner, lifecycle and material services share."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import partners as rules
from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from db.models import Partner


def _raise_problems(problems: list[rules.FieldProblem]) -> None:
    if problems:
        lines = [f"{p.field}: {p.message}" for p in problems]
        raise ValidationError(
            tr("partners", "Please correct: {problems}").format(problems="; ".join(lines)),
            details=lines,
        )


def get_partner(session: Session, partner_id_or_code: str) -> Partner:
    partner = session.get(Partner, partner_id_or_code)
    if partner is None:
        partner = session.scalar(select(Partner).where(Partner.code == partner_id_or_code))
    if partner is None:
        raise NotFoundError(
            tr("partners", "No partner with code or id {key}.").format(key=partner_id_or_code)
        )
    return partner
