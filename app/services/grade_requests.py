"""Grade change requests (issue 15): HQ owns a partner's grade, so a manager asks for a
change with a reason; the request syncs up, HQ approves or refuses it, and its
down-bundle brings the decision back (the approved grade arrives with the card)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from app.domain import partners as rules
from app.errors import ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_rows import get_partner
from db.models import GradeRequest, Partner


def request_grade_change(
    ctx: AppContext, code: str, grade: str, reason: str
) -> tuple[Changes, str]:
    """Ask HQ to change partner ``code``'s grade to ``grade``; returns the request id."""
    grade = grade.strip().upper()
    if grade not in rules.GRADES:
        raise ValidationError(
            tr("partners", "Unknown grade {grade}; use one of {allowed}.").format(
                grade=grade, allowed=", ".join(rules.GRADES)
            )
        )
    if not reason.strip():
        raise ValidationError(tr("partners", "Give the reason for the grade change."))
    with ctx.session() as s:
        partner = get_partner(s, code)
        if partner.grade == grade:
            raise ValidationError(
                tr("partners", "Partner {code} already has grade {grade}.").format(
                    code=partner.code, grade=grade
                )
            )
        pending = s.scalar(
            select(GradeRequest.id).where(
                GradeRequest.partner_id == partner.id,
                GradeRequest.status == "pending",
                GradeRequest.voided.is_(False),
            )
        )
        if pending is not None:
            raise ValidationError(
                tr(
                    "partners", "A grade change of partner {code} already waits for HQ's decision."
                ).format(code=partner.code)
            )
        request = GradeRequest(
            partner_id=partner.id,
            current_grade=partner.grade,
            requested_grade=grade,
            reason=reason.strip(),
            requested_by=ctx.user_name,
            requested_on=dt.date.today(),
        )
        s.add(request)
        s.flush()
        rid = request.id
    return Changes.of("grade_request", ids={rid}), rid


def grade_requests(ctx: AppContext, code: str | None = None) -> list[dict[str, Any]]:
    """This laptop's grade change requests, newest first (``partners grade-requests``)."""
    with ctx.read_session() as s:
        stmt = (
            select(GradeRequest, Partner.code)
            .join(Partner, Partner.id == GradeRequest.partner_id)
            .where(GradeRequest.voided.is_(False))
        )
        if code is not None:
            stmt = stmt.where(Partner.id == get_partner(s, code).id)
        return [
            request_row(r, partner_code)
            for r, partner_code in s.execute(stmt.order_by(GradeRequest.hlc.desc()))
        ]


def request_row(r: GradeRequest, partner_code: str) -> dict[str, Any]:
    return {
        "id": r.id,
        "partner_code": partner_code,
        "current_grade": r.current_grade,
        "requested_grade": r.requested_grade,
        "reason": r.reason,
        "requested_on": r.requested_on.isoformat(),
        "status": r.status,
        "decision_note": r.decision_note,
    }


def apply_decisions(s: Any, rows: list[dict[str, Any]]) -> None:
    """HQ's decisions from a down-bundle: a request this laptop holds takes HQ's status and
    note (the grade itself comes with the partner card)."""
    for row in rows:
        request = s.get(GradeRequest, row["id"])
        data = row["data"]
        if request is None or request.hlc >= row["hlc"]:
            continue
        request.status, request.decision_note, request.hlc = (
            data["status"],
            data.get("decision_note") or "",
            row["hlc"],
        )
        decided = data.get("decided_at")
        request.decided_at = (
            dt.datetime.fromisoformat(decided) if isinstance(decided, str) else None
        )
