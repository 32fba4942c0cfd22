"""Receivables: aging buckets of open invoices and partners over their credit limit."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, func, select

from app.domain import targets as rules
from app.services.context import AppContext
from db.models import Invoice, Partner


def aging(ctx: AppContext, today: dt.date | None = None) -> dict[str, int]:
    """Open receivables (fen) per aging bucket."""
    today = today or dt.date.today()
    buckets = dict.fromkeys(rules.AGING_BUCKETS, 0)
    with ctx.read_session() as s:
        for due, amount, paid in s.execute(
            select(Invoice.due_date, Invoice.amount_fen, Invoice.paid_fen).where(
                Invoice.voided.is_(False), Invoice.paid_fen < Invoice.amount_fen
            )
        ):
            bucket = rules.aging_bucket(due, today)
            if bucket:
                buckets[bucket] += amount - paid
    return buckets


def partners_over_credit_limit(ctx: AppContext) -> list[tuple[str, int, int]]:
    with ctx.read_session() as s:
        open_sum = func.sum(Invoice.amount_fen - Invoice.paid_fen)
        rows = s.execute(
            select(Partner.code, open_sum, Partner.credit_limit_fen)
            .join(Invoice, and_(Invoice.partner_id == Partner.id, Invoice.voided.is_(False)))
            .group_by(Partner.id)
            .having(open_sum > Partner.credit_limit_fen)
            .where(Partner.credit_limit_fen > 0)
        )
        return [(code, int(owed), int(limit)) for code, owed, limit in rows]
