"""A partner created by an import stores its ``field_hlc`` in the short form (its one
stamp, ``app.domain.field_hlc``: 61 bytes instead of ~1.5 KB). Nobody sees the
difference: the ORM reads the object, the sync export sends the same lines as for the
object and estimates them from above, an edit keeps the other fields' stamps, and a
merge from HQ runs on the object."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from app.domain.field_hlc import compact, expand, expand_text
from app.services import partner_io
from app.services.context import partner_lww_fields
from app.services.export_sizes import size_estimate
from app.services.import_tables import PARTNER_LWW_FIELDS
from app.services.sync_records import record_lines
from db.models import Partner

HEADER = "code,name,status,grade,address,tags,contact_name,contact_phone\n"


def _import(ctx, tmp_path: Path, rows: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    partner_io.import_partners(ctx, path)


def _lines(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(
        line
        for block in record_lines(ctx, "partner", "", "~", ctx.device_id, "b")
        for line in block
    )


def _as_objects(ctx) -> None:  # type: ignore[no-untyped-def]
    """Store every short form as the object it stands for (as imports did before)."""
    fields = partner_lww_fields()
    with ctx.session() as s:
        conn = s.connection().connection.driver_connection
        rows = conn.execute("SELECT id, field_hlc FROM partner").fetchall()
        conn.executemany(
            "UPDATE partner SET field_hlc = ? WHERE id = ?",
            [(json.dumps(expand_text(text, fields)), pid) for pid, text in rows],
        )


def test_the_short_form_is_the_object_of_the_partners_fields() -> None:
    stamp = "001796690256112:000000:01a25315-3052-70b5-befb-a6e70bee700a"
    assert partner_lww_fields() == PARTNER_LWW_FIELDS
    assert compact(stamp) == f'"{stamp}"'
    assert expand_text(compact(stamp), PARTNER_LWW_FIELDS) == dict.fromkeys(
        PARTNER_LWW_FIELDS, stamp
    )
    assert expand({"name": stamp}, PARTNER_LWW_FIELDS) == {"name": stamp}
    assert expand_text(None, PARTNER_LWW_FIELDS) == {}


def test_an_imported_card_is_stored_short_and_read_whole(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _import(ctx, tmp_path, "S1,店一,active,B,路1号,,张三,13800138000\nS2,店二,prospect,,,,,\n")
    stored = dict(ctx.read_sql("SELECT code, field_hlc FROM partner"))
    with ctx.read_session() as s:
        cards = {p.code: (p.hlc, p.field_hlc) for p in s.scalars(select(Partner))}
    for code in ("S1", "S2"):
        hlc, field_hlc = cards[code]
        assert stored[code] == json.dumps(hlc)
        assert field_hlc == dict.fromkeys(partner_lww_fields(), hlc)


def test_the_export_sends_the_same_lines_as_for_the_object(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _import(ctx, tmp_path, "".join(f"E{i},店{i},active,A,路{i}号,重点,,\n" for i in range(5)))
    short = _lines(ctx)
    with ctx.read_session() as s:
        estimates = dict(s.execute(select(Partner.id, size_estimate(Partner, "sqlite"))).all())
    _as_objects(ctx)
    assert _lines(ctx) == short
    for line in short:
        record = json.loads(line)
        assert record["data"]["field_hlc"] == dict.fromkeys(partner_lww_fields(), record["hlc"])
        # the estimate (which caps bundles) stays an upper bound of the line
        assert estimates[record["id"]] >= len(line.encode("utf-8"))
    with ctx.read_session() as s:  # as it is for the object
        whole = dict(s.execute(select(Partner.id, size_estimate(Partner, "sqlite"))).all())
    assert all(whole[json.loads(line)["id"]] >= len(line.encode("utf-8")) for line in short)


def test_an_edit_after_the_import_keeps_the_other_fields_stamps(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _import(ctx, tmp_path, "U1,店一,active,B,路1号,,,\n")
    with ctx.session() as s:
        card = s.scalars(select(Partner)).one()
        created = card.hlc
        card.address = "新路2号"
    with ctx.read_session() as s:
        card = s.scalars(select(Partner)).one()
        assert card.hlc > created
        assert card.field_hlc == {
            **dict.fromkeys(partner_lww_fields(), created),
            "address": card.hlc,
        }
    stored = json.loads(ctx.read_sql("SELECT field_hlc FROM partner")[0][0])
    assert isinstance(stored, dict)  # the object again from the first change on


def test_a_second_import_updates_a_short_card_like_an_object(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _import(ctx, tmp_path, "V1,店一,active,B,路1号,,,\n")
    created = ctx.read_sql("SELECT hlc FROM partner")[0][0]
    _import(ctx, tmp_path, "V1,店一改,,B,路1号,,,\n")
    hlc, text = ctx.read_sql("SELECT hlc, field_hlc FROM partner")[0]
    assert json.loads(text) == {**dict.fromkeys(partner_lww_fields(), created), "name": hlc}


def test_downgrading_below_0012_writes_the_short_forms_as_objects(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from db.engine import make_engine
    from db.migrate import alembic_config

    _import(ctx, tmp_path, "W1,店一,active,B,路1号,,,\nW2,店二,prospect,,,,,\n")
    with ctx.read_session() as s:
        cards = {p.code: p.field_hlc for p in s.scalars(select(Partner))}
    database = ctx.paths.database
    ctx.close()
    engine = make_engine(database)
    try:
        command.downgrade(alembic_config(engine), "0011")
    finally:
        engine.dispose()
    import sqlite3

    conn = sqlite3.connect(database)
    try:
        stored = {
            code: json.loads(text)
            for code, text in conn.execute("SELECT code, field_hlc FROM partner")
        }
    finally:
        conn.close()
    assert stored == cards
    assert all(list(value) == list(partner_lww_fields()) for value in stored.values())
