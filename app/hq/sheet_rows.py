"""Rows of a table HQ imports (read from CSV/XLSX by the caller, header first): column
keys by header name, the non-blank data rows, and one translated problem per cell."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from app.domain.sheet_columns import column_label, missing_text
from app.errors import ValidationError
from app.i18n import tr


@dataclass
class SheetRowError:
    """One problem of an imported row, worded as the laptop's imports word it."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return tr("import", "row {row}, column {column}: {message}").format(
            row=self.row, column=self.column, message=self.message
        )


def header_map(
    header: list[str], required: Sequence[str], known: Sequence[str], name: str
) -> dict[str, int]:
    """Column key → index (headers already mapped to keys); missing required columns are
    an error naming them."""
    mapping: dict[str, int] = {}
    for index, text in enumerate(header):
        key = text.strip().lower()
        if key in known and key not in mapping:
            mapping[key] = index
    missing = [c for c in required if c not in mapping]
    if missing:
        raise ValidationError(
            tr("import", "{file}: missing required column(s): {columns}.").format(
                file=name, columns=missing_text(missing)
            ),
            details=[
                str(SheetRowError(1, column_label(c), tr("import", "missing"))) for c in missing
            ],
        )
    return mapping


def data_rows(
    table: list[list[str]], mapping: dict[str, int]
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(row number as the user counts it, stripped cells by column key)`` of every
    non-blank row below the header."""
    for offset, row in enumerate(table[1:]):
        if not any(cell.strip() for cell in row):
            continue
        yield (
            offset + 2,
            {key: (row[idx] if idx < len(row) else "").strip() for key, idx in mapping.items()},
        )
