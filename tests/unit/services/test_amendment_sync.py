"""An amendment after the sealed visit reached HQ syncs without touching the sealed rows
(HQ accepts it), and HQ's consolidated report reads the amended score; the photo
evidence warnings recorded at submit reach HQ too (issue 16)."""

from __future__ import annotations

from pathlib import Path

from app.hq.reports import hq_month_data
from app.hq.server import Hq
from app.services import visits
from app.services.sync import apply_ack, export_bundle
from tests.unit.services.test_sync import make_laptop, seed


def test_amendment_after_sync_is_accepted_and_hq_reads_the_amended_score(tmp_path: Path) -> None:
    (tmp_path / "hq").mkdir()
    hq = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    hq.init()
    ctx = make_laptop(tmp_path, "lap", hq)
    try:
        visit_id = seed(ctx, tmp_path)
        first = export_bundle(ctx, tmp_path / "b1.cdsync")
        result = hq.ingest(first.path, tmp_path)
        assert result.status == "accepted", result.reason
        apply_ack(ctx, result.ack_path)
        sealed = visits.visit_detail(ctx, visit_id)
        visits.amend(ctx, visit_id, "录入错误", {"signage": "no", "cleanliness": "0"})
        amended = visits.visit_detail(ctx, visit_id)["score"]
        assert amended != sealed["score"]
        second = export_bundle(ctx, tmp_path / "b2.cdsync")
        assert "visit" not in second.counts and second.counts["visit_amendment"] == 1
        again = hq.ingest(second.path, tmp_path)
        assert again.status == "accepted", again.reason
        month = sealed["started_at"][:7]
        figures = hq_month_data(hq, month).tables[0].rows
        assert figures[0][3] == f"{amended:.1f}"
        warnings = [r.data for r in hq.records("partner_warning")]
        assert all(w["source"] == "evidence" for w in warnings)
    finally:
        ctx.close()
        hq.close()
