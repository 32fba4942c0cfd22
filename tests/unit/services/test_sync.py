"""Sync end to end at service level: laptop export → HQ ingest (SQLite and a real
PostgreSQL) → ack; idempotence and order independence; concurrent edits and tombstones;
every rejection rule with its own hostile file; HQ unchanged after a rejection."""

from __future__ import annotations

import hashlib
import itertools
import json
import uuid
import zipfile
from pathlib import Path

import pytest

from app.hq.server import Hq
from app.services import lifecycle, partner_edit, partner_io, partner_read, partner_records, visits
from app.services.device import export_public_key
from app.services.opening import open_context
from app.services.sync import apply_ack, export_bundle, sync_status
from app.services.sync_down import import_hq_bundle
from tests import pg
from tests.conftest import EXIF_DIR
from tests.unit.services.test_partners_and_visits import CSV, _answer_all


@pytest.fixture(scope="session")
def pg_url():  # type: ignore[no-untyped-def]
    if pg.server_bin() is None:
        pytest.skip("PostgreSQL server binaries are not installed")
    with pg.postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def hq_url(request, tmp_path: Path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}"
    url = request.getfixturevalue("pg_url")
    return pg.create_database(url, "hq_" + uuid.uuid4().hex[:12])


def make_laptop(tmp_path: Path, name: str, hq: Hq, territory: str = "3101"):  # type: ignore[no-untyped-def]
    from app.services.device import initialise_device

    ctx = open_context(tmp_path / name)
    initialise_device(
        ctx, user=name, territory=[territory], hq_key_file=hq.key_dir / "hq_public.key"
    )
    key = export_public_key(ctx, tmp_path / f"{name}.key.json")
    hq.register_device(key)
    return ctx


def seed(ctx, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / f"seed-{uuid.uuid4().hex}.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)
    visit_id = visits.new_visit(ctx, "P001")
    visits.attach_photos(ctx, visit_id, [EXIF_DIR / "Landscape_5.jpg"])
    _answer_all(ctx, visit_id, EXIF_DIR / "Landscape_2.jpg")
    visits.submit(ctx, visit_id)
    draft = visits.new_visit(ctx, "P002")
    visits.answer(ctx, draft, "signage", "yes")
    return visit_id


@pytest.fixture
def hq(tmp_path: Path, hq_url: str):  # type: ignore[no-untyped-def]
    (tmp_path / "hq").mkdir(exist_ok=True)
    server = Hq(hq_url, tmp_path / "hq")
    server.init()
    yield server
    server.close()


def test_round_trip_ack_and_incremental_export(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    visit_id = seed(ctx, tmp_path)
    first = export_bundle(ctx, tmp_path / "b1.cdsync")
    assert first.counts["visit"] == 1 and first.counts["partner"] == 3
    assert "visit_answer" in first.counts and first.counts["visit_photo"] == 2
    again = export_bundle(ctx, tmp_path / "b1b.cdsync")
    assert again.counts == first.counts  # re-export before the ack is a superset
    result = hq.ingest(first.path, tmp_path)
    assert result.status == "accepted", result.reason
    stats = hq.stats()
    for entity, count in first.counts.items():
        assert stats["tables"][entity]["rows"] == count
    photos = [r.data["sha256"] for r in hq.records("visit_photo")]
    for sha in photos:
        assert hashlib.sha256((hq.blob_dir / sha[:2] / sha).read_bytes()).hexdigest() == sha
    assert hq.ingest(first.path, tmp_path).status == "duplicate"
    assert hq.stats() == stats
    assert sync_status(ctx).pending_changes > 0
    apply_ack(ctx, result.ack_path)
    assert sync_status(ctx).pending_changes == 0
    empty = export_bundle(ctx, tmp_path / "b2.cdsync")
    assert empty.counts == {}
    partner_records.save_contact(ctx, "P003", "新联系人", "13700000000")
    third = export_bundle(ctx, tmp_path / "b3.cdsync")
    assert set(third.counts) <= {"contact", "partner"} and third.counts["contact"] == 1
    assert visits.visit_detail(ctx, visit_id)["status"] == "submitted"
    ctx.close()


def test_bundle_order_does_not_matter(tmp_path: Path, hq_url: str) -> None:
    (tmp_path / "hq").mkdir()
    hq = Hq(hq_url, tmp_path / "hq")
    hq.init()
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    bundles = [export_bundle(ctx, tmp_path / "a.cdsync").path]
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, "P001").partner)
    data.name = "改名后的门店"
    partner_edit.save_partner(ctx, data, partner_read.partner_detail(ctx, "P001").partner.id)
    bundles.append(export_bundle(ctx, tmp_path / "b.cdsync").path)
    lifecycle.record_lifecycle_event(ctx, "P002", "suspend", "整顿")
    bundles.append(export_bundle(ctx, tmp_path / "c.cdsync").path)
    results = []
    for order in itertools.permutations(bundles):
        name = "hq_" + uuid.uuid4().hex[:10]
        url = (
            f"sqlite:///{tmp_path / name}.sqlite"
            if hq_url.startswith("sqlite")
            else hq_url.rsplit("/", 1)[0] + "/" + name
        )
        if not url.startswith("sqlite"):
            pg.create_database(hq_url, name)
        other = Hq(url, tmp_path / "hq")
        other.init()
        other.register_device(tmp_path / "lap.key.json")
        for path in order:
            assert other.ingest(path, tmp_path / "acks").status == "accepted"
        results.append({k: v for k, v in other.stats().items() if k != "devices"})
        names = [r.data["name"] for r in other.records("partner") if r.data["code"] == "P001"]
        assert names == ["改名后的门店"]
        other.close()
    assert all(r == results[0] for r in results)
    ctx.close()
    hq.close()


