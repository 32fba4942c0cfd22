"""Target decomposition of one metric, year and region, the same on the laptop and at HQ:
the plan an editor starts from (``build_plan``, from the region's partners, the targets
saved so far and last year's actuals, whoever read them) and what saving it writes
(``decomposition_values``: year, quarters and months of the region, each partner's
months, all exact integer sums by ``app.domain.targets``)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from app.domain import targets as rules
from app.domain.regions import regions
from app.errors import ValidationError
from app.i18n import tr

REGION_RE = re.compile(r"^\d{2}(?:\d{2}){0,2}$")
MONTH_BASES = ("current", "seasonality", "last_year")  # how the year is split to months
PARTNER_BASES = ("current", "grade", "last_year")  # how a month is split to partners


class SavedTarget(NamedTuple):
    """A target saved so far, as the plan needs it."""

    period: str
    scope_kind: str
    scope: str
    amount: int
    overridden: bool
    source: str


class TargetValue(NamedTuple):
    """One target a decomposition writes."""

    period: str
    scope_kind: str
    scope: str
    amount: int
    overridden: bool


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
    partners: list[
        tuple[str, str, str]
    ]  # code, name, grade (active partners of the region, by code)
    weights: list[float]  # grade weights, aligned with partners
    annual: int | None  # the region's current annual target, if any
    month_totals: list[int] | None  # the region's current month targets, when all 12 exist
    overrides: dict[tuple[str, int], int]  # (partner code, month 1..12) → amount overridden by hand
    month_overrides: dict[int, int]  # month 1..12 → region month total overridden by hand
    annual_locked: bool  # HQ published the region's annual target
    months_locked: bool  # HQ published the region's quarter or month targets
    locked: bool  # HQ published partner targets of this decomposition: nothing can be saved
    current: list[list[int]] | None = None  # saved partner × month values, when complete
    last_year_months: list[int] = field(
        default_factory=lambda: [0] * 12
    )  # region's actuals per month, year - 1
    last_year_partners: list[int] = field(
        default_factory=list
    )  # each partner's actuals of year - 1

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

    def months(
        self, annual: int, month_overrides: dict[int, int] | None = None, basis: str = "current"
    ) -> list[int]:
        """Month totals for ``annual``: overridden months fixed, the others share the rest by
        the basis's shape. Raises ``ValidationError`` when the overrides do not fit."""
        try:
            return rules.split_with_overrides(
                annual,
                self.month_shape(basis),
                {m - 1: v for m, v in (month_overrides or {}).items()},
            )
        except ValueError as exc:
            raise ValidationError(
                tr(
                    "targets",
                    "The overridden months do not fit the annual target: together they must not exceed it, "
                    "and when all twelve are set they must add up to it.",
                )
            ) from exc

    def grid(
        self,
        annual: int,
        overrides: dict[tuple[str, int], int],
        month_overrides: dict[int, int] | None = None,
        month_basis: str = "current",
        partner_basis: str = "current",
    ) -> list[list[int]]:
        """Partners × 12 months; raises ``ValidationError`` when overrides do not fit."""
        return self.grid_for(
            self.months(annual, month_overrides, month_basis),
            self.partner_weights(partner_basis),
            overrides,
        )

    def grid_for(
        self,
        months: list[int],
        month_weights: list[list[float]],
        overrides: dict[tuple[str, int], int],
    ) -> list[list[int]]:
        index = {code: i for i, (code, _n, _g) in enumerate(self.partners)}
        try:
            return rules.decompose_grid(
                months,
                self.weights,
                {(index[c], m - 1): v for (c, m), v in overrides.items() if c in index},
                month_weights=month_weights,
            )
        except ValueError as exc:
            month = exc.args[0] if exc.args and isinstance(exc.args[0], int) else 0
            raise ValidationError(
                tr(
                    "targets",
                    "The overridden cells of {period} add up to more than the month's target.",
                ).format(period=f"{self.year}-{month:02d}")
            ) from exc


def require_region_code(code: str) -> str:
    """A region target's scope in its shortest form (``320100`` → ``3201``); refused unless
    it is a real province, city or district code (GB/T 2260, ``app.domain.regions``)."""
    if not REGION_RE.match(code or ""):
        raise ValidationError(
            tr("targets", "Not a region code (2, 4 or 6 digits): {value}.").format(
                value=code or "—"
            )
        )
    short = regions().normalise(code)
    if short is None:
        raise ValidationError(
            tr(
                "targets", "Unknown region code {value}: no such province, city or district."
            ).format(value=code)
        )
    return short


