"""Grade change requests at HQ (issue 15): the pending requests devices sent, and HQ's
decision. Approving sets the partner's grade (an HQ-owned field) with a fresh HQ HLC;
both the decision and the grade reach the laptops with ``hq publish``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.hlc import HybridLogicalClock, Timestamp
from app.entities import Changes
from app.errors import NotFoundError, UserError
from app.i18n import tr
from db.hq.models import HqMeta, Record

if TYPE_CHECKING:
    from app.hq.server import Hq

STATUSES = ("pending", "approved", "refused")


def list_requests(hq: Hq, status: str | None = None) -> list[dict[str, Any]]:
    """Requests HQ holds (optionally of one status), oldest first, with the partner's code
    and its grade now."""
    with hq.sessions() as s:
        requests = list(
            s.scalars(
                select(Record).where(Record.entity == "grade_request", Record.voided.is_(False))
            )
        )
        ids = {str(r.data.get("partner_id")) for r in requests}
        partners = (
            {
                p.id: p.data
                for p in s.scalars(
                    select(Record).where(Record.entity == "partner", Record.id.in_(ids))
                )
            }
            if ids
            else {}
        )
    rows = []
    for r in sorted(requests, key=lambda rec: rec.hlc):
        d = r.data
        if status is not None and d.get("status") != status:
            continue
        partner = partners.get(str(d.get("partner_id")), {})
        rows.append(
            {
                "id": r.id,
                "device_id": r.device_id,
                "partner_code": partner.get("code", ""),
                "grade_now": partner.get("grade"),
                "current_grade": d.get("current_grade"),
                "requested_grade": d.get("requested_grade"),
                "reason": d.get("reason", ""),
                "requested_by": d.get("requested_by", ""),
                "requested_on": d.get("requested_on"),
                "status": d.get("status"),
                "decision_note": d.get("decision_note", ""),
            }
        )
    return rows


@dataclass(frozen=True)
class Decision:
    """A decided grade change request (``to_json``: what ``hq grade-requests decide
    --json`` prints) and its change, announced by the UI's op runner."""

    id: str
    status: str
    partner_code: str | None
    grade: str | None
    changes: Changes

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "partner_code": self.partner_code,
            "grade": self.grade,
        }


def decide(hq: Hq, request_id: str, approve: bool, note: str = "") -> Decision:
    """Approve or refuse a pending request. Approving sets the partner's grade."""
    if not approve and not note.strip():
        raise UserError(tr("hq", "Say why the grade change is refused (--note)."))
    with hq.sessions.begin() as s:
        request = s.get(Record, ("grade_request", request_id))
        if request is None or request.voided:
            raise NotFoundError(tr("hq", "No grade change request {id}.").format(id=request_id))
        if request.data.get("status") != "pending":
            raise UserError(
                tr("hq", "The grade change request {id} was already decided ({status}).").format(
                    id=request_id, status=request.data.get("status")
                )
            )
        partner = s.get(Record, ("partner", str(request.data.get("partner_id"))))
        if partner is None:
            raise NotFoundError(
                tr("hq", "The partner of grade change request {id} is not at HQ.").format(
                    id=request_id
                )
            )
        last = s.get(HqMeta, "hlc_last")  # HQ's clock (as publish keeps it)
        clock = HybridLogicalClock(
            node=hq.hq_id(), last=Timestamp.parse(last.value) if last and last.value else None
        )
        hlc = str(clock.tick())
        request.data = {
            **request.data,
            "status": "approved" if approve else "refused",
            "decision_note": note.strip(),
            "decided_at": dt.datetime.now(dt.UTC).isoformat(),
        }
        request.hlc = hlc
        if approve:
            partner.data = {**partner.data, "grade": request.data["requested_grade"]}
            partner.field_hlc = {**(partner.field_hlc or {}), "grade": hlc}
            partner.hlc = max(partner.hlc, hlc)
        hq._set_meta(s, "hlc_last", str(clock.last) if clock.last else "")
        return Decision(
            request_id,
            request.data["status"],
            partner.data.get("code"),
            partner.data.get("grade"),
            Changes.of("record", ids={request_id, partner.id}),
        )


def decided_for_publish(s: Any, partner_ids: set[str]) -> list[dict[str, Any]]:
    """The decided requests of the published partners, as down-bundle records."""
    return [
        {"id": r.id, "hlc": r.hlc, "op": "upsert", "base_hlc": None, "data": r.data}
        for r in s.scalars(
            select(Record).where(Record.entity == "grade_request", Record.voided.is_(False))
        )
        if r.data.get("status") != "pending" and str(r.data.get("partner_id")) in partner_ids
    ]
