"""Lifecycle 开停并转 is the only way a status changes (issue 16): a merge moves contacts,
open orders, materials, targets (amounts of the same metric and period added, recorded in
the event) and complaints to the survivor in one transaction; the card refuses a status
edit; the history lists every event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.services import (
    lifecycle,
    partner_edit,
    partner_io,
    partner_read,
    partner_records,
    targets,
    visits,
)

CSV = "code,name,grade,region\nP1,甲店,A,310115\nP2,乙店,B,310115\n"


@pytest.fixture
def seeded(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, tmp_path / "p.csv")
    return ctx


def test_merge_adds_targets_of_the_same_metric_and_period_and_moves_the_rest(seeded) -> None:  # type: ignore[no-untyped-def]
    targets.set_target(seeded, "revenue", "2026-03", "partner", "P1", "1000")
    targets.set_target(seeded, "revenue", "2026-03", "partner", "P2", "500")
    targets.set_target(seeded, "revenue", "2026-04", "partner", "P1", "700")
    partner_records.save_contact(seeded, "P1", "王小明", "13800138000", is_primary=True)
    partner_records.save_contact(seeded, "P2", "李四", "13900139000", is_primary=True)
    partner_records.add_complaint(seeded, "P1", dt.date(2026, 3, 2), "服务态度差")
    visit_id = visits.new_visit(seeded, "P1")
    visits.add_finding(seeded, visit_id, "价签缺失")
    lifecycle.record_lifecycle_event(seeded, "P1", "merge", "业务整合", survivor="P2")
    with seeded.read_session() as s:
        from sqlalchemy import select

        from db.models import Complaint, Contact, Partner, Target

        p2 = s.scalar(select(Partner.id).where(Partner.code == "P2"))
        live = {
            (t.metric, t.period, t.scope): t.amount
            for t in s.scalars(select(Target).where(Target.voided.is_(False)))
        }
        assert live == {("revenue", "2026-03", "P2"): 150000, ("revenue", "2026-04", "P2"): 70000}
        assert {c.name: (c.partner_id == p2, c.is_primary) for c in s.scalars(select(Contact))} == {
            "王小明": (True, False),
            "李四": (True, True),
        }
        assert [c.partner_id for c in s.scalars(select(Complaint))] == [p2]
    assert [r["partner_code"] for r in visits.rectification_orders(seeded)] == ["P2"]
    (opened, event) = lifecycle.lifecycle_history(seeded, "P1")  # "open" from the import
    assert (opened["event"], opened["to_status"]) == ("open", "active")
    assert (event["event"], event["from_status"], event["to_status"], event["survivor_code"]) == (
        "merge",
        "active",
        "merged",
        "P2",
    )
    assert event["details"]["targets_added"] == [
        {
            "metric": "revenue",
            "period": "2026-03",
            "added": 50000 * 2,
            "before": 50000,
            "after": 150000,
        }
    ]
    assert (
        event["details"]["contacts"] == 1
        and event["details"]["complaints"] == 1
        and event["details"]["targets_moved"] == 1
    )


def test_status_changes_only_through_lifecycle(seeded) -> None:  # type: ignore[no-untyped-def]
    card = partner_read.partner_detail(seeded, "P1").partner
    data = partner_edit.input_from_partner(card)
    data.status = "terminated"
    with pytest.raises(ValidationError, match="lifecycle"):
        partner_edit.save_partner(seeded, data, card.id)
    with pytest.raises(ValidationError, match="lifecycle"):
        partner_edit.save_partner(
            seeded, partner_edit.PartnerInput(code="P9", name="新店", status="suspended")
        )
    assert partner_read.partner_detail(seeded, "P1").partner.status == "active"
    lifecycle.record_lifecycle_event(seeded, "P1", "suspend", "停业整顿")
    lifecycle.record_lifecycle_event(seeded, "P1", "resume", "整顿完成")
    lifecycle.record_lifecycle_event(seeded, "P1", "transfer", "区域调整", to_manager="钱七")
    history = lifecycle.lifecycle_history(seeded, "P1")
    assert [(h["event"], h["from_status"], h["to_status"]) for h in history] == [
        ("open", None, "active"),  # recorded by the import
        ("suspend", "active", "suspended"),
        ("resume", "suspended", "active"),
        ("transfer", "active", "active"),
    ]
    assert all(h["at"].endswith("Z") and h["reason"] for h in history)
