"""Hostile table files at the reader: bytes that are neither UTF-8 nor GBK anywhere in a
CSV, a sheet whose XML never closes a row or holds one enormous cell (a zip bomb: a small
file, a huge sheet part), and more row elements than a worksheet can have. Each is one
``UserError`` or ``LimitError`` naming the problem, found without reading the rest."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from app.errors import UserError
from app.services import sheet_read_xlsx
from app.services.sheet_limits import LimitError
from app.services.sheet_read import iter_table

HEADER = b"code,name,grade\n"


@pytest.mark.parametrize(
    "data",
    [
        b"code,na\xffme,grade\nP1,A,A\n",  # in the header line
        HEADER + b"P1,\xff\x80shop,A\n",  # in the first 8 kB
        HEADER + b"P0,shop,A\n" * 20_000 + b"P1,\xff\x80shop,A\n",  # far down the file
    ],
)
def test_csv_bytes_neither_utf8_nor_gbk_are_one_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    with pytest.raises(UserError, match="neither UTF-8 nor GBK"):
        for _row in iter_table(path):
            pass


def _workbook(tmp_path: Path, rows_xml: bytes, name: str = "w.xlsx") -> Path:
    """A one-sheet workbook (openpyxl's own parts) whose sheetData is ``rows_xml``."""
    from openpyxl import Workbook

    plain = tmp_path / "plain.xlsx"
    book = Workbook()
    book.active.append(["code", "name"])
    book.save(plain)
    path = tmp_path / name
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                head = data.split(b"<sheetData>")[0]
                data = head + b"<sheetData>" + rows_xml
            out.writestr(item.filename, data)
    return path


HEAD_ROW = (
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c>'
    b'<c r="B1" t="inlineStr"><is><t>name</t></is></c></row>'
)


@pytest.mark.parametrize("closed", [True, False])
def test_a_row_of_megabytes_is_refused_without_holding_the_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, closed: bool
) -> None:
    """A zip bomb: a small file whose sheet part unpacks to one enormous row (closed, or
    never closed). The reader stops at the most XML a row can take, not at the end of
    the part (250 MB took a minute and a gigabyte)."""
    monkeypatch.setattr(sheet_read_xlsx, "MAX_ROW_XML_BYTES", 2 * 1024 * 1024)
    huge = b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"A" * (24 * 1024 * 1024)
    if closed:
        huge += b"</t></is></c></row></sheetData></worksheet>"
    path = _workbook(tmp_path, HEAD_ROW + huge)
    assert path.stat().st_size < 200 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(LimitError, match="limit: cell length") as info:
            for _row in iter_table(path):
                pass
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "2 MB" in str(info.value)
    assert peak < 16 * 1024 * 1024, peak


def test_more_row_elements_than_a_worksheet_holds_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Empty rows cost nothing up to a worksheet's last row (1 048 576); a part with more
    row elements than that (45 million ``<row/>`` in 250 MB took four minutes) is not a
    worksheet, and is refused at the first row past it."""
    monkeypatch.setattr(sheet_read_xlsx, "XLSX_LAST_ROW", 5_000)
    path = _workbook(
        tmp_path, HEAD_ROW + b"<row/>" * 4_000 + b"</sheetData></worksheet>", "ok.xlsx"
    )
    assert [row for row, _cells in iter_table(path)] == [1]
    path = _workbook(
        tmp_path, HEAD_ROW + b"<row/>" * 200_000 + b"</sheetData></worksheet>", "bomb.xlsx"
    )
    with pytest.raises(LimitError, match="limit: rows"):
        for _row in iter_table(path):
            pass


def test_the_row_limit_counts_rows_by_their_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row numbered past the worksheet's last row is refused even when empty."""
    monkeypatch.setattr(sheet_read_xlsx, "XLSX_LAST_ROW", 5_000)
    path = _workbook(tmp_path, HEAD_ROW + b'<row r="5001"/></sheetData></worksheet>')
    with pytest.raises(LimitError, match="limit: rows"):
        list(iter_table(path))


