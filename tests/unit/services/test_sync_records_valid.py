"""Issue 15: HQ accepts only well-formed records and never lets a device change what HQ
owns. The per-entity schemas (app/sync/schema.py) against the models; the issue's three
reproductions (hostile field values, HQ-owned fields from a device, a seq too large for
any integer column) on SQLite and PostgreSQL; every HQ command and the laptop's import
of the published bundle work after an accepted bundle."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Date, DateTime, update

from app.errors import BundleRejected
from app.hq.publish import reference_data_for_publish
from app.hq.reports import write_hq_month_report
from app.hq.server import Hq
from app.services.device import load_private_key
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from app.sync import signing
from app.sync.record_check import check_record, check_records
from app.sync.schema import (
    DOWN_ENTITIES,
    ENVELOPE_COLUMNS,
    HQ_OWNED,
    OVERRIDES,
    schemas,
)
from db.base import Base
from db.models import SYNC_TABLES, Partner
from tests.unit.services.test_sync import hq, hq_url, make_laptop, pg_url, seed  # noqa: F401  (fixtures)
from tests.unit.services.test_sync_batching import _read_records, _rebuild


def _models() -> dict[str, Any]:
    return {getattr(m.class_, "__tablename__", None): m.class_ for m in Base.registry.mappers}


# -- the schemas and the models --------------------------------------------------------


def test_every_synced_column_has_a_rule_and_every_override_a_column() -> None:
    """Fails when a model and the wire schema drift apart: a column added, removed or
    renamed without the schema following (it is generated, so only an override can
    go stale, or a column type no rule knows, which raises while generating)."""
    models = _models()
    for entity in (*SYNC_TABLES, *DOWN_ENTITIES):
        columns = {c.key for c in models[entity].__table__.columns} - ENVELOPE_COLUMNS
        assert set(schemas()[entity].fields) == columns | {"void_reason"}, entity
    for entity, column in OVERRIDES:
        assert column in {c.key for c in models[entity].__table__.columns}, (entity, column)
    for entity, owned in HQ_OWNED.items():
        assert set(owned) <= set(schemas()[entity].fields)


def test_rules_follow_the_column_types() -> None:
    fields = schemas()["partner"].fields
    assert (
        fields["name"].kind == "line"
        and fields["name"].max_length == 300
        and fields["name"].required
    )
    assert fields["latitude"].nullable and fields["latitude"].maximum == 90
    assert fields["status"].choices == ("prospect", "active", "suspended", "terminated", "merged")
    assert fields["merged_into_id"].kind == "uuid" and fields["merged_into_id"].ref == "partner"
    models = _models()
    for entity in SYNC_TABLES:
        for column in models[entity].__table__.columns:
            if column.key in ENVELOPE_COLUMNS:
                continue
            rule = schemas()[entity].fields[column.key]
            assert rule.nullable == column.nullable, (entity, column.key)
            if isinstance(column.type, DateTime):
                assert rule.kind == "datetime"
            elif isinstance(column.type, Date):
                assert rule.kind == "date"


HOSTILE_PARTNER = {
    "name": [(42, "must be text"), (None, "must not be null"), ("x" * 50_000, "longer than 300")],
    "latitude": [("abc", "must be a number"), (91.5, "between -90 and 90")],
    "tags": [({"a": 1}, "list")],
    "status": [("exploded", "must be one of"), ("\ud800", "control character")],
    "credit_limit_fen": [(1e30, "whole number"), (2**63, "between"), (True, "whole number")],
    "field_hlc": [({"name": "garbage"}, "HLC")],
    "notes": [("a\x00b", "control character"), ("\ud800", "control character")],
    "merged_into_id": [("not-a-uuid-but-36-characters-long!!", "UUID")],
    "bogus": [(1, "not a field")],
}


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [(f, v, w) for f, cases in HOSTILE_PARTNER.items() for v, w in cases],
)
def test_hostile_partner_values_are_named(field: str, value: Any, words: str) -> None:
    data = {
        "code": "P1",
        "name": "好店",
        "grade": "B",
        "latitude": 31.2,
        "tags": ["a"],
        "field_hlc": {},
    }
    data[field] = value
    problem = check_record("partner", data, "0190d6a8-0000-7000-8000-000000000001")
    assert problem is not None and problem.field == field and words in problem.rule, problem
    assert "\n" not in problem.message and "partner 0190d6a8" in problem.message


def test_well_formed_records_pass_and_dates_are_checked() -> None:
    good = {
        "partner_id": "0190d6a8-0000-7000-8000-000000000001",
        "number": "INV-1",
        "issue_date": "2026-02-28",
        "due_date": "2026-03-31",
        "amount_fen": 12_000,
    }
    assert check_record("invoice", good, "x") is None
    assert check_record("invoice", {**good, "issue_date": "2026-02-30"}, "x").field == "issue_date"  # type: ignore[union-attr]
    assert check_record("invoice", {**good, "amount_fen": 10**16}, "x").field == "amount_fen"  # type: ignore[union-attr]
    assert (
        check_record("invoice", {k: v for k, v in good.items() if k != "number"}, "x").rule
        == "is missing"
    )  # type: ignore[union-attr]
    event = {
        "order_id": "0190d6a8-0000-7000-8000-000000000001",
        "status": "open",
        "at": "2026-03-01T08:00:00",
    }
    assert check_record("rectification_event", event, "x").field == "at"  # type: ignore[union-attr]  # no UTC offset
    assert (
        check_record("rectification_event", {**event, "at": "2026-03-01T08:00:00+00:00"}, "x")
        is None
    )
    # the batch names the record that fails, not the first
    problem = check_records("invoice", [good, good, {**good, "paid_fen": "1"}], ["a", "b", "c"])
    assert problem is not None and problem.record_id == "c" and problem.field == "paid_fen"
    problem = check_records(
        "invoice",
        [good, {**good, "partner_id": "0190D6A8-0000-7000-8000-000000000001"}],
        ["a", "b"],
    )
    assert problem is not None and problem.record_id == "b" and problem.field == "partner_id"


def test_a_demo_export_passes_every_schema(tmp_path: Path) -> None:
    """Every record the app itself exports (the seeded laptop: partners, a sealed
    visit with photos, answers, findings, orders) is valid."""
    from app.services.device import initialise_device
    from app.services.opening import open_context

    ctx = open_context(tmp_path / "lap")
    initialise_device(ctx, user="lap", territory=["3101"])
    seed(ctx, tmp_path)
    for entity, rows in _read_records(export_bundle(ctx, tmp_path / "b.cdsync").path).items():
        assert check_records(entity, [r["data"] for r in rows], [r["id"] for r in rows]) is None, (
            entity
        )
    ctx.close()


# -- the reproductions, at HQ ----------------------------------------------------


def _hq_commands_work(hq: Hq, ctx, tmp_path: Path, tag: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """``hq stats``, ``hq report month``, ``hq publish`` and the laptop's ``sync import``
    of what HQ published."""
    hq.stats()
    hq.conflicts()
    month = dt.date.today().strftime("%Y-%m")
    assert write_hq_month_report(hq, month, tmp_path / f"month-{tag}.pdf").stat().st_size > 0
    down = hq.publish(ctx.device_id, tmp_path / f"down-{tag}.cdsync", reference_data_for_publish())
    import_hq_bundle(ctx, down)


def _mutated(src: Path, dst: Path, ctx, entity: str, change) -> Path:  # type: ignore[no-untyped-def]
    records = _read_records(src)
    change(records[entity][0])
    return _rebuild(src, dst, ctx, records)


def test_hostile_field_values_are_rejected_whole(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """Reproduction 1: a validly signed bundle with a partner name 42 or null, latitude
    "abc", tags an object, status "exploded", a 50 000-character name, a field HLC
    "garbage": each rejected whole, with one line naming entity, id, field and rule,
    HQ unchanged; the good bundle afterwards is accepted and every command works."""
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    before = hq.stats()
    cases = {
        "name42": ("name", 42),
        "name_null": ("name", None),
        "latitude": ("latitude", "abc"),
        "tags": ("tags", {"a": 1}),
        "status": ("status", "exploded"),
        "long_name": ("name", "名" * 50_000),
        "hlc": ("field_hlc", {"name": "garbage"}),
        # DEL stands unescaped in a JSON text: the bundle's text of the data holds no
        # backslash, yet the name holds a control character
        "delete_character": ("name", "好\x7f店"),
    }
    for tag, (field, value) in cases.items():

        def change(row: dict[str, Any], field: str = field, value: Any = value) -> None:
            row["data"][field] = value

        path = _mutated(good, tmp_path / f"{tag}.cdsync", ctx, "partner", change)
        result = hq.ingest(path, tmp_path / "acks")
        assert result.status == "rejected", tag
        assert (
            "\n" not in result.reason
            and "partner " in result.reason
            and f"field {field}" in result.reason
        ), (tag, result.reason)
        assert hq.stats() == before, tag
    log = (hq.key_dir / "hq-rejections.log").read_text(encoding="utf-8")
    assert log.count("\n") == len(cases)
    assert hq.ingest(good, tmp_path / "acks").status == "accepted"
    _hq_commands_work(hq, ctx, tmp_path, "after")
    ctx.close()


def test_a_device_never_changes_what_hq_owns(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """Reproduction 2: a forged bundle sets code HIJACKED, grade D→A and a credit limit
    of 1e30 on a partner HQ holds. 1e30 is not a whole number within range: rejected.
    Within range, the changes are dropped, HQ keeps its values and records each as a
    conflict HQ sees; the other fields of the same record still merge."""
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    first = export_bundle(ctx, tmp_path / "first.cdsync").path
    assert hq.ingest(first, tmp_path / "acks").status == "accepted"
    partner = next(r for r in hq.records("partner") if r.data["code"] == "P001")
    owned_before = {k: partner.data[k] for k in HQ_OWNED["partner"]}
    later = "999999999999999:000000:" + ctx.device_id  # newer than anything HQ holds
    grade = "A" if owned_before["grade"] != "A" else "D"

    def forge(credit: Any):  # type: ignore[no-untyped-def]
        def change(row: dict[str, Any]) -> None:
            row["data"].update(
                code="HIJACKED", grade=grade, credit_limit_fen=credit, address="新地址 1 号"
            )
            row["data"]["field_hlc"] = {
                **row["data"]["field_hlc"],
                "code": later,
                "grade": later,
                "credit_limit_fen": later,
                "address": later,
            }
            row["hlc"] = later

        return change

    records = _read_records(first)
    index = next(i for i, r in enumerate(records["partner"]) if r["id"] == partner.id)
    records["partner"].insert(0, records["partner"].pop(index))
    reordered = _rebuild(first, tmp_path / "reordered.cdsync", ctx, records)
    before = hq.stats()
    huge = _as_next(
        _mutated(reordered, tmp_path / "huge.cdsync", ctx, "partner", forge(1e30)),
        tmp_path / "huge2.cdsync",
        ctx,
        1,
    )
    result = hq.ingest(huge, tmp_path / "acks")
    assert result.status == "rejected" and "credit_limit_fen" in result.reason
    assert hq.stats() == before
    forged = _as_next(
        _mutated(reordered, tmp_path / "forged.cdsync", ctx, "partner", forge(10**12)),
        tmp_path / "forged2.cdsync",
        ctx,
        2,
    )
    assert hq.ingest(forged, tmp_path / "acks").status == "accepted"
    after = next(r for r in hq.records("partner") if r.id == partner.id)
    assert {k: after.data[k] for k in HQ_OWNED["partner"]} == owned_before
    assert after.data["address"] == "新地址 1 号"  # the rest of the card still merges
    lost = {c["field"]: c for c in hq.conflicts() if c["record_id"] == partner.id}
    assert set(lost) == set(HQ_OWNED["partner"])
    assert (
        lost["grade"]["loser_value"] == grade
        and lost["grade"]["winner_value"] == owned_before["grade"]
    )
    assert lost["code"]["loser_value"] == "HIJACKED"
    _hq_commands_work(hq, ctx, tmp_path, "owned")
    ctx.close()


def test_a_laptop_edit_of_an_hq_owned_field_does_not_reach_hq(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """The ordinary laptop: a grade changed on the laptop after HQ holds the partner
    (here straight in its database, as an old build or a hand-edited file would) stays
    there; HQ keeps its grade and shows the attempt as a conflict."""
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    assert (
        hq.ingest(export_bundle(ctx, tmp_path / "one.cdsync").path, tmp_path / "acks").status
        == "accepted"
    )
    with ctx.session() as s:
        p = s.query(Partner).filter(Partner.code == "P001").one()
        pid, old = p.id, p.grade
        grade = "A" if old != "A" else "B"
        stamp = ctx.tick()
        s.execute(
            update(Partner)
            .where(Partner.id == pid)
            .values(grade=grade, hlc=stamp, field_hlc={**(p.field_hlc or {}), "grade": stamp})
        )
    assert (
        hq.ingest(export_bundle(ctx, tmp_path / "two.cdsync").path, tmp_path / "acks").status
        == "accepted"
    )
    assert next(r for r in hq.records("partner") if r.id == pid).data["grade"] == old
    assert [(c["field"], c["loser_value"]) for c in hq.conflicts() if c["record_id"] == pid] == [
        ("grade", grade)
    ]
    ctx.close()


def _as_next(src: Path, dst: Path, ctx, n: int) -> Path:  # type: ignore[no-untyped-def]
    """``src`` as a later bundle of its device (a new bundle id, seq + ``n``): not a replay."""
    with zipfile.ZipFile(src) as z:
        manifest = json.loads(z.read("manifest.json"))
    manifest.update(bundle_id=f"0190d6a8-0000-7000-8000-{n:012x}", seq=manifest["seq"] + n)
    return _with_manifest(src, dst, ctx, manifest)


def _with_manifest(src: Path, dst: Path, ctx, manifest: dict[str, Any]) -> Path:  # type: ignore[no-untyped-def]
    raw = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            body = (
                raw
                if info.filename == "manifest.json"
                else signing.sign(load_private_key(ctx), raw).encode()
                if info.filename == "manifest.sig"
                else zin.read(info)
            )
            zout.writestr(info, body)
    return dst


@pytest.mark.parametrize("seq", [10**30, 2**63, 2**31, 0, -1, True, 1.5])
def test_a_seq_out_of_range_is_a_logged_rejection(hq: Hq, tmp_path: Path, seq: Any) -> None:  # noqa: F811
    """Reproduction 3: a validly signed manifest with seq 10^30 or 2^63 crashed the
    ingest ("Python int too large"); now a rejection like any other, logged."""
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    with zipfile.ZipFile(good) as z:
        manifest = json.loads(z.read("manifest.json"))
    before = hq.stats()
    result = hq.ingest(
        _with_manifest(good, tmp_path / "seq.cdsync", ctx, {**manifest, "seq": seq}),
        tmp_path / "acks",
    )
    assert result.status == "rejected" and "seq" in result.reason
    assert hq.stats() == before
    assert "seq" in (hq.key_dir / "hq-rejections.log").read_text(encoding="utf-8")
    result = hq.ingest(
        _with_manifest(good, tmp_path / "base.cdsync", ctx, {**manifest, "base_ack_seq": 10**30}),
        tmp_path / "acks",
    )
    assert result.status == "rejected" and "base_ack_seq" in result.reason
    ctx.close()


def test_the_laptop_refuses_a_malformed_down_bundle(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """HQ's down-bundle is checked against the same schemas before anything is applied."""
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    assert (
        hq.ingest(export_bundle(ctx, tmp_path / "one.cdsync").path, tmp_path / "acks").status
        == "accepted"
    )
    down = hq.publish(ctx.device_id, tmp_path / "down.cdsync", reference_data_for_publish())
    records = _read_records(down)
    records["partner"][0]["data"]["grade"] = "Z"
    bad = _rebuild_hq(down, tmp_path / "bad.cdsync", hq, records)
    with pytest.raises(BundleRejected, match="field grade"):
        import_hq_bundle(ctx, bad)
    import_hq_bundle(ctx, down)
    ctx.close()


