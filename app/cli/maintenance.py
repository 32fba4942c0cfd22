"""``check``, ``backup -o FILE`` and ``restore FILE [--force]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import cli_context, eprint, print_json
from app.i18n import tr, trn


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    c = sub.add_parser("check", help=tr("cli", "verify the database and every media file"))
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=cmd_check)
    b = sub.add_parser("backup", help=tr("cli", "write a consistent backup"))
    b.add_argument("-o", "--output", type=Path, required=True)
    b.set_defaults(handler=cmd_backup)
    r = sub.add_parser("restore", help=tr("cli", "restore a verified backup"))
    r.add_argument("file", type=Path)
    r.add_argument("--force", action="store_true")
    r.set_defaults(handler=cmd_restore)


def cmd_check(args: argparse.Namespace) -> int:
    from app.errors import DataDirError
    from app.paths import DataPaths
    from app.services.health import check, check_database_file

    try:
        with cli_context(args, verify=False) as ctx:
            report = check(ctx)
    except DataDirError:
        database = DataPaths.resolve(args.data_dir).database
        if not database.is_file() or database.stat().st_size == 0:
            raise
        report = check_database_file(database)  # too damaged to open: still say what is wrong
        if report.ok:
            raise
    if args.json:
        print_json(report.to_json())
    else:
        from app.cli.people import problem_text

        for problem in report.problems:
            print(problem_text(problem))
        eprint(
            tr("cli", "No problems found.")
            if report.ok
            else trn("cli", "%n problem(s) found.", len(report.problems))
        )
    return 0 if report.ok else 1


def cmd_backup(args: argparse.Namespace) -> int:
    from app.services.backup import create_backup

    with cli_context(args) as ctx:
        path = create_backup(ctx, args.output)
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.paths import DataPaths
    from app.services.backup import restore_backup

    root = DataPaths.resolve(args.data_dir).root
    kept = restore_backup(root, args.file, force=args.force)
    eprint(tr("cli", "Restored into {dir}.").format(dir=root))
    if kept:
        eprint(tr("cli", "The previous data was kept in {dir}.").format(dir=kept))
    return 0
