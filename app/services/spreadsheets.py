"""Reading and writing spreadsheets (CSV and XLSX) for every import and export, row by
row and within limits.

Reading refuses anything that is not a regular file (a device such as ``/dev/zero``, a
FIFO) before opening it, and stops with one message naming the limit a file broke:
file size, uncompressed XLSX size (the zip's directory is checked before openpyxl sees
the file), rows, columns or characters in a cell (``app.domain.sheets``). XLSX sheets
are parsed as a stream (openpyxl's read-only parser, ignoring the sheet's declared
dimension, so a lone cell at ``XFD1048576`` costs nothing). CSV is UTF-8 (with or
without BOM) or GBK/GB18030, detected in a first pass over the bytes.

Text that the exporter neutralised against formula injection is restored here
(``app.domain.sheets.restore``), so our own files read back exactly."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import html
import io
import os
import re
import stat
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.atomic import Durability, atomic_path
from app.domain import sheets as limits
from app.errors import UserError, ValidationError
from app.i18n import tr


@dataclass
class RowError:
    """One problem of an imported row; ``column`` is the column's name as the file
    names it (or its key when the file has no such column)."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return tr("import", "row {row}, column {column}: {message}").format(
            row=self.row, column=self.column, message=self.message
        )


class LimitError(UserError):
    """A file broke one of the import limits (the message names which)."""


def _mb(size: int) -> int:
    return size // (1024 * 1024)


def check_file(path: Path) -> os.stat_result:
    """The file's status, after refusing what no import can read: missing, a folder, not a
    regular file (never opened: a FIFO would block and ``/dev/zero`` never ends), too large."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise UserError(tr("import", "File not found: {file}").format(file=path)) from None
    except OSError as exc:
        raise UserError(
            tr("import", "Cannot read {file}: {error}").format(file=path, error=exc.strerror or exc)
        ) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=path))
    if not stat.S_ISREG(info.st_mode):
        raise LimitError(
            tr(
                "import",
                "{file} is not a regular file (a device, pipe or socket); give a saved CSV or XLSX file.",
            ).format(file=path)
        )
    if info.st_size > limits.MAX_FILE_BYTES:
        raise LimitError(
            tr("import", "{file} is larger than {limit} MB (limit: file size).").format(
                file=path.name, limit=_mb(limits.MAX_FILE_BYTES)
            )
        )
    return info


# -- CSV ---------------------------------------------------------------------------------

_CHUNK = 1 << 20


def _csv_encoding(path: Path) -> str:
    """UTF-8 (``utf-8-sig`` drops a BOM) when the whole file decodes as UTF-8, else GB18030
    (a superset of GBK); refuses binary files (a NUL byte)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            if b"\x00" in chunk:
                raise UserError(
                    tr("import", "{file}: this is not a text CSV file.").format(file=path.name)
                )
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8 = False
    return "utf-8-sig" if utf8 else "gb18030"


def _delimiter(header_line: str) -> str:
    """The header's field separator: ``,`` unless ``;`` or tab splits it into more fields
    (a guess from the header only: text in the rows below may hold any of them)."""
    counts = {
        d: len(next(csv.reader([header_line.rstrip("\r\n")], delimiter=d), []))
        for d in (",", ";", "\t")
    }
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] > 1 else ","


def _iter_csv(path: Path) -> Iterator[tuple[int, list[str]]]:
    encoding = _csv_encoding(path)
    with path.open("r", encoding=encoding, errors="strict", newline="") as fh:
        first_line = fh.readline(64 * 1024)
        fh.seek(0)
        reader = csv.reader(fh, delimiter=_delimiter(first_line))
        row_no = 0
        try:
            for row in reader:
                row_no += 1
                if "'" in "".join(row):
                    row = [limits.restore(c) if c[:1] == "'" else c for c in row]
                yield row_no, _checked_cells(path, row_no, row)
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise LimitError(
                    tr(
                        "import",
                        "{file}: row {row} holds a cell of more than {limit} characters (limit: cell length).",
                    ).format(file=path.name, row=row_no + 1, limit=limits.MAX_CELL_CHARS)
                ) from exc
            raise UserError(
                tr("import", "{file}: malformed CSV ({error}).").format(file=path.name, error=exc)
            ) from exc
        except (
            UnicodeDecodeError
        ) as exc:  # pragma: no cover - the first pass decoded the same bytes
            raise UserError(
                tr("import", "{file}: the text encoding is neither UTF-8 nor GBK.").format(
                    file=path.name
                )
            ) from exc