def line_bytes(row: dict[str, Any]) -> bytes:
    """One record line as the exporter writes it, or with escapes where a hostile text
    cannot be UTF-8 (a lone surrogate)."""
    try:
        return (
            json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
            + b"\n"
        )
    except UnicodeEncodeError:
        return json.dumps(row, sort_keys=True, separators=(",", ":")).encode() + b"\n"


def _rebuild_hq(src: Path, dst: Path, server: Hq, records: dict[str, list[dict[str, Any]]]) -> Path:
    """A down-bundle with other records, signed by HQ again."""
    import hashlib

    with zipfile.ZipFile(src) as zin:
        manifest = json.loads(zin.read("manifest.json"))
    files = []
    bodies = {}
    for entity, rows in records.items():
        body = b"".join(line_bytes(r) for r in rows)
        bodies[f"records/{entity}.jsonl"] = body
        files.append(
            {
                "path": f"records/{entity}.jsonl",
                "size": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
                "records": len(rows),
            }
        )
    manifest["files"] = files
    raw = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    with zipfile.ZipFile(dst, "w") as zout:
        zout.writestr("manifest.json", raw)
        zout.writestr("manifest.sig", signing.sign(server._key(), raw))
        for name, body in bodies.items():
            zout.writestr(name, body)
    return dst


