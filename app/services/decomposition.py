"""Decomposition of a region's annual target to months and partners (exact integer sums)
on the laptop: the plan the editor shows and the saving of it (the arithmetic is
``app.domain.decomposition``'s, which HQ uses too)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from app.domain.decomposition import (
    MONTH_BASES,
    PARTNER_BASES,
    DecompositionPlan,
    SavedTarget,
    build_plan,
    decomposition_values,
)
from app.errors import UserError, ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from app.services.targets import (
    HQ_SOURCE,
    REGION_RE,
    decimals_of,
    metrics_by_code,
    require_region_code,
)
from db.models import Actual, Partner, Target

__all__ = [  # the plan and bases live in app.domain.decomposition (HQ decomposes with them)
    "MONTH_BASES",
    "PARTNER_BASES",
    "DecompositionPlan",
    "decompose_region_target",
    "decomposition_plan",
    "metric_choices",
    "region_choices",
]


def _region_partners(s: Any, region: str) -> list[tuple[str, str, str]]:
    return [
        (code, name, grade)
        for code, name, grade in s.execute(
            select(Partner.code, Partner.name, Partner.grade)
            .where(
                Partner.status == "active",
                Partner.voided.is_(False),
                Partner.district_code.like(f"{region}%"),
            )
            .order_by(Partner.code)
        )
    ]


def metric_choices(ctx: AppContext) -> list[tuple[str, str]]:
    """(code, name) of the target metrics, by code."""
    return sorted((code, m.name) for code, m in metrics_by_code(ctx).items())


def region_choices(ctx: AppContext) -> list[str]:
    """Regions a target can be decomposed for: the device's territory first, then the
    4- and 6-digit regions of active partners."""
    with ctx.read_session() as s:
        districts = set(
            s.scalars(
                select(Partner.district_code).where(
                    Partner.status == "active", Partner.voided.is_(False)
                )
            )
        )
    found = sorted({code[:n] for code in districts if code for n in (4, 6) if len(code) >= n})
    territory = [t for t in ctx.territory if REGION_RE.match(t)]
    return territory + [c for c in found if c not in territory]


def decomposition_plan(ctx: AppContext, metric: str, year: int, region: str) -> DecompositionPlan:
    metrics = metrics_by_code(ctx)
    if metric not in metrics:
        raise ValidationError(tr("targets", "Unknown metric {metric}.").format(metric=metric))
    region = require_region_code(region)
    with ctx.read_session() as s:
        partners = _region_partners(s, region)
        codes = {code for code, _n, _g in partners}
        rows = [
            t
            for t in s.scalars(
                select(Target).where(
                    Target.metric == metric,
                    Target.period.like(f"{year}%"),
                    Target.voided.is_(False),
                )
            )
            if (t.scope_kind == "region" and t.scope == region)
            or (t.scope_kind == "partner" and t.scope in codes)
        ]
        last_year = list(
            s.execute(
                select(Partner.code, Actual.period, func.sum(Actual.amount))
                .join(Partner, Partner.id == Actual.partner_id)
                .where(
                    Actual.metric == metric,
                    Actual.voided.is_(False),
                    Actual.period.like(f"{year - 1}-%"),
                    Partner.voided.is_(False),
                    Partner.district_code.like(f"{region}%"),
                )
                .group_by(Partner.code, Actual.period)
            )
        )
    return build_plan(
        metric,
        year,
        region,
        decimals_of(metrics[metric].unit),
        partners,
        [
            SavedTarget(t.period, t.scope_kind, t.scope, t.amount, t.overridden, t.source)
            for t in rows
        ],
        [(code, period, int(amount or 0)) for code, period, amount in last_year],
        HQ_SOURCE,
    )


def decompose_region_target(
    ctx: AppContext,
    metric: str,
    year: int,
    region: str,
    annual: int,
    partner_weights: dict[str, float] | None = None,
    month_overrides: dict[int, int] | None = None,
    seasonality: list[float] | None = None,
    cell_overrides: dict[tuple[str, int], int] | None = None,
    month_basis: str = "current",
    partner_basis: str = "current",
) -> Changes:
    """Write the region's year, quarter and month targets and each partner's monthly
    targets; months sum exactly to the year and partners exactly to the region.
    ``cell_overrides`` fixes (partner code, month) cells, the other partners of the month
    share the rest; those cells (and overridden months) are saved with ``overridden``.
    ``month_basis`` and ``partner_basis`` choose the shapes (see ``DecompositionPlan``);
    explicit ``seasonality`` or ``partner_weights`` take precedence. Targets published by
    HQ are never changed: a decomposition that would change one is refused."""
    if annual < 0 or any(v < 0 for v in (cell_overrides or {}).values()):
        raise ValidationError(tr("targets", "A target cannot be negative."))
    region = require_region_code(region)
    values = decomposition_values(
        decomposition_plan(ctx, metric, year, region),
        annual,
        partner_weights=partner_weights,
        month_overrides=month_overrides,
        seasonality=seasonality,
        cell_overrides=cell_overrides,
        month_basis=month_basis,
        partner_basis=partner_basis,
    )
    with ctx.session() as s:
        existing = {
            (t.period, t.scope_kind, t.scope): t
            for t in s.scalars(
                select(Target).where(Target.metric == metric, Target.period.like(f"{year}%"))
            )
        }
        refused = [
            (period, scope)
            for period, kind, scope, amount, _o in values
            if (row := existing.get((period, kind, scope))) is not None
            and row.source == HQ_SOURCE
            and (row.amount != amount or row.voided)
        ]
        if refused:
            period, scope = refused[0]
            raise UserError(
                tr(
                    "targets",
                    "The {metric} target for {scope} in {period} was published by HQ and cannot be changed here.",
                ).format(metric=metric, scope=scope, period=period)
            )
        for period, kind, scope, amount, overridden in values:
            row = existing.get((period, kind, scope))
            if row is None:
                s.add(
                    Target(
                        metric=metric,
                        period=period,
                        scope_kind=kind,
                        scope=scope,
                        amount=amount,
                        overridden=overridden,
                        source="local",
                    )
                )
            elif row.source != HQ_SOURCE and (row.amount, row.overridden, row.voided) != (
                amount,
                overridden,
                False,
            ):
                row.amount, row.overridden, row.voided = amount, overridden, False
        _void_dropped_partners(s, metric, year, region, existing, values)
    return Changes.of("target")


def _void_dropped_partners(
    s: Any,
    metric: str,
    year: int,
    region: str,
    existing: dict[tuple[str, str, str], Target],
    values: list[Any],
) -> None:
    """A decomposition replaces the region's partner targets of the year: the month
    targets of a partner in the region that this one leaves out (no longer active) are
    voided — tombstones, so the next bundle takes the removal to HQ. HQ's are HQ's."""
    kept = {(period, scope) for period, kind, scope, _a, _o in values if kind == "partner"}
    in_region = set(
        s.scalars(
            select(Partner.code).where(
                Partner.voided.is_(False), Partner.district_code.like(f"{region}%")
            )
        )
    )
    for (period, kind, scope), row in existing.items():
        if (
            kind == "partner"
            and len(period) == 7  # a partner's targets are monthly
            and scope in in_region
            and (period, scope) not in kept
            and row.source != HQ_SOURCE
            and not row.voided
        ):
            row.voided = True
            row.void_reason = f"decomposition:{metric}:{year}:{region}"
