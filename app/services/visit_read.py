"""Reading visits: ``read_visit`` builds one visit's ``VisitDetail`` (app.domain.visit_detail)
with plain sqlite3 (``ctx.read_sql``, no ORM), for the visit editor, the PDF report and
``visits show --json``; ``live_score`` is the editor's cheap live score; the drafts and
partner names lists. Stored values are read as SQLAlchemy reads them (``sql_values``:
naive UTC datetime text, ISO dates, JSON text, booleans 0/1); the rules on them are the
write side's own (``checklist.standing_scores``, ``evidence.visit_warnings``,
``reinspection.outcome``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from app.domain import checklist as cl
from app.domain import evidence as evidence_rules
from app.domain import reinspection
from app.domain.duties import validate_rules
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
from app.errors import NotFoundError
from app.i18n import tr
from app.services.context import AppContext
from app.services.sql_values import parse_datetime

_VISIT = (
    "SELECT id, partner_id, status, template_name, template_version, template_body, planned_for, "
    "started_at, checked_out_at, submitted_at, latitude, longitude, manager, content_hash, score, "
    "is_reinspection FROM visit WHERE id = ?"
)


def _json(stored: str | float | None) -> Any:
    """A JSON column's value: its text decoded; a number SQLite's NUMERIC affinity stored
    as a number (``4`` for the text ``4``) is that number, as SQLAlchemy reads it."""
    return json.loads(stored) if isinstance(stored, str) else stored


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def reused_elsewhere(ctx: AppContext, visit_id: str) -> dict[str, list[str]]:
    """For each photo of this visit, the other visits using the same photo (sorted; one
    query for all of them)."""
    found: dict[str, set[str]] = {}
    for sha, visit in ctx.read_sql(
        "SELECT p.sha256, o.visit_id FROM visit_photo p JOIN visit_photo o ON o.sha256 = p.sha256 "
        "WHERE p.visit_id = ? AND p.voided = 0 AND o.visit_id != ? AND o.voided = 0",
        (visit_id, visit_id),
    ):
        found.setdefault(sha, set()).add(visit)
    return {sha: sorted(visits) for sha, visits in found.items()}


def _photos(ctx: AppContext, visit_id: str) -> tuple[list[Any], tuple[VisitPhotoInfo, ...]]:
    """(the rows, for the evidence checks; the photos as shown) in attachment order."""
    rows = ctx.read_sql(
        "SELECT sha256, width, height, taken_at, item_key, original_name, latitude, longitude, "
        "caption FROM visit_photo WHERE visit_id = ? AND voided = 0 ORDER BY created_at",
        (visit_id,),
    )
    elsewhere = reused_elsewhere(ctx, visit_id) if rows else {}
    return rows, tuple(
        VisitPhotoInfo(
            sha256=sha,
            width=width,
            height=height,
            taken_at=parse_datetime(taken),
            item_key=item_key,
            original_name=name,
            reused_in=tuple(elsewhere.get(sha, ())),
        )
        for sha, width, height, taken, item_key, name, *_rest in rows
    )


def _findings(ctx: AppContext, visit_id: str) -> tuple[FindingInfo, ...]:
    findings = []
    today = dt.date.today()
    for fid, item_key, description, category in ctx.read_sql(
        "SELECT id, item_key, description, category FROM finding "
        "WHERE visit_id = ? AND voided = 0 ORDER BY created_at",
        (visit_id,),
    ):
        order = ctx.read_sql(
            "SELECT id, deadline, responsible, status, voided FROM rectification_order "
            "WHERE finding_id = ? LIMIT 1",
            (fid,),
        )
        rectification = None
        if order:
            oid, deadline, responsible, status, voided = order[0]
            day = dt.date.fromisoformat(deadline)
            rectification = RectificationInfo(
                id=oid,
                deadline=day,
                responsible=responsible,
                status="withdrawn" if voided else effective_status(status, day, today),
            )
        findings.append(FindingInfo(fid, item_key, description, category, rectification))
    return tuple(findings)


def _answers(ctx: AppContext, visit_id: str, chain: list[Any]) -> dict[str, Any]:
    """The sealed answers with every amendment applied in order."""
    answers = {
        key: _json(value)
        for key, value in ctx.read_sql(
            "SELECT item_key, value FROM visit_answer WHERE visit_id = ? AND voided = 0",
            (visit_id,),
        )
    }
    for amendment in chain:
        answers.update(_json(amendment[2]) or {})
    return answers


def _outcomes(ctx: AppContext, body: dict[str, Any], answers: dict[str, Any]) -> list[Any]:
    rows = []
    for order_id in reinspection.order_keys(body):
        found = ctx.read_sql(
            "SELECT o.description, o.before_photo_sha256, o.after_photo_sha256, "
            "(SELECT p.sha256 FROM finding f JOIN visit_photo p ON p.visit_id = f.visit_id "
            "AND p.item_key = f.item_key AND p.voided = 0 WHERE f.id = o.finding_id "
            "AND f.item_key IS NOT NULL AND f.item_key != '' ORDER BY p.created_at LIMIT 1) "
            "FROM rectification_order o WHERE o.id = ?",
            (order_id,),
        )
        if found:
            description, before, after, item_photo = found[0]
            rows.append(
                reinspection.outcome(order_id, description, answers, before or item_photo, after)
            )
    return rows


def _evidence(ctx: AppContext, visit: Any, partner: Any, photos: list[Any]) -> list[dict[str, str]]:
    if not photos:
        return []
    rules = validate_rules(
        {key: _json(value) for key, value in ctx.read_sql("SELECT key, value FROM duty_rule")}
    )
    others: dict[str, set[str]] = {}
    shas = list(dict.fromkeys(p[0] for p in photos))
    for sha, other in ctx.read_sql(
        f"SELECT sha256, visit_id FROM visit_photo WHERE sha256 IN ({', '.join('?' * len(shas))}) "
        "AND visit_id != ? AND voided = 0",
        (*shas, visit[0]),
    ):
        others.setdefault(sha, set()).add(other)
    return evidence_rules.visit_warnings(
        [
            evidence_rules.StoredPhoto(sha, parse_datetime(taken), lat, lon, caption)
            for sha, _w, _h, taken, _k, _n, lat, lon, caption in photos
        ],
        others,
        parse_datetime(visit[7]),
        parse_datetime(visit[9]) or dt.datetime.now(dt.UTC),
        (partner[2], partner[3]) if partner else None,
        (partner[4] or partner[5] or partner[6]) if partner else None,
        float(rules["evidence_photo_hours"]),
        float(rules["evidence_photo_metres"]),
    )


def read_visit(ctx: AppContext, visit_id: str) -> VisitDetail:
    """Everything about one visit, typed (``VisitDetail.as_json`` is ``visits show --json``)."""
    found = ctx.read_sql(_VISIT, (visit_id,))
    if not found:
        raise NotFoundError(tr("visits", "No visit with id {id}.").format(id=visit_id))
    visit = found[0]
    (_id, partner_id, status, template_name, template_version, body_text) = visit[:6]
    body = _json(body_text) or {}
    partners = ctx.read_sql(
        "SELECT code, name, latitude, longitude, district_code, city_code, province_code "
        "FROM partner WHERE id = ?",
        (partner_id,),
    )
    partner = partners[0] if partners else None
    chain = ctx.read_sql(
        "SELECT id, reason, changes, amended_by, amended_at, content_hash, score, section_scores "
        "FROM visit_amendment WHERE visit_id = ? AND voided = 0 ORDER BY amended_at, id",
        (visit_id,),
    )
    effective = _answers(ctx, visit_id, chain)
    newest = max((a for a in chain if a[7] is not None), key=lambda a: (a[4], a[0]), default=None)
    score, section_scores = cl.standing_scores(
        body,
        status == "submitted",
        visit[14],
        effective,
        (newest[6], _json(newest[7])) if newest is not None else None,
        bool(chain),
    )
    photo_rows, photos = _photos(ctx, visit_id)
    return VisitDetail(
        id=_id,
        partner_code=partner[0] if partner else "",
        partner_name=partner[1] if partner else "",
        status=status,
        template=template_name,
        template_version=template_version,
        planned_for=_date(visit[6]),
        started_at=parse_datetime(visit[7]),
        checked_out_at=parse_datetime(visit[8]),
        submitted_at=parse_datetime(visit[9]),
        latitude=visit[10],
        longitude=visit[11],
        manager=visit[12],
        score=score,
        section_scores=section_scores,
        content_hash=visit[13],
        sealed_score=visit[14],
        items=checklist_items(body, effective),
        photos=photos,
        findings=_findings(ctx, visit_id),
        orders=tuple(OrderOutcome(**o) for o in _outcomes(ctx, body, effective))
        if visit[15]
        else (),
        evidence=tuple(EvidenceWarning(**e) for e in _evidence(ctx, visit, partner, photo_rows)),
        amendments=tuple(
            AmendmentInfo(
                id=a[0],
                reason=a[1],
                changes=_json(a[2]),
                amended_by=a[3],
                amended_at=parse_datetime(a[4]),
                content_hash=a[5],
                score=a[6],
            )
            for a in chain
        ),
    )


def partner_names(ctx: AppContext) -> dict[str, str]:
    """Code → name of every partner (for lists that carry only codes)."""
    return dict(ctx.read_sql("SELECT code, name FROM partner WHERE voided = 0"))


@dataclass(frozen=True)
class DraftSummary:
    id: str
    partner_code: str
    started_at: dt.datetime | None


def drafts(ctx: AppContext) -> list[DraftSummary]:
    return [
        DraftSummary(vid, code, parse_datetime(started))
        for vid, code, started in ctx.read_sql(
            "SELECT v.id, p.code, v.started_at FROM visit v JOIN partner p ON p.id = v.partner_id "
            "WHERE v.status = 'draft'"
        )
    ]


def live_score(ctx: AppContext, visit_id: str) -> float | None:
    """The visit's score as it stands (a draft's from its answers, a sealed visit's with
    its amendments): the cheap call for the editor's live score, without the whole
    ``visit_detail``."""
    from app.services.amendments import current_scores
    from app.services.visit_rows import _visit

    with ctx.read_session() as s:
        return current_scores(s, _visit(s, visit_id))[0]
