"""pytest-qt: the report preview renders pages and print-to-PDF through QPrinter writes a file."""

from __future__ import annotations

from pathlib import Path

import pypdf

from app.services import partner_io, reports, visits


def test_preview_and_print_to_pdf(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    from app.ui.reports.preview import PdfPreviewDialog

    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nR1,预览测试店,B,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    visit_id = visits.new_visit(ctx, "R1")
    visits.answer(ctx, visit_id, "signage", "yes")
    pdf = reports.write_visit_report(ctx, visit_id, tmp_path / "v.pdf")
    ui, window = ui_window
    dialog = PdfPreviewDialog(ui, pdf, "report", window)
    qtbot.addWidget(dialog)
    pages = dialog.document.pageCount()
    assert pages >= 1 and dialog.page.maximum() == pages
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.step_zoom(1)
    assert (
        dialog.view.zoomMode() == dialog.view.ZoomMode.Custom
        and dialog.zoom_label.text().endswith("%")
    )
    before = dialog.view.zoomFactor()
    dialog.step_zoom(1)
    assert dialog.view.zoomFactor() > before
    dialog.set_zoom_mode(dialog.view.ZoomMode.FitInView)
    dialog.search.setText("预览测试店")
    qtbot.waitUntil(lambda: dialog.match_count() > 0, timeout=5000)
    dialog.step_match(1)
    assert dialog.match_index == 0 and dialog.next_match.isEnabled()
    dialog.search.setText("没有这段文字")
    qtbot.waitUntil(lambda: dialog.match_count() == 0, timeout=5000)
    assert not dialog.next_match.isEnabled() and dialog.matches.text()
    if pages > 1:
        dialog.page.setValue(2)
        qtbot.waitUntil(lambda: dialog.current_page() == 1, timeout=3000)
    printed = tmp_path / "printed.pdf"
    dialog.print_to_file(printed)
    assert printed.exists() and len(pypdf.PdfReader(printed).pages) == pages
