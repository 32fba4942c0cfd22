"""HQ publishes development records (issue 20): ``hq devrecords import`` checks rows as the
laptop does and keeps the phones encrypted under HQ's key; ``hq publish`` puts the records
of the device's territory into its down-bundle with each phone sealed to the device's
X25519 key; ``sync import`` opens them, encrypts them again under the laptop's record key,
skips the ones imported locally (HMAC) and the callback draw takes them. A down-bundle
whose envelope is wrong or garbled is refused whole, nothing changed. The phone digits
appear nowhere in clear: not in HQ's database, the down-bundle, the laptop or the logs.
SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.errors import BundleRejected, ValidationError
from app.hq import authoring
from app.hq.devrecords import import_dev_records as hq_import
from app.hq.devrecords import publish_note, record_count
from app.hq.server import Hq
from app.services import callbacks, devrecords, partner_io
from app.services.device import export_public_key
from app.services.sheet_read import read_table
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from app.sync import sealed, signing
from tests.unit.services import test_sync
from tests.unit.services.test_duties_callbacks import PHONES, records_csv
from tests.unit.services.test_partners_and_visits import CSV
from tests.unit.services.test_sync import make_laptop

pg_url, hq_url, hq = test_sync.pg_url, test_sync.hq_url, test_sync.hq  # SQLite and PostgreSQL


def _laptop(hq: Hq, tmp_path: Path, name: str = "lap"):  # type: ignore[no-untyped-def]
    """A registered laptop whose partners HQ holds (through one ingested bundle)."""
    ctx = make_laptop(tmp_path, name, hq)
    partners = tmp_path / f"{name}-p.csv"
    partners.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, partners)
    up = export_bundle(ctx, tmp_path / f"{name}-up.cdsync").path
    assert hq.ingest(up, tmp_path).status == "accepted"
    return ctx


def _hq_import(hq: Hq, path: Path) -> dict[str, int]:
    return hq_import(hq, read_table(path), path.name).to_json()


def _publish(hq: Hq, ctx, tmp_path: Path, name: str = "down.cdhq") -> Path:  # type: ignore[no-untyped-def]
    return hq.publish(ctx.device_id, tmp_path / name, authoring.reference_for_publish(hq))


def _local_records(ctx) -> list[Any]:  # type: ignore[no-untyped-def]
    from db.models import DevRecord

    with ctx.read_session() as s:
        return list(s.scalars(select(DevRecord).order_by(DevRecord.id)))


def _holding(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_hq_import_validates_like_the_laptop(hq: Hq, tmp_path: Path) -> None:
    _laptop(hq, tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,partner_code,phone,kind,amount\n2026-03-01,P001,13912340000,new,1\n"
        "2026-02-30,NOPE,1391234,odd,-3\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as err:
        _hq_import(hq, bad)
    details = "\n".join(err.value.details)
    for column in ("date", "partner_code", "phone", "kind", "amount"):
        assert f"row 3, column {column}" in details
    assert "1391234" not in details and "nothing was imported" in err.value.message
    assert record_count(hq) == 0
    bad.write_text("date,partner_code\n2026-03-01,P001\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="missing required column"):
        _hq_import(hq, bad)
    path = records_csv(tmp_path / "r.csv")
    assert _hq_import(hq, path) == {"rows": 40, "created": 40, "skipped": 0}
    assert _hq_import(hq, path) == {"rows": 40, "created": 0, "skipped": 40}
    assert record_count(hq) == 40
    assert (hq.key_dir / "hq_records.key").stat().st_mode & 0o777 == 0o600


def test_published_records_reach_the_laptop_and_the_draw(hq: Hq, tmp_path: Path) -> None:
    ctx = _laptop(hq, tmp_path)
    # ten of them the laptop imported itself: the same records are not taken twice
    devrecords.import_dev_records(ctx, records_csv(tmp_path / "mine.csv", phones=PHONES[:10]))
    assert _hq_import(hq, records_csv(tmp_path / "r.csv")) == {
        "rows": 40,
        "created": 40,
        "skipped": 0,
    }
    old = records_csv(  # past HQ's retention period (90 days): purged, never published
        tmp_path / "old.csv", day=dt.date.today() - dt.timedelta(days=200), phones=["13700000000"]
    )
    assert _hq_import(hq, old)["created"] == 1
    assert record_count(hq) == 41
    _hq_import(hq, records_csv(tmp_path / "r.csv", phones=["13700000001"]))
    assert record_count(hq) == 41  # the old one purged by the next import
    bundle = _publish(hq, ctx, tmp_path)
    with zipfile.ZipFile(bundle) as z:
        manifest = json.loads(z.read("manifest.json"))
        lines = [json.loads(x) for x in z.read("records/dev_record.jsonl").splitlines()]
    assert len(lines) == 41 and manifest["sealed"]["alg"] == sealed.ALGORITHM
    assert set(lines[0]["data"]) == {
        "partner_id",
        "record_date",
        "product",
        "customer_ref",
        "amount_fen",
        "kind",
        "phone_sealed",
    }
    assert publish_note(hq, ctx.device_id) is None
    import_hq_bundle(ctx, bundle)
    local = _local_records(ctx)
    assert len(local) == 41
    assert sorted(r.source for r in local).count("hq") == 31
    assert all(r.phone_masked.startswith(("139****", "137****")) for r in local)
    import_hq_bundle(ctx, _publish(hq, ctx, tmp_path, "again.cdhq"))  # nothing new
    assert len(_local_records(ctx)) == 41
    draw = callbacks.draw_callbacks(ctx)
    assert draw.population == 41
    assert {c.partner_code for c in draw.calls} == {"P001", "P002", "P003"}
    from db.models import CallbackCall, DevRecord

    with ctx.read_session() as s:
        sources = list(
            s.scalars(
                select(DevRecord.source)
                .join(CallbackCall, CallbackCall.record_id == DevRecord.id)
                .where(CallbackCall.id.in_([c.id for c in draw.calls]))
            )
        )
    assert len(sources) == draw.drawn and "hq" in sources  # HQ's records are drawn too
    revealed = {callbacks.reveal_phone(ctx, c.id) for c in draw.calls}
    assert revealed <= {*PHONES, "13700000001"}
    # a laptop of another territory gets none of them
    other = make_laptop(tmp_path, "other", hq, territory="4403")
    with zipfile.ZipFile(_publish(hq, other, tmp_path, "other.cdhq")) as z:
        assert "records/dev_record.jsonl" not in z.namelist()
        assert "sealed" not in json.loads(z.read("manifest.json"))


def test_no_phone_in_clear_at_hq_in_the_bundle_or_the_logs(hq: Hq, tmp_path: Path) -> None:
    ctx = _laptop(hq, tmp_path)
    _hq_import(hq, records_csv(tmp_path / "r.csv"))
    out = tmp_path / "out"
    out.mkdir()
    bundle = _publish(hq, ctx, out)
    import_hq_bundle(ctx, bundle)
    draw = callbacks.draw_callbacks(ctx)
    callbacks.record_outcome(ctx, draw.calls[0].id, "fake", note="客户说没有办理")
    # what goes back up, and the laptop's backup, hold none of HQ's records' phones either
    from app.services.backup import create_backup

    up = export_bundle(ctx, out / "up.cdsync")
    assert "dev_record" not in up.counts and up.counts["callback_call"] == draw.drawn
    assert hq.ingest(up.path, out).status == "accepted"
    create_backup(ctx, out / "backup.zip")
    from app.hq.reports import write_hq_month_report

    write_hq_month_report(hq, dt.date.today().strftime("%Y-%m"), out / "hq-month.pdf")
    ctx.close()
    hq.engine.dispose()
    with zipfile.ZipFile(bundle) as z:
        entries = [z.read(name) for name in z.namelist()]
    db_dump: list[str] = []
    if hq.url.startswith("postgresql"):  # the server's files are not ours: its rows as text
        with hq.engine.connect() as conn:
            db_dump = [
                str(row)
                for table in ("dev_record", "record", "hq_meta", "device")
                for row in conn.exec_driver_sql(f"SELECT * FROM {table}")
            ]
    for phone in PHONES:
        needle = phone.encode()
        assert _holding(hq.key_dir, needle) == [], phone  # HQ's database file, logs, keys
        assert _holding(out, needle) == [], phone  # the bundles, backup, HQ's PDF
        assert all(needle not in data for data in entries), phone  # and each entry inflated
        assert _holding(ctx.paths.root, needle) == [], phone  # the laptop and its logs
        assert not any(phone in text for text in db_dump), phone


def test_a_device_registered_without_an_encryption_key(hq: Hq, tmp_path: Path) -> None:
    ctx = _laptop(hq, tmp_path)
    # the device as an older build registered it: its key file had no X25519 key
    from db.hq.models import Device

    with hq.sessions.begin() as s:
        device = s.get(Device, ctx.device_id)
        assert device is not None
        device.x25519_public_key = None
    assert publish_note(hq, ctx.device_id) is None  # nothing to publish yet: nothing to say
    _hq_import(hq, records_csv(tmp_path / "r.csv"))
    note = publish_note(hq, ctx.device_id)
    assert note is not None and "device export-key" in note
    bundle = _publish(hq, ctx, tmp_path)
    with zipfile.ZipFile(bundle) as z:
        assert "records/dev_record.jsonl" not in z.namelist()
    import_hq_bundle(ctx, bundle)  # the rest of the bundle applies as before
    assert _local_records(ctx) == []
    hq.register_device(export_public_key(ctx, tmp_path / "k.json"))
    assert publish_note(hq, ctx.device_id) is None
    import_hq_bundle(ctx, _publish(hq, ctx, tmp_path, "now.cdhq"))
    assert len(_local_records(ctx)) == 40


# -- hostile down-bundles -------------------------------------------------------------


def _resigned(hq: Hq, src: Path, dst: Path, mutate: Callable[[dict, dict], None]) -> Path:
    """``src`` with its manifest and records changed by ``mutate(manifest, lines)``
    (``lines``: entity → list of record dicts), the manifest's sizes and hashes made
    right again and signed by HQ: only the envelope is wrong."""
    with zipfile.ZipFile(src) as z:
        manifest = json.loads(z.read("manifest.json"))
        files = {n: z.read(n) for n in z.namelist() if n not in ("manifest.json", "manifest.sig")}
    lines = {
        n[len("records/") : -len(".jsonl")]: [json.loads(x) for x in data.splitlines()]
        for n, data in files.items()
        if n.startswith("records/")
    }
    mutate(manifest, lines)
    for entity, rows in lines.items():
        files[f"records/{entity}.jsonl"] = b"".join(
            json.dumps(r, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" for r in rows
        )
    for entry in manifest["files"]:
        data = files[entry["path"]]
        entry["size"], entry["sha256"] = len(data), hashlib.sha256(data).hexdigest()
    body = json.dumps(manifest, sort_keys=True, separators=(",", ":")).encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", body)
        z.writestr("manifest.sig", signing.sign(hq._key(), body))
        for name, data in files.items():
            z.writestr(name, data)
    return dst


def _state(ctx) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from db.models import DevRecord, DutyRule, Partner, PartnerPublished

    with ctx.read_session() as s:
        return {
            m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (DevRecord, Partner, PartnerPublished, DutyRule)
        }


def test_a_wrong_or_garbled_envelope_refuses_the_whole_bundle(hq: Hq, tmp_path: Path) -> None:
    ctx = _laptop(hq, tmp_path)
    _hq_import(hq, records_csv(tmp_path / "r.csv"))
    good = _publish(hq, ctx, tmp_path)
    before = _state(ctx)
    assert before["dev_record"] == 0

    def flip_phone(manifest: dict, lines: dict) -> None:
        raw = bytearray(base64.b64decode(lines["dev_record"][3]["data"]["phone_sealed"]))
        raw[20] ^= 0x40
        lines["dev_record"][3]["data"]["phone_sealed"] = base64.b64encode(bytes(raw)).decode()

    def swap_phones(manifest: dict, lines: dict) -> None:
        a, b = lines["dev_record"][0]["data"], lines["dev_record"][1]["data"]
        a["phone_sealed"], b["phone_sealed"] = b["phone_sealed"], a["phone_sealed"]

    def drop_envelope(manifest: dict, lines: dict) -> None:
        del manifest["sealed"]

    def other_epk(manifest: dict, lines: dict) -> None:
        stranger = sealed.public_of(sealed.generate_private())
        manifest["sealed"]["epk"] = base64.b64encode(stranger).decode()

    def garbled_epk(manifest: dict, lines: dict) -> None:
        manifest["sealed"]["epk"] = "%%%"

    def other_algorithm(manifest: dict, lines: dict) -> None:
        manifest["sealed"]["alg"] = "X25519-XSALSA20-POLY1305"

    def not_base64(manifest: dict, lines: dict) -> None:
        lines["dev_record"][0]["data"]["phone_sealed"] = "not base64 at all"

    def phone_in_clear(manifest: dict, lines: dict) -> None:
        lines["dev_record"][0]["data"]["phone"] = "13912340000"

    cases = {
        flip_phone: "does not open",
        swap_phones: "does not open",
        drop_envelope: "no envelope",
        other_epk: "does not open",
        garbled_epk: "damaged",
        other_algorithm: "damaged",
        not_base64: "does not open",
        phone_in_clear: "field phone",
    }
    for mutate, reason in cases.items():
        bad = _resigned(hq, good, tmp_path / f"{mutate.__name__}.cdhq", mutate)
        with pytest.raises(BundleRejected, match=reason) as err:
            import_hq_bundle(ctx, bad)
        assert err.value.message.startswith("HQ bundle refused"), mutate.__name__
        assert "1391234" not in err.value.message
        assert _state(ctx) == before, mutate.__name__
    # the device's key was replaced (its key store lost): sealed to another key
    ctx.paths.exchange_key.unlink()
    from app.services.pii import exchange_private_key

    exchange_private_key(ctx)
    with pytest.raises(BundleRejected, match="another key of this device"):
        import_hq_bundle(ctx, good)
    ctx.paths.exchange_key.unlink()
    with pytest.raises(BundleRejected, match="no encryption key"):
        import_hq_bundle(ctx, good)
    assert _state(ctx) == before
    # registered again, the next bundle opens
    hq.register_device(export_public_key(ctx, tmp_path / "k.json"))
    import_hq_bundle(ctx, _publish(hq, ctx, tmp_path, "fixed.cdhq"))
    assert _state(ctx)["dev_record"] == 40
