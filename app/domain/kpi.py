"""KPI scorecard (002): each KPI scored 0–100, combined with configurable weights into a
monthly score; partners ranked by it (ties by code, so ranks are deterministic). A partner
for whom a weighted KPI cannot be computed gets an incomplete score (the weighted mean of
the KPIs it has, with the missing ones named) and ranks after every complete score."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class KpiResult:
    partner_code: str
    components: dict[str, float]
    score: float
    rank: int = 0
    missing: tuple[str, ...] = ()  # weighted KPIs that could not be computed

    @property
    def complete(self) -> bool:
        return not self.missing


def clamp_pct(value: float) -> float:
    return max(0.0, min(100.0, value))


def weighted_score(components: dict[str, float], weights: Mapping[str, float]) -> float:
    """Weighted mean of the components that exist (weights of missing KPIs are ignored)."""
    used = {k: w for k, w in weights.items() if k in components and w > 0}
    total = sum(used.values())
    if total == 0:
        return 0.0
    return round(sum(components[k] * w for k, w in used.items()) / total, 1)


def result(
    partner_code: str, components: dict[str, float], weights: Mapping[str, float]
) -> KpiResult:
    """A partner's score with the weighted KPIs it lacks named (incomplete when any)."""
    missing = tuple(k for k, w in weights.items() if w > 0 and k not in components)
    return KpiResult(partner_code, components, weighted_score(components, weights), 0, missing)


def rank(results: list[KpiResult]) -> list[KpiResult]:
    """Complete scores first (highest first), then incomplete ones; ties by code."""
    ordered = sorted(results, key=lambda r: (bool(r.missing), -r.score, r.partner_code))
    return [
        KpiResult(r.partner_code, r.components, r.score, i + 1, r.missing)
        for i, r in enumerate(ordered)
    ]


def utilisation(issued: int, installed: int, returned: int) -> float | None:
    """渠道（资源）利用率: the share of the promotion materials placed with the channel and
    kept there (issued − returned) that it put to use (installed), in percent; None when
    nothing is placed with it."""
    placed = issued - returned
    if placed <= 0:
        return None
    return clamp_pct(100.0 * installed / placed)
