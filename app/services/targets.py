"""Targets, actuals and receivables: listing with progress, decomposition of a region's
annual target to months and partners (exact integer sums), actuals import (validated,
idempotent), receivable aging and the monthly summary used by the assessment report."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select

from app.domain import targets as rules
from app.domain.regions import regions
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_io import RowError, data_rows, header_map, read_table
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


@functools.lru_cache(maxsize=512)
def _months_in(period: str) -> tuple[str, ...]:
    start, end = rules.period_bounds(period)
    months, day = [], start
    while day < end:
        months.append(day.strftime("%Y-%m"))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return tuple(months)


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
        actual_stmt = select(Actual.partner_id, Actual.metric, Actual.period, Actual.amount).where(Actual.voided.is_(False))
        if month:  # only the actuals the selected targets can use
            actual_stmt = actual_stmt.where(Actual.period == month)
        elif year:
            actual_stmt = actual_stmt.where(Actual.period.like(f"{year}-%"))
        actual_rows = list(s.execute(actual_stmt))
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
            actual = sum(a for m in months for r, a in per_region.get((t.metric, m), []) if r.startswith(t.scope))
        decimals = decimals_of(metrics[t.metric].unit) if t.metric in metrics else 2
        if t.period not in time_pct:
            time_pct[t.period] = rules.time_elapsed_pct(t.period, today)
        rows.append(TargetRow(t.metric, t.period, t.scope, t.scope_kind, region, t.amount, actual, decimals,
                              rules.completion_pct(actual, t.amount), time_pct[t.period],
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


def _row_metric(row_no: int, cells: dict[str, str], metrics: dict[str, Metric], errors: list[RowError]) -> Metric | None:
    """The row's metric, or None with the error added (both imports)."""
    metric = metrics.get(cells["metric"])
    if metric is None:
        errors.append(RowError(row_no, "metric", tr("targets", "unknown metric {metric}; use one of {known}").format(
            metric=cells["metric"] or "—", known=", ".join(sorted(metrics)))))
    return metric


# Chinese (and a few English) column names the actuals, targets and partner imports share:
# a partner's code is 渠道编码 / 合作方编码 in all three, the metric 指标, the period 期间
# (actuals: also 月份 / 年月 / 日期), the value 金额 (actuals: also 数量 / 实际 …).
PARTNER_CODE_HEADERS = ("渠道编码", "合作方编码", "合作伙伴编码", "客户编码")
ACTUALS_ALIASES = {
    **dict.fromkeys((*PARTNER_CODE_HEADERS, "编码", "代码", "partner", "code"), "partner_code"),
    "指标": "metric", "指标编码": "metric",
    **dict.fromkeys(("期间", "月份", "年月", "日期"), "period"),
    **dict.fromkeys(("金额", "数量", "实际", "实际值", "实际完成", "完成", "完成值", "actual", "value"), "amount"),
}


def _canonical_header(header: list[str], aliases: dict[str, str]) -> list[str]:
    """The header row with known Chinese / alternative names replaced by the column keys."""
    return [aliases.get(c.strip(), aliases.get(c.strip().lower(), c)) for c in header]


def import_actuals(ctx: AppContext, path: Path, progress: Progress | None = None) -> ActualsReport:
    """Actuals from an HQ export (``partner_code,metric,period,amount``, or the Chinese
    headers of ``ACTUALS_ALIASES`` such as 渠道编码, 指标, 月份, 金额); all rows are
    validated first and nothing is applied if any is wrong; a row replaces the value for
    the same partner, metric and month; re-importing the same file changes nothing."""
    path = Path(path)
    table = read_table(path)
    if not table:
        raise ValidationError(tr("targets", "{file}: the file is empty.").format(file=path.name))
    columns = ["partner_code", "metric", "period", "amount"]
    mapping = header_map(_canonical_header(table[0], ACTUALS_ALIASES), tuple(columns), columns, path)
    metrics = _metrics(ctx)
    with ctx.read_session() as s:
        partners = {code: pid for code, pid in s.execute(select(Partner.code, Partner.id))}
    report = ActualsReport()
    parsed: dict[tuple[str, str, str], tuple[int, int]] = {}
    for row_no, cells in data_rows(table, mapping, strip=True):
        report.rows += 1
        errors = []
        if cells["partner_code"] not in partners:
            errors.append(RowError(row_no, "partner_code", tr("targets", "unknown partner {code}").format(code=cells["partner_code"] or "—")))
        metric = _row_metric(row_no, cells, metrics, errors)
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


