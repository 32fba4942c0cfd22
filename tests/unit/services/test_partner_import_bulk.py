"""The staged bulk path of the partner import (issue 21): new partners are copied from a
temporary table by ``INSERT … SELECT`` on a second thread while the next rows are read.
What it stores must be what the per-row statements and the search triggers store, over
many batches, with cards old and new in one file; an import that fails or is cancelled
after batches were written leaves nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ValidationError
from app.services import partner_import_stage, partner_io, partner_list
from app.services.progress import Cancelled, Progress
from db.models import Partner

HEADER = "code,name,status,grade,address,tags,contact_name,contact_phone\n"
STATUSES = ("active", "prospect", "suspended", "terminated", "")


def _rows(prefix: str, count: int) -> str:
    return "".join(
        f"{prefix}{i},{prefix}店{i}通讯,{STATUSES[i % 5]},{'ABCD'[i % 4]},路{i}号,"
        f"重点;社区,{'联系' + str(i) if i % 3 else ''},{f'1380013{i:04d}' if i % 3 else ''}\n"
        for i in range(count)
    )


def _search_rows(ctx) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [r[1:] for r in ctx.read_sql("SELECT * FROM partner_search ORDER BY partner_id")]


def _gram_tokens_found(ctx) -> bool:  # type: ignore[no-untyped-def]
    """Every pair token the migration's SQL cuts from each search text finds its row."""
    for rowid, tokens in ctx.read_sql(
        "SELECT rowid, (SELECT group_concat(hex(substr(x, n, 2)), ' ') FROM "
        "(SELECT lower(body) AS x) JOIN partner_search_pos ON n <= length(x)) FROM partner_search"
    ):
        for token in set(tokens.split()):
            hits = ctx.read_sql(
                "SELECT rowid FROM partner_gram WHERE partner_gram MATCH ?", (f'"{token}"',)
            )
            if (rowid,) not in [tuple(h) for h in hits]:
                return False
    return True


def test_many_batches_of_old_and_new_cards_are_stored_and_indexed_as_the_triggers_do(
    ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(partner_io, "BATCH_ROWS", 7)
    path = tmp_path / "p.csv"
    path.write_text(HEADER + _rows("A", 30), encoding="utf-8")
    assert partner_io.import_partners(ctx, path).created == 30
    # a second file: changed and unchanged old cards between new ones, in every batch
    changed = "".join(
        f"A{i},A店{i}改名,,B,新路{i}号,,新联系{i},13900000000\n" for i in range(0, 30, 4)
    )
    path.write_text(HEADER + changed + _rows("B", 25), encoding="utf-8")
    report = partner_io.import_partners(ctx, path)
    assert (report.created, report.updated) == (25, 8)

    assert ctx.read_sql("PRAGMA foreign_key_check") == []
    counts = dict(
        ctx.read_sql(
            "SELECT kind, count(*) FROM lifecycle_event GROUP BY kind ORDER BY kind",
        )
    )
    # per 5 rows: active, prospect, suspended, terminated, blank (= active)
    assert counts == {"open": 44, "suspend": 11, "terminate": 11}
    assert (
        ctx.read_sql("SELECT count(*) FROM grade_change")[0][0] == 55 + 8
    )  # the 8 changed cards were all A
    assert (
        ctx.read_sql("SELECT count(*) FROM contact WHERE voided = 0")[0][0] == 20 + 16 + 3
    )  # 3 changed cards had none

    bulk = _search_rows(ctx)
    assert len(bulk) == 55 and _gram_tokens_found(ctx)
    with ctx.session() as s:  # let the triggers index the same rows again
        for p in s.query(Partner):
            p.name = p.name + " "
        s.flush()
        for p in s.query(Partner):
            p.name = p.name[:-1]
    assert _search_rows(ctx) == bulk
    assert [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search="B店2"), 0, None)
    ] == [
        "B2",
        "B20",
        "B21",
        "B22",
        "B23",
        "B24",
    ]
    assert [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search="改名"), 0, None)
    ] == [f"A{i}" for i in sorted(range(0, 30, 4), key=str)]
    assert [
        r.code
        for r in partner_list.partner_page(
            ctx, partner_list.PartnerQuery(search="13800130007"), 0, None
        )
    ] == ["A7", "B7"]  # the phone, in the contact's part of the text


def test_the_pair_tokens_follow_the_stored_text_when_the_staged_one_differs(
    ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(partner_import_stage, "body", lambda *args: "zz")
    path = tmp_path / "p.csv"
    path.write_text(HEADER + _rows("C", 12), encoding="utf-8")
    partner_io.import_partners(ctx, path)
    assert _gram_tokens_found(ctx)
    assert [
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search="c1"), 0, None)
    ] == [
        "C1",
        "C10",
        "C11",
    ]


