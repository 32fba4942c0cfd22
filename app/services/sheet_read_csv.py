"""Reading a CSV file for an import, row by row: UTF-8 (with or without BOM) or
GBK/GB18030, detected in a first pass over the bytes; the field separator (``,``, ``;`` or
tab) guessed from the header; text the exporter neutralised against formula injection
restored (``app.domain.sheets.restore``); every row held to ``app.services.sheet_limits``."""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.domain import sheets as limits
from app.errors import UserError
from app.i18n import tr
from app.services.sheet_limits import LimitError, checked_cells

_CHUNK = 1 << 20
# The longest line a table within the limits needs: every column's cell at the longest,
# quoted with its quotes doubled, and as many empty columns again as a spreadsheet has
# (16 384). A longer line (50 MB of commas held 486 MB in the row's list) is refused
# before the CSV reader splits it.
MAX_LINE_CHARS = limits.MAX_COLUMNS * (2 * limits.MAX_CELL_CHARS + 3) + 16_384


def _csv_encoding(path: Path) -> str:
    """UTF-8 (``utf-8-sig`` drops a BOM) when the whole file decodes as UTF-8, else GB18030
    (a superset of GBK; bytes it cannot decode either, an 0xFF, are refused when read);
    refuses binary files (a NUL byte)."""
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


def _lines(fh: Any, path: Path) -> Iterator[str]:
    """The file's lines, each at most ``MAX_LINE_CHARS`` long (else a ``LimitError``)."""
    number = 0
    while line := fh.readline(MAX_LINE_CHARS + 1):
        number += 1
        if len(line) > MAX_LINE_CHARS:
            raise LimitError(
                tr(
                    "import",
                    "{file}: line {line} holds more than {limit} characters (limit: cell length).",
                ).format(file=path.name, line=f"{number:,}", limit=f"{MAX_LINE_CHARS:,}")
            )
        yield line


def iter_csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(row number, cells)`` of every row of the CSV file ``path``, read as a stream."""
    encoding = _csv_encoding(path)
    with path.open("r", encoding=encoding, errors="strict", newline="") as fh:
        row_no = 0
        try:
            first_line = fh.readline(64 * 1024)
            fh.seek(0)
            reader = csv.reader(_lines(fh, path), delimiter=_delimiter(first_line))
            for row in reader:
                row_no += 1
                if "'" in "".join(row):
                    row = [limits.restore(c) if c[:1] == "'" else c for c in row]
                yield row_no, checked_cells(path, row_no, row)
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
        except UnicodeDecodeError as exc:  # not UTF-8, and not GB18030 either (an 0xFF byte)
            raise UserError(
                tr("import", "{file}: the text encoding is neither UTF-8 nor GBK.").format(
                    file=path.name
                )
            ) from exc