TARGET_COLUMNS = ["metric", "period", "scope_kind", "scope", "amount"]
TARGET_REQUIRED = ("metric", "period", "scope", "amount")
TARGET_ALIASES = {"指标": "metric", "期间": "period", "范围类型": "scope_kind", "范围": "scope", "目标": "amount",
                  "金额": "amount", "partner_code": "scope", **dict.fromkeys(PARTNER_CODE_HEADERS, "scope"), "region": "scope",
                  "地区": "scope", "区划代码": "scope", "target": "amount"}
REGION_HEADERS = ("region", "地区", "区划代码")
REGION_RE = re.compile(r"^\d{2}(?:\d{2}){0,2}$")
HQ_SOURCE = "hq"


TargetsReport = ActualsReport  # the same summary for both imports


def require_region_code(code: str) -> None:
    """Refuse a region target's scope unless it is a real province, city or district code
    (GB/T 2260, ``app.domain.regions``)."""
    if not REGION_RE.match(code or ""):
        raise ValidationError(tr("targets", "Not a region code (2, 4 or 6 digits): {value}.").format(value=code or "—"))
    if not regions().is_valid(code):
        raise ValidationError(tr("targets", "Unknown region code {value}: no such province, city or district.").format(value=code))


def _read_only_message(metric: str, period: str, scope: str) -> str:
    return tr("targets", "the {metric} target for {scope} in {period} was published by HQ and cannot be changed here").format(
        metric=metric, scope=scope, period=period)


