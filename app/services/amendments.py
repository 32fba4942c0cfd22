"""Amending a sealed visit: the sealed original stays as it is, each amendment is a new
row of a hash chain (reason, who, when, the changed answers, the content hash of the
version it makes) holding the score and section scores of that version; findings open or
close as the corrected answers say, in the same transaction. Every reader takes a
visit's current score from ``current_score`` (SQL) or ``current_scores`` (one visit)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, select
from sqlalchemy.orm import Session

from app.domain import checklist as cl
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.visit_rows import _create_finding, _item, _visit
from db.base import utcnow
from db.models import (
    Finding,
    RectificationEvent,
    RectificationOrder,
    Visit,
    VisitAmendment,
    VisitAnswer,
)

AMENDMENT_VOID_PREFIX = "amendment:"
DEFAULT_RECTIFICATION_DAYS = 7  # as for a finding raised at the visit


def _scored_amendments(visit_id: Any) -> Any:
    """Amendments of a visit that carry the score of their version (all made since
    migration 0006), newest first."""
    return (
        select(VisitAmendment)
        .where(
            VisitAmendment.visit_id == visit_id,
            VisitAmendment.voided.is_(False),
            VisitAmendment.section_scores.is_not(None),
        )
        .order_by(VisitAmendment.amended_at.desc(), VisitAmendment.id.desc())
    )


def current_score() -> ColumnElement[Any]:
    """SQL for a visit's current score: its newest amendment's, else the sealed one."""
    newest = (
        select(VisitAmendment.score)
        .where(
            VisitAmendment.visit_id == Visit.id,
            VisitAmendment.voided.is_(False),
            VisitAmendment.section_scores.is_not(None),
        )
        .order_by(VisitAmendment.amended_at.desc(), VisitAmendment.id.desc())
        .limit(1)
        .correlate(Visit)
        .scalar_subquery()
    )
    amended = (
        exists()
        .where(
            and_(
                VisitAmendment.visit_id == Visit.id,
                VisitAmendment.voided.is_(False),
                VisitAmendment.section_scores.is_not(None),
            )
        )
        .correlate(Visit)
    )
    return case((amended, newest), else_=Visit.score)


def amendment_chain(s: Session, visit_id: str) -> list[VisitAmendment]:
    """A visit's amendments, oldest first."""
    return list(
        s.scalars(
            select(VisitAmendment)
            .where(VisitAmendment.visit_id == visit_id, VisitAmendment.voided.is_(False))
            .order_by(VisitAmendment.amended_at, VisitAmendment.id)
        )
    )


def sealed_answers(s: Session, visit_id: str) -> dict[str, Any]:
    return {
        a.item_key: a.value
        for a in s.scalars(
            select(VisitAnswer).where(
                VisitAnswer.visit_id == visit_id, VisitAnswer.voided.is_(False)
            )
        )
    }


def current_answers(s: Session, visit_id: str) -> dict[str, Any]:
    """The sealed answers with every amendment applied in order."""
    answers = sealed_answers(s, visit_id)
    for amendment in amendment_chain(s, visit_id):
        answers.update(amendment.changes)
    return answers


