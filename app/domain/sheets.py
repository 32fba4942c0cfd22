"""Spreadsheet rules shared by every import and export (partners, targets, actuals):
the limits a file must keep, and formula neutralisation.

Formula neutralisation (OWASP "CSV injection"): a text cell that begins with ``=``, ``+``,
``-``, ``@``, tab or CR is evaluated by a spreadsheet program. In CSV such text is written
with a leading ``'``; so that our own export reads back exactly, a text that itself begins
with ``'`` followed by one of those characters (or by another ``'``) gets one more ``'``.
``restore`` removes exactly one such ``'``: ``restore(neutralise(s)) == s`` for every ``s``.
XLSX needs no prefix for formulas: the exporter writes every text as an inline string,
never a formula; only a text beginning with ``'`` is quoted as in CSV, so that one
``restore`` serves both formats (and a CSV that a spreadsheet program saved as XLSX).
XLSX text is also escaped as OOXML's ``ST_Xstring`` (``_xHHHH_``): XML turns a CR into a
line feed, so CR is written ``_x000D_``, and an ``_x`` that could be read as an escape is
written ``_x005F_x`` (what Excel and LibreOffice do).
"""

from __future__ import annotations

import re

FORMULA_START = frozenset("=+-@\t\r")
_QUOTED_START = FORMULA_START | {"'"}

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Largest file read (CSV or the zipped XLSX)."""
MAX_XLSX_UNCOMPRESSED = 512 * 1024 * 1024
"""Largest sum of the uncompressed sizes of an XLSX's parts (checked before parsing)."""
MAX_XLSX_PART = 256 * 1024 * 1024
"""Largest uncompressed size of one XLSX part (a sheet, the shared strings)."""
MAX_SHARED_STRINGS = 64 * 1024 * 1024
"""Largest uncompressed shared-strings table (openpyxl holds it in memory whole)."""
MAX_XLSX_SETUP_PART = 16 * 1024 * 1024
"""Largest uncompressed part openpyxl parses whole into a tree before the sheet: the
styles, the workbook, the content types, relationships and the theme. Excel's most (64 000
cell formats) fit in a few MB; a 5 MB file whose styles unpacked to 80 MB held 1.46 GB."""
MAX_ROWS = 500_000
"""Data rows below the header."""
MAX_COLUMNS = 100
MAX_CELL_CHARS = 32_767
"""Excel's own limit for one cell."""


def neutralise(text: str) -> str:
    """``text`` as written into a CSV cell so that no spreadsheet evaluates it."""
    if text[:1] in FORMULA_START or (
        text[:1] == "'" and text[1:2] in _QUOTED_START and text[1:2] != ""
    ):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The original text of a CSV cell written by ``neutralise``."""
    if text[:1] == "'" and text[1:2] != "" and text[1:2] in _QUOTED_START:
        return text[1:]
    return text


def quote_for_xlsx(text: str) -> str:
    """``text`` as written into an XLSX string cell (before ``xlsx_escape``)."""
    return neutralise(text) if text[:1] == "'" else text


_XSTRING_UNDERSCORE = re.compile(r"_(?=x[0-9A-Fa-f]{4})")
_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def xlsx_escape(text: str) -> str:
    """OOXML ``ST_Xstring`` escaping of the characters XML would change (CR)."""
    if "_x" in text:
        text = _XSTRING_UNDERSCORE.sub("_x005F_", text)
    return text.replace("\r", "_x000D_") if "\r" in text else text


def xlsx_unescape(text: str) -> str:
    """The text of an XLSX string cell (``_xHHHH_`` → the character)."""
    if "_x" not in text:
        return text
    return _XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 1-based column number (1 → A, 27 → AA)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
