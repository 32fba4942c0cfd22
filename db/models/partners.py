"""Partner files (每户一卡): partner card, contacts, contracts, grade history, inventory
limits, lifecycle events (开停并转), complaints, competitor outlets and attachments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.field_hlc import expand
from db.base import Base, SyncMixin

PARTNER_TYPES = ("agent", "dealer", "franchise", "own_store", "special")
PARTNER_STATUSES = ("prospect", "active", "suspended", "terminated", "merged")
GRADES = ("A", "B", "C", "D")


class FieldHlc(TypeDecorator[dict[str, Any]]):
    """JSON of a partner's per-field HLCs; the short form of a card whose every field
    carries one stamp (``app.domain.field_hlc``) reads as the object."""

    impl = JSON
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Any) -> Any:
        return expand(value, partner_fields())


def partner_fields() -> tuple[str, ...]:
    """The partner's fields with their own HLC (``field_hlc``'s keys)."""
    global _PARTNER_FIELDS
    if _PARTNER_FIELDS is None:
        _PARTNER_FIELDS = tuple(
            c.key
            for c in Partner.__table__.columns
            if c.key not in {"id", "hlc", "created_at", "updated_at", "field_hlc"}
        )
    return _PARTNER_FIELDS


_PARTNER_FIELDS: tuple[str, ...] | None = None


class Partner(SyncMixin, Base):
    """One partner card. ``field_hlc`` holds the HLC of each field's last change, for
    per-field last-writer-wins at HQ."""

    __tablename__ = "partner"

    code: Mapped[str] = mapped_column(String(40), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    type: Mapped[str] = mapped_column(String(20), default="dealer")
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)
    grade: Mapped[str] = mapped_column(String(1), default="C", index=True)
    province_code: Mapped[str | None] = mapped_column(String(2), default=None)
    city_code: Mapped[str | None] = mapped_column(String(4), default=None)
    district_code: Mapped[str | None] = mapped_column(String(6), default=None, index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None] = mapped_column(Float, default=None)
    longitude: Mapped[float | None] = mapped_column(Float, default=None)
    licence_no: Mapped[str] = mapped_column(String(60), default="")
    credit_rating: Mapped[str] = mapped_column(String(10), default="")
    credit_limit_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    bank_info: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[Any]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")
    manager: Mapped[str] = mapped_column(String(100), default="")
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"), default=None)
    field_hlc: Mapped[dict[str, Any]] = mapped_column(FieldHlc, default=dict)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="partner", order_by="Contact.created_at"
    )
    contracts: Mapped[list[Contract]] = relationship(
        back_populates="partner", order_by="Contract.start_date"
    )


class Contact(SyncMixin, Base):
    __tablename__ = "contact"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(60), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)

    partner: Mapped[Partner] = relationship(back_populates="contacts")


class Contract(SyncMixin, Base):
    __tablename__ = "contract"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    number: Mapped[str] = mapped_column(String(60))
    type: Mapped[str] = mapped_column(String(40), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    end_date: Mapped[dt.date | None] = mapped_column(Date, default=None, index=True)
    key_clauses: Mapped[str] = mapped_column(Text, default="")
    confidentiality_clause: Mapped[str] = mapped_column(Text, default="")
    termination_clause: Mapped[str] = mapped_column(Text, default="")
    scan_sha256: Mapped[str | None] = mapped_column(String(64), default=None)

    partner: Mapped[Partner] = relationship(back_populates="contracts")


class GradeChange(SyncMixin, Base):
    """One entry of the grade history (渠道分级) with its reason."""

    __tablename__ = "grade_change"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    old_grade: Mapped[str | None] = mapped_column(String(1), default=None)
    new_grade: Mapped[str] = mapped_column(String(1))
    reason: Mapped[str] = mapped_column(Text, default="")
    effective_date: Mapped[dt.date] = mapped_column(Date)
    changed_by: Mapped[str] = mapped_column(String(100), default="")


class GradeRequest(SyncMixin, Base):
    """A manager's request to change a partner's grade, which HQ owns: made on the laptop
    (status ``pending``), synced up, approved or refused at HQ and published back with
    HQ's decision (the approved grade arrives with the partner card)."""

    __tablename__ = "grade_request"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    current_grade: Mapped[str] = mapped_column(String(1))
    requested_grade: Mapped[str] = mapped_column(String(1))
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(100), default="")
    requested_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class InventoryLimit(SyncMixin, Base):
    """Minimum/maximum stock per product line, checked at visits."""

    __tablename__ = "inventory_limit"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    product_line: Mapped[str] = mapped_column(String(100))
    min_qty: Mapped[int] = mapped_column(Integer, default=0)
    max_qty: Mapped[int] = mapped_column(Integer, default=0)


class LifecycleEvent(SyncMixin, Base):
    """开停并转: open, suspend, resume, terminate, merge, transfer. Never overwritten."""

    __tablename__ = "lifecycle_event"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    effective_date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    approver: Mapped[str] = mapped_column(String(100), default="")
    old_status: Mapped[str | None] = mapped_column(String(20), default=None)
    new_status: Mapped[str | None] = mapped_column(String(20), default=None)
    survivor_id: Mapped[str | None] = mapped_column(ForeignKey("partner.id"), default=None)
    from_manager: Mapped[str | None] = mapped_column(String(100), default=None)
    to_manager: Mapped[str | None] = mapped_column(String(100), default=None)
    from_region: Mapped[str | None] = mapped_column(String(6), default=None)
    to_region: Mapped[str | None] = mapped_column(String(6), default=None)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    # what the event moved or added up (a merge: targets of the same metric and period
    # added to the survivor's, counts of contacts, orders, complaints… moved)
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class Complaint(SyncMixin, Base):
    """A customer complaint about a partner and its handling: received → assigned →
    responded → resolved (satisfaction asked) → closed, each step's time kept for the
    HQ response-time rules."""

    __tablename__ = "complaint"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), default=None)
    received_date: Mapped[dt.date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(40), default="")
    category: Mapped[str] = mapped_column(String(60), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    handling: Mapped[str] = mapped_column(Text, default="")
    closed_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    satisfaction: Mapped[int | None] = mapped_column(Integer, default=None)
    status: Mapped[str] = mapped_column(
        String(20), default="received", server_default="received", index=True
    )
    assignee: Mapped[str] = mapped_column(String(100), default="", server_default="")
    received_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    assigned_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    responded_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class CompetitorObservation(SyncMixin, Base):
    __tablename__ = "competitor_observation"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), default=None)
    brand: Mapped[str] = mapped_column(String(100))
    outlet_name: Mapped[str] = mapped_column(String(200), default="")
    prices: Mapped[str] = mapped_column(Text, default="")
    promotions: Mapped[str] = mapped_column(Text, default="")
    observed_date: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(100), default="")


class Attachment(SyncMixin, Base):
    """A file (licence scan, signed contract…) stored by SHA-256 in the media store."""

    __tablename__ = "attachment"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(40), default="other")
    size: Mapped[int] = mapped_column(BigInteger, default=0)
