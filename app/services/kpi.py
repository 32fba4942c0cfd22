"""KPI scorecard of a month: each partner's weighted score over the KPI definitions.

Where the data come from: revenue completion and market share from targets and actuals,
visit compliance from the frequency rules, rectification closure from the orders due in
the month (100 when none was due), 渠道利用率 (channel utilisation, seed 002 渠道资源利用率) from the promotion-
materials ledger up to the month's end (installed ÷ (issued − returned)), customer
satisfaction (1–5 → 20–100) from the complaints' follow-ups resolved in the month and the
answers to a checklist item ``customer_satisfaction`` of the month's sealed visits. A
partner lacking a weighted KPI is ranked after the complete ones (``app.domain.kpi``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select

from app.domain import targets as rules
from app.services.context import AppContext
from app.services.targets import list_targets
from db.models import Partner

SATISFACTION_ITEM = (
    "customer_satisfaction"  # a checklist item (number or score, 1–5) HQ's templates may carry
)


def kpi_scorecard(ctx: AppContext, month: str, save: bool = True) -> list[Any]:
    """Monthly KPI scores per active partner: revenue completion, visit compliance,
    rectification closure rate, customer satisfaction (complaints) and market share where
    HQ sent it; weights from ``kpi_definition``. Saved as ``kpi_score`` rows (history)."""
    from app.domain import kpi
    from app.services.visits import compliance
    from db.models import Complaint, KpiDefinition, KpiScore, RectificationOrder

    start, end = rules.period_bounds(month)
    weights = {}
    materials = _materials_placed(ctx, end)
    visit_satisfaction = _visit_satisfaction(ctx, start, end)
    with ctx.read_session() as s:
        weights = {
            d.code: d.weight
            for d in s.scalars(select(KpiDefinition).where(KpiDefinition.voided.is_(False)))
        }
        partners = {
            code: pid
            for code, pid in s.execute(
                select(Partner.code, Partner.id).where(Partner.status == "active")
            )
        }
        orders: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for pid, status in s.execute(
            select(RectificationOrder.partner_id, RectificationOrder.status).where(
                RectificationOrder.deadline >= start,
                RectificationOrder.deadline < end,
                RectificationOrder.voided.is_(False),
            )
        ):
            orders[pid][0] += 1
            orders[pid][1] += status == "verified"
        satisfaction: dict[str, list[int]] = defaultdict(list)
        for pid, value, received, resolved in s.execute(
            select(
                Complaint.partner_id,
                Complaint.satisfaction,
                Complaint.received_date,
                Complaint.resolved_at,
            ).where(Complaint.satisfaction.is_not(None), Complaint.voided.is_(False))
        ):
            day = resolved.date() if resolved is not None else received  # the follow-up's month
            if start <= day < end:
                satisfaction[pid].append(int(value))
        for pid, values in visit_satisfaction.items():
            satisfaction[pid].extend(values)
    month_rows = [r for r in list_targets(ctx, month=month) if r.scope_kind == "partner"]
    revenue = {r.scope: r.progress for r in month_rows if r.metric == "revenue"}
    share = {r.scope: r.actual / 10 for r in month_rows if r.metric == "market_share"}
    visits = {
        r["partner_code"]: (
            100.0 if r["required"] == 0 else 100.0 * min(r["done"], r["required"]) / r["required"]
        )
        for r in compliance(ctx, month)["partners"]
    }
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
        components["rectification_closure"] = (
            100.0 * closed / total if total else 100.0
        )  # nothing due: nothing left open
        if satisfaction.get(pid):
            components["customer_satisfaction"] = (
                20.0 * sum(satisfaction[pid]) / len(satisfaction[pid])
            )
        used = kpi.utilisation(*materials.get(pid, (0, 0, 0)))
        if used is not None:
            components["channel_utilisation"] = used
        results.append(kpi.result(code, components, weights))
    ranked = kpi.rank(results)
    if save:
        with ctx.session() as s:
            existing = {
                (k.partner_id, k.kpi_code): k
                for k in s.scalars(select(KpiScore).where(KpiScore.month == month))
            }
            for result in ranked:
                pid = partners[result.partner_code]
                # (an incomplete total is kept too: its components show which KPIs it lacked)
                for code, value in {**result.components, "total": result.score}.items():
                    row = existing.get((pid, code))
                    if row is None:
                        s.add(
                            KpiScore(
                                partner_id=pid, month=month, kpi_code=code, value=value, score=value
                            )
                        )
                    elif row.value != value:
                        row.value = row.score = value
    return ranked


def _materials_placed(ctx: AppContext, end: dt.date) -> dict[str, tuple[int, int, int]]:
    """Partner id → (issued, installed, returned) promotion materials up to ``end``."""
    from db.models import MaterialLedgerEntry

    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    position = {"issued": 0, "installed": 1, "returned": 2}
    with ctx.read_session() as s:
        for pid, kind, quantity in s.execute(
            select(
                MaterialLedgerEntry.partner_id,
                MaterialLedgerEntry.kind,
                func.sum(MaterialLedgerEntry.quantity),
            )
            .where(MaterialLedgerEntry.voided.is_(False), MaterialLedgerEntry.entry_date < end)
            .group_by(MaterialLedgerEntry.partner_id, MaterialLedgerEntry.kind)
        ):
            if kind in position:
                sums[pid][position[kind]] += int(quantity or 0)
    return {pid: (v[0], v[1], v[2]) for pid, v in sums.items()}


def _visit_satisfaction(ctx: AppContext, start: dt.date, end: dt.date) -> dict[str, list[int]]:
    """Partner id → the 1–5 answers to ``customer_satisfaction`` of the month's sealed
    visits (as amended)."""
    from app.services.amendments import current_answers
    from app.services.visits import local_midnights
    from db.models import Visit, VisitAnswer

    lo, hi = local_midnights(start, end)
    found: dict[str, list[int]] = defaultdict(list)
    with ctx.read_session() as s:
        visits = list(
            s.execute(
                select(Visit.id, Visit.partner_id)
                .join(VisitAnswer, VisitAnswer.visit_id == Visit.id)
                .where(
                    Visit.status == "submitted",
                    Visit.voided.is_(False),
                    Visit.started_at >= lo,
                    Visit.started_at < hi,
                    VisitAnswer.item_key == SATISFACTION_ITEM,
                )
            )
        )
        for visit_id, pid in visits:
            value = current_answers(s, visit_id).get(SATISFACTION_ITEM)
            if isinstance(value, (int, float)) and 1 <= value <= 5:
                found[pid].append(int(value))
    return found
