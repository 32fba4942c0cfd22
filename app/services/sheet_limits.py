"""The limits every imported table file is held to, checked before and while it is read:
what no import can open (missing, a folder, a device or pipe, too large a file) and, row by
row, too many rows, a value beyond the last column, too long a cell (the figures are
``app.domain.sheets``). Each broken limit is one ``LimitError`` naming it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from app.domain import sheets as limits
from app.errors import UserError
from app.i18n import tr


class LimitError(UserError):
    """A file broke one of the import limits (the message names which)."""


def megabytes(size: int) -> int:
    """``size`` bytes in whole MB, as the limit messages name them."""
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
                file=path.name, limit=megabytes(limits.MAX_FILE_BYTES)
            )
        )
    return info


def checked_cells(path: Path, row_no: int, cells: list[str]) -> list[str]:
    """``cells`` of row ``row_no`` within the limits: a row past ``MAX_ROWS`` that holds a
    value, a value beyond ``MAX_COLUMNS`` or a cell longer than ``MAX_CELL_CHARS`` is a
    ``LimitError``; empty cells beyond the last column are dropped."""
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