def build_plan(
    metric: str,
    year: int,
    region: str,
    decimals: int,
    partners: list[tuple[str, str, str]],
    saved: Iterable[SavedTarget],
    last_year: Iterable[tuple[str, str, int]],
    locked_source: str | None,
) -> DecompositionPlan:
    """The plan of ``metric``, ``year`` and ``region``: ``partners`` (code, name, grade;
    the region's active ones by code), the targets ``saved`` of that year for the region
    and those partners, ``last_year`` (partner code, month ``YYYY-MM``, amount) actuals of
    the year before. Targets whose source is ``locked_source`` (HQ's, on a laptop) lock
    what they cover; None locks nothing (HQ decomposes its own)."""
    rows = list(saved)
    last_year_months = [0] * 12
    last_year_by_partner: dict[str, int] = defaultdict(int)
    for code, period, amount in last_year:
        if len(period) == 7 and period[5:].isdigit() and 1 <= int(period[5:]) <= 12:
            last_year_months[int(period[5:]) - 1] += int(amount or 0)
            last_year_by_partner[code] += int(amount or 0)
    by_partner = {(t.scope, t.period): t.amount for t in rows if t.scope_kind == "partner"}
    annual_row = next((t for t in rows if t.scope_kind == "region" and t.period == str(year)), None)
    region_months = {
        t.period: t.amount
        for t in rows
        if t.scope_kind == "region" and len(t.period) == 7 and "Q" not in t.period
    }
    periods = [f"{year}-{m:02d}" for m in range(1, 13)]

    def locks(t: SavedTarget) -> bool:
        return locked_source is not None and t.source == locked_source

    return DecompositionPlan(
        metric=metric,
        year=year,
        region=region,
        decimals=decimals,
        partners=partners,
        weights=[float(rules.GRADE_WEIGHTS.get(grade, 1)) for _c, _n, grade in partners],
        annual=annual_row.amount if annual_row else None,
        month_totals=[region_months[p] for p in periods]
        if all(p in region_months for p in periods)
        else None,
        overrides={
            (t.scope, int(t.period[5:])): t.amount
            for t in rows
            if t.scope_kind == "partner" and t.overridden and len(t.period) == 7
        },
        month_overrides={
            int(t.period[5:]): t.amount
            for t in rows
            if t.scope_kind == "region" and t.overridden and t.period in periods
        },
        annual_locked=annual_row is not None and locks(annual_row),
        months_locked=any(
            locks(t) for t in rows if t.scope_kind == "region" and t.period != str(year)
        ),
        locked=any(locks(t) for t in rows if t.scope_kind == "partner"),
        current=[[by_partner[(code, p)] for p in periods] for code, _n, _g in partners]
        if partners and all((code, p) in by_partner for code, _n, _g in partners for p in periods)
        else None,
        last_year_months=last_year_months,
        last_year_partners=[last_year_by_partner.get(code, 0) for code, _n, _g in partners],
    )


def decomposition_values(
    plan: DecompositionPlan,
    annual: int,
    partner_weights: dict[str, float] | None = None,
    month_overrides: dict[int, int] | None = None,
    seasonality: list[float] | None = None,
    cell_overrides: dict[tuple[str, int], int] | None = None,
    month_basis: str = "current",
    partner_basis: str = "current",
) -> list[TargetValue]:
    """What saving ``plan`` with ``annual`` writes: the region's year, quarters and
    months (months sum exactly to the year) and each partner's months (partners sum
    exactly to the month). ``cell_overrides`` fixes (partner code, month) cells, the
    other partners of the month share the rest; those cells (and overridden months) are
    marked ``overridden``. ``month_basis`` and ``partner_basis`` choose the shapes (see
    ``DecompositionPlan``); explicit ``seasonality`` or ``partner_weights`` take
    precedence. Raises ``ValidationError`` (translated) when something does not fit."""
    if annual < 0 or any(v < 0 for v in (cell_overrides or {}).values()):
        raise ValidationError(tr("targets", "A target cannot be negative."))
    if month_basis not in MONTH_BASES or partner_basis not in PARTNER_BASES:
        raise ValidationError(
            tr("targets", "Unknown decomposition basis {basis}.").format(
                basis=month_basis if month_basis not in MONTH_BASES else partner_basis
            )
        )
    if seasonality is None:
        months = plan.months(annual, month_overrides, month_basis)
    else:
        try:
            months = rules.split_with_overrides(
                annual,
                seasonality or list(rules.DEFAULT_SEASONALITY),
                {m - 1: v for m, v in (month_overrides or {}).items()},
            )
        except ValueError as exc:
            raise ValidationError(
                tr(
                    "targets", "The monthly overrides do not fit the annual target ({error})."
                ).format(error=exc)
            ) from exc
    partners = plan.partners
    if partner_weights is not None:
        weights = [
            float(partner_weights.get(code, w))
            for (code, _n, _g), w in zip(partners, plan.weights, strict=True)
        ]
        month_weights = [weights for _m in range(12)]
    else:
        month_weights = plan.partner_weights(partner_basis)
    index = {code: i for i, (code, _n, _g) in enumerate(partners)}
    grid = plan.grid_for(months, month_weights, cell_overrides or {})
    overridden_cells = {(c, m) for (c, m) in (cell_overrides or {}) if c in index}
    month_overridden = set(month_overrides or {})
    year, region = plan.year, plan.region
    values = [TargetValue(str(year), "region", region, annual, False)]
    values += [
        TargetValue(f"{year}-Q{q + 1}", "region", region, v, False)
        for q, v in enumerate(rules.quarters_from_months(months))
    ]
    for m, month_total in enumerate(months, start=1):
        period = f"{year}-{m:02d}"
        values.append(TargetValue(period, "region", region, month_total, m in month_overridden))
        for (code, _n, _g), row in zip(partners, grid, strict=True):
            values.append(
                TargetValue(period, "partner", code, row[m - 1], (code, m) in overridden_cells)
            )
    return values
