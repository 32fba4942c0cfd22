"""PDF data of the manager's duties: the daily log (渠道经理日报), the weekly bulletin
(按周通报: channels ranked by development against target and time progress) and the
monthly commission check (佣金核查: reported development against what callbacks found).
No phone number appears in any of them."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from sqlalchemy import func, select

from app.domain import duties as rules
from app.domain import formats as fmt
from app.domain.vocabulary import (
    BUSINESS_RECORD_KIND,
    CALLBACK_OUTCOME,
    COMPLAINT_STATUS,
    WARNING_ESCALATION,
    WARNING_KIND,
)
from app.i18n import tr, trn
from app.reports.data import PeriodReportData, Table
from app.services.context import AppContext
from app.services.daily_log import (
    complaint_handled_between,
    parse_month,
    parse_week,
    rollup,
    show_log,
    utc_bounds,
)


def day_log_data(ctx: AppContext, day: dt.date) -> PeriodReportData:
    """The day's log: figures, callbacks with outcomes, warnings, complaints handled,
    notes and tomorrow's plan; the seal when closed."""
    from db.models import CallbackCall, CallbackDraw, Complaint, Partner, PartnerWarning

    view = show_log(ctx, day)
    f = view.figures
    start, end = utc_bounds(day)
    with ctx.read_session() as s:
        calls = list(
            s.execute(
                select(CallbackCall, Partner.code, Partner.name)
                .join(Partner, Partner.id == CallbackCall.partner_id)
                .join(CallbackDraw, CallbackDraw.id == CallbackCall.draw_id)
                .where(CallbackDraw.draw_date == day, CallbackCall.voided.is_(False))
                .order_by(CallbackCall.position)
            )
        )
        warnings = list(
            s.execute(
                select(PartnerWarning, Partner.code)
                .join(Partner, Partner.id == PartnerWarning.partner_id)
                .where(PartnerWarning.warned_on == day, PartnerWarning.voided.is_(False))
                .order_by(PartnerWarning.created_at)
            )
        )
        complaints = list(
            s.execute(
                select(Complaint, Partner.code)
                .join(Partner, Partner.id == Complaint.partner_id)
                .where(Complaint.voided.is_(False), complaint_handled_between(start, end))
            )
        )
    state = tr("reports", "Closed and sealed") if view.closed else tr("reports", "Open")
    figures = [
        (tr("reports", "Visits"), str(f["visits"])),
        (tr("reports", "Callbacks done"), f"{f['callbacks']} / {f['callbacks_drawn']}"),
        (tr("reports", "Complaints handled"), str(f["complaints"])),
        (tr("reports", "Rectifications closed"), str(f["rectifications_closed"])),
        (tr("reports", "New customers"), str(f["development"])),
        (tr("reports", "Warnings"), str(f["warnings"])),
        (tr("reports", "State"), state),
    ]
    if view.content_hash:
        figures.append((tr("reports", "Content hash"), view.content_hash))
    return PeriodReportData(
        company=ctx.settings.company_name,
        title=tr("reports", "Channel manager's daily log"),
        subtitle=f"{fmt.date_text(day)} · {view.manager or ctx.user_name}",
        figures=figures,
        tables=[
            Table(
                tr("reports", "Notes"),
                [tr("reports", "Notes"), tr("reports", "Plan for tomorrow")],
                [[view.note or "—", view.plan or "—"]],
            ),
            Table(
                tr("reports", "Callbacks"),
                [
                    tr("reports", "Partner"),
                    tr("reports", "Product"),
                    tr("reports", "Kind"),
                    tr("reports", "Outcome"),
                    tr("reports", "Note"),
                ],
                [
                    [
                        f"{code} {name}",
                        c.product,
                        BUSINESS_RECORD_KIND.label(c.kind),
                        CALLBACK_OUTCOME.label(c.outcome) or "—",
                        c.note,
                    ]
                    for c, code, name in calls
                ],
                tr("reports", "No callbacks were drawn for this day."),
            ),
            Table(
                tr("reports", "Warnings"),
                [
                    tr("reports", "Partner"),
                    tr("reports", "Warning"),
                    tr("reports", "Evidence"),
                    tr("reports", "Escalation"),
                ],
                [
                    [
                        code,
                        WARNING_KIND.label(w.kind),
                        w.evidence,
                        WARNING_ESCALATION.label(w.escalation) or "—",
                    ]
                    for w, code in warnings
                ],
                tr("reports", "No warnings."),
            ),
            Table(
                tr("reports", "Complaints handled"),
                [tr("reports", "Partner"), tr("reports", "Complaint"), tr("reports", "Status")],
                [[code, c.description, COMPLAINT_STATUS.label(c.status)] for c, code in complaints],
                tr("reports", "No complaints."),
            ),
        ],
    )


