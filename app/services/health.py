"""``check``: database integrity, migrations at head, and every referenced media file
present with the right SHA-256."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.services.context import AppContext
from app.services.media import verify_media
from db.migrate import quick_head_revision


@dataclass
class HealthReport:
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, object]:
        return {"ok": self.ok, "problems": self.problems}


def referenced_media(ctx: AppContext) -> set[str]:
    rows = ctx.read_sql(
        "SELECT sha256 FROM visit_photo UNION SELECT sha256 FROM attachment "
        "UNION SELECT scan_sha256 FROM contract UNION SELECT sha256 FROM media_file"
    )
    return {sha for (sha,) in rows if sha}


def check_database_file(path: Path) -> HealthReport:
    """``PRAGMA integrity_check`` of the file alone (no context: it may be too damaged to
    open one); each problem line starts with ``database: integrity_check:``."""
    report = HealthReport()
    lines: list[str] = []
    for pragma in (
        "integrity_check(100)",
        "quick_check(100)",
    ):  # the full check stops at some damage the quick one describes
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                lines += [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
            finally:
                conn.close()
            break
        except sqlite3.DatabaseError as exc:
            lines.append(str(exc))
    report.problems += [
        f"database: integrity_check: {line}" for line in dict.fromkeys(lines) if line != "ok"
    ]
    return report


def check(ctx: AppContext) -> HealthReport:
    report = check_database_file(ctx.paths.database)
    if not report.ok:  # the rest would read the damaged pages (and trust what they say)
        return report
    # plain sqlite3 reads: ``check`` answers without the ORM or Alembic unless the revision
    # chain needs Alembic to name its head
    for row in ctx.read_sql("PRAGMA foreign_key_check"):
        report.problems.append(f"database: broken reference in {row[0]} row {row[1]} to {row[2]}")
    has_version = ctx.read_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    )
    version = ctx.read_sql("SELECT version_num FROM alembic_version") if has_version else []
    current = version[0][0] if version else None
    head = quick_head_revision()
    if head is None:
        from db.migrate import head_revision

        head = head_revision()
    if current != head:
        report.problems.append(f"migrations: database at {current}, expected {head}")
    for sha in sorted(referenced_media(ctx)):
        problem = verify_media(ctx.paths, sha)
        if problem:
            report.problems.append(f"media {sha}: {problem}")
    return report
