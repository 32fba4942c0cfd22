"""Writing a table (CSV or XLSX) that the user exports, atomically: a CSV in UTF-8 with
BOM (Excel opens it), an XLSX whose every text is an inline string, never a formula; text
is neutralised against formula injection (``app.domain.sheets``) so that
``app.services.sheet_read`` reads the file back exactly."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.atomic import Durability, atomic_path
from app.domain import sheets as limits
from app.errors import UserError
from app.i18n import tr


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
