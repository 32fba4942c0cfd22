"""Reading a table file (CSV or XLSX) for an import: its rows as a stream or a list, the
header mapped to column keys, the data rows by key and ``RowError`` for one bad row
(``app.domain.sheet_columns``, shared with HQ's imports) are re-exported here.

Every file is first checked (``app.services.sheet_limits``), then read by
``app.services.sheet_read_csv`` or ``app.services.sheet_read_xlsx`` by its extension; a
broken limit stops the read with one ``LimitError`` naming it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from app.domain.sheet_columns import RowError as RowError
from app.domain.sheet_columns import data_rows as data_rows
from app.errors import UserError
from app.i18n import tr
from app.services.sheet_limits import check_file
from app.services.sheet_read_csv import iter_csv_rows
from app.services.sheet_read_xlsx import iter_xlsx_rows


def iter_table(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(row number as a spreadsheet shows it, cells)`` of every row that holds a value,
    header first, read as a stream; ``UserError`` / ``LimitError`` for unreadable files."""
    path = Path(path)
    check_file(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        rows = iter_xlsx_rows(path)
    elif suffix in (".csv", ".txt", ""):
        rows = iter_csv_rows(path)
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