def bulletin_data(ctx: AppContext, week: str | None = None) -> PeriodReportData:
    """The weekly bulletin: each channel's development (new customers) of the week and
    of its month so far against its monthly ``development`` target, beside the month's
    time progress; ranked by progress against target."""
    from db.models import DevRecord, Partner, Target

    start, end = parse_week(week)
    last = end - dt.timedelta(days=1)
    month_start = last.replace(day=1)
    month_end = (month_start + dt.timedelta(days=32)).replace(day=1)
    elapsed = rules.time_progress(month_start, month_end, last)
    month = month_start.strftime("%Y-%m")
    with ctx.read_session() as s:
        new = DevRecord.kind == "new"
        week_counts = dict(
            s.execute(
                select(DevRecord.partner_id, func.count())
                .where(new, DevRecord.record_date >= start, DevRecord.record_date < end)
                .group_by(DevRecord.partner_id)
            ).all()
        )
        month_counts = dict(
            s.execute(
                select(DevRecord.partner_id, func.count())
                .where(new, DevRecord.record_date >= month_start, DevRecord.record_date < end)
                .group_by(DevRecord.partner_id)
            ).all()
        )
        targets = dict(
            s.execute(
                select(Target.scope, Target.amount).where(
                    Target.metric == "development",
                    Target.period == month,
                    Target.scope_kind == "partner",
                    Target.voided.is_(False),
                )
            ).all()
        )
        partners = list(
            s.execute(
                select(Partner.id, Partner.code, Partner.name).where(
                    Partner.voided.is_(False), Partner.status == "active"
                )
            )
        )
    rows = []
    for pid, code, name in partners:
        target = targets.get(code)
        done = month_counts.get(pid, 0)
        if not target and not done:
            continue
        progress = done / target if target else None
        rows.append((progress, done, code, name, week_counts.get(pid, 0), target))
    rows.sort(key=lambda r: (r[0] is None, -(r[0] or 0), -r[1], r[2]))
    table = [
        [
            str(rank),
            f"{code} {name}",
            str(week_n),
            str(done),
            str(target) if target else "—",
            fmt.percent(progress * 100 if progress is not None else None),
            fmt.percent(elapsed * 100),
            (tr("reports", "Ahead") if progress >= elapsed else tr("reports", "Behind"))
            if progress is not None
            else "—",
        ]
        for rank, (progress, done, code, name, week_n, target) in enumerate(rows, 1)
    ]
    logs = rollup(ctx, start, end)
    behind = sum(1 for r in rows if r[0] is not None and r[0] < elapsed)
    iso = start.isocalendar()
    return PeriodReportData(
        company=ctx.settings.company_name,
        title=tr("reports", "Weekly development bulletin"),
        subtitle=(
            f"{fmt.week_text(f'{iso.year}-W{iso.week:02d}')} "
            f"({fmt.date_text(start)} – {fmt.date_text(last)}) · {ctx.user_name}"
        ),
        figures=[
            (tr("reports", "New customers this week"), str(sum(week_counts.values()))),
            (
                tr("reports", "Time progress of {month}").format(month=fmt.month_text(month)),
                fmt.percent(elapsed * 100),
            ),
            (tr("reports", "Channels behind time progress"), str(behind)),
            (tr("reports", "Callbacks done this week"), str(logs.figures["callbacks"])),
            (tr("reports", "Warnings this week"), str(logs.figures["warnings"])),
            (tr("reports", "Daily logs closed"), f"{logs.closed_days} / {len(logs.days)}"),
        ],
        tables=[
            Table(
                tr("reports", "Channels ranked by development against target"),
                [
                    tr("reports", "Rank"),
                    tr("reports", "Partner"),
                    tr("reports", "This week"),
                    tr("reports", "Month to date"),
                    tr("reports", "Monthly target"),
                    tr("reports", "Progress"),
                    tr("reports", "Time progress"),
                    tr("reports", "Pace"),
                ],
                table,
                tr("reports", "No development records or targets for this week."),
            )
        ],
        chart=[
            (code, float(target or 0), float(done)) for _p, done, code, _n, _w, target in rows[:15]
        ],
        chart_title=tr("reports", "Development against monthly target"),
    )


