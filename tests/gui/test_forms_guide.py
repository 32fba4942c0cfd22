"""pytest-qt: forms that guide — a number item takes only numbers, and sealing with
unanswered required items outlines every one of them, scrolls to the first and focuses it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit

from app.services import partner_io, visits


def _visit(ctx, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nV1,静安寺旗舰店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    return visits.new_visit(ctx, "V1")


def test_number_item_refuses_letters(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    visit_id = _visit(ctx, tmp_path)
    _ui, window = ui_window
    section = window.show_section("visits")
    section.editor.load(visit_id)
    line = section.editor.editors["stock_units"]
    assert isinstance(line, QLineEdit) and line.validator() is not None
    qtbot.keyClicks(line, "abc12x")
    assert line.text() == "12"
    assert line.placeholderText()


def test_submit_marks_every_missing_item_and_focuses_the_first(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    visit_id = _visit(ctx, tmp_path)
    _ui, window = ui_window
    window.resize(1280, 800)
    section = window.show_section("visits")
    editor = section.editor
    editor.load(visit_id)
    visits.answer(ctx, visit_id, "signage", "yes")
    window.activateWindow()
    qtbot.waitUntil(
        lambda: window.isActiveWindow() and editor.editors["signage"].isVisible(), timeout=3000
    )
    editor.submit()
    missing = editor.missing_required()
    assert len(missing) > 2 and "signage" not in missing
    assert all(editor.editors[k].property("missing") for k in missing)
    assert not editor.editors["signage"].property("missing")
    qtbot.waitUntil(lambda: editor.editors[missing[0]].hasFocus(), timeout=3000)
    assert visits.visit_detail(ctx, visit_id)["status"] == "draft"
    labels = {i["key"]: i["label"] for i in visits.visit_detail(ctx, visit_id)["items"]}
    assert labels[missing[0]] in window.message_bar.label.text()
    assert missing[0] not in window.message_bar.label.text()  # people's words, not keys
