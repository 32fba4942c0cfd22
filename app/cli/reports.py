"""``report visit|week|month|partner|day|bulletin|commission ... -o FILE.pdf``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import cli_context, eprint
from app.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("report", help=tr("cli", "PDF reports"))
    rs = p.add_subparsers(dest="report_command", required=True)
    v = rs.add_parser("visit")
    v.add_argument("visit_id")
    v.add_argument("-o", "--output", type=Path, required=True)
    v.set_defaults(handler=cmd_visit)
    w = rs.add_parser("week")
    w.add_argument("--week", default=None)
    w.add_argument("-o", "--output", type=Path, required=True)
    w.set_defaults(handler=cmd_week)
    m = rs.add_parser("month")
    m.add_argument("--month", default=None)
    m.add_argument("-o", "--output", type=Path, required=True)
    m.set_defaults(handler=cmd_month)
    c = rs.add_parser("partner")
    c.add_argument("code")
    c.add_argument("-o", "--output", type=Path, required=True)
    c.set_defaults(handler=cmd_partner)
    d = rs.add_parser("day")
    d.add_argument("--date", default=None)
    d.add_argument("-o", "--output", type=Path, required=True)
    d.set_defaults(handler=cmd_day)
    b = rs.add_parser("bulletin")
    b.add_argument("--week", default=None)
    b.add_argument("-o", "--output", type=Path, required=True)
    b.set_defaults(handler=cmd_bulletin)
    k = rs.add_parser("commission")
    k.add_argument("--month", default=None)
    k.add_argument("-o", "--output", type=Path, required=True)
    k.set_defaults(handler=cmd_commission)


def _done(path: Path) -> int:
    eprint(tr("cli", "Report written: {path}").format(path=path))
    print(path)
    return 0


def cmd_visit(args: argparse.Namespace) -> int:
    from app.services.reports import write_visit_report

    with cli_context(args) as ctx:
        return _done(write_visit_report(ctx, args.visit_id, args.output))


def cmd_week(args: argparse.Namespace) -> int:
    from app.services.period_reports import weekly_log_data
    from app.services.reports import write_period_report

    with cli_context(args) as ctx:
        return _done(write_period_report(weekly_log_data(ctx, args.week), args.output))


def cmd_month(args: argparse.Namespace) -> int:
    from app.services.period_reports import monthly_data
    from app.services.reports import write_period_report

    with cli_context(args) as ctx:
        return _done(write_period_report(monthly_data(ctx, args.month), args.output))


def cmd_partner(args: argparse.Namespace) -> int:
    from app.services.partner_card import partner_card_data
    from app.services.reports import write_period_report

    with cli_context(args) as ctx:
        return _done(write_period_report(partner_card_data(ctx, args.code), args.output))


def cmd_day(args: argparse.Namespace) -> int:
    from app.services.callbacks import parse_day
    from app.services.duty_reports import write_day_report

    day = parse_day(args.date)
    with cli_context(args) as ctx:
        return _done(write_day_report(ctx, day, args.output))


def cmd_bulletin(args: argparse.Namespace) -> int:
    from app.services.daily_log import parse_week
    from app.services.duty_reports import write_bulletin

    parse_week(args.week)
    with cli_context(args) as ctx:
        return _done(write_bulletin(ctx, args.week, args.output))


def cmd_commission(args: argparse.Namespace) -> int:
    from app.services.daily_log import parse_month
    from app.services.duty_reports import write_commission_check

    parse_month(args.month)
    with cli_context(args) as ctx:
        return _done(write_commission_check(ctx, args.month, args.output))
