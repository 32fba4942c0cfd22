"""HQ's decomposition of the company's targets: a region's annual target of one metric
split to quarters, months and the region's active partners with the laptop's exact
arithmetic (``app.domain.decomposition``), from the partners and actuals HQ holds, and
saved as HQ's own targets, which ``hq publish`` sends to every laptop (where they are
HQ's: read-only). A manager's own decomposition never takes part: HQ's plan reads only
HQ's targets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.domain.decomposition import (
    DecompositionPlan,
    SavedTarget,
    build_plan,
    decomposition_values,
    require_region_code,
)
from app.domain.reference import DEFAULT_METRICS
from app.domain.targets import decimals_of
from app.entities import Changes
from app.errors import ValidationError
from app.hq.authoring import stable_id, write_own_records
from app.hq.publish import HQ_BUNDLE, own_targets
from app.hq.record_query import field as json_field
from app.i18n import tr
from db.hq.models import Record

if TYPE_CHECKING:
    from app.hq.server import Hq


def metric_choices() -> list[tuple[str, str]]:
    """(code, name) of the target metrics, by code."""
    return sorted((code, name) for code, name, _unit in DEFAULT_METRICS)


def _decimals(metric: str) -> int:
    units = {code: unit for code, _name, unit in DEFAULT_METRICS}
    if metric not in units:
        raise ValidationError(tr("targets", "Unknown metric {metric}.").format(metric=metric))
    return decimals_of(units[metric])


def _active_partners(s: Any) -> list[dict[str, Any]]:
    return [
        rec.data
        for rec in s.scalars(
            select(Record).where(
                Record.entity == "partner",
                Record.voided.is_(False),
                json_field("status") == "active",
            )
        )
    ]


def region_choices(hq: Hq) -> list[str]:
    """Regions HQ can decompose for: the 4- and 6-digit regions of the active partners
    it holds, by code."""
    with hq.sessions() as s:
        districts = {str(d.get("district_code") or "") for d in _active_partners(s)}
    return sorted({code[:n] for code in districts for n in (4, 6) if len(code) >= n})


def hq_decomposition_plan(hq: Hq, metric: str, year: int, region: str) -> DecompositionPlan:
    """The plan of ``metric``, ``year`` and ``region`` at HQ: the region's active partners
    HQ holds, HQ's targets saved so far (nothing is locked: they are HQ's), last year's
    actuals the laptops sent."""
    decimals = _decimals(metric)
    region = require_region_code(region)
    with hq.sessions() as s:
        found = sorted(
            (str(d["code"]), str(d.get("name") or ""), str(d.get("grade") or ""), str(pid))
            for pid, d in (
                (rec.id, rec.data)
                for rec in s.scalars(
                    select(Record).where(
                        Record.entity == "partner",
                        Record.voided.is_(False),
                        json_field("status") == "active",
                        json_field("district_code").like(f"{region}%"),
                    )
                )
            )
        )
        partners = [(code, name, grade) for code, name, grade, _id in found]
        ids = {pid: code for code, _n, _g, pid in found}
        codes = set(ids.values())
        saved = [
            SavedTarget(
                str(d["period"]),
                str(d["scope_kind"]),
                str(d["scope"]),
                int(d["amount"]),
                bool(d.get("overridden")),
                HQ_BUNDLE,
            )
            for d in (
                rec.data
                for rec in s.scalars(
                    own_targets().where(
                        Record.voided.is_(False),
                        json_field("metric") == metric,
                        json_field("period").like(f"{year}%"),
                    )
                )
            )
            if (d["scope_kind"] == "region" and d["scope"] == region)
            or (d["scope_kind"] == "partner" and d["scope"] in codes)
        ]
        last_year = [
            (ids[str(d["partner_id"])], str(d["period"]), int(d.get("amount") or 0))
            for d in (
                rec.data
                for rec in s.scalars(
                    select(Record).where(
                        Record.entity == "actual",
                        Record.voided.is_(False),
                        json_field("metric") == metric,
                        json_field("period").like(f"{year - 1}-%"),
                    )
                )
            )
            if str(d.get("partner_id")) in ids
        ]
    return build_plan(metric, year, region, decimals, partners, saved, last_year, None)


@dataclass(frozen=True)
class HqDecomposed:
    """What saving a decomposition at HQ did (``to_json``: targets ``written``, new or
    changed, ``unchanged`` and ``voided``) and its change, announced by the UI's op
    runner."""

    written: int
    unchanged: int
    voided: int
    changes: Changes

    def to_json(self) -> dict[str, int]:
        return {"written": self.written, "unchanged": self.unchanged, "voided": self.voided}


def hq_decompose(
    hq: Hq,
    metric: str,
    year: int,
    region: str,
    annual: int,
    month_overrides: dict[int, int] | None = None,
    cell_overrides: dict[tuple[str, int], int] | None = None,
    month_basis: str = "current",
    partner_basis: str = "current",
) -> HqDecomposed:
    """Save the decomposition as HQ's targets (the region's year, quarters and months,
    each partner's months; sums exact), published with the next down-bundles. Returns
    ``written`` (targets new or changed) and ``unchanged``."""
    if annual < 0 or any(v < 0 for v in (cell_overrides or {}).values()):
        raise ValidationError(tr("targets", "A target cannot be negative."))
    region = require_region_code(region)
    plan = hq_decomposition_plan(hq, metric, year, region)
    values = decomposition_values(
        plan,
        annual,
        month_overrides=month_overrides,
        cell_overrides=cell_overrides,
        month_basis=month_basis,
        partner_basis=partner_basis,
    )
    with hq.sessions() as s:
        existing = {
            rec.id: rec.data
            for rec in s.scalars(
                own_targets().where(
                    Record.voided.is_(False),
                    json_field("metric") == metric,
                    json_field("period").like(f"{year}%"),
                )
            )
        }
    kept: set[str] = set()
    rows: list[tuple[str, dict[str, Any]]] = []
    for v in values:
        rid = stable_id("target", metric, v.period, v.scope_kind, v.scope)
        data = {
            "metric": metric,
            "period": v.period,
            "scope_kind": v.scope_kind,
            "scope": v.scope,
            "amount": v.amount,
            "overridden": v.overridden,
        }
        kept.add(rid)
        old = existing.get(rid)
        if (
            old is None
            or old.get("amount") != v.amount
            or bool(old.get("overridden")) != v.overridden
        ):
            rows.append((rid, data))
    dropped = _dropped_partner_targets(hq, region, existing, kept)
    if rows or dropped:
        with hq.sessions.begin() as s:
            write_own_records(hq, s, "target", rows)
            write_own_records(hq, s, "target", dropped, voided=True)
    return HqDecomposed(len(rows), len(values) - len(rows), len(dropped), Changes.of("record"))


def _dropped_partner_targets(
    hq: Hq, region: str, existing: dict[str, dict[str, Any]], kept: set[str]
) -> list[tuple[str, dict[str, Any]]]:
    """HQ's month targets of partners in ``region`` (whatever their status now) that the
    new decomposition leaves out: a decomposition replaces the region's partner set, so
    these become tombstones, which the next ``hq publish`` takes to the laptops."""
    with hq.sessions() as s:
        in_region = {
            str(rec.data.get("code"))
            for rec in s.scalars(
                select(Record).where(
                    Record.entity == "partner",
                    Record.voided.is_(False),
                    json_field("district_code").like(f"{region}%"),
                )
            )
        }
    return [
        (rid, {**data, "void_reason": "decomposition"})
        for rid, data in existing.items()
        if rid not in kept
        and data.get("scope_kind") == "partner"
        and len(str(data.get("period"))) == 7
        and data.get("scope") in in_region
    ]
