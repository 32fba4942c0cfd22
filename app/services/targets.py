"""Targets: listing with progress against actuals, import, hand entry and the monthly
summary used by the assessment report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.domain import targets as rules
from app.domain.decomposition import REGION_RE as REGION_RE
from app.domain.decomposition import require_region_code as require_region_code
from app.domain.sheet_columns import (
    RowError,
    canonical_key,
    data_rows,
    file_names,
    header_map,
    header_row,
    rows_refused,
)
from app.domain.target_rows import (
    TARGET_ALIASES,
    TARGET_COLUMNS,
    TARGET_REQUIRED,
    TargetKey,
    check_target_row,
    default_scope_kind,
    read_metric,
)
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_io import read_table
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
    header = header_row(table, path.name)
    mapping = header_map(
        canonical_header(header, TARGET_ALIASES), TARGET_REQUIRED, TARGET_COLUMNS, path.name
    )
    names = file_names(table[0], mapping)
    default_kind = default_scope_kind(table[0][mapping["scope"]])
    metrics = metrics_by_code(ctx)
    decimals = {code: decimals_of(metric.unit) for code, metric in metrics.items()}
    with ctx.read_session() as s:
        partners = set(s.scalars(select(Partner.code).where(Partner.voided.is_(False))))
        existing_rows = {
            (t.metric, t.period, t.scope_kind, t.scope): (t.amount, t.source, t.voided)
            for t in s.scalars(select(Target))
        }
    report = TargetsReport()
    parsed: dict[TargetKey, int] = {}  # the amount of each good row
    first_rows: dict[TargetKey, int] = {}
    for row_no, cells in data_rows(table, mapping, strip=True):
        report.rows += 1
        row, errors = check_target_row(row_no, cells, default_kind, decimals, partners, first_rows)
        if not errors and row.key in existing_rows:
            old_amount, source, voided = existing_rows[row.key]
            if source == HQ_SOURCE and (old_amount != row.amount or voided):
                errors.append(
                    RowError(
                        row_no, "amount", _read_only_message(row.metric, row.period, row.scope)
                    )
                )
        if errors:
            report.errors.extend(errors)
            continue
        first_rows[row.key] = row_no
        parsed[row.key] = row.amount
    if report.errors:
        raise rows_refused(path.name, report.errors, names, file_in_details=True)
    with ctx.session() as s:
        existing = {
            (t.metric, t.period, t.scope_kind, t.scope): t for t in s.scalars(select(Target))
        }
        for index, (key, amount) in enumerate(parsed.items()):
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
    the code), or None with the error added (the actuals import)."""
    cells["metric"], problem = read_metric(row_no, cells["metric"], metrics)
    if problem is not None:
        errors.append(problem)
    return metrics.get(cells["metric"])


# Chinese (and a few English) column names the actuals, targets and partner imports share:
# a partner's code is 渠道编码 / 合作方编码 in all three, the metric 指标, the period 期间
# (actuals: also 月份 / 年月 / 日期), the value 金额 (actuals: also 数量 / 实际 …).


def canonical_header(header: list[str], aliases: dict[str, str]) -> list[str]:
    """The header row with known Chinese / alternative names, and the columns' headers in
    either language (``app.domain.sheet_columns``), replaced by the column keys."""
    return [canonical_key(c, aliases) for c in header]


HQ_SOURCE = "hq"


TargetsReport = ActualsReport  # the same summary for both imports