def test_concurrent_edits_give_a_winner_and_a_conflict(hq: Hq, tmp_path: Path) -> None:
    a = make_laptop(tmp_path, "a", hq)
    b = make_laptop(tmp_path, "b", hq)
    seed(a, tmp_path)
    first = export_bundle(a, tmp_path / "a1.cdsync")
    assert hq.ingest(first.path, tmp_path).status == "accepted"
    # device b learns the partner from HQ, then both edit the address concurrently
    down = hq.publish(b.device_id, tmp_path / "down.cdsync", {})
    import_hq_bundle(b, down)
    pid = partner_read.partner_detail(a, "P001").partner.id
    for ctx, address in ((a, "甲地址"), (b, "乙地址")):
        with ctx.session() as s:
            from db.models import Partner

            s.get(Partner, pid).address = address
    ea, eb = export_bundle(a, tmp_path / "a2.cdsync"), export_bundle(b, tmp_path / "b2.cdsync")
    assert hq.ingest(eb.path, tmp_path).status == "accepted"
    assert hq.ingest(ea.path, tmp_path).status == "accepted"
    record = next(r for r in hq.records("partner") if r.id == pid)
    conflicts = [c for c in hq.conflicts() if c["record_id"] == pid and c["field"] == "address"]
    assert len(conflicts) == 1
    assert {conflicts[0]["winner_value"], conflicts[0]["loser_value"]} == {"甲地址", "乙地址"}
    assert record.data["address"] == conflicts[0]["winner_value"]
    a.close()
    b.close()


def _rewrite(src: Path, dst: Path, mutate) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as zin:
        entries = [(i, zin.read(i.filename)) for i in zin.infolist()]
    entries = mutate(entries)
    import warnings

    with warnings.catch_warnings(), zipfile.ZipFile(dst, "w") as zout:
        warnings.simplefilter("ignore")  # duplicate names are the point of one case
        for info, data in entries:
            zout.writestr(info, data)
    return dst


def _resign(ctx, entries):  # type: ignore[no-untyped-def]
    from app.services.device import load_private_key
    from app.sync import signing

    manifest = next(d for i, d in entries if i.filename == "manifest.json")
    sig = signing.sign(load_private_key(ctx), manifest)
    return [(i, sig.encode() if i.filename == "manifest.sig" else d) for i, d in entries]


