"""``visits new|answer|attach-photo|submit|amend|list|show``, ``rectifications list`` and ``compliance``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import cli_context, eprint, print_json
from app.cli.people import print_visit, visit_line
from app.domain import formats
from app.domain.vocabulary import RECTIFICATION_STATUS
from app.errors import ValidationError
from app.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("visits", help=tr("cli", "store inspections"))
    vs = p.add_subparsers(dest="visits_command", required=True)
    n = vs.add_parser("new", help=tr("cli", "start a draft visit (checked in now)"))
    n.add_argument("--partner", required=True)
    n.add_argument("--template", default=None)
    n.add_argument("--json", action="store_true")
    n.set_defaults(handler=cmd_new)
    a = vs.add_parser("answer", help=tr("cli", "answer one checklist item"))
    a.add_argument("visit_id")
    a.add_argument("item_key")
    a.add_argument("value")
    a.set_defaults(handler=cmd_answer)
    ph = vs.add_parser("attach-photo", help=tr("cli", "attach photos to a draft visit"))
    ph.add_argument("visit_id")
    ph.add_argument("files", nargs="+", type=Path)
    ph.add_argument("--item", default=None)
    ph.add_argument("--json", action="store_true")
    ph.set_defaults(handler=cmd_attach)
    sb = vs.add_parser("submit", help=tr("cli", "seal a visit"))
    sb.add_argument("visit_id")
    sb.set_defaults(handler=cmd_submit)
    am = vs.add_parser(
        "amend", help=tr("cli", "amend a submitted visit (ITEM=VALUE as for answer)")
    )
    am.add_argument("visit_id")
    am.add_argument("--reason", required=True)
    am.add_argument("changes", nargs="+", metavar="ITEM=VALUE")
    am.add_argument("--json", action="store_true")
    am.set_defaults(handler=cmd_amend)
    ls = vs.add_parser("list", help=tr("cli", "list visits"))
    ls.add_argument("--month", default=None)
    ls.add_argument("--partner", default=None)
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=cmd_list)
    sh = vs.add_parser("show", help=tr("cli", "show one visit"))
    sh.add_argument("visit_id")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(handler=cmd_show)
    r = sub.add_parser("rectifications", help=tr("cli", "rectification orders"))
    rs = r.add_subparsers(dest="rectifications_command", required=True)
    rl = rs.add_parser("list", help=tr("cli", "list rectification orders"))
    rl.add_argument("--partner", default=None)
    rl.add_argument(
        "--status",
        default=None,
        choices=["open", "overdue", "verified", "escalated", "reported_fixed"],
    )
    rl.add_argument("--json", action="store_true")
    rl.set_defaults(handler=cmd_rectifications)
    c = sub.add_parser("compliance", help=tr("cli", "visit-frequency compliance"))
    c.add_argument("--month", default=None)
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_compliance)


def cmd_new(args: argparse.Namespace) -> int:
    from app.services.visits import new_visit

    with cli_context(args) as ctx:
        visit_id = new_visit(ctx, args.partner, args.template)
    if args.json:
        print_json({"id": visit_id})
    else:
        print(visit_id)
    return 0


def cmd_answer(args: argparse.Namespace) -> int:
    from app.services.visits import answer

    with cli_context(args) as ctx:
        answer(ctx, args.visit_id, args.item_key, args.value)
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    from app.services.visits import attach_photos

    with cli_context(args) as ctx:
        infos = attach_photos(ctx, args.visit_id, args.files, item_key=args.item)
    if args.json:
        print_json([{"sha256": i.sha256, "width": i.width, "height": i.height} for i in infos])
    else:
        for info in infos:
            print(info.sha256)
    return 0


def cmd_submit(args: argparse.Namespace) -> int:
    from app.services.visit_read import read_visit
    from app.services.visits import submit

    with cli_context(args) as ctx:
        try:
            submit(ctx, args.visit_id)
        except ValidationError as exc:  # one line: the message already names every missing item
            eprint(exc.message)
            return exc.exit_code
        detail = read_visit(ctx, args.visit_id)
    score = "—" if detail.score is None else detail.score  # a re-inspection has no score
    eprint(
        tr("cli", "Visit submitted; score {score}, content hash {hash}").format(
            score=score, hash=detail.content_hash
        )
    )
    return 0


def cmd_amend(args: argparse.Namespace) -> int:
    from app.services.visit_read import read_visit
    from app.services.visits import amend

    changes: dict[str, str] = {}
    for pair in args.changes:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValidationError(
                tr("cli", "Give each change as ITEM=VALUE (got {value}).").format(value=pair)
            )
        changes[key.strip()] = value
    with cli_context(args) as ctx:
        amend(ctx, args.visit_id, args.reason, changes)
        detail = read_visit(ctx, args.visit_id)
    if args.json:
        print_json(
            {
                "id": detail.id,
                "score": detail.score,
                "section_scores": detail.section_scores,
                "content_hash": detail.amendments[-1].content_hash,
            }
        )
    else:
        eprint(
            tr("cli", "Visit amended; score {score}").format(
                score="—" if detail.score is None else detail.score
            )
        )
    return 0


def cmd_rectifications(args: argparse.Namespace) -> int:
    from app.services.lookups import require_partner_code
    from app.services.rectifications import finding_item_labels
    from app.services.visits import rectification_orders

    with cli_context(args) as ctx:
        if args.partner:
            require_partner_code(ctx, args.partner)
        rows = rectification_orders(ctx, args.partner, args.status)
        labels = {} if args.json else finding_item_labels(ctx, rows)
    if args.json:
        print_json(rows)
    else:
        for row in rows:
            item = labels.get((row["visit_id"], row["item"]), row["item"] or "")
            print(
                f"{row['id']}\t{row['partner_code']}\t{RECTIFICATION_STATUS.label(row['status'])}\t"
                f"{row['deadline']}\t{item}\t{row['description']}"
            )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.services.lookups import require_partner_code
    from app.services.visit_list import list_visits

    with cli_context(args) as ctx:
        if args.partner:
            require_partner_code(ctx, args.partner)
        rows = list_visits(ctx, args.month, args.partner)
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(visit_line(r))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from app.services.visit_read import read_visit  # plain sqlite3: no ORM imported

    with cli_context(args) as ctx:
        detail = read_visit(ctx, args.visit_id).as_json()
    if args.json:
        print_json(detail)
        return 0
    print_visit(detail)
    return 0


def cmd_compliance(args: argparse.Namespace) -> int:
    from app.services.visit_list import compliance

    with cli_context(args) as ctx:
        data = compliance(ctx, args.month)
    if args.json:
        print_json(data)
        return 0
    for row in data["partners"]:
        if row["shortfall"]:
            print(
                f"{row['partner_code']}\t{row['grade']}\t{row['done']}/{row['required']}\t-{row['shortfall']}"
            )
    for week in data["weeks"]:
        print(f"{formats.week_text(week['week'])}\t{week['done']}/{week['required']}")
    return 0
