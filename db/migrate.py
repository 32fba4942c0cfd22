"""Alembic migrations applied at start: backup copy before any migration, refusal to
open a database newer than this build knows."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


NOT_MODELLED = {"partner_search", "partner_fts"}


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Leave the trigger-maintained search tables (migration 0002) out of autogenerate."""
    return not (type_ == "table" and name and (name in NOT_MODELLED or name.startswith("partner_fts")))


class UnknownRevisionError(Exception):
    """The database's revision is not one this build knows (written by a newer build)."""

    def __init__(self, found: str, head: str) -> None:
        super().__init__(found)
        self.found = found
        self.head = head


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}


def backup_before_migration(db_path: Path, backups_dir: Path, revision: str) -> Path:
    """Copy the database with SQLite's online backup API before migrating it."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"pre-migration-{revision}-{stamp}.sqlite"
    src = sqlite3.connect(db_path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade_to_head(engine: Engine, db_path: Path | None = None, backups_dir: Path | None = None) -> bool:
    """Bring the database to head; returns True when a migration ran."""
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return False
    if current is not None and current not in known_revisions():
        raise UnknownRevisionError(current, head)
    if current is not None and db_path is not None and backups_dir is not None:
        backup_before_migration(db_path, backups_dir, current)
    command.upgrade(alembic_config(engine), "head")
    return True
