"""One formatter (money, dates, percentages) and region codes in every accepted form."""

from __future__ import annotations

import datetime as dt

import pytest

from app import i18n
from app.domain import formats
from app.domain.partners import region_parts, validate_partner_fields
from app.domain.regions import regions
from app.errors import ValidationError
from app.services.device import parse_territory


def test_money_has_symbol_separators_and_two_decimals() -> None:
    assert formats.money_fen(123456789) == "¥1,234,567.89"
    assert formats.money_fen(-1200) == "-¥12.00"
    assert formats.money_fen(5, symbol=False) == "0.05"
    assert formats.money_fen(None) == "—"
    assert formats.money_yuan(200000) == "¥200,000.00"
    assert formats.wan_yuan(528000) == "52.8"


def test_dates_times_and_percentages_look_the_same_everywhere() -> None:
    assert formats.date_text(dt.date(2026, 12, 7)) == "2026-12-07"
    assert formats.date_text("2026-12-07") == "2026-12-07"
    moment = dt.datetime(2026, 12, 7, 9, 15, tzinfo=dt.UTC)
    assert formats.datetime_text(moment) == moment.astimezone().strftime("%Y-%m-%d %H:%M")
    assert formats.datetime_text(None) == "—"
    assert formats.percent(12.345) == "12.3%"
    assert formats.ratio_percent(1, 3) == "33.3%"
    assert formats.ratio_percent(1, 0) == "—"
    assert formats.number(12345) == "12,345"


def test_long_dates_and_months_in_chinese() -> None:
    i18n.set_language("zh_CN")
    try:
        assert formats.long_date(dt.date(2026, 12, 7)) == "2026年12月7日"
        assert formats.month_text("2026-03") == "2026年3月"
        assert formats.wan_unit() == "万元"
    finally:
        i18n.set_language("en")
    assert formats.long_date(dt.date(2026, 12, 7)) == "7 December 2026"


@pytest.mark.parametrize(
    ("given", "shortest"),
    [
        ("320100", "3201"),
        ("320000", "32"),
        ("3201", "3201"),
        ("32", "32"),
        ("320102", "320102"),
        ("110100", "1101"),
        (" 31 ", "31"),
    ],
)
def test_official_region_forms_become_the_shortest(given: str, shortest: str) -> None:
    assert regions().normalise(given) == shortest


@pytest.mark.parametrize("bad", ["999999", "3299", "abc", "3", "", "３２", "32010"])
def test_unknown_region_codes_are_refused(bad: str) -> None:
    assert regions().normalise(bad) is None


def test_region_names() -> None:
    assert regions().name("320100") == "江苏省 南京市"
    assert regions().short_name("310115") == "浦东新区"
    assert regions().name("1101") == "北京市"  # the 市辖区 placeholder is skipped
    assert regions().name("") == ""


def test_territory_and_partner_fields_take_official_forms() -> None:
    assert parse_territory("320100，31,3201") == ["3201", "31"]
    with pytest.raises(ValidationError):
        parse_territory("320199")
    assert region_parts("320100") == ("32", "3201", None)
    assert validate_partner_fields({"region": "320000"}) == []
    assert validate_partner_fields({"region": "329999"})


def test_iso_weeks_in_chinese() -> None:
    assert formats.week_text("2026-W49") == "2026-W49"
    i18n.set_language("zh_CN")
    try:
        assert formats.week_text("2026-W07") == "2026年第7周"
        assert formats.week_text("not a week") == "not a week"
    finally:
        i18n.set_language("en")


def test_target_periods_and_amounts_for_people() -> None:
    assert formats.scaled_amount(123456789, 2) == "¥1,234,567.89"
    assert formats.scaled_amount(12345, 0) == "12,345"
    assert formats.scaled_amount(125, 1) == "12.5"
    assert formats.period_text("2026-Q4") == "2026-Q4"  # English keeps the codes
    i18n.set_language("zh_CN")
    try:
        assert [formats.period_text(p) for p in ("2026", "2026-Q4", "2026-03")] == [
            "2026年",
            "2026年第4季度",
            "2026年3月",
        ]
    finally:
        i18n.set_language("en")


def test_normalise_answers_the_same_when_asked_again() -> None:
    table = regions()
    for code in ("320100", " 320100", "3201", "999999", "", "12a4"):
        first = table.normalise(code)
        assert table.normalise(code) == first == table._normalise(code)
    assert table.normalise(320100) == "3201"
