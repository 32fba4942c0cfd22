"""KPI scorecard of a month: each partner's weighted score over the KPI definitions."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select

from app.domain import targets as rules
from app.services.context import AppContext
from app.services.targets import list_targets
from db.models import Partner


def kpi_scorecard(ctx: AppContext, month: str, save: bool = True) -> list[Any]:
    """Monthly KPI scores per active partner: revenue completion, visit compliance,
    rectification closure rate, customer satisfaction (complaints) and market share where
    HQ sent it; weights from ``kpi_definition``. Saved as ``kpi_score`` rows (history)."""
    from app.domain import kpi
    from app.services.visits import compliance
    from db.models import Complaint, KpiDefinition, KpiScore, RectificationOrder

    start, end = rules.period_bounds(month)
    weights = {}
    with ctx.read_session() as s:
        weights = {d.code: d.weight for d in s.scalars(select(KpiDefinition).where(KpiDefinition.voided.is_(False)))}
        partners = {code: pid for code, pid in s.execute(select(Partner.code, Partner.id).where(Partner.status == "active"))}
        orders: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for pid, status in s.execute(select(RectificationOrder.partner_id, RectificationOrder.status).where(
                RectificationOrder.deadline >= start, RectificationOrder.deadline < end, RectificationOrder.voided.is_(False))):
            orders[pid][0] += 1
            orders[pid][1] += status == "verified"
        satisfaction: dict[str, list[int]] = defaultdict(list)
        for pid, value in s.execute(select(Complaint.partner_id, Complaint.satisfaction).where(
                Complaint.received_date >= start, Complaint.received_date < end, Complaint.satisfaction.is_not(None))):
            satisfaction[pid].append(int(value))
    month_rows = [r for r in list_targets(ctx, month=month) if r.scope_kind == "partner"]
    revenue = {r.scope: r.progress for r in month_rows if r.metric == "revenue"}
    share = {r.scope: r.actual / 10 for r in month_rows if r.metric == "market_share"}
    visits = {r["partner_code"]: (100.0 if r["required"] == 0 else 100.0 * min(r["done"], r["required"]) / r["required"])
              for r in compliance(ctx, month)["partners"]}
    results = []
    for code, pid in partners.items():
        components: dict[str, float] = {}
        if code in revenue:
            components["revenue"] = kpi.clamp_pct(revenue[code])
        if code in share:
            components["market_share"] = kpi.clamp_pct(share[code])
        if code in visits:
            components["visit_compliance"] = visits[code]
        total, closed = orders.get(pid, [0, 0])
        if total:
            components["rectification_closure"] = 100.0 * closed / total
        if satisfaction.get(pid):
            components["customer_satisfaction"] = 20.0 * sum(satisfaction[pid]) / len(satisfaction[pid])
        results.append(kpi.KpiResult(code, components, kpi.weighted_score(components, weights)))
    ranked = kpi.rank(results)
    if save:
        with ctx.session() as s:
            existing = {(k.partner_id, k.kpi_code): k for k in s.scalars(select(KpiScore).where(KpiScore.month == month))}
            for result in ranked:
                pid = partners[result.partner_code]
                for code, value in {**result.components, "total": result.score}.items():
                    row = existing.get((pid, code))
                    if row is None:
                        s.add(KpiScore(partner_id=pid, month=month, kpi_code=code, value=value, score=value))
                    elif row.value != value:
                        row.value = row.score = value
    return ranked
