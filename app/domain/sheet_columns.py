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
from collections.abc import Iterable, Sequence
from typing import TypeVar

from app.domain.vocabulary import METRIC, SCOPE_KIND, SHEET_COLUMN
from app.i18n import current_language

E = TypeVar("E")


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


def named(error: E, names: dict[str, str]) -> E:
    """``error`` (a row error with a ``column`` key) naming its column as the file does."""
    column = getattr(error, "column")  # noqa: B009 - RowError and SheetRowError alike
    return dataclasses.replace(error, column=names.get(column) or column_label(column))  # type: ignore[type-var]


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