def _checked_cells(path: Path, row_no: int, cells: list[str]) -> list[str]:
    if row_no > limits.MAX_ROWS + 1 and any(cells):
        raise LimitError(
            tr("import", "{file}: more than {limit} rows (limit: rows); split the file.").format(
                file=path.name, limit=f"{limits.MAX_ROWS:,}"
            )
        )
    if len(cells) > limits.MAX_COLUMNS:
        extra = next((i for i in range(limits.MAX_COLUMNS, len(cells)) if cells[i].strip()), None)
        if extra is not None:
            raise LimitError(
                tr(
                    "import",
                    "{file}: row {row} has a value in column {column}, beyond the limit of "
                    "{limit} columns (limit: columns).",
                ).format(
                    file=path.name,
                    row=row_no,
                    column=limits.column_letter(extra + 1),
                    limit=limits.MAX_COLUMNS,
                )
            )
        cells = cells[: limits.MAX_COLUMNS]
    if cells and max(map(len, cells)) <= limits.MAX_CELL_CHARS:
        return cells
    for index, cell in enumerate(cells):
        if len(cell) > limits.MAX_CELL_CHARS:
            raise LimitError(
                tr(
                    "import",
                    "{file}: the cell {cell} holds {length} characters, more than {limit} (limit: cell length).",
                ).format(
                    file=path.name,
                    cell=f"{limits.column_letter(index + 1)}{row_no}",
                    length=f"{len(cell):,}",
                    limit=f"{limits.MAX_CELL_CHARS:,}",
                )
            )
    return cells


# -- XLSX --------------------------------------------------------------------------------

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


def _check_zip(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than the limits, before any parsing."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(
            tr("import", "{file}: not a readable XLSX workbook ({error}).").format(
                file=path.name, error=exc
            )
        ) from exc
    total = 0
    for member in members:
        total += member.file_size
        name = member.filename.lower()
        part_limit = (
            limits.MAX_SHARED_STRINGS
            if name.endswith("sharedstrings.xml")
            else limits.MAX_XLSX_PART
        )
        if member.file_size > part_limit or total > limits.MAX_XLSX_UNCOMPRESSED:
            limit = part_limit if member.file_size > part_limit else limits.MAX_XLSX_UNCOMPRESSED
            raise LimitError(
                tr(
                    "import",
                    "{file}: the workbook unpacks to more than {limit} MB (limit: uncompressed size).",
                ).format(file=path.name, limit=_mb(limit))
            )


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
        reader.read_strings()
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


def _iter_xlsx(path: Path) -> Iterator[tuple[int, list[str]]]:
    _check_zip(path)
    try:
        sheet = _Sheet(path)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise UserError(
            tr("import", "{file}: not a readable XLSX workbook ({error}).").format(
                file=path.name, error=exc
            )
        ) from exc
    try:
        with sheet.open() as source:
            head = source.read(64 * 1024)
        fast = _fast_sheet_possible(head)
        with sheet.open() as source:
            try:
                cells_of_rows = (
                    _fast_sheet_cells(source, sheet.book, sheet)
                    if fast
                    else _openpyxl_sheet_cells(source, sheet.book, sheet)
                )
                for row_no, parsed in cells_of_rows:
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
                        yield row_no, _checked_cells(path, row_no, cells)
            except (LimitError, GeneratorExit):
                raise
            except Exception as exc:  # a damaged sheet part
                raise UserError(
                    tr("import", "{file}: not a readable XLSX workbook ({error}).").format(
                        file=path.name, error=exc
                    )
                ) from exc
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
        buffer += decoder.decode(chunk, final=not chunk)
        cut = len(buffer) if not chunk else buffer.rfind("</row>") + len("</row>")
        if cut < len("</row>") and chunk:
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


# -- any table ---------------------------------------------------------------------------


