"""What the "Today" view shows in one read: the day's call list and callback progress,
days whose callback duty was missed, and the day's log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.services.callbacks import CallRow, DayProgress, day_progress, list_callbacks, missed_days
from app.services.context import AppContext
from app.services.daily_log import DailyLogView, show_log


@dataclass(frozen=True)
class TodayOverview:
    date: dt.date
    calls: list[CallRow]
    progress: DayProgress
    missed: list[dt.date]
    log: DailyLogView


def today_overview(ctx: AppContext, day: dt.date | None = None) -> TodayOverview:
    day = day or dt.date.today()
    return TodayOverview(
        day,
        list_callbacks(ctx, day),
        day_progress(ctx, day),
        missed_days(ctx, day),
        show_log(ctx, day),
    )
