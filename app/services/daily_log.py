"""The channel manager's daily log (渠道经理日志): the day's visits, callbacks, complaints
handled, rectifications closed and development volume assembled from the data, plus the
manager's notes and tomorrow's plan; closing seals it (figures frozen, content hash) like
a visit. Week and month roll-ups sum the days."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select

from app.errors import ValidationError
from app.i18n import tr
from app.services.context import AppContext, Changes
from db.base import utcnow

FIGURES = (
    "visits",
    "callbacks",
    "callbacks_drawn",
    "complaints",
    "rectifications_closed",
    "development",
    "warnings",
)


@dataclass(frozen=True)
class DailyLogView:
    date: dt.date
    figures: dict[str, int]
    note: str
    plan: str
    closed: bool
    closed_at: dt.datetime | None = None
    content_hash: str = ""
    manager: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "visits": self.figures["visits"],
            "callbacks": self.figures["callbacks"],
            "complaints": self.figures["complaints"],
            "rectifications_closed": self.figures["rectifications_closed"],
            "development": self.figures["development"],
            "callbacks_drawn": self.figures["callbacks_drawn"],
            "warnings": self.figures["warnings"],
            "note": self.note,
            "plan": self.plan,
            "closed": self.closed,
            "content_hash": self.content_hash or None,
        }


@dataclass(frozen=True)
class ClosedLog:
    """What closing a day's log returns: the sealed log and the change (announced by the
    UI's op runner)."""

    view: DailyLogView
    changes: Changes


@dataclass(frozen=True)
class Rollup:
    start: dt.date
    end: dt.date  # exclusive
    figures: dict[str, int]
    days: list[DailyLogView] = field(default_factory=list)

    @property
    def closed_days(self) -> int:
        return sum(1 for d in self.days if d.closed)


def utc_bounds(day: dt.date, days: int = 1) -> tuple[dt.datetime, dt.datetime]:
    """The local day (or days) as UTC instants."""
    local = dt.datetime.now().astimezone().tzinfo
    start = dt.datetime.combine(day, dt.time(), local)
    return start.astimezone(dt.UTC), (start + dt.timedelta(days=days)).astimezone(dt.UTC)


def complaint_handled_between(start: dt.datetime, end: dt.datetime) -> Any:
    """The SQL condition of a complaint handled in ``[start, end)``: received, assigned,
    responded to, resolved or closed then (the daily log's count, the day's paper list)."""
    from db.models import Complaint

    steps = (
        Complaint.received_at,
        Complaint.assigned_at,
        Complaint.responded_at,
        Complaint.resolved_at,
        Complaint.closed_at,
    )
    return or_(*((col >= start) & (col < end) for col in steps))


def assemble_figures(s: Any, day: dt.date) -> dict[str, int]:
    """The day's figures from the data (in session ``s``)."""
    from db.models import (
        CallbackCall,
        CallbackDraw,
        Complaint,
        DevRecord,
        PartnerWarning,
        RectificationOrder,
        Visit,
    )

    start, end = utc_bounds(day)

    def count(stmt: Any) -> int:
        return int(s.scalar(stmt) or 0)

    return {
        "visits": count(
            select(func.count()).where(
                Visit.voided.is_(False),
                Visit.status == "submitted",
                Visit.submitted_at >= start,
                Visit.submitted_at < end,
            )
        ),
        "callbacks": count(
            select(func.count()).where(
                CallbackCall.voided.is_(False),
                CallbackCall.outcome.is_not(None),
                CallbackCall.called_at >= start,
                CallbackCall.called_at < end,
            )
        ),
        "callbacks_drawn": count(
            select(func.coalesce(func.sum(CallbackDraw.drawn), 0)).where(
                CallbackDraw.draw_date == day, CallbackDraw.voided.is_(False)
            )
        ),
        "complaints": count(
            select(func.count()).where(
                Complaint.voided.is_(False), complaint_handled_between(start, end)
            )
        ),
        "rectifications_closed": count(
            select(func.count()).where(
                RectificationOrder.voided.is_(False),
                RectificationOrder.closed_at >= start,
                RectificationOrder.closed_at < end,
            )
        ),
        "development": count(
            select(func.count()).where(DevRecord.record_date == day, DevRecord.kind == "new")
        ),
        "warnings": count(
            select(func.count()).where(
                PartnerWarning.voided.is_(False), PartnerWarning.warned_on == day
            )
        ),
    }


