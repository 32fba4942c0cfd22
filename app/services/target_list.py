"""The target list with progress against actuals (``targets list``, the Targets section)
as plain sqlite3 reads (``ctx.read_sql``): it answers without importing the ORM.
``app.services.targets`` re-exports it."""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple

from app.domain import targets as rules
from app.domain.targets import UNIT_DECIMALS as UNIT_DECIMALS
from app.domain.targets import decimals_of as decimals_of
from app.errors import ValidationError
from app.i18n import tr
from app.services.context import AppContext


class _Target(NamedTuple):
    metric: str
    period: str
    scope_kind: str
    scope: str
    amount: int


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
        return {
            "metric": self.metric,
            "period": self.period,
            "scope": self.scope,
            "scope_kind": self.scope_kind,
            "region": self.region,
            "target": rules.format_amount(self.target, self.decimals),
            "actual": rules.format_amount(self.actual, self.decimals),
            "progress": round(self.progress, 1),
            "time_progress": round(self.time_progress, 1),
            "forecast": rules.format_amount(self.forecast, self.decimals),
        }


@functools.lru_cache(maxsize=512)
def _months_in(period: str) -> tuple[str, ...]:
    start, end = rules.period_bounds(period)
    months, day = [], start
    while day < end:
        months.append(day.strftime("%Y-%m"))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return tuple(months)


def list_targets(
    ctx: AppContext,
    year: str | None = None,
    month: str | None = None,
    partner: str | None = None,
    today: dt.date | None = None,
) -> list[TargetRow]:
    today = today or dt.date.today()
    if month is not None:
        try:
            _year, part = rules.parse_period(month)
        except ValueError:
            part = None
        if part is None or part.startswith("Q"):
            raise ValidationError(
                tr("targets", "Give the month as YYYY-MM (got {value}).").format(value=month)
            )
    if year is not None and not (year.isdigit() and len(year) == 4):
        raise ValidationError(
            tr("targets", "Give the year as YYYY (got {value}).").format(value=year)
        )
    units = dict(ctx.read_sql("SELECT code, unit FROM metric WHERE voided = 0"))
    where, params = ["voided = 0"], []
    if month:
        where.append("period = ?")
        params.append(month)
    elif year:
        where.append("period LIKE ?")
        params.append(f"{year}%")
    if partner:
        where.append("scope_kind = 'partner' AND scope = ?")
        params.append(partner)
    targets = [
        _Target(*r)
        for r in ctx.read_sql(
            f"SELECT metric, period, scope_kind, scope, amount FROM target WHERE {' AND '.join(where)} "
            "ORDER BY metric, period, scope_kind, scope",
            tuple(params),
        )
    ]
    partners = {
        code: (pid, district or city or prov or "")
        for pid, code, district, city, prov in ctx.read_sql(
            "SELECT id, code, district_code, city_code, province_code FROM partner"
        )
    }
    by_pid = {pid: region for _code, (pid, region) in partners.items()}
    actual_sql, actual_params = (
        "SELECT partner_id, metric, period, amount FROM actual WHERE voided = 0",
        (),
    )
    if month:  # only the actuals the selected targets can use
        actual_sql, actual_params = actual_sql + " AND period = ?", (month,)
    elif year:
        actual_sql, actual_params = actual_sql + " AND period LIKE ?", (f"{year}-%",)
    actual_rows = ctx.read_sql(actual_sql, actual_params)
    per_partner: dict[tuple[str, str, str], int] = {}
    per_region: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for pid, metric, period, amount in actual_rows:
        per_partner[(pid, metric, period)] = amount
        per_region[(metric, period)].append((by_pid.get(pid, ""), amount))
    time_pct: dict[str, float] = {}
    rows = []
    for t in targets:
        months = _months_in(t.period)
        if t.scope_kind == "partner":
            pid, region = partners.get(t.scope, ("", ""))
            actual = sum(per_partner.get((pid, t.metric, m), 0) for m in months)
        else:
            region = t.scope
            actual = sum(
                a
                for m in months
                for r, a in per_region.get((t.metric, m), [])
                if r.startswith(t.scope)
            )
        decimals = decimals_of(units[t.metric]) if t.metric in units else 2
        if t.period not in time_pct:
            time_pct[t.period] = rules.time_elapsed_pct(t.period, today)
        rows.append(
            TargetRow(
                t.metric,
                t.period,
                t.scope,
                t.scope_kind,
                region,
                t.amount,
                actual,
                decimals,
                rules.completion_pct(actual, t.amount),
                time_pct[t.period],
                rules.run_rate_forecast(actual, t.period, today),
            )
        )
    return rows
