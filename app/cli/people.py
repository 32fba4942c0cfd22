"""Text output for people (everything but ``--json``): the GUI's and the PDFs' formatters
and vocabulary applied to the command line, so a person under zh_CN reads Chinese —
local times (``2026-12-07 18:31``), money as ``¥1,234.56``, checklist items by their
labels, states by their words. ``--json`` keeps the machine keys and ISO times."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from app.domain import formats
from app.domain.vocabulary import EVIDENCE_KIND, VISIT_STATUS, answer_text
from app.i18n import current_language, tr


def chinese() -> bool:
    """True under zh_CN, where machine keys are left out of the text entirely."""
    return current_language() == "zh_CN"


def when(value: Any) -> str:
    """A stored moment (ISO text or datetime, UTC) as local ``2026-12-07 18:31``."""
    return formats.datetime_text(value, empty="")


def visit_line(row: dict[str, Any]) -> str:
    """One row of a visit list (``visits list`` on the laptop, ``hq visits list``): id,
    partner, status, when it started (else the day it is planned for) and score."""
    started = when(row["started_at"]) or formats.date_text(row["planned_for"], empty="")
    score = "" if row["score"] is None else row["score"]
    return f"{row['id']}\t{row['partner_code']}\t{VISIT_STATUS.label(row['status'])}\t{started}\t{score}"


def item_line(key: str, label: str, value: str) -> str:
    """One checklist item: its label and value; in English the key too (what ``visits
    answer`` takes), under zh_CN only the template's label."""
    if chinese():
        return f"  {label or key}：{value}"
    return f"  [{key}] {label}: {value}"


def print_visit(detail: dict[str, Any], out: Callable[[str], None] = print) -> None:
    """A visit as ``visits show`` and ``hq visits show`` print it (``detail``: the keys of
    ``visits show --json``)."""
    score = "—" if detail["score"] is None else detail["score"]
    out(
        f"{detail['partner_code']} {detail['partner_name']}  "
        f"{VISIT_STATUS.label(detail['status'])}  " + tr("cli", "score {score}").format(score=score)
    )
    started = when(detail.get("started_at"))
    if started:
        out("  " + tr("cli", "started {at}").format(at=started))
    for item in detail["items"]:
        shown = "-" if item["answer"] is None else answer_text(item)
        out(item_line(item["key"], item["label"], shown))
    for f in detail["findings"]:
        out(f"  ! {f['description']}")
    for e in detail.get("evidence", []):  # photo evidence: warnings the manager explains
        out(
            f"  ? {EVIDENCE_KIND.label(e['kind'])} #{e['sha256'][:10]}: {e['detail']}"
            + (f" — {e['explanation']}" if e.get("explanation") else "")
        )
    for a in detail.get("amendments", []):
        out(
            "  ~ "
            + tr("cli", "amended {at} by {who}: {reason}").format(
                at=when(a["amended_at"]), who=a["amended_by"], reason=a["reason"]
            )
        )


_PROBLEMS = (
    (re.compile(r"database: integrity_check: (?P<detail>.*)", re.S), "integrity"),
    (
        re.compile(
            r"database: broken reference in (?P<table>\S+) row (?P<row>\S+) to (?P<target>\S+)"
        ),
        "reference",
    ),
    (re.compile(r"migrations: database at (?P<current>\S+), expected (?P<head>\S+)"), "migration"),
    (re.compile(r"media (?P<sha>[0-9a-f]{64}): (?P<what>missing|hash mismatch)"), "media"),
)


def problem_text(problem: str) -> str:
    """A ``check`` problem (the English line ``--json`` lists) for people: under zh_CN in
    Chinese, with the record kinds in words; SQLite's own detail stays as SQLite wrote it."""
    if not chinese():
        return problem
    from app.domain.vocabulary_records import RECORD_ENTITY

    for pattern, kind in _PROBLEMS:
        found = pattern.fullmatch(problem)
        if found is None:
            continue
        g = found.groupdict()
        if kind == "integrity":
            return tr("cli", "The database is damaged (integrity check): {detail}").format(**g)
        if kind == "reference":
            return tr(
                "cli", "A {table} record ({row}) refers to a missing {target} record."
            ).format(
                table=RECORD_ENTITY.label(g["table"]),
                row=g["row"],
                target=RECORD_ENTITY.label(g["target"]),
            )
        if kind == "migration":
            return tr(
                "cli", "The database is at schema revision {current}; this build expects {head}."
            ).format(**g)
        if g["what"] == "missing":
            return tr("cli", "The photo or file {sha} is missing from the media folder.").format(
                sha=g["sha"]
            )
        return tr(
            "cli", "The photo or file {sha} no longer matches its hash (changed or damaged)."
        ).format(sha=g["sha"])
    return problem
