"""The manager's daily rhythm: ``log show|close`` (and week/month roll-ups) and
``complaints list|new|advance``."""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli import cli_context, eprint, print_json
from app.errors import ValidationError
from app.i18n import tr, trn


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    lg = sub.add_parser("log", help=tr("cli", "the manager's daily log"))
    ls = lg.add_subparsers(dest="log_command", required=True)
    show = ls.add_parser("show")
    show.add_argument("--date", default=None)
    period = show.add_mutually_exclusive_group()
    period.add_argument("--week", default=None, help=tr("cli", "the roll-up of a week (YYYY-Www)"))
    period.add_argument("--month", default=None, help=tr("cli", "the roll-up of a month (YYYY-MM)"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_log_show)
    close = ls.add_parser("close")
    close.add_argument("--date", default=None)
    close.add_argument("--note", default=None)
    close.add_argument("--plan", default=None)
    close.set_defaults(handler=cmd_log_close)
    c = sub.add_parser("complaints", help=tr("cli", "customer complaints and their handling"))
    cs = c.add_subparsers(dest="complaints_command", required=True)
    lst = cs.add_parser("list")
    lst.add_argument("--status", default=None)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_complaints_list)
    new = cs.add_parser("new")
    new.add_argument("--partner", required=True)
    new.add_argument("--text", required=True)
    new.add_argument("--json", action="store_true")
    new.set_defaults(handler=cmd_complaints_new)
    adv = cs.add_parser("advance")
    adv.add_argument("complaint_id")
    adv.add_argument("status")
    adv.add_argument("--note", default="")
    adv.add_argument("--satisfaction", type=int, default=None)
    adv.set_defaults(handler=cmd_complaints_advance)


def _figures_line(f: dict[str, int]) -> str:
    """A day's (or a week's, a month's) figures on one line (``log show``, ``log summary``)."""
    return tr(
        "cli",
        "Visits: {visits}  Callbacks: {callbacks}/{drawn}  Complaints handled: {complaints}  "
        "Rectifications closed: {closed}  New customers: {development}",
    ).format(
        visits=f["visits"],
        callbacks=f["callbacks"],
        drawn=f["callbacks_drawn"],
        complaints=f["complaints"],
        closed=f["rectifications_closed"],
        development=f["development"],
    )


def _print_log(view) -> None:  # type: ignore[no-untyped-def]
    f = view.figures
    print(
        tr("cli", "Daily log {date} ({state})").format(
            date=view.date.isoformat(),
            state=tr("cli", "closed") if view.closed else tr("cli", "open"),
        )
    )
    print(_figures_line(f))
    if view.note:
        print(tr("cli", "Notes: {text}").format(text=view.note))
    if view.plan:
        print(tr("cli", "Plan for tomorrow: {text}").format(text=view.plan))


def cmd_log_show(args: argparse.Namespace) -> int:
    from app.services.callbacks import parse_day
    from app.services.daily_log import show_log

    if args.week or args.month:
        return _rollup(args)
    day = parse_day(args.date)
    with cli_context(args) as ctx:
        view = show_log(ctx, day)
    if args.json:
        print_json(view.to_json())
    else:
        _print_log(view)
    return 0


def cmd_log_close(args: argparse.Namespace) -> int:
    from app.services.callbacks import parse_day
    from app.services.daily_log import close_log

    day = parse_day(args.date)
    with cli_context(args) as ctx:
        view = close_log(ctx, day, note=args.note, plan=args.plan).view
    _print_log(view)
    eprint(tr("cli", "Log closed and sealed: {hash}").format(hash=view.content_hash))
    return 0


def _status(text: str | None) -> str | None:
    from app.domain.vocabulary import COMPLAINT_STATUS

    if text is None:
        return None
    key = COMPLAINT_STATUS.key_for(text)
    if key is None:
        raise ValidationError(
            tr("cli", "Unknown status {value}; use one of: {choices}.").format(
                value=text, choices=", ".join(COMPLAINT_STATUS.keys)
            )
        )
    return key


def cmd_complaints_list(args: argparse.Namespace) -> int:
    from app.domain.vocabulary import COMPLAINT_STATUS
    from app.services.complaints import list_complaints

    status = _status(args.status)
    with cli_context(args) as ctx:
        rows = list_complaints(ctx, status)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        overdue = {
            "response": tr("cli", "response overdue"),
            "resolution": tr("cli", "resolution overdue"),
        }.get(r.overdue or "", "")
        print(
            f"{r.id}\t{r.partner_code}\t{COMPLAINT_STATUS.label(r.status)}\t{r.description}\t{overdue}".rstrip()
        )
    eprint(trn("cli", "%n complaint(s)", len(rows)))
    return 0


def cmd_complaints_new(args: argparse.Namespace) -> int:
    from app.services.complaints import new_complaint

    with cli_context(args) as ctx:
        complaint_id = new_complaint(ctx, args.partner, args.text).id
    if args.json:
        print_json({"id": complaint_id, "status": "received"})
    else:
        print(complaint_id)
    return 0


def cmd_complaints_advance(args: argparse.Namespace) -> int:
    from app.domain.vocabulary import COMPLAINT_STATUS
    from app.services.complaints import advance_complaint

    status = _status(args.status)
    assert status is not None
    with cli_context(args) as ctx:
        advance_complaint(
            ctx, args.complaint_id, status, note=args.note, satisfaction=args.satisfaction
        )
    eprint(tr("cli", "Complaint is now {status}.").format(status=COMPLAINT_STATUS.label(status)))
    return 0


def _rollup(args: argparse.Namespace) -> int:
    from app.services.daily_log import parse_month, parse_week, rollup

    start, end = parse_week(args.week) if args.week else parse_month(args.month)
    with cli_context(args) as ctx:
        result = rollup(ctx, start, end)
    if args.json:
        print_json(
            {
                "start": start.isoformat(),
                "end": (end - dt.timedelta(days=1)).isoformat(),
                **result.figures,
                "days": len(result.days),
                "closed_days": result.closed_days,
            }
        )
        return 0
    f = result.figures
    print(
        tr("cli", "Daily logs {start} – {end}: {closed} of {days} closed").format(
            start=start.isoformat(),
            end=(end - dt.timedelta(days=1)).isoformat(),
            closed=result.closed_days,
            days=len(result.days),
        )
    )
    print(_figures_line(f))
    return 0
