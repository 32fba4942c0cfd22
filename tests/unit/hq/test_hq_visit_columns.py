"""PostgreSQL's plain columns of HQ migrations hq0005 and hq0006 (a visit's fields, a visit
child's visit id): an HQ database of the schema before them (hq0004, the visit columns
generated from the JSON), upgraded, holds the same columns and gives the same answers as
one that ingested the same bundle at the new schema; a record written through the ORM
gets its columns too; the visit lists and the child lookups use the indexes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.hq import overview, read_models, record_query, trend
from app.hq.records import PARENT_COLUMN, VISIT_COLUMNS
from app.hq.server import Hq
from app.services.amendments import amend
from app.services.sync import export_bundle
from db.hq.engine import MIGRATIONS
from db.hq.models import Record
from tests import pg
from tests.unit.services import test_sync
from tests.unit.services.test_sync import make_laptop, seed

pg_url = test_sync.pg_url  # the PostgreSQL server fixture

TABLES = ("hq_meta", "device", "imported_bundle", "record", "hq_conflict", "blob", "dev_record")
PLAIN = (*VISIT_COLUMNS, PARENT_COLUMN)
COLUMNS = ", ".join(PLAIN)


def _answers(hq: Hq, visit_id: str) -> dict[str, Any]:
    month = dt.date.today().strftime("%Y-%m")
    week = dt.date.today().strftime("%G-W%V")
    return {
        "list": read_models.list_visits(hq),
        "month": read_models.visit_rows(hq, month=month, status="submitted"),
        "week": read_models.visit_rows(hq, week=week),
        "detail": read_models.visit_detail(hq, visit_id),
        "overview": overview.month_overview(hq, month),
        "trend": trend.score_trend(hq, "month", month),
        "stats": hq.stats(),
    }


def _visit_columns(hq: Hq) -> list[tuple[Any, ...]]:
    with hq.engine.connect() as conn:
        return list(conn.execute(text(f"SELECT entity, id, {COLUMNS} FROM record ORDER BY 1, 2")))


def _upgrade(url: str, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    from db.hq.engine import hq_engine

    engine = hq_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, revision)
    engine.dispose()


def _copy_tables(source: str, target: str) -> None:
    """Every row of HQ's tables from one database to the other (the visit columns left
    to the target's schema)."""
    import psycopg

    plain = {u: u.replace("postgresql+psycopg://", "postgresql://") for u in (source, target)}
    with psycopg.connect(plain[source]) as src, psycopg.connect(plain[target]) as dst:
        for table in TABLES:
            columns = [
                name
                for (name,) in src.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                    "ORDER BY ordinal_position",
                    (table,),
                )
                if name not in PLAIN
            ]
            names = ", ".join(f'"{c}"' for c in columns)
            dst.execute(f"DELETE FROM {table}")
            with (
                src.cursor().copy(f"COPY (SELECT {names} FROM {table}) TO STDOUT") as out,
                dst.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as into,
            ):
                for block in out:
                    into.write(block)
        dst.commit()


def test_an_upgraded_hq_gives_the_same_answers(pg_url: str, tmp_path: Path) -> None:
    fresh_url = pg.create_database(pg_url, "hq_fresh")
    (tmp_path / "hq").mkdir()
    fresh = Hq(fresh_url, tmp_path / "hq")
    fresh.init()
    ctx = make_laptop(tmp_path, "lap", fresh)
    visit_id = seed(ctx, tmp_path)
    amend(ctx, visit_id, "typo", {"signage": "no"})
    assert fresh.ingest(export_bundle(ctx, tmp_path / "b1.cdsync").path, tmp_path).status == (
        "accepted"
    )
    ctx.close()
    expected = _answers(fresh, visit_id)
    columns = _visit_columns(fresh)
    visits = [row for row in columns if row[0] == "visit"]
    assert visits and all(row[2:5] for row in visits)  # started, status, partner (drafts stay)
    assert all(row[6] is None for row in visits)
    assert all(row[2:6] == (None,) * 4 for row in columns if row[0] != "visit")
    answers = [row for row in columns if row[0] == "visit_answer"]
    assert answers and all(row[6] == visit_id for row in answers)
    assert all(row[6] is None for row in columns if row[0] in ("partner", "contact"))

    old_url = pg.create_database(pg_url, "hq_old")
    _upgrade(old_url, "hq0004")  # the columns generated from the JSON
    _copy_tables(fresh_url, old_url)
    upgraded = Hq(old_url, tmp_path / "hq")  # opening brings it to head
    try:
        assert _visit_columns(upgraded) == columns
        assert _answers(upgraded, visit_id) == expected
    finally:
        upgraded.close()
        fresh.close()


