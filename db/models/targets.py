"""Targets (目标分解), actuals, receivables (invoices, payments) and KPI scorecards.
Amounts are integers in the metric's smallest unit (fen for money)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, SyncMixin


class Metric(SyncMixin, Base):
    """A target metric (data, not code): ``unit`` 'fen', 'unit', 'count' or 'permille'."""

    __tablename__ = "metric"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(20), default="fen")


class Target(SyncMixin, Base):
    """A target for one metric, period (``YYYY``, ``YYYY-Qn``, ``YYYY-MM``) and scope."""

    __tablename__ = "target"
    __table_args__ = (UniqueConstraint("metric", "period", "scope_kind", "scope"),)

    metric: Mapped[str] = mapped_column(String(40), index=True)
    period: Mapped[str] = mapped_column(String(10), index=True)
    scope_kind: Mapped[str] = mapped_column(String(10))
    scope: Mapped[str] = mapped_column(String(40), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(20), default="hq")


class Actual(SyncMixin, Base):
    """An actual value for a partner, metric and month (imported from HQ exports)."""

    __tablename__ = "actual"
    __table_args__ = (UniqueConstraint("partner_id", "metric", "period"),)

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    metric: Mapped[str] = mapped_column(String(40), index=True)
    period: Mapped[str] = mapped_column(String(7), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)
    source_file: Mapped[str] = mapped_column(String(255), default="")


class Invoice(SyncMixin, Base):
    __tablename__ = "invoice"

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    number: Mapped[str] = mapped_column(String(60))
    issue_date: Mapped[dt.date] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    paid_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class Payment(SyncMixin, Base):
    __tablename__ = "payment"

    invoice_id: Mapped[str] = mapped_column(ForeignKey("invoice.id"), index=True)
    paid_date: Mapped[dt.date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    note: Mapped[str] = mapped_column(Text, default="")


class KpiDefinition(SyncMixin, Base):
    """A weighted KPI of the monthly scorecard (weights configurable)."""

    __tablename__ = "kpi_definition"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    weight: Mapped[float] = mapped_column(Float)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class KpiScore(SyncMixin, Base):
    __tablename__ = "kpi_score"
    __table_args__ = (UniqueConstraint("partner_id", "month", "kpi_code"),)

    partner_id: Mapped[str] = mapped_column(ForeignKey("partner.id"), index=True)
    month: Mapped[str] = mapped_column(String(7), index=True)
    kpi_code: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float)
    score: Mapped[float] = mapped_column(Float)
