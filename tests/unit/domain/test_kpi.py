"""KPI rules (issue 16): a partner lacking a weighted KPI has an incomplete score that
ranks after every complete one (two components at 100 no longer rank first); 渠道利用率
is the share of placed promotion materials that are installed."""

from __future__ import annotations

from app.domain import kpi

WEIGHTS = {
    "market_share": 0.25,
    "revenue": 0.25,
    "channel_utilisation": 0.15,
    "customer_satisfaction": 0.15,
    "visit_compliance": 0.10,
    "rectification_closure": 0.10,
}


def test_incomplete_scores_rank_after_complete_ones() -> None:
    full = {k: 70.0 for k in WEIGHTS}
    partial = {"visit_compliance": 100.0, "rectification_closure": 100.0}
    ranked = kpi.rank([kpi.result("PARTIAL", partial, WEIGHTS), kpi.result("FULL", full, WEIGHTS)])
    assert [(r.partner_code, r.rank, r.complete) for r in ranked] == [
        ("FULL", 1, True),
        ("PARTIAL", 2, False),
    ]
    assert ranked[1].score == 100.0 and set(ranked[1].missing) == {
        "market_share",
        "revenue",
        "channel_utilisation",
        "customer_satisfaction",
    }
    assert kpi.result("X", full, {**WEIGHTS, "unused": 0}).complete


def test_channel_utilisation_from_the_materials_ledger() -> None:
    assert kpi.utilisation(issued=10, installed=6, returned=2) == 75.0
    assert kpi.utilisation(issued=3, installed=5, returned=0) == 100.0
    assert kpi.utilisation(issued=2, installed=0, returned=2) is None
    assert kpi.utilisation(0, 0, 0) is None
