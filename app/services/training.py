"""Training of partners' staff (培训: planned, then held with attendees, materials and a
photo) and promotions (促销活动: period, partners, required materials), whose materials
the visit checklist of a partner in a running promotion asks about."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes, Created

PROMOTION_SECTION = "promotions"
PROMOTION_PREFIX = "promo:"


@dataclass(frozen=True)
class TrainingRow:
    id: str
    partner_code: str
    partner_name: str
    topic: str
    trainer: str
    planned_for: dt.date
    status: str  # planned | held
    held_on: dt.date | None
    attendees: list[str]
    materials: str
    photo_sha256: str | None


@dataclass(frozen=True)
class PromotionRow:
    id: str
    name: str
    start_date: dt.date
    end_date: dt.date
    partner_codes: list[str]
    materials: list[str]
    description: str

    def running(self, day: dt.date) -> bool:
        return self.start_date <= day <= self.end_date


def _partner_id(s: Any, code: str) -> str:
    from db.models import Partner

    pid = s.scalar(select(Partner.id).where(Partner.code == code, Partner.voided.is_(False)))
    if pid is None:
        raise NotFoundError(tr("training", "No partner with code {code}.").format(code=code))
    return str(pid)


def plan_training(
    ctx: AppContext,
    partner_code: str,
    topic: str,
    planned_for: dt.date,
    trainer: str = "",
    materials: str = "",
) -> Created:
    """Plan a training of a partner's staff; returns its id and the change."""
    from db.models import TrainingSession

    if not topic.strip():
        raise ValidationError(tr("training", "Give the training's topic."))
    with ctx.session() as s:
        row = TrainingSession(
            partner_id=_partner_id(s, partner_code),
            topic=topic.strip()[:200],
            trainer=(trainer.strip() or ctx.user_name)[:100],
            planned_for=planned_for,
            materials=materials.strip(),
            status="planned",
        )
        s.add(row)
        s.flush()
        return Created(row.id, Changes.of("training_session", ids={row.id}))


def record_training(
    ctx: AppContext,
    training_id: str,
    attendees: list[str],
    held_on: dt.date | None = None,
    materials: str | None = None,
    photo: Path | None = None,
    note: str = "",
) -> Changes:
    """Record a planned training as held: who attended (at least one), materials, photo."""
    from app.services.media import import_photo
    from db.models import TrainingSession

    names = [a.strip() for a in attendees if a.strip()]
    if not names:
        raise ValidationError(tr("training", "Name at least one attendee."))
    sha = import_photo(ctx, Path(photo)).sha256 if photo is not None else None
    with ctx.session() as s:
        row = s.get(TrainingSession, training_id)
        if row is None or row.voided:
            raise NotFoundError(tr("training", "No training {id}.").format(id=training_id))
        row.status, row.held_on, row.attendees = "held", held_on or dt.date.today(), names
        if materials is not None:
            row.materials = materials.strip()
        if sha is not None:
            row.photo_sha256 = sha
        if note.strip():
            row.note = note.strip()
    return Changes.of("training_session", ids={training_id})


def list_trainings(ctx: AppContext, partner_code: str | None = None) -> list[TrainingRow]:
    from db.models import Partner, TrainingSession

    with ctx.read_session() as s:
        stmt = (
            select(TrainingSession, Partner.code, Partner.name)
            .join(Partner, Partner.id == TrainingSession.partner_id)
            .where(TrainingSession.voided.is_(False))
            .order_by(TrainingSession.planned_for.desc(), TrainingSession.id)
        )
        if partner_code:
            stmt = stmt.where(Partner.code == partner_code)
        return [
            TrainingRow(
                t.id,
                code,
                name,
                t.topic,
                t.trainer,
                t.planned_for,
                t.status,
                t.held_on,
                list(t.attendees or []),
                t.materials,
                t.photo_sha256,
            )
            for t, code, name in s.execute(stmt)
        ]


def add_promotion(
    ctx: AppContext,
    name: str,
    start: dt.date,
    end: dt.date,
    partner_codes: list[str],
    materials: list[str],
    description: str = "",
) -> Created:
    """A promotion over [start, end] for the given partners, each to show ``materials``."""
    from db.models import Promotion

    codes = sorted({c.strip() for c in partner_codes if c.strip()})
    items = [m.strip()[:100] for m in materials if m.strip()]
    if not name.strip():
        raise ValidationError(tr("training", "Give the promotion's name."))
    if end < start:
        raise ValidationError(tr("training", "The promotion ends before it starts."))
    if not codes:
        raise ValidationError(tr("training", "Name at least one partner taking part."))
    with ctx.session() as s:
        for code in codes:
            _partner_id(s, code)
        row = Promotion(
            name=name.strip()[:200],
            start_date=start,
            end_date=end,
            partner_codes=codes,
            materials=items,
            description=description.strip(),
        )
        s.add(row)
        s.flush()
        return Created(row.id, Changes.of("promotion", ids={row.id}))


def list_promotions(ctx: AppContext, running_on: dt.date | None = None) -> list[PromotionRow]:
    from db.models import Promotion

    with ctx.read_session() as s:
        stmt = (
            select(Promotion)
            .where(Promotion.voided.is_(False))
            .order_by(Promotion.start_date.desc(), Promotion.id)
        )
        if running_on is not None:
            stmt = stmt.where(Promotion.start_date <= running_on, Promotion.end_date >= running_on)
        return [
            PromotionRow(
                p.id,
                p.name,
                p.start_date,
                p.end_date,
                list(p.partner_codes or []),
                list(p.materials or []),
                p.description,
            )
            for p in s.scalars(stmt)
        ]


def promotion_body(
    s: Any, partner_code: str, day: dt.date, template_body: dict[str, Any]
) -> dict[str, Any]:
    """The checklist with a section asking, for each promotion running on ``day`` that the
    partner takes part in, whether each required material is shown (unchanged when none)."""
    from db.models import Promotion

    promotions = [
        p
        for p in s.scalars(
            select(Promotion).where(
                Promotion.voided.is_(False), Promotion.start_date <= day, Promotion.end_date >= day
            )
        )
        if partner_code in (p.partner_codes or [])
    ]
    items = [
        {
            "key": f"{PROMOTION_PREFIX}{p.id}:{n}",
            "label": tr("visits", "{promotion}: {material} shown").format(
                promotion=p.name, material=m
            ),
            "kind": "yesno",
            "required": False,
            "weight": 0,
        }
        for p in promotions
        for n, m in enumerate(p.materials or [])
    ]
    if not items:
        return template_body
    body = copy.deepcopy(template_body)
    sections = [sec for sec in body.get("sections", []) if sec.get("key") != PROMOTION_SECTION]
    body["sections"] = [
        *sections,
        {"key": PROMOTION_SECTION, "title": tr("visits", "Running promotions"), "items": items},
    ]
    return body