def test_an_import_failing_after_written_batches_leaves_nothing(
    ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(partner_io, "BATCH_ROWS", 5)
    move = partner_import_stage.NewPartnerStage._move
    calls = []

    def failing_move(self, times, last):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 3:  # two batches are in the tables by now
            self._error = RuntimeError("disk on fire")
            return
        move(self, times, last)

    monkeypatch.setattr(partner_import_stage.NewPartnerStage, "_move", failing_move)
    path = tmp_path / "p.csv"
    path.write_text(HEADER + _rows("D", 23), encoding="utf-8")
    with pytest.raises(RuntimeError, match="disk on fire"):
        partner_io.import_partners(ctx, path)
    assert len(calls) == 3
    for table in ("partner", "contact", "grade_change", "lifecycle_event", "partner_search"):
        assert ctx.read_sql(f"SELECT count(*) FROM {table}")[0][0] == 0, table
    triggers = {r[0] for r in ctx.read_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"partner_ai", "contact_ai", "partner_search_ai"} <= triggers


def test_cancel_after_written_batches_leaves_nothing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("code,name\n" + "".join(f"K{i},名{i}\n" for i in range(5000)), encoding="utf-8")
    seen: list[int] = []

    def report(done: int, total: int, message: str) -> None:
        seen.append(done)
        if len(seen) == 3:  # at row 3000: the first batch of 2000 is in the tables
            progress.cancel()

    progress = Progress(report)
    with pytest.raises(Cancelled):
        partner_io.import_partners(ctx, path, progress=progress)
    assert len(seen) == 3
    assert ctx.read_sql("SELECT count(*) FROM partner")[0][0] == 0
    assert ctx.read_sql("SELECT count(*) FROM partner_search")[0][0] == 0
    path.write_text("code,name\nK1,名1\n", encoding="utf-8")  # and the next import works
    assert partner_io.import_partners(ctx, path).created == 1


@pytest.mark.parametrize("counter", [0, 999_990])  # the second run crosses into a new ms
def test_reserved_stamps_are_the_stamps_ticks_would_give(ctx, counter: int) -> None:  # type: ignore[no-untyped-def]
    from app.domain.hlc import Timestamp
    from app.services.bulk_write import reserve_hlcs

    clock = ctx.get_clock()
    clock.wall = lambda: 5_000
    clock.last = Timestamp(5_000, counter, clock.node)
    reserved = reserve_hlcs(ctx, 25)
    after = clock.last
    clock.last = Timestamp(5_000, counter, clock.node)
    assert reserved == [ctx.tick() for _ in range(25)] and clock.last == after


def test_the_import_table_specs_are_the_models_columns_and_defaults() -> None:
    from app.services import import_tables
    from app.services.bulk_write import RowInserter
    from app.services.context import partner_lww_fields
    from db.models import Contact, GradeChange, LifecycleEvent, Partner

    for model, spec in zip(
        (Partner, Contact, GradeChange, LifecycleEvent), import_tables.SPECS, strict=True
    ):
        orm, plain = RowInserter(model), RowInserter.from_spec(spec)
        assert (plain.table, plain.columns, plain.static, plain.sql) == (
            orm.table,
            orm.columns,
            orm.static,
            orm.sql,
        )
        assert [k for k, _ in plain.dynamic] == [k for k, _ in orm.dynamic]
    assert partner_lww_fields() == import_tables.PARTNER_LWW_FIELDS
    with pytest.raises(ValueError, match="contact: give id"):
        RowInserter.from_spec(import_tables.CONTACT).row({"partner_id": "p"})


def test_the_import_runs_without_the_cyclic_collector_and_with_a_short_switch_interval(
    ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import gc
    import sys

    from app.services.bulk_write import BULK_SWITCH_INTERVAL

    before = (gc.isenabled(), sys.getswitchinterval())
    seen: list[tuple[bool, float]] = []
    progress = Progress(
        lambda done, total, message: seen.append((gc.isenabled(), sys.getswitchinterval()))
    )
    path = tmp_path / "p.csv"
    path.write_text("code,name\n" + "".join(f"G{i},名{i}\n" for i in range(2500)), encoding="utf-8")
    partner_io.import_partners(ctx, path, progress=progress)
    assert seen and all(s == (False, BULK_SWITCH_INTERVAL) for s in seen)
    assert (gc.isenabled(), sys.getswitchinterval()) == before
    path.write_text("code,name\nG1,名1\nG1,名2\n", encoding="utf-8")  # a failing one restores too
    with pytest.raises(ValidationError):
        partner_io.import_partners(ctx, path)
    assert (gc.isenabled(), sys.getswitchinterval()) == before


def test_the_next_batch_is_checked_and_built_while_the_mover_writes(
    ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Stored cards are looked up through a second connection (the database as it was
    when the import began), so the reading thread does not wait for the mover first."""
    import threading

    monkeypatch.setattr(partner_io, "BATCH_ROWS", 5)
    move, add = partner_import_stage.NewPartnerStage._move, partner_import_stage.NewPartnerStage.add
    moving = threading.Event()
    staged_meanwhile = threading.Event()

    def slow_move(self, times, last):  # type: ignore[no-untyped-def]
        moving.set()
        staged_meanwhile.wait(5)  # the next batch's rows arrive while this one moves
        moving.clear()
        move(self, times, last)

    def watched_add(self, row):  # type: ignore[no-untyped-def]
        if moving.is_set():
            staged_meanwhile.set()
        add(self, row)

    monkeypatch.setattr(partner_import_stage.NewPartnerStage, "_move", slow_move)
    monkeypatch.setattr(partner_import_stage.NewPartnerStage, "add", watched_add)
    path = tmp_path / "p.csv"
    path.write_text(HEADER + _rows("N", 12), encoding="utf-8")
    assert partner_io.import_partners(ctx, path).created == 12
    assert staged_meanwhile.is_set()
    assert ctx.read_sql("SELECT count(*) FROM partner")[0][0] == 12
