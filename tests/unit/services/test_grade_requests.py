"""Issue 15: the proper way to change a grade HQ owns. A manager's request with its reason
syncs up, HQ approves or refuses it, and HQ's down-bundle brings the decision and the
approved grade back; a device cannot decide its own request. SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import NotFoundError, UserError, ValidationError
from app.hq.grade_requests import decide, list_requests
from app.hq.publish import reference_data_for_publish
from app.hq.server import Hq
from app.services import partner_read
from app.services.grade_requests import grade_requests, request_grade_change
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from tests.unit.services.test_sync import hq, hq_url, make_laptop, pg_url, seed  # noqa: F401  (fixtures)
from tests.unit.services.test_sync_batching import _read_records
from tests.unit.services.test_sync_records_valid import _as_next
from tests.unit.sync.test_sync_hostile_records import _rebuild


def _sync(hq: Hq, ctx, tmp_path: Path, tag: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    assert (
        result := hq.ingest(export_bundle(ctx, tmp_path / f"{tag}.cdsync").path, tmp_path / "acks")
    ).status == "accepted", result.reason
    import_hq_bundle(
        ctx,
        hq.publish(ctx.device_id, tmp_path / f"{tag}-down.cdsync", reference_data_for_publish()),
    )


def test_a_grade_change_is_requested_decided_at_hq_and_published(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    _sync(hq, ctx, tmp_path, "first")
    p1, p2 = (
        partner_read.partner_detail(ctx, "P001").partner,
        partner_read.partner_detail(ctx, "P002").partner,
    )
    up = "A" if p1.grade != "A" else "B"
    down = "D" if p2.grade != "D" else "C"
    with pytest.raises(ValidationError):
        request_grade_change(ctx, "P001", up, "  ")
    with pytest.raises(ValidationError):
        request_grade_change(ctx, "P001", p1.grade, "same")
    _c, first = request_grade_change(ctx, "P001", up, "月销量翻倍")
    with pytest.raises(ValidationError, match="already waits"):
        request_grade_change(ctx, "P001", up, "again")
    _c, second = request_grade_change(ctx, "P002", down, "长期不进货")
    _sync(hq, ctx, tmp_path, "requests")
    pending = {r["id"]: r for r in list_requests(hq, "pending")}
    assert set(pending) == {first, second}
    assert (
        pending[first]["partner_code"] == "P001"
        and pending[first]["reason"] == "月销量翻倍"
        and pending[first]["requested_grade"] == up
    )
    assert decide(hq, first, True).grade == up
    with pytest.raises(UserError):
        decide(hq, second, False)  # a refusal says why
    decide(hq, second, False, "先整改")
    with pytest.raises(UserError, match="already decided"):
        decide(hq, first, False, "no")
    with pytest.raises(NotFoundError):
        decide(hq, "0190d6a8-0000-7000-8000-000000000000", True)
    assert not list_requests(hq, "pending")
    _sync(hq, ctx, tmp_path, "decided")
    assert partner_read.partner_detail(ctx, "P001").partner.grade == up
    assert partner_read.partner_detail(ctx, "P002").partner.grade == p2.grade
    mine = {r["id"]: r for r in grade_requests(ctx)}
    assert (
        mine[first]["status"] == "approved"
        and mine[second]["status"] == "refused"
        and mine[second]["decision_note"] == "先整改"
    )
    # the decisions stay HQ's: the next export sends nothing that undoes them
    _sync(hq, ctx, tmp_path, "again")
    assert {r["id"]: r["status"] for r in list_requests(hq)} == {
        first: "approved",
        second: "refused",
    }
    ctx.close()


def test_a_device_cannot_decide_its_own_request(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    grade = "A" if partner_read.partner_detail(ctx, "P001").partner.grade != "A" else "B"
    request_grade_change(ctx, "P001", grade, "理由")
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    records = _read_records(good)
    records["grade_request"][0]["data"]["status"] = "approved"
    forged = _as_next(
        _rebuild(good, tmp_path / "forged.cdsync", ctx, records),
        tmp_path / "forged2.cdsync",
        ctx,
        1,
    )
    before = hq.stats()
    result = hq.ingest(forged, tmp_path / "acks")
    assert result.status == "rejected" and "only HQ decides" in result.reason
    assert hq.stats() == before
    assert hq.ingest(good, tmp_path / "acks").status == "accepted"
    ctx.close()
