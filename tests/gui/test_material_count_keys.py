"""pytest-qt: counting promotion materials at a visit with the keyboard never records the
book quantity for an item nobody counted — Enter twice on an uncounted item moves on and
leaves it uncounted; only a typed number (0 included) is a count."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from app.services import materials, partner_io, visits
from app.ui.visits.materials import BOOK, COUNTED, DIFFERENCE, ITEM
from tests.gui.conftest import load_visit


def _open_visit(qtbot, ctx, tmp_path: Path, window):  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nM1,静安寺旗舰店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    for item, quantity in (("台卡", 2), ("海报", 4), ("灯箱", 1)):
        materials.record_material_entry(ctx, "M1", item, "issued", quantity)
    section = window.show_section("visits")
    visit_id = visits.new_visit(ctx, "M1")
    section.reload()
    load_visit(qtbot, section.editor, visit_id)
    return visit_id, section.editor.materials


def _editing(table) -> bool:  # type: ignore[no-untyped-def]
    return table.state() == QAbstractItemView.State.EditingState


def test_enter_twice_on_an_uncounted_item_moves_on_without_counting(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    ui, window = ui_window
    visit_id, panel = _open_visit(qtbot, ctx, tmp_path, window)
    model, table = panel.model, panel.table
    assert [(model.index(r, ITEM).data(), model.index(r, BOOK).data()) for r in range(3)] == [
        ("台卡", "2"),
        ("海报", "4"),
        ("灯箱", "1"),
    ]
    assert model.index(0, COUNTED).data(Qt.ItemDataRole.EditRole) is None
    saves: list[object] = []
    ui.changed.connect(saves.append)
    table.setFocus()
    assert table.currentIndex() == model.index(0, COUNTED)

    # Enter opens an empty editor (the book quantity is not offered as the count) ...
    qtbot.keyClick(table, Qt.Key.Key_Return)
    count_editor = QApplication.focusWidget()
    assert isinstance(count_editor, QLineEdit)
    assert count_editor.text() == "" and count_editor.placeholderText() == "not counted"
    # ... and Enter again closes it and moves to the next item, recording nothing
    qtbot.keyClick(count_editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not _editing(table) and table.currentIndex().row() == 1, timeout=3000)
    assert table.hasFocus() and table.currentIndex().column() == COUNTED
    assert (model.index(0, COUNTED).data(), model.index(0, DIFFERENCE).data()) == ("—", "")
    # the same for the next item, pressed quickly: still nothing counted, now on the third row
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not _editing(table) and table.currentIndex().row() == 2, timeout=3000)
    qtbot.wait(200)  # a save would go through the writer thread: give it the time to show up
    assert saves == [] and model.pending == {}
    assert [line.counted for line in visits.visit_materials(ctx, visit_id)] == [None, None, None]
    assert visits.visit_detail(ctx, visit_id)["findings"] == []

    # Tab on an empty editor moves on as well; typing letters is refused by the editor
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), "ab-")
    assert QApplication.focusWidget().text() == ""
    first_editor = QApplication.focusWidget()
    qtbot.keyClick(first_editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: (
            _editing(table)
            and table.currentIndex().row() == 1
            and QApplication.focusWidget() is not first_editor
        ),
        timeout=3000,
    )
    assert QApplication.focusWidget().text() == ""
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not _editing(table), timeout=3000)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    assert saves == [] and model.index(0, COUNTED).data() == "—"

    # a typed number is a count: the book quantity typed matches, 0 is a real count
    with qtbot.waitSignal(ui.changed, timeout=5000):
        qtbot.keyClicks(table, "2")  # typing starts the editor with the digit
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(0, DIFFERENCE).data() == "✓ 0", timeout=5000)
    qtbot.waitUntil(lambda: not _editing(table) and table.currentIndex().row() == 1, timeout=3000)
    with qtbot.waitSignal(ui.changed, timeout=5000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
        qtbot.keyClicks(QApplication.focusWidget(), "0")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(1, DIFFERENCE).data() == "−4", timeout=5000)
    assert [(line.item_name, line.counted) for line in visits.visit_materials(ctx, visit_id)] == [
        ("台卡", 2),
        ("海报", 0),
        ("灯箱", None),
    ]

    # Enter twice on a counted item keeps its count (it reopens with the count, unchanged)
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert QApplication.focusWidget().text() == "0"
    count = len(saves)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not _editing(table) and table.currentIndex().row() == 2, timeout=3000)
    qtbot.wait(200)
    assert len(saves) == count
    assert [line.counted for line in visits.visit_materials(ctx, visit_id)] == [2, 0, None]
