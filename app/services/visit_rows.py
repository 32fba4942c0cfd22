"""The rows of a visit that several visit services share: looking up a visit and one of
its checklist items, and raising a finding with its rectification order."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.domain import checklist as cl
from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import tr
from db.base import utcnow
from db.models import Finding, RectificationEvent, RectificationOrder, Visit

DEFAULT_RECTIFICATION_DAYS = 7


def _visit(s: Session, visit_id: str) -> Visit:
    visit = s.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(tr("visits", "No visit with id {id}.").format(id=visit_id))
    return visit


def _require_draft(visit: Visit) -> None:
    if visit.status == "submitted":
        raise UserError(
            tr(
                "visits", "Visit {id} is submitted and sealed; record a change as an amendment."
            ).format(id=visit.id)
        )


def _item(visit: Visit, key: str) -> cl.Item:
    for item in cl.template_items(visit.template_body):
        if item.key == key:
            return item
    raise ValidationError(tr("visits", "The checklist has no item {key}.").format(key=key))


def _create_finding(
    s: Session,
    visit: Visit,
    description: str,
    item_key: str | None,
    deadline: dt.date | None,
    responsible: str,
    before_photo: str | None,
    category: str,
) -> None:
    finding = Finding(
        visit_id=visit.id,
        partner_id=visit.partner_id,
        item_key=item_key,
        description=description,
        category=category,
    )
    s.add(finding)
    s.flush()
    day = (visit.started_at or utcnow()).date()
    order = RectificationOrder(
        partner_id=visit.partner_id,
        finding_id=finding.id,
        visit_id=visit.id,
        description=description,
        responsible=responsible,
        deadline=deadline or day + dt.timedelta(days=DEFAULT_RECTIFICATION_DAYS),
        status="open",
        before_photo_sha256=before_photo,
    )
    s.add(order)
    s.flush()
    s.add(
        RectificationEvent(
            order_id=order.id, status="open", at=utcnow(), note=description, visit_id=visit.id
        )
    )
