"""How every table import command ends (the laptop's ``devrecords``, ``targets`` and
``actuals import``, HQ's ``targets``, ``receivables`` and ``devrecords import``): every
bad row on stderr then the refusal (exit 1), or the summary line (``--json``: its JSON)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.cli import eprint, print_json
from app.errors import ValidationError


def finish_import(
    args: argparse.Namespace,
    run: Callable[[], Any],
    line: str,
    summary: Callable[[Any], dict[str, Any]] | None = None,
) -> int:
    """Run the import ``run`` and report it: ``line`` is the translated summary, formatted
    with ``summary(report)`` (default ``report.to_json()``)."""
    try:
        report = run()
    except ValidationError as exc:
        for detail in exc.details:
            eprint(detail)
        eprint(exc.message)
        return 1
    data = summary(report) if summary is not None else report.to_json()
    if args.json:
        print_json(data)
    else:
        eprint(line.format(**data))
    return 0
