"""Database foundation: migrations from empty and from the first revision, refusal of
newer databases, backups before migrating, HLC stamping of syncing rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from app.errors import DatabaseTooNewError, DataDirError
from app.services.opening import open_context
from db.engine import make_engine
from db.migrate import alembic_config, current_revision, head_revision
from db.models import Partner


def test_fresh_database_is_at_head_with_wal_and_foreign_keys(ctx) -> None:  # type: ignore[no-untyped-def]
    assert current_revision(ctx.engine) == head_revision()
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_models_match_migrations(ctx) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from db.base import Base
    from db.migrate import include_object

    with ctx.engine.connect() as conn:
        mc = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": False}
        )
        diff = compare_metadata(mc, Base.metadata)
    assert diff == []


def test_upgrade_from_first_revision_backs_up_first(tmp_path: Path) -> None:
    db_path = tmp_path / "d" / "channeldesk.sqlite"
    db_path.parent.mkdir()
    engine = make_engine(db_path)
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    ctx = open_context(tmp_path / "d")
    try:
        assert current_revision(ctx.engine) == head_revision()
        assert list((tmp_path / "d" / "backups").glob("pre-migration-0001-*.sqlite"))
    finally:
        ctx.close()


def test_newer_database_is_refused(tmp_path: Path) -> None:
    ctx = open_context(tmp_path / "d")
    ctx.close()
    conn = sqlite3.connect(tmp_path / "d" / "channeldesk.sqlite")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseTooNewError) as info:
        open_context(tmp_path / "d")
    assert "newer version" in info.value.message


def test_corrupt_database_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    garbage = b"this is not a database" * 100
    (folder / "channeldesk.sqlite").write_bytes(garbage)
    with pytest.raises(DataDirError) as info:
        open_context(folder)
    assert "damaged" in info.value.message
    assert (folder / "channeldesk.sqlite").read_bytes() == garbage


def test_syncing_rows_get_hlc_and_field_hlc(ctx) -> None:  # type: ignore[no-untyped-def]
    with ctx.session() as s:
        p = Partner(code="P1", name="测试", grade="A")
        s.add(p)
    first = p.hlc
    assert first.endswith(ctx.device_id)
    with ctx.session() as s:
        p2 = s.get(Partner, p.id)
        p2.name = "新名字"
    assert p2.hlc > first
    assert p2.field_hlc["name"] == p2.hlc
    assert p2.field_hlc["grade"] == first


def test_failed_migration_puts_the_previous_database_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite DDL is not transactional: a migration that dies halfway (disk full) must not
    leave a half-migrated file; the pre-migration copy is put back and the message is clear."""
    import errno

    db_path = tmp_path / "d" / "channeldesk.sqlite"
    db_path.parent.mkdir()
    engine = make_engine(db_path)
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE witness (x)")
        conn.exec_driver_sql("INSERT INTO witness VALUES (42)")
    engine.dispose()
    real_upgrade = command.upgrade

    def upgrade_one_step_then_fail(config, _revision):  # type: ignore[no-untyped-def]
        real_upgrade(config, "0002")  # changes the file…
        raise OSError(errno.ENOSPC, "No space left on device")  # …then the disk fills up

    monkeypatch.setattr(command, "upgrade", upgrade_one_step_then_fail)
    with pytest.raises(DataDirError) as failure:
        open_context(tmp_path / "d")
    assert "full" in failure.value.message
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT x FROM witness").fetchone() == (42,)
    finally:
        conn.close()
