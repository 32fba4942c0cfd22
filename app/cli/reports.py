"""``report visit|week|month|partner ... -o FILE.pdf``."""

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


def _done(path: Path) -> int:
    eprint(tr("cli", "Report written: {path}").format(path=path))
    print(path)
    return 0


def cmd_visit(args: argparse.Namespace) -> int:
    from app.services.reports import write_visit_report

    with cli_context(args) as ctx:
        return _done(write_visit_report(ctx, args.visit_id, args.output))


def cmd_week(args: argparse.Namespace) -> int:
    from app.services.reports import weekly_log_data, write_period_report

    with cli_context(args) as ctx:
        return _done(write_period_report(weekly_log_data(ctx, args.week), args.output))


def cmd_month(args: argparse.Namespace) -> int:
    from app.services.reports import monthly_data, write_period_report

    with cli_context(args) as ctx:
        return _done(write_period_report(monthly_data(ctx, args.month), args.output))


def cmd_partner(args: argparse.Namespace) -> int:
    from app.services.reports import partner_card_data, write_period_report

    with cli_context(args) as ctx:
        return _done(write_period_report(partner_card_data(ctx, args.code), args.output))
