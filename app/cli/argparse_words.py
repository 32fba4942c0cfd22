"""argparse's own words (usage line, help headings, usage errors) in the user's language:
``install`` points argparse's message lookup at the catalogue (context ``argparse``), so
under zh_CN ``channeldesk visits`` says 以下参数是必需的 … instead of English. Only the
messages a user can meet are listed; anything else stays as argparse writes it."""

from __future__ import annotations

import argparse

from app.domain.vocabulary import term
from app.i18n import tr

MESSAGES = tuple(
    source
    for _context, source in (
        term("argparse", "usage: "),
        term("argparse", "positional arguments"),
        term("argparse", "options"),
        term("argparse", "show this help message and exit"),
        term("argparse", "argument %(argument_name)s: %(message)s"),
        term("argparse", "the following arguments are required: %s"),
        term("argparse", "one of the arguments %s is required"),
        term("argparse", "unrecognized arguments: %s"),
        term("argparse", "not allowed with argument %s"),
        term("argparse", "ignored explicit argument %r"),
        term("argparse", "expected one argument"),
        term("argparse", "expected at most one argument"),
        term("argparse", "expected at least one argument"),
        term("argparse", "ambiguous option: %(option)s could match %(matches)s"),
        term("argparse", "invalid %(type)s value: %(value)r"),
        term("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    )
)


def _translated(message: str) -> str:
    return tr("argparse", message) if message in MESSAGES else message


def install() -> None:
    """Translate argparse's messages from now on (argparse looks its ``_`` up per call)."""
    argparse._ = _translated  # type: ignore[attr-defined]
