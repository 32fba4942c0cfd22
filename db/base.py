"""Declarative base, shared column types and the mixin every syncing table uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, MetaData, String, Text, TypeDecorator, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.domain.ids import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes, stored as naive UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def values_held(session: Any, column: Any, values: Sequence[Any], chunk: int = 500) -> set[Any]:
    """Which of ``values`` the table of ``column`` already holds there (one ``IN`` query
    per ``chunk`` values, under SQLite's and PostgreSQL's parameter limits)."""
    held: set[Any] = set()
    for start in range(0, len(values), chunk):
        held.update(
            session.scalars(select(column).where(column.in_(values[start : start + chunk])))
        )
    return held


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class SyncMixin:
    """Columns of every row that syncs to HQ (SYNC_FORMAT.md): a UUIDv7 id made on the
    creating device, the HLC of its last change, and tombstone fields (never deleted)."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    hlc: Mapped[str] = mapped_column(String(80), index=True, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    voided: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    void_reason: Mapped[str | None] = mapped_column(Text, default=None)


SYNC_TABLES: list[str] = []
"""Names of the syncing tables in dependency order (filled by ``db.models``)."""
