"""The KPI scorecard (issue 16): a partner whose weighted KPIs cannot all be computed is
shown as incomplete and ranked after complete ones; 渠道利用率 comes from the materials
ledger; customer satisfaction from complaint follow-ups and a visit item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import update

from app.services import complaints, kpi, materials, partner_io
from db.models import FrequencyRule, KpiDefinition


def test_incomplete_partner_ranks_after_complete_one_and_components_come_from_our_data(
    ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "p.csv").write_text(
        "code,name,grade,region\nFULL,完整店,D,310115\nPART,残缺店,C,310115\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, tmp_path / "p.csv")
    with (
        ctx.session() as s
    ):  # this month weighs what the test can give: utilisation, satisfaction, visit compliance
        s.execute(
            update(KpiDefinition)
            .where(KpiDefinition.code.in_(("market_share", "revenue", "rectification_closure")))
            .values(weight=0)
        )
        s.execute(
            update(FrequencyRule).where(FrequencyRule.grade == "C").values(min_visits=0)
        )  # PART's visit compliance: 100
    today = dt.date.today()
    materials.record_material_entry(ctx, "FULL", "海报", "issued", 10, today)
    materials.record_material_entry(ctx, "FULL", "海报", "returned", 2, today)
    materials.record_material_entry(ctx, "FULL", "海报", "installed", 6, today)
    complaint = complaints.new_complaint(ctx, "FULL", "等待时间太长").id
    complaints.advance_complaint(ctx, complaint, "resolved", "已致歉", satisfaction=4)
    scores = {r.partner_code: r for r in kpi.kpi_scorecard(ctx, today.strftime("%Y-%m"))}
    full, part = scores["FULL"], scores["PART"]
    assert (
        full.components["channel_utilisation"] == 75.0
        and full.components["customer_satisfaction"] == 80.0
    )
    assert (
        full.complete
        and not part.complete
        and set(part.missing) == {"channel_utilisation", "customer_satisfaction"}
    )
    assert part.score == 100.0 > full.score  # one component at 100 reads higher…
    assert (full.rank, part.rank) == (1, 2)  # …but never ranks above a complete score


def test_satisfaction_from_a_visit_item_as_amended(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services import visits
    from db.models import ChecklistTemplate

    (tmp_path / "p.csv").write_text(
        "code,name,grade,region\nS1,满意店,A,310115\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, tmp_path / "p.csv")
    body = {
        "name": "survey",
        "version": 1,
        "sections": [
            {
                "key": "service",
                "title": "服务",
                "items": [
                    {
                        "key": "customer_satisfaction",
                        "label": "顾客满意度（1–5）",
                        "kind": "number",
                        "min": 1,
                        "max": 5,
                        "required": True,
                        "weight": 0,
                    }
                ],
            }
        ],
    }
    with ctx.session() as s:
        s.add(
            ChecklistTemplate(name="survey", version=1, title="满意度抽访", body=body, source="hq")
        )
    visit_id = visits.new_visit(ctx, "S1", "survey")
    visits.answer(ctx, visit_id, "customer_satisfaction", "5")
    visits.submit(ctx, visit_id)
    month = dt.date.today().strftime("%Y-%m")
    assert (
        next(
            r for r in kpi.kpi_scorecard(ctx, month, save=False) if r.partner_code == "S1"
        ).components["customer_satisfaction"]
        == 100.0
    )
    visits.amend(ctx, visit_id, "顾客改口", {"customer_satisfaction": "3"})
    assert (
        next(
            r for r in kpi.kpi_scorecard(ctx, month, save=False) if r.partner_code == "S1"
        ).components["customer_satisfaction"]
        == 60.0
    )
