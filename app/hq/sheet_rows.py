"""The header of a table HQ imports (read from CSV/XLSX by the caller, header first):
column keys by header name. The data rows and the translated problem of one row are
``app.domain.sheet_columns``'s ``data_rows`` and ``RowError``, shared with the laptop."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.sheet_columns import RowError, column_label, missing_text
from app.errors import ValidationError
from app.i18n import tr


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
            details=[str(RowError(1, column_label(c), tr("import", "missing"))) for c in missing],
        )
    return mapping