def test_a_record_written_through_the_orm_gets_its_columns(pg_url: str, tmp_path: Path) -> None:
    hq = Hq(pg.create_database(pg_url, "hq_orm"), tmp_path)
    hq.init()
    data = {"started_at": "2026-03-02T01:00:00+00:00", "status": "draft", "score": 91.5}
    try:
        with hq.sessions.begin() as s:
            s.add(Record(entity="visit", id="v1", hlc="h", device_id="d", data=data, bundle_id="b"))
            s.add(
                Record(
                    entity="finding",
                    id="f1",
                    hlc="h",
                    device_id="d",
                    data={"status": "x", "visit_id": "v1"},
                    bundle_id="b",
                )
            )
            s.add(
                Record(
                    entity="partner",
                    id="p1",
                    hlc="h",
                    device_id="d",
                    data={"visit_id": "v1"},
                    bundle_id="b",
                )
            )
        assert _visit_columns(hq) == [
            ("finding", "f1", None, None, None, None, "v1"),
            ("partner", "p1", None, None, None, None, None),
            ("visit", "v1", data["started_at"], "draft", None, "91.5", None),
        ]
        with hq.sessions.begin() as s:
            visit = s.scalar(select(Record).where(Record.entity == "visit"))
            assert visit is not None
            visit.data = {**data, "status": "submitted", "partner_id": "p1"}
        assert _visit_columns(hq)[2] == (
            "visit",
            "v1",
            data["started_at"],
            "submitted",
            "p1",
            "91.5",
            None,
        )
    finally:
        hq.close()


@pytest.mark.parametrize("entity", ["visit_answer", "visit_photo", "material_count"])
def test_child_lookups_and_visit_lists_use_the_indexes(
    pg_url: str,
    tmp_path: Path,
    entity: str,
) -> None:
    hq = Hq(pg.create_database(pg_url, f"hq_plan_{entity}"), tmp_path)
    hq.init()
    try:
        with hq.sessions() as s:
            s.execute(
                text(
                    "INSERT INTO record (entity, id, hlc, device_id, voided, data, field_hlc, "
                    "bundle_id, visit_parent) SELECT :entity, 'c' || g, 'h', 'd', false, "
                    "json_build_object('visit_id', 'v' || (g % 1000)), '{}', 'b', "
                    "'v' || (g % 1000) FROM generate_series(1, 20000) g"
                ),
                {"entity": entity},
            )
            s.execute(
                text(
                    "INSERT INTO record (entity, id, hlc, device_id, voided, data, field_hlc, "
                    "bundle_id, visit_started, visit_status) SELECT 'visit', 'v' || g, 'h', 'd', "
                    "false, '{}', '{}', 'b', to_char(timestamp '2020-01-01' + g * interval "
                    "'1 hour', 'YYYY-MM-DD\"T\"HH24:MI:SS+00:00'), 'submitted' "
                    "FROM generate_series(1, 20000) g"
                )
            )
            s.execute(text("ANALYZE record"))
            child = record_query.child_field(entity, "visit_id").in_(["v1", "v2"])
            stmt = select(Record.id).where(Record.entity == entity, child)
            sql = str(stmt.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
            plan = "\n".join(r[0] for r in s.execute(text(f"EXPLAIN {sql}")))
            assert "ix_record_visit_child" in plan, plan
            month = select(Record.id).where(
                Record.entity == "visit", record_query.month_filter("2021-03")
            )
            sql = str(month.compile(s.get_bind(), compile_kwargs={"literal_binds": True}))
            plan = "\n".join(r[0] for r in s.execute(text(f"EXPLAIN {sql}")))
            assert "ix_record_visit_month" in plan, plan
    finally:
        hq.close()
