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
    assert dialog.page_labels and not dialog.page_labels[0].pixmap().isNull()
    printed = tmp_path / "printed.pdf"
    dialog.print_to_file(printed)
    assert printed.exists() and len(pypdf.PdfReader(printed).pages) == len(dialog.page_labels)
