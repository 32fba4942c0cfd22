"""The dashboard's data: target vs actual by month, completion vs time, aging and
reminders, from GROUP BY queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select

from app.domain import targets as rules
from app.services.context import AppContext
from app.services.receivables import aging
from app.services.targets import decimals_of, metrics_by_code
from db.models import Actual, Partner, Target


@dataclass
class DashboardData:
    metric: str
    months: list[str]
    target_by_month: list[float]
    actual_by_month: list[float]
    period: str
    completion: float
    time_progress: float
    aging: dict[str, float]
    partners: list[
        dict[str, Any]
    ]  # current month, partner scope: code, target, actual, progress, behind


def dashboard_data(
    ctx: AppContext, metric: str = "revenue", today: dt.date | None = None
) -> DashboardData:
    """Everything the dashboard draws. The sums are done by SQLite (GROUP BY): region
    month targets, actuals per partner region and month, and the current month's partner
    targets joined to their actuals — a few hundred rows reach Python, not the year's
    targets and actuals."""
    today = today or dt.date.today()
    year = str(today.year)
    months = [f"{year}-{m:02d}" for m in range(1, 13)]
    month = today.strftime("%Y-%m")
    metrics = metrics_by_code(ctx)
    scale = 10 ** (decimals_of(metrics[metric].unit) if metric in metrics else 2)
    live_target = and_(Target.metric == metric, Target.voided.is_(False))
    with ctx.read_session() as s:
        region_targets = list(
            s.execute(
                select(Target.scope, Target.period, Target.amount).where(
                    live_target, Target.scope_kind == "region", Target.period.in_(months)
                )
            )
        )
        actual_by_region = list(
            s.execute(
                select(
                    Partner.district_code,
                    Partner.city_code,
                    Partner.province_code,
                    Actual.period,
                    func.sum(Actual.amount),
                )
                .join(Partner, Partner.id == Actual.partner_id)
                .where(Actual.metric == metric, Actual.voided.is_(False), Actual.period.in_(months))
                .group_by(
                    Partner.district_code, Partner.city_code, Partner.province_code, Actual.period
                )
            )
        )
        partner_rows = list(
            s.execute(
                select(Target.scope, Target.amount, func.coalesce(Actual.amount, 0))
                .select_from(Target)
                .outerjoin(Partner, Partner.code == Target.scope)
                .outerjoin(
                    Actual,
                    and_(
                        Actual.partner_id == Partner.id,
                        Actual.metric == Target.metric,
                        Actual.period == Target.period,
                        Actual.voided.is_(False),
                    ),
                )
                .where(live_target, Target.scope_kind == "partner", Target.period == month)
            )
        )
    region_actuals: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for district, city, province, period, amount in actual_by_region:
        region_actuals[period].append((district or city or province or "", int(amount or 0)))
    target_sum = dict.fromkeys(months, 0)
    actual_sum = dict.fromkeys(months, 0)
    for scope, period, amount in region_targets:
        target_sum[period] += amount
        actual_sum[period] += sum(
            a for region, a in region_actuals.get(period, []) if region.startswith(scope)
        )
    time_pct = rules.time_elapsed_pct(month, today)
    partners = []
    for code, target, actual in partner_rows:
        progress = rules.completion_pct(actual, target)
        partners.append(
            {
                "partner_code": code,
                "target": target / scale,
                "actual": actual / scale,
                "progress": round(progress, 1),
                "behind": progress < time_pct,
            }
        )
    partners.sort(key=lambda d: (d["progress"], d["partner_code"]))
    total_t = sum(target for _c, target, _a in partner_rows)
    total_a = sum(actual for _c, _t, actual in partner_rows)
    return DashboardData(
        metric=metric,
        months=months,
        target_by_month=[target_sum[m] / scale for m in months],
        actual_by_month=[actual_sum[m] / scale for m in months],
        period=month,
        completion=rules.completion_pct(total_a, total_t),
        time_progress=time_pct,
        aging={k: v / 100 for k, v in aging(ctx, today).items()},
        partners=partners,
    )