def import_targets(ctx: AppContext, path: Path, progress: Progress | None = None) -> TargetsReport:
    """Targets from a CSV/XLSX file (``metric,period,scope_kind,scope,amount``; period
    ``YYYY``, ``YYYY-Qn`` or ``YYYY-MM``; ``scope_kind`` ``partner`` (scope is a partner
    code) or ``region`` (scope is a 2/4/6-digit region code); without a ``scope_kind``
    column the scope column's name decides: ``partner_code``/``scope`` partner, ``region``
    region). Every row is
    validated first and nothing is applied if any is wrong; a row replaces the target of
    the same metric, period and scope; re-importing the same file changes nothing. Targets
    published by HQ are read-only: a row that would change one is an error."""
    path = Path(path)
    table = read_table(path)
    if not table or not any(c.strip() for c in table[0]):
        raise ValidationError(tr("targets", "{file}: the file is empty.").format(file=path.name))
    mapping = header_map(_canonical_header(table[0], TARGET_ALIASES), TARGET_REQUIRED, TARGET_COLUMNS, path)
    # without a scope_kind column, a file whose scope column is called "region" holds region targets
    default_kind = "region" if table[0][mapping["scope"]].strip().lower() in REGION_HEADERS else "partner"
    metrics = _metrics(ctx)
    with ctx.read_session() as s:
        partners = set(s.scalars(select(Partner.code).where(Partner.voided.is_(False))))
        existing_rows = {(t.metric, t.period, t.scope_kind, t.scope): (t.amount, t.source, t.voided) for t in s.scalars(select(Target))}
    report = TargetsReport()
    parsed: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    for row_no, cells in data_rows(table, mapping, strip=True):
        report.rows += 1
        kind = cells.get("scope_kind", "").lower() or default_kind
        errors = []
        metric = _row_metric(row_no, cells, metrics, errors)
        try:
            rules.parse_period(cells["period"])
        except ValueError:
            errors.append(RowError(row_no, "period", tr("targets", "give the period as YYYY, YYYY-Qn or YYYY-MM (got {value})").format(
                value=cells["period"] or "—")))
        if kind not in ("partner", "region"):
            errors.append(RowError(row_no, "scope_kind", tr("targets", "scope_kind must be partner or region (got {value})").format(value=kind)))
        elif kind == "partner" and cells["scope"] not in partners:
            errors.append(RowError(row_no, "scope", tr("targets", "unknown partner {code}").format(code=cells["scope"] or "—")))
        elif kind == "region" and not REGION_RE.match(cells["scope"]):
            errors.append(RowError(row_no, "scope", tr("targets", "not a region code (2, 4 or 6 digits): {value}").format(value=cells["scope"] or "—")))
        elif kind == "region" and not regions().is_valid(cells["scope"]):
            errors.append(RowError(row_no, "scope", tr("targets", "unknown region code {value}: no such province, city or district").format(
                value=cells["scope"])))
        amount = 0
        if metric is not None:
            try:
                amount = rules.parse_amount(cells["amount"], decimals_of(metric.unit))
            except ValueError:
                errors.append(RowError(row_no, "amount", tr("targets", "not a non-negative amount with at most {d} decimals: {value}").format(
                    d=decimals_of(metric.unit), value=cells["amount"] or "—")))
        key = (cells["metric"], cells["period"], kind, cells["scope"])
        if not errors and key in parsed:
            errors.append(RowError(row_no, "scope", tr("targets", "duplicate row (also row {first})").format(first=parsed[key][0])))
        if not errors and key in existing_rows:
            old_amount, source, voided = existing_rows[key]
            if source == HQ_SOURCE and (old_amount != amount or voided):
                errors.append(RowError(row_no, "amount", _read_only_message(*key[:2], key[3])))
        if errors:
            report.errors.extend(errors)
            continue
        parsed[key] = (row_no, amount)
    if report.errors:
        raise ValidationError(tr("targets", "{file}: {count} problem(s) found; nothing was imported.").format(file=path.name, count=len(report.errors)),
                              details=[f"{path.name}, {e}" for e in report.errors])
    with ctx.session() as s:
        existing = {(t.metric, t.period, t.scope_kind, t.scope): t for t in s.scalars(select(Target))}
        for index, (key, (_row, amount)) in enumerate(parsed.items()):
            if progress is not None and index % 500 == 0:
                progress(index, len(parsed), "")
            metric_code, period, kind, scope = key
            row = existing.get(key)
            if row is None:
                s.add(Target(metric=metric_code, period=period, scope_kind=kind, scope=scope, amount=amount, overridden=False, source="import"))
                report.created += 1
            elif row.amount != amount or row.voided:
                row.amount, row.voided = amount, False
                report.updated += 1
            else:
                report.unchanged += 1
    if progress is not None:
        progress(len(parsed), len(parsed), "")
    report.changes = Changes.of("target")
    return report


def set_target(ctx: AppContext, metric: str, period: str, scope_kind: str, scope: str, amount: str | int) -> Changes:
    """Enter one target by hand. ``amount`` is text in the metric's unit (``"1234.56"`` for
    money) or an integer already in the smallest unit (fen). Targets published by HQ are
    read-only; locally entered or imported ones may be changed."""
    metrics = _metrics(ctx)
    if metric not in metrics:
        raise ValidationError(tr("targets", "Unknown metric {metric}.").format(metric=metric))
    try:
        rules.parse_period(period)
    except ValueError:
        raise ValidationError(tr("targets", "Give the period as YYYY, YYYY-Qn or YYYY-MM (got {value}).").format(value=period or "—")) from None
    if scope_kind not in ("partner", "region"):
        raise ValidationError(tr("targets", "The scope must be a partner or a region (got {value}).").format(value=scope_kind))
    if scope_kind == "region":
        require_region_code(scope)
    decimals = decimals_of(metrics[metric].unit)
    if isinstance(amount, int):
        value = amount
    else:
        try:
            value = rules.parse_amount(amount, decimals)
        except ValueError:
            value = -1
    if value < 0:
        raise ValidationError(tr("targets", "The target must be a non-negative amount with at most {d} decimals (got {value}).").format(
            d=decimals, value=amount))
    with ctx.session() as s:
        if scope_kind == "partner" and s.scalar(select(Partner.id).where(Partner.code == scope, Partner.voided.is_(False))) is None:
            raise ValidationError(tr("targets", "Unknown partner {code}.").format(code=scope or "—"))
        row = s.scalar(select(Target).where(Target.metric == metric, Target.period == period, Target.scope_kind == scope_kind, Target.scope == scope))
        if row is None:
            s.add(Target(metric=metric, period=period, scope_kind=scope_kind, scope=scope, amount=value, overridden=False, source="local"))
        elif row.source == HQ_SOURCE:
            raise UserError(tr("targets", "The {metric} target for {scope} in {period} was published by HQ and cannot be changed here.").format(
                metric=metric, scope=scope, period=period))
        elif (row.amount, row.voided) != (value, False):
            row.amount, row.voided = value, False
    return Changes.of("target")


