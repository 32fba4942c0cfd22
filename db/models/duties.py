"""The manager's control duties (issue 20): the channels' development records (kept on
the laptop only, phone encrypted), the daily callback draws and calls, warnings raised on
partners, the manager's daily log and the HQ rules these follow."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.ids import uuid7
from db.base import Base, SyncMixin, utcnow


class DevRecord(Base):
    """One business record of a channel (发展/维系): never synced, purged after the HQ
    retention period. The phone is AES-GCM ciphertext (``phone_cipher``) under the
    device's record key; ``phone_masked`` (138****1234) is what people see;
    ``dedup_key`` is an HMAC of the row, so a re-import skips it without a clear phone."""

    __tablename__ = "dev_record"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    record_date: Mapped[dt.date] = mapped_column(Date, index=True)
    product: Mapped[str] = mapped_column(String(100), default="")
    customer_ref: Mapped[str] = mapped_column(String(100), default="")
    phone_cipher: Mapped[bytes] = mapped_column(LargeBinary)
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    kind: Mapped[str] = mapped_column(String(10), default="new")
    dedup_key: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(10), default="import")
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CallbackDraw(SyncMixin, Base):
    """The callback sample of one day (回访抽样), kept for audit: the seed, the population
    of the previous day's records and how many were drawn."""

    __tablename__ = "callback_draw"

    draw_date: Mapped[dt.date] = mapped_column(Date, unique=True)
    source_date: Mapped[dt.date] = mapped_column(Date)
    seed: Mapped[str] = mapped_column(String(64))
    rate: Mapped[float] = mapped_column(default=0.15)
    population: Mapped[int] = mapped_column(Integer, default=0)
    drawn: Mapped[int] = mapped_column(Integer, default=0)
    drawn_by: Mapped[str] = mapped_column(String(100), default="")


class CallbackCall(SyncMixin, Base):
    """One drawn record to call back, and its outcome. Carries no phone: the number is
    read from the laptop's encrypted record (``record_id``) when calling."""

    __tablename__ = "callback_call"

    draw_id: Mapped[str] = mapped_column(ForeignKey("callback_draw.id"), index=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    record_date: Mapped[dt.date] = mapped_column(Date)
    product: Mapped[str] = mapped_column(String(100), default="")
    kind: Mapped[str] = mapped_column(String(10), default="new")
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    position: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(30), default=None, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    called_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class PartnerWarning(SyncMixin, Base):
    """A warning on a partner (kind, evidence, date), raised by a callback outcome or a
    photo-evidence check; ``escalation`` names what a repeat led to."""

    __tablename__ = "partner_warning"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(20), default="callback")
    evidence: Mapped[str] = mapped_column(Text, default="")
    ref_id: Mapped[str | None] = mapped_column(String(36), default=None)
    warned_on: Mapped[dt.date] = mapped_column(Date, index=True)
    escalation: Mapped[str | None] = mapped_column(String(30), default=None)
    rectification_id: Mapped[str | None] = mapped_column(String(36), default=None)


class DailyLog(SyncMixin, Base):
    """渠道经理日志: the day's figures (assembled when shown and frozen on close), the
    manager's notes and tomorrow's plan; sealed by ``content_hash`` when closed."""

    __tablename__ = "daily_log"

    log_date: Mapped[dt.date] = mapped_column(Date, unique=True)
    figures: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")
    plan: Mapped[str] = mapped_column(Text, default="")
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    manager: Mapped[str] = mapped_column(String(100), default="")


class DutyRule(Base):
    """An HQ rule of the duties (retention days, callback rate, escalation thresholds,
    complaint response times): key → JSON value; missing keys use the defaults in
    ``app.domain.duties``."""

    __tablename__ = "duty_rule"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    source: Mapped[str] = mapped_column(String(20), default="hq")


class TrainingSession(SyncMixin, Base):
    """A training of a partner's staff (培训): planned, then held with its attendees,
    materials and a photo (media store)."""

    __tablename__ = "training_session"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    topic: Mapped[str] = mapped_column(String(200))
    trainer: Mapped[str] = mapped_column(String(100), default="")
    planned_for: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    held_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    attendees: Mapped[list[Any]] = mapped_column(JSON, default=list)
    materials: Mapped[str] = mapped_column(Text, default="")
    photo_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class Promotion(SyncMixin, Base):
    """A promotion (促销活动): its period, the partners taking part and the materials they
    must show; visits of those partners during the period check each material."""

    __tablename__ = "promotion"

    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date] = mapped_column(Date, index=True)
    partner_codes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    materials: Mapped[list[Any]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
