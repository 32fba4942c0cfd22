"""Visit-frequency compliance from rules-as-data: per partner per month (by grade) and
per manager per ISO week. Only submitted visits count."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import tr


@dataclass(frozen=True)
class Rule:
    scope: str  # partner | manager
    grade: str | None
    period: str  # month | week
    min_visits: int


@dataclass(frozen=True)
class PartnerCompliance:
    partner_code: str
    grade: str
    required: int
    done: int

    @property
    def shortfall(self) -> int:
        return max(self.required - self.done, 0)


@dataclass(frozen=True)
class WeekCompliance:
    week: str
    required: int
    done: int

    @property
    def shortfall(self) -> int:
        return max(self.required - self.done, 0)


def check_month(month: str) -> str:
    """``month`` when it is ``YYYY-MM`` (the visit lists and HQ's views), else refused."""
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month or ""):
        raise ValidationError(
            tr("visits", "Give the month as YYYY-MM, e.g. 2026-03 (got {value}).").format(
                value=month
            )
        )
    return month


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """First day and first day of the next month for ``YYYY-MM``."""
    year, mon = (int(p) for p in month.split("-"))
    start = dt.date(year, mon, 1)
    end = dt.date(year + (mon == 12), 1 if mon == 12 else mon + 1, 1)
    return start, end


def iso_week_label(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def week_bounds(label: str) -> tuple[dt.date, dt.date]:
    year, week = label.split("-W")
    start = dt.date.fromisocalendar(int(year), int(week), 1)
    return start, start + dt.timedelta(days=7)


def weeks_of_month(month: str) -> list[str]:
    """ISO weeks whose Thursday lies in the month (each week belongs to one month)."""
    start, end = month_bounds(month)
    labels = []
    day = start
    while day < end:
        thursday = day + dt.timedelta(days=3 - day.weekday())
        if start <= thursday < end:
            label = iso_week_label(day)
            if label not in labels:
                labels.append(label)
        day += dt.timedelta(days=1)
    return labels


def partner_requirement(rules: Iterable[Rule], grade: str) -> int:
    for rule in rules:
        if rule.scope == "partner" and rule.period == "month" and rule.grade == grade:
            return rule.min_visits
    return 0


def manager_weekly_requirement(rules: Iterable[Rule]) -> int:
    for rule in rules:
        if rule.scope == "manager" and rule.period == "week":
            return rule.min_visits
    return 0


def partner_compliance(
    rules: list[Rule], partners: Iterable[tuple[str, str]], visit_counts: dict[str, int]
) -> list[PartnerCompliance]:
    """``partners``: (code, grade) of active partners; ``visit_counts``: code → submitted visits."""
    return [
        PartnerCompliance(code, grade, partner_requirement(rules, grade), visit_counts.get(code, 0))
        for code, grade in partners
    ]


def week_compliance(
    rules: list[Rule], weeks: list[str], inspections: Iterable[tuple[dt.date, str]]
) -> list[WeekCompliance]:
    """Per ISO week, the distinct channels the manager inspected (seed 001: 每周至少巡检
    3 个渠道 — three visits to one shop are one channel) against the weekly rule.
    ``inspections`` are (local day, channel) pairs of the manager's own visits."""
    per_week: dict[str, set[str]] = {}
    for day, channel in inspections:
        per_week.setdefault(iso_week_label(day), set()).add(channel)
    required = manager_weekly_requirement(rules)
    return [WeekCompliance(w, required, len(per_week.get(w, ()))) for w in weeks]
