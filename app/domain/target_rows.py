"""One row of a targets table, checked the same way by both imports of it: the laptop's
``targets import`` (``app.services.targets``) and HQ's ``hq targets import``
(``app.hq.company_targets``).

The file is ``metric,period,scope_kind,scope,amount``; the metric is a code or its label
in either language, the period ``YYYY``, ``YYYY-Qn`` or ``YYYY-MM``, the scope kind
``partner`` (the scope a known partner code) or ``region`` (the scope a 2-, 4- or 6-digit
region code, official 6-digit forms of provinces and cities included, kept in its
shortest form: ``320100`` → ``3201``); without a ``scope_kind`` column the scope column's
header decides (``region`` / 地区 / 区划代码 mean regions). The callers read the file,
know the metrics and partners of their own store, and do what follows the check (the
laptop refuses to change a target HQ published).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from typing import NamedTuple

from app.domain import targets as rules
from app.domain.decomposition import REGION_RE
from app.domain.regions import regions
from app.domain.sheet_columns import RowError, metric_choices, metric_key, scope_kind_key
from app.i18n import tr

PARTNER_CODE_HEADERS = ("渠道编码", "合作方编码", "合作伙伴编码", "客户编码")
TARGET_COLUMNS = ("metric", "period", "scope_kind", "scope", "amount")
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
SCOPE_KINDS = ("partner", "region")

TargetKey = tuple[str, str, str, str]  # metric, period, scope_kind, scope


class CheckedTarget(NamedTuple):
    """A row as checked: the metric's code, the scope in its stored form and the amount
    in the metric's smallest unit (0 when the amount could not be read)."""

    metric: str
    period: str
    scope_kind: str
    scope: str
    amount: int

    @property
    def key(self) -> TargetKey:
        """What a target is known by: metric, period, scope kind and scope."""
        return (self.metric, self.period, self.scope_kind, self.scope)


def default_scope_kind(scope_header: str) -> str:
    """The scope kind of a file without a ``scope_kind`` column, by its scope column's
    header: ``region`` when it is called region (地区, 区划代码), else ``partner``."""
    return "region" if scope_header.strip().lower() in REGION_HEADERS else "partner"


def read_metric(row_no: int, text: str, known: Iterable[str]) -> tuple[str, RowError | None]:
    """The metric a cell names (its code, or the text itself when it names none of
    ``known``) and the row's problem when it names none (the targets and actuals imports)."""
    codes = set(known)
    code = metric_key(text, codes)
    if code in codes:
        return code, None
    return code, RowError(
        row_no,
        "metric",
        tr("targets", "unknown metric {metric}; use one of {known}").format(
            metric=code or "—", known=metric_choices(codes)
        ),
    )


def read_amount(row_no: int, text: str, decimals: int) -> tuple[int, RowError | None]:
    """An amount cell in the metric's smallest unit (``decimals`` places; ``1,234.5`` is
    read), or 0 and the row's problem (the targets and actuals imports)."""
    try:
        return rules.parse_amount(text, decimals), None
    except ValueError:
        return 0, RowError(
            row_no,
            "amount",
            tr("targets", "not a non-negative amount with at most {d} decimals: {value}").format(
                d=decimals, value=text or "—"
            ),
        )


def check_target_row(
    row_no: int,
    cells: Mapping[str, str],
    default_kind: str,
    decimals: Mapping[str, int],
    partners: Container[str],
    earlier: Mapping[TargetKey, int],
) -> tuple[CheckedTarget, list[RowError]]:
    """The row (stripped ``cells`` by column key) as a ``CheckedTarget`` and its problems, in
    the order of the columns: metric, period, scope kind or scope, amount, and last a
    row repeating an earlier good one. ``decimals`` are the known metrics' decimals (by
    code), ``partners`` the known partner codes, ``earlier`` the rows already read
    (key → row number)."""
    errors: list[RowError] = []
    kind = scope_kind_key(cells.get("scope_kind", "")) or default_kind
    scope = cells["scope"]
    if kind == "region":  # official forms (320100) are kept in their shortest form (3201)
        scope = regions().normalise(scope) or scope
    metric, problem = read_metric(row_no, cells["metric"], decimals)
    if problem is not None:
        errors.append(problem)
    period = cells["period"]
    try:
        rules.parse_period(period)
    except ValueError:
        errors.append(
            RowError(
                row_no,
                "period",
                tr("targets", "give the period as YYYY, YYYY-Qn or YYYY-MM (got {value})").format(
                    value=period or "—"
                ),
            )
        )
    scope_problem = _scope_problem(kind, scope, partners)
    if scope_problem is not None:
        errors.append(RowError(row_no, *scope_problem))
    amount = 0
    if metric in decimals:
        amount, problem = read_amount(row_no, cells["amount"], decimals[metric])
        if problem is not None:
            errors.append(problem)
    row = CheckedTarget(metric, period, kind, scope, amount)
    if not errors and row.key in earlier:
        errors.append(
            RowError(
                row_no,
                "scope",
                tr("targets", "duplicate row (also row {first})").format(first=earlier[row.key]),
            )
        )
    return row, errors


def _scope_problem(kind: str, scope: str, partners: Container[str]) -> tuple[str, str] | None:
    """``(column, message)`` when the scope kind is neither partner nor region, the
    partner is unknown, or the region is not a region code or names no region."""
    if kind not in SCOPE_KINDS:
        return "scope_kind", tr(
            "targets", "scope_kind must be partner or region (got {value})"
        ).format(value=kind)
    if kind == "partner":
        if scope in partners:
            return None
        return "scope", tr("targets", "unknown partner {code}").format(code=scope or "—")
    if not REGION_RE.match(scope):
        return "scope", tr("targets", "not a region code (2, 4 or 6 digits): {value}").format(
            value=scope or "—"
        )
    if regions().normalise(scope) is None:
        return "scope", tr(
            "targets", "unknown region code {value}: no such province, city or district"
        ).format(value=scope)
    return None
