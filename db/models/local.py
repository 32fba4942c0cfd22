"""Laptop-only tables: key/value metadata (device, clock, sync watermarks), the media
registry, exported bundles, sync conflicts and autosaved form drafts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.domain.ids import uuid7
from db.base import Base, utcnow


class AppMeta(Base):
    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class MediaFile(Base):
    """An original photo or attachment stored at ``media/ab/<sha256>``."""

    __tablename__ = "media_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    mime: Mapped[str] = mapped_column(String(60), default="image/jpeg")
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    taken_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    latitude: Mapped[float | None] = mapped_column(default=None)
    longitude: Mapped[float | None] = mapped_column(default=None)
    orientation: Mapped[int] = mapped_column(Integer, default=1)
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ExportedBundle(Base):
    """A bundle this device wrote; ``acked_at`` set only by HQ's signed ack."""

    __tablename__ = "exported_bundle"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    base_ack_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    high_hlc: Mapped[str] = mapped_column(String(80), default="")
    since_hlc: Mapped[str] = mapped_column(
        String(80), default="", server_default=""
    )  # where the selection began (migration 0004)
    path: Mapped[str] = mapped_column(Text, default="")
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    ack_status: Mapped[str | None] = mapped_column(String(20), default=None)
    acked_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class SyncConflict(Base):
    """A losing value kept when two writers changed the same field concurrently."""

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    entity: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    winner_value: Mapped[Any] = mapped_column(JSON, default=None)
    loser_value: Mapped[Any] = mapped_column(JSON, default=None)
    winner_hlc: Mapped[str] = mapped_column(String(80), default="")
    loser_hlc: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolution: Mapped[str | None] = mapped_column(String(20), default=None)


class FormDraft(Base):
    """Autosaved, not yet saved form input (restored after a crash)."""

    __tablename__ = "form_draft"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class PartnerPublished(Base):
    """A partner card HQ has published to this laptop (its down-bundle carried it): from
    then on its HQ-owned fields (code, grade, credit limit) change only through HQ, so the
    partner import refuses changes to them. Laptop-only, never synced."""

    __tablename__ = "partner_published"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(80), default="")
    published_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
