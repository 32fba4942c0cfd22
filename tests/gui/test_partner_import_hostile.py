"""Hostile files through the Partners section's import (the same staged path as the CLI,
run by OpRunner with progress): each is one error line in the message bar, never the crash
dialog, and the partners saved before are all there."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.services import partner_io, partner_list


def _unclosed_row_bomb(folder: Path) -> Path:
    """A few tens of kB unpacking to a 40 MB sheet row that never closes."""
    from openpyxl import Workbook

    plain = folder / "plain.xlsx"
    book = Workbook()
    book.active.append(["code", "name"])
    book.save(plain)
    path = folder / "bomb.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (
                    data.split(b"</row>")[0]
                    + b'</row><row r="2"><c r="A2" t="inlineStr"><is><t>'
                    + b"A" * (40 * 1024 * 1024)
                )
            out.writestr(item.filename, data)
    return path


CASES = {
    "latin.csv": (b"code,na\xffme,grade\nP1,\xff\x80shop,A\n", "neither UTF-8 nor GBK"),
    "fake.xlsx": (b"PK\x03\x04" + b"\x00" * 100, "not a readable XLSX workbook"),
    "dup.csv": ("code,name\nP1,一\nP1,二\n".encode(), "duplicate code P1"),
}


@pytest.mark.parametrize("name", [*CASES, "bomb.xlsx"])
def test_a_hostile_file_is_one_error_line_and_the_saved_partners_stay(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:  # type: ignore[no-untyped-def]
    seed = tmp_path / "seed.csv"
    seed.write_text("code,name,grade\nS1,种子一号,A\nS2,种子二号,B\n", encoding="utf-8")
    partner_io.import_partners(ctx, seed)
    if name == "bomb.xlsx":
        path, expected = _unclosed_row_bomb(tmp_path), "limit: cell length"
    else:
        data, expected = CASES[name]
        path = tmp_path / name
        path.write_bytes(data)
    ui, window = ui_window
    crashes: list[BaseException] = []
    monkeypatch.setattr(ui, "show_crash", lambda exc, tb="": crashes.append(exc))
    section = window.show_section("partners")
    with qtbot.waitSignal(ui.message, timeout=60_000):
        section.import_dialog(str(path))
    ui.ops.wait(10_000)
    assert crashes == []
    assert window.message_bar.level == "error"
    shown = window.message_bar.label.text() + window.message_bar.details.toPlainText()
    assert expected in shown and "Internal error" not in shown, shown
    assert partner_list.partner_count(ctx, partner_list.PartnerQuery()) == 2
