"""``channeldesk hq --db URL [--key-dir DIR] init|register-device|revoke-device|ingest|
publish|rules|stats|conflicts|report month|visits list|show|verify|targets import|
templates export|import|receivables import|devrecords import|gui``."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli import eprint, print_json
from app.errors import UserError
from app.i18n import tr

if TYPE_CHECKING:
    from app.hq.server import Hq


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("hq", help=tr("cli", "headquarters commands"))
    p.add_argument("--db", default="sqlite:///hq.sqlite")
    p.add_argument("--key-dir", type=Path, default=None)
    hs = p.add_subparsers(dest="hq_command", required=True)
    i = hs.add_parser("init")
    i.add_argument("--key-dir", dest="init_key_dir", type=Path, default=None)
    i.set_defaults(handler=cmd_init)
    r = hs.add_parser("register-device")
    r.add_argument("keyfile", type=Path)
    r.add_argument("--user", default=None)
    r.add_argument("--territory", default=None)
    r.set_defaults(handler=cmd_register)
    v = hs.add_parser("revoke-device")
    v.add_argument("device_id")
    v.set_defaults(handler=cmd_revoke)
    g = hs.add_parser("ingest")
    g.add_argument("files", nargs="+", type=Path)
    g.add_argument("--ack-dir", type=Path, default=None)
    g.set_defaults(handler=cmd_ingest)
    pub = hs.add_parser("publish")
    pub.add_argument("--device", required=True)
    pub.add_argument("-o", "--output", type=Path, required=True)
    pub.set_defaults(handler=cmd_publish)
    ru = hs.add_parser(
        "rules",
        help=tr(
            "cli",
            "the duties' rules HQ publishes (retention, callbacks, escalation, complaint times)",
        ),
    )
    ru.add_argument("assignments", nargs="*", metavar="KEY=NUMBER")
    ru.add_argument("--json", action="store_true")
    ru.set_defaults(handler=cmd_rules)
    st = hs.add_parser("stats")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_stats)
    c = hs.add_parser("conflicts")
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_conflicts)
    rep = hs.add_parser("report")
    reps = rep.add_subparsers(dest="hq_report", required=True)
    m = reps.add_parser("month")
    m.add_argument("month")
    m.add_argument("-o", "--output", type=Path, required=True)
    m.set_defaults(handler=cmd_report_month)
    vis = hs.add_parser("visits", help=tr("cli", "visits received from every device"))
    viss = vis.add_subparsers(dest="hq_visits", required=True)
    vl = viss.add_parser("list")
    vl.add_argument("--device", default=None)
    vl.add_argument("--month", default=None)
    vl.add_argument("--json", action="store_true")
    vl.set_defaults(handler=cmd_visits_list)
    vsh = viss.add_parser("show")
    vsh.add_argument("visit_id")
    vsh.add_argument("--json", action="store_true")
    vsh.set_defaults(handler=cmd_visits_show)
    tg = hs.add_parser("targets", help=tr("cli", "the company's targets HQ publishes"))
    tgs = tg.add_subparsers(dest="hq_targets", required=True)
    ti = tgs.add_parser("import")
    ti.add_argument("file", type=Path)
    ti.add_argument("--json", action="store_true")
    ti.set_defaults(handler=cmd_targets_import)
    tp = hs.add_parser("templates", help=tr("cli", "checklist templates HQ publishes"))
    tps = tp.add_subparsers(dest="hq_templates", required=True)
    te = tps.add_parser("export")
    te.add_argument("name")
    te.add_argument("-o", "--output", type=Path, required=True)
    te.set_defaults(handler=cmd_templates_export)
    tim = tps.add_parser("import")
    tim.add_argument("file", type=Path)
    tim.add_argument("--json", action="store_true")
    tim.set_defaults(handler=cmd_templates_import)
    rc = hs.add_parser("receivables", help=tr("cli", "invoices and payments from the ERP"))
    rcs = rc.add_subparsers(dest="hq_receivables", required=True)
    ri = rcs.add_parser("import")
    ri.add_argument("file", type=Path)
    ri.add_argument("--json", action="store_true")
    ri.set_defaults(handler=cmd_receivables_import)
    dv = hs.add_parser(
        "devrecords", help=tr("cli", "the channels' development records, published to the laptops")
    )
    dvs = dv.add_subparsers(dest="hq_devrecords", required=True)
    dvi = dvs.add_parser("import", help=tr("cli", "import development records from CSV or XLSX"))
    dvi.add_argument("file", type=Path)
    dvi.add_argument("--json", action="store_true")
    dvi.set_defaults(handler=cmd_devrecords_import)
    gui = hs.add_parser("gui", help=tr("cli", "the HQ console"))
    gui.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        help=tr("cli", "save the loaded main window as PNG and exit"),
    )
    gui.set_defaults(handler=cmd_gui)
    gr = hs.add_parser(
        "grade-requests",
        help=tr("cli", "grade change requests from the laptops: list, approve, refuse"),
    )
    grs = gr.add_subparsers(dest="hq_grade_command", required=True)
    grl = grs.add_parser("list")
    grl.add_argument("--status", choices=["pending", "approved", "refused"], default=None)
    grl.add_argument("--json", action="store_true")
    grl.set_defaults(handler=cmd_grade_requests_list)
    for name in ("approve", "refuse"):
        gd = grs.add_parser(name)
        gd.add_argument("request_id")
        gd.add_argument("--note", default="")
        gd.add_argument("--json", action="store_true")
        gd.set_defaults(handler=cmd_grade_request_decide, approve=name == "approve")
    ver = hs.add_parser(
        "verify", help=tr("cli", "look up the sealed visit of a printed report's content hash")
    )
    ver.add_argument("hash")
    ver.add_argument("--json", action="store_true")
    ver.set_defaults(handler=cmd_verify)


@contextlib.contextmanager
def open_hq(args: argparse.Namespace, *, initialised: bool = True) -> Iterator[Hq]:
    """The HQ for ``--db``, closed when the block ends; every command but ``hq init``
    refuses a database that ``hq init`` never prepared (a mistyped URL would otherwise
    answer with empty stats, or register devices at an HQ without keys)."""
    from app.hq.server import Hq

    key_dir = getattr(args, "init_key_dir", None) or args.key_dir
    hq = Hq(args.db, key_dir, create=not initialised)
    try:
        if initialised:
            hq.hq_id()
        yield hq
    finally:
        hq.close()


def cmd_init(args: argparse.Namespace) -> int:
    with open_hq(args, initialised=False) as hq:
        public = hq.init()
    eprint(tr("cli", "HQ keys in {dir}").format(dir=hq.key_dir))
    print(public["fingerprint"])
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from app.services.device import parse_territory

    territory = parse_territory(args.territory) if args.territory is not None else None
    with open_hq(args) as hq:
        device_id = hq.register_device(args.keyfile, args.user, territory).id
    print(device_id)
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with open_hq(args) as hq:
        hq.revoke_device(args.device_id)
    eprint(tr("cli", "Device {id} revoked.").format(id=args.device_id))
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    if args.ack_dir is not None:
        if args.ack_dir.exists() and not args.ack_dir.is_dir():
            raise UserError(
                tr("cli", "{dir} is a file, not a folder for acknowledgements.").format(
                    dir=args.ack_dir
                )
            )
        try:
            args.ack_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # checked first: a bundle must not be applied without its ack
            raise UserError(
                tr("cli", "Cannot use {dir} for acknowledgements: {error}").format(
                    dir=args.ack_dir, error=exc.strerror or exc
                )
            ) from exc
    rejected = 0
    with open_hq(args) as hq:
        for path in args.files:
            result = hq.ingest(path, args.ack_dir)
            if result.status == "rejected":
                rejected += 1
                print(f"{path}: rejected: {result.reason}", flush=True)
            else:
                print(f"{path}: {result.status}", flush=True)
    return 2 if rejected else 0


def cmd_publish(args: argparse.Namespace) -> int:
    from app.hq.publishing import publish_device

    if args.output.is_dir():
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=args.output))
    with open_hq(args) as hq:
        published = publish_device(hq, args.device, args.output)
    if published.note:
        eprint(published.note)
    print(published.path)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with open_hq(args) as hq:
        stats = hq.stats()
    if args.json:
        print_json(stats)
    else:
        from app.cli.people import chinese
        from app.domain.vocabulary_records import RECORD_ENTITY

        for entity, info in stats["tables"].items():
            if info["rows"]:
                print(f"{RECORD_ENTITY.label(entity) if chinese() else entity}\t{info['rows']}")
        blobs = stats["blobs"]
        print(
            "\t".join(
                (
                    tr("cli", "blobs"),
                    str(blobs["count"]),
                    tr("cli", "{bytes} bytes").format(bytes=blobs["bytes"]),
                )
            )
        )
        for d in stats["devices"]:
            print(
                "\t".join(
                    (
                        tr("cli", "device {id}").format(id=d["device_id"]),
                        d["user"],
                        tr("cli", "last_seq {seq}").format(seq=d["last_seq"]),
                        tr("cli", "bundles {bundles}").format(bundles=d["bundles"]),
                    )
                )
                + (tr("cli", "  REVOKED") if d["revoked"] else "")
            )
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_hq(args) as hq:
        rows = hq.conflicts()
    if args.json:
        print_json(rows)
    else:
        for c in rows:
            print(conflict_line(c))
    return 0


def conflict_line(c: dict[str, Any]) -> str:
    """One unresolved conflict for people: under zh_CN the record kind, field and values
    in words (a partner's statuses, grades, regions and money as the GUI shows them)."""
    from app.cli.people import chinese
    from app.domain.vocabulary import PARTNER_FIELD, partner_value
    from app.domain.vocabulary_records import RECORD_ENTITY

    entity, field, kept, lost = c["entity"], c["field"], c["winner_value"], c["loser_value"]
    if not chinese():
        return f"{entity} {c['record_id']} {field}: kept {kept!r}, lost {lost!r}"
    if entity == "partner":
        field, kept, lost = (
            PARTNER_FIELD.label(field),
            partner_value(c["field"], kept),
            partner_value(c["field"], lost),
        )
    return tr("cli", "{entity} {id}, {field}: kept {kept}, lost {lost}").format(
        entity=RECORD_ENTITY.label(entity), id=c["record_id"], field=field, kept=kept, lost=lost
    )


def cmd_report_month(args: argparse.Namespace) -> int:
    from app.hq.reports import write_hq_month_report

    with open_hq(args) as hq:
        path = write_hq_month_report(hq, args.month, args.output)
    print(path)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    from app.hq.duty_rules import duty_rules, parse_assignments, set_duty_rules

    values = parse_assignments(args.assignments)
    with open_hq(args) as hq:
        rules = set_duty_rules(hq, values) if values else duty_rules(hq)
    if args.json:
        print_json(rules)
    else:
        from app.cli.people import chinese
        from app.domain.vocabulary_records import DUTY_RULE

        for key, value in rules.items():
            print(f"{DUTY_RULE.label(key) if chinese() else key}\t{value}")
    if values:
        eprint(tr("cli", "Rules saved; laptops receive them with their next HQ bundle."))
    return 0


def cmd_visits_list(args: argparse.Namespace) -> int:
    from app.hq.read_models import list_visits

    with open_hq(args) as hq:
        rows = list_visits(hq, args.device, args.month)
    if args.json:
        print_json(rows)
    else:
        from app.cli.people import visit_line

        for r in rows:
            print(visit_line(r))
    return 0


def cmd_visits_show(args: argparse.Namespace) -> int:
    from app.hq.read_models import visit_detail

    with open_hq(args) as hq:
        detail = visit_detail(hq, args.visit_id)
    if args.json:
        print_json(detail)
        return 0
    from app.cli.people import print_visit

    print_visit(detail)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from app.hq.read_models import verify

    with open_hq(args) as hq:
        found = verify(hq, args.hash)
    if args.json:
        print_json(found)
    else:
        print(f"{found['id']}\t{found['partner_code']} {found['partner_name']}\t{found['date']}")
    return 0


def _import_table(args: argparse.Namespace, importer, line: str | None = None) -> int:  # type: ignore[no-untyped-def]
    """``hq targets|receivables|devrecords import``: the file read as the laptop's imports
    read it, every bad row on stderr, then the summary line (or JSON)."""
    from app.cli.table_import import finish_import
    from app.services.sheet_read import read_table

    table = read_table(args.file)
    with open_hq(args) as hq:
        return finish_import(
            args,
            lambda: importer(hq, table, args.file.name),
            line
            or tr(
                "cli", "{rows} rows: {created} created, {updated} updated, {unchanged} unchanged"
            ),
        )


def cmd_targets_import(args: argparse.Namespace) -> int:
    from app.hq.company_targets import import_targets

    return _import_table(args, import_targets)


def cmd_receivables_import(args: argparse.Namespace) -> int:
    from app.hq.receivables import import_receivables

    return _import_table(args, import_receivables)


def cmd_devrecords_import(args: argparse.Namespace) -> int:
    """``hq devrecords import FILE [--json]``: as the laptop's ``devrecords import``."""
    from app.hq.devrecords import import_dev_records

    return _import_table(
        args,
        import_dev_records,
        tr("cli", "{rows} rows: {created} created, {skipped} skipped (already imported)"),
    )


def cmd_templates_export(args: argparse.Namespace) -> int:
    from app.hq.authoring import export_template

    if args.output.is_dir():
        raise UserError(tr("import", "{file} is a folder, not a file.").format(file=args.output))
    with open_hq(args) as hq:
        path = export_template(hq, args.name, args.output)
    print(path)
    return 0


def cmd_templates_import(args: argparse.Namespace) -> int:
    from app.hq.authoring import import_template

    with open_hq(args) as hq:
        made = import_template(hq, args.file).to_json()
    if args.json:
        print_json(made)
    else:
        eprint(
            tr(
                "cli",
                "Template {name} version {version} saved; laptops receive it with their next HQ bundle.",
            ).format(**made)
        )
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.hq.console import run_hq_gui

    with open_hq(args) as hq:
        return run_hq_gui(hq, args.lang, screenshot=args.screenshot)


def cmd_grade_requests_list(args: argparse.Namespace) -> int:
    from app.domain.vocabulary import GRADE
    from app.hq.grade_requests import list_requests

    with open_hq(args) as hq:
        rows = list_requests(hq, args.status)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(
            f"{r['id']}\t{r['partner_code']}\t{GRADE.label(r['current_grade'])} → {GRADE.label(r['requested_grade'])}\t"
            f"{grade_request_status(r['status'])}\t{r['requested_by']}\t{r['reason']}"
        )
    if not rows:
        eprint(tr("cli", "No grade change requests."))
    return 0


def grade_request_status(status: str) -> str:
    return {
        "pending": tr("cli", "waiting for HQ"),
        "approved": tr("cli", "approved"),
        "refused": tr("cli", "refused"),
    }.get(status, status)


def cmd_grade_request_decide(args: argparse.Namespace) -> int:
    from app.hq.grade_requests import decide

    with open_hq(args) as hq:
        result = decide(hq, args.request_id, args.approve, args.note).to_json()
    if args.json:
        print_json(result)
    else:
        eprint(
            tr(
                "cli",
                "Grade change request {id}: {status}; partner {code} has grade {grade}; hq "
                "publish takes it to the laptops.",
            ).format(
                id=args.request_id,
                status=grade_request_status(result["status"]),
                code=result["partner_code"],
                grade=result["grade"],
            )
        )
    return 0
