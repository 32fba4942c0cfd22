"""pytest-qt: the region picker's cascade, its search by name, code and pinyin initials,
and the territory editor of the first-run wizard."""

from __future__ import annotations

import pytest

from app.domain.pinyin import initials
from app.ui.widgets.region_picker import RegionPicker, TerritoryEditor


def test_pinyin_initials_of_place_names() -> None:
    assert initials("南京市") == "njs"
    assert initials("重庆市") == "cqs"  # the place-name reading, not zhòng
    assert initials("亳州市") == "bzs"  # outside GB2312's first level


def test_cascade_and_official_forms(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = RegionPicker(any_text="全部地区")
    qtbot.addWidget(picker)
    assert picker.code() == "" and not picker.city.isEnabled()
    with qtbot.waitSignal(picker.changed) as signal:
        picker.set_code("320100")
    assert signal.args == ["3201"] and picker.code() == "3201"
    assert picker.province.currentText() == "江苏省" and picker.city.currentText() == "南京市"
    assert picker.district.isEnabled() and picker.district.findText("玄武区") > 0
    picker.district.setCurrentIndex(picker.district.findText("玄武区"))
    assert picker.code() == "320102" and picker.name() == "江苏省 南京市 玄武区"
    picker.province.setCurrentIndex(0)
    assert picker.code() == "" and not picker.city.isEnabled()
    picker.set_code("110101")
    assert picker.city.currentText() == "北京市市辖区"


def test_search_by_pinyin_initials_name_and_code(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = RegionPicker()
    qtbot.addWidget(picker)
    assert picker.search is not None
    for typed, expected in (
        ("xwq", "320102"),
        ("南京", "3201"),
        ("310115", "310115"),
        ("jss njs", "3201"),
    ):
        picker.search.setText(typed)
        picker.search.returnPressed.emit()
        assert picker.code() == expected, typed
        assert picker.search.text() == ""


def test_territory_editor_lists_names_and_keeps_shortest_codes(qtbot) -> None:  # type: ignore[no-untyped-def]
    editor = TerritoryEditor()
    qtbot.addWidget(editor)
    editor.set_codes(["320100"])
    editor.picker.set_code("310115")
    editor.add_current()
    editor.add_current()  # twice: listed once
    assert editor.codes() == ["3201", "310115"]
    assert editor.list.item(0).text().startswith("江苏省 南京市")
    editor.list.setCurrentRow(0)
    editor.remove_selected()
    assert editor.codes() == ["310115"]


# the completion list is a popup: the offscreen platform cannot raise it or grab the keyboard
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise\(\)|grabbing the keyboard)"
)


def _type(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select the box's text, type ``text`` and press Enter, as a person does (Chinese
    through the input method's commit)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    combo.setFocus()
    combo.lineEdit().selectAll()
    if not text:
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Delete)
    elif text.isascii():
        qtbot.keyClicks(combo.lineEdit(), text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(combo.lineEdit(), event)
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)


@OFFSCREEN_POPUP
def test_boxes_can_be_typed_into_by_name_initials_and_code(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = RegionPicker(any_text="全部地区", search=False)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    assert picker.province.isEditable() and picker.search is None
    with qtbot.waitSignal(picker.changed) as signal:
        _type(qtbot, picker.province, "jss")  # pinyin initials
    assert signal.args == ["32"] and picker.province.currentText() == "江苏省"
    _type(qtbot, picker.city, "南京")  # part of the name
    assert picker.code() == "3201" and picker.city.currentText() == "南京市"
    _type(qtbot, picker.district, "320102")  # the code
    assert picker.code() == "320102" and picker.district.currentText() == "玄武区"
    _type(qtbot, picker.province, "310115")  # a district's code typed into the province box
    assert picker.code() == "310115" and picker.province.currentText() == "上海市"
    _type(qtbot, picker.district, "")  # emptied: the whole city
    assert picker.code() == "3101"


@OFFSCREEN_POPUP
def test_typed_text_that_matches_nothing_is_not_accepted(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = RegionPicker(any_text="全部地区", search=False)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.set_code("3201")
    changes: list[str] = []
    picker.changed.connect(changes.append)
    for nonsense in ("火星", "zzzz", "999999"):
        _type(qtbot, picker.city, nonsense)
        assert picker.code() == "3201" and picker.city.currentText() == "南京市", nonsense
    picker.activateWindow()
    qtbot.waitActive(picker)
    picker.city.setFocus()
    qtbot.waitUntil(picker.city.hasFocus)
    picker.city.lineEdit().selectAll()
    qtbot.keyClicks(picker.city.lineEdit(), "qqq")
    picker.province.setFocus()  # leaving the box
    qtbot.waitUntil(lambda: not picker.city.hasFocus())
    assert picker.city.currentText() == "南京市" and changes == []


@OFFSCREEN_POPUP
def test_the_completion_list_narrows_and_picks(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    picker = RegionPicker(search=False)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    picker.set_code("32")
    completer = picker.city.completer()
    picker.city.setFocus()
    picker.city.lineEdit().selectAll()
    qtbot.keyClicks(picker.city.lineEdit(), "sz")  # 苏州市, 宿迁市 … by their initials
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [
        completer.completionModel().index(row, 0).data()
        for row in range(completer.completionCount())
    ]
    assert "苏州市" in shown and "南京市" not in shown
    row = shown.index("苏州市")
    popup.setCurrentIndex(completer.completionModel().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.code() == "3205" and picker.city.currentText() == "苏州市"


def test_territory_editor_keeps_its_height_in_the_first_run_wizard(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """In the first-run wizard's roomy page the territory editor stays as high as its
    lines: the picker's search line sits by its label, the list right under it (the editor
    grew and opened gaps above the picker and below the list)."""
    from app.ui.first_run import FirstRunWizard
    from app.ui.services import UiServices

    wizard = FirstRunWizard(UiServices(ctx))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    editor = wizard.territory
    assert editor.height() <= editor.sizeHint().height()
    picker_top = editor.picker.mapTo(wizard, editor.picker.rect().topLeft()).y()
    list_top = editor.list.mapTo(wizard, editor.list.rect().topLeft()).y()
    assert list_top - picker_top <= editor.picker.height() + 20
