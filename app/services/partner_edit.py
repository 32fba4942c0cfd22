"""Creating and editing a partner card's own fields: ``PartnerInput`` checked by the
domain's field rules, the code unique and fixed once made, HQ's fields (code, grade,
credit limit) read-only where HQ owns them, a grade change recorded with its reason, and
a status changed only by a lifecycle event (``app.services.lifecycle``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import partners as rules
from app.errors import ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_drafts import discard_draft, draft_key
from app.services.partner_rows import _raise_problems, get_partner
from db.models import GradeChange, LifecycleEvent, Partner, PartnerPublished

NEW_PARTNER_STATUSES = ("prospect", "active")


@dataclass
class PartnerInput:
    """Editable fields of a partner card (money in fen)."""

    code: str
    name: str
    type: str = "dealer"
    status: str = "active"
    grade: str = "C"
    region: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    licence_no: str = ""
    credit_rating: str = ""
    credit_limit_fen: int = 0
    bank_info: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    manager: str = ""
    grade_reason: str = ""

    def problems(self) -> list[rules.FieldProblem]:
        return rules.validate_partner_fields(
            {
                "code": self.code,
                "name": self.name,
                "type": self.type,
                "status": self.status,
                "grade": self.grade,
                "region": self.region,
                "latitude": self.latitude,
                "longitude": self.longitude,
                "credit_limit_fen": self.credit_limit_fen,
                # the same length and character caps as the import (app.domain.partners)
                **{
                    key: getattr(self, key)
                    for key in (
                        "address",
                        "licence_no",
                        "credit_rating",
                        "manager",
                        "notes",
                        "bank_info",
                        "tags",
                    )
                },
            }
        )


def apply_input(
    session: Session, partner: Partner, data: PartnerInput, user: str, today: dt.date
) -> None:
    """Copy validated input onto ``partner``; a grade change is recorded with its reason."""
    province, city, district = rules.region_parts(data.region)
    if partner.grade and partner.grade != data.grade:
        session.add(
            GradeChange(
                partner_id=partner.id,
                old_grade=partner.grade,
                new_grade=data.grade,
                reason=data.grade_reason,
                effective_date=today,
                changed_by=user,
            )
        )
    partner.code = data.code.strip()
    partner.name = data.name.strip()
    partner.type = data.type
    partner.status = data.status
    partner.grade = data.grade
    partner.province_code, partner.city_code, partner.district_code = province, city, district
    partner.address = data.address
    partner.latitude, partner.longitude = data.latitude, data.longitude
    partner.licence_no = data.licence_no
    partner.credit_rating = data.credit_rating
    partner.credit_limit_fen = data.credit_limit_fen
    partner.bank_info = data.bank_info
    partner.tags = list(data.tags)
    partner.notes = data.notes
    partner.manager = data.manager


def _published(s: Session, partner: Partner, device_id: str | None) -> bool:
    """Whether HQ owns ``partner``'s code, grade and credit limit here: HQ published the
    card to this laptop (``partner_published``), or their stamps are another node's (the
    card came from HQ or another device) — the rule ``partners import`` applies."""
    if s.get(PartnerPublished, partner.id) is not None:
        return True
    stamps = partner.field_hlc or {}
    return any(
        len(parts := str(stamps.get(key) or "").split(":", 2)) == 3
        and parts[2] not in (device_id, "local")
        for key in rules.HQ_OWNED_FIELDS
    )


def hq_owned_fields_locked(ctx: AppContext, partner_id: str) -> bool:
    """True when the partner card's code, grade and credit limit are HQ's (read-only in
    the partner form; a grade change is asked for with ``request_grade_change``)."""
    with ctx.read_session() as s:
        return _published(s, get_partner(s, partner_id), ctx.device_id)


def save_partner(ctx: AppContext, data: PartnerInput, partner_id: str | None = None) -> Changes:
    """Create (``partner_id`` None) or update a partner card."""
    _raise_problems(data.problems())
    today = dt.date.today()
    with ctx.session() as s:
        clash = s.scalar(select(Partner.id).where(Partner.code == data.code.strip()))
        if clash is not None and clash != partner_id:
            raise ValidationError(
                tr("partners", "Another partner already has the code {code}.").format(
                    code=data.code
                )
            )
        if partner_id is None:
            if data.status not in NEW_PARTNER_STATUSES:
                raise ValidationError(
                    tr(
                        "partners",
                        "A new partner starts as a prospect or active; record other statuses as "
                        "lifecycle events (开停并转).",
                    )
                )
            partner = Partner(code=data.code.strip(), name=data.name.strip(), grade=data.grade)
            s.add(partner)
            s.flush()
            s.add(
                GradeChange(
                    partner_id=partner.id,
                    old_grade=None,
                    new_grade=data.grade,
                    reason=data.grade_reason or tr("partners", "initial grade"),
                    effective_date=today,
                    changed_by=ctx.user_name,
                )
            )
            if data.status == "active":
                s.add(
                    LifecycleEvent(
                        partner_id=partner.id,
                        kind="open",
                        reason=tr("partners", "partner created"),
                        effective_date=today,
                        new_status="active",
                        recorded_by=ctx.user_name,
                    )
                )
        else:
            partner = get_partner(s, partner_id)
            if data.code.strip() != partner.code:  # sync and every sheet identify partners by it
                raise ValidationError(
                    tr(
                        "partners",
                        "The code of partner {code} cannot be changed on this laptop; a code change is made at HQ.",
                    ).format(code=partner.code)
                )
            if (
                data.grade != partner.grade or data.credit_limit_fen != partner.credit_limit_fen
            ) and _published(s, partner, ctx.device_id):
                raise ValidationError(
                    tr(
                        "partners",
                        "HQ sets the grade and credit limit of partner {code}; they cannot be changed on this laptop.",
                    ).format(code=partner.code)
                )
            if data.status != partner.status:
                raise ValidationError(
                    tr(
                        "partners",
                        "The status changes only through a lifecycle event (开停并转: open, suspend, resume, merge, "
                        "transfer, terminate), not by editing the card.",
                    )
                )
        apply_input(s, partner, data, ctx.user_name, today)
        s.flush()
        pid = partner.id
    discard_draft(ctx, draft_key(partner_id))
    return Changes.of("partner", "grade_change", ids={pid})


def input_from_partner(p: Partner) -> PartnerInput:
    return PartnerInput(
        code=p.code,
        name=p.name,
        type=p.type,
        status=p.status,
        grade=p.grade,
        region=p.district_code or p.city_code or p.province_code or "",
        address=p.address,
        latitude=p.latitude,
        longitude=p.longitude,
        licence_no=p.licence_no,
        credit_rating=p.credit_rating,
        credit_limit_fen=p.credit_limit_fen,
        bank_info=p.bank_info,
        tags=list(p.tags or []),
        notes=p.notes,
        manager=p.manager,
    )
