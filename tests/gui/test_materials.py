"""pytest-qt: the promotion-material ledger (宣传品台账) in the real main window — record
ledger entries from the partner file (with validation messages), count at a visit with the
keyboard, see the difference and the new finding, and a sealed visit's counts are read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.services import materials, partner_io, visits
from app.ui.partners.materials import MaterialEntryDialog, MaterialLedgerDialog
from app.ui.visits.materials import BOOK, COUNTED, DIFFERENCE, ITEM
from tests.conftest import EXIF_DIR
from tests.gui.conftest import list_partners, load_visit, settle, wait_saved

CSV = "code,name,grade,region\nM1,静安寺旗舰店,A,310106\n"
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


def _seed(ctx, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    from app.services import partner_read

    return partner_read.partner_detail(ctx, "M1").partner.id


# a dialog shown over the main window makes the offscreen platform say it cannot pass size hints on
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _fill_entry(dialog: MaterialEntryDialog, item: str, kind: str, quantity: int) -> None:
    dialog.item.setEditText(item)  # QTest cannot type CJK
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.quantity.setValue(quantity)


def _save(dialog: MaterialEntryDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    wait_saved(dialog)


@OFFSCREEN_DIALOG
def test_partner_file_records_ledger_entries_with_validation(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    partner_id = _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    assert section.selected_id() == partner_id
    seen: dict[str, object] = {}

    def in_entry_dialog() -> None:
        entry = QApplication.activeModalWidget()
        assert isinstance(entry, MaterialEntryDialog)
        _fill_entry(entry, "海报", "issued", 5)
        with qtbot.waitSignal(ui.changed, timeout=3000):
            _save(entry)
        seen["entry_closed"] = not entry.isVisible()

    def in_ledger_dialog() -> None:
        ledger = QApplication.activeModalWidget()
        assert isinstance(ledger, MaterialLedgerDialog)
        QTimer.singleShot(50, in_entry_dialog)
        ledger.add_button.click()  # the entry dialog runs modally inside this call
        settle(ui, qtbot)  # the ledger is read again on a reader thread
        seen["rows"] = ledger.entries.rowCount()
        seen["first"] = [ledger.entries.item(0, c).text() for c in (1, 2, 3)]
        seen["book"] = ledger.book.text()
        ledger.reject()

    QTimer.singleShot(50, in_ledger_dialog)
    section.materials_button.click()
    assert seen == {
        "entry_closed": True,
        "rows": 1,
        "first": ["海报", "Issued", "5"],
        "book": "On the book: 海报 <b>5</b>",
    }
    qtbot.waitUntil(
        lambda: "Promotion materials (book)" in section.card.toPlainText(), timeout=3000
    )
    assert "海报: 5" in section.card.toPlainText()

    # bad input: a message in the dialog, nothing saved, the input stays for correction
    dialog = MaterialEntryDialog(ui, partner_id, ["海报"], section)
    qtbot.addWidget(dialog)
    _fill_entry(dialog, "  ", "issued", 2)
    _save(dialog)
    assert "Give the name of the promotion material" in dialog.error.text() and dialog.result() == 0
    _fill_entry(dialog, "海报", "returned", 9)
    _save(dialog)
    assert "holds 5 × 海报" in dialog.error.text()
    assert dialog.item.currentText() == "海报" and dialog.quantity.value() == 9
    assert len(materials.partner_materials(ctx, partner_id).entries) == 1
    _fill_entry(dialog, "海报", "returned", 1)
    with qtbot.waitSignal(ui.changed, timeout=3000):
        _save(dialog)
    assert materials.partner_materials(ctx, partner_id).book == {"海报": 4}


def test_visit_editor_counts_materials_with_the_keyboard(
    qtbot, qtmodeltester, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    partner_id = _seed(ctx, tmp_path)
    ui, window = ui_window
    entry = MaterialEntryDialog(ui, partner_id, [], window)
    qtbot.addWidget(entry)
    _fill_entry(entry, "海报", "issued", 4)
    _save(entry)
    materials.record_material_entry(ctx, "M1", "台卡", "issued", 2)
    section = window.show_section("visits")
    visit_id = visits.new_visit(ctx, "M1")
    section.reload()
    load_visit(qtbot, section.editor, visit_id)
    editor = section.editor
    model, table = editor.materials.model, editor.materials.table
    qtmodeltester.check(model)
    assert [
        (model.index(r, ITEM).data(), model.index(r, BOOK).data(), model.index(r, COUNTED).data())
        for r in range(model.rowCount())
    ] == [("台卡", "2", "—"), ("海报", "4", "—")]
    assert model.flags(model.index(0, COUNTED)) & Qt.ItemFlag.ItemIsEditable

    # Alt+B (the group's underlined letter) jumps to the counts; Enter opens the first count
    # (empty: an uncounted item is never saved as "counted = book"), the book quantity typed
    # and Enter record it (no difference)
    editor.editors["signage"].setFocus()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert table.hasFocus() and table.currentIndex() == model.index(0, COUNTED)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert QApplication.focusWidget().text() == ""
    with qtbot.waitSignal(ui.changed, timeout=5000):
        qtbot.keyClicks(QApplication.focusWidget(), "2")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(0, DIFFERENCE).data() == "✓ 0", timeout=5000)
    assert table.currentIndex().row() == 1 and table.currentIndex().column() == COUNTED

    # second row: type the number found in the store; the difference becomes a finding
    with qtbot.waitSignal(ui.changed, timeout=5000):
        qtbot.keyClicks(table, "3")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.findings.count() == 1, timeout=5000)
    assert editor.findings.item(0).text().startswith("Promotion material 海报: book 4, counted 3.")
    assert (model.index(1, COUNTED).data(), model.index(1, DIFFERENCE).data()) == ("3", "−1")
    assert (
        model.index(1, DIFFERENCE).data(Qt.ItemDataRole.ToolTipRole)
        == "Counted 3, book 4: recorded as a finding."
    )
    assert table.hasFocus() and table.currentIndex().row() == 1
    detail = visits.visit_detail(ctx, visit_id)
    assert [f["category"] for f in detail["findings"]] == ["materials"]
    assert [(m.item_name, m.counted) for m in visits.visit_materials(ctx, visit_id)] == [
        ("台卡", 2),
        ("海报", 3),
    ]

    # a recount (F2 opens the cell) rewrites the finding instead of adding one
    with qtbot.waitSignal(ui.changed, timeout=5000):
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor_widget = QApplication.focusWidget()
        qtbot.keyClick(editor_widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor_widget, "2")
        qtbot.keyClick(editor_widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(1, DIFFERENCE).data() == "−2", timeout=5000)
    qtbot.waitUntil(
        lambda: editor.findings.count() == 1 and "counted 2." in editor.findings.item(0).text(),
        timeout=5000,
    )

    # sealed: the counts stay visible but cannot be edited
    for key, value in ANSWERS:
        visits.answer(ctx, visit_id, key, value)
    visits.answer(ctx, visit_id, "storefront_photo", str(EXIF_DIR / "Landscape_1.jpg"))
    with qtbot.waitSignal(ui.changed, timeout=5000):
        editor.submit()
    qtbot.waitUntil(
        lambda: editor.detail is not None and editor.detail.status == "submitted", timeout=5000
    )
    assert not model.flags(model.index(1, COUNTED)) & Qt.ItemFlag.ItemIsEditable
    assert "sealed" in editor.materials_box.title()
    assert editor.materials.other_button.isHidden()
    assert model.index(1, DIFFERENCE).data() == "−2"
    assert not model.setData(model.index(1, COUNTED), 4)


@OFFSCREEN_DIALOG
def test_partner_without_ledger_shows_a_hint_and_counts_an_other_item(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.visits.materials import OtherItemDialog

    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("visits")
    visit_id = visits.new_visit(ctx, "M1")
    section.reload()
    load_visit(qtbot, section.editor, visit_id)
    panel = section.editor.materials
    assert panel.model.rowCount() == 0
    assert panel.table.isHidden() and not panel.empty.isHidden()
    assert "Partners → Materials…" in panel.empty.text()
    errors: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OtherItemDialog)
        dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Save
        ).click()  # no name yet
        errors.append(dialog.error.text())
        dialog.item.setText("易拉宝")
        dialog.counted.setValue(2)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(50, fill)
    with qtbot.waitSignal(ui.changed, timeout=5000):
        panel.other_button.click()
    assert errors == ["Give the name of the promotion material."]
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    model = panel.model
    assert [model.index(0, c).data() for c in (ITEM, BOOK, COUNTED, DIFFERENCE)] == [
        "易拉宝",
        "0",
        "2",
        "+2",
    ]
    assert not panel.table.isHidden() and panel.empty.isHidden()
    assert (
        section.editor.findings.item(0)
        .text()
        .startswith("Promotion material 易拉宝: book 0, counted 2.")
    )


def test_a_count_refused_by_the_service_shows_the_message_and_the_stored_state(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    materials.record_material_entry(ctx, "M1", "海报", "issued", 4)
    ui, window = ui_window
    section = window.show_section("visits")
    visit_id = visits.new_visit(ctx, "M1")
    section.reload()
    load_visit(qtbot, section.editor, visit_id)
    model = section.editor.materials.model
    for (
        key,
        value,
    ) in ANSWERS:  # sealed elsewhere (e.g. the CLI) while the editor still shows the draft
        visits.answer(ctx, visit_id, key, value)
    visits.answer(ctx, visit_id, "storefront_photo", str(EXIF_DIR / "Landscape_1.jpg"))
    visits.submit(ctx, visit_id)
    with qtbot.waitSignal(ui.message, timeout=5000) as message:
        assert model.setData(model.index(0, COUNTED), 3)
        assert model.index(0, COUNTED).data() == "3"  # shown at once while it is saved
    assert "sealed" in message.args[0] and message.args[1] == "error"
    qtbot.waitUntil(
        lambda: (
            model.index(0, COUNTED).data() == "—"
            and not section.editor.loading  # the visit is read again, sealed
            and not model.flags(model.index(0, COUNTED)) & Qt.ItemFlag.ItemIsEditable
        ),
        timeout=5000,
    )
    assert model.pending == {}
    assert visits.visit_materials(ctx, visit_id)[0].counted is None
