"""Photo evidence of a visit (``app.domain.evidence``) with HQ's rules: listed live on a
draft and on a sealed visit, explained by the manager (the photo's caption, while the
visit is a draft), and recorded at submit as partner warnings of source ``evidence``
(synced to HQ, listed by ``warnings list``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import evidence as rules
from app.errors import NotFoundError, UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from db.base import utcnow
from db.models import Partner, Visit, VisitPhoto

EXPLANATION_MAX = 500


def _thresholds(ctx: AppContext, s: Session) -> tuple[float, float]:
    from app.services.duty_rules import duty_rules

    values = duty_rules(ctx, s)
    return float(values["evidence_photo_hours"]), float(values["evidence_photo_metres"])


def visit_evidence(ctx: AppContext, s: Session, visit: Visit) -> list[dict[str, Any]]:
    """The warnings of a visit's photos, each ``kind``, ``sha256``, ``detail`` and the
    manager's ``explanation`` ('' when none)."""
    photos = list(
        s.scalars(
            select(VisitPhoto)
            .where(VisitPhoto.visit_id == visit.id, VisitPhoto.voided.is_(False))
            .order_by(VisitPhoto.created_at)
        )
    )
    if not photos:
        return []
    partner = s.get(Partner, visit.partner_id)
    shas = list(dict.fromkeys(p.sha256 for p in photos))
    others: dict[str, set[str]] = {}
    for sha, other in s.execute(
        select(VisitPhoto.sha256, VisitPhoto.visit_id).where(
            VisitPhoto.sha256.in_(shas),
            VisitPhoto.visit_id != visit.id,
            VisitPhoto.voided.is_(False),
        )
    ):
        others.setdefault(sha, set()).add(other)
    hours, metres = _thresholds(ctx, s)
    return rules.visit_warnings(
        [
            rules.StoredPhoto(p.sha256, _aware(p.taken_at), p.latitude, p.longitude, p.caption)
            for p in photos
        ],
        others,
        _aware(visit.started_at),
        _aware(visit.submitted_at) or utcnow(),
        (partner.latitude, partner.longitude) if partner else None,
        (partner.district_code or partner.city_code or partner.province_code) if partner else None,
        hours,
        metres,
    )


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def record_warnings(ctx: AppContext, s: Session, visit: Visit) -> int:
    """At submit: one partner warning (source ``evidence``) per evidence finding, with the
    photo and the manager's explanation in its text. Returns how many."""
    from db.models import PartnerWarning

    found = visit_evidence(ctx, s, visit)
    today = dt.date.today()
    for item in found:
        text = f"{item['sha256'][:12]}: {item['detail']}"
        if item["explanation"]:
            text += " — " + tr("evidence", "explained: {text}").format(text=item["explanation"])
        s.add(
            PartnerWarning(
                partner_id=visit.partner_id,
                kind=item["kind"],
                source="evidence",
                evidence=text,
                ref_id=visit.id,
                warned_on=today,
            )
        )
    return len(found)


def explain(ctx: AppContext, visit_id: str, sha256: str, text: str) -> Changes:
    """The manager's explanation of a photo's evidence warning (a draft visit's photo)."""
    text = text.strip()
    if len(text) > EXPLANATION_MAX:
        raise ValidationError(
            tr("evidence", "The explanation is too long (at most {max} characters).").format(
                max=EXPLANATION_MAX
            )
        )
    with ctx.session() as s:
        visit = s.get(Visit, visit_id)
        if visit is None:
            raise NotFoundError(tr("visits", "No visit with id {id}.").format(id=visit_id))
        if visit.status == "submitted":
            raise UserError(
                tr(
                    "evidence", "Visit {id} is sealed; explain photo warnings before submitting."
                ).format(id=visit_id)
            )
        rows = list(
            s.scalars(
                select(VisitPhoto).where(
                    VisitPhoto.visit_id == visit_id,
                    VisitPhoto.sha256 == sha256,
                    VisitPhoto.voided.is_(False),
                )
            )
        )
        if not rows:
            raise NotFoundError(
                tr("evidence", "No photo {sha} in this visit.").format(sha=sha256[:12])
            )
        for row in rows:
            row.caption = text
    return Changes.of("visit_photo", ids={visit_id})
