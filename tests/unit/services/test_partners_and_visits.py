"""Service-level tests on a real SQLite data dir: partner validation, grade history,
lifecycle (merge records the survivor, transfer changes the owner, terminated partners
cannot be visited), search on both paths, import/export, visits with photos."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PIL import Image

from app.errors import UserError, ValidationError
from app.services import (
    lifecycle,
    partner_edit,
    partner_io,
    partner_list,
    partner_read,
    partner_rows,
    visits,
)
from tests.conftest import EXIF_DIR

CSV = (
    "code,name,grade,region,address,contact_name,contact_phone\n"
    "P001,上海浦东金桥通信器材经营部,A,310115,金桥路100号,王小明,13800138000\n"
    "P002,徐汇天平路专营店,B,310104,天平路8号,李四,021-64001234\n"
    "P003,Abc Digital,C,310104,淮海路1号,赵六,13900000000\n"
)


@pytest.fixture
def seeded(ctx, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)
    return ctx


def codes(ctx, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search=text), 0, None)
    ]


def test_search_one_two_and_three_character_terms(seeded) -> None:  # type: ignore[no-untyped-def]
    assert codes(seeded, "浦") == ["P001"]
    assert codes(seeded, "浦东") == ["P001"]
    assert codes(seeded, "天平路专") == ["P002"]
    assert codes(seeded, "小明") == ["P001"]
    assert codes(seeded, "64001234") == ["P002"]
    assert codes(seeded, "abc") == ["P003"]
    assert codes(seeded, "P00") == ["P001", "P002", "P003"]
    assert codes(seeded, "%") == []
    assert codes(seeded, '"') == []


def test_validation_and_grade_history(seeded) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        partner_edit.save_partner(
            seeded, partner_edit.PartnerInput(code="bad code!", name="", grade="E", region="999999")
        )
    assert {"code", "name", "grade", "region"} <= {
        line.split(":")[0] for line in info.value.details
    }
    data = partner_edit.input_from_partner(partner_read.partner_detail(seeded, "P001").partner)
    data.grade, data.grade_reason = "C", "连续两月未达标"
    partner_edit.save_partner(seeded, data, partner_read.partner_detail(seeded, "P001").partner.id)
    history = partner_read.partner_detail(seeded, "P001").grade_history
    assert [(g.old_grade, g.new_grade) for g in history] == [(None, "A"), ("A", "C")]
    assert history[-1].reason == "连续两月未达标"


def test_lifecycle_merge_transfer_and_terminate(seeded) -> None:  # type: ignore[no-untyped-def]
    lifecycle.record_lifecycle_event(seeded, "P002", "merge", "业务整合", survivor="P001")
    merged = partner_read.partner_detail(seeded, "P002")
    assert merged.partner.status == "merged" and merged.survivor_code == "P001"
    assert (
        merged.lifecycle[-1].survivor_id == partner_read.partner_detail(seeded, "P001").partner.id
    )
    lifecycle.record_lifecycle_event(seeded, "P001", "transfer", "区域调整", to_manager="钱七")
    assert partner_read.partner_detail(seeded, "P001").partner.manager == "钱七"
    lifecycle.record_lifecycle_event(seeded, "P003", "terminate", "严重违规")
    with pytest.raises(UserError, match="cannot be visited"):
        visits.new_visit(seeded, "P003")
    with pytest.raises(UserError):
        lifecycle.record_lifecycle_event(seeded, "P003", "resume", "x")
    with pytest.raises(ValidationError):
        lifecycle.record_lifecycle_event(seeded, "P001", "suspend", "  ")
    assert [e.kind for e in partner_read.partner_detail(seeded, "P002").lifecycle] == [
        "open",
        "merge",
    ]  # "open" from the import


def test_import_encodings_duplicates_and_round_trip(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(CSV.encode("gbk"))
    bom = tmp_path / "bom.csv"
    bom.write_bytes(CSV.encode("utf-8-sig"))
    report = partner_io.import_partners(ctx, gbk)
    assert report.created == 3
    report = partner_io.import_partners(ctx, bom)
    assert report.created == 0 and report.unchanged == 3
    dup = tmp_path / "dup.csv"
    dup.write_text("code,name\nX1,甲\nX1,乙\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        partner_io.import_partners(ctx, dup)
    assert info.value.details == ["row 3, column code: duplicate code X1 (also in row 2)"]
    missing = tmp_path / "missing.csv"
    missing.write_text("code,grade\nX1,A\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="name"):
        partner_io.import_partners(ctx, missing)
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UserError, match="XLSX"):
        partner_io.import_partners(ctx, junk)
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"out.{suffix}"
        assert partner_io.export_partners(ctx, out) == 3
        again = partner_io.import_partners(ctx, out)
        assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_skip_invalid_imports_the_valid_rows(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mixed.csv"
    path.write_text("code,name,grade\nG1,好,A\nG2,,A\nG3,也好,Z\n", encoding="utf-8")
    report = partner_io.import_partners(ctx, path, skip_invalid=True)
    assert report.created == 1 and report.skipped == 2
    assert codes(ctx, "G") == ["G1"]


def _answer_all(ctx, visit_id: str, photo: Path) -> None:  # type: ignore[no-untyped-def]
    for key, value in (
        ("signage", "yes"),
        ("cleanliness", "4"),
        ("price_tags", "yes"),
        ("price_violation", "no"),
        ("poster_display", "1"),
        ("stock_units", "30"),
        ("stock_within_limits", "yes"),
        ("staff_knowledge", "5"),
        ("service_attitude", "3"),
        ("cross_territory", "no"),
        ("fake_business", "no"),
        ("licence_valid", "na"),
    ):
        visits.answer(ctx, visit_id, key, value)
    visits.answer(ctx, visit_id, "storefront_photo", str(photo))


def test_visit_lifecycle_photos_upright_and_sealed(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    visit_id = visits.new_visit(seeded, "P001")
    with pytest.raises(ValidationError):
        visits.answer(seeded, visit_id, "cleanliness", "9")
    with pytest.raises(ValidationError):
        visits.answer(seeded, visit_id, "nope", "yes")
    files = sorted(EXIF_DIR.glob("Landscape_*.jpg"))
    infos = visits.attach_photos(seeded, visit_id, files)
    for info in infos:
        assert info.width > info.height, "every test photo is a landscape once upright"
    with pytest.raises(ValidationError, match="Required"):
        visits.submit(seeded, visit_id)
    _answer_all(seeded, visit_id, files[0])
    visits.submit(seeded, visit_id)
    detail = visits.visit_detail(seeded, visit_id)
    assert detail["status"] == "submitted" and len(detail["content_hash"]) == 64
    assert any(f["item_key"] == "poster_display" for f in detail["findings"])
    with pytest.raises(UserError, match="sealed"):
        visits.answer(seeded, visit_id, "signage", "no")
    with pytest.raises(UserError):
        visits.attach_photos(seeded, visit_id, files[:1])
    visits.amend(seeded, visit_id, "录入错误", {"signage": "no"})
    again = visits.visit_detail(seeded, visit_id)
    assert again["content_hash"] == detail["content_hash"]
    assert again["amendments"][0]["reason"] == "录入错误"
    second = visits.new_visit(seeded, "P002")
    visits.attach_photos(seeded, second, files[:1])
    assert visits.visit_detail(seeded, second)["photos"][0]["reused_in"] == [visit_id]
    stored = list((seeded.paths.media).rglob("*"))
    assert len([p for p in stored if p.is_file()]) == len({i.sha256 for i in infos})
    month = visits.compliance(seeded)
    row = next(r for r in month["partners"] if r["partner_code"] == "P001")
    assert row["done"] == 1 and row["required"] == 5 and row["shortfall"] == 4


def test_thumbnails_are_upright(seeded) -> None:  # type: ignore[no-untyped-def]
    from app.services.media import import_photo, thumbnail

    for path in sorted(EXIF_DIR.glob("Landscape_*.jpg")):
        info = import_photo(seeded, path)
        thumb = thumbnail(seeded.paths, info.sha256)
        assert thumb is not None
        with Image.open(thumb) as image:
            assert image.width > image.height, path.name


def test_bad_photos_are_refused(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    visit_id = visits.new_visit(seeded, "P001")
    text = tmp_path / "note.jpg"
    text.write_text("not an image")
    truncated = tmp_path / "cut.jpg"
    data = (EXIF_DIR / "Landscape_1.jpg").read_bytes()
    truncated.write_bytes(data[: len(data) // 2])
    for bad in (text, truncated):
        with pytest.raises(UserError):
            visits.attach_photos(seeded, visit_id, [bad])
    assert visits.visit_detail(seeded, visit_id)["photos"] == []


def test_material_count_difference_becomes_finding(seeded) -> None:  # type: ignore[no-untyped-def]
    from db.models import MaterialLedgerEntry

    with seeded.session() as s:
        partner = partner_rows.get_partner(s, "P001")
        s.add(
            MaterialLedgerEntry(
                partner_id=partner.id,
                item_name="海报",
                kind="issued",
                quantity=5,
                entry_date=dt.date(2026, 1, 5),
            )
        )
        s.add(
            MaterialLedgerEntry(
                partner_id=partner.id,
                item_name="海报",
                kind="returned",
                quantity=1,
                entry_date=dt.date(2026, 2, 5),
            )
        )
    visit_id = visits.new_visit(seeded, "P001")
    visits.count_material(seeded, visit_id, "海报", 3)
    findings = visits.visit_detail(seeded, visit_id)["findings"]
    assert "book 4, counted 3" in findings[0]["description"]


def test_media_store_does_not_need_shared_testdata(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "p.jpg"
    shutil.copy(EXIF_DIR / "Landscape_8.jpg", copy)
    visit_id = visits.new_visit(seeded, "P002")
    info = visits.attach_photos(seeded, visit_id, [copy])[0]
    assert seeded.paths.media_file(info.sha256).exists()


def test_one_pass_search_matches_count_and_page(seeded) -> None:  # type: ignore[no-untyped-def]
    for term in ("浦", "浦东", "天平路专", "64001234", "P00", "abc"):
        for query in (
            partner_list.PartnerQuery(search=term),
            partner_list.PartnerQuery(search=term, grade="B"),
            partner_list.PartnerQuery(search=term, sort="name", descending=True),
        ):
            total, rows = partner_list.partner_page_with_total(seeded, query, 0, 2)
            assert total == partner_list.partner_count(seeded, query)
            assert [r.code for r in rows] == [
                r.code for r in partner_list.partner_page(seeded, query, 0, 2)
            ]


def test_overdue_count_matches_the_order_list(seeded) -> None:  # type: ignore[no-untyped-def]
    visit_id = visits.new_visit(seeded, "P001")
    today = dt.date.today()
    visits.add_finding(seeded, visit_id, "海报破损", deadline=today - dt.timedelta(days=1))
    visits.add_finding(seeded, visit_id, "价签缺失", deadline=today)
    visits.add_finding(seeded, visit_id, "门头脏污", deadline=today + dt.timedelta(days=5))
    listed = [r for r in visits.open_rectifications(seeded) if r["status"] == "overdue"]
    assert visits.count_overdue_rectifications(seeded) == len(listed) == 1
    assert visits.count_overdue_rectifications(seeded, today + dt.timedelta(days=1)) == 2
