"""The period reports as plain report data: the weekly inspection log (巡检日志) against
the weekly visit rule and the monthly assessment (月度考核报告) with targets against
actuals; printed by ``reports.write_period_report``."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select

from app.domain import compliance as comp
from app.domain import formats as fmt
from app.domain.rectification import effective_status
from app.domain.regions import regions
from app.domain.vocabulary import (
    GRADE,
    LIFECYCLE_EVENT,
    METRIC,
    RECTIFICATION_STATUS,
)
from app.errors import ValidationError
from app.i18n import tr
from app.reports.data import (
    PeriodReportData,
    Table,
)
from app.services.amendments import current_score
from app.services.context import AppContext
from app.services.progress import Progress
from app.services.sql_values import db_datetime
from app.services.visit_list import CURRENT_SCORE
from db.models import (
    CompetitorObservation,
    Complaint,
    Finding,
    LifecycleEvent,
    Partner,
    RectificationOrder,
    Visit,
)

MONEY_METRICS = ("revenue", "collections")


def _target_label(label: str) -> tuple[str, bool]:
    """ "回款 3201" (metric name and region code) as "回款 南京市", and whether it is money."""
    name, _sep, scope = label.rpartition(" ")
    if not name:
        name, scope = label, ""
    key = METRIC.key_for(name)
    region = regions().short_name(scope) if scope.isdigit() else scope
    return f"{METRIC.label(key) if key else name} {region}".strip(), key in MONEY_METRICS


def _day_range(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Local midnights, as ``visits list --month`` and ``compliance`` count days."""
    from app.services.visits import local_midnights

    lo, hi = local_midnights(start, end)
    return lo, hi


def week_label_default() -> str:
    return comp.iso_week_label(dt.date.today())


def weekly_log_data(ctx: AppContext, week: str | None = None) -> PeriodReportData:
    week = week or week_label_default()
    if not re.fullmatch(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])", week):
        raise ValidationError(
            tr("reports", "Give the week as YYYY-Www, e.g. 2026-W07 (got {value}).").format(
                value=week
            )
        )
    try:
        start, end = comp.week_bounds(week)
    except ValueError as exc:
        raise ValidationError(
            tr("reports", "{value} is not a valid ISO week.").format(value=week)
        ) from exc
    lo, hi = _day_range(start, end)
    with ctx.read_session() as s:
        visits = list(
            s.execute(
                select(Visit, Partner.code, Partner.name, current_score())
                .join(Partner, Partner.id == Visit.partner_id)
                .where(Visit.status == "submitted", Visit.started_at >= lo, Visit.started_at < hi)
                .order_by(Visit.started_at)
            )
        )
        raised = list(
            s.execute(
                select(RectificationOrder, Partner.code)
                .join(Partner, Partner.id == RectificationOrder.partner_id)
                .where(
                    RectificationOrder.created_at >= lo,
                    RectificationOrder.created_at < hi,
                    RectificationOrder.voided.is_(False),
                )
            )
        )
        closed = (
            s.scalar(
                select(func.count()).where(
                    RectificationOrder.closed_at >= lo,
                    RectificationOrder.closed_at < hi,
                    RectificationOrder.voided.is_(False),
                )
            )
            or 0
        )
        open_orders = list(
            s.execute(
                select(RectificationOrder, Partner.code, Partner.name)
                .join(Partner, Partner.id == RectificationOrder.partner_id)
                .where(
                    RectificationOrder.status.in_(
                        ("open", "reported_fixed", "overdue", "escalated")
                    ),
                    RectificationOrder.voided.is_(False),
                )
                .order_by(RectificationOrder.deadline)
            )
        )
        findings_raised = (
            s.scalar(
                select(func.count(Finding.id))
                .join(Visit, Visit.id == Finding.visit_id)
                .where(Visit.started_at >= lo, Visit.started_at < hi, Finding.voided.is_(False))
            )
            or 0
        )
        rules = [
            comp.Rule(r.scope, r.grade, r.period, r.min_visits)
            for r in s.scalars(
                select(__import__("db.models", fromlist=["FrequencyRule"]).FrequencyRule)
            )
        ]
    required = comp.manager_weekly_requirement(rules)
    # the weekly rule (seed 001: 每周至少巡检 3 个渠道) counts distinct channels this user inspected
    channels = len(
        {v.partner_id for v, _code, _name, _score in visits if v.manager == ctx.user_name}
    )
    today = dt.date.today()
    return PeriodReportData(
        company=ctx.settings.company_name,
        title=tr("reports", "Weekly inspection log"),
        subtitle=(
            f"{fmt.week_text(week)} ({fmt.date_text(start)} – "
            f"{fmt.date_text(end - dt.timedelta(days=1))}) · {ctx.user_name}"
        ),
        figures=[
            (tr("reports", "Inspections"), str(len(visits))),
            (tr("reports", "Channels you inspected"), str(channels)),
            (tr("reports", "Required per week"), str(required)),
            (
                tr("reports", "Rule met"),
                tr("reports", "Yes") if channels >= required else tr("reports", "No"),
            ),
            (tr("reports", "Findings raised"), str(findings_raised)),
            (tr("reports", "Rectifications raised"), str(len(raised))),
            (tr("reports", "Rectifications closed"), str(closed)),
        ],
        tables=[
            Table(
                tr("reports", "Visits"),
                [tr("reports", "Time"), tr("reports", "Partner"), tr("reports", "Score")],
                [
                    [
                        v.started_at.astimezone().strftime("%m-%d %H:%M"),
                        f"{code} {name}",
                        "—" if score is None else f"{score:.1f}",
                    ]
                    for v, code, name, score in visits
                ],
                tr("reports", "No inspections were recorded this week."),
            ),
            Table(
                tr("reports", "Open rectifications"),
                [
                    tr("reports", "Description"),
                    tr("reports", "Partner"),
                    tr("reports", "Deadline"),
                    tr("reports", "Status"),
                ],
                [
                    [
                        o.description,
                        f"{code} {name}",
                        fmt.date_text(o.deadline),
                        RECTIFICATION_STATUS.label(effective_status(o.status, o.deadline, today)),
                    ]
                    for o, code, name in open_orders[:200]
                ],
                tr("reports", "No open rectifications."),
            ),
        ],
        empty_message=tr("reports", "No inspections were recorded in this week.")
        if not visits
        else "",
    )