def test_hostile_bundles_are_rejected_and_change_nothing(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    good = export_bundle(ctx, tmp_path / "good.cdsync").path
    before = hq.stats()
    with zipfile.ZipFile(good) as z:
        manifest = json.loads(z.read("manifest.json"))

    def replace_manifest(new_manifest):  # type: ignore[no-untyped-def]
        body = json.dumps(new_manifest, sort_keys=True, separators=(",", ":")).encode()
        return lambda entries: _resign(
            ctx, [(i, body if i.filename == "manifest.json" else d) for i, d in entries]
        )

    def add(name, data, attr=None):  # type: ignore[no-untyped-def]
        def mutate(entries):  # type: ignore[no-untyped-def]
            info = zipfile.ZipInfo(name)
            if attr is not None:
                info.external_attr = attr
            return [*entries, (info, data)]

        return mutate

    blob = next(f for f in manifest["files"] if f["path"].startswith("blobs/"))
    cases = {
        "zip_slip": add("../../etc/passwd", b"x"),
        "absolute": add("/tmp/evil", b"x"),
        "backslash": add("records\\x.jsonl", b"x"),
        "symlink": add("blobs/" + "a" * 64, b"/etc/passwd", attr=(0o120777 << 16)),
        "duplicate": add("manifest.sig", b"x"),
        "unlisted": add("blobs/" + "b" * 64, b"unlisted"),
        "bad_signature": lambda e: [
            (i, b"AAAA" if i.filename == "manifest.sig" else d) for i, d in e
        ],
        "no_manifest": lambda e: [(i, d) for i, d in e if i.filename != "manifest.json"],
        "invalid_json": lambda e: _resign(
            ctx, [(i, b"{not json" if i.filename == "manifest.json" else d) for i, d in e]
        ),
        "nan_json": lambda e: _resign(
            ctx, [(i, b'{"format": NaN}' if i.filename == "manifest.json" else d) for i, d in e]
        ),
        "newer_schema": replace_manifest({**manifest, "schema_version": 99}),
        "missing_entry": replace_manifest(
            {
                **manifest,
                "files": [
                    *manifest["files"],
                    {"path": "blobs/" + "c" * 64, "size": 1, "sha256": "c" * 64},
                ],
            }
        ),
        "size_mismatch": replace_manifest(
            {
                **manifest,
                "files": [
                    dict(f, size=f["size"] + 1) if f is blob else f for f in manifest["files"]
                ],
            }
        ),
        "blob_wrong_hash": lambda e: _resign(
            ctx, [(i, d + b"!" if i.filename == blob["path"] else d) for i, d in e]
        ),
        "unknown_device": replace_manifest({**manifest, "device_id": str(uuid.uuid4())}),
    }
    for name, mutate in cases.items():
        path = _rewrite(good, tmp_path / f"{name}.cdsync", mutate)
        result = hq.ingest(path, tmp_path / "acks")
        assert result.status == "rejected", name
        assert "\n" not in result.reason and result.reason, name
    raw = good.read_bytes()
    for cut in (10, len(raw) // 3, len(raw) - 30):
        path = tmp_path / f"trunc{cut}.cdsync"
        path.write_bytes(raw[:cut])
        assert hq.ingest(path).status == "rejected"
    bomb = tmp_path / "bomb.cdsync"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", b" " * (5 * 1024 * 1024))
        z.writestr("manifest.sig", b"x")
    assert "larger" in hq.ingest(bomb).reason
    assert hq.stats() == before
    assert hq.ingest(good, tmp_path / "acks").status == "accepted"
    # replayed seq with different content
    replay = _rewrite(
        good,
        tmp_path / "replay.cdsync",
        replace_manifest({**manifest, "bundle_id": str(uuid.uuid4()), "user": "someone else"}),
    )
    assert "replay" in hq.ingest(replay).reason
    hq.revoke_device(ctx.device_id)
    assert "revoked" in hq.ingest(export_bundle(ctx, tmp_path / "late.cdsync").path).reason
    ctx.close()


def test_foreign_territory_record_is_rejected(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq, territory="3101")
    path = tmp_path / "far.csv"
    path.write_text("code,name,grade,region\nF1,广州天河店,B,440106\n", encoding="utf-8")
    partner_io.import_partners(ctx, path)
    result = hq.ingest(export_bundle(ctx, tmp_path / "far.cdsync").path)
    assert result.status == "rejected" and "territory" in result.reason
    ctx.close()


def test_ack_for_another_device_and_untrusted_down_bundle(hq: Hq, tmp_path: Path) -> None:
    from app.errors import BundleRejected, UserError

    a = make_laptop(tmp_path, "a", hq)
    b = make_laptop(tmp_path, "b", hq)
    seed(a, tmp_path)
    result = hq.ingest(export_bundle(a, tmp_path / "a.cdsync").path, tmp_path)
    with pytest.raises(UserError, match="another device"):
        apply_ack(b, result.ack_path)
    forged = json.loads(result.ack_path.read_text())
    forged["seq"] = 99
    (tmp_path / "forged.cdack").write_text(json.dumps(forged))
    with pytest.raises(UserError, match="signature"):
        apply_ack(a, tmp_path / "forged.cdack")
    bad = {
        "missing.cdack": None,
        "binary.cdack": b"\xff\xfe\x00",
        "broken.cdack": b'{"status": "acc',
        "list.cdack": b"[1, 2]",
        "unsigned.cdack": json.dumps({k: v for k, v in forged.items() if k != "sig"}).encode(),
    }
    for name, content in bad.items():
        if content is not None:
            (tmp_path / name).write_bytes(content)
        with pytest.raises(UserError) as caught:
            apply_ack(a, tmp_path / name)
        message = caught.value.message
        assert "\n" not in message and ("nothing was changed" in message.lower()), message
        assert "Expecting" not in message and "codec" not in message and "Errno" not in message, (
            message
        )
    down = hq.publish(a.device_id, tmp_path / "down.cdsync", {})
    with pytest.raises(BundleRejected):
        import_hq_bundle(b, down)
    import_hq_bundle(a, down)
    a.close()
    b.close()


def _second_hq(tmp_path: Path, *laptops: str) -> Hq:
    """A second HQ (SQLite) with the laptops' keys registered, to ingest the same
    bundles in another order."""
    folder = tmp_path / "other"
    folder.mkdir()
    server = Hq(f"sqlite:///{folder / 'hq.sqlite'}", folder)
    server.init()
    for name in laptops:
        server.register_device(tmp_path / f"{name}.key.json")
    return server


def test_delete_against_edit_the_tombstone_wins_and_the_edit_is_a_conflict(
    hq: Hq, tmp_path: Path
) -> None:
    """Device a voids a partner while device b, which learnt it from HQ, edits its
    address: in either arrival order the partner stays voided, and b's edit is kept as
    a conflict naming the field."""
    from db.models import Partner

    a = make_laptop(tmp_path, "a", hq)
    b = make_laptop(tmp_path, "b", hq)
    seed(a, tmp_path)
    first = export_bundle(a, tmp_path / "a1.cdsync").path
    assert hq.ingest(first, tmp_path).status == "accepted"
    import_hq_bundle(b, hq.publish(b.device_id, tmp_path / "down.cdsync", {}))
    pid = partner_read.partner_detail(a, "P003").partner.id
    partner_records.void_row(a, Partner, pid, "重复建档")
    with b.session() as s:
        s.get(Partner, pid).address = "乙方新地址"
    void, edit = (
        export_bundle(a, tmp_path / "a2.cdsync").path,
        export_bundle(b, tmp_path / "b2.cdsync").path,
    )
    other = _second_hq(tmp_path, "a", "b")
    assert other.ingest(first, tmp_path).status == "accepted"
    for server, order in ((hq, (edit, void)), (other, (void, edit))):
        for path in order:
            result = server.ingest(path, tmp_path)
            assert result.status == "accepted", result.reason
        record = next(r for r in server.records("partner") if r.id == pid)
        assert record.voided, order
        conflicts = [
            (c["field"], c["loser_value"]) for c in server.conflicts() if c["record_id"] == pid
        ]
        assert conflicts == [("address", "乙方新地址")], (order, conflicts)
    other.close()
    a.close()
    b.close()


def test_an_edit_from_a_card_learnt_from_hq_keeps_the_fields_it_never_had(
    hq: Hq, tmp_path: Path
) -> None:
    """HQ publishes only part of a partner's card; device b, which learnt it so, edits
    the address. HQ takes the address and keeps what device a wrote in the fields b never
    received (bank details, notes, tags), without conflicts, in either arrival order."""
    from db.models import Partner

    a = make_laptop(tmp_path, "a", hq)
    b = make_laptop(tmp_path, "b", hq)
    seed(a, tmp_path)
    pid = partner_read.partner_detail(a, "P002").partner.id
    with a.session() as s:
        card = s.get(Partner, pid)
        card.bank_info, card.notes, card.tags = "工行 6222 0000 1111", "老客户，周三到货", ["核心"]
    first = export_bundle(a, tmp_path / "a1.cdsync").path
    assert hq.ingest(first, tmp_path).status == "accepted"
    import_hq_bundle(b, hq.publish(b.device_id, tmp_path / "down.cdsync", {}))
    with b.session() as s:
        assert s.get(Partner, pid).bank_info == ""  # not published
        s.get(Partner, pid).address = "乙方新地址"
    edit = export_bundle(b, tmp_path / "b2.cdsync").path
    other = _second_hq(tmp_path, "a", "b")
    assert hq.ingest(edit, tmp_path).status == "accepted"
    for path in (edit, first):  # the edit first: HQ has not seen the card yet
        assert other.ingest(path, tmp_path).status == "accepted"
    for server in (hq, other):
        record = next(r for r in server.records("partner") if r.id == pid)
        assert record.data["address"] == "乙方新地址"
        assert (record.data["bank_info"], record.data["notes"], record.data["tags"]) == (
            "工行 6222 0000 1111",
            "老客户，周三到货",
            ["核心"],
        )
        assert [c for c in server.conflicts() if c["record_id"] == pid] == []
    other.close()
    a.close()
    b.close()


def test_orders_made_on_a_draft_go_with_its_seal_after_an_ack(hq: Hq, tmp_path: Path) -> None:
    """A rectification order (and its event) made on a draft visit waits for the seal;
    when an ack has moved the watermark past it meanwhile, it still goes with the visit
    (it used to be left behind for good)."""
    from app.services.sync import watermark
    from tests.unit.services.test_partners_and_visits import _answer_all

    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    draft = visits.new_visit(ctx, "P003")
    visits.add_finding(ctx, draft, "门头破损")
    partner_records.save_contact(
        ctx, "P003", "后来的联系人", "13700000001"
    )  # a later change: the watermark passes the order
    first = export_bundle(ctx, tmp_path / "b1.cdsync")
    result = hq.ingest(first.path, tmp_path)
    assert result.status == "accepted", result.reason
    apply_ack(ctx, result.ack_path)
    assert not [r for r in hq.records("rectification_order") if r.data["description"] == "门头破损"]
    with ctx.read_session() as s:
        from sqlalchemy import select

        from db.models import RectificationOrder

        assert s.scalar(
            select(RectificationOrder.hlc).where(RectificationOrder.description == "门头破损")
        ) <= watermark(ctx)
    _answer_all(ctx, draft, EXIF_DIR / "Landscape_2.jpg")
    visits.submit(ctx, draft)
    second = export_bundle(ctx, tmp_path / "b2.cdsync")
    assert (res := hq.ingest(second.path, tmp_path)).status == "accepted", res.reason
    orders = [r for r in hq.records("rectification_order") if r.data["description"] == "门头破损"]
    assert len(orders) == 1 and orders[0].data["visit_id"] == draft
    events = [r for r in hq.records("rectification_event") if r.data["order_id"] == orders[0].id]
    assert [e.data["status"] for e in events] == ["open"]
    ctx.close()
