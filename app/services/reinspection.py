"""Re-inspection (整改复查): the partner's open rectification orders become the visit's
checklist, one item per order keyed by the order's id and answered ``passed`` or
``failed``, with an optional note (``ID:note``) and after-photo (``ID:after_photo``) each. At submit a passed order is
verified by this visit; a failed one stays open (its deadline and escalation go on)."""

from __future__ import annotations

import copy
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.rectification import OPEN_STATES
from app.domain.reinspection import (
    FAILED,
    NOTE_SUFFIX,
    ORDERS_SECTION,
    PASSED,
    PHOTO_SUFFIX,
    order_keys,
)
from app.i18n import tr
from db.base import utcnow
from db.models import Finding, Partner, RectificationEvent, RectificationOrder, Visit, VisitPhoto


def open_orders(s: Session, partner_id: str) -> list[RectificationOrder]:
    return list(
        s.scalars(
            select(RectificationOrder)
            .where(
                RectificationOrder.partner_id == partner_id,
                RectificationOrder.voided.is_(False),
                RectificationOrder.status.in_(OPEN_STATES),
            )
            .order_by(RectificationOrder.deadline, RectificationOrder.id)
        )
    )


def reinspection_body(
    s: Session, partner: Partner, template_body: dict[str, Any]
) -> dict[str, Any]:
    """The template body with a first section listing the partner's open orders (none
    when it has none: the re-inspection then records the template's own items only)."""
    orders = open_orders(s, partner.id)
    if not orders:
        return copy.deepcopy(template_body)
    items: list[dict[str, Any]] = []
    for order in orders:
        label = tr("visits", "{description} (due {deadline})").format(
            description=order.description, deadline=order.deadline.isoformat()
        )
        items.append(
            {
                "key": order.id,
                "label": label,
                "kind": "choice",
                "options": [PASSED, FAILED],
                "required": False,
                "weight": 0,
                "order_id": order.id,
            }
        )
        items.append(
            {
                "key": order.id + NOTE_SUFFIX,
                "label": tr("visits", "Note: {description}").format(description=order.description),
                "kind": "text",
                "required": False,
                "weight": 0,
                "order_id": order.id,
            }
        )
        items.append(
            {
                "key": order.id + PHOTO_SUFFIX,
                "label": tr("visits", "After-photo: {description}").format(
                    description=order.description
                ),
                "kind": "photo",
                "required": False,
                "weight": 0,
                "order_id": order.id,
            }
        )
    body = copy.deepcopy(template_body)
    section = {
        "key": ORDERS_SECTION,
        "title": tr("visits", "Open rectification orders"),
        "items": items,
    }
    body["sections"] = [
        section,
        *[sec for sec in body.get("sections", []) if sec.get("key") != ORDERS_SECTION],
    ]
    return body


def unanswered_problem(body: dict[str, Any], answers: dict[str, Any]) -> str | None:
    """A re-inspection answers at least one of its orders."""
    keys = order_keys(body)
    if keys and not any(answers.get(k) in (PASSED, FAILED) for k in keys):
        return tr("visits", "Answer at least one rectification order with passed or failed.")
    return None


def apply_outcomes(
    s: Session, visit: Visit, answers: dict[str, Any], comments: dict[str, str]
) -> None:
    """At submit: each answered order still open is verified (passed, with its
    after-photo when one was taken) or stays open with the failed re-inspection in its
    history. Orders that another visit closed meanwhile are left alone."""
    now = utcnow()
    for order_id in order_keys(visit.template_body):
        outcome = answers.get(order_id)
        if outcome not in (PASSED, FAILED):
            continue
        order = s.get(RectificationOrder, order_id)
        if order is None or order.voided or order.status not in OPEN_STATES:
            continue
        photos = answers.get(order_id + PHOTO_SUFFIX) or []
        photo = photos[0] if isinstance(photos, list) and photos else None
        note = str(answers.get(order_id + NOTE_SUFFIX) or "").strip() or comments.get(order_id, "")
        if outcome == PASSED:
            order.status, order.after_photo_sha256, order.verified_visit_id, order.closed_at = (
                "verified",
                photo,
                visit.id,
                now,
            )
            s.add(
                RectificationEvent(
                    order_id=order.id,
                    status="verified",
                    at=now,
                    photo_sha256=photo,
                    visit_id=visit.id,
                    note=note or tr("visits", "Passed at re-inspection."),
                )
            )
        else:
            s.add(
                RectificationEvent(
                    order_id=order.id,
                    status=order.status,
                    at=now,
                    photo_sha256=photo,
                    visit_id=visit.id,
                    note=note or tr("visits", "Failed at re-inspection: not rectified yet."),
                )
            )


def before_photo(s: Session, order: RectificationOrder) -> str | None:
    """The order's before-photo: the one recorded with it, else a photo of the item its
    finding was raised on at that visit."""
    if order.before_photo_sha256:
        return order.before_photo_sha256
    if order.finding_id is None:
        return None
    finding = s.get(Finding, order.finding_id)
    if finding is None or not finding.item_key:
        return None
    return s.scalar(
        select(VisitPhoto.sha256)
        .where(
            VisitPhoto.visit_id == finding.visit_id,
            VisitPhoto.item_key == finding.item_key,
            VisitPhoto.voided.is_(False),
        )
        .order_by(VisitPhoto.created_at)
        .limit(1)
    )