def iter_table(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(row number as a spreadsheet shows it, cells)`` of every row that holds a value,
    header first, read as a stream; ``UserError`` / ``LimitError`` for unreadable files."""
    path = Path(path)
    check_file(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = _iter_xlsx(path)
    elif suffix in (".csv", ".txt", ""):
        rows = _iter_csv(path)
    else:
        raise UserError(
            tr("import", "{file}: unsupported file type; use .csv or .xlsx.").format(file=path.name)
        )
    try:
        yield from rows
    except OSError as exc:
        raise UserError(
            tr("import", "Cannot read {file}: {error}").format(file=path, error=exc.strerror or exc)
        ) from exc
    finally:
        rows.close()


def read_table(path: Path) -> list[list[str]]:
    """All rows of a small CSV or XLSX file (header first; a row missing from an XLSX is
    an empty list, so list index + 1 is the row number)."""
    table: list[list[str]] = []
    for row_no, cells in iter_table(path):
        while len(table) < row_no - 1:
            table.append([])
        table.append(cells)
    return table


def header_map(
    header: list[str],
    required: tuple[str, ...],
    known: Sequence[str],
    path: Path,
    aliases: dict[str, str] | None = None,
) -> dict[str, int]:
    """Column key → index (``aliases`` maps other header names to keys, by default the
    partner file's Chinese names); missing required columns are an error."""
    if aliases is None:
        from app.domain.partner_sheet import ALIASES as aliases
    mapping: dict[str, int] = {}
    for index, name in enumerate(header):
        key = aliases.get(name.strip(), name.strip().lower())
        if key in known and key not in mapping:
            mapping[key] = index
    missing = [c for c in required if c not in mapping]
    if missing:
        from app.domain.sheet_columns import column_label, missing_text

        raise ValidationError(
            tr("import", "{file}: missing required column(s): {columns}.").format(
                file=path.name, columns=missing_text(missing)
            ),
            details=[str(RowError(1, column_label(c), tr("import", "missing"))) for c in missing],
        )
    return mapping


def data_rows(
    table: list[list[str]], mapping: dict[str, int], strip: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(row number as the user counts it, cells by column key)`` for every non-blank row
    below the header; shared by the target and actuals imports."""
    for offset, row in enumerate(table[1:]):
        if not any(cell.strip() for cell in row):
            continue
        cells = {key: (row[idx] if idx < len(row) else "") for key, idx in mapping.items()}
        yield offset + 2, ({key: value.strip() for key, value in cells.items()} if strip else cells)


# -- writing -----------------------------------------------------------------------------


def write_table(
    path: Path,
    header: list[str],
    rows: Iterator[list[Any]] | list[list[Any]],
    text_columns: set[int],
    money_columns: frozenset[int] = frozenset(),
    title: str = "Sheet1",
) -> None:
    """Write a CSV (UTF-8 with BOM, opens in Excel) or XLSX by ``path``'s extension,
    atomically (``atomic_path``, flushed to the disk: a file the user saves). Text in
    ``text_columns`` is neutralised against formula injection; in XLSX every string is an
    inline string, never a formula, and a number in ``money_columns`` is shown as money
    (``1,234,567.89``, the formatter's ``MONEY_CELL_FORMAT``); ``title`` names the XLSX
    sheet (the user reads it on its tab: pass it translated)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(
            tr("import", "{file}: unsupported file type; use .csv or .xlsx.").format(file=path.name)
        )
    try:
        with atomic_path(path, Durability.SYNC) as tmp:
            _write_table_to(tmp, suffix, header, rows, text_columns, money_columns, title)
    except OSError as exc:
        raise UserError(
            tr("import", "Cannot write {file}: {error}").format(
                file=path, error=exc.strerror or exc
            )
        ) from exc


def _write_table_to(
    tmp: Path,
    suffix: str,
    header: list[str],
    rows: Iterator[list[Any]] | list[list[Any]],
    text_columns: set[int],
    money_columns: frozenset[int],
    title: str = "Sheet1",
) -> None:
    """The table into ``tmp`` (the temporary file ``write_table`` renames)."""
    if suffix != ".csv":
        _write_xlsx(tmp, header, rows, money_columns, title)
        return
    with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([limits.neutralise(h) for h in header])
        for row in rows:
            writer.writerow(
                [
                    limits.neutralise(v) if i in text_columns and isinstance(v, str) else v
                    for i, v in enumerate(row)
                ]
            )


_SHEET_TITLE_ILLEGAL = re.compile(r"[\\/*?:\[\]]")  # not allowed in a sheet's name (31 at most)
_XLSX_ILLEGAL = re.compile("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff\\ud800-\\udfff]")


def _write_xlsx(
    target: Path,
    header: list[str],
    rows: Iterator[list[Any]] | list[list[Any]],
    money_columns: frozenset[int] = frozenset(),
    title: str = "Sheet1",
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from app.domain.formats import MONEY_CELL_FORMAT

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_SHEET_TITLE_ILLEGAL.sub(" ", title)[:31] or "Sheet1")

    from openpyxl.cell.cell import ERROR_CODES

    def cell(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        # characters XML cannot hold (never stored by the app's own validation) are
        # replaced rather than failing the whole export
        text = limits.xlsx_escape(limits.quote_for_xlsx(_XLSX_ILLEGAL.sub("\ufffd", value)))
        if not text.startswith("=") and text not in ERROR_CODES:
            return text  # openpyxl writes a plain str as an inline string
        c = WriteOnlyCell(sheet, value=None)
        c.value = text
        c.data_type = (
            "s"  # an inline string even when it begins with '=' or reads "#N/A": never a formula
        )
        return c

    def money(value: Any) -> Any:
        if not isinstance(value, (int, float)):
            return cell(value)
        c = WriteOnlyCell(sheet, value=value)
        c.number_format = MONEY_CELL_FORMAT
        return c

    sheet.append([cell(h) for h in header])
    for row in rows:
        sheet.append([money(v) if i in money_columns else cell(v) for i, v in enumerate(row)])
    buf = (
        io.BytesIO()
    )  # built in memory: a failed file write then leaves no half-written workbook behind
    book.save(buf)
    target.write_bytes(buf.getvalue())
