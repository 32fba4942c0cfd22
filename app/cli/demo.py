"""``channeldesk demo [--partners N] [--months M] [--seed S]``."""

from __future__ import annotations

import argparse

from app.cli import cli_context, eprint
from app.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help=tr("cli", "fill an empty data dir with realistic demo data"))
    p.add_argument("--partners", type=int, default=200)
    p.add_argument("--months", type=int, default=6)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo import generate_demo

    with cli_context(args) as ctx:
        changes = generate_demo(ctx, partners=args.partners, months=args.months, seed=args.seed)
    eprint(tr("cli", "Demo data created: {what}").format(what=changes.note))
    return 0