UNCHECKED_REFERENCES = {
    ("partner", "merged_into_id"),
    ("lifecycle_event", "survivor_id"),
    ("rectification_order", "verified_visit_id"),
    ("callback_call", "draw_id"),
    ("visit", "template_id"),
}


def test_references_the_planner_does_not_carry_are_not_looked_up(hq: Hq, tmp_path: Path) -> None:  # noqa: F811
    """docs/sync_format.md, "References": a reference outside the looked-up parent keys
    may name a record HQ has not got (a later part of a split export, an HQ template):
    the bundle is accepted and every HQ command and the laptop's import still work. A
    looked-up key naming nothing is still rejected."""
    import uuid

    from app.sync.schema import PARENT_KEYS

    assert not {key for _entity, key in UNCHECKED_REFERENCES} & set(PARENT_KEYS)
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    dangling = _read_records(good)
    answer = dangling["visit_answer"][0]
    answer["data"]["visit_id"] = str(uuid.uuid4())
    result = hq.ingest(
        _rebuild(good, tmp_path / "dangling.cdsync", ctx, dangling), tmp_path / "acks"
    )
    assert result.status == "rejected"
    assert f"visit_answer {answer['id']} refers to an unknown visit" in result.reason
    records = _read_records(good)
    changed = 0
    for entity, key in sorted(UNCHECKED_REFERENCES):
        assert key in schemas()[entity].fields, (entity, key)
        if records.get(entity):
            records[entity][0]["data"][key] = str(uuid.uuid4())
            changed += 1
    assert changed >= 2  # the seeded laptop has partners and a visit at least
    result = hq.ingest(_rebuild(good, tmp_path / "refs.cdsync", ctx, records), tmp_path / "acks")
    assert result.status == "accepted", result.reason
    _hq_commands_work(hq, ctx, tmp_path, "refs")
    ctx.close()
