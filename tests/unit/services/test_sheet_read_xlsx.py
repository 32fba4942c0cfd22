"""The XLSX sheet reader: its quick path (regular expressions over the sheet XML) reads
every kind of cell exactly as openpyxl's own parser does — numbers, dates, booleans,
formulas with cached values, shared, inline and rich strings, escapes — and falls back
to openpyxl for sheets written with namespace prefixes."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from app.services import sheet_read_xlsx as xlsx
from app.services.sheet_read import iter_table


def _both(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[tuple[int, list[str]]], list[tuple[int, list[str]]]]:
    quick = list(iter_table(path))
    with monkeypatch.context() as m:
        m.setattr(xlsx, "_fast_sheet_possible", lambda head: False)
        slow = list(iter_table(path))
    return quick, slow


def test_quick_reader_equals_openpyxl_on_every_kind_of_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    book = Workbook()
    sheet = book.active
    sheet.append(["code", "name", "n", "f", "date", "month", "bool", "formula", "rich", "esc"])
    sheet.append(
        [
            "A1",
            "甲 & <乙>",
            42,
            3.25,
            dt.date(2026, 3, 5),
            dt.datetime(2026, 3, 1),
            True,
            "=1+2",
            None,
            "a_x000D_b\r",
        ]
    )
    sheet.append(
        [
            "A2",
            "  spaced  ",
            -7,
            1e20,
            dt.datetime(2026, 3, 5, 8, 30),
            None,
            False,
            None,
            None,
            "&amp; 'x",
        ]
    )
    sheet["F2"].number_format = "yyyy-mm"
    sheet["I2"] = CellRichText([TextBlock(InlineFont(b=True), "粗"), "体"])
    sheet["H3"] = "=SUM(C2:C3)"
    path = tmp_path / "kinds.xlsx"
    book.save(path)
    quick, slow = _both(path, monkeypatch)
    assert quick == slow
    assert quick[1][1][:7] == ["A1", "甲 & <乙>", "42", "3.25", "2026-03-05", "2026-03", "TRUE"]


def test_quick_reader_equals_openpyxl_on_calc_and_our_exports(
    ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.services import partner_io

    data = Path(__file__).resolve().parents[2] / "data" / "sheets"
    for name in ("libreoffice-from-csv.xlsx", "libreoffice-resaved-export.xlsx"):
        quick, slow = _both(data / name, monkeypatch)
        assert quick == slow and len(quick) == 3
    partner_io.import_partners(ctx, data / "libreoffice-from-csv.xlsx")
    ours = tmp_path / "ours.xlsx"
    partner_io.export_partners(ctx, ours)
    quick, slow = _both(ours, monkeypatch)
    assert quick == slow and quick[1][1][1] == '=HYPERLINK("http://x","y")'


def test_prefixed_sheets_go_to_openpyxl(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["code", "name"])
    book.active.append(["P1", "甲"])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    prefixed = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(prefixed, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = text.replace("<worksheet xmlns=", "<x:worksheet xmlns:x=").replace(
                    "</worksheet>", "</x:worksheet>"
                )
                for tag in (
                    "sheetData",
                    "row",
                    "c",
                    "v",
                    "is",
                    "t",
                    "dimension",
                    "sheetViews",
                    "sheetView",
                    "selection",
                    "sheetFormatPr",
                    "pageMargins",
                    "sheetPr",
                    "outlinePr",
                    "pageSetUpPr",
                ):
                    text = (
                        text.replace(f"<{tag}>", f"<x:{tag}>")
                        .replace(f"<{tag} ", f"<x:{tag} ")
                        .replace(f"</{tag}>", f"</x:{tag}>")
                    )
                data = text.encode()
            dst.writestr(item, data)
    assert not xlsx._fast_sheet_possible(
        zipfile.ZipFile(prefixed).read("xl/worksheets/sheet1.xml")[:65536]
    )
    assert list(iter_table(prefixed)) == [(1, ["code", "name"]), (2, ["P1", "甲"])]
