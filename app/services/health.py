"""``check``: database integrity, migrations at head, and every referenced media file
present with the right SHA-256."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select, text

from app.services.context import AppContext
from app.services.media import verify_media
from db.migrate import current_revision, head_revision
from db.models import Attachment, Contract, MediaFile, VisitPhoto


@dataclass
class HealthReport:
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, object]:
        return {"ok": self.ok, "problems": self.problems}


def referenced_media(ctx: AppContext) -> set[str]:
    with ctx.read_session() as s:
        hashes = set(s.scalars(select(VisitPhoto.sha256)))
        hashes |= set(s.scalars(select(Attachment.sha256)))
        hashes |= {h for h in s.scalars(select(Contract.scan_sha256)) if h}
        hashes |= set(s.scalars(select(MediaFile.sha256)))
    return hashes


def check_database_file(path: Path) -> HealthReport:
    """``PRAGMA integrity_check`` of the file alone (no context: it may be too damaged to
    open one); each problem line starts with ``database: integrity_check:``."""
    report = HealthReport()
    lines: list[str] = []
    for pragma in ("integrity_check(100)", "quick_check(100)"):  # the full check stops at some damage the quick one describes
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                lines += [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
            finally:
                conn.close()
            break
        except sqlite3.DatabaseError as exc:
            lines.append(str(exc))
    report.problems += [f"database: integrity_check: {line}" for line in dict.fromkeys(lines) if line != "ok"]
    return report


def check(ctx: AppContext) -> HealthReport:
    report = check_database_file(ctx.paths.database)
    if not report.ok:  # the rest would read the damaged pages (and trust what they say)
        return report
    with ctx.engine.connect() as conn:
        for row in conn.execute(text("PRAGMA foreign_key_check")):
            report.problems.append(f"database: broken reference in {row[0]} row {row[1]} to {row[2]}")
    current, head = current_revision(ctx.engine), head_revision()
    if current != head:
        report.problems.append(f"migrations: database at {current}, expected {head}")
    for sha in sorted(referenced_media(ctx)):
        problem = verify_media(ctx.paths, sha)
        if problem:
            report.problems.append(f"media {sha}: {problem}")
    return report
