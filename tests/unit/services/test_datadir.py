"""Start-up tidying after a killed process: its temporary files in the data dir and the
ones it noted outside it go; other people's files beside them stay."""

from __future__ import annotations

import json
from pathlib import Path

from app.paths import DataPaths
from app.services.opening import open_context


def test_what_a_killed_export_left_is_removed_and_nothing_else(tmp_path: Path) -> None:
    paths = DataPaths.resolve(tmp_path / "data")
    open_context(paths.root).close()
    out = tmp_path / "usb"
    out.mkdir()
    pending = (
        out / ".a.cdsync.4242.tmp"
    )  # the bundle before it is registered; write_bundle writes ".<that>.<pid>.part"
    left = [
        out / "..a.cdsync.4242.tmp.4242.part",
        out / ".cdsync-work-x1" / "records.jsonl",
        paths.outbox / ".b.cdsync.4242.part",
        paths.tmp / "tmpabc" / "channeldesk.sqlite",
        paths.media / "ab" / f".{'ab' * 32}.4242.tmp",
    ]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x" * 1000)
    kept = [out / "holiday.part", out / "notes.tmp", out / "a.cdsync.old"]  # not ours
    for path in kept:
        path.write_bytes(b"mine")
    (paths.lock_holders / "4242-1.json").write_text(
        json.dumps(
            {"pid": 4242, "command": "channeldesk sync export -o x", "temporary": [str(pending)]}
        ),
        encoding="utf-8",
    )
    open_context(paths.root).close()
    assert [p for p in left if p.exists()] == []
    assert not (out / ".cdsync-work-x1").exists() and not list(paths.tmp.iterdir())
    assert all(p.exists() for p in kept)
    assert list(paths.lock_holders.glob("*.json")) == []


def test_the_integrity_mark_survives_tidying_and_a_change_is_checked_again(tmp_path: Path) -> None:
    import sqlite3

    paths = DataPaths.resolve(tmp_path / "data")
    ctx = open_context(paths.root)
    ctx.verify_database()
    ctx.close()
    mark = paths.lock_holders / "verified.json"
    assert mark.exists()
    ctx = open_context(paths.root)  # alone: tidies, and keeps the mark
    assert mark.exists() and ctx._file_key() == json.loads(mark.read_text(encoding="utf-8"))
    ctx.close()
    with sqlite3.connect(paths.database) as conn:  # changed behind ChannelDesk's back
        conn.execute("CREATE TABLE scribble(x)")
    ctx = open_context(paths.root)
    try:
        assert ctx._file_key() != json.loads(mark.read_text(encoding="utf-8"))
        ctx.verify_database()  # checked again, and marked
        assert ctx._file_key() == json.loads(mark.read_text(encoding="utf-8"))
    finally:
        ctx.close()


def test_half_written_lock_records_go_and_other_files_stay(tmp_path: Path) -> None:
    """A killed process's half-written lock record (``.<pid>-<n>.json.<pid>.part``, or the
    ``*.json.new`` of older versions) is removed when the data dir is next opened alone."""
    paths = DataPaths.resolve(tmp_path / "data")
    open_context(paths.root).close()
    left = [".4242-1.json.4242.part", "4242-1.json.new", ".9-3.json..part"]
    kept = ["notes.part", ".4242-1.json.part", "4242-1.json.new.bak"]
    for name in left + kept:
        (paths.lock_holders / name).write_text("{", encoding="utf-8")
    open_context(paths.root).close()
    assert sorted(p.name for p in paths.lock_holders.iterdir()) == sorted(kept)


def test_opening_looks_at_the_database_file_once_before_its_reads(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The check that the file is a usable database and the check that it is at the newest
    revision share one connection: each connection's first statement reads the whole
    schema (a few ms at every start of the window)."""
    import sqlite3

    from db import engine, migrate

    root = tmp_path / "data"
    open_context(root).close()
    opened: list[str] = []
    real = sqlite3.connect

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", counted)
    ctx = open_context(root)
    try:
        assert ctx.device_id  # read through the context's own connection
    finally:
        ctx.close()
    assert len(opened) == 2, opened
    assert engine.sqlite_file_state(ctx.paths.database) == (None, migrate.quick_head_revision())
    (tmp_path / "junk.sqlite").write_bytes(b"not a database at all, not at all")
    assert engine.sqlite_file_state(tmp_path / "junk.sqlite") == ("not an SQLite database", None)