MONTH_BASES = ("current", "seasonality", "last_year")  # how the year is split to months
PARTNER_BASES = ("current", "grade", "last_year")  # how a month is split to partners


@dataclass
class DecompositionPlan:
    """What the decomposition editor starts from for one metric, year and region.

    Months are shaped by ``current`` (the region's saved months, e.g. HQ's), ``seasonality``
    (``DEFAULT_SEASONALITY``) or ``last_year`` (the region's actuals of the year before);
    partners share a month by ``current`` (their saved values of that month), ``grade``
    (``GRADE_WEIGHTS``) or ``last_year`` (their actuals of the year before). A basis with
    nothing to go on falls back to seasonality / grade. Re-opening a saved decomposition
    with the ``current`` bases shows exactly the saved values."""

    metric: str
    year: int
    region: str
    decimals: int
    partners: list[tuple[str, str, str]]  # code, name, grade (active partners of the region, by code)
    weights: list[float]  # grade weights, aligned with partners
    annual: int | None  # the region's current annual target, if any
    month_totals: list[int] | None  # the region's current month targets, when all 12 exist
    overrides: dict[tuple[str, int], int]  # (partner code, month 1..12) → amount overridden by hand
    month_overrides: dict[int, int]  # month 1..12 → region month total overridden by hand
    annual_locked: bool  # HQ published the region's annual target
    months_locked: bool  # HQ published the region's quarter or month targets
    locked: bool  # HQ published partner targets of this decomposition: nothing can be saved
    current: list[list[int]] | None = None  # saved partner × month values, when complete
    last_year_months: list[int] = field(default_factory=lambda: [0] * 12)  # region's actuals per month, year - 1
    last_year_partners: list[int] = field(default_factory=list)  # each partner's actuals of year - 1

    def month_shape(self, basis: str = "current") -> list[float]:
        if basis == "last_year" and any(self.last_year_months):
            return [float(v) for v in self.last_year_months]
        if basis == "current" and self.month_totals is not None and any(self.month_totals):
            return [float(v) for v in self.month_totals]
        return [float(v) for v in rules.DEFAULT_SEASONALITY]

    def partner_weights(self, basis: str = "current") -> list[list[float]]:
        """One weight list per month (aligned with ``partners``)."""
        if basis == "last_year" and any(self.last_year_partners):
            return [[float(v) for v in self.last_year_partners] for _m in range(12)]
        if basis == "current" and self.current is not None:
            columns = [[float(row[m]) for row in self.current] for m in range(12)]
            return [column if any(column) else list(self.weights) for column in columns]
        return [list(self.weights) for _m in range(12)]

    def months(self, annual: int, month_overrides: dict[int, int] | None = None, basis: str = "current") -> list[int]:
        """Month totals for ``annual``: overridden months fixed, the others share the rest by
        the basis's shape. Raises ``ValidationError`` when the overrides do not fit."""
        try:
            return rules.split_with_overrides(annual, self.month_shape(basis), {m - 1: v for m, v in (month_overrides or {}).items()})
        except ValueError as exc:
            raise ValidationError(tr("targets", "The overridden months do not fit the annual target: together they must not exceed it, "
                                                "and when all twelve are set they must add up to it.")) from exc

    def grid(self, annual: int, overrides: dict[tuple[str, int], int], month_overrides: dict[int, int] | None = None,
             month_basis: str = "current", partner_basis: str = "current") -> list[list[int]]:
        """Partners × 12 months; raises ``ValidationError`` when overrides do not fit."""
        return self.grid_for(self.months(annual, month_overrides, month_basis), self.partner_weights(partner_basis), overrides)

    def grid_for(self, months: list[int], month_weights: list[list[float]], overrides: dict[tuple[str, int], int]) -> list[list[int]]:
        index = {code: i for i, (code, _n, _g) in enumerate(self.partners)}
        try:
            return rules.decompose_grid(months, self.weights, {(index[c], m - 1): v for (c, m), v in overrides.items() if c in index},
                                        month_weights=month_weights)
        except ValueError as exc:
            month = exc.args[0] if exc.args and isinstance(exc.args[0], int) else 0
            raise ValidationError(tr("targets", "The overridden cells of {period} add up to more than the month's target.").format(
                period=f"{self.year}-{month:02d}")) from exc


