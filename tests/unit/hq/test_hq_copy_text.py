"""HQ's own ``COPY`` text (``app.hq.records.copy_text``): what PostgreSQL reads back from
it is exactly the rows it was built from, whatever the values hold (backslashes, tabs,
line breaks, ``\\N``, text that looks like an escape)."""

from __future__ import annotations

import json

import pytest

from app.hq.records import RECORD_COLUMNS, copy_text
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


def _rows() -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for i, value in enumerate(TRICKY):
        data = json.dumps({"name": value}, ensure_ascii=False)
        rows.append(
            ("partner", f"id-{i}", f"hlc:{value}", "device", i % 2 == 0, data, "{}", "bundle")
        )
        rows.append(("partner", f"raw-{i}", value, value, False, data, data, value))
    return rows


def test_copy_text_is_read_back_as_built(pg_url: str) -> None:  # noqa: F811
    import psycopg

    url = pg.create_database(pg_url, "copy_text").replace("postgresql+psycopg://", "postgresql://")
    rows = _rows()
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute(
            "CREATE TABLE record (entity text, id text, hlc text, device_id text, voided boolean, "
            "data text, field_hlc text, bundle_id text)"
        )
        with cur.copy(f"COPY record ({', '.join(RECORD_COLUMNS)}) FROM STDIN") as copy:
            copy.write(copy_text(rows))
        cur.execute(f"SELECT {', '.join(RECORD_COLUMNS)} FROM record")
        back = cur.fetchall()
    assert sorted(back) == sorted(rows)


def test_copy_text_of_plain_rows_is_tab_separated_lines() -> None:
    rows = [("visit", "a", "h", "d", True, '{"x":1}', "{}", "b")]
    assert copy_text(rows) == 'visit\ta\th\td\tt\t{"x":1}\t{}\tb\n'
    assert copy_text([]) == ""
    with pytest.raises(ValueError):
        copy_text([("too", "few")])
