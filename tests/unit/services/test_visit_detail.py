"""``VisitDetail`` (issue 17): one visit read once as typed values — moments are aware UTC
datetimes, deadlines dates, answers parsed — and its ``as_json`` is what ``visit_detail``
(``visits show --json``) gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from app.domain.visit_detail import VisitDetail, iso_utc
from app.services import visits
from app.services.visit_read import read_visit
from tests.unit.services.test_amendments import sealed_visit


def test_a_visit_reads_as_typed_values(ctx: Any, tmp_path: Path) -> None:
    visit_id = sealed_visit(ctx, tmp_path, {"signage": "no"})
    visits.amend(ctx, visit_id, "录入错误", {"cleanliness": "5"})
    detail = read_visit(ctx, visit_id)
    assert isinstance(detail, VisitDetail) and not detail.is_draft
    assert detail.started_at is not None and detail.started_at.tzinfo is not None
    finding = next(f for f in detail.findings if f.item_key == "signage")
    assert finding.rectification is not None
    assert isinstance(finding.rectification.deadline, dt.date)
    cleanliness = next(i for i in detail.items if i.key == "cleanliness")
    assert (cleanliness.answer, cleanliness.maximum) == (5, 5)
    assert detail.amendments[-1].changes == {"cleanliness": 5}
    assert detail.as_json() == visits.visit_detail(ctx, visit_id)
    assert detail.as_json()["started_at"] == iso_utc(detail.started_at)


def test_missing_required_lists_unanswered_items_in_order(ctx: Any, tmp_path: Path) -> None:
    sealed_visit(ctx, tmp_path)  # imports the partner
    draft = visits.new_visit(ctx, "P001")
    visits.answer(ctx, draft, "cleanliness", "4")
    missing = read_visit(ctx, draft).missing_required()
    assert missing[0] == "signage" and "cleanliness" not in missing
    assert "lighting" not in missing  # not required