def monthly_data(
    ctx: AppContext, month: str | None = None, progress: Progress | None = None
) -> PeriodReportData:
    from app.services.visits import compliance

    month = month or dt.date.today().strftime("%Y-%m")
    data = compliance(ctx, month)
    start, end = comp.month_bounds(month)
    lo, hi = _day_range(start, end)
    if progress is not None:
        progress(1, 4, tr("reports", "Visits…"))
    with ctx.read_session() as s:
        grades = {code: grade for code, grade in s.execute(select(Partner.code, Partner.grade))}
        # one aggregate over the month's visits, walked by start time (``+status``: most
        # visits are submitted, so the status index would read nearly all of them)
        visits_n, avg = ctx.read_sql(
            f"SELECT count(*), avg({CURRENT_SCORE}) FROM visit v WHERE +v.status = 'submitted' "
            "AND v.started_at >= ? AND v.started_at < ?",
            (db_datetime(lo), db_datetime(hi)),
        )[0]
        opened = (
            s.scalar(
                select(func.count(RectificationOrder.id)).where(
                    RectificationOrder.created_at >= lo,
                    RectificationOrder.created_at < hi,
                    RectificationOrder.voided.is_(False),
                )
            )
            or 0
        )
        closed = (
            s.scalar(
                select(func.count(RectificationOrder.id)).where(
                    RectificationOrder.closed_at >= lo, RectificationOrder.closed_at < hi
                )
            )
            or 0
        )
        overdue = (
            s.scalar(
                select(func.count(RectificationOrder.id)).where(
                    RectificationOrder.status.in_(("open", "overdue")),
                    RectificationOrder.deadline < min(end, dt.date.today()),
                    RectificationOrder.voided.is_(False),
                )
            )
            or 0
        )
        lifecycle = list(
            s.execute(
                select(LifecycleEvent, Partner.code, Partner.name)
                .join(Partner, Partner.id == LifecycleEvent.partner_id)
                .where(LifecycleEvent.effective_date >= start, LifecycleEvent.effective_date < end)
                .order_by(LifecycleEvent.effective_date)
            )
        )
        complaints = list(
            s.execute(
                select(Complaint, Partner.code)
                .join(Partner, Partner.id == Complaint.partner_id)
                .where(Complaint.received_date >= start, Complaint.received_date < end)
            )
        )
        competitors = list(
            s.execute(
                select(CompetitorObservation, Partner.code)
                .join(Partner, Partner.id == CompetitorObservation.partner_id)
                .where(
                    CompetitorObservation.observed_date >= start,
                    CompetitorObservation.observed_date < end,
                )
            )
        )
    if progress is not None:
        progress(2, 4, tr("reports", "Compliance…"))
    per_grade: dict[str, list[int]] = {}
    for row in data["partners"]:
        acc = per_grade.setdefault(row["grade"], [0, 0, 0, 0])
        acc[0] += 1
        acc[1] += row["required"]
        acc[2] += row["done"]
        acc[3] += row["shortfall"] == 0
    chart: list[tuple[str, float, float]] = []
    target_rows: list[list[str]] = []
    try:
        from app.services import targets as targets_service

        summary = targets_service.month_targets_summary(ctx, month)
        for r in summary:
            label, money = _target_label(r.label)
            amount = fmt.money_yuan if money else (lambda v: fmt.number(v, 0))
            target_rows.append([label, amount(r.target), amount(r.actual), fmt.percent(r.progress)])
            if (
                money and len(chart) < 12
            ):  # the chart compares money only, in 万元 (one unit per axis)
                chart.append((label, r.target / fmt.WAN, r.actual / fmt.WAN))
    except (ImportError, AttributeError):
        pass
    if progress is not None:
        progress(3, 4, tr("reports", "Writing…"))
    shortfalls = [r for r in data["partners"] if r["shortfall"]]
    empty = visits_n == 0 and not data["partners"]
    return (
        PeriodReportData(
            company=ctx.settings.company_name,
            title=tr("reports", "Monthly assessment report"),
            subtitle=f"{fmt.month_text(month)} · {ctx.user_name}",
            figures=[
                (tr("reports", "Inspections"), str(visits_n)),
                (tr("reports", "Average score"), "—" if avg is None else f"{avg:.1f}"),
                (
                    tr("reports", "Partners meeting frequency"),
                    f"{sum(1 for r in data['partners'] if not r['shortfall'])} / {len(data['partners'])}",
                ),
                (tr("reports", "Rectifications opened"), str(opened)),
                (tr("reports", "Rectifications closed"), str(closed)),
                (tr("reports", "Rectifications overdue"), str(overdue)),
            ],
            tables=[
                Table(
                    tr("reports", "Visits vs frequency rules by grade"),
                    [
                        tr("reports", "Grade"),
                        tr("reports", "Partners"),
                        tr("reports", "Required"),
                        tr("reports", "Done"),
                        tr("reports", "Compliant"),
                    ],
                    [
                        [GRADE.label(g), str(v[0]), str(v[1]), str(v[2]), str(v[3])]
                        for g, v in sorted(per_grade.items())
                    ],
                ),
                Table(
                    tr("reports", "Partners below the visit frequency"),
                    [
                        tr("reports", "Partner"),
                        tr("reports", "Grade"),
                        tr("reports", "Required"),
                        tr("reports", "Done"),
                        tr("reports", "Shortfall"),
                    ],
                    [
                        [
                            r["partner_code"],
                            r["grade"],
                            str(r["required"]),
                            str(r["done"]),
                            str(r["shortfall"]),
                        ]
                        for r in shortfalls
                    ],
                    tr("reports", "Every partner met the rule."),
                ),
                Table(
                    tr("reports", "Weekly inspections"),
                    [
                        tr("reports", "Week"),
                        tr("reports", "Required"),
                        tr("reports", "Done"),
                        tr("reports", "Shortfall"),
                    ],
                    [
                        [
                            fmt.week_text(w["week"]),
                            str(w["required"]),
                            str(w["done"]),
                            str(w["shortfall"]),
                        ]
                        for w in data["weeks"]
                    ],
                ),
                Table(
                    tr("reports", "Targets vs actuals"),
                    [
                        tr("reports", "Metric"),
                        tr("reports", "Target"),
                        tr("reports", "Actual"),
                        tr("reports", "Progress"),
                    ],
                    target_rows,
                    tr("reports", "No targets for this month."),
                ),
                Table(
                    tr("reports", "Partner lifecycle changes"),
                    [
                        tr("reports", "Partner"),
                        tr("reports", "Event"),
                        tr("reports", "Date"),
                        tr("reports", "Reason"),
                    ],
                    [
                        [
                            f"{code} {name}",
                            LIFECYCLE_EVENT.label(e.kind),
                            fmt.date_text(e.effective_date),
                            e.reason,
                        ]
                        for e, code, name in lifecycle
                    ],
                ),
                Table(
                    tr("reports", "Complaints"),
                    [
                        tr("reports", "Partner"),
                        tr("reports", "Category"),
                        tr("reports", "Description"),
                    ],
                    [[code, c.category, c.description] for c, code in complaints],
                ),
                Table(
                    tr("reports", "Competitor notes"),
                    [
                        tr("reports", "Partner"),
                        tr("reports", "Brand"),
                        tr("reports", "Observation"),
                    ],
                    [[code, c.brand, f"{c.prices} {c.promotions}"] for c, code in competitors],
                ),
            ],
            empty_message=tr("reports", "No data for this month.") if empty else "",
            chart=chart,
            chart_title=tr("reports", "Targets vs actuals ({unit})").format(unit=fmt.wan_unit()),
        )
        if grades is not None
        else PeriodReportData(ctx.settings.company_name, "", "", [], [])
    )
