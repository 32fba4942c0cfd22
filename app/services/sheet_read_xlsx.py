"""Reading the first worksheet of an XLSX workbook for an import, row by row.

The zip's directory is checked against the uncompressed-size limits before openpyxl sees
the file. The sheet is parsed as a stream, ignoring its declared dimension (a lone cell at
``XFD1048576`` costs nothing): a fast regular-expression reader for plain sheets (our own
exports and most others), openpyxl's parser for the rest. A zip bomb within the size
limits is refused early: one row may take at most ``MAX_ROW_XML_BYTES`` of XML, and no
row may lie past a worksheet's last row, even an empty one. Dates read as the sheet shows
them; neutralised formula text is restored; every row is held to
``app.services.sheet_limits``."""

from __future__ import annotations

import codecs
import datetime as dt
import html
import logging
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.domain import sheets as limits
from app.errors import UserError
from app.i18n import tr
from app.services.sheet_limits import LimitError, checked_cells, megabytes

log = logging.getLogger(__name__)
_CHUNK = 1 << 20  # bytes of the sheet's XML decoded at a time
XLSX_LAST_ROW = 1_048_576  # a worksheet's last row: a part numbering rows past it is none
# The most sheet XML one row may take: 100 columns of 32 767 characters, escaped, fit in
# 20 MB. A zip bomb (a small file unpacking to one endless row) is refused here instead of
# being held whole (250 MB took a minute and a gigabyte).
MAX_ROW_XML_BYTES = 32 * 1024 * 1024

_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _date_text(value: dt.datetime | dt.date, number_format: str) -> str:
    """A date cell as the sheet shows it: ``YYYY-MM`` when its format has no day (Excel
    turns a typed ``2026-03`` into the 1st of March shown as 2026年3月), ``YYYY-MM-DD`` when
    it has no time of day, else ``YYYY-MM-DD HH:MM:SS``."""
    shown = _FORMAT_LITERALS.sub("", number_format or "").lower()
    if "d" not in shown and "y" in shown:
        return value.strftime("%Y-%m")
    if not isinstance(value, dt.datetime) or (
        "h" not in shown and "s" not in shown and value.time() == dt.time()
    ):
        return value.strftime("%Y-%m-%d")
    return value.isoformat(sep=" ")