def commission_data(ctx: AppContext, month: str | None = None) -> PeriodReportData:
    """The commission check of a month: per agent the development it reported, the
    records called back and what they found (fake, deposit withheld, unauthorised
    connection), and a suggested adjustment — the problem records' commission withheld
    and, when the problem rate is notable, the rest re-verified before paying."""
    from db.models import CallbackCall, DevRecord, Partner

    first, following = parse_month(month)
    label = first.strftime("%Y-%m")
    with ctx.read_session() as s:
        reported = {
            pid: (n, amount)
            for pid, n, amount in s.execute(
                select(
                    DevRecord.partner_id,
                    func.count(),
                    func.coalesce(func.sum(DevRecord.amount_fen), 0),
                )
                .where(
                    DevRecord.record_date >= first,
                    DevRecord.record_date < following,
                    DevRecord.kind == "new",
                )
                .group_by(DevRecord.partner_id)
            )
        }
        checked: dict[str, list[tuple[str | None, int]]] = defaultdict(list)
        for pid, outcome, amount in s.execute(
            select(CallbackCall.partner_id, CallbackCall.outcome, CallbackCall.amount_fen).where(
                CallbackCall.record_date >= first,
                CallbackCall.record_date < following,
                CallbackCall.kind == "new",
                CallbackCall.voided.is_(False),
            )
        ):
            checked[pid].append((outcome, amount))
        partners = {
            pid: (code, name)
            for pid, code, name in s.execute(select(Partner.id, Partner.code, Partner.name))
        }
    rows, suggestions = [], []
    total_problem = 0
    for pid in sorted(set(reported) | set(checked), key=lambda p: partners.get(p, ("", ""))[0]):
        code, name = partners.get(pid, ("?", ""))
        count, amount = reported.get(pid, (0, 0))
        calls = checked.get(pid, [])
        answered = [c for c in calls if c[0] is not None]
        problems = [c for c in answered if c[0] in rules.PROBLEM_OUTCOMES]
        total_problem += len(problems)
        rate = len(problems) / len(answered) if answered else None
        rows.append(
            [
                f"{code} {name}",
                str(count),
                fmt.money_fen(amount),
                str(len(calls)),
                str(len(answered)),
                str(sum(1 for c in problems if c[0] == "fake")),
                str(sum(1 for c in problems if c[0] == "deposit_withheld")),
                str(sum(1 for c in problems if c[0] == "unauthorised_connection")),
                fmt.percent(rate * 100 if rate is not None else None),
            ]
        )
        if problems:
            text = trn(
                "reports",
                "Withhold commission on %n record(s) found at callback ({amount}).",
                len(problems),
            ).format(amount=fmt.money_fen(sum(a for _o, a in problems)))
            if rate is not None and rate >= 0.1 and count > len(answered):
                text += " " + trn(
                    "reports",
                    "Problem rate {rate}: verify the other %n record(s) before paying; about "
                    "{estimate} may be affected.",
                    count - len(answered),
                ).format(
                    rate=fmt.percent(rate * 100), estimate=round(rate * (count - len(answered)))
                )
            suggestions.append([f"{code} {name}", text])
    return PeriodReportData(
        company=ctx.settings.company_name,
        title=tr("reports", "Commission check"),
        subtitle=f"{fmt.month_text(label)} · {ctx.user_name}",
        figures=[
            (tr("reports", "Channels"), str(len(rows))),
            (tr("reports", "Development reported"), str(sum(n for n, _a in reported.values()))),
            (tr("reports", "Records called back"), str(sum(len(v) for v in checked.values()))),
            (tr("reports", "Found fake or withheld"), str(total_problem)),
        ],
        tables=[
            Table(
                tr("reports", "Reported development against callbacks"),
                [
                    tr("reports", "Partner"),
                    tr("reports", "Reported"),
                    tr("reports", "Amount"),
                    tr("reports", "Called back"),
                    tr("reports", "Reached"),
                    CALLBACK_OUTCOME.label("fake"),
                    CALLBACK_OUTCOME.label("deposit_withheld"),
                    CALLBACK_OUTCOME.label("unauthorised_connection"),
                    tr("reports", "Problem rate"),
                ],
                rows,
                tr("reports", "No development records for this month."),
            ),
            Table(
                tr("reports", "Suggested adjustments"),
                [tr("reports", "Partner"), tr("reports", "Adjustment")],
                suggestions,
                tr(
                    "reports",
                    "No adjustment suggested: callbacks found no fake or withheld records.",
                ),
            ),
        ],
    )


def write_day_report(ctx: AppContext, day: dt.date, target: Path) -> Path:
    from app.services.reports import write_period_report

    return write_period_report(day_log_data(ctx, day), target)


def write_bulletin(ctx: AppContext, week: str | None, target: Path) -> Path:
    from app.services.reports import write_period_report

    return write_period_report(bulletin_data(ctx, week), target)


def write_commission_check(ctx: AppContext, month: str | None, target: Path) -> Path:
    from app.services.reports import write_period_report

    return write_period_report(commission_data(ctx, month), target)