def version_hash(previous: str, changes: dict[str, Any], reason: str, by: str, at: str) -> str:
    """The content hash of an amended version: the previous version's hash (the sealed
    visit's for the first amendment) chained with what this amendment says."""
    text = json.dumps(
        {"previous": previous, "changes": changes, "reason": reason, "by": by, "at": at},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def amend(ctx: AppContext, visit_id: str, reason: str, changes: dict[str, str]) -> Changes:
    """Correct a sealed visit: a new amendment row (reason, who, when, the new values, the
    content hash of the new version, its score and section scores); a corrected answer
    that now fails raises a finding with its rectification order, one that no longer
    fails withdraws the open order its finding had. The original stays untouched."""
    from app.services.reinspection import order_keys

    if not reason.strip():
        raise ValidationError(tr("visits", "An amendment needs a reason."))
    if not changes:
        raise ValidationError(tr("visits", "Give at least one ITEM=VALUE to amend."))
    with ctx.session() as s:
        visit = _visit(s, visit_id)
        if visit.status != "submitted":
            raise UserError(
                tr("visits", "Only submitted visits are amended; edit the draft instead.")
            )
        parsed: dict[str, Any] = {}
        orders = set(order_keys(visit.template_body)) if visit.is_reinspection else set()
        for key, text in changes.items():
            item = _item(visit, key)
            if key in orders:
                raise ValidationError(
                    tr(
                        "visits",
                        "{item}: a re-inspected order's outcome is not amended; re-inspect the order again.",
                    ).format(item=key)
                )
            if item.kind == "photo":
                raise ValidationError(
                    tr(
                        "visits",
                        "{item}: a photo item cannot be amended; describe the correction in the reason.",
                    ).format(item=key)
                )
            try:
                parsed[key] = cl.parse_answer(item, text)
            except cl.AnswerError as exc:
                raise ValidationError(str(exc)) from exc
        chain = amendment_chain(s, visit_id)
        answers = sealed_answers(s, visit_id)
        for earlier in chain:
            answers.update(earlier.changes)
        answers.update(parsed)
        result = cl.score(visit.template_body, answers)
        now = utcnow()
        previous = chain[-1].content_hash if chain else (visit.content_hash or "")
        digest = version_hash(previous, parsed, reason, ctx.user_name, now.isoformat())
        amendment = VisitAmendment(
            visit_id=visit_id,
            reason=reason,
            changes=parsed,
            amended_by=ctx.user_name,
            amended_at=now,
            content_hash=digest,
            score=result.total,
            section_scores=dict(result.sections),
        )
        s.add(amendment)
        s.flush()
        _findings_follow(s, visit, parsed, answers, amendment.id, _create_finding)
    return Changes.of("visit_amendment", "visit", "finding", "rectification_order", ids={visit_id})


def _findings_follow(
    s: Session,
    visit: Visit,
    parsed: dict[str, Any],
    answers: dict[str, Any],
    amendment_id: str,
    create: Any,
) -> None:
    """Raise a finding for each amended item that now fails and has no open order from
    this visit; withdraw (void, with the amendment named) the open orders of the items
    that no longer fail."""
    items = {i.key: i for i in cl.template_items(visit.template_body)}
    now = utcnow()
    for key in parsed:
        item = items[key]
        orders = list(
            s.scalars(
                select(RectificationOrder)
                .join(Finding, Finding.id == RectificationOrder.finding_id)
                .where(
                    Finding.visit_id == visit.id,
                    Finding.item_key == key,
                    RectificationOrder.voided.is_(False),
                    RectificationOrder.status != "verified",
                )
            )
        )
        if cl.is_failure(item, answers.get(key)):
            if not orders:
                # the order's time runs from the amendment, not from the visit it corrects
                deadline = dt.date.today() + dt.timedelta(days=DEFAULT_RECTIFICATION_DAYS)
                create(
                    s,
                    visit,
                    f"{item.section_title}：{item.label}",
                    key,
                    deadline,
                    "",
                    None,
                    "checklist",
                )
            continue
        for order in orders:
            order.voided, order.void_reason, order.closed_at = (
                True,
                AMENDMENT_VOID_PREFIX + amendment_id,
                now,
            )
            s.add(
                RectificationEvent(
                    order_id=order.id,
                    status="withdrawn",
                    at=now,
                    visit_id=visit.id,
                    note=tr("visits", "Withdrawn: the amended answer no longer fails."),
                )
            )


def current_scores(
    s: Session, visit: Visit, answers: dict[str, Any] | None = None
) -> tuple[float | None, dict[str, Any]]:
    """(score, section scores) of a visit as it stands: the newest amendment's when it
    was amended, the sealed score when not, computed from the answers of a draft."""
    newest = (
        s.scalar(_scored_amendments(visit.id).limit(1)) if visit.status == "submitted" else None
    )
    return cl.standing_scores(
        visit.template_body,
        visit.status == "submitted",
        visit.score,
        answers if answers is not None else current_answers(s, visit.id),
        (newest.score, newest.section_scores) if newest is not None else None,
        visit.status == "submitted" and newest is None and bool(amendment_chain(s, visit.id)),
    )
