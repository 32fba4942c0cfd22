"""pytest-qt: the region picker's cascade, its search by name, code and pinyin initials,
and the territory editor of the first-run wizard."""

from __future__ import annotations

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
