"""pytest-qt: a conflict is listed with both values; taking the other value changes the
partner (a change that will sync) and resolves the conflict."""

from __future__ import annotations

from pathlib import Path

from app.services import partner_io, partner_read, sync_conflicts
from db.models import SyncConflict


def test_conflict_list_and_take_other_value(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nC1,冲突测试店,B,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    partner = partner_read.partner_detail(ctx, "C1").partner
    with ctx.session() as s:
        s.add(
            SyncConflict(
                entity="partner",
                record_id=partner.id,
                field="address",
                winner_value="现地址",
                loser_value="另一地址",
                winner_hlc="1",
                loser_hlc="0",
            )
        )
    _ui, window = ui_window
    section = window.show_section("conflicts")
    section.reload()
    qtbot.waitUntil(lambda: not section.reading.pending, timeout=5000)  # a reader thread
    assert section.model.rows[0]["lost"] == "另一地址"
    before = partner.hlc
    section.table.selectRow(0)
    section.resolve(True)
    qtbot.waitUntil(lambda: sync_conflicts.open_conflicts(ctx) == [], timeout=5000)
    changed = partner_read.partner_detail(ctx, "C1").partner
    assert changed.address == "另一地址" and changed.hlc > before
    assert sync_conflicts.open_conflicts(ctx) == []


def test_conflicts_show_field_and_values_in_words(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nC2,状态冲突店,B,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    partner = partner_read.partner_detail(ctx, "C2").partner
    with ctx.session() as s:
        s.add(
            SyncConflict(
                entity="partner",
                record_id=partner.id,
                field="status",
                winner_value="active",
                loser_value="suspended",
                winner_hlc="1",
                loser_hlc="0",
            )
        )
        s.add(
            SyncConflict(
                entity="partner",
                record_id=partner.id,
                field="district_code",
                winner_value="310106",
                loser_value="320102",
                winner_hlc="1",
                loser_hlc="0",
            )
        )
    _ui, window = ui_window
    section = window.show_section("conflicts")
    section.reload()
    qtbot.waitUntil(lambda: not section.reading.pending, timeout=5000)  # a reader thread
    first, second = section.model.rows
    assert (first["field"], first["kept"], first["lost"]) == ("Status", "Active", "Suspended")
    assert second["field"] == "District" and second["lost"] == "江苏省 南京市 玄武区"
    assert section.model.rows[0]["id"]  # resolving still works by id
