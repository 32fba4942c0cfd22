"""Amounts from files and forms are bounded before use: a hostile spreadsheet's huge
number is one row error, never an integer the database cannot store (exit 3)."""

from __future__ import annotations

import pytest

from app.domain.formats import AMOUNT_LIMIT
from app.domain.partners import parse_money_to_fen
from app.domain.targets import parse_amount
from app.sync.schema import AMOUNT

HUGE = "99999999999999999999999"  # fen beyond SQLite's 64-bit INTEGER


def test_money_up_to_the_limit_reads_and_beyond_it_is_refused() -> None:
    top = str(AMOUNT_LIMIT // 100)  # in yuan
    assert parse_money_to_fen(top) == AMOUNT_LIMIT
    assert parse_money_to_fen("-" + top) == -AMOUNT_LIMIT
    for text in (HUGE, top + ".01", "1" * 5000):
        with pytest.raises(ValueError):
            parse_money_to_fen(text)


@pytest.mark.parametrize("decimals", [0, 2])
def test_target_amounts_up_to_the_limit(decimals: int) -> None:
    top = str(AMOUNT_LIMIT // 10**decimals)
    assert parse_amount(top, decimals) == AMOUNT_LIMIT
    with pytest.raises(ValueError):
        parse_amount(HUGE, decimals)


def test_the_sync_format_bounds_amounts_alike() -> None:
    assert AMOUNT == (-AMOUNT_LIMIT, AMOUNT_LIMIT)
