"""``VisitDetail``: everything about one visit as typed values (moments as aware datetimes,
dates as dates), built once by the service and read by the visit editor, the PDF report and,
through ``as_json``, ``visits show --json`` (whose shape is the CLI's contract)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.domain import checklist as cl


def iso_utc(value: dt.datetime | None) -> str | None:
    """A moment as ``2026-12-07T09:15:00.123456Z`` (the JSON's form), None stays None."""
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None


@dataclass(frozen=True)
class VisitItem:
    """One checklist item with its current answer."""

    key: str
    label: str
    kind: str
    required: bool
    answer: Any
    section: str
    weight: float
    minimum: float | None = None  # number items: the template's ``min``
    maximum: float | None = None  # score and number items: the template's ``max``
    options: tuple[str, ...] = ()  # choice items

    @property
    def answered(self) -> bool:
        return self.answer not in (None, "", [])

    def as_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "key": self.key,
            "label": self.label,
            "kind": self.kind,
            "required": self.required,
            "answer": self.answer,
            "section": self.section,
            "weight": self.weight,
        }
        if self.kind == "score":
            entry["max"] = self.maximum
        if self.kind == "number":
            entry["min"], entry["max"] = self.minimum, self.maximum
        if self.kind == "choice":
            entry["options"] = list(self.options)
        return entry


@dataclass(frozen=True)
class VisitPhotoInfo:
    """A photo attached to the visit, and the other visits using the same photo."""

    sha256: str
    width: int | None
    height: int | None
    taken_at: dt.datetime | None
    item_key: str | None
    original_name: str | None
    reused_in: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256,
            "width": self.width,
            "height": self.height,
            "taken_at": iso_utc(self.taken_at),
            "item_key": self.item_key,
            "original_name": self.original_name,
            "reused_in": list(self.reused_in),
        }


@dataclass(frozen=True)
class RectificationInfo:
    """A finding's rectification order (status as it reads today, or ``withdrawn``)."""

    id: str
    deadline: dt.date
    responsible: str
    status: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "deadline": self.deadline.isoformat(),
            "responsible": self.responsible,
            "status": self.status,
        }


@dataclass(frozen=True)
class FindingInfo:
    """A finding of the visit with its rectification order, if any."""

    id: str
    item_key: str | None
    description: str
    category: str
    rectification: RectificationInfo | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item_key": self.item_key,
            "description": self.description,
            "category": self.category,
            "rectification": None if self.rectification is None else self.rectification.as_json(),
        }


@dataclass(frozen=True)
class OrderOutcome:
    """A re-inspection's verdict on one rectification order, with before- and after-photo."""

    order_id: str
    description: str
    outcome: str | None
    note: str
    before_photo: str | None
    after_photo: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "order_id": self.order_id,
            "description": self.description,
            "outcome": self.outcome,
            "note": self.note,
            "before_photo": self.before_photo,
            "after_photo": self.after_photo,
        }


@dataclass(frozen=True)
class EvidenceWarning:
    """A photo-evidence warning (time, place, reuse, no camera data) and its explanation."""

    kind: str
    sha256: str
    detail: str
    explanation: str

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "sha256": self.sha256,
            "detail": self.detail,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class AmendmentInfo:
    """One amendment of a sealed visit (the chain's link: content hash, score after it)."""

    id: str
    reason: str
    changes: dict[str, Any]
    amended_by: str
    amended_at: dt.datetime | None
    content_hash: str | None
    score: float | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reason": self.reason,
            "changes": self.changes,
            "amended_by": self.amended_by,
            "amended_at": iso_utc(self.amended_at),
            "content_hash": self.content_hash,
            "score": self.score,
        }


@dataclass(frozen=True)
class VisitDetail:
    """One visit as it stands: the current answers and scores (amendments applied), the
    sealed score and hash, photos, findings, re-inspection outcomes, evidence, amendments."""

    id: str
    partner_code: str
    partner_name: str
    status: str
    template: str
    template_version: int
    planned_for: dt.date | None
    started_at: dt.datetime | None
    checked_out_at: dt.datetime | None
    submitted_at: dt.datetime | None
    latitude: float | None
    longitude: float | None
    manager: str
    score: float | None
    section_scores: dict[str, float | None]
    content_hash: str | None
    sealed_score: float | None
    items: tuple[VisitItem, ...]
    photos: tuple[VisitPhotoInfo, ...]
    findings: tuple[FindingInfo, ...]
    orders: tuple[OrderOutcome, ...]
    evidence: tuple[EvidenceWarning, ...]
    amendments: tuple[AmendmentInfo, ...]

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def missing_required(self) -> list[str]:
        """Keys of required items not answered yet, in the checklist's order."""
        return [i.key for i in self.items if i.required and not i.answered]

    def as_json(self) -> dict[str, Any]:
        """The JSON of ``visits show --json`` (docs/cli.md), key for key."""
        return {
            "id": self.id,
            "partner_code": self.partner_code,
            "partner_name": self.partner_name,
            "status": self.status,
            "template": self.template,
            "template_version": self.template_version,
            "planned_for": self.planned_for.isoformat() if self.planned_for else None,
            "started_at": iso_utc(self.started_at),
            "checked_out_at": iso_utc(self.checked_out_at),
            "submitted_at": iso_utc(self.submitted_at),
            "latitude": self.latitude,
            "longitude": self.longitude,
            "manager": self.manager,
            "score": self.score,
            "section_scores": self.section_scores,
            "content_hash": self.content_hash,
            "sealed_score": self.sealed_score,
            "items": [i.as_json() for i in self.items],
            "photos": [p.as_json() for p in self.photos],
            "findings": [f.as_json() for f in self.findings],
            "orders": [o.as_json() for o in self.orders],
            "evidence": [e.as_json() for e in self.evidence],
            "amendments": [a.as_json() for a in self.amendments],
        }


def checklist_items(
    template_body: dict[str, Any], answers: dict[str, Any]
) -> tuple[VisitItem, ...]:
    """The items of a template body with their answers (none: a blank form, as HQ's
    template editor previews it)."""
    return tuple(
        VisitItem(
            key=item.key,
            label=item.label,
            kind=item.kind,
            required=item.required,
            answer=answers.get(item.key),
            section=item.section_title,
            weight=item.weight,
            minimum=item.min,
            maximum=item.max,
            options=tuple(item.options),
        )
        for item in cl.template_items(template_body)
    )
