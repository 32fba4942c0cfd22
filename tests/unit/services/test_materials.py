"""Service tests for the promotion-material ledger 宣传品台账: recording entries with
validation, book quantities, counts at a visit (difference → finding), recounts replacing
the earlier count and its finding, and sealed visits refusing counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import NotFoundError, UserError, ValidationError
from app.services import materials, partner_io, visits
from db.models import Finding, MaterialCount, RectificationOrder
from tests.conftest import EXIF_DIR

CSV = "code,name,grade,region\nM001,静安寺旗舰店,A,310106\n"
ANSWERS = (
    ("signage", "yes"),
    ("cleanliness", "4"),
    ("price_tags", "yes"),
    ("price_violation", "no"),
    ("poster_display", "4"),
    ("stock_units", "10"),
    ("stock_within_limits", "yes"),
    ("staff_knowledge", "4"),
    ("service_attitude", "5"),
    ("cross_territory", "no"),
    ("fake_business", "no"),
    ("licence_valid", "yes"),
)


@pytest.fixture
def partner(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)
    return ctx


def test_ledger_entries_give_the_book_quantity(partner) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2026, 1, 5)
    changes = materials.record_material_entry(
        partner, "M001", " 海报 ", "issued", 6, day, note="春季活动"
    )
    assert changes.touches("material_ledger_entry")
    materials.record_material_entry(
        partner, "M001", "海报", "installed", 4, day + dt.timedelta(days=1)
    )
    materials.record_material_entry(
        partner, "M001", "海报", "returned", "2", day + dt.timedelta(days=2)
    )
    materials.record_material_entry(partner, "M001", "台卡", "issued", 3, day)
    ledger = materials.partner_materials(partner, "M001")
    assert ledger.book == {"台卡": 3, "海报": 4}
    assert [(e.item_name, e.kind, e.quantity) for e in ledger.entries[:2]] == [
        ("海报", "returned", 2),
        ("海报", "installed", 4),
    ]
    assert ledger.entries[-1].note == "春季活动" or ledger.entries[-2].note == "春季活动"


@pytest.mark.parametrize(
    ("item", "kind", "quantity", "message"),
    [
        ("", "issued", 3, "Give the name of the promotion material"),
        ("   ", "issued", 3, "Give the name of the promotion material"),
        ("海报" * 40, "issued", 3, "too long"),
        ("海报", "issued", 0, "whole number from 1"),
        ("海报", "issued", -2, "whole number from 1"),
        ("海报", "issued", "2.5", "whole number from 1"),
        ("海报", "issued", "", "whole number from 1"),
        ("海报", "issued", 1_000_001, "whole number from 1"),
        ("海报", "lost", 3, "Unknown ledger entry kind lost"),
        ("海报", "returned", 1, "holds 0 × 海报"),
    ],
)
def test_bad_ledger_entries_are_refused_with_a_message(
    partner, item, kind, quantity, message
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match=message):
        materials.record_material_entry(partner, "M001", item, kind, quantity)
    assert materials.partner_materials(partner, "M001").entries == []


def test_future_date_and_unknown_partner_are_refused(partner) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="future"):
        materials.record_material_entry(
            partner, "M001", "海报", "issued", 1, dt.date.today() + dt.timedelta(days=1)
        )
    with pytest.raises(NotFoundError):
        materials.record_material_entry(partner, "NOPE", "海报", "issued", 1)


def test_messages_are_translated(partner) -> None:  # type: ignore[no-untyped-def]
    from app.i18n import set_language

    set_language("zh_CN")
    try:
        with pytest.raises(ValidationError) as exc:
            materials.record_material_entry(partner, "M001", "海报", "issued", 0)
        assert "数量" in exc.value.message
        with pytest.raises(ValidationError) as exc:
            materials.record_material_entry(partner, "M001", "", "issued", 1)
        assert "宣传品" in exc.value.message
    finally:
        set_language("en")


def test_visit_materials_count_difference_recount_and_seal(partner) -> None:  # type: ignore[no-untyped-def]
    materials.record_material_entry(partner, "M001", "海报", "issued", 5, dt.date(2026, 1, 5))
    materials.record_material_entry(partner, "M001", "海报", "returned", 1, dt.date(2026, 2, 5))
    materials.record_material_entry(partner, "M001", "易拉宝", "issued", 2, dt.date(2026, 2, 5))
    visit_id = visits.new_visit(partner, "M001")
    lines = visits.visit_materials(partner, visit_id)
    assert [(m.item_name, m.book, m.counted, m.difference) for m in lines] == [
        ("易拉宝", 2, None, None),
        ("海报", 4, None, None),
    ]

    visits.count_material(partner, visit_id, "易拉宝", 2)
    visits.count_material(partner, visit_id, "海报", 3)
    lines = {m.item_name: m for m in visits.visit_materials(partner, visit_id)}
    assert (lines["易拉宝"].counted, lines["易拉宝"].difference) == (2, 0)
    assert (lines["海报"].book, lines["海报"].counted, lines["海报"].difference) == (4, 3, -1)
    findings = visits.visit_detail(partner, visit_id)["findings"]
    assert [f["description"] for f in findings] == ["Promotion material 海报: book 4, counted 3."]
    assert (
        findings[0]["category"] == "materials" and findings[0]["rectification"]["status"] == "open"
    )

    # a recount replaces the earlier count and rewrites its finding (and order); a matching recount voids them
    visits.count_material(partner, visit_id, "海报", 2)
    findings = visits.visit_detail(partner, visit_id)["findings"]
    assert [f["description"] for f in findings] == ["Promotion material 海报: book 4, counted 2."]
    assert [o["description"] for o in visits.open_rectifications(partner, "M001")] == [
        "Promotion material 海报: book 4, counted 2."
    ]
    visits.count_material(partner, visit_id, "海报", 4)
    assert visits.visit_detail(partner, visit_id)["findings"] == []
    assert visits.open_rectifications(partner, "M001") == []
    with partner.read_session() as s:
        assert (
            s.scalar(select(RectificationOrder).where(RectificationOrder.voided.is_(False))) is None
        )
        assert [
            f.void_reason for f in s.scalars(select(Finding).where(Finding.voided.is_(True)))
        ] == ["recounted"]
        assert [
            c.counted_quantity
            for c in s.scalars(
                select(MaterialCount).where(
                    MaterialCount.item_name == "海报", MaterialCount.voided.is_(False)
                )
            )
        ] == [4]

    with pytest.raises(ValidationError):
        visits.count_material(partner, visit_id, "海报", -1)
    with pytest.raises(ValidationError):
        visits.count_material(partner, visit_id, " ", 1)
    for key, value in ANSWERS:
        visits.answer(partner, visit_id, key, value)
    visits.answer(partner, visit_id, "storefront_photo", str(EXIF_DIR / "Landscape_1.jpg"))
    visits.submit(partner, visit_id)
    with pytest.raises(UserError, match="sealed"):
        visits.count_material(partner, visit_id, "海报", 1)
    # the sealed visit keeps the book recorded with its counts even after the ledger moves on
    materials.record_material_entry(partner, "M001", "海报", "issued", 10)
    assert {m.item_name: m.book for m in visits.visit_materials(partner, visit_id)}["海报"] == 4


def test_a_recount_that_matches_leaves_nothing_in_the_reports(partner) -> None:  # type: ignore[no-untyped-def]
    from app.services.period_reports import monthly_data, weekly_log_data
    from app.services.reports import visit_report_data

    materials.record_material_entry(partner, "M001", "海报", "issued", 4, dt.date(2026, 1, 5))
    materials.record_material_entry(partner, "M001", "台卡", "issued", 2, dt.date(2026, 1, 5))
    visit_id = visits.new_visit(partner, "M001")
    visits.count_material(partner, visit_id, "海报", 1)
    visits.count_material(partner, visit_id, "台卡", 1)
    visits.count_material(partner, visit_id, "海报", 4)  # miscounted first: the finding is voided
    weekly = {label: value for label, value in weekly_log_data(partner).figures}
    assert (weekly["Findings raised"], weekly["Rectifications raised"]) == ("1", "1")
    assert [row[0] for row in weekly_log_data(partner).tables[1].rows] == [
        "Promotion material 台卡: book 2, counted 1."
    ]
    assert {label: value for label, value in monthly_data(partner).figures}[
        "Rectifications opened"
    ] == "1"
    assert sorted(visit_report_data(partner, visit_id).material_differences) == [
        ("台卡", 2, 1),
        ("海报", 4, 4),
    ]
