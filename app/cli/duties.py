"""The manager's daily duties: ``devrecords import``, ``callbacks draw|record|list`` and
``warnings list``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import cli_context, eprint, print_json
from app.cli.table_import import finish_import
from app.errors import ValidationError
from app.i18n import tr, trn


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    d = sub.add_parser("devrecords", help=tr("cli", "the channels' development records"))
    ds = d.add_subparsers(dest="devrecords_command", required=True)
    imp = ds.add_parser("import", help=tr("cli", "import development records from CSV or XLSX"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_devrecords_import)
    c = sub.add_parser("callbacks", help=tr("cli", "daily customer callbacks"))
    cs = c.add_subparsers(dest="callbacks_command", required=True)
    draw = cs.add_parser("draw", help=tr("cli", "draw the day's callback sample"))
    draw.add_argument("--date", default=None)
    draw.add_argument("--json", action="store_true")
    draw.set_defaults(handler=cmd_draw)
    rec = cs.add_parser("record", help=tr("cli", "record a callback's outcome"))
    rec.add_argument("call_id")
    rec.add_argument("outcome")
    rec.add_argument("--note", default="")
    rec.set_defaults(handler=cmd_record)
    lst = cs.add_parser("list", help=tr("cli", "the day's call list"))
    lst.add_argument("--date", default=None)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)
    w = sub.add_parser("warnings", help=tr("cli", "warnings raised on partners"))
    ws = w.add_subparsers(dest="warnings_command", required=True)
    wl = ws.add_parser("list")
    wl.add_argument("--partner", default=None)
    wl.add_argument("--json", action="store_true")
    wl.set_defaults(handler=cmd_warnings)


def cmd_devrecords_import(args: argparse.Namespace) -> int:
    from app.services.devrecords import import_dev_records

    with cli_context(args) as ctx:
        return finish_import(
            args,
            lambda: import_dev_records(ctx, args.file),
            tr("cli", "{rows} rows: {created} created, {skipped} skipped (already imported)"),
        )


def cmd_draw(args: argparse.Namespace) -> int:
    from app.services.callbacks import draw_callbacks, parse_day

    day = parse_day(args.date)
    with cli_context(args) as ctx:
        result = draw_callbacks(ctx, day)
    if args.json:
        print_json(result.to_json())
        return 0
    for call in result.calls:
        print(f"{call.id}\t{call.partner_code}\t{call.phone_masked}")
    eprint(
        tr("cli", "{drawn} of {population} records drawn for {date}").format(
            drawn=result.drawn, population=result.population, date=result.date.isoformat()
        )
    )
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    from app.domain.vocabulary import CALLBACK_OUTCOME
    from app.services.callbacks import record_outcome

    outcome = CALLBACK_OUTCOME.key_for(args.outcome)
    if outcome is None:
        raise ValidationError(
            tr("cli", "Unknown outcome {value}; use one of: {choices}.").format(
                value=args.outcome, choices=", ".join(CALLBACK_OUTCOME.keys)
            )
        )
    with cli_context(args) as ctx:
        record_outcome(ctx, args.call_id, outcome, args.note)
    eprint(tr("cli", "Outcome recorded: {outcome}").format(outcome=CALLBACK_OUTCOME.label(outcome)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.domain.vocabulary import CALLBACK_OUTCOME
    from app.services.callbacks import list_callbacks, parse_day

    day = parse_day(args.date)
    with cli_context(args) as ctx:
        rows = list_callbacks(ctx, day)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.id}\t{r.partner_code}\t{r.phone_masked}\t{CALLBACK_OUTCOME.label(r.outcome) or '-'}"
        )
    eprint(trn("cli", "%n call(s)", len(rows)))
    return 0


def cmd_warnings(args: argparse.Namespace) -> int:
    from app.domain.vocabulary import WARNING_SOURCE, label
    from app.services.callbacks import list_warnings

    with cli_context(args) as ctx:
        rows = list_warnings(ctx, args.partner)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        kind = label("warning_kind", r.kind)
        escalation = f"\t{label('warning_escalation', r.escalation)}" if r.escalation else ""
        print(
            f"{r.warned_on}\t{r.partner_code}\t{WARNING_SOURCE.label(r.source)}\t{kind}{escalation}"
        )
    eprint(trn("cli", "%n warning(s)", len(rows)))
    return 0
