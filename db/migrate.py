"""Alembic migrations applied at start: backup copy before any migration, refusal to
open a database newer than this build knows."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


NOT_MODELLED = ("partner_search", "partner_fts", "partner_gram")


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Leave the trigger-maintained search tables (migrations 0002, 0003: partner_search,
    partner_search_pos, the FTS5 tables and their shadow tables) out of autogenerate."""
    return not (type_ == "table" and name and name.startswith(NOT_MODELLED))


class UnknownRevisionError(Exception):
    """The database's revision is not one this build knows (written by a newer build)."""

    def __init__(self, found: str, head: str) -> None:
        super().__init__(found)
        self.found = found
        self.head = head


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


_REV_RE = re.compile(r'^(down_revision|revision)\s*=\s*[\'"]?([^\'"\s]+)', re.MULTILINE)


def quick_head_revision() -> str | None:
    """Head read from the revision files without importing Alembic (fast start-up path);
    None when the chain is not a single straight line."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").iterdir():  # not glob: no pattern to compile
        if not path.name.endswith(".py"):
            continue
        found = dict((k, v) for k, v in _REV_RE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found:
            revisions.add(found["revision"])
        if found.get("down_revision") not in (None, "None"):
            parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def is_head(revision: str | None) -> bool:
    """True when ``revision`` (a database's alembic_version) is the head (no Alembic
    import needed)."""
    head = quick_head_revision()
    return head is not None and revision == head


def database_is_at_head(db_path: Path) -> bool:
    """True when the file's alembic_version equals the head (no Alembic import needed)."""
    head = quick_head_revision()
    if head is None or not db_path.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}


def backup_before_migration(db_path: Path, backups_dir: Path, revision: str) -> Path:
    """Copy the database with SQLite's online backup API before migrating it."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"pre-migration-{revision}-{stamp}.sqlite"
    os.close(
        os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    )  # owner-only, whatever the umask
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade_to_head(
    engine: Engine, db_path: Path | None = None, backups_dir: Path | None = None
) -> bool:
    """Bring the database to head; returns True when a migration ran."""
    if db_path is not None and database_is_at_head(db_path):
        return False
    from alembic import command

    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return False
    if current is not None and current not in known_revisions():
        raise UnknownRevisionError(current, head)
    saved: Path | None = None
    if current is not None and db_path is not None and backups_dir is not None:
        saved = backup_before_migration(db_path, backups_dir, current)
    try:
        command.upgrade(alembic_config(engine), "head")
    except BaseException:
        # SQLite DDL is not transactional here: never leave a half-migrated file behind
        # (e.g. the disk filled up) — put the pre-migration copy back. (A brand-new file
        # is removed by ``open_context``.)
        if db_path is not None and saved is not None:
            engine.dispose()
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(saved, db_path)
        raise
    return True
