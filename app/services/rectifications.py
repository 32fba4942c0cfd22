"""Rectification orders (限期整改) after a visit: moving one along its states, and the
lists of open and all orders with their status as it reads today."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, func, or_, select

from app.domain.rectification import OPEN_STATES, effective_status, transition_problem
from app.errors import NotFoundError, UserError
from app.i18n import tr
from app.services.context import AppContext, Changes
from db.base import utcnow
from db.models import Finding, Partner, RectificationEvent, RectificationOrder, Visit


def update_rectification(
    ctx: AppContext,
    order_id: str,
    status: str,
    note: str = "",
    after_photo: str | None = None,
    visit_id: str | None = None,
) -> Changes:
    with ctx.session() as s:
        order = s.get(RectificationOrder, order_id)
        if order is None:
            raise NotFoundError(tr("visits", "No rectification order {id}.").format(id=order_id))
        current = effective_status(order.status, order.deadline, dt.date.today())
        problem = transition_problem(current, status, after_photo)
        if problem:
            raise UserError(problem)
        order.status = status
        if status == "verified":
            order.after_photo_sha256, order.verified_visit_id, order.closed_at = (
                after_photo,
                visit_id,
                utcnow(),
            )
        s.add(
            RectificationEvent(
                order_id=order.id,
                status=status,
                at=utcnow(),
                note=note,
                photo_sha256=after_photo,
                visit_id=visit_id,
            )
        )
    return Changes.of("rectification_order", "rectification_event")


def open_rectifications(ctx: AppContext, partner_code: str | None = None) -> list[dict[str, Any]]:
    today = dt.date.today()
    stmt = (
        select(RectificationOrder, Partner.code, Partner.name)
        .join(Partner, Partner.id == RectificationOrder.partner_id)
        .where(RectificationOrder.status.in_(OPEN_STATES), RectificationOrder.voided.is_(False))
        .order_by(RectificationOrder.deadline)
    )
    if partner_code:
        stmt = stmt.where(Partner.code == partner_code)
    with ctx.read_session() as s:
        return [
            {
                "id": o.id,
                "partner_code": code,
                "partner_name": name,
                "description": o.description,
                "deadline": o.deadline.isoformat(),
                "responsible": o.responsible,
                "status": effective_status(o.status, o.deadline, today),
            }
            for o, code, name in s.execute(stmt)
        ]


def rectification_orders(
    ctx: AppContext, partner_code: str | None = None, status: str | None = None
) -> list[dict[str, Any]]:
    """Every rectification order (``rectifications list``), by deadline: its status as it
    reads today (``open`` past the deadline is ``overdue``), the checklist item its
    finding was raised on and the visit that raised it."""
    today = dt.date.today()
    stmt = (
        select(RectificationOrder, Partner.code, Finding.item_key)
        .join(Partner, Partner.id == RectificationOrder.partner_id)
        .outerjoin(Finding, Finding.id == RectificationOrder.finding_id)
        .where(RectificationOrder.voided.is_(False))
        .order_by(RectificationOrder.deadline, RectificationOrder.id)
    )
    if partner_code:
        stmt = stmt.where(Partner.code == partner_code)
    with ctx.read_session() as s:
        rows = [
            {
                "id": o.id,
                "partner_code": code,
                "status": effective_status(o.status, o.deadline, today),
                "deadline": o.deadline.isoformat(),
                "item": item,
                "visit_id": o.visit_id,
                "description": o.description,
                "responsible": o.responsible,
                "verified_visit_id": o.verified_visit_id,
            }
            for o, code, item in s.execute(stmt)
        ]
    return [r for r in rows if status is None or r["status"] == status]


def finding_item_labels(ctx: AppContext, rows: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """People's words for the ``item`` of ``rectification_orders`` rows, keyed by
    ``(visit_id, item)``: a checklist item's label in its visit's template, a material
    count's material (``material:NAME``) named as such."""
    from app.domain.checklist import template_items
    from app.services.visit_materials import MATERIAL_FINDING_PREFIX

    wanted = {(r["visit_id"], r["item"]) for r in rows if r["item"] and r["visit_id"]}
    labels: dict[tuple[str, str], str] = {}
    for visit_id, item in wanted:
        if item.startswith(MATERIAL_FINDING_PREFIX):
            name = item[len(MATERIAL_FINDING_PREFIX) :]
            labels[(visit_id, item)] = tr("visits", "Promotion material {item}").format(item=name)
    visit_ids = sorted({visit_id for visit_id, item in wanted})
    if not visit_ids:
        return labels
    with ctx.read_session() as s:
        bodies = s.execute(select(Visit.id, Visit.template_body).where(Visit.id.in_(visit_ids)))
        items = {
            visit_id: {i.key: i.label for i in template_items(body or {})}
            for visit_id, body in bodies
        }
    for visit_id, item in wanted:
        label = items.get(visit_id, {}).get(item)
        if label:
            labels[(visit_id, item)] = label
    return labels


def count_overdue_rectifications(ctx: AppContext, today: dt.date | None = None) -> int:
    """How many orders read as overdue today (stored ``overdue``, or ``open`` past the deadline)."""
    today = today or dt.date.today()
    with ctx.read_session() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(RectificationOrder)
                .where(
                    RectificationOrder.voided.is_(False),
                    or_(
                        RectificationOrder.status == "overdue",
                        and_(
                            RectificationOrder.status == "open", RectificationOrder.deadline < today
                        ),
                    ),
                )
            )
            or 0
        )
