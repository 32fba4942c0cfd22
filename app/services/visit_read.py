"""Reading visits: ``read_visit`` builds one visit's ``VisitDetail`` (app.domain.visit_detail)
in one read session, for the visit editor, the PDF report and ``visits show --json``;
``live_score`` is the editor's cheap live score; the drafts and partner names lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.domain.rectification import effective_status
from app.domain.visit_detail import (
    AmendmentInfo,
    EvidenceWarning,
    FindingInfo,
    OrderOutcome,
    RectificationInfo,
    VisitDetail,
    VisitPhotoInfo,
    checklist_items,
)
from app.services.amendments import amendment_chain, current_answers, current_scores
from app.services.context import AppContext
from app.services.evidence import visit_evidence
from app.services.reinspection import outcomes as reinspection_outcomes
from app.services.visit_rows import _visit
from db.models import Finding, Partner, RectificationOrder, Visit, VisitPhoto


def reused_elsewhere(s: Session, visit_id: str) -> dict[str, list[str]]:
    """For each photo of this visit, the other visits using the same photo (sorted; one
    query for all of them)."""
    other = aliased(VisitPhoto)
    found: dict[str, set[str]] = {}
    for sha, visit in s.execute(
        select(VisitPhoto.sha256, other.visit_id)
        .join(other, other.sha256 == VisitPhoto.sha256)
        .where(
            VisitPhoto.visit_id == visit_id,
            VisitPhoto.voided.is_(False),
            other.visit_id != visit_id,
            other.voided.is_(False),
        )
    ):
        found.setdefault(sha, set()).add(visit)
    return {sha: sorted(visits) for sha, visits in found.items()}


def _photos(s: Session, visit_id: str) -> tuple[VisitPhotoInfo, ...]:
    elsewhere = reused_elsewhere(s, visit_id)
    return tuple(
        VisitPhotoInfo(
            sha256=p.sha256,
            width=p.width,
            height=p.height,
            taken_at=p.taken_at,
            item_key=p.item_key,
            original_name=p.original_name,
            reused_in=tuple(elsewhere.get(p.sha256, ())),
        )
        for p in s.scalars(
            select(VisitPhoto)
            .where(VisitPhoto.visit_id == visit_id, VisitPhoto.voided.is_(False))
            .order_by(VisitPhoto.created_at)
        )
    )


def _findings(s: Session, visit_id: str) -> tuple[FindingInfo, ...]:
    findings = []
    today = dt.date.today()
    for f in s.scalars(
        select(Finding)
        .where(Finding.visit_id == visit_id, Finding.voided.is_(False))
        .order_by(Finding.created_at)
    ):
        order = s.scalar(select(RectificationOrder).where(RectificationOrder.finding_id == f.id))
        findings.append(
            FindingInfo(
                id=f.id,
                item_key=f.item_key,
                description=f.description,
                category=f.category,
                rectification=None
                if order is None
                else RectificationInfo(
                    id=order.id,
                    deadline=order.deadline,
                    responsible=order.responsible,
                    status="withdrawn"
                    if order.voided
                    else effective_status(order.status, order.deadline, today),
                ),
            )
        )
    return tuple(findings)


def read_visit(ctx: AppContext, visit_id: str) -> VisitDetail:
    """Everything about one visit, typed (``VisitDetail.as_json`` is ``visits show --json``)."""
    with ctx.read_session() as s:
        visit = _visit(s, visit_id)
        partner = s.get(Partner, visit.partner_id)
        amendments = amendment_chain(s, visit_id)
        effective = current_answers(s, visit_id)
        score, section_scores = current_scores(s, visit, effective)
        items = checklist_items(visit.template_body, effective)
        photos = _photos(s, visit_id)
        findings = _findings(s, visit_id)
        orders = reinspection_outcomes(s, visit, effective) if visit.is_reinspection else []
        evidence = visit_evidence(ctx, s, visit)
        return VisitDetail(
            id=visit.id,
            partner_code=partner.code if partner else "",
            partner_name=partner.name if partner else "",
            status=visit.status,
            template=visit.template_name,
            template_version=visit.template_version,
            planned_for=visit.planned_for,
            started_at=visit.started_at,
            checked_out_at=visit.checked_out_at,
            submitted_at=visit.submitted_at,
            latitude=visit.latitude,
            longitude=visit.longitude,
            manager=visit.manager,
            score=score,
            section_scores=section_scores,
            content_hash=visit.content_hash,
            sealed_score=visit.score,
            items=items,
            photos=photos,
            findings=findings,
            orders=tuple(OrderOutcome(**o) for o in orders),
            evidence=tuple(EvidenceWarning(**e) for e in evidence),
            amendments=tuple(
                AmendmentInfo(
                    id=a.id,
                    reason=a.reason,
                    changes=a.changes,
                    amended_by=a.amended_by,
                    amended_at=a.amended_at,
                    content_hash=a.content_hash,
                    score=a.score,
                )
                for a in amendments
            ),
        )


def partner_names(ctx: AppContext) -> dict[str, str]:
    """Code → name of every partner (for lists that carry only codes)."""
    return dict(
        ctx.read_sql("SELECT code, name FROM partner WHERE voided = 0")
    )  # plain sqlite3: no ORM rows


@dataclass(frozen=True)
class DraftSummary:
    id: str
    partner_code: str
    started_at: dt.datetime | None


def drafts(ctx: AppContext) -> list[DraftSummary]:
    with ctx.read_session() as s:
        return [
            DraftSummary(v.id, code, v.started_at)
            for v, code in s.execute(
                select(Visit, Partner.code)
                .join(Partner, Partner.id == Visit.partner_id)
                .where(Visit.status == "draft")
            )
        ]


def live_score(ctx: AppContext, visit_id: str) -> float | None:
    """The visit's score as it stands (a draft's from its answers, a sealed visit's with
    its amendments): the cheap call for the editor's live score, without the whole
    ``visit_detail``."""
    with ctx.read_session() as s:
        return current_scores(s, _visit(s, visit_id))[0]
