"""KPI scorecard (002): each KPI scored 0–100, combined with configurable weights into a
monthly score; partners ranked by it (ties by code, so ranks are deterministic)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KpiResult:
    partner_code: str
    components: dict[str, float]
    score: float
    rank: int = 0


def clamp_pct(value: float) -> float:
    return max(0.0, min(100.0, value))


def weighted_score(components: dict[str, float], weights: dict[str, float]) -> float:
    """Weighted mean of the components that exist (weights of missing KPIs are ignored)."""
    used = {k: w for k, w in weights.items() if k in components and w > 0}
    total = sum(used.values())
    if total == 0:
        return 0.0
    return round(sum(components[k] * w for k, w in used.items()) / total, 1)


def rank(results: list[KpiResult]) -> list[KpiResult]:
    ordered = sorted(results, key=lambda r: (-r.score, r.partner_code))
    return [KpiResult(r.partner_code, r.components, r.score, i + 1) for i, r in enumerate(ordered)]