def _cell_text(value: Any, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return _date_text(value, number_format)
    if isinstance(value, dt.time):
        return value.isoformat()
    return str(value)


def _unreadable(path: Path, exc: BaseException) -> UserError:
    """The one line for a damaged workbook. The reader's own words (English developer
    text such as "File is not a zip file") go to the log, not into a translated message."""
    log.warning("%s: not a readable XLSX workbook: %r", path.name, exc)
    return UserError(
        tr("import", "{file}: not a readable XLSX workbook (damaged, or not a workbook).").format(
            file=path.name
        )
    )


# the parts openpyxl reads whole before the sheet (names lower-cased)
_SETUP_PART = re.compile(
    r"(^\[content_types\]\.xml|\.rels|styles\.xml|workbook\.xml|theme\d*\.xml)$"
)


def _check_zip(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than the limits, before any parsing."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _unreadable(path, exc) from exc
    total = 0
    for member in members:
        total += member.file_size
        name = member.filename.lower()
        part_limit = (
            limits.MAX_SHARED_STRINGS
            if name.endswith("sharedstrings.xml")
            else limits.MAX_XLSX_SETUP_PART
            if _SETUP_PART.search(name)
            else limits.MAX_XLSX_PART
        )
        if member.file_size > part_limit or total > limits.MAX_XLSX_UNCOMPRESSED:
            limit = part_limit if member.file_size > part_limit else limits.MAX_XLSX_UNCOMPRESSED
            raise LimitError(
                tr(
                    "import",
                    "{file}: the workbook unpacks to more than {limit} MB (limit: uncompressed size).",
                ).format(file=path.name, limit=megabytes(limit))
            )


# the end of a row: its closing tag or a row element closed in itself (<row r="9"/>); text
# holds no "<", so these are markup
_ROW_END = re.compile(rb"</(?:[\w.-]+:)?row\s*>|<(?:[\w.-]+:)?row\b[^<>]*/>")


def _last_row_end(text: Any, pattern: re.Pattern[Any], start: int = 0) -> int:
    """The index just past the last row end in ``text[start:]`` (bytes or str), or -1:
    tried at each ``<`` from the end, so a chunk of ordinary rows costs a tag or two."""
    tag = b"<" if isinstance(text, bytes) else "<"
    end = len(text)
    while (at := text.rfind(tag, start, end)) >= 0:
        match = pattern.match(text, at)
        if match is not None:
            return match.end()
        end = at
    return -1


class _RowSizeGuard:
    """The sheet part as a stream that refuses to pass on more than ``MAX_ROW_XML_BYTES``
    after the end of a row (a row never closed counts to the end of the part)."""

    def __init__(self, source: Any, path: Path) -> None:
        self.source, self.path, self.since_row_end = source, path, 0

    def read(self, size: int = -1) -> bytes:
        data: bytes = self.source.read(size)
        end = _last_row_end(data, _ROW_END)
        self.since_row_end = len(data) - end if end >= 0 else self.since_row_end + len(data)
        if self.since_row_end > MAX_ROW_XML_BYTES:
            raise LimitError(
                tr(
                    "import",
                    "{file}: one row of the sheet holds more than {limit} MB of text (limit: cell length).",
                ).format(file=self.path.name, limit=megabytes(MAX_ROW_XML_BYTES))
            )
        return data


class _Sheet:
    """The first worksheet of a workbook opened with openpyxl's reader but without its
    ``ReadOnlyWorksheet``, whose constructor parses a whole sheet that declares no
    dimension (our own exports) just to size it: the manifest, shared strings, workbook
    and styles are read, then the sheet's XML is read once, here."""

    def __init__(self, path: Path) -> None:
        from openpyxl.reader.excel import ExcelReader
        from openpyxl.styles.stylesheet import apply_stylesheet

        self.reader = reader = ExcelReader(path, read_only=True, data_only=True)
        reader.read_manifest()
        reader.shared_strings = _shared_strings(reader)
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        sheets = [
            rel.target
            for _sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        ]
        if not sheets:
            raise ValueError("no worksheet")
        self.path = sheets[0]
        self.parent = reader.wb  # what ReadOnlyCell asks for a date cell's number format
        self.book = reader.wb
        self._shared_strings = reader.shared_strings

    def open(self) -> Any:
        return self.reader.archive.open(self.path)

    def close(self) -> None:
        self.reader.archive.close()


_SI = re.compile(r"<si\b[^>]*?(?:/>|>(.*?)</si>)", re.S)
_NOT_PLAIN_XML = re.compile(rb"<!|<\w+:(?:sst|si|r|t)\b")  # CDATA, DOCTYPE, prefixes


def _shared_strings(reader: Any) -> list[str]:
    """The workbook's shared strings as openpyxl's ``read_string_table`` gives them (each
    ``<si>``'s text and runs, phonetic runs left out, ``x005F_`` dropped), read with
    regular expressions when the part is plain UTF-8 XML: openpyxl builds objects for
    every string (a 158 kB file holding 3.7 million took three minutes). Anything else
    goes to openpyxl."""
    from openpyxl.reader.strings import read_string_table
    from openpyxl.xml.constants import SHARED_STRINGS

    part = reader.package.find(SHARED_STRINGS)
    if part is None:
        return []
    with reader.archive.open(part.PartName[1:]) as source:
        data = source.read()  # at most MAX_SHARED_STRINGS: checked before parsing
    text = None
    if _fast_sheet_possible(data[:4096]) and _NOT_PLAIN_XML.search(data) is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        import io

        return list(read_string_table(io.BytesIO(data)))
    strings = []
    for item in _SI.finditer(text):
        body = item.group(1) or ""
        if "<rPh" in body:
            body = _PHONETIC.sub("", body)
        value = "".join(_xml_text(t.group(1)) for t in _TEXT.finditer(body))
        strings.append(value.replace("x005F_", "") if "x005F_" in value else value)
    return strings


def iter_xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` of every row of the first worksheet that holds a value."""
    _check_zip(path)
    try:
        sheet = _Sheet(path)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise _unreadable(path, exc) from exc
    try:
        with sheet.open() as source:
            head = source.read(64 * 1024)
        fast = _fast_sheet_possible(head)
        with sheet.open() as part:
            source = _RowSizeGuard(part, path)
            try:
                cells_of_rows = (
                    _fast_sheet_cells(source, sheet.book, sheet)
                    if fast
                    else _openpyxl_sheet_cells(source, sheet.book, sheet)
                )
                for row_no, parsed in cells_of_rows:
                    if row_no > XLSX_LAST_ROW:  # even empty: 45 million <row/> took minutes
                        raise LimitError(
                            tr(
                                "import",
                                "{file}: more than {limit} rows (limit: rows); split the file.",
                            ).format(file=path.name, limit=f"{limits.MAX_ROWS:,}")
                        )
                    cells: list[str] = []
                    for column, text in parsed:
                        if column > limits.MAX_COLUMNS:
                            raise LimitError(
                                tr(
                                    "import",
                                    "{file}: row {row} has a value in column {column}, beyond the "
                                    "limit of {limit} columns (limit: columns).",
                                ).format(
                                    file=path.name,
                                    row=row_no,
                                    column=limits.column_letter(column),
                                    limit=limits.MAX_COLUMNS,
                                )
                            )
                        if len(cells) < column:
                            cells.extend([""] * (column - len(cells)))
                        cells[column - 1] = limits.restore(limits.xlsx_unescape(text))
                    if cells:
                        yield row_no, checked_cells(path, row_no, cells)
            except (LimitError, GeneratorExit):
                raise
            except Exception as exc:  # a damaged sheet part
                raise _unreadable(path, exc) from exc
    finally:
        sheet.close()


def _openpyxl_sheet_cells(
    source: Any, book: Any, sheet: Any
) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    """``(row, [(column, text)])`` of the cells holding a value, by openpyxl's parser (it
    yields only the cells the file holds: openpyxl's read-only rows would pad every row to
    the declared dimension, 16 384 × 1 048 576 for ``XFD1048576``)."""
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    parser = WorkSheetParser(
        source,
        sheet._shared_strings,
        data_only=True,
        epoch=book.epoch,
        date_formats=book._date_formats,
        timedelta_formats=book._timedelta_formats,
    )
    for row_no, parsed in parser.parse():
        out = []
        for cell in parsed:
            value = cell["value"]
            if value is None or value == "":
                continue
            number_format = (
                ReadOnlyCell(sheet, **cell).number_format
                if isinstance(value, (dt.date, dt.time))
                else ""
            )
            out.append(
                (
                    cell["column"],
                    value if isinstance(value, str) else _cell_text(value, number_format),
                )
            )
        yield row_no, out


# A sheet as Excel, LibreOffice and openpyxl write it (no namespace prefixes, UTF-8) is
# read with regular expressions: ~10 times faster than openpyxl's parser (100 000 rows of
# 17 cells in ~3 s instead of ~25 s). Anything else goes to openpyxl's parser.
_ROW = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(r"""\br\s*=\s*["']([A-Za-z]+)?(\d*)["']""")
_TYPE = re.compile(r"""\bt\s*=\s*["'](\w+)["']""")
_STYLE = re.compile(r"""\bs\s*=\s*["'](\d+)["']""")
_VALUE = re.compile(r"<v\b[^>]*?(?:/>|>(.*?)</v>)", re.S)
_TEXT = re.compile(r"<t\b[^>]*?(?:/>|>(.*?)</t>)", re.S)
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.S)
_ROW_END_TEXT = re.compile(r"</row>|<row\b[^<>]*/>")
_COLUMNS: dict[str, int] = {}


def _fast_sheet_possible(head: bytes) -> bool:
    text = head.decode("utf-8", errors="replace")
    prolog = text[: text.find("?>") + 2] if text.startswith("<?xml") else ""
    if "encoding" in prolog and not re.search(r"""encoding\s*=\s*["']utf-?8["']""", prolog, re.I):
        return False
    return re.search(r"<\w+:(worksheet|sheetData|row|c)\b", text) is None


def _column_number(letters: str) -> int:
    number = _COLUMNS.get(letters)
    if number is None:
        number = 0
        for char in letters.upper():
            number = number * 26 + ord(char) - 64
        _COLUMNS[letters] = number
    return number


def _xml_text(text: str | None) -> str:
    """Character data as an XML parser gives it: line ends normalised, then references
    (``&amp;``, ``&#13;``) replaced."""
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return html.unescape(text) if "&" in text else text


def _fast_sheet_cells(
    source: Any, book: Any, sheet: Any
) -> Iterator[tuple[int, list[tuple[int, str]]]]:
    decoder = codecs.getincrementaldecoder("utf-8")()
    shared = sheet._shared_strings
    date_styles = book._date_formats
    buffer = ""
    row_no = 0
    while True:
        chunk = source.read(_CHUNK)
        searched = max(0, len(buffer) - 512)  # the rest holds no row end (a tag may straddle)
        buffer += decoder.decode(chunk, final=not chunk)
        cut = len(buffer) if not chunk else _last_row_end(buffer, _ROW_END_TEXT, searched)
        if cut < 0:
            continue
        for row in _ROW.finditer(buffer, 0, cut):
            ref = _REF.search(row.group(1))
            row_no = int(ref.group(2)) if ref and ref.group(2) else row_no + 1
            body = row.group(2) or ""
            quick = _quick_row(body, shared, date_styles)
            if quick is not None:
                yield row_no, quick
                continue
            out: list[tuple[int, str]] = []
            column = 0
            for cell in _CELL.finditer(body):
                attrs, body = cell.group(1), cell.group(2)
                ref = _REF.search(attrs)
                column = _column_number(ref.group(1)) if ref and ref.group(1) else column + 1
                if not body:
                    continue
                kind = _TYPE.search(attrs)
                text = _fast_value(
                    kind.group(1) if kind else "n",
                    body,
                    attrs,
                    shared,
                    date_styles,
                    book,
                    sheet,
                    row_no,
                    column,
                )
                if text:
                    out.append((column, text))
            yield row_no, out
        buffer = buffer[cut:]
        if not chunk:
            return


# the cell as Excel, LibreOffice and openpyxl write it: r, then s, then t; a value, an
# inline string or a formula with its cached value
_QUICK_CELL = re.compile(
    r'<c r="([A-Z]{1,3})\d*"(?: s="(\d+)")?(?: t="(\w+)")?\s*'
    r"(?:/>|>(?:<f\b[^>]*?(?:/>|>[^<]*</f>))?(?:<v>([^<]*)</v>|<is>(.*?)</is>|<v\s*/>)?</c>)",
    re.S,
)


def _quick_row(body: str, shared: list[str], date_styles: set[int]) -> list[tuple[int, str]] | None:
    """The row's cells by one expression per cell, or None when a cell has another form
    (attributes in another order, a date, rich text): the general path reads the row."""
    out: list[tuple[int, str]] = []
    matches = 0
    for match in _QUICK_CELL.finditer(body):
        matches += 1
        letters, style, kind, value, inline = match.groups()
        if style is not None and date_styles and int(style) in date_styles:
            return None
        if inline is not None:
            if "<rPh" in inline or "<r>" in inline:
                return None
            if inline.count("<t") == 1:  # the usual single run: cut it out
                end = inline.rfind("</t>")
                text = _xml_text(inline[inline.find(">") + 1 : end]) if end >= 0 else ""
            else:
                text = "".join(_xml_text(t.group(1)) for t in _TEXT.finditer(inline))
        elif not value:
            continue
        elif kind == "s":
            text = str(shared[int(value)])
        elif kind is None or kind == "n":
            text = (
                _cell_text(float(value), "")
                if ("." in value or "e" in value or "E" in value)
                else str(int(value))
            )
        elif kind in ("str", "e"):
            text = _xml_text(value)
        else:
            return None
        if text:
            out.append((_column_number(letters), text))
    if matches != body.count("<c ") + body.count("<c>") + body.count("<c/"):
        return None
    return out


def _fast_value(
    kind: str,
    body: str,
    attrs: str,
    shared: list[str],
    date_styles: set[int],
    book: Any,
    sheet: Any,
    row_no: int,
    column: int,
) -> str:
    if kind == "inlineStr":
        if "<rPh" in body:
            body = _PHONETIC.sub("", body)
        return "".join(_xml_text(t.group(1)) for t in _TEXT.finditer(body))
    found = _VALUE.search(body)
    value = found.group(1) if found else None
    if not value:
        return ""
    if kind == "s":
        return str(shared[int(value)])
    if kind in ("str", "e"):
        return _xml_text(value)
    if kind == "b":
        return "TRUE" if value.strip() in ("1", "true") else "FALSE"
    style_match = _STYLE.search(attrs)
    style = int(style_match.group(1)) if style_match else 0
    if kind == "d" or style in date_styles:
        from openpyxl.cell.read_only import ReadOnlyCell
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        moment = (
            from_ISO8601(value)
            if kind == "d"
            else from_excel(float(value), book.epoch, timedelta=style in book._timedelta_formats)
        )
        return _cell_text(
            moment, ReadOnlyCell(sheet, row_no, column, moment, "d", style).number_format
        )
    if "." in value or "e" in value or "E" in value:
        return _cell_text(float(value), "")
    return str(int(value))
