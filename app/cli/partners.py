"""``partners import|export|list|lifecycle|history`` over the partner services."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import cli_context, eprint, print_json
from app.domain.vocabulary import PARTNER_STATUS
from app.errors import ValidationError
from app.i18n import tr, trn


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("partners", help=tr("cli", "partner files"))
    psub = p.add_subparsers(dest="partners_command", required=True)
    imp = psub.add_parser("import", help=tr("cli", "import partners from CSV or XLSX"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true")
    imp.add_argument("--skip-invalid", action="store_true")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)
    exp = psub.add_parser("export", help=tr("cli", "export partners to CSV or XLSX"))
    exp.add_argument("file", type=Path)
    exp.set_defaults(handler=cmd_export)
    lst = psub.add_parser("list", help=tr("cli", "list partners"))
    lst.add_argument("--search", default="")
    lst.add_argument("--grade", choices=["A", "B", "C", "D"])
    lst.add_argument(
        "--status", choices=["prospect", "active", "suspended", "terminated", "merged"]
    )
    lst.add_argument(
        "--type", dest="type_", choices=["agent", "dealer", "franchise", "own_store", "special"]
    )
    lst.add_argument("--region")
    lst.add_argument("--limit", type=int, default=None)
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=cmd_list)
    lc = psub.add_parser(
        "lifecycle",
        help=tr(
            "cli", "record a lifecycle event (开停并转): the only way a partner's status changes"
        ),
    )
    lc.add_argument("code")
    lc.add_argument(
        "event", choices=["open", "suspend", "resume", "merge", "transfer", "terminate"]
    )
    lc.add_argument("--reason", required=True)
    lc.add_argument("--survivor", default=None)
    lc.add_argument("--to-manager", dest="to_manager", default=None)
    lc.add_argument("--json", action="store_true")
    lc.set_defaults(handler=cmd_lifecycle)
    rg = psub.add_parser(
        "request-grade", help=tr("cli", "ask HQ to change a partner's grade (HQ owns grades)")
    )
    rg.add_argument("code")
    rg.add_argument("grade", choices=["A", "B", "C", "D"])
    rg.add_argument("--reason", required=True)
    rg.add_argument("--json", action="store_true")
    rg.set_defaults(handler=cmd_request_grade)
    grq = psub.add_parser(
        "grade-requests", help=tr("cli", "this laptop's grade change requests and HQ's decisions")
    )
    grq.add_argument("--partner", default=None)
    grq.add_argument("--json", action="store_true")
    grq.set_defaults(handler=cmd_grade_requests)
    hi = psub.add_parser("history", help=tr("cli", "a partner's lifecycle events"))
    hi.add_argument("code")
    hi.add_argument("--json", action="store_true")
    hi.set_defaults(handler=cmd_history)


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.partner_io import import_partners

    with cli_context(args) as ctx:
        try:
            report = import_partners(
                ctx, args.file, dry_run=args.dry_run, skip_invalid=args.skip_invalid
            )
        except ValidationError as exc:
            for line in exc.details:
                eprint(line)
            eprint(exc.message)
            return 1
    for error in report.errors:
        eprint(str(error))
    summary = {
        "rows": report.total,
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": report.skipped,
        "dry_run": report.dry_run,
    }
    if args.json:
        print_json(summary)
    else:
        eprint(
            tr(
                "cli",
                "{rows} rows: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped{dry}",
            ).format(
                **summary, dry=tr("cli", " (dry run, nothing saved)") if report.dry_run else ""
            )
        )
    return 1 if report.errors and not args.skip_invalid else 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.partner_io import export_partners

    with cli_context(args) as ctx:
        count = export_partners(ctx, args.file)
    eprint(tr("cli", "{count} partners written to {file}").format(count=count, file=args.file))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.services.lookups import require_region_code
    from app.services.partner_list import PartnerQuery, partner_page

    region = require_region_code(args.region) if args.region is not None else None
    if args.limit is not None and args.limit < 0:
        raise ValidationError(
            tr("cli", "--limit takes a number of rows, 0 or more (got {value}).").format(
                value=args.limit
            )
        )
    with cli_context(args) as ctx:
        query = PartnerQuery(
            search=args.search or "",
            grade=args.grade,
            status=args.status,
            type=args.type_,
            region=region,
        )
        rows = partner_page(ctx, query, 0, args.limit)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.code}\t{r.grade}\t{PARTNER_STATUS.label(r.status)}\t{r.name}\t"
            f"{r.region_name}\t{r.primary_contact} {r.phone}"
        )
    eprint(trn("cli", "%n partner(s)", len(rows)))
    return 0


def cmd_lifecycle(args: argparse.Namespace) -> int:
    from app.services.lifecycle import event_label, lifecycle_history, record_lifecycle_event
    from app.services.visits import status_label

    with cli_context(args) as ctx:
        record_lifecycle_event(
            ctx,
            args.code,
            args.event,
            args.reason,
            survivor=args.survivor,
            to_manager=args.to_manager,
        )
        event = lifecycle_history(ctx, args.code)[-1]
    if args.json:
        print_json({"code": args.code, "status": event["to_status"], **event})
    else:
        eprint(
            tr("cli", "{code}: {event} recorded, status {before} → {after}").format(
                code=args.code,
                event=event_label(args.event),
                before=status_label(event["from_status"] or "-"),
                after=status_label(event["to_status"] or "-"),
            )
        )
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from app.cli.people import when
    from app.services.lifecycle import event_label, lifecycle_history
    from app.services.visits import status_label

    with cli_context(args) as ctx:
        rows = lifecycle_history(ctx, args.code)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        before, after = (
            status_label(row["from_status"] or "-"),
            status_label(row["to_status"] or "-"),
        )
        print(
            f"{when(row['at'])}\t{event_label(row['event'])}\t{before} → {after}\t{row['reason']}"
        )
    return 0


def cmd_request_grade(args: argparse.Namespace) -> int:
    from app.services.grade_requests import grade_requests, request_grade_change

    with cli_context(args) as ctx:
        _changes, rid = request_grade_change(ctx, args.code, args.grade, args.reason)
        row = next(r for r in grade_requests(ctx, args.code) if r["id"] == rid)
    if args.json:
        print_json(row)
    else:
        eprint(
            tr(
                "cli",
                "Grade change of {code} to {grade} requested; it goes to HQ with the next sync export.",
            ).format(code=args.code, grade=args.grade)
        )
    return 0


def cmd_grade_requests(args: argparse.Namespace) -> int:
    from app.cli.hq import grade_request_status
    from app.services.grade_requests import grade_requests

    with cli_context(args) as ctx:
        rows = grade_requests(ctx, args.partner)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r['requested_on']}\t{r['partner_code']}\t{r['current_grade']} → "
            f"{r['requested_grade']}\t{grade_request_status(r['status'])}\t"
            f"{r['reason']}\t{r['decision_note']}"
        )
    return 0
