"""The batched sync paths (issue 7 performance): export rows read with Core selects equal
what the ORM gives; HQ ingest gives the same database whatever the chunk size (chunk
boundaries inside an entity, lookups split over several queries), on SQLite and a real
PostgreSQL; records repeated within one bundle across chunks merge with their earlier
version; a sealed record repeated with other content is rejected and changes nothing;
the strict line reader keeps its rules."""
# ruff: noqa: F811  (pytest fixtures imported from another test module)

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, select, text

from app.errors import BundleRejected
from app.hq import records as hq_records
from app.hq.server import Hq
from app.services import partner_edit, partner_read
from app.services.device import load_private_key
from app.services.sync import export_bundle
from app.services.sync_records import model_of, record_lines
from app.sync import record_codec, signing
from db.models import SYNC_TABLES, Contact, Visit
from tests.unit.services.test_sync import hq, hq_url, make_laptop, pg_url, seed  # noqa: F401  (fixtures)


def _records(server: Hq) -> dict[str, dict[str, Any]]:
    with server.sessions() as s:
        from db.hq.models import Record

        return {
            f"{r.entity}/{r.id}": {
                "hlc": r.hlc,
                "voided": r.voided,
                "data": r.data,
                "field_hlc": r.field_hlc,
            }
            for r in s.scalars(select(Record))
        }


def _rebuild(src: Path, dst: Path, ctx, records: dict[str, list[dict[str, Any]]]) -> Path:  # type: ignore[no-untyped-def]
    """``src`` with its records files replaced by ``records`` (manifest sizes, hashes and
    counts updated, signed again by the laptop's key)."""
    with zipfile.ZipFile(src) as zin:
        manifest = json.loads(zin.read("manifest.json"))
        blobs = {n: zin.read(n) for n in zin.namelist() if n.startswith("blobs/")}
    files = [f for f in manifest["files"] if f["path"].startswith("blobs/")]
    bodies = {}
    for entity, rows in records.items():
        body = b"".join(
            json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
            + b"\n"
            for r in rows
        )
        name = f"records/{entity}.jsonl"
        bodies[name] = body
        files.append(
            {
                "path": name,
                "size": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
                "records": len(rows),
            }
        )
    manifest["files"] = files
    raw = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    with zipfile.ZipFile(dst, "w") as zout:
        zout.writestr("manifest.json", raw)
        zout.writestr("manifest.sig", signing.sign(load_private_key(ctx), raw))
        for name, body in {**bodies, **blobs}.items():
            zout.writestr(name, body)
    return dst