def test_a_csv_line_longer_than_any_table_needs_is_refused_before_it_is_split(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """50 MB of commas on one line made a list of 50 million empty cells (486 MB, 22 s)
    and then imported; a line longer than the widest table within the limits needs is
    refused as it is read. A long line that fits still reads."""
    from app.services import sheet_read_csv

    monkeypatch.setattr(sheet_read_csv, "MAX_LINE_CHARS", 10_000)
    path = tmp_path / "wide.csv"
    path.write_text("code,name\nP1,A" + "," * 50_000 + "\n", encoding="utf-8")
    rows = iter_table(path)
    assert next(rows) == (1, ["code", "name"])
    with pytest.raises(LimitError, match="limit: cell length") as info:
        next(rows)
    assert "line 2" in str(info.value)
    path.write_text("code,name,notes\nP1,A," + "备" * 9_000 + "\n", encoding="utf-8")
    assert [len(cells[-1]) for _row, cells in iter_table(path)] == [5, 9_000]


def _padded(tmp_path: Path, part: str, pad: int) -> Path:
    """An openpyxl workbook with ``pad`` bytes of white space added inside ``part``."""
    from openpyxl import Workbook

    plain = tmp_path / "plain.xlsx"
    book = Workbook()
    book.active.append(["code", "name"])
    book.active.append(["P1", "甲"])
    book.save(plain)
    path = tmp_path / f"padded-{part.replace('/', '_')}.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == part:
                data = (
                    data.replace(b"?>", b"?>" + b" " * pad, 1)
                    if b"?>" in data
                    else (b" " * pad + data)
                )
            out.writestr(item.filename, data)
    return path


@pytest.mark.parametrize(
    "part",
    ["xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels"],
)
def test_a_part_parsed_whole_before_the_sheet_is_held_to_16_mb(tmp_path: Path, part: str) -> None:
    """openpyxl parses the styles, workbook, content types and relationships into trees
    before the sheet: a 5 MB workbook whose styles unpacked to 80 MB held 1.46 GB for a
    minute. Such a part over 16 MB is refused before parsing; the streamed sheet may be
    larger."""
    from app.domain import sheets

    assert sheets.MAX_XLSX_SETUP_PART == 16 * 1024 * 1024
    path = _padded(tmp_path, part, 17 * 1024 * 1024)
    with pytest.raises(LimitError, match="16 MB"):
        list(iter_table(path))
    sheet = _padded(tmp_path, "xl/worksheets/sheet1.xml", 17 * 1024 * 1024)
    assert [cells for _row, cells in iter_table(sheet)] == [["code", "name"], ["P1", "甲"]]


def test_a_prefixed_sheet_with_an_endless_row_is_refused_by_openpyxls_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sheet whose tags carry a prefix goes to openpyxl's parser; the row-size guard
    sits under it too, and counts ``</x:row>`` and ``<x:row/>`` as row ends."""
    monkeypatch.setattr(sheet_read_xlsx, "MAX_ROW_XML_BYTES", 1024 * 1024)
    calls: list[str] = []
    real = sheet_read_xlsx._openpyxl_sheet_cells
    monkeypatch.setattr(
        sheet_read_xlsx,
        "_openpyxl_sheet_cells",
        lambda *args: calls.append("openpyxl") or real(*args),
    )
    head = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>code</x:t></x:is></x:c>'
        b'<x:c r="B1" t="inlineStr"><x:is><x:t>name</x:t></x:is></x:c></x:row>'
    )
    fine = head + b"<x:row/>" * 300_000 + b"</x:sheetData></x:worksheet>"
    endless = head + b'<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>' + b"A" * (8 << 20)
    for name, sheet in (("fine.xlsx", fine), ("endless.xlsx", endless)):
        path = _workbook(tmp_path, b"", name)
        with zipfile.ZipFile(path) as source:
            parts = {item.filename: source.read(item.filename) for item in source.infolist()}
        parts["xl/worksheets/sheet1.xml"] = sheet
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for part, data in parts.items():
                out.writestr(part, data)
        if name == "fine.xlsx":
            assert [cells for _row, cells in iter_table(path)] == [["code", "name"]]
        else:
            with pytest.raises(LimitError, match="limit: cell length"):
                list(iter_table(path))
    assert calls == ["openpyxl", "openpyxl"]


SST_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9">'
)
SST_ITEMS = [
    b"<si><t>plain</t></si>",
    b'<si><t xml:space="preserve">  spaced  </t></si>',
    b"<si><t/></si>",
    b"<si/>",
    b"<si><t>A &amp; B &lt;c&gt; &#13;&#10; &#x4E2D;</t></si>",
    b"<si><t>line\r\nbreak\rend</t></si>",
    b'<si><r><rPr><b/><sz val="11"/></rPr><t>bold</t></r><r><t xml:space="preserve"> tail</t></r></si>',
    '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>'.encode(),
    b"<si><t>under_x005F_x000D_score _x0041_</t></si>",
    "<si><t>上海浦东金桥通信器材经营部</t></si>".encode(),
]


@pytest.mark.parametrize("prefixed", [False, True])
def test_shared_strings_read_as_openpyxl_reads_them(prefixed: bool) -> None:
    """The shared strings are read with regular expressions (openpyxl took three minutes
    for 3.7 million): the same strings as openpyxl's reader for every form a string
    takes (runs, phonetic runs, entities, line ends, empty ones, escapes); a part with
    prefixed tags goes to openpyxl itself."""
    from openpyxl.reader.strings import read_string_table
    from openpyxl.xml.constants import SHARED_STRINGS

    data = SST_HEAD + b"".join(SST_ITEMS) + b"</sst>"
    if prefixed:
        data = data.replace(b"<sst xmlns=", b"<x:sst xmlns:x=").replace(b"</sst>", b"</x:sst>")
        for tag in (b"si", b"t", b"r", b"rPr", b"b", b"sz", b"rPh", b"phoneticPr"):
            data = data.replace(b"<" + tag + b">", b"<x:" + tag + b">")
            data = data.replace(b"<" + tag + b" ", b"<x:" + tag + b" ")
            data = data.replace(b"<" + tag + b"/>", b"<x:" + tag + b"/>")
            data = data.replace(b"</" + tag + b">", b"</x:" + tag + b">")

    class Part:
        PartName = "/xl/sharedStrings.xml"

    class Package:
        @staticmethod
        def find(content_type: str) -> object:
            assert content_type == SHARED_STRINGS
            return Part

    class Archive:
        @staticmethod
        def open(name: str) -> io.BytesIO:
            assert name == "xl/sharedStrings.xml"
            return io.BytesIO(data)

    class Reader:
        package, archive = Package, Archive

    expected = list(read_string_table(io.BytesIO(data)))
    assert len(expected) == len(SST_ITEMS) and expected[0] == "plain"
    assert sheet_read_xlsx._shared_strings(Reader) == expected
