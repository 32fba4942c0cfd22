"""Laptop commands: ``init``, ``demo``, ``device show|export-key``, ``check``, ``gui``."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import cli_context, eprint, print_json
from app.i18n import tr


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help=tr("cli", "create the data dir, database and device key"))
    p.add_argument("--user", default=None)
    p.add_argument(
        "--territory", default=None, help=tr("cli", "comma-separated region codes, e.g. 3101")
    )
    p.add_argument(
        "--hq-key", type=Path, default=None, help=tr("cli", "HQ public-key file to trust")
    )
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("gui", help=tr("cli", "start the desktop application"))
    p.add_argument(
        "--screenshot",
        type=Path,
        default=None,
        help=tr("cli", "save the loaded main window as PNG and exit"),
    )
    p.add_argument(
        "--demo-on-first-run",
        action="store_true",
        help=tr("cli", "fill an empty data dir with demo data"),
    )
    p.set_defaults(handler=cmd_gui)

    p = sub.add_parser("device", help=tr("cli", "device identity"))
    dsub = p.add_subparsers(dest="device_command", required=True)
    d = dsub.add_parser("show")
    d.add_argument("--json", action="store_true")
    d.set_defaults(handler=cmd_device_show)
    d = dsub.add_parser("export-key")
    d.add_argument("-o", "--output", type=Path, required=True)
    d.set_defaults(handler=cmd_device_export_key)


def cmd_gui(args: argparse.Namespace) -> int:
    import gc

    gc.disable()  # until the window is built (``run_gui`` freezes the start-up heap, then enables it)
    try:
        _import_qt_free_start()
        from app.ui.application import run_gui

        return run_gui(
            args.data_dir,
            args.lang,
            screenshot=args.screenshot,
            demo_on_first_run=args.demo_on_first_run,
        )
    finally:
        gc.enable()


def _import_qt_free_start() -> None:
    """Import the Qt-free modules of the GUI's first paint before PySide6: once PySide6 is
    imported it reads the source of every module imported after it (looking for its
    ``__feature__`` switches), which costs a file read per module at every start."""
    import importlib

    for name in QT_FREE_START:
        importlib.import_module(name)


QT_FREE_START = (
    "app.domain.pinyin",
    "app.domain.vocabulary",
    "app.services.context",
    "app.services.opening",
    "app.services.partner_list",
    "app.services.progress",
    "app.ui.system_libs",
    "db.migrate",
)


def cmd_init(args: argparse.Namespace) -> int:
    from app.services.device import initialise_device, parse_territory
    from app.services.opening import open_context

    territory = parse_territory(args.territory) if args.territory is not None else None
    ctx = open_context(args.data_dir, initialise=False, exclusive=True)
    try:
        info = initialise_device(ctx, user=args.user, territory=territory, hq_key_file=args.hq_key)
    finally:
        ctx.close()
    eprint(tr("cli", "Data directory ready: {path}").format(path=ctx.paths.root))
    print(info.device_id)
    return 0


def cmd_device_show(args: argparse.Namespace) -> int:
    from app.services.device import device_info

    with cli_context(args) as ctx:
        info = device_info(ctx)
    if args.json:
        print_json(info.to_json())
    else:
        from app.cli.people import chinese

        if not chinese():  # the field names as in --json
            print(f"device_id:   {info.device_id}")
            print(f"fingerprint: {info.fingerprint}")
            print(f"public_key:  {info.public_key}")
            print(f"user:        {info.user}")
            print(f"territory:   {','.join(info.territory)}")
            return 0
        from app.domain.regions import regions

        territory = "、".join(f"{regions().name(code)}（{code}）" for code in info.territory)
        for name, value in (
            (tr("cli", "Device ID"), info.device_id),
            (tr("cli", "Key fingerprint"), info.fingerprint),
            (tr("cli", "Public key"), info.public_key),
            (tr("cli", "User"), info.user or "—"),
            (tr("cli", "Territory"), territory or "—"),
        ):
            print(f"{name}：{value}")
    return 0


def cmd_device_export_key(args: argparse.Namespace) -> int:
    from app.services.device import export_public_key

    with cli_context(args) as ctx:
        path = export_public_key(ctx, args.output)
    print(path)
    return 0