def _region_partners(s: Any, region: str) -> list[tuple[str, str, str]]:
    return [(code, name, grade) for code, name, grade in s.execute(
        select(Partner.code, Partner.name, Partner.grade).where(Partner.status == "active", Partner.voided.is_(False),
                                                                Partner.district_code.like(f"{region}%")).order_by(Partner.code))]


def metric_choices(ctx: AppContext) -> list[tuple[str, str]]:
    """(code, name) of the target metrics, by code."""
    return sorted((code, m.name) for code, m in _metrics(ctx).items())


def region_choices(ctx: AppContext) -> list[str]:
    """Regions a target can be decomposed for: the device's territory first, then the
    4- and 6-digit regions of active partners."""
    with ctx.read_session() as s:
        districts = set(s.scalars(select(Partner.district_code).where(Partner.status == "active", Partner.voided.is_(False))))
    found = sorted({code[:n] for code in districts if code for n in (4, 6) if len(code) >= n})
    territory = [t for t in ctx.territory if REGION_RE.match(t)]
    return territory + [c for c in found if c not in territory]


def decomposition_plan(ctx: AppContext, metric: str, year: int, region: str) -> DecompositionPlan:
    metrics = _metrics(ctx)
    if metric not in metrics:
        raise ValidationError(tr("targets", "Unknown metric {metric}.").format(metric=metric))
    require_region_code(region)
    with ctx.read_session() as s:
        partners = _region_partners(s, region)
        codes = {code for code, _n, _g in partners}
        rows = [t for t in s.scalars(select(Target).where(Target.metric == metric, Target.period.like(f"{year}%"), Target.voided.is_(False)))
                if (t.scope_kind == "region" and t.scope == region) or (t.scope_kind == "partner" and t.scope in codes)]
        last_year = list(s.execute(
            select(Partner.code, Actual.period, func.sum(Actual.amount)).join(Partner, Partner.id == Actual.partner_id)
            .where(Actual.metric == metric, Actual.voided.is_(False), Actual.period.like(f"{year - 1}-%"), Partner.voided.is_(False),
                   Partner.district_code.like(f"{region}%"))
            .group_by(Partner.code, Actual.period)))
    last_year_months = [0] * 12
    last_year_by_partner: dict[str, int] = defaultdict(int)
    for code, period, amount in last_year:
        if len(period) == 7 and period[5:].isdigit() and 1 <= int(period[5:]) <= 12:
            last_year_months[int(period[5:]) - 1] += int(amount or 0)
            last_year_by_partner[code] += int(amount or 0)
    saved = {(t.scope, t.period): t.amount for t in rows if t.scope_kind == "partner"}
    annual_row = next((t for t in rows if t.scope_kind == "region" and t.period == str(year)), None)
    region_months = {t.period: t.amount for t in rows if t.scope_kind == "region" and len(t.period) == 7 and "Q" not in t.period}
    periods = [f"{year}-{m:02d}" for m in range(1, 13)]
    return DecompositionPlan(
        metric=metric, year=year, region=region, decimals=decimals_of(metrics[metric].unit), partners=partners,
        weights=[float(rules.GRADE_WEIGHTS.get(grade, 1)) for _c, _n, grade in partners],
        annual=annual_row.amount if annual_row else None,
        month_totals=[region_months[p] for p in periods] if all(p in region_months for p in periods) else None,
        overrides={(t.scope, int(t.period[5:])): t.amount for t in rows if t.scope_kind == "partner" and t.overridden and len(t.period) == 7},
        month_overrides={int(t.period[5:]): t.amount for t in rows if t.scope_kind == "region" and t.overridden and t.period in periods},
        annual_locked=annual_row is not None and annual_row.source == HQ_SOURCE,
        months_locked=any(t.source == HQ_SOURCE for t in rows if t.scope_kind == "region" and t.period != str(year)),
        locked=any(t.source == HQ_SOURCE for t in rows if t.scope_kind == "partner"),
        current=[[saved[(code, p)] for p in periods] for code, _n, _g in partners]
        if partners and all((code, p) in saved for code, _n, _g in partners for p in periods) else None,
        last_year_months=last_year_months,
        last_year_partners=[last_year_by_partner.get(code, 0) for code, _n, _g in partners],
    )


