"""HQ's read model of inspections: ``hq visits list/show`` give what the laptop's own
``visits list/show`` give for the same visits (amended answers and scores, evidence),
and ``hq verify`` finds the sealed visit of a printed report's content hash, on SQLite
and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import NotFoundError, ValidationError
from app.hq import read_models
from app.hq.server import Hq
from app.services import visits
from app.services.amendments import amend
from app.services.sync import export_bundle
from tests.unit.services import test_sync
from tests.unit.services.test_sync import make_laptop, seed

pg_url, hq_url, hq = (
    test_sync.pg_url,
    test_sync.hq_url,
    test_sync.hq,
)  # the HQ fixtures, on SQLite and PostgreSQL


def _synced(hq: Hq, tmp_path: Path):  # type: ignore[no-untyped-def]
    ctx = make_laptop(tmp_path, "lap", hq)
    visit_id = seed(ctx, tmp_path)
    amend(ctx, visit_id, "typo", {"signage": "no"})
    bundle = export_bundle(ctx, tmp_path / "b1.cdsync")
    assert hq.ingest(bundle.path, tmp_path).status == "accepted"
    return ctx, visit_id


def test_hq_lists_and_shows_visits_as_the_laptop_does(hq: Hq, tmp_path: Path) -> None:
    ctx, visit_id = _synced(hq, tmp_path)
    month = dt.date.today().strftime("%Y-%m")
    sealed = visits.list_visits(ctx, month, status="submitted")  # drafts stay on the laptop
    assert sealed and read_models.list_visits(hq, month=month) == sealed
    assert read_models.list_visits(hq) == visits.list_visits(ctx, status="submitted")
    laptop = visits.visit_detail(ctx, visit_id)
    at_hq = read_models.visit_detail(hq, visit_id)
    assert at_hq == laptop
    assert at_hq["score"] != at_hq["sealed_score"] or at_hq["amendments"]  # the amendment counts
    device = ctx.device_id
    assert [r["id"] for r in read_models.list_visits(hq, device_id=device)] == [
        r["id"] for r in sealed
    ]
    assert read_models.list_visits(hq, month="2001-01") == []
    with pytest.raises(NotFoundError):
        read_models.list_visits(hq, device_id="no-such-device")
    with pytest.raises(ValidationError):
        read_models.list_visits(hq, month="2026-13")
    with pytest.raises(NotFoundError):
        read_models.visit_detail(hq, "no-such-visit")
    ctx.close()


def test_verify_finds_the_sealed_visit_and_refuses_a_forgery(hq: Hq, tmp_path: Path) -> None:
    ctx, visit_id = _synced(hq, tmp_path)
    detail = visits.visit_detail(ctx, visit_id)
    found = read_models.verify(hq, detail["content_hash"].upper())
    assert found["id"] == visit_id and found["partner_code"] == detail["partner_code"]
    assert found["date"] == dt.date.today().isoformat() and found["amendment_id"] is None
    amended = read_models.verify(hq, detail["amendments"][0]["content_hash"])
    assert amended["id"] == visit_id and amended["amendment_id"] == detail["amendments"][0]["id"]
    forged = "0" * 64
    with pytest.raises(NotFoundError):
        read_models.verify(hq, forged)
    with pytest.raises(ValidationError):
        read_models.verify(hq, "not-a-hash")
    ctx.close()


def test_hq_checks_a_partner_without_coordinates_against_its_district(
    hq: Hq, tmp_path: Path
) -> None:
    """HQ's visit detail shows the photo warnings the laptop shows: a partner without
    coordinates is checked against its district's centre (docs/domain.md); HQ used to
    skip the place check for it (its own copy of the rule)."""
    from app.services import partner_io
    from tests.unit.services.test_evidence import BEIJING, jpeg, now_stamp
    from tests.unit.services.test_partners_and_visits import _answer_all

    ctx = make_laptop(tmp_path, "lap", hq)
    (tmp_path / "p.csv").write_text(
        "code,name,grade,region\nN1,无坐标店,A,310115\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, tmp_path / "p.csv")
    visit_id = visits.new_visit(ctx, "N1")
    near = jpeg(tmp_path / "near.jpg", *now_stamp(), place=(31.20, 121.60))
    far = jpeg(tmp_path / "far.jpg", *now_stamp(), place=BEIJING, color=(0, 200, 0))
    (far_sha,) = [p.sha256 for p in visits.attach_photos(ctx, visit_id, [far])]
    _answer_all(ctx, visit_id, near)
    visits.submit(ctx, visit_id)
    laptop = visits.visit_detail(ctx, visit_id)["evidence"]
    assert ("photo_place", far_sha) in {(e["kind"], e["sha256"]) for e in laptop}
    assert hq.ingest(export_bundle(ctx, tmp_path / "b.cdsync").path, tmp_path).status == "accepted"
    assert read_models.visit_detail(hq, visit_id)["evidence"] == laptop
    ctx.close()
