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


def test_save_as_pdf_copies_off_the_ui_thread_and_keeps_the_old_file_on_failure(
    qtbot, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Save as PDF copied the report on the UI thread, in place: a slow disk stalled the
    window and a failure left a truncated file where the old one was (issue 17). The copy
    runs on a reader thread through ``app.atomic``."""
    import shutil
    import time

    from app import atomic
    from app.ui.reports import preview
    from app.ui.reports.preview import PdfPreviewDialog
    from tests.gui.conftest import settle

    ui, window = ui_window
    pdf = tmp_path / "v.pdf"
    pdf.write_bytes(b"%PDF-1.4 the report")
    dialog = PdfPreviewDialog(ui, pdf, "report", window)
    qtbot.addWidget(dialog)
    real = shutil.copyfile

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)  # a slow disk
        return real(*args, **kwargs)

    monkeypatch.setattr(preview.shutil, "copyfile", slow)
    target = tmp_path / "saved.pdf"
    started = time.perf_counter()
    dialog.save_dialog(path=str(target))
    # the copy alone takes 0.3 s; the slack is for a loaded machine
    assert time.perf_counter() - started < 0.2
    settle(ui, qtbot)
    assert target.read_bytes() == pdf.read_bytes()

    target.write_bytes(b"the old report")

    def full(src, dst):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    dialog.save_dialog(path=str(target))
    qtbot.waitUntil(lambda: "No space left" in window.message_bar.text(), timeout=5000)
    assert target.read_bytes() == b"the old report"