def decompose_region_target(ctx: AppContext, metric: str, year: int, region: str, annual: int,
                            partner_weights: dict[str, float] | None = None,
                            month_overrides: dict[int, int] | None = None,
                            seasonality: list[float] | None = None,
                            cell_overrides: dict[tuple[str, int], int] | None = None,
                            month_basis: str = "current", partner_basis: str = "current") -> Changes:
    """Write the region's year, quarter and month targets and each partner's monthly
    targets; months sum exactly to the year and partners exactly to the region.
    ``cell_overrides`` fixes (partner code, month) cells, the other partners of the month
    share the rest; those cells (and overridden months) are saved with ``overridden``.
    ``month_basis`` and ``partner_basis`` choose the shapes (see ``DecompositionPlan``);
    explicit ``seasonality`` or ``partner_weights`` take precedence. Targets published by HQ are never changed: a decomposition that would
    change one is refused."""
    if annual < 0:
        raise ValidationError(tr("targets", "A target cannot be negative."))
    if any(v < 0 for v in (cell_overrides or {}).values()):
        raise ValidationError(tr("targets", "A target cannot be negative."))
    plan = decomposition_plan(ctx, metric, year, region)
    month_overridden = set(month_overrides or {})
    if month_basis not in MONTH_BASES or partner_basis not in PARTNER_BASES:
        raise ValidationError(tr("targets", "Unknown decomposition basis {basis}.").format(
            basis=month_basis if month_basis not in MONTH_BASES else partner_basis))
    if seasonality is None:
        months = plan.months(annual, month_overrides, month_basis)
    else:
        try:
            months = rules.split_with_overrides(annual, seasonality or list(rules.DEFAULT_SEASONALITY), {m - 1: v for m, v in (month_overrides or {}).items()})
        except ValueError as exc:
            raise ValidationError(tr("targets", "The monthly overrides do not fit the annual target ({error}).").format(error=exc)) from exc
    partners = plan.partners
    if partner_weights is not None:
        weights = [float(partner_weights.get(code, w)) for (code, _n, _g), w in zip(partners, plan.weights, strict=True)]
        month_weights = [weights for _m in range(12)]
    else:
        month_weights = plan.partner_weights(partner_basis)
    index = {code: i for i, (code, _n, _g) in enumerate(partners)}
    grid = plan.grid_for(months, month_weights, cell_overrides or {})
    overridden_cells = {(c, m) for (c, m) in (cell_overrides or {}) if c in index}
    values: list[tuple[str, str, str, int, bool]] = [(str(year), "region", region, annual, False)]
    values += [(f"{year}-Q{q + 1}", "region", region, v, False) for q, v in enumerate(rules.quarters_from_months(months))]
    for m, month_total in enumerate(months, start=1):
        period = f"{year}-{m:02d}"
        values.append((period, "region", region, month_total, m in month_overridden))
        for (code, _n, _g), row in zip(partners, grid, strict=True):
            values.append((period, "partner", code, row[m - 1], (code, m) in overridden_cells))
    with ctx.session() as s:
        existing = {(t.period, t.scope_kind, t.scope): t for t in s.scalars(select(Target).where(Target.metric == metric, Target.period.like(f"{year}%")))}
        refused = [(period, scope) for period, kind, scope, amount, _o in values
                   if (row := existing.get((period, kind, scope))) is not None and row.source == HQ_SOURCE and (row.amount != amount or row.voided)]
        if refused:
            period, scope = refused[0]
            raise UserError(tr("targets", "The {metric} target for {scope} in {period} was published by HQ and cannot be changed here.").format(
                metric=metric, scope=scope, period=period))
        for period, kind, scope, amount, overridden in values:
            row = existing.get((period, kind, scope))
            if row is None:
                s.add(Target(metric=metric, period=period, scope_kind=kind, scope=scope, amount=amount, overridden=overridden, source="local"))
            elif row.source != HQ_SOURCE and (row.amount, row.overridden, row.voided) != (amount, overridden, False):
                row.amount, row.overridden, row.voided = amount, overridden, False
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
    """Everything the dashboard draws. The sums are done by SQLite (GROUP BY): region
    month targets, actuals per partner region and month, and the current month's partner
    targets joined to their actuals — a few hundred rows reach Python, not the year's
    targets and actuals."""
    today = today or dt.date.today()
    year = str(today.year)
    months = [f"{year}-{m:02d}" for m in range(1, 13)]
    month = today.strftime("%Y-%m")
    metrics = _metrics(ctx)
    scale = 10 ** (decimals_of(metrics[metric].unit) if metric in metrics else 2)
    live_target = and_(Target.metric == metric, Target.voided.is_(False))
    with ctx.read_session() as s:
        region_targets = list(s.execute(
            select(Target.scope, Target.period, Target.amount).where(live_target, Target.scope_kind == "region", Target.period.in_(months))))
        actual_by_region = list(s.execute(
            select(Partner.district_code, Partner.city_code, Partner.province_code, Actual.period, func.sum(Actual.amount))
            .join(Partner, Partner.id == Actual.partner_id)
            .where(Actual.metric == metric, Actual.voided.is_(False), Actual.period.in_(months))
            .group_by(Partner.district_code, Partner.city_code, Partner.province_code, Actual.period)))
        partner_rows = list(s.execute(
            select(Target.scope, Target.amount, func.coalesce(Actual.amount, 0))
            .select_from(Target)
            .outerjoin(Partner, Partner.code == Target.scope)
            .outerjoin(Actual, and_(Actual.partner_id == Partner.id, Actual.metric == Target.metric, Actual.period == Target.period,
                                    Actual.voided.is_(False)))
            .where(live_target, Target.scope_kind == "partner", Target.period == month)))
    region_actuals: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for district, city, province, period, amount in actual_by_region:
        region_actuals[period].append((district or city or province or "", int(amount or 0)))
    target_sum = dict.fromkeys(months, 0)
    actual_sum = dict.fromkeys(months, 0)
    for scope, period, amount in region_targets:
        target_sum[period] += amount
        actual_sum[period] += sum(a for region, a in region_actuals.get(period, []) if region.startswith(scope))
    time_pct = rules.time_elapsed_pct(month, today)
    partners = []
    for code, target, actual in partner_rows:
        progress = rules.completion_pct(actual, target)
        partners.append({"partner_code": code, "target": target / scale, "actual": actual / scale, "progress": round(progress, 1),
                         "behind": progress < time_pct})
    partners.sort(key=lambda d: (d["progress"], d["partner_code"]))
    total_t = sum(target for _c, target, _a in partner_rows)
    total_a = sum(actual for _c, _t, actual in partner_rows)
    return DashboardData(
        metric=metric, months=months,
        target_by_month=[target_sum[m] / scale for m in months], actual_by_month=[actual_sum[m] / scale for m in months],
        period=month, completion=rules.completion_pct(total_a, total_t), time_progress=time_pct,
        aging={k: v / 100 for k, v in aging(ctx, today).items()},
        partners=partners,
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
