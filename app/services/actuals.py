"""Actuals (sales, collections) imported from HQ's CSV/XLSX exports: validated row by row,
idempotent (a row replaces the value for the same partner, metric and period)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.domain import targets as rules
from app.domain.sheet_columns import (
    RowError,
    data_rows,
    file_names,
    header_map,
    header_row,
    rows_refused,
)
from app.domain.target_rows import PARTNER_CODE_HEADERS, read_amount
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.partner_io import read_table
from app.services.progress import Progress
from app.services.targets import (
    ActualsReport,
    canonical_header,
    decimals_of,
    metrics_by_code,
    row_metric,
)
from db.models import Actual, Partner

ACTUALS_ALIASES = {
    **dict.fromkeys((*PARTNER_CODE_HEADERS, "编码", "代码", "partner", "code"), "partner_code"),
    "指标": "metric",
    "指标编码": "metric",
    **dict.fromkeys(("期间", "月份", "年月", "日期"), "period"),
    **dict.fromkeys(
        ("金额", "数量", "实际", "实际值", "实际完成", "完成", "完成值", "actual", "value"),
        "amount",
    ),
}


def import_actuals(ctx: AppContext, path: Path, progress: Progress | None = None) -> ActualsReport:
    """Actuals from an HQ export (``partner_code,metric,period,amount``, or the Chinese
    headers of ``ACTUALS_ALIASES`` such as 渠道编码, 指标, 月份, 金额); all rows are
    validated first and nothing is applied if any is wrong; a row replaces the value for
    the same partner, metric and month; re-importing the same file changes nothing."""
    path = Path(path)
    table = read_table(path)
    header = header_row(table, path.name)
    columns = ["partner_code", "metric", "period", "amount"]
    mapping = header_map(canonical_header(header, ACTUALS_ALIASES), columns, columns, path.name)
    names = file_names(table[0], mapping)
    metrics = metrics_by_code(ctx)
    with ctx.read_session() as s:
        partners = {code: pid for code, pid in s.execute(select(Partner.code, Partner.id))}
    report = ActualsReport()
    parsed: dict[tuple[str, str, str], tuple[int, int]] = {}
    for row_no, cells in data_rows(table, mapping, strip=True):
        report.rows += 1
        errors = []
        if cells["partner_code"] not in partners:
            errors.append(
                RowError(
                    row_no,
                    "partner_code",
                    tr("targets", "unknown partner {code}").format(
                        code=cells["partner_code"] or "—"
                    ),
                )
            )
        metric = row_metric(row_no, cells, metrics, errors)
        try:
            _y, part = rules.parse_period(cells["period"])
            if part is None or part.startswith("Q"):
                raise ValueError
        except ValueError:
            errors.append(
                RowError(
                    row_no,
                    "period",
                    tr("targets", "give the month as YYYY-MM (got {value})").format(
                        value=cells["period"] or "—"
                    ),
                )
            )
        amount = 0
        if metric is not None:
            amount, problem = read_amount(row_no, cells["amount"], decimals_of(metric.unit))
            if problem is not None:
                errors.append(problem)
        key = (cells["partner_code"], cells["metric"], cells["period"])
        if not errors and key in parsed:
            errors.append(
                RowError(
                    row_no,
                    "period",
                    tr("targets", "duplicate row (also row {first})").format(first=parsed[key][0]),
                )
            )
        if errors:
            report.errors.extend(errors)
            continue
        parsed[key] = (row_no, amount)
    if report.errors:
        raise rows_refused(path.name, report.errors, names, file_in_details=False)
    with ctx.session() as s:
        existing = {(a.partner_id, a.metric, a.period): a for a in s.scalars(select(Actual))}
        for index, ((code, metric_code, period), (_row, amount)) in enumerate(parsed.items()):
            if progress is not None and index % 500 == 0:
                progress(index, len(parsed), "")
            pid = partners[code]
            row = existing.get((pid, metric_code, period))
            if row is None:
                s.add(
                    Actual(
                        partner_id=pid,
                        metric=metric_code,
                        period=period,
                        amount=amount,
                        source_file=path.name,
                    )
                )
                report.created += 1
            elif row.amount != amount or row.voided:
                row.amount, row.voided, row.source_file = amount, False, path.name
                report.updated += 1
            else:
                report.unchanged += 1
    report.changes = Changes.of("actual")
    return report
