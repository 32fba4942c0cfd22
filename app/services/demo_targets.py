"""Demo targets, actuals with a seasonal shape, invoices and payments (bulk inserts)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert

from app.domain import targets as rules
from app.domain.ids import uuid7
from app.services.context import AppContext
from db.base import utcnow
from db.models import Actual, Invoice, Payment, Target

MONEY_METRICS = ("revenue", "collections")


def generate_targets(
    ctx: AppContext, rng: random.Random, partners: Sequence[Any], months: int, today: dt.date
) -> None:
    with ctx.session() as s:  # stamps under the write lock: commit order is HLC order
        now = utcnow()
        active = [p for p in partners if p.status == "active"]
        if not active:
            return
        year = today.year
        regions = sorted({p.district_code[:4] for p in active})
        weights = [rules.GRADE_WEIGHTS[p.grade] for p in active]
        rows_t: list[dict[str, Any]] = []
        rows_a: list[dict[str, Any]] = []

        def base() -> dict[str, Any]:
            return {
                "id": uuid7(),
                "hlc": ctx.tick(),
                "created_at": now,
                "updated_at": now,
                "voided": False,
            }

        for metric in (*MONEY_METRICS, "sales_volume"):
            per_partner_year = {
                "revenue": 2_400_000_00,
                "collections": 2_200_000_00,
                "sales_volume": 3600,
            }[metric]
            for region in regions:
                members = [
                    (p, w)
                    for p, w in zip(active, weights, strict=True)
                    if p.district_code.startswith(region)
                ]
                annual = per_partner_year * sum(w for _p, w in members) // 2
                months_split = rules.year_to_months(annual)
                rows_t.append(
                    {
                        **base(),
                        "metric": metric,
                        "period": str(year),
                        "scope_kind": "region",
                        "scope": region,
                        "amount": annual,
                        "overridden": False,
                        "source": "hq",
                    }
                )
                for q, amount in enumerate(rules.quarters_from_months(months_split), start=1):
                    rows_t.append(
                        {
                            **base(),
                            "metric": metric,
                            "period": f"{year}-Q{q}",
                            "scope_kind": "region",
                            "scope": region,
                            "amount": amount,
                            "overridden": False,
                            "source": "hq",
                        }
                    )
                for m, amount in enumerate(months_split, start=1):
                    period = f"{year}-{m:02d}"
                    rows_t.append(
                        {
                            **base(),
                            "metric": metric,
                            "period": period,
                            "scope_kind": "region",
                            "scope": region,
                            "amount": amount,
                            "overridden": False,
                            "source": "hq",
                        }
                    )
                    shares = rules.split(amount, [w for _p, w in members])
                    for (p, _w), share in zip(members, shares, strict=True):
                        rows_t.append(
                            {
                                **base(),
                                "metric": metric,
                                "period": period,
                                "scope_kind": "partner",
                                "scope": p.code,
                                "amount": share,
                                "overridden": False,
                                "source": "hq",
                            }
                        )
                        month_end = dt.date(year, m, 1)
                        if month_end <= today:
                            factor = rng.uniform(0.7, 1.15) * (
                                0.6 if month_end.month == today.month else 1.0
                            )
                            rows_a.append(
                                {
                                    **base(),
                                    "partner_id": p.id,
                                    "metric": metric,
                                    "period": period,
                                    "amount": int(share * factor),
                                    "source_file": "demo",
                                }
                            )
        rows_i: list[dict[str, Any]] = []
        rows_p: list[dict[str, Any]] = []
        for p in active:
            for k in range(max(1, min(months, 6))):
                issued = today - dt.timedelta(days=30 * k + rng.randrange(0, 25))
                amount = rng.randrange(20_000, 300_000) * 100
                paid = amount if rng.random() < 0.6 else rng.choice((0, amount // 2))
                iid = uuid7()
                rows_i.append(
                    {
                        **base(),
                        "id": iid,
                        "partner_id": p.id,
                        "number": f"FP{issued:%Y%m}{rng.randrange(10**6):06d}",
                        "issue_date": issued,
                        "due_date": issued + dt.timedelta(days=30),
                        "amount_fen": amount,
                        "paid_fen": paid,
                    }
                )
                if paid:
                    rows_p.append(
                        {
                            **base(),
                            "invoice_id": iid,
                            "paid_date": issued + dt.timedelta(days=rng.randrange(5, 40)),
                            "amount_fen": paid,
                            "note": "",
                        }
                    )
        for model, rows in (
            (Target, rows_t),
            (Actual, rows_a),
            (Invoice, rows_i),
            (Payment, rows_p),
        ):
            for start in range(0, len(rows), 5000):
                s.execute(insert(model), rows[start : start + 5000])
