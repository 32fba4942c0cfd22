"""HQ tables. Records from every device are kept in one store keyed by (entity, id) with
the per-field HLCs needed for last-writer-wins merging; nothing of it is ever deleted.
The development records HQ imports have their own table (purged after the retention
period)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column


class HqBase(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "pk": "pk_%(table_name)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ix": "ix_%(column_0_label)s",
        }
    )
    type_annotation_map = {dict[str, Any]: JSON, dt.datetime: DateTime(timezone=True)}


class HqMeta(HqBase):
    __tablename__ = "hq_meta"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Device(HqBase):
    __tablename__ = "device"
    device_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    user: Mapped[str] = mapped_column(String(100), default="")
    territory: Mapped[str] = mapped_column(Text, default="")
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    registered_at: Mapped[dt.datetime] = mapped_column()
    # base64 of the device's X25519 public key (its key file since issue 20); HQ seals
    # the customers' phones it publishes to it. None: registered from an older key file,
    # no development records can be published to it
    x25519_public_key: Mapped[str | None] = mapped_column(String(64), nullable=True)


class ImportedBundle(HqBase):
    __tablename__ = "imported_bundle"
    __table_args__ = (UniqueConstraint("device_id", "seq"),)
    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[dt.datetime] = mapped_column()
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Record(HqBase):
    __tablename__ = "record"
    entity: Mapped[str] = mapped_column(String(60), primary_key=True)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    hlc: Mapped[str] = mapped_column(String(80))
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    field_hlc: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    bundle_id: Mapped[str] = mapped_column(String(36))


# PostgreSQL: a visit's fields, and the visit id of the records HQ looks up by their
# visit (``VISIT_CHILDREN``), as plain columns of ``record`` (HQ migrations hq0003 and
# hq0005; not mapped, SQLite has none). The ingest writes them in its COPY; a record
# written through the ORM gets them here, from its stored data, in the same flush.
VISIT_CHILDREN = frozenset(
    {
        "competitor_observation",
        "finding",
        "material_count",
        "visit_amendment",
        "visit_answer",
        "visit_photo",
    }
)
_VISIT_COLUMNS_SQL = text(
    "UPDATE record SET visit_started = data->>'started_at', visit_status = data->>'status', "
    "visit_partner = data->>'partner_id', visit_score = data->>'score' "
    "WHERE entity = 'visit' AND id = :id"
)
_VISIT_PARENT_SQL = text(
    "UPDATE record SET visit_parent = data->>'visit_id' WHERE entity = :entity AND id = :id"
)


@event.listens_for(Record, "after_insert")
@event.listens_for(Record, "after_update")
def _plain_columns(_mapper: Mapper[Record], connection: Connection, target: Record) -> None:
    if connection.dialect.name != "postgresql":
        return
    if target.entity == "visit":
        connection.execute(_VISIT_COLUMNS_SQL, {"id": target.id})
    elif target.entity in VISIT_CHILDREN:
        connection.execute(_VISIT_PARENT_SQL, {"entity": target.entity, "id": target.id})


class HqConflict(HqBase):
    __tablename__ = "hq_conflict"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    winner_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    loser_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    winner_hlc: Mapped[str] = mapped_column(String(80))
    loser_hlc: Mapped[str] = mapped_column(String(80))
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class Blob(HqBase):
    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)


class HqDevRecord(HqBase):
    """A channel's business record HQ imported (``hq devrecords import``), published to
    the laptops of its partner's territory. The phone is AES-GCM ciphertext under HQ's
    record key (``hq_records.key`` in the key dir); ``dedup_key`` an HMAC of the row under
    it. Purged after the retention period HQ sets (``devrecord_retention_days``)."""

    __tablename__ = "dev_record"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    partner_id: Mapped[str] = mapped_column(String(36), index=True)
    partner_code: Mapped[str] = mapped_column(String(40))
    record_date: Mapped[dt.date] = mapped_column(Date, index=True)
    product: Mapped[str] = mapped_column(String(100), default="")
    customer_ref: Mapped[str] = mapped_column(String(100), default="")
    phone_cipher: Mapped[bytes] = mapped_column(LargeBinary)
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    kind: Mapped[str] = mapped_column(String(10))
    dedup_key: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[dt.datetime] = mapped_column()