def _view(row: Any, figures: dict[str, int], day: dt.date) -> DailyLogView:
    if row is None:
        return DailyLogView(day, figures, "", "", False)
    return DailyLogView(
        day,
        {**figures, **row.figures} if row.closed else figures,
        row.note,
        row.plan,
        row.closed,
        row.closed_at,
        row.content_hash,
        row.manager,
    )


def show_log(ctx: AppContext, day: dt.date | None = None) -> DailyLogView:
    """The day's log: live figures while open, the sealed ones once closed."""
    from db.models import DailyLog

    day = day or dt.date.today()
    with ctx.read_session() as s:
        row = s.scalar(select(DailyLog).where(DailyLog.log_date == day, DailyLog.voided.is_(False)))
        figures = row.figures if row is not None and row.closed else assemble_figures(s, day)
        return _view(row, dict(figures), day)


def _row(s: Any, ctx: AppContext, day: dt.date) -> Any:
    from db.models import DailyLog

    row = s.scalar(select(DailyLog).where(DailyLog.log_date == day, DailyLog.voided.is_(False)))
    if row is None:
        row = DailyLog(log_date=day, figures={}, manager=ctx.user_name)
        s.add(row)
    elif row.closed:
        raise ValidationError(
            tr("duties", "The log of {date} is closed; it cannot be changed.").format(
                date=day.isoformat()
            )
        )
    return row


def save_log_notes(
    ctx: AppContext, day: dt.date, note: str | None = None, plan: str | None = None
) -> Changes:
    """Keep the manager's notes and tomorrow's plan on the day's open log."""
    with ctx.session() as s:
        row = _row(s, ctx, day)
        if note is not None:
            row.note = note.strip()
        if plan is not None:
            row.plan = plan.strip()
    return Changes.of("daily_log")


def seal_hash(day: dt.date, figures: dict[str, int], note: str, plan: str, manager: str) -> str:
    text = json.dumps(
        {
            "date": day.isoformat(),
            "figures": figures,
            "note": note,
            "plan": plan,
            "manager": manager,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def close_log(
    ctx: AppContext, day: dt.date | None = None, note: str | None = None, plan: str | None = None
) -> ClosedLog:
    """Close (seal) the day's log: the figures are frozen, the content hashed; it syncs to
    HQ and can no longer change. Days in the future cannot be closed."""
    day = day or dt.date.today()
    if day > dt.date.today():
        raise ValidationError(
            tr("duties", "The log of {date} cannot be closed before the day.").format(
                date=day.isoformat()
            )
        )
    with ctx.session() as s:
        row = _row(s, ctx, day)
        if note is not None:
            row.note = note.strip()
        if plan is not None:
            row.plan = plan.strip()
        figures = assemble_figures(s, day)
        row.figures, row.closed, row.closed_at, row.manager = (
            figures,
            True,
            utcnow(),
            row.manager or ctx.user_name,
        )
        row.content_hash = seal_hash(day, figures, row.note, row.plan, row.manager)
        s.flush()
        return ClosedLog(_view(row, figures, day), Changes.of("daily_log", ids={row.id}))


def rollup(ctx: AppContext, start: dt.date, end: dt.date) -> Rollup:
    """The days of [start, end) summed (sealed figures for closed days)."""
    days = [show_log(ctx, start + dt.timedelta(days=n)) for n in range((end - start).days)]
    totals = {key: sum(d.figures.get(key, 0) for d in days) for key in FIGURES}
    return Rollup(start, end, totals, days)


def parse_week(text: str | None, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """``YYYY-Www`` (default this week) → Monday and the next Monday."""
    from app.domain.duties import week_bounds

    if not text:
        iso = (today or dt.date.today()).isocalendar()
        return week_bounds(iso.year, iso.week)
    try:
        year, week = text.upper().split("-W")
        return week_bounds(int(year), int(week))
    except ValueError as exc:
        raise ValidationError(
            tr("duties", "Give the week as YYYY-Www, e.g. 2026-W10 (got {value}).").format(
                value=text
            )
        ) from exc


def parse_month(text: str | None, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """``YYYY-MM`` (default this month) → its first day and the next month's."""
    if not text:
        first = (today or dt.date.today()).replace(day=1)
    else:
        try:
            year, month = text.split("-")
            first = dt.date(int(year), int(month), 1)
            if len(year) != 4:
                raise ValueError(text)
        except ValueError as exc:
            raise ValidationError(
                tr("duties", "Give the month as YYYY-MM, e.g. 2026-03 (got {value}).").format(
                    value=text
                )
            ) from exc
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following
