"""The target, actuals, business-record and receivable spreadsheets in the user's language
(the partner file has ``app.domain.partner_sheet``).

A problem names its column as the file names it (``第 2 行，“指标”列``); a column the file
lacks is named by its header in the current language (the key under English, ``指标``
under zh_CN), so a message never shows a Chinese reader a machine key. Cells holding an
enumerated value (metric, scope kind, receivable kind) accept the key or its label in
either language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from app.domain.vocabulary import METRIC, SCOPE_KIND, SHEET_COLUMN
from app.errors import ValidationError
from app.i18n import current_language, tr, trn


@dataclass
class RowError:
    """One problem of an imported row (every import, on the laptop and at HQ);
    ``column`` is the column's name as the file names it (or its key when the file has
    no such column)."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return tr("import", "row {row}, column {column}: {message}").format(
            row=self.row, column=self.column, message=self.message
        )


def header_row(table: Sequence[Sequence[str]], file: str) -> Sequence[str]:
    """The table's header row; refused when the file has none (every import)."""
    if not table or not any(cell.strip() for cell in table[0]):
        raise ValidationError(
            tr("import", "{file}: the file is empty (no header row).").format(file=file)
        )
    return table[0]


def columns_missing(file: str, keys: Sequence[str]) -> ValidationError:
    """The error of a file that lacks required columns (``keys``), each named in the
    user's language, with one detail line per column."""
    return ValidationError(
        tr("import", "{file}: missing required column(s): {columns}.").format(
            file=file, columns=missing_text(keys)
        ),
        details=[str(RowError(1, column_label(c), tr("import", "missing"))) for c in keys],
    )


def header_map(
    header: Sequence[str], required: Sequence[str], known: Sequence[str], file: str
) -> dict[str, int]:
    """Column key → index for a header row already mapped to keys (``canonical_key``):
    the first column of each ``known`` key; a missing ``required`` one is refused."""
    mapping: dict[str, int] = {}
    for index, text in enumerate(header):
        key = text.strip().lower()
        if key in known and key not in mapping:
            mapping[key] = index
    missing = [c for c in required if c not in mapping]
    if missing:
        raise columns_missing(file, missing)
    return mapping


def data_rows(
    table: list[list[str]], mapping: dict[str, int], strip: bool = False
) -> Iterator[tuple[int, dict[str, str]]]:
    """``(row number as the user counts it, cells by column key)`` for every non-blank row
    below the header (the cells stripped when ``strip``)."""
    for offset, row in enumerate(table[1:]):
        if not any(cell.strip() for cell in row):
            continue
        cells = {key: (row[idx] if idx < len(row) else "") for key, idx in mapping.items()}
        yield offset + 2, ({key: value.strip() for key, value in cells.items()} if strip else cells)


def column_label(key: str) -> str:
    """A column as a message names it when the file lacks it."""
    if current_language() == "en":
        return key
    return SHEET_COLUMN.label(key)


def missing_text(keys: Sequence[str]) -> str:
    """The missing columns, listed for a message."""
    return ("、" if current_language() != "en" else ", ").join(column_label(k) for k in keys)


def file_names(header: Sequence[str], mapping: dict[str, int]) -> dict[str, str]:
    """Column key → the column's name as the file's header row writes it."""
    return {key: header[index].strip() for key, index in mapping.items() if index < len(header)}


def named(error: RowError, names: dict[str, str]) -> RowError:
    """``error`` (its ``column`` a key) naming its column as the file does."""
    return dataclasses.replace(error, column=names.get(error.column) or column_label(error.column))


def rows_refused(
    file: str,
    errors: Sequence[RowError],
    names: dict[str, str] | None,
    *,
    file_in_details: bool,
) -> ValidationError:
    """The error of an import that found bad rows and stored nothing (every import, on the
    laptop and at HQ): the count in its message, one detail line per problem naming its
    column as the file does (``names``; ``None`` when the errors name them already),
    prefixed with the file's name when ``file_in_details`` (the targets and receivables
    imports; the partner, actuals and development-record imports' lines start with the
    row)."""
    lines = [str(named(e, names) if names is not None else e) for e in errors]
    return ValidationError(
        trn("import", "{file}: %n problem(s) found; nothing was imported.", len(errors)).format(
            file=file
        ),
        details=[f"{file}, {line}" for line in lines] if file_in_details else lines,
    )


def canonical_key(text: str, aliases: dict[str, str]) -> str:
    """The column key a header cell names: an alias, a key, or a header in any language."""
    stripped = text.strip()
    return (
        aliases.get(stripped)
        or aliases.get(stripped.lower())
        or SHEET_COLUMN.key_for(stripped)
        or stripped
    )


def metric_key(text: str, known: Iterable[str]) -> str:
    """The metric a cell names (its code or its label in either language); the text itself
    when it names none of ``known``."""
    codes = set(known)
    if text in codes:
        return text
    key = METRIC.key_for(text)
    return key if key in codes else text


def metric_choices(known: Iterable[str]) -> str:
    """The metrics a cell may name, listed for a message (codes under English)."""
    codes = sorted(known)
    if current_language() == "en":
        return ", ".join(codes)
    return "、".join(METRIC.label(code) for code in codes)


def scope_kind_key(text: str) -> str:
    """``partner`` or ``region`` for a key or label in either language; else the text."""
    return SCOPE_KIND.key_for(text) or text.strip().lower()
