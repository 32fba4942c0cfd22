"""Start-up reminders for the dashboard panel: overdue rectifications, contracts
expiring, partners below the visit frequency, the day's callbacks and missed callback
days, overdue complaints, and changes HQ has not acknowledged."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.i18n import tr, trn
from app.services.context import AppContext


@dataclass(frozen=True)
class Reminder:
    level: str  # warning | info
    text: str


def reminders(ctx: AppContext, today: dt.date | None = None) -> list[Reminder]:
    from app.services.partner_documents import expiring_contracts
    from app.services.sync_state import sync_status
    from app.services.visits import compliance, count_overdue_rectifications

    today = today or dt.date.today()
    result: list[Reminder] = []
    overdue = count_overdue_rectifications(ctx, today)
    if overdue:
        result.append(
            Reminder("warning", trn("reminders", "%n rectification order(s) overdue.", overdue))
        )
    settings = ctx.settings
    contracts = expiring_contracts(ctx, today, tuple(settings.contract_warning_days) or (90, 30, 7))
    for level in sorted({c.level for c in contracts}):
        count = sum(1 for c in contracts if c.level == level)
        result.append(
            Reminder(
                "warning" if level <= 30 else "info",
                trn("reminders", "%n contract(s) expiring within {days} days.", count).format(
                    days=level
                ),
            )
        )
    month = compliance(ctx)
    behind = sum(1 for r in month["partners"] if r["shortfall"])
    if behind:
        result.append(
            Reminder(
                "info",
                trn("reminders", "%n partner(s) below this month's visit frequency.", behind),
            )
        )
    result += duty_reminders(ctx, today)
    status = sync_status(ctx)
    if (
        status.oldest_unacked is not None
        and (dt.datetime.now(dt.UTC) - status.oldest_unacked).days >= settings.unacked_warning_days
    ):
        result.append(
            Reminder(
                "warning",
                tr(
                    "reminders",
                    "A bundle exported {days} days ago has no acknowledgement from HQ yet.",
                ).format(days=(dt.datetime.now(dt.UTC) - status.oldest_unacked).days),
            )
        )
    elif status.pending_changes and status.last_synced_at is None:
        result.append(
            Reminder(
                "info", trn("reminders", "%n change(s) never sent to HQ.", status.pending_changes)
            )
        )
    return result


def duty_reminders(ctx: AppContext, today: dt.date) -> list[Reminder]:
    """Today's callback progress, days whose callback duty was missed, partners proposed
    for suspension, complaints past HQ's response or resolution time."""
    from app.services.callbacks import day_progress, list_warnings, missed_days
    from app.services.complaints import overdue_complaints

    result: list[Reminder] = []
    progress = day_progress(ctx, today)
    if not progress.met:
        result.append(
            Reminder(
                "info",
                tr(
                    "reminders",
                    "Callbacks today: {answered} of {drawn} done ({population} records yesterday).",
                ).format(
                    answered=progress.answered, drawn=progress.drawn, population=progress.population
                ),
            )
        )
    missed = missed_days(ctx, today)
    if missed:
        result.append(
            Reminder(
                "warning",
                trn("reminders", "Callback duty missed on %n day(s): {days}.", len(missed)).format(
                    days=", ".join(d.strftime("%m-%d") for d in missed)
                ),
            )
        )
    proposals = [
        w
        for w in list_warnings(ctx)
        if w.escalation == "suspension_proposal" and (today - w.warned_on).days <= 30
    ]
    if proposals:
        result.append(
            Reminder(
                "warning",
                tr(
                    "reminders", "Suspension proposed for {codes} after repeated callback warnings."
                ).format(codes=", ".join(sorted({w.partner_code for w in proposals}))),
            )
        )
    late = overdue_complaints(ctx)
    if late:
        result.append(
            Reminder(
                "warning",
                trn(
                    "reminders", "%n complaint(s) past the response or resolution time.", len(late)
                ),
            )
        )
    return result
