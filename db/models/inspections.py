"""Store inspections (巡检): templates, frequency rules, visits, answers, photos,
amendments, findings, rectification orders and the promotion-material ledger."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, SyncMixin

VISIT_STATUSES = ("planned", "draft", "submitted")
RECTIFICATION_STATUSES = ("open", "reported_fixed", "verified", "overdue", "escalated")


class ChecklistTemplate(SyncMixin, Base):
    """A versioned checklist template (HQ-owned; builtin ones ship in resources)."""

    __tablename__ = "checklist_template"
    __table_args__ = (UniqueConstraint("name", "version"),)

    name: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    source: Mapped[str] = mapped_column(String(20), default="builtin")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)


class FrequencyRule(SyncMixin, Base):
    """Visit-frequency rule as data: ``scope`` 'partner' (per grade, per month) or
    'manager' (per ISO week)."""

    __tablename__ = "frequency_rule"

    scope: Mapped[str] = mapped_column(String(20), default="partner")
    grade: Mapped[str | None] = mapped_column(String(1), default=None)
    period: Mapped[str] = mapped_column(String(10), default="month")
    min_visits: Mapped[int] = mapped_column(Integer)


class Visit(SyncMixin, Base):
    __tablename__ = "visit"
    # "which visits are sealed, up to an HLC" (every export query of a visit's children)
    # from the index alone: the row itself starts with the template body (KiBs)
    __table_args__ = (Index("ix_visit_sealed", "status", "hlc", "id"),)

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    template_id: Mapped[str | None] = mapped_column(
        ForeignKey("checklist_template.id"), default=None
    )
    template_name: Mapped[str] = mapped_column(String(100), default="")
    template_version: Mapped[int] = mapped_column(Integer, default=1)
    template_body: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    planned_for: Mapped[dt.date | None] = mapped_column(Date, default=None, index=True)
    started_at: Mapped[dt.datetime | None] = mapped_column(default=None, index=True)
    checked_out_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)
    manager: Mapped[str] = mapped_column(String(100), default="")
    is_reinspection: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float | None] = mapped_column(Float, default=None)
    content_hash: Mapped[str | None] = mapped_column(String(64), default=None)


class VisitAnswer(SyncMixin, Base):
    __tablename__ = "visit_answer"
    __table_args__ = (UniqueConstraint("visit_id", "item_key"),)

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    item_key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON, default=None)
    comment: Mapped[str] = mapped_column(Text, default="")


class VisitPhoto(SyncMixin, Base):
    __tablename__ = "visit_photo"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    item_key: Mapped[str | None] = mapped_column(String(100), default=None)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    taken_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)
    original_name: Mapped[str] = mapped_column(String(255), default="")
    caption: Mapped[str] = mapped_column(Text, default="")


class VisitAmendment(SyncMixin, Base):
    """A correction to a sealed visit: never edits the original, references it."""

    __tablename__ = "visit_amendment"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    amended_by: Mapped[str] = mapped_column(String(100), default="")
    amended_at: Mapped[dt.datetime] = mapped_column()
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    # the visit's score and section scores once this amendment applies (the sealed visit
    # row keeps the original's; readers take the newest amendment's)
    score: Mapped[float | None] = mapped_column(Float, default=None)
    section_scores: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class Finding(SyncMixin, Base):
    __tablename__ = "finding"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    item_key: Mapped[str | None] = mapped_column(String(100), default=None)
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[str] = mapped_column(String(20), default="normal")
    category: Mapped[str] = mapped_column(String(40), default="checklist")


class RectificationOrder(SyncMixin, Base):
    """限期整改: deadline, responsible person, before/after photos, status."""

    __tablename__ = "rectification_order"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    finding_id: Mapped[str | None] = mapped_column(ForeignKey("finding.id"), default=None)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), default=None)
    description: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(100), default="")
    deadline: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    before_photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    after_photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    verified_visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), default=None)
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class RectificationEvent(SyncMixin, Base):
    """Append-only status history of a rectification order."""

    __tablename__ = "rectification_event"

    order_id: Mapped[str] = mapped_column(ForeignKey("rectification_order.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), default=None)


class MaterialLedgerEntry(SyncMixin, Base):
    """宣传品台账: issued / installed / returned quantities per partner and item."""

    __tablename__ = "material_ledger_entry"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    item_name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int] = mapped_column(Integer)
    entry_date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class MaterialCount(SyncMixin, Base):
    """A count of one material item made at a visit, against the book quantity (账实相符)."""

    __tablename__ = "material_count"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    item_name: Mapped[str] = mapped_column(String(100))
    book_quantity: Mapped[int] = mapped_column(Integer)
    counted_quantity: Mapped[int] = mapped_column(Integer)
