"""Command-line front end (``channeldesk``) over the same services as the GUI.

No Qt import at module level; each command group lives in its own module with a
``register(subparsers)`` function. Exit codes: 0 ok, 1 bad input/refused, 2 bundle
rejected, 3 internal error (crash report path on stderr)."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.errors import UserError
from app.i18n import set_language, tr

COMMAND_MODULES = [
    "app.cli.laptop",
    "app.cli.partners",
    "app.cli.visits",
    "app.cli.maintenance",
    "app.cli.demo",
    "app.cli.reports",
    "app.cli.targets",
    "app.cli.sync",
    "app.cli.hq",
    "app.cli.duties",
    "app.cli.daily",
]

Handler = Callable[[argparse.Namespace], int | None]


def print_json(obj: Any) -> None:
    """JSON to stdout, nothing else (UTF-8, Chinese kept readable)."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str, indent=None))
    sys.stdout.write("\n")


def eprint(message: str) -> None:
    sys.stderr.write(message.rstrip("\n") + "\n")


def open_ctx(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The application context for the global ``--data-dir``."""
    from app.services.opening import open_context

    return open_context(args.data_dir)


@contextmanager
def cli_context(args: argparse.Namespace, *, verify: bool = True) -> Iterator[Any]:
    """The opened application context for one command, closed afterwards; with ``verify``
    a damaged database is refused before the command runs (``AppContext.verify_database``)."""
    ctx = open_ctx(args)
    try:
        if verify:
            ctx.verify_database()
        yield ctx
    finally:
        ctx.close()


class _Parser(argparse.ArgumentParser):
    """Usage errors are bad input: one line on stderr and exit 1 (exit 2 means a rejected
    bundle in this command's contract, argparse's default would blur the two)."""

    def error(self, message: str) -> NoReturn:
        eprint(
            tr("cli", "{prog}: error: {message} (see --help)").format(
                prog=self.prog, message=message
            )
        )
        sys.exit(1)


class _GuiOnlyParserError(Exception):
    """The reduced parser of a GUI start met something it cannot judge alone."""


class _GuiOnlyParser(_Parser):
    def error(self, message: str) -> NoReturn:
        raise _GuiOnlyParserError(message)


def build_parser(
    modules: Sequence[str] = COMMAND_MODULES, parser_class: type[argparse.ArgumentParser] = _Parser
) -> argparse.ArgumentParser:
    parser = parser_class(
        prog="channeldesk",
        description=tr("cli", "ChannelDesk (渠道巡检台) — field channel management"),
    )
    parser.add_argument("--version", action="version", version=f"ChannelDesk {__version__}")
    parser.add_argument(
        "--data-dir",
        default=os.environ.get("CHANNELDESK_DATA_DIR"),
        help=tr("cli", "data directory"),
    )
    parser.add_argument(
        "--lang", choices=["zh_CN", "en"], default=None, help=tr("cli", "language of messages")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def _starts_gui(argv: Sequence[str]) -> bool:
    """True when ``argv`` starts the GUI (``gui`` or no command) without asking for help."""
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--data-dir", "--lang"):
            i += 2
        elif arg.startswith(("--data-dir=", "--lang=")):
            i += 1
        else:
            return arg == "gui"
    return True


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args([*argv, "gui"])
    return args


def _plain_gui_start(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a GUI start written out in full (``[--data-dir D] [--lang L] [gui
    [--screenshot F] [--demo-on-first-run]]``, each option once, ``--opt=value`` too), as
    the full parser gives them, without building a parser (argparse compiles its patterns
    and every command's help at each start); None for anything else."""
    from app.cli.laptop import cmd_gui

    values: dict[str, Any] = {
        "data_dir": os.environ.get("CHANNELDESK_DATA_DIR"),
        "lang": None,
        "command": "gui",
        "screenshot": None,
        "demo_on_first_run": False,
        "handler": cmd_gui,
    }
    taking = {"--data-dir": "data_dir", "--lang": "lang"}  # before ``gui``
    seen: set[str] = set()
    rest = list(argv)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name == "gui" and not equals and "--screenshot" not in taking:
            taking = {"--screenshot": "screenshot"}
        elif name == "--demo-on-first-run" and "--screenshot" in taking and not equals:
            if "demo_on_first_run" in seen:
                return None
            seen.add("demo_on_first_run")
            values["demo_on_first_run"] = True
        elif name in taking and taking[name] not in seen:
            if not equals:
                value = rest.pop(0) if rest else ""
            if not value or value.startswith("-"):
                return None
            seen.add(taking[name])
            values[taking[name]] = value
        else:
            return None
    if values["lang"] not in (None, "zh_CN", "en"):
        return None
    if values["screenshot"] is not None:
        values["screenshot"] = Path(values["screenshot"])
    return argparse.Namespace(**values)


def parse_arguments(argv: list[str]) -> tuple[argparse.ArgumentParser | None, argparse.Namespace]:
    """The parser and parsed arguments. A GUI start written out in full is read without a
    parser (``_plain_gui_start``: no parser is returned); another GUI start loads only the
    module with the ``gui`` command (start-up time); anything that parser rejects is
    parsed again by the full one, so help and error messages are the same as ever."""
    if _starts_gui(argv):
        args = _plain_gui_start(argv)
        if args is not None:
            return None, args
        try:
            parser = build_parser(["app.cli.laptop"], _GuiOnlyParser)
            return parser, _parse(parser, argv)
        except _GuiOnlyParserError:
            pass
    parser = build_parser()
    return parser, _parse(parser, argv)


def _configure_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, OSError):
                pass


def _pre_parse_lang(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _configure_stdio()
    if set_language(_pre_parse_lang(argv)) != "en":
        from app.cli.argparse_words import install

        install()
    parser, args = parse_arguments(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        (parser or build_parser()).print_help()
        return 1
    try:
        result = handler(args)
        return int(result or 0)
    except UserError as exc:
        eprint(
            " ".join(line.strip() for line in exc.message.splitlines() if line.strip())
        )  # one line, even when it quotes a driver's error
        for line in exc.details:
            eprint(line)
        return exc.exit_code
    except KeyboardInterrupt:
        eprint(tr("cli", "Interrupted."))
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from app.logging_setup import setup_logging, write_crash_report
        from app.paths import DataPaths
        from app.services.db_errors import operational_error

        operational = (
            operational_error(DataPaths.resolve(args.data_dir), exc)
            if args.command != "hq"
            else None
        )
        if operational is not None:  # locked, damaged, disk full: the user's to fix, not a bug
            eprint(operational.message)
            return operational.exit_code

        setup_logging(
            None
        )  # a handler, so commands that never opened a data dir (hq) print no traceback

        log_dir = None
        try:
            log_dir = DataPaths.resolve(args.data_dir).logs
        except Exception:
            log_dir = None
        _text, path = write_crash_report(log_dir, exc)
        # One line: database errors carry the SQL and a link on further lines (the crash
        # report has everything).
        first = next(
            (line.strip() for line in str(exc).splitlines() if line.strip()), type(exc).__name__
        )
        eprint(
            tr("cli", "Internal error: {error}. Crash report: {path}").format(
                error=first, path=path or "-"
            )
        )
        return 3
