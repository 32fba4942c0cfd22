"""pytest-qt: Export to HQ from the Sync menu writes a bundle and shows where."""

from __future__ import annotations

from pathlib import Path

from app.services import partner_io


def test_export_to_hq_from_menu(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nS1,同步测试店,B,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    ui, window = ui_window
    target = tmp_path / "out.cdsync"
    with qtbot.waitSignal(ui.message, timeout=10000) as blocker:
        window.sync_actions.export(target=str(target))
    assert target.exists() and "out.cdsync" in blocker.args[0]
    assert window.menus["sync"].actions()
