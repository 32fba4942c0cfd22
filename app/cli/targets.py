"""``targets list``, ``targets import`` and ``actuals import``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli import cli_context, print_json
from app.cli.table_import import finish_import
from app.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    t = sub.add_parser("targets", help=tr("cli", "targets and progress"))
    ts = t.add_subparsers(dest="targets_command", required=True)
    lst = ts.add_parser("list")
    lst.add_argument("--year", default=None)
    lst.add_argument("--month", default=None)
    lst.add_argument("--partner", default=None)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)
    timp = ts.add_parser("import")
    timp.add_argument("file", type=Path)
    timp.add_argument("--json", action="store_true")
    timp.set_defaults(handler=cmd_import_targets)
    a = sub.add_parser("actuals", help=tr("cli", "actuals from HQ exports"))
    acts = a.add_subparsers(dest="actuals_command", required=True)
    imp = acts.add_parser("import")
    imp.add_argument("file", type=Path)
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)


def cmd_list(args: argparse.Namespace) -> int:
    from app.services.lookups import require_partner_code
    from app.services.target_list import list_targets

    with cli_context(args) as ctx:
        if args.partner:
            require_partner_code(ctx, args.partner)
        rows = list_targets(ctx, year=args.year, month=args.month, partner=args.partner)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    from app.domain import formats
    from app.domain.regions import regions
    from app.domain.vocabulary import METRIC

    for r in rows:
        scope = regions().name(r.scope) if r.scope_kind == "region" else r.scope
        print(
            f"{METRIC.label(r.metric)}\t{formats.period_text(r.period)}\t{scope}\t"
            f"{formats.scaled_amount(r.target, r.decimals)}\t"
            f"{formats.scaled_amount(r.actual, r.decimals)}\t{formats.percent(r.progress)}"
        )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.actuals import import_actuals

    return _run_import(args, import_actuals)


def cmd_import_targets(args: argparse.Namespace) -> int:
    from app.services.targets import import_targets

    return _run_import(args, import_targets)


def _run_import(args: argparse.Namespace, importer: Callable[..., Any]) -> int:
    """Shared by ``actuals import`` and ``targets import``: every bad row on stderr, then
    the summary line (or JSON)."""
    with cli_context(args) as ctx:
        return finish_import(
            args,
            lambda: importer(ctx, args.file),
            tr("cli", "{rows} rows: {created} created, {updated} updated, {unchanged} unchanged"),
            lambda report: {
                "rows": report.rows,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
            },
        )
