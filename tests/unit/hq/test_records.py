"""HQ's own ``COPY`` text (``app.hq.records.copy_text``): what PostgreSQL reads back from
it is exactly the rows it was built from, whatever the values hold (backslashes, tabs,
line breaks, ``\\N``, text that looks like an escape); the plain columns of a visit
and of a visit child (``pg_tail``) hold what ``data ->> key`` gives."""

from __future__ import annotations

import json

import pytest

from app.hq.records import (
    NEITHER,
    PARENT_COLUMN,
    PG_COLUMNS,
    RECORD_COLUMNS,
    VISIT_COLUMNS,
    copy_text,
    pg_tail,
    visit_copy,
)
from db.hq.models import VISIT_CHILDREN
from tests import pg
from tests.unit.services.test_sync import pg_url  # noqa: F401  (fixture)

TRICKY = [
    "plain",
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "carriage\rreturn",
    "\\N",
    "\\t\\n literally",
    "名字 ✓",
    "",
    "trailing\\",
]


VISIT_VALUES = [None, 0, 87, 92.5, 1e16, -0.0, True, False, [1, "a"], {"b": 2}]


def _rows() -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for i, value in enumerate(TRICKY):
        data = json.dumps({"name": value}, ensure_ascii=False)
        rows.append(
            (
                "partner",
                f"id-{i}",
                f"hlc:{value}",
                "device",
                i % 2 == 0,
                data,
                "{}",
                "bundle",
                NEITHER,
            )
        )
        rows.append(("partner", f"raw-{i}", value, value, False, data, data, value, NEITHER))
    for i, value in enumerate(TRICKY + VISIT_VALUES):
        visit = {"started_at": value, "status": value, "score": value}
        if i % 3:
            visit["partner_id"] = f"p{i}"
        data = json.dumps(visit, ensure_ascii=False, separators=(",", ":"))
        rows.append(("visit", f"v-{i}", "h", "d", False, data, "{}", "b", visit_copy(visit)))
        for entity in ("visit_answer", "finding", "contact"):
            child = {"visit_id": value} if i % 4 else {}
            data = json.dumps(child, ensure_ascii=False, separators=(",", ":"))
            tail = pg_tail(entity)(child)
            rows.append((entity, f"c-{i}", "h", "d", False, data, "{}", "b", tail))
    return rows


def test_copy_text_is_read_back_as_built(pg_url: str) -> None:  # noqa: F811
    import psycopg

    url = pg.create_database(pg_url, "copy_text").replace("postgresql+psycopg://", "postgresql://")
    rows = _rows()
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(
            "CREATE TABLE record (entity text, id text, hlc text, device_id text, voided boolean, "
            "data text, field_hlc text, bundle_id text, visit_started text, visit_status text, "
            "visit_partner text, visit_score text, visit_parent text)"
        )
        with cur.copy(f"COPY record ({', '.join(PG_COLUMNS)}) FROM STDIN") as copy:
            copy.write(copy_text(rows))
        cur.execute(f"SELECT {', '.join(RECORD_COLUMNS)} FROM record")
        back = cur.fetchall()
        # the visit columns as the generated columns of hq0003 computed them
        same = " AND ".join(
            f"{column} IS NOT DISTINCT FROM (CASE WHEN entity = 'visit' "
            f"THEN data::json->>'{key}' END)"
            for column, key in VISIT_COLUMNS.items()
        )
        children = ", ".join(f"'{e}'" for e in VISIT_CHILDREN)
        same += (
            f" AND {PARENT_COLUMN} IS NOT DISTINCT FROM (CASE WHEN entity IN ({children}) "
            "THEN data::json->>'visit_id' END)"
        )
        cur.execute(f"SELECT count(*), count(*) FILTER (WHERE {same}) FROM record")
        total, same = cur.fetchone()
    assert sorted(back) == sorted(row[:8] for row in rows)
    assert same == total == len(rows)


def test_copy_text_of_plain_rows_is_tab_separated_lines() -> None:
    rows = [("visit", "a", "h", "d", True, '{"x":1}', "{}", "b", visit_copy({"score": 1}))]
    assert copy_text(rows) == 'visit\ta\th\td\tt\t{"x":1}\t{}\tb\t\\N\t\\N\t\\N\t1\t\\N\n'
    assert copy_text([]) == ""
    with pytest.raises(ValueError):
        copy_text([("too", "few")])
