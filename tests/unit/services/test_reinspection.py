"""Re-inspection verifies rectification orders one by one (issue 16): each open order is
an item keyed by its id, answered passed or failed; a passed order is verified with its
before and after photos side by side in the report, a failed one stays open; suspended
partners can be re-inspected (only re-inspected). ``attach-photo --item`` answers the item."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.errors import UserError, ValidationError
from app.services import lifecycle, partner_io, reports, visits
from tests.conftest import EXIF_DIR

CSV = "code,name,grade,region\nP001,浦东金桥店,A,310115\n"
PHOTOS = sorted(EXIF_DIR.glob("Landscape_*.jpg"))


@pytest.fixture
def seeded(ctx, tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, tmp_path / "p.csv")
    return ctx


def visit_with_findings(ctx: Any, count: int) -> list[str]:
    visit_id = visits.new_visit(ctx, "P001")
    for n in range(count):
        visits.add_finding(ctx, visit_id, f"问题{n}", before_photo=None)
    return [r["id"] for r in visits.rectification_orders(ctx, "P001")]


def test_attach_photo_with_item_answers_the_item(seeded) -> None:  # type: ignore[no-untyped-def]
    visit_id = visits.new_visit(seeded, "P001")
    infos = visits.attach_photos(seeded, visit_id, PHOTOS[:2], item_key="storefront_photo")
    visits.attach_photos(seeded, visit_id, PHOTOS[:1], item_key="storefront_photo")
    answer = next(
        i["answer"]
        for i in visits.visit_detail(seeded, visit_id)["items"]
        if i["key"] == "storefront_photo"
    )
    assert answer == [infos[0].sha256, infos[1].sha256]
    with pytest.raises(ValidationError, match="Required items") as info:
        visits.submit(seeded, visit_id)
    assert "storefront_photo" not in info.value.message and "signage" in info.value.message


def test_one_reinspection_verifies_only_the_orders_it_passes(seeded) -> None:  # type: ignore[no-untyped-def]
    first, second, third = visit_with_findings(seeded, 3)
    reinspection = visits.new_visit(seeded, "P001", "reinspection")
    keys = [i["key"] for i in visits.visit_detail(seeded, reinspection)["items"]]
    assert {first, second, third} <= set(keys)
    with pytest.raises(ValidationError, match="passed or failed"):
        visits.submit(seeded, reinspection)
    with pytest.raises(ValidationError):
        visits.answer(seeded, reinspection, first, "maybe")
    visits.answer(seeded, reinspection, first, "passed")
    visits.attach_photos(seeded, reinspection, PHOTOS[:1], item_key=f"{first}:after_photo")
    visits.answer(seeded, reinspection, second, "failed")
    visits.answer(seeded, reinspection, f"{second}:note", "价签仍未更换")
    visits.submit(seeded, reinspection)
    with seeded.read_session() as s:
        from sqlalchemy import select

        from db.models import RectificationEvent

        notes = [
            e.note
            for e in s.scalars(
                select(RectificationEvent).where(RectificationEvent.order_id == second)
            )
        ]
    assert notes[-1] == "价签仍未更换"
    status = {r["id"]: r["status"] for r in visits.rectification_orders(seeded, "P001")}
    assert status == {first: "verified", second: "open", third: "open"}
    assert [r["id"] for r in visits.rectification_orders(seeded, "P001", "verified")] == [first]
    with pytest.raises(ValidationError, match="re-inspect"):
        visits.amend(seeded, reinspection, "改判", {second: "passed"})
    data = reports.visit_report_data(seeded, reinspection)
    assert [(o.outcome, o.after is not None) for o in data.verified_orders] == [
        ("Passed", True),
        ("Failed：价签仍未更换", False),
        ("—", False),
    ]


def test_suspended_partner_can_only_be_reinspected(seeded) -> None:  # type: ignore[no-untyped-def]
    (order,) = visit_with_findings(seeded, 1)
    lifecycle.record_lifecycle_event(seeded, "P001", "suspend", "整改期间暂停")
    with pytest.raises(UserError, match="re-inspection"):
        visits.new_visit(seeded, "P001")
    visit_id = visits.new_visit(seeded, "P001", "reinspection")
    visits.answer(seeded, visit_id, order, "passed")
    visits.submit(seeded, visit_id)
    assert visits.rectification_orders(seeded, "P001")[0]["status"] == "verified"
    nothing_left = visits.new_visit(
        seeded, "P001", "reinspection"
    )  # no open order: only the template's own items
    assert [i["key"] for i in visits.visit_detail(seeded, nothing_left)["items"]] == ["remarks"]
    visits.submit(seeded, nothing_left)


def test_reinspection_report_shows_before_and_after_side_by_side(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    visit_id = visits.new_visit(seeded, "P001")
    before = visits.attach_photos(seeded, visit_id, PHOTOS[1:2])[0].sha256
    visits.add_finding(seeded, visit_id, "门头破损", before_photo=before)
    (order,) = [r["id"] for r in visits.rectification_orders(seeded, "P001")]
    again = visits.new_visit(seeded, "P001", "reinspection")
    visits.answer(seeded, again, order, "passed")
    after = visits.attach_photos(seeded, again, PHOTOS[:1], item_key=f"{order}:after_photo")[
        0
    ].sha256
    visits.submit(seeded, again)
    (line,) = reports.visit_report_data(seeded, again).verified_orders
    assert (line.before.sha256, line.after.sha256) == (before, after)
    pdf = reports.write_visit_report(seeded, again, tmp_path / "r.pdf")
    assert pdf.stat().st_size > 1000
