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
    dialog.print_to_file(printed)  # on a reader thread
    ui.ops.wait(20000)
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


def test_printing_runs_off_the_ui_thread_and_can_be_cancelled(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Printing rendered every page at 150-300 dpi and painted it onto the printer on the
    UI thread (340-450 ms a page): a long report froze the window until the last page
    (issue 17). The print run is on a reader thread: with each page's rendering slowed to
    300 ms, Print returns within 50 ms and the event loop keeps turning; every page is
    printed; Cancel in the progress dialog stops it and says so."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtWidgets import QProgressDialog

    from app.services.demo import generate_demo
    from app.ui.reports.preview import PdfPreviewDialog

    generate_demo(ctx, partners=30, months=2, seed=5)
    visit_id = ctx.read_sql("SELECT id FROM visit ORDER BY id LIMIT 1")[0][0]
    pdf = reports.write_visit_report(ctx, visit_id, tmp_path / "v.pdf")
    ui, window = ui_window
    dialog = PdfPreviewDialog(ui, pdf, "report", window)
    qtbot.addWidget(dialog)
    pages = dialog.document.pageCount()
    real = QPdfDocument.render

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)  # a long page
        return real(*args, **kwargs)

    monkeypatch.setattr(QPdfDocument, "render", slow)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    printed = tmp_path / "printed.pdf"
    started = time.perf_counter()
    dialog.print_to_file(printed)
    assert time.perf_counter() - started < 0.05
    qtbot.waitUntil(lambda: printed.exists() and not ui.ops._pending, timeout=30000)
    timer.stop()
    assert len(pypdf.PdfReader(printed).pages) == pages
    # the event loop turned while the pages printed (a 10 ms timer, 300 ms a page)
    assert len(ticks) >= 10 * pages, (len(ticks), pages)

    shown: list[str] = []
    ui.message.connect(lambda text, _level, _details: shown.append(text))
    dialog.print_to_file(tmp_path / "cancelled.pdf")
    progress = dialog.findChildren(QProgressDialog)[-1]  # the newest
    progress.canceled.emit()  # Cancel in the progress dialog
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "Cancelled" in shown[0]
