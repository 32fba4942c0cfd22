"""Workbooks saved by LibreOffice Calc (tests/data/sheets, see its README) import as a
person expects: formula-like text stays text, Chinese labels and the official 6-digit
city code are read, and Calc's re-save of our own export changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import partner_io, partner_read

DATA = Path(__file__).resolve().parents[2] / "data" / "sheets"


@pytest.fixture
def chinese():  # type: ignore[no-untyped-def]
    from app import i18n

    i18n.set_language("zh_CN")
    yield
    i18n.set_language("en")


def test_a_calc_workbook_from_a_csv_imports_and_its_resave_of_our_export_is_unchanged(
    ctx, chinese
) -> None:  # type: ignore[no-untyped-def]
    report = partner_io.import_partners(ctx, DATA / "libreoffice-from-csv.xlsx")
    assert (report.created, report.errors) == (2, [])
    card = partner_read.partner_detail(ctx, "LO1").partner
    assert (card.name, card.address, card.notes, card.type, card.status, card.credit_limit_fen) == (
        '=HYPERLINK("http://x","y")',
        "@金桥路 1 号",
        "多行\n备注",
        "franchise",
        "active",
        1234567,
    )
    other = partner_read.partner_detail(ctx, "LO2").partner
    assert (other.status, other.city_code, other.district_code, other.address) == (
        "prospect",
        "3201",
        None,
        "-负号开头",
    )
    again = partner_io.import_partners(ctx, DATA / "libreoffice-resaved-export.xlsx")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
