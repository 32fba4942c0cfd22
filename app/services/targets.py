"""Targets, actuals and receivables: listing with progress, decomposition of a region's
annual target to months and partners (exact integer sums), actuals import (validated,
idempotent), receivable aging and the monthly summary used by the assessment report."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select

from app.domain import targets as rules
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_io import RowError, header_map, read_table
from app.services.progress import Progress
from db.models import Actual, Invoice, Metric, Partner, Target

UNIT_DECIMALS = {"fen": 2, "unit": 0, "count": 0, "permille": 1}


def decimals_of(unit: str) -> int:
    return UNIT_DECIMALS.get(unit, 2)


def _metrics(ctx: AppContext) -> dict[str, Metric]:
    with ctx.read_session() as s:
        return {m.code: m for m in s.scalars(select(Metric).where(Metric.voided.is_(False)))}


@dataclass
class TargetRow:
    metric: str
    period: str
    scope: str
    scope_kind: str
    region: str
    target: int
    actual: int
    decimals: int
    progress: float
    time_progress: float
    forecast: int

    def to_json(self) -> dict[str, Any]:
        return {"metric": self.metric, "period": self.period, "scope": self.scope, "scope_kind": self.scope_kind, "region": self.region,
                "target": rules.format_amount(self.target, self.decimals), "actual": rules.format_amount(self.actual, self.decimals),
                "progress": round(self.progress, 1), "time_progress": round(self.time_progress, 1),
                "forecast": rules.format_amount(self.forecast, self.decimals)}


def _months_in(period: str) -> list[str]:
    start, end = rules.period_bounds(period)
    months, day = [], start
    while day < end:
        months.append(day.strftime("%Y-%m"))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def list_targets(ctx: AppContext, year: str | None = None, month: str | None = None, partner: str | None = None,
                 today: dt.date | None = None) -> list[TargetRow]:
    today = today or dt.date.today()
    if month is not None:
        try:
            _year, part = rules.parse_period(month)
        except ValueError:
            part = None
        if part is None or part.startswith("Q"):
            raise ValidationError(tr("targets", "Give the month as YYYY-MM (got {value}).").format(value=month))
    if year is not None and not (year.isdigit() and len(year) == 4):
        raise ValidationError(tr("targets", "Give the year as YYYY (got {value}).").format(value=year))
    metrics = _metrics(ctx)
    stmt = select(Target).where(Target.voided.is_(False))
    if month:
        stmt = stmt.where(Target.period == month)
    elif year:
        stmt = stmt.where(Target.period.like(f"{year}%"))
    if partner:
        stmt = stmt.where(Target.scope_kind == "partner", Target.scope == partner)
    with ctx.read_session() as s:
        targets = list(s.scalars(stmt.order_by(Target.metric, Target.period, Target.scope_kind, Target.scope)))
        partners = {code: (pid, district or city or prov or "") for pid, code, district, city, prov in
                    s.execute(select(Partner.id, Partner.code, Partner.district_code, Partner.city_code, Partner.province_code))}
        by_pid = {pid: region for _code, (pid, region) in partners.items()}
        actual_rows = list(s.execute(select(Actual.partner_id, Actual.metric, Actual.period, Actual.amount).where(Actual.voided.is_(False))))
    per_partner: dict[tuple[str, str, str], int] = {}
    per_region: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for pid, metric, period, amount in actual_rows:
        per_partner[(pid, metric, period)] = amount
        per_region[(metric, period)].append((by_pid.get(pid, ""), amount))
    rows = []
    for t in targets:
        months = _months_in(t.period)
        if t.scope_kind == "partner":
            pid, region = partners.get(t.scope, ("", ""))
            actual = sum(per_partner.get((pid, t.metric, m), 0) for m in months)
        else:
            region = t.scope
            actual = sum(a for m in months for r, a in per_region.get((t.metric, m), []) if r.startswith(t.scope))
        decimals = decimals_of(metrics[t.metric].unit) if t.metric in metrics else 2
        rows.append(TargetRow(t.metric, t.period, t.scope, t.scope_kind, region, t.amount, actual, decimals,
                              rules.completion_pct(actual, t.amount), rules.time_elapsed_pct(t.period, today),
                              rules.run_rate_forecast(actual, t.period, today)))
    return rows


@dataclass
class ActualsReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)


def import_actuals(ctx: AppContext, path: Path, progress: Progress | None = None) -> ActualsReport:
    """Actuals from an HQ export (``partner_code,metric,period,amount``); all rows are
    validated first and nothing is applied if any is wrong; a row replaces the value for
    the same partner, metric and month; re-importing the same file changes nothing."""
    path = Path(path)
    table = read_table(path)
    if not table:
        raise ValidationError(tr("targets", "{file}: the file is empty.").format(file=path.name))
    columns = ["partner_code", "metric", "period", "amount"]
    mapping = header_map(table[0], tuple(columns), columns, path)
    metrics = _metrics(ctx)
    with ctx.read_session() as s:
        partners = {code: pid for code, pid in s.execute(select(Partner.code, Partner.id))}
    report = ActualsReport()
    parsed: dict[tuple[str, str, str], tuple[int, int]] = {}
    for offset, raw in enumerate(table[1:]):
        row_no = offset + 2
        if not any(c.strip() for c in raw):
            continue
        report.rows += 1
        cells = {k: (raw[i].strip() if i < len(raw) else "") for k, i in mapping.items()}
        errors = []
        if cells["partner_code"] not in partners:
            errors.append(RowError(row_no, "partner_code", tr("targets", "unknown partner {code}").format(code=cells["partner_code"] or "—")))
        metric = metrics.get(cells["metric"])
        if metric is None:
            errors.append(RowError(row_no, "metric", tr("targets", "unknown metric {metric}; use one of {known}").format(metric=cells["metric"] or "—", known=", ".join(sorted(metrics)))))
        try:
            _y, part = rules.parse_period(cells["period"])
            if part is None or part.startswith("Q"):
                raise ValueError
        except ValueError:
            errors.append(RowError(row_no, "period", tr("targets", "give the month as YYYY-MM (got {value})").format(value=cells["period"] or "—")))
        amount = 0
        if metric is not None:
            try:
                amount = rules.parse_amount(cells["amount"], decimals_of(metric.unit))
            except ValueError:
                errors.append(RowError(row_no, "amount", tr("targets", "not a non-negative amount with at most {d} decimals: {value}").format(d=decimals_of(metric.unit), value=cells["amount"] or "—")))
        key = (cells["partner_code"], cells["metric"], cells["period"])
        if not errors and key in parsed:
            errors.append(RowError(row_no, "period", tr("targets", "duplicate row (also row {first})").format(first=parsed[key][0])))
        if errors:
            report.errors.extend(errors)
            continue
        parsed[key] = (row_no, amount)
    if report.errors:
        raise ValidationError(tr("targets", "{file}: {count} problem(s) found; nothing was imported.").format(file=path.name, count=len(report.errors)),
                              details=[str(e) for e in report.errors])
    with ctx.session() as s:
        existing = {(a.partner_id, a.metric, a.period): a for a in s.scalars(select(Actual))}
        for index, ((code, metric_code, period), (_row, amount)) in enumerate(parsed.items()):
            if progress is not None and index % 500 == 0:
                progress(index, len(parsed), "")
            pid = partners[code]
            row = existing.get((pid, metric_code, period))
            if row is None:
                s.add(Actual(partner_id=pid, metric=metric_code, period=period, amount=amount, source_file=path.name))
                report.created += 1
            elif row.amount != amount or row.voided:
                row.amount, row.voided, row.source_file = amount, False, path.name
                report.updated += 1
            else:
                report.unchanged += 1
    report.changes = Changes.of("actual")
    return report


def decompose_region_target(ctx: AppContext, metric: str, year: int, region: str, annual: int,
                            partner_weights: dict[str, float] | None = None,
                            month_overrides: dict[int, int] | None = None,
                            seasonality: list[float] | None = None) -> Changes:
    """Write the region's year, quarter and month targets and each partner's monthly
    targets; months sum exactly to the year and partners exactly to the region."""
    if annual < 0:
        raise ValidationError(tr("targets", "A target cannot be negative."))
    try:
        months = rules.split_with_overrides(annual, seasonality or list(rules.DEFAULT_SEASONALITY), {m - 1: v for m, v in (month_overrides or {}).items()})
    except ValueError as exc:
        raise ValidationError(tr("targets", "The monthly overrides do not fit the annual target ({error}).").format(error=exc)) from exc
    with ctx.session() as s:
        partners = list(s.execute(select(Partner.code, Partner.grade).where(Partner.status == "active", Partner.voided.is_(False),
                                                                           Partner.district_code.like(f"{region}%")).order_by(Partner.code)))
        weights = [(partner_weights or {}).get(code, rules.GRADE_WEIGHTS.get(grade, 1)) for code, grade in partners]
        values: list[tuple[str, str, str, int, bool]] = [(str(year), "region", region, annual, False)]
        values += [(f"{year}-Q{q + 1}", "region", region, v, False) for q, v in enumerate(rules.quarters_from_months(months))]
        for m, month_total in enumerate(months, start=1):
            period = f"{year}-{m:02d}"
            values.append((period, "region", region, month_total, (m - 1) in {k - 1 for k in (month_overrides or {})}))
            for (code, _grade), share in zip(partners, rules.split(month_total, weights) if partners else [], strict=True):
                values.append((period, "partner", code, share, False))
        existing = {(t.period, t.scope_kind, t.scope): t for t in s.scalars(select(Target).where(Target.metric == metric, Target.period.like(f"{year}%")))}
        for period, kind, scope, amount, overridden in values:
            row = existing.get((period, kind, scope))
            if row is None:
                s.add(Target(metric=metric, period=period, scope_kind=kind, scope=scope, amount=amount, overridden=overridden, source="local"))
            elif (row.amount, row.overridden) != (amount, overridden):
                row.amount, row.overridden = amount, overridden
    return Changes.of("target")


@dataclass(frozen=True)
class SummaryRow:
    label: str
    target: float
    actual: float
    progress: float


def month_targets_summary(ctx: AppContext, month: str) -> list[SummaryRow]:
    """Region targets of ``month`` per metric with actuals, for the monthly report."""
    metrics = _metrics(ctx)
    result = []
    for row in list_targets(ctx, month=month):
        if row.scope_kind != "region":
            continue
        name = metrics[row.metric].name if row.metric in metrics else row.metric
        scale = 10 ** row.decimals
        result.append(SummaryRow(f"{name} {row.scope}", row.target / scale, row.actual / scale, row.progress))
    return result


def aging(ctx: AppContext, today: dt.date | None = None) -> dict[str, int]:
    """Open receivables (fen) per aging bucket."""
    today = today or dt.date.today()
    buckets = dict.fromkeys(rules.AGING_BUCKETS, 0)
    with ctx.read_session() as s:
        for due, amount, paid in s.execute(select(Invoice.due_date, Invoice.amount_fen, Invoice.paid_fen).where(Invoice.voided.is_(False), Invoice.paid_fen < Invoice.amount_fen)):
            bucket = rules.aging_bucket(due, today)
            if bucket:
                buckets[bucket] += amount - paid
    return buckets


def partners_over_credit_limit(ctx: AppContext) -> list[tuple[str, int, int]]:
    with ctx.read_session() as s:
        open_sum = func.sum(Invoice.amount_fen - Invoice.paid_fen)
        rows = s.execute(select(Partner.code, open_sum, Partner.credit_limit_fen).join(Invoice, and_(Invoice.partner_id == Partner.id, Invoice.voided.is_(False)))
                         .group_by(Partner.id).having(open_sum > Partner.credit_limit_fen).where(Partner.credit_limit_fen > 0))
        return [(code, int(owed), int(limit)) for code, owed, limit in rows]


def require_metric(ctx: AppContext, metric: str) -> None:
    if metric not in _metrics(ctx):
        raise UserError(tr("targets", "Unknown metric {metric}.").format(metric=metric))


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
    partners: list[dict[str, Any]]  # current month, partner scope: code, target, actual, progress, behind


def dashboard_data(ctx: AppContext, metric: str = "revenue", today: dt.date | None = None) -> DashboardData:
    """Everything the dashboard draws, in one pass over the year's targets."""
    today = today or dt.date.today()
    year = str(today.year)
    rows = [r for r in list_targets(ctx, year=year, today=today) if r.metric == metric]
    months = [f"{year}-{m:02d}" for m in range(1, 13)]
    scale = 10 ** (rows[0].decimals if rows else 2)
    region_months = {m: (0, 0) for m in months}
    for r in rows:
        if r.scope_kind == "region" and r.period in region_months:
            t, a = region_months[r.period]
            region_months[r.period] = (t + r.target, a + r.actual)
    month = today.strftime("%Y-%m")
    partner_rows = [r for r in rows if r.scope_kind == "partner" and r.period == month]
    time_pct = rules.time_elapsed_pct(month, today)
    total_t = sum(r.target for r in partner_rows)
    total_a = sum(r.actual for r in partner_rows)
    return DashboardData(
        metric=metric, months=months,
        target_by_month=[region_months[m][0] / scale for m in months], actual_by_month=[region_months[m][1] / scale for m in months],
        period=month, completion=rules.completion_pct(total_a, total_t), time_progress=time_pct,
        aging={k: v / 100 for k, v in aging(ctx, today).items()},
        partners=sorted(({"partner_code": r.scope, "target": r.target / scale, "actual": r.actual / scale, "progress": round(r.progress, 1),
                          "behind": r.progress < time_pct} for r in partner_rows), key=lambda d: d["progress"]),
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
    with ctx.read_session() as s:
        weights = {d.code: d.weight for d in s.scalars(select(KpiDefinition).where(KpiDefinition.voided.is_(False)))}
        partners = {code: pid for code, pid in s.execute(select(Partner.code, Partner.id).where(Partner.status == "active"))}
        orders: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for pid, status in s.execute(select(RectificationOrder.partner_id, RectificationOrder.status).where(
                RectificationOrder.deadline >= start, RectificationOrder.deadline < end)):
            orders[pid][0] += 1
            orders[pid][1] += status == "verified"
        satisfaction: dict[str, list[int]] = defaultdict(list)
        for pid, value in s.execute(select(Complaint.partner_id, Complaint.satisfaction).where(
                Complaint.received_date >= start, Complaint.received_date < end, Complaint.satisfaction.is_not(None))):
            satisfaction[pid].append(int(value))
    revenue = {r.scope: r.progress for r in list_targets(ctx, month=month) if r.metric == "revenue" and r.scope_kind == "partner"}
    share = {r.scope: r.actual / 10 for r in list_targets(ctx, month=month) if r.metric == "market_share" and r.scope_kind == "partner"}
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
