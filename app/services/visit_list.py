"""The visit list and the visit-frequency compliance report as plain sqlite3 reads
(``ctx.read_sql``): ``visits list`` and ``compliance`` answer without importing the ORM.
``app.services.visits`` re-exports both."""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.domain import compliance as comp
from app.services.context import AppContext
from app.services.sql_values import db_datetime, iso_z, like_contains, parse_datetime

# a visit's current score: its newest amendment's (one that carries section scores), else the sealed one
CURRENT_SCORE = (
    "CASE WHEN EXISTS (SELECT 1 FROM visit_amendment a WHERE a.visit_id = v.id AND a.voided = 0 "
    "AND a.section_scores IS NOT NULL) "
    "THEN (SELECT a.score FROM visit_amendment a WHERE a.visit_id = v.id AND a.voided = 0 AND "
    "a.section_scores IS NOT NULL "
    "ORDER BY a.amended_at DESC, a.id DESC LIMIT 1) ELSE v.score END"
)


def local_midnights(*days: dt.date) -> tuple[dt.datetime, ...]:
    """The aware datetimes at which these days begin on this computer's clock: a visit
    belongs to the day (week, month) its local start time falls in."""
    return tuple(dt.datetime.combine(day, dt.time()).astimezone() for day in days)


def list_visits(
    ctx: AppContext,
    month: str | None = None,
    partner_code: str | None = None,
    status: str | None = None,
    search: str | None = None,
) -> list[dict[str, Any]]:
    """Visits, newest first; ``search`` matches any part of the partner's code or name."""
    where, params = ["v.voided = 0"], []
    if search:
        where.append("(p.code LIKE ? ESCAPE '/' OR p.name LIKE ? ESCAPE '/')")
        params += [like_contains(search)] * 2
    if month:
        start, end = comp.month_bounds(comp.check_month(month))
        # Month boundaries are local midnights (a visit at 07:00 Beijing time on the 1st is
        # in that month); a visit not started yet counts by its planned day.
        first, after = local_midnights(start, end)
        where.append(
            "((v.started_at >= ? AND v.started_at < ?) OR (v.started_at IS NULL AND v.planned_for "
            ">= ? AND v.planned_for < ?))"
        )
        params += [db_datetime(first), db_datetime(after), start.isoformat(), end.isoformat()]
    if partner_code:
        where.append("p.code = ?")
        params.append(partner_code)
    if status:
        where.append("v.status = ?")
        params.append(status)
    sql = (
        f"SELECT v.id, p.code, p.name, v.status, v.started_at, v.planned_for, {CURRENT_SCORE}, v.template_name "
        f"FROM visit v JOIN partner p ON p.id = v.partner_id WHERE {' AND '.join(where)} "
        "ORDER BY coalesce(v.started_at, v.planned_for) DESC"
    )
    return [
        {
            "id": vid,
            "partner_code": code,
            "partner_name": name,
            "status": status_,
            "started_at": iso_z(started),
            "planned_for": planned,
            "score": score,
            "template": template,
        }
        for vid, code, name, status_, started, planned, score, template in ctx.read_sql(
            sql, tuple(params)
        )
    ]


def compliance(ctx: AppContext, month: str | None = None) -> dict[str, Any]:
    """Visit-frequency compliance for a month: per active partner and per ISO week."""
    month = comp.check_month(month) if month else dt.date.today().strftime("%Y-%m")
    start, end = comp.month_bounds(month)
    weeks = comp.weeks_of_month(month)
    week_start = comp.week_bounds(weeks[0])[0] if weeks else start
    week_end = comp.week_bounds(weeks[-1])[1] if weeks else end
    lo, hi = local_midnights(min(start, week_start), max(end, week_end))
    rules = [
        comp.Rule(*r)
        for r in ctx.read_sql(
            "SELECT scope, grade, period, min_visits FROM frequency_rule WHERE voided = 0"
        )
    ]
    partners = ctx.read_sql(
        "SELECT id, code, grade FROM partner WHERE status = 'active' AND voided = 0 ORDER BY code"
    )
    # walked by start time (+status: most visits are submitted, the status index would read them all)
    visits = ctx.read_sql(
        "SELECT partner_id, started_at, manager FROM visit WHERE +status = 'submitted' AND voided = 0 "
        "AND started_at >= ? AND started_at < ?",
        (db_datetime(lo), db_datetime(hi)),
    )
    counts: dict[str, int] = {}
    mine = []  # the weekly rule is the manager's own: distinct channels this device's user inspected
    user = ctx.user_name
    for partner_id, started, manager in visits:
        local_day = parse_datetime(started).astimezone().date()  # type: ignore[union-attr]  # the same days as ``visits list --month``
        if start <= local_day < end:
            counts[partner_id] = counts.get(partner_id, 0) + 1
        if manager == user:
            mine.append((local_day, partner_id))
    rows = comp.partner_compliance(
        rules,
        [(code, grade) for _, code, grade in partners],
        {code: counts.get(pid, 0) for pid, code, _ in partners},
    )
    week_rows = comp.week_compliance(rules, weeks, mine)
    return {
        "month": month,
        "partners": [
            {
                "partner_code": r.partner_code,
                "grade": r.grade,
                "required": r.required,
                "done": r.done,
                "shortfall": r.shortfall,
            }
            for r in rows
        ],
        "weeks": [
            {"week": w.week, "required": w.required, "done": w.done, "shortfall": w.shortfall}
            for w in week_rows
        ],
    }
