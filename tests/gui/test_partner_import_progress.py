"""pytest-qt: a large partner import in the Partners section shows its progress (rows
read) in a dialog whose Cancel rolls the whole import back (issue 21)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from app.services import partner_list


def _progress_dialog() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        found = widget if isinstance(widget, QProgressDialog) else widget.findChild(QProgressDialog)
        if found is not None and found.isVisible():
            return found
    return None


def test_cancel_during_a_large_import_leaves_nothing(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.services.partner_import_write import PartnerBatchWriter

    gate = (
        threading.Event()
    )  # the writer waits until Cancel was pressed: the import cannot finish first
    write = PartnerBatchWriter.write

    def held_write(self, batch, names):  # type: ignore[no-untyped-def]
        gate.wait(60)
        write(self, batch, names)

    monkeypatch.setattr(PartnerBatchWriter, "write", held_write)
    ui, window = ui_window
    section = window.show_section("partners")
    path = tmp_path / "big.csv"
    path.write_text(
        "code,name,region\n" + "".join(f"G{i:06d},店{i},310115\n" for i in range(60_000)),
        encoding="utf-8",
    )
    section.import_dialog(str(path))
    qtbot.waitUntil(lambda: (d := _progress_dialog()) is not None and d.value() > 0, timeout=60_000)
    dialog = _progress_dialog()
    assert dialog is not None and "Importing row" in dialog.labelText()  # counts the rows read
    with qtbot.waitSignal(ui.message, timeout=60_000) as shown:
        dialog.findChild(QPushButton).click()  # its Cancel button
        gate.set()
    assert shown.args[1] == "info" and "nothing was changed" in shown.args[0]
    assert partner_list.partner_count(ctx, partner_list.PartnerQuery()) == 0


def test_a_finished_import_reports_its_counts(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    ui, window = ui_window
    section = window.show_section("partners")
    path = tmp_path / "small.csv"
    path.write_text("code,name\nG1,甲\nG2,乙\n", encoding="utf-8")
    with qtbot.waitSignal(ui.message, timeout=30_000) as shown:
        section.import_dialog(str(path))
    assert shown.args[1] == "info" and "2 new" in shown.args[0]
    assert partner_list.partner_count(ctx, partner_list.PartnerQuery()) == 2
