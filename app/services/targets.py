"""Targets: listing with progress against actuals, import, hand entry and the monthly
summary used by the assessment report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.domain import targets as rules
from app.domain.decomposition import REGION_RE as REGION_RE
from app.domain.decomposition import require_region_code as require_region_code
from app.domain.regions import regions
from app.domain.sheet_columns import (
    canonical_key,
    file_names,
    metric_choices,
    metric_key,
    named,
    scope_kind_key,
)
from app.errors import UserError, ValidationError
from app.i18n import tr, trn
from app.services.context import AppContext, Changes
from app.services.partner_io import RowError, data_rows, header_map, read_table
from app.services.progress import Progress
from app.services.target_list import UNIT_DECIMALS as UNIT_DECIMALS
from app.services.target_list import TargetRow as TargetRow
from app.services.target_list import _months_in as _months_in
from app.services.target_list import decimals_of as decimals_of
from app.services.target_list import list_targets as list_targets
from db.models import Metric, Partner, Target


def metrics_by_code(ctx: AppContext) -> dict[str, Metric]:
    with ctx.read_session() as s:
        return {m.code: m for m in s.scalars(select(Metric).where(Metric.voided.is_(False)))}


def _read_only_message(metric: str, period: str, scope: str) -> str:
    return tr(
        "targets",
        "the {metric} target for {scope} in {period} was published by HQ and cannot be changed here",
    ).format(metric=metric, scope=scope, period=period)


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
    mapping = header_map(
        canonical_header(table[0], TARGET_ALIASES), TARGET_REQUIRED, TARGET_COLUMNS, path
    )
    names = file_names(table[0], mapping)
    # without a scope_kind column, a file whose scope column is called "region" holds region targets
    default_kind = (
        "region" if table[0][mapping["scope"]].strip().lower() in REGION_HEADERS else "partner"
    )
    metrics = metrics_by_code(ctx)
    with ctx.read_session() as s:
        partners = set(s.scalars(select(Partner.code).where(Partner.voided.is_(False))))
        existing_rows = {
            (t.metric, t.period, t.scope_kind, t.scope): (t.amount, t.source, t.voided)
            for t in s.scalars(select(Target))
        }
    report = TargetsReport()
    parsed: dict[tuple[str, str, str, str], tuple[int, int]] = {}
    for row_no, cells in data_rows(table, mapping, strip=True):
        report.rows += 1
        kind = scope_kind_key(cells.get("scope_kind", "")) or default_kind
        if kind == "region":  # official forms (320100) are kept in their shortest form (3201)
            cells["scope"] = regions().normalise(cells["scope"]) or cells["scope"]
        errors = []
        metric = row_metric(row_no, cells, metrics, errors)
        try:
            rules.parse_period(cells["period"])
        except ValueError:
            errors.append(
                RowError(
                    row_no,
                    "period",
                    tr(
                        "targets", "give the period as YYYY, YYYY-Qn or YYYY-MM (got {value})"
                    ).format(value=cells["period"] or "—"),
                )
            )
        if kind not in ("partner", "region"):
            errors.append(
                RowError(
                    row_no,
                    "scope_kind",
                    tr("targets", "scope_kind must be partner or region (got {value})").format(
                        value=kind
                    ),
                )
            )
        elif kind == "partner" and cells["scope"] not in partners:
            errors.append(
                RowError(
                    row_no,
                    "scope",
                    tr("targets", "unknown partner {code}").format(code=cells["scope"] or "—"),
                )
            )
        elif kind == "region" and not REGION_RE.match(cells["scope"]):
            errors.append(
                RowError(
                    row_no,
                    "scope",
                    tr("targets", "not a region code (2, 4 or 6 digits): {value}").format(
                        value=cells["scope"] or "—"
                    ),
                )
            )
        elif kind == "region" and regions().normalise(cells["scope"]) is None:
            errors.append(
                RowError(
                    row_no,
                    "scope",
                    tr(
                        "targets", "unknown region code {value}: no such province, city or district"
                    ).format(value=cells["scope"]),
                )
            )
        amount = 0
        if metric is not None:
            try:
                amount = rules.parse_amount(cells["amount"], decimals_of(metric.unit))
            except ValueError:
                errors.append(
                    RowError(
                        row_no,
                        "amount",
                        tr(
                            "targets",
                            "not a non-negative amount with at most {d} decimals: {value}",
                        ).format(d=decimals_of(metric.unit), value=cells["amount"] or "—"),
                    )
                )
        key = (cells["metric"], cells["period"], kind, cells["scope"])
        if not errors and key in parsed:
            errors.append(
                RowError(
                    row_no,
                    "scope",
                    tr("targets", "duplicate row (also row {first})").format(first=parsed[key][0]),
                )
            )
        if not errors and key in existing_rows:
            old_amount, source, voided = existing_rows[key]
            if source == HQ_SOURCE and (old_amount != amount or voided):
                errors.append(RowError(row_no, "amount", _read_only_message(*key[:2], key[3])))
        if errors:
            report.errors.extend(errors)
            continue
        parsed[key] = (row_no, amount)
    if report.errors:
        raise ValidationError(
            trn(
                "targets", "{file}: %n problem(s) found; nothing was imported.", len(report.errors)
            ).format(file=path.name),
            details=[f"{path.name}, {named(e, names)}" for e in report.errors],
        )
    with ctx.session() as s:
        existing = {
            (t.metric, t.period, t.scope_kind, t.scope): t for t in s.scalars(select(Target))
        }
        for index, (key, (_row, amount)) in enumerate(parsed.items()):
            if progress is not None and index % 500 == 0:
                progress(index, len(parsed), "")
            metric_code, period, kind, scope = key
            row = existing.get(key)
            if row is None:
                s.add(
                    Target(
                        metric=metric_code,
                        period=period,
                        scope_kind=kind,
                        scope=scope,
                        amount=amount,
                        overridden=False,
                        source="import",
                    )
                )
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


def set_target(
    ctx: AppContext, metric: str, period: str, scope_kind: str, scope: str, amount: str | int
) -> Changes:
    """Enter one target by hand. ``amount`` is text in the metric's unit (``"1234.56"`` for
    money) or an integer already in the smallest unit (fen). Targets published by HQ are
    read-only; locally entered or imported ones may be changed."""
    metrics = metrics_by_code(ctx)
    if metric not in metrics:
        raise ValidationError(tr("targets", "Unknown metric {metric}.").format(metric=metric))
    try:
        rules.parse_period(period)
    except ValueError:
        raise ValidationError(
            tr("targets", "Give the period as YYYY, YYYY-Qn or YYYY-MM (got {value}).").format(
                value=period or "—"
            )
        ) from None
    if scope_kind not in ("partner", "region"):
        raise ValidationError(
            tr("targets", "The scope must be a partner or a region (got {value}).").format(
                value=scope_kind
            )
        )
    if scope_kind == "region":
        scope = require_region_code(scope)
    decimals = decimals_of(metrics[metric].unit)
    if isinstance(amount, int):
        value = amount
    else:
        try:
            value = rules.parse_amount(amount, decimals)
        except ValueError:
            value = -1
    if value < 0:
        raise ValidationError(
            tr(
                "targets",
                "The target must be a non-negative amount with at most {d} decimals (got {value}).",
            ).format(d=decimals, value=amount)
        )
    with ctx.session() as s:
        if (
            scope_kind == "partner"
            and s.scalar(select(Partner.id).where(Partner.code == scope, Partner.voided.is_(False)))
            is None
        ):
            raise ValidationError(
                tr("targets", "Unknown partner {code}.").format(code=scope or "—")
            )
        row = s.scalar(
            select(Target).where(
                Target.metric == metric,
                Target.period == period,
                Target.scope_kind == scope_kind,
                Target.scope == scope,
            )
        )
        if row is None:
            s.add(
                Target(
                    metric=metric,
                    period=period,
                    scope_kind=scope_kind,
                    scope=scope,
                    amount=value,
                    overridden=False,
                    source="local",
                )
            )
        elif row.source == HQ_SOURCE:
            raise UserError(
                tr(
                    "targets",
                    "The {metric} target for {scope} in {period} was published by HQ and cannot be changed here.",
                ).format(metric=metric, scope=scope, period=period)
            )
        elif (row.amount, row.voided) != (value, False):
            row.amount, row.voided = value, False
    return Changes.of("target")


@dataclass(frozen=True)
class SummaryRow:
    label: str
    target: float
    actual: float
    progress: float


def month_targets_summary(ctx: AppContext, month: str) -> list[SummaryRow]:
    """Region targets of ``month`` per metric with actuals, for the monthly report."""
    metrics = metrics_by_code(ctx)
    result = []
    for row in list_targets(ctx, month=month):
        if row.scope_kind != "region":
            continue
        name = metrics[row.metric].name if row.metric in metrics else row.metric
        scale = 10**row.decimals
        result.append(
            SummaryRow(f"{name} {row.scope}", row.target / scale, row.actual / scale, row.progress)
        )
    return result


def require_metric(ctx: AppContext, metric: str) -> None:
    if metric not in metrics_by_code(ctx):
        raise UserError(tr("targets", "Unknown metric {metric}.").format(metric=metric))


@dataclass
class ActualsReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)


def row_metric(
    row_no: int, cells: dict[str, str], metrics: dict[str, Metric], errors: list[RowError]
) -> Metric | None:
    """The row's metric (its code or label in either language; ``cells["metric"]`` becomes
    the code), or None with the error added (both imports)."""
    cells["metric"] = metric_key(cells["metric"], metrics)
    metric = metrics.get(cells["metric"])
    if metric is None:
        errors.append(
            RowError(
                row_no,
                "metric",
                tr("targets", "unknown metric {metric}; use one of {known}").format(
                    metric=cells["metric"] or "—", known=metric_choices(metrics)
                ),
            )
        )
    return metric


# Chinese (and a few English) column names the actuals, targets and partner imports share:
# a partner's code is 渠道编码 / 合作方编码 in all three, the metric 指标, the period 期间
# (actuals: also 月份 / 年月 / 日期), the value 金额 (actuals: also 数量 / 实际 …).


def canonical_header(header: list[str], aliases: dict[str, str]) -> list[str]:
    """The header row with known Chinese / alternative names, and the columns' headers in
    either language (``app.domain.sheet_columns``), replaced by the column keys."""
    return [canonical_key(c, aliases) for c in header]


PARTNER_CODE_HEADERS = ("渠道编码", "合作方编码", "合作伙伴编码", "客户编码")
TARGET_COLUMNS = ["metric", "period", "scope_kind", "scope", "amount"]
TARGET_REQUIRED = ("metric", "period", "scope", "amount")
TARGET_ALIASES = {
    "指标": "metric",
    "期间": "period",
    "范围类型": "scope_kind",
    "范围": "scope",
    "目标": "amount",
    "金额": "amount",
    "partner_code": "scope",
    **dict.fromkeys(PARTNER_CODE_HEADERS, "scope"),
    "region": "scope",
    "地区": "scope",
    "区划代码": "scope",
    "target": "amount",
}
REGION_HEADERS = ("region", "地区", "区划代码")
HQ_SOURCE = "hq"


TargetsReport = ActualsReport  # the same summary for both imports