def _jsonable(value: Any) -> Any:
    """An ORM value as the export writes it (aware ISO text for dates and datetimes)."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _read_records(path: Path) -> dict[str, list[dict[str, Any]]]:
    with zipfile.ZipFile(path) as z:
        return {
            n[8:-6]: [json.loads(line) for line in z.read(n).splitlines()]
            for n in z.namelist()
            if n.startswith("records/")
        }


def test_export_rows_equal_what_the_orm_gives(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Lines read through the SQLite driver carry what the ORM gives (datetimes as aware
    ISO text, booleans, parsed JSON), in canonical form."""
    from app.services.device import initialise_device
    from app.sync.record_codec import encode_line

    initialise_device(ctx, user="u", territory=["3101"])
    seed(ctx, tmp_path)
    with (
        ctx.session() as s
    ):  # one voided row (void_reason goes into data); values SQLite must quote as Python does
        contact = s.scalars(select(Contact)).first()
        contact.voided, contact.void_reason = True, "离职\n'引号' \"q\" \\ \t\x01\u2028"
        contact.name = "A\"\\\n\t\x01\x1f\x7f中文é'"
        visit = s.scalars(select(Visit).where(Visit.status == "submitted")).first()
        visit.notes, visit.score, visit.latitude, visit.longitude = (
            "第一行\r\n第二行",
            87.33333333333333,
            31.230416123456789,
            1e-7,
        )
    with (
        ctx.session() as s
    ):  # a datetime stored without microseconds (written by other SQL): Python renders that column
        s.execute(
            text("UPDATE visit SET started_at = '2026-05-01 10:00:00' WHERE id = :id"),
            {"id": visit.id},
        )
    with ctx.read_session() as s:
        submitted = set(s.scalars(select(Visit.id).where(Visit.status == "submitted")))
    total = 0
    for entity in SYNC_TABLES:
        model = model_of(entity)
        expected = []
        with ctx.read_session() as s:
            for obj in s.scalars(select(model).where(model.hlc.like(f"%:{ctx.device_id}"))):
                if (entity == "visit" and obj.status != "submitted") or (
                    hasattr(obj, "visit_id")
                    and obj.visit_id is not None
                    and obj.visit_id not in submitted
                ):
                    continue
                data = {
                    c.key: _jsonable(getattr(obj, c.key))
                    for c in inspect(model).columns
                    if c.key
                    not in ("id", "hlc", "created_at", "updated_at", "voided", "void_reason")
                }
                if obj.voided:
                    data["void_reason"] = obj.void_reason
                record = {
                    "base_hlc": "b",
                    "data": data,
                    "hlc": obj.hlc,
                    "id": obj.id,
                    "op": "void" if obj.voided else "upsert",
                }
                expected.append(json.loads(json.dumps(record)))
        lines = [
            line
            for block in record_lines(ctx, entity, "", "~", ctx.device_id, "b")
            for line in block
        ]
        assert all(encode_line(json.loads(line)) == line for line in lines)
        got = [json.loads(line) for line in lines]
        assert sorted(got, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"]), entity
        total += len(got)
    assert total > 20
    visit = json.loads(next(record_lines(ctx, "visit", "", "~", ctx.device_id, None))[0])
    assert visit["base_hlc"] is None and visit["data"]["submitted_at"].endswith("+00:00")
    assert any(
        json.loads(line)["op"] == "void"
        for block in record_lines(ctx, "contact", "", "~", ctx.device_id, None)
        for line in block
    )


def test_chunk_size_does_not_change_the_result(
    hq: Hq,
    tmp_path: Path,
    hq_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    first = export_bundle(ctx, tmp_path / "a.cdsync")
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, "P001").partner)
    data.name = "改名后的门店"
    partner_edit.save_partner(ctx, data, partner_read.partner_detail(ctx, "P001").partner.id)
    second = export_bundle(
        ctx, tmp_path / "b.cdsync"
    )  # a superset: every record again, P001 changed
    assert hq.ingest(first.path, tmp_path / "acks").status == "accepted"
    assert hq.ingest(second.path, tmp_path / "acks").status == "accepted"
    reference = _records(hq)
    stats = hq.stats()["tables"]
    assert stats["visit_answer"]["rows"] > 3
    # the same bundles with chunks of 2 records and lookups of 1 id per query
    monkeypatch.setattr(hq_records, "BATCH", 2)
    monkeypatch.setattr(hq_records, "LOOKUP", 1)
    (tmp_path / "hq2").mkdir()
    url = f"sqlite:///{tmp_path / 'hq2' / 'hq.sqlite'}"
    if hq_url.startswith("postgresql"):
        from tests import pg

        url = pg.create_database(
            hq_url, "hq_small_" + hashlib.sha256(str(tmp_path).encode()).hexdigest()[:10]
        )
    small = Hq(url, tmp_path / "hq2")
    small.init()
    small.register_device(tmp_path / "lap.key.json")
    assert small.ingest(first.path, tmp_path / "acks2").status == "accepted"
    assert small.ingest(second.path, tmp_path / "acks2").status == "accepted"
    assert small.ingest(second.path, tmp_path / "acks2").status == "duplicate"
    assert _records(small) == reference
    assert small.stats()["tables"] == stats
    assert [r.data["name"] for r in small.records("partner") if r.data["code"] == "P001"] == [
        "改名后的门店"
    ]
    small.close()
    ctx.close()


