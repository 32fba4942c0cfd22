"""One formatter for the numbers people read: money (``¥1,234,567.89``; ``万元`` on charts),
dates and times, percentages and counts. The GUI, the PDFs and the spreadsheet exports all
format through these functions, so a value looks the same on screen and on paper.

Dates follow GB/T 7408 (``2026-12-07``), which is also how Chinese business documents
print them; times are local ``2026-12-07 09:15``. Long dates (report headers) read
``2026年12月7日`` under zh_CN and ``7 December 2026`` in English.
"""

from __future__ import annotations

import datetime as dt

from app.i18n import current_language, tr

# the largest amount a file or a form may give, in its smallest unit (fen: ±10 trillion
# yuan); the stores and the sync format bound amounts by it too
AMOUNT_LIMIT = 10**15

WAN = 10_000  # 万: charts count money in 万元 (ten thousand yuan), as Chinese sales reports do


MONEY_CELL_FORMAT = "#,##0.00"  # an exported XLSX money cell: a number shown as 1,234,567.89


def money_fen(
    fen: int | None, *, symbol: bool = True, grouping: bool = True, empty: str = "—"
) -> str:
    """Integer fen as ``¥1,234,567.89`` (``-¥12.00`` below zero); ``grouping=False`` and
    ``symbol=False`` give the plain ``1234567.89`` a CSV cell or an input field holds."""
    if fen is None:
        return empty
    sign = "-" if fen < 0 else ""
    fen = abs(int(fen))
    text = f"{fen // 100:,}.{fen % 100:02d}" if grouping else f"{fen // 100}.{fen % 100:02d}"
    return f"{sign}¥{text}" if symbol else f"{sign}{text}"


def money_whole_yuan(fen: int | None, empty: str = "—") -> str:
    """Integer fen rounded to whole yuan, ``¥1,235``: where a column has no room for fen."""
    if fen is None:
        return empty
    yuan = round(int(fen) / 100)
    return f"-¥{-yuan:,}" if yuan < 0 else f"¥{yuan:,}"


def money_yuan(yuan: float | None, *, symbol: bool = True, empty: str = "—") -> str:
    """Yuan (a float, as targets and charts compute) formatted like ``money_fen``."""
    if yuan is None:
        return empty
    return money_fen(round(yuan * 100), symbol=symbol, empty=empty)


def wan_yuan(yuan: float | None, digits: int = 1) -> str:
    """Yuan in 万元 for charts and axis labels: ``123.4`` (the unit goes on the axis title)."""
    if yuan is None:
        return ""
    return f"{yuan / WAN:,.{digits}f}"


def wan_unit() -> str:
    """The axis title unit for ``wan_yuan`` values."""
    return tr("formats", "10k yuan")


def number(value: float | int | None, digits: int = 0, empty: str = "—") -> str:
    """A count or quantity with thousands separators: ``12,345``."""
    if value is None:
        return empty
    return f"{value:,.{digits}f}"


def percent(value: float | None, digits: int = 1, empty: str = "—") -> str:
    """A percentage given in percent points: ``percent(12.345)`` → ``12.3%``."""
    if value is None:
        return empty
    return f"{value:.{digits}f}%"


def ratio_percent(part: float, whole: float, digits: int = 1, empty: str = "—") -> str:
    """``part / whole`` as a percentage; ``empty`` when ``whole`` is zero."""
    if not whole:
        return empty
    return percent(100.0 * part / whole, digits)


def _as_date(value: dt.date | dt.datetime | str | None) -> dt.date | dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        try:
            return (
                dt.datetime.fromisoformat(text) if len(text) > 10 else dt.date.fromisoformat(text)
            )
        except ValueError:
            return None
    return value


def date_text(value: dt.date | dt.datetime | str | None, empty: str = "—") -> str:
    """A calendar day as ``2026-12-07`` (a datetime is taken in local time first)."""
    day = _as_date(value)
    if day is None:
        return empty if not value else str(value)
    if isinstance(day, dt.datetime):
        if day.tzinfo is not None:
            day = day.astimezone()
        day = day.date()
    return day.isoformat()


def datetime_text(value: dt.datetime | str | None, empty: str = "—", seconds: bool = False) -> str:
    """A moment (stored in UTC) as local ``2026-12-07 09:15``; a bare date stays a date."""
    moment = _as_date(value)
    if moment is None:
        return empty if not value else str(value)
    if not isinstance(moment, dt.datetime):
        return moment.isoformat()
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def long_date(value: dt.date | dt.datetime | str | None, empty: str = "—") -> str:
    """``2026年12月7日`` under zh_CN, ``7 December 2026`` in English (report headers)."""
    day = _as_date(value)
    if day is None:
        return empty
    if isinstance(day, dt.datetime):
        day = (day.astimezone() if day.tzinfo is not None else day).date()
    if current_language() == "zh_CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def week_text(week: str) -> str:
    """An ISO week ``2026-W49`` as ``2026年第49周`` under zh_CN (unchanged in English)."""
    if current_language() != "zh_CN" or len(week) != 8 or week[4:6] != "-W":
        return week
    return f"{week[:4]}年第{int(week[6:]):d}周"


def month_text(month: str) -> str:
    """``2026-12`` as ``2026年12月`` under zh_CN (unchanged in English)."""
    if current_language() != "zh_CN" or len(month) != 7:
        return month
    return f"{month[:4]}年{int(month[5:]):d}月"


def period_text(period: str) -> str:
    """A target period for people: ``2026`` → ``2026年``, ``2026-Q4`` → ``2026年第4季度``,
    ``2026-12`` → ``2026年12月`` under zh_CN (unchanged in English, where the codes read)."""
    if current_language() != "zh_CN":
        return period
    if len(period) == 4 and period.isdigit():
        return f"{period}年"
    if len(period) == 7 and period[4:6] == "-Q" and period[6].isdigit():
        return f"{period[:4]}年第{period[6]}季度"
    return month_text(period)


def scaled_amount(value: int | None, decimals: int, empty: str = "—") -> str:
    """An amount stored in its smallest unit (targets, actuals): money (two decimals,
    stored in fen) as ``¥1,234.56``, counts and units as ``12,345``, one decimal as
    ``12.5``; the GUI's and the PDFs' ways of writing them."""
    if value is None:
        return empty
    if decimals == 2:
        return money_fen(value)
    return number(value / 10**decimals if decimals else value, decimals)
