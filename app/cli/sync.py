"""``sync export|ack|import``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import cli_context, eprint, print_json
from app.i18n import tr, trn


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("sync", help=tr("cli", "bundles to and from HQ"))
    ss = p.add_subparsers(dest="sync_command", required=True)
    e = ss.add_parser("export")
    e.add_argument("-o", "--output", type=Path, default=None)
    e.add_argument("--json", action="store_true")
    e.add_argument(
        "--next",
        action="store_true",
        help=tr(
            "cli",
            "the changes after the newest bundle, before HQ has acknowledged it (the next part of a large backlog)",
        ),
    )
    e.set_defaults(handler=cmd_export)
    a = ss.add_parser("ack")
    a.add_argument("file", type=Path)
    a.set_defaults(handler=cmd_ack)
    i = ss.add_parser("import")
    i.add_argument("file", type=Path)
    i.set_defaults(handler=cmd_import)
    st = ss.add_parser("status")
    st.add_argument("--json", action="store_true")
    st.set_defaults(handler=cmd_status)


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.sync import NothingToSend, export_bundle

    try:
        with cli_context(args) as ctx:
            result = export_bundle(ctx, args.output, next_part=args.next)
    except NothingToSend as nothing:  # --next with nothing after the newest bundle: exit 0
        if args.json:
            print_json({"bundle_id": None, "seq": None, "path": None, "counts": {}, "remaining": 0})
        eprint(nothing.message)
        return nothing.exit_code
    if args.json:
        print_json(result.to_json())
    else:
        print(result.path)
    for note in result.messages():
        eprint(note)
    return 0


def cmd_ack(args: argparse.Namespace) -> int:
    from app.services.sync import apply_ack

    with cli_context(args) as ctx:
        apply_ack(ctx, args.file)
    eprint(tr("cli", "Acknowledgement applied."))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.sync_down import import_hq_bundle

    with cli_context(args) as ctx:
        import_hq_bundle(ctx, args.file)
    eprint(tr("cli", "HQ bundle applied."))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app.services.sync_state import sync_status

    with cli_context(args) as ctx:
        status = sync_status(ctx)
    data = {
        "last_synced_at": status.last_synced_at.isoformat() if status.last_synced_at else None,
        "pending_changes": status.pending_changes,
    }
    if args.json:
        print_json(data)
    else:
        from app.domain.formats import datetime_text

        last = datetime_text(status.last_synced_at) if status.last_synced_at else tr("cli", "never")
        print(
            tr("cli", "Last synced: {last}; {pending}").format(
                last=last, pending=trn("cli", "%n change(s) pending", status.pending_changes)
            )
        )
    return 0