def test_a_record_repeated_across_chunks_merges_with_its_earlier_version(
    hq: Hq,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    records = _read_records(good)
    partner = records["partner"][0]
    newer_hlc = partner["hlc"][:15] + ":999999:" + ctx.device_id
    later = json.loads(json.dumps(partner))
    later["hlc"] = newer_hlc
    later["data"]["address"] = "后来的地址"
    later["data"]["field_hlc"] = {**later["data"].get("field_hlc", {}), "address": newer_hlc}
    answer = records["visit_answer"][0]
    # partner: the newer version first, two others, then the older version (chunks of 2:
    # in another chunk), which must lose field by field; a sealed answer sent twice with
    # the same content is a no-op
    records["partner"] = [later, *records["partner"][1:], partner]
    records["visit_answer"] = [*records["visit_answer"], answer]
    monkeypatch.setattr(hq_records, "BATCH", 2)
    bundle = _rebuild(good, tmp_path / "repeated.cdsync", ctx, records)
    result = hq.ingest(bundle, tmp_path / "acks")
    assert result.status == "accepted", result.reason
    stored = next(r for r in hq.records("partner") if r.id == partner["id"])
    assert stored.data["address"] == "后来的地址" and stored.hlc == newer_hlc
    assert stored.field_hlc["address"] == newer_hlc
    assert stored.data["name"] == partner["data"]["name"]
    assert hq.stats()["tables"]["visit_answer"]["rows"] == len(records["visit_answer"]) - 1
    assert hq.conflicts() == []  # one device's own successive versions are not conflicts
    ctx.close()


def test_a_sealed_record_repeated_with_other_content_is_rejected(
    hq: Hq,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    records = _read_records(good)
    answer = json.loads(json.dumps(records["visit_answer"][0]))
    answer["data"]["value"] = "tampered"
    records["visit_answer"] = [*records["visit_answer"], answer]
    monkeypatch.setattr(hq_records, "BATCH", 2)
    before = hq.stats()
    result = hq.ingest(_rebuild(good, tmp_path / "twice.cdsync", ctx, records), tmp_path / "acks")
    assert result.status == "rejected" and "sealed" in result.reason
    assert hq.stats() == before
    # the photos copied while the bundle was read are gone again: nothing half-published
    assert [p for p in hq.blob_dir.rglob("*") if p.is_file()] == []
    assert hq.ingest(good, tmp_path / "acks").status == "accepted"
    stored = [p for p in hq.blob_dir.rglob("*") if p.is_file()]
    assert stored and all(
        p.name == hashlib.sha256(p.read_bytes()).hexdigest() for p in stored
    )  # no temporary files left
    ctx.close()


def test_references_outside_the_bundle_are_checked_against_hq(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    records = _read_records(good)
    # answers without their visit: rejected while HQ lacks the visit, accepted once it has it
    only_answers = {"visit_answer": records["visit_answer"]}
    orphan = _rebuild(good, tmp_path / "orphans.cdsync", ctx, only_answers)
    result = hq.ingest(orphan, tmp_path / "acks")
    assert result.status == "rejected" and "unknown visit" in result.reason
    assert hq.ingest(good, tmp_path / "acks").status == "accepted"
    with zipfile.ZipFile(good) as z:
        manifest = json.loads(z.read("manifest.json"))
    later = _rebuild(good, tmp_path / "later.cdsync", ctx, only_answers)
    # a new bundle id and seq for the same answers (HQ now has their visit and photos)
    with zipfile.ZipFile(later) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    m2 = json.loads(entries["manifest.json"])
    m2.update(bundle_id=manifest["bundle_id"][:-4] + "beef", seq=manifest["seq"] + 1)
    m2["files"] = [f for f in m2["files"] if f["path"].startswith("records/")]
    raw = json.dumps(m2, sort_keys=True, separators=(",", ":")).encode()
    with zipfile.ZipFile(tmp_path / "later2.cdsync", "w") as z:
        z.writestr("manifest.json", raw)
        z.writestr("manifest.sig", signing.sign(load_private_key(ctx), raw))
        z.writestr("records/visit_answer.jsonl", entries["records/visit_answer.jsonl"])
    assert hq.ingest(tmp_path / "later2.cdsync", tmp_path / "acks").status == "accepted"
    ctx.close()


@pytest.mark.parametrize(
    "body, line",
    [
        (b'{"a":1}\n\n{"b":2}\n', 2),
        (b'{"a":1,"a":2}\n', 1),
        (b'{"a":NaN}\n', 1),
        (b'{"a":1} {"b":1}\n', 1),
        (b'{"a":1}\n\xff\n', 2),
        (b'{"a":1}\n\n', 2),
        (b'{"a":[1,\n2]}\n', 1),
    ],
)
def test_record_lines_stay_strict(body: bytes, line: int) -> None:
    with pytest.raises(BundleRejected, match=f"line {line}:"):
        record_codec._parse_lines("records/x.jsonl", body)


def test_record_lines_allow_what_json_allows_around_a_value() -> None:
    assert record_codec._parse_lines("records/x.jsonl", b' {"a":1} \n{"b":[1,2]}') == [
        {"a": 1},
        {"b": [1, 2]},
    ]
    assert record_codec._parse_lines("records/x.jsonl", b"") == []


def test_exported_lines_are_canonical(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Lines built by SQLite around Python-encoded holes (template bodies, floats,
    datetimes) are byte for byte the canonical encoding of the record."""
    from app.services.device import initialise_device
    from app.sync.record_codec import encode_line

    initialise_device(ctx, user="u", territory=["3101"])
    seed(ctx, tmp_path)
    with zipfile.ZipFile(export_bundle(ctx, tmp_path / "b.cdsync").path) as z:
        visits = z.read("records/visit.jsonl").splitlines()
        lines = [
            line.decode()
            for n in z.namelist()
            if n.startswith("records/")
            for line in z.read(n).splitlines()
        ]
    assert len(json.dumps(json.loads(visits[0])["data"]["template_body"])) > 1024
    assert all(encode_line(json.loads(line)) == line for line in lines)


def test_canonical_files_are_read_in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A canonical records file is read a part at a time: the lines and data texts are
    those of the whole file, the sink hears of every line once and in order; a part that
    is not canonical sends the whole file to the line reader (same values)."""
    import itertools

    from app.sync.record_codec import encode_line

    monkeypatch.setattr(record_codec, "CANONICAL_BYTES", 300)
    monkeypatch.setattr(record_codec, "SINK_LINES", 3)
    rows = [
        {
            "base_hlc": None,
            "data": {"n": i, "name": "名" * (i % 5), "tags": ["a", "b"][: i % 3]},
            "hlc": f"001796663424766:{i:06d}:node",
            "id": f"id-{i}",
            "op": "upsert",
        }
        for i in range(40)
    ]
    body = "".join(encode_line(r) + "\n" for r in rows).encode()
    heard: list[tuple[int, int]] = []
    seen_rows: list[int] = []  # lines read when the sink heard of a run
    parsed = record_codec.parse_records(
        "records/x.jsonl",
        body,
        lambda p, a, b: (heard.append((a, b)), seen_rows.append(len(p.rows))),
    )
    assert parsed.rows == rows
    assert parsed.data_text == [encode_line(r["data"]) for r in rows]
    assert heard[0][0] == 0 and heard[-1][1] == len(rows)
    assert all(a == b_prev for (_a, b_prev), (a, _b) in itertools.pairwise(heard))
    assert seen_rows[0] < len(rows)  # in parts, not all at the end
    # a later line with a space: not canonical; the line reader gives the same values
    odd = body[:-1] + b" \n"
    again = record_codec.parse_records("records/x.jsonl", odd)
    assert again.rows == rows and again.data_text[0] == encode_line(rows[0]["data"])
    assert record_codec._parse_canonical(odd) is None
    assert record_codec._parse_canonical(body[:-1]).rows == rows  # no newline at the end
