"""``read_visit`` reads with plain sqlite3: its ``VisitDetail`` (and so ``visits show
--json``) is exactly what the ORM read gave before, for drafts, sealed and amended visits
with findings and photo warnings, and re-inspections with their orders; ``visits show``
imports no ORM."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.domain.visit_detail import (
    AmendmentInfo,
    EvidenceWarning,
    FindingInfo,
    OrderOutcome,
    RectificationInfo,
    VisitDetail,
    checklist_items,
)
from app.services import visits
from app.services.visit_read import read_visit
from tests.unit.services.test_amendments import sealed_visit
from tests.unit.services.test_reinspection import PHOTOS


def _orm_read_visit(ctx: Any, visit_id: str) -> VisitDetail:
    """``read_visit`` as it was with the ORM (the reference the plain read must match)."""
    import datetime as dt

    from sqlalchemy import select

    from app.domain.rectification import effective_status
    from app.domain.reinspection import order_keys, outcome
    from app.domain.visit_detail import VisitPhotoInfo
    from app.services.amendments import amendment_chain, current_answers, current_scores
    from app.services.evidence import visit_evidence
    from app.services.reinspection import before_photo
    from app.services.visit_rows import _visit
    from db.models import Finding, Partner, RectificationOrder, VisitPhoto

    with ctx.read_session() as s:
        visit = _visit(s, visit_id)
        partner = s.get(Partner, visit.partner_id)
        chain = amendment_chain(s, visit_id)
        effective = current_answers(s, visit_id)
        score, section_scores = current_scores(s, visit, effective)
        photos = []
        for p in s.scalars(
            select(VisitPhoto)
            .where(VisitPhoto.visit_id == visit_id, VisitPhoto.voided.is_(False))
            .order_by(VisitPhoto.created_at)
        ):
            others = s.scalars(
                select(VisitPhoto.visit_id).where(
                    VisitPhoto.sha256 == p.sha256,
                    VisitPhoto.visit_id != visit_id,
                    VisitPhoto.voided.is_(False),
                )
            )
            photos.append(
                VisitPhotoInfo(
                    p.sha256,
                    p.width,
                    p.height,
                    p.taken_at,
                    p.item_key,
                    p.original_name,
                    tuple(sorted(set(others))),
                )
            )
        findings = []
        for f in s.scalars(
            select(Finding)
            .where(Finding.visit_id == visit_id, Finding.voided.is_(False))
            .order_by(Finding.created_at)
        ):
            o = s.scalar(select(RectificationOrder).where(RectificationOrder.finding_id == f.id))
            status = None
            if o is not None:
                status = (
                    "withdrawn"
                    if o.voided
                    else effective_status(o.status, o.deadline, dt.date.today())
                )
            findings.append(
                FindingInfo(
                    f.id,
                    f.item_key,
                    f.description,
                    f.category,
                    None
                    if o is None
                    else RectificationInfo(o.id, o.deadline, o.responsible, str(status)),
                )
            )
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
            items=checklist_items(visit.template_body, effective),
            photos=tuple(photos),
            findings=tuple(findings),
            orders=tuple(
                OrderOutcome(
                    **outcome(
                        key, o.description, effective, before_photo(s, o), o.after_photo_sha256
                    )
                )
                for key in order_keys(visit.template_body)
                if (o := s.get(RectificationOrder, key)) is not None
            )
            if visit.is_reinspection
            else (),
            evidence=tuple(EvidenceWarning(**e) for e in visit_evidence(ctx, s, visit)),
            amendments=tuple(
                AmendmentInfo(
                    a.id, a.reason, a.changes, a.amended_by, a.amended_at, a.content_hash, a.score
                )
                for a in chain
            ),
        )


def _same(ctx: Any, visit_id: str) -> dict[str, Any]:
    plain, orm = read_visit(ctx, visit_id), _orm_read_visit(ctx, visit_id)
    assert plain == orm
    text = json.dumps(plain.as_json(), ensure_ascii=False, default=str)
    assert text == json.dumps(orm.as_json(), ensure_ascii=False, default=str)
    return plain.as_json()


def test_plain_read_equals_the_orm_read(ctx: Any, tmp_path: Path) -> None:
    sealed = sealed_visit(ctx, tmp_path, {"signage": "no", "cleanliness": "2"})
    shown = _same(ctx, sealed)
    assert shown["findings"] and shown["photos"] and shown["evidence"] is not None
    visits.amend(ctx, sealed, "录入错误", {"cleanliness": "5"})
    visits.amend(ctx, sealed, "再次更正", {"signage": "yes"})
    assert len(_same(ctx, sealed)["amendments"]) == 2
    again = sealed_visit(ctx, tmp_path)  # the same photo in two visits
    assert _same(ctx, again)["photos"][0]["reused_in"] == [sealed]
    draft = visits.new_visit(ctx, "P001")
    visits.answer(ctx, draft, "cleanliness", "3")
    visits.add_finding(ctx, draft, "门头破损", before_photo=None)
    visits.add_finding(ctx, draft, "价签缺失", before_photo=None)
    assert _same(ctx, draft)["status"] == "draft"
    reinspection = visits.new_visit(ctx, "P001", "reinspection")
    orders = [r["id"] for r in visits.rectification_orders(ctx, "P001")]
    visits.answer(ctx, reinspection, orders[0], "passed")
    visits.attach_photos(ctx, reinspection, PHOTOS[:1], item_key=f"{orders[0]}:after_photo")
    visits.answer(ctx, reinspection, orders[1], "failed")
    visits.answer(ctx, reinspection, f"{orders[1]}:note", "仍未整改")
    assert len(_same(ctx, reinspection)["orders"]) >= 2
    visits.submit(ctx, reinspection)
    outcomes = _same(ctx, reinspection)["orders"]
    assert {o["outcome"] for o in outcomes} >= {"passed", "failed"}
