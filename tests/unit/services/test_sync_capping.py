"""Capped export (HQ's size limits): a bundle over the export caps holds a prefix of the
pending changes in HLC order whose ``high_hlc`` is the cut, so acks stay exact. Rounds of
capped export → HQ ingest → ack give HQ exactly what one uncapped bundle gives; visit
children older than their sealed visit go with the visit; a visit too large for the caps
goes alone; re-export before the ack gives the same prefix or a superset; references
never point into a later bundle."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import select

from app.hq.server import Hq
from app.services import partner_edit, partner_read, partner_records, visits
from app.services import sync as sync_svc
from app.services.export_plan import ExportPlan, _choose_cut, _Item
from app.services.sync import apply_ack, export_bundle, sync_status
from app.sync.caps import Caps, ExportCaps
from db.models import ExportedBundle
from tests.unit.services.test_sync import make_laptop, seed


@pytest.fixture
def hq(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "hq").mkdir()
    server = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    server.init()
    yield server
    server.close()


def _photo(folder: Path, n: int, size: int = 48) -> Path:
    """A distinct JPEG (random pixels: tens of KB at ``size`` 120)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"photo-{n}.jpg"
    Image.frombytes("RGB", (size, size), os.urandom(size * size * 3)).save(path, "JPEG", quality=95)
    return path


def _visit(
    ctx,
    folder: Path,
    code: str,
    n: int,
    photos: int = 1,
    submit: bool = True,
    finding: bool = False,
) -> str:  # type: ignore[no-untyped-def]
    visit_id = visits.new_visit(ctx, code)
    visits.attach_photos(ctx, visit_id, [_photo(folder, n * 100 + i) for i in range(photos)])
    for key, value in (
        ("signage", "yes"),
        ("cleanliness", "4"),
        ("price_tags", "yes"),
        ("price_violation", "no"),
        ("poster_display", "1"),
        ("stock_units", "30"),
        ("stock_within_limits", "yes"),
        ("staff_knowledge", "5"),
        ("service_attitude", "3"),
        ("cross_territory", "no"),
        ("fake_business", "no"),
        ("licence_valid", "na"),
    ):
        visits.answer(ctx, visit_id, key, value)
    visits.answer(ctx, visit_id, "storefront_photo", str(_photo(folder, n * 100 + 99)))
    if finding:
        visits.add_finding(ctx, visit_id, f"价签缺失 {n}")
    if submit:
        visits.submit(ctx, visit_id)
    return visit_id


def _rename(ctx, code: str, name: str) -> None:  # type: ignore[no-untyped-def]
    detail = partner_read.partner_detail(ctx, code)
    data = partner_edit.input_from_partner(detail.partner)
    data.name = name
    partner_edit.save_partner(ctx, data, detail.partner.id)


def _scenario(ctx, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Partners, visits with 2 photos each, a draft visit (with a finding and its
    rectification order) sealed only after later visits, an amendment after sealing,
    partners edited after the visits that reference them, a contact at the end."""
    photos = tmp_path / "photos"
    seed(ctx, tmp_path)  # 3 partners, a sealed visit and a draft one
    late = _visit(
        ctx, photos, "P002", 1, submit=False, finding=True
    )  # children older than its seal
    first = _visit(ctx, photos, "P001", 2)
    _visit(ctx, photos, "P003", 3)
    _rename(ctx, "P003", "改名一")  # P003 now later than its visits
    _visit(ctx, photos, "P001", 4)
    visits.submit(ctx, late)
    visits.amend(ctx, first, "补录", {"stock_units": "31"})
    _visit(ctx, photos, "P002", 5, photos=2)
    _rename(ctx, "P001", "改名二")
    partner_records.save_contact(ctx, "P003", "新联系人", "13700000000")
    return {"late": late, "first": first}


def _records(path: Path) -> dict[str, dict[str, dict[str, Any]]]:
    with zipfile.ZipFile(path) as z:
        return {
            n[8:-6]: {r["id"]: r for r in map(json.loads, z.read(n).splitlines())}
            for n in z.namelist()
            if n.startswith("records/")
        }


def _blobs(path: Path) -> set[str]:
    with zipfile.ZipFile(path) as z:
        return {n[6:] for n in z.namelist() if n.startswith("blobs/")}


def _high(ctx, bundle_id: str) -> str:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        return str(
            s.scalar(select(ExportedBundle.high_hlc).where(ExportedBundle.bundle_id == bundle_id))
        )


def _second_hq(tmp_path: Path, name: str, key_file: Path) -> Hq:
    folder = tmp_path / name
    folder.mkdir()
    server = Hq(f"sqlite:///{folder / 'hq.sqlite'}", folder)
    server.init()
    server.register_device(key_file)
    return server


def _rounds(
    ctx, hq: Hq, tmp_path: Path, caps: ExportCaps
) -> list[tuple[sync_svc.ExportResult, str]]:  # type: ignore[no-untyped-def]
    """Capped export → ingest → ack until nothing remains; each result with its cut."""
    done = []
    for n in range(1, 60):
        result = export_bundle(ctx, tmp_path / f"r{n}.cdsync", caps=caps)
        ingested = hq.ingest(result.path, tmp_path / "acks")
        assert ingested.status == "accepted", ingested.reason  # no reference into a later bundle
        done.append((result, _high(ctx, result.bundle_id)))
        apply_ack(ctx, ingested.ack_path)
        if not result.remaining:
            return done
        # the status bar's count is what the next uncapped bundle would hold
        pending = sync_status(ctx).pending_changes
        assert pending >= result.remaining
        assert sum(export_bundle(ctx, tmp_path / f"r{n}-check.cdsync").counts.values()) == pending
    raise AssertionError("the capped exports never finished")


@pytest.mark.parametrize("copier", ["here", "child"])
def test_capped_rounds_give_hq_what_one_bundle_gives(
    hq: Hq, tmp_path: Path, copier: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also with the photos copied by the child process while the cut is chosen."""
    if copier == "child":
        from app.sync import blob_copy

        monkeypatch.setattr(blob_copy, "CHILD_MIN_BYTES", 0)
    ctx = make_laptop(tmp_path, "lap", hq)
    ids = _scenario(ctx, tmp_path)
    full = export_bundle(ctx, tmp_path / "full.cdsync")  # exporting marks nothing synced
    assert full.remaining == 0 and full.counts["visit"] == 6
    reference = _second_hq(tmp_path, "hq2", tmp_path / "lap.key.json")
    assert reference.ingest(full.path, tmp_path / "acks2").status == "accepted"

    caps = ExportCaps(blobs=3)
    rounds = _rounds(ctx, hq, tmp_path, caps)
    assert len(rounds) >= 4
    sealed_earlier: set[str] = set()  # visits HQ holds (with a bundle cut at or after them)
    for result, high in rounds:
        assert len(_blobs(result.path)) <= 3
        records = _records(result.path)
        here = {vid for vid, row in records.get("visit", {}).items() if row["hlc"] <= high}
        # a photo or answer goes with its visit, never ahead of it
        for entity in ("visit_photo", "visit_answer"):
            for row in records.get(entity, {}).values():
                assert row["data"]["visit_id"] in here | sealed_earlier
        sealed_earlier |= here
    assert all(result.remaining > 0 for result, _h in rounds[:-1])
    assert rounds[-1][0].remaining == 0
    assert export_bundle(ctx, tmp_path / "after.cdsync").counts == {}
    assert sync_status(ctx).pending_changes == 0

    def stats(server: Hq) -> dict[str, Any]:
        return {k: v for k, v in server.stats().items() if k != "devices"}

    assert stats(hq) == stats(reference)
    assert stats(hq)["blobs"]["count"] == len(_blobs(full.path))
    # the sealed-late visit went with all its (older) children in the bundle whose cut
    # reached it (an earlier one may carry it ahead, alone, for its rectification order)
    reached = 0
    for result, high in rounds:
        records = _records(result.path)
        if ids["late"] in records.get("visit", {}) and records["visit"][ids["late"]]["hlc"] <= high:
            reached += 1
            photos = [
                r for r in records["visit_photo"].values() if r["data"]["visit_id"] == ids["late"]
            ]
            assert len(photos) == 2 and {p["data"]["sha256"] for p in photos} <= _blobs(result.path)
    assert reached == 1
    reference.close()
    ctx.close()


def test_next_parts_before_any_ack_give_hq_what_one_bundle_gives(hq: Hq, tmp_path: Path) -> None:
    """``next_part``: a backlog over the caps goes as consecutive parts written at once
    (no ack in between); HQ ingests them in order; the acks, applied in any order, move
    the watermark only along the chain, so a later part's ack never skips an earlier part."""
    from app.errors import UserError

    ctx = make_laptop(tmp_path, "lap", hq)
    _scenario(ctx, tmp_path)
    full = export_bundle(ctx, tmp_path / "full.cdsync")
    reference = _second_hq(tmp_path, "hq2", tmp_path / "lap.key.json")
    assert reference.ingest(full.path, tmp_path / "acks2").status == "accepted"
    caps = ExportCaps(blobs=3)
    parts = [export_bundle(ctx, tmp_path / "p1.cdsync", caps=caps)]
    while parts[-1].remaining:
        parts.append(
            export_bundle(ctx, tmp_path / f"p{len(parts) + 1}.cdsync", caps=caps, next_part=True)
        )
        assert len(parts) < 30
    assert len(parts) >= 3
    seen: dict[tuple[str, str], str] = {}
    for part in parts:  # no record twice, except a parent carried ahead (it comes again unchanged)
        for entity, rows in _records(part.path).items():
            for rid, row in rows.items():
                assert seen.setdefault((entity, rid), row["hlc"]) == row["hlc"]
    assert {key for key in seen} == {
        (e, rid) for e, rows in _records(full.path).items() for rid in rows
    }
    acks = []
    for part in parts:
        ingested = hq.ingest(part.path, tmp_path / "acks")
        assert ingested.status == "accepted", ingested.reason
        acks.append(ingested.ack_path)
    assert {k: v for k, v in hq.stats().items() if k != "devices"} == {
        k: v for k, v in reference.stats().items() if k != "devices"
    }
    pending = sync_status(ctx).pending_changes
    for ack in reversed(acks[1:]):  # the later parts first: nothing counts as synced yet
        apply_ack(ctx, ack)
        assert sync_status(ctx).pending_changes == pending
    apply_ack(ctx, acks[0])  # the first part: the whole chain is acknowledged
    assert sync_status(ctx).pending_changes == 0
    assert export_bundle(ctx, tmp_path / "after.cdsync").counts == {}
    # with the newest bundle acknowledged, a next part is an ordinary export
    partner_records.save_contact(ctx, "P001", "再一个", "13700000001")
    assert export_bundle(ctx, tmp_path / "more.cdsync", next_part=True).counts == {"contact": 1}
    with ctx.session() as s:  # HQ refused the newest: a next part must not build on it
        s.scalars(
            select(ExportedBundle).order_by(ExportedBundle.seq.desc())
        ).first().ack_status = "rejected"
    with pytest.raises(UserError, match="rejected"):
        export_bundle(ctx, tmp_path / "never.cdsync", next_part=True)
    reference.close()
    ctx.close()


def test_children_older_than_their_visit_wait_for_it(hq: Hq, tmp_path: Path) -> None:
    """A draft visit's photos and answers are older than later sealed visits; sealed last,
    its children must not go before it (HQ would refuse a photo of an unknown visit) nor
    be skipped once the watermark has passed their own HLC."""
    ctx = make_laptop(tmp_path, "lap", hq)
    photos = tmp_path / "photos"
    seed(ctx, tmp_path)
    late = _visit(ctx, photos, "P002", 1, submit=False, finding=True)
    partner_records.save_contact(
        ctx, "P003", "联系人", "13700000002"
    )  # no photo: the first cut passes the late children
    _visit(ctx, photos, "P001", 2)
    _visit(ctx, photos, "P003", 3)
    visits.submit(ctx, late)
    caps = ExportCaps(blobs=2)
    first = export_bundle(ctx, tmp_path / "a.cdsync", caps=caps)
    high = _high(ctx, first.bundle_id)
    records = _records(first.path)
    assert first.remaining > 0
    late_children = [
        r
        for e in ("visit_photo", "visit_answer")
        for r in records.get(e, {}).values()
        if r["data"]["visit_id"] == late
    ]
    assert late_children == []  # older than the cut, but their visit is later
    with ctx.read_session() as s:
        from db.models import VisitPhoto

        late_photo_hlcs = list(s.scalars(select(VisitPhoto.hlc).where(VisitPhoto.visit_id == late)))
    assert late_photo_hlcs and all(h <= high for h in late_photo_hlcs)
    ingested = hq.ingest(first.path, tmp_path / "acks")
    assert ingested.status == "accepted", ingested.reason
    apply_ack(ctx, ingested.ack_path)
    # after the ack the watermark is the cut: the late visit's older children still count
    pending = sync_status(ctx).pending_changes
    assert pending >= first.remaining
    rest = _rounds(ctx, hq, tmp_path, caps)
    sent = {rid for result, _h in rest for rid in _records(result.path).get("visit_photo", {})}
    with ctx.read_session() as s:
        from db.models import VisitPhoto

        assert set(s.scalars(select(VisitPhoto.id).where(VisitPhoto.visit_id == late))) <= sent
    assert {r.data["visit_id"] for r in hq.records("visit_photo")} >= {late}
    ctx.close()


def test_referenced_parent_edited_after_the_cut_goes_along(hq: Hq, tmp_path: Path) -> None:
    """A partner renamed after its visits: the cut falls between them, the bundle carries
    the partner's current row (its HLC after the cut) so HQ accepts the visit, and the
    next bundle sends it again (harmless: same HLC, same content)."""
    ctx = make_laptop(tmp_path, "lap", hq)
    photos = tmp_path / "photos"
    seed(ctx, tmp_path)
    _visit(ctx, photos, "P001", 1)
    _visit(ctx, photos, "P001", 2)
    _rename(ctx, "P001", "改名后的门店")
    first = export_bundle(ctx, tmp_path / "a.cdsync", caps=ExportCaps(blobs=2))
    high = _high(ctx, first.bundle_id)
    records = _records(first.path)
    assert first.remaining > 0
    p001 = [r for r in records["partner"].values() if r["data"]["code"] == "P001"]
    assert len(p001) == 1 and p001[0]["hlc"] > high and p001[0]["data"]["name"] == "改名后的门店"
    ingested = hq.ingest(first.path, tmp_path / "acks")
    assert ingested.status == "accepted", ingested.reason
    apply_ack(ctx, ingested.ack_path)
    # pending after the ack: what remained plus what went ahead of its turn (the
    # partner; the visit and finding its rectification order needed) = the next full bundle
    pending = sync_status(ctx).pending_changes
    assert pending > first.remaining
    assert sum(export_bundle(ctx, tmp_path / "check.cdsync").counts.values()) == pending
    rest = _rounds(ctx, hq, tmp_path, ExportCaps(blobs=2))
    assert any(p001[0]["id"] in _records(r.path).get("partner", {}) for r, _h in rest)
    assert hq.conflicts() == []
    assert [r.data["name"] for r in hq.records("partner") if r.data["code"] == "P001"] == [
        "改名后的门店"
    ]
    ctx.close()


def test_a_visit_over_the_caps_goes_alone(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    photos = tmp_path / "photos"
    seed(ctx, tmp_path)
    big = _visit(ctx, photos, "P002", 1, photos=5)  # 6 photos: over a 2-blob cap
    _visit(ctx, photos, "P003", 2)
    caps = ExportCaps(blobs=2)
    first = export_bundle(ctx, tmp_path / "a.cdsync", caps=caps)  # the seed visit, alone
    assert first.remaining > 0 and not first.over_hq_caps
    ingested = hq.ingest(first.path, tmp_path / "acks")
    apply_ack(ctx, ingested.ack_path)
    second = export_bundle(ctx, tmp_path / "b.cdsync", caps=caps)
    records = _records(second.path)
    assert set(records["visit"]) == {big} and len(_blobs(second.path)) == 6
    assert second.remaining > 0 and not second.over_hq_caps  # far under HQ's own caps
    assert hq.ingest(second.path, tmp_path / "acks").status == "accepted"
    ctx.close()


def test_a_group_over_hqs_own_caps_is_reported() -> None:
    """The cut on its own: a first group bigger than HQ's default caps still goes (alone)
    and is flagged; the next group waits."""
    gib = 1024**3
    items = [
        _Item("visit", "v1", "001", 500, (), ()),
        _Item("visit_photo", "p1", "001", 300, ("a" * 64,), (("visit", "v1"),)),
        _Item("visit", "v2", "002", 500, (), ()),
        _Item("visit_photo", "p2", "002", 300, ("b" * 64,), (("visit", "v2"),)),
    ]
    parents = {(item.entity, item.id): item for item in items if item.entity == "visit"}
    plan = _choose_cut(items, {"a" * 64: 5 * gib, "b" * 64: 10}, ExportCaps(), parents, len(items))
    assert plan.high == "001" and plan.remaining == 2 and plan.over_hq_caps
    assert plan.extra == {} and set(plan.blobs) == {"a" * 64}
    fits = _choose_cut(list(items), {"a" * 64: 10, "b" * 64: 10}, ExportCaps(), parents, len(items))
    assert fits == ExportPlan(blobs={"a" * 64: 10, "b" * 64: 10})


def test_a_later_parent_is_carried_along() -> None:
    """A photo of a visit whose partner changed later: the partner goes along early (as
    ``extra``) and is not counted twice when its own group comes."""
    items = [
        _Item("visit", "v1", "001", 500, (), (("partner", "p1"),)),
        _Item("visit", "v2", "002", 500, (), ()),
        _Item("visit", "v3", "003", 500, (), ()),
        _Item("partner", "p1", "004", 200, (), ()),
    ]
    parents = {(item.entity, item.id): item for item in items}
    caps = ExportCaps(records_bytes=1000)  # two visits' lines per records file
    plan = _choose_cut(items, {}, caps, parents, len(items))
    assert plan.high == "002" and plan.extra == {"partner": {"p1"}} and plan.remaining == 1
    # once past its own key, the parent is simply inside the cut
    items = [
        items[0],
        _Item("partner", "p1", "002", 200, (), ()),
        _Item("visit", "v2", "003", 500, (), ()),
    ]
    parents = {(item.entity, item.id): item for item in items}
    plan = _choose_cut(items, {}, ExportCaps(records_bytes=600), parents, len(items))
    assert plan.high == "002" and plan.extra == {} and plan.remaining == 1
    assert Caps().bundle_bytes > ExportCaps().bundle_bytes and Caps().entries > ExportCaps().entries


def test_size_cap_and_records_cap(hq: Hq, tmp_path: Path) -> None:
    """Bytes count too: photo bytes against the file cap, estimated record lines against
    the records-file cap (each estimate is at least the real line)."""
    ctx = make_laptop(tmp_path, "lap", hq)
    photos = tmp_path / "photos"
    seed(ctx, tmp_path)
    for n in range(1, 4):
        _visit(ctx, photos, "P001", n)
    full = export_bundle(ctx, tmp_path / "full.cdsync")
    limit = full.size // 2
    half = export_bundle(ctx, tmp_path / "half.cdsync", caps=ExportCaps(bundle_bytes=limit))
    assert 0 < half.size <= limit and half.remaining > 0
    with zipfile.ZipFile(full.path) as z:
        answers = z.getinfo("records/visit_answer.jsonl").file_size
    few = export_bundle(ctx, tmp_path / "few.cdsync", caps=ExportCaps(records_bytes=answers // 2))
    with zipfile.ZipFile(few.path) as z:
        sizes = {i.filename: i.file_size for i in z.infolist() if i.filename.startswith("records/")}
    # (which answers make the cut depends on the random bits of same-millisecond ids:
    # the visits file alone is over the cap, so some visits, with their answers, wait)
    assert sizes and all(size <= answers // 2 for size in sizes.values()), sizes
    assert few.remaining > 0
    ctx.close()


def test_re_export_before_the_ack_is_the_same_prefix_or_a_superset(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    _scenario(ctx, tmp_path)
    caps = ExportCaps(blobs=3)
    one = export_bundle(ctx, tmp_path / "a.cdsync", caps=caps)
    two = export_bundle(ctx, tmp_path / "b.cdsync", caps=caps)
    assert _records(one.path) == _records(two.path) and _blobs(one.path) == _blobs(two.path)
    assert _high(ctx, one.bundle_id) == _high(ctx, two.bundle_id) and one.remaining == two.remaining
    partner_records.save_contact(ctx, "P002", "又一位", "13600000000")
    three = export_bundle(ctx, tmp_path / "c.cdsync", caps=caps)
    before, after = _records(one.path), _records(three.path)
    assert all(set(rows) <= set(after.get(entity, {})) for entity, rows in before.items())
    assert three.remaining == one.remaining + 1
    # a bundle never acknowledged is superseded: acking only the newest is enough
    ingested = hq.ingest(three.path, tmp_path / "acks")
    assert ingested.status == "accepted", ingested.reason
    apply_ack(ctx, ingested.ack_path)
    assert sync_status(ctx).pending_changes >= three.remaining
    ctx.close()


def test_cli_export_json_has_remaining_and_a_note(
    hq: Hq, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from app.cli import main

    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    ctx.close()
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "lap"),
                "sync",
                "export",
                "--json",
                "-o",
                str(tmp_path / "a.cdsync"),
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (
        set(data) == {"bundle_id", "seq", "path", "counts", "remaining"} and data["remaining"] == 0
    )
    monkeypatch.setattr(sync_svc, "ExportCaps", lambda: ExportCaps(blobs=1))
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "lap"),
                "--lang",
                "zh_CN",
                "sync",
                "export",
                "--json",
                "-o",
                str(tmp_path / "b.cdsync"),
            ]
        )
        == 0
    )
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["remaining"] > 0 and sum(data["counts"].values()) > 0
    assert f"有 {data['remaining']} 项变更未能放入本同步包" in err and "sync export --next" in err
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path / "lap"),
                "sync",
                "export",
                "--next",
                "--json",
                "-o",
                str(tmp_path / "c.cdsync"),
            ]
        )
        == 0
    )
    following = json.loads(capsys.readouterr().out)
    assert following["seq"] == data["seq"] + 1 and following["remaining"] < data["remaining"]
    before, after = _records(tmp_path / "b.cdsync"), _records(tmp_path / "c.cdsync")
    again = [(e, rid) for e, rows in after.items() for rid in rows if rid in before.get(e, {})]
    assert all(
        after[e][rid] == before[e][rid] for e, rid in again
    )  # only a parent carried ahead, unchanged
    assert sum(len(rows) for rows in after.values()) > len(again)


def test_a_full_export_manifest_fits_hq_manifest_cap() -> None:
    """ExportCaps.blobs is chosen so the manifest of a bundle with that many blobs (each at
    HQ's 100 MiB blob cap, so sizes have the most digits) stays under HQ's manifest cap."""
    import json

    from app.sync.caps import Caps, ExportCaps

    caps = ExportCaps()
    files = [
        {
            "path": f"records/{name}.jsonl",
            "size": 200 * 1024**2,
            "sha256": "f" * 64,
            "records": 150_000,
        }
        for name in (
            "partner",
            "contact",
            "visit",
            "visit_answer",
            "visit_photo",
            "finding",
            "rectification_order",
            "rectification_event",
            "material_count",
            "competitor_observation",
            "complaint",
            "contract",
            "lifecycle_event",
            "grade_change",
            "attachment",
            "invoice",
            "payment",
            "actual",
            "target",
            "sync_conflict",
        )
    ]
    files += [
        {"path": f"blobs/{i:064x}", "size": 100 * 1024**2 - 1, "sha256": f"{i:064x}"}
        for i in range(caps.blobs)
    ]
    manifest = {
        "kind": "field",
        "bundle_id": "0" * 36,
        "device_id": "0" * 36,
        "user": "张" * 40,
        "territory": ["310000"] * 10,
        "created_at": "2026-12-02T00:00:00+00:00",
        "created_hlc": "0" * 60,
        "seq": 10**6,
        "base_ack_seq": 10**6,
        "app_version": "0.0.0",
        "format": "channeldesk-sync",
        "format_version": 1,
        "schema_version": 99,
        "files": files,
    }
    body = json.dumps(manifest, ensure_ascii=True, sort_keys=True, separators=(",", ":")).encode(
        "ascii"
    )
    assert len(body) < Caps().manifest_bytes
    assert caps.blobs + len(files) < Caps().entries


def test_the_cut_is_planned_under_a_busy_bar(hq: Hq, tmp_path: Path) -> None:
    """Planning what fits comes before any byte is written (seconds for a large
    backlog): the progress dialog shows it as a busy bar with its own message, and again
    when the records turn out not to fit beside the photos (the cut is planned anew)."""
    from app.i18n import tr
    from app.services.progress import Progress

    ctx = make_laptop(tmp_path, "lap", hq)
    _scenario(ctx, tmp_path)
    calls: list[tuple[int, int, str]] = []
    export_bundle(
        ctx,
        tmp_path / "a.cdsync",
        progress=Progress(lambda d, t, m: calls.append((d, t, m))),
        caps=ExportCaps(blobs=3),
    )
    choosing = (0, 0, tr("sync", "Choosing which changes fit into this bundle…"))
    assert calls[0] == choosing and calls.count(choosing) in (1, 2)
    assert any(total > 0 for _done, total, _m in calls[1:])  # then the writing, with a real bar
    ctx.close()


def test_grouped_items_read_their_id_lists_like_json() -> None:
    from app.services.export_plan import _json_strings

    for text in (
        "[]",
        "[null]",
        '["a"]',
        '["a",null,"b"]',
        '["a,b"]',
        '["a\\"b","c"]',
        '[""]',
        '["\\u4e2d"]',
    ):
        assert _json_strings(text) == [v for v in json.loads(text) if v is not None], text


def test_the_plans_joined_select_of_a_visit_child_holds_the_exported_rows(
    hq: Hq, tmp_path: Path
) -> None:
    """``_child_selects`` (the plan's) and ``_pending_selects`` (the records') choose
    the same rows, after an ack too (older children of a visit sealed later)."""
    from app.services.export_plan import _child_selects
    from app.services.sync import watermark
    from app.services.sync_records import VISIT_CHILDREN, model_of, pending_selects

    ctx = make_laptop(tmp_path, "lap", hq)
    photos = tmp_path / "photos"
    seed(ctx, tmp_path)
    late = _visit(ctx, photos, "P002", 1, submit=False)
    first = export_bundle(ctx, tmp_path / "a.cdsync")
    ingested = hq.ingest(first.path, tmp_path / "acks")
    apply_ack(ctx, ingested.ack_path)
    _visit(ctx, photos, "P001", 2)
    visits.submit(ctx, late)
    since, upto = watermark(ctx), ctx.tick()
    with ctx.read_session() as s:
        for entity in VISIT_CHILDREN:
            table = model_of(entity).__table__
            joined = {
                row[0]
                for stmt in _child_selects(entity, since, upto, ctx.device_id, [table.c.id])
                for row in s.execute(stmt)
            }
            plain = {
                row[0]
                for stmt in pending_selects(entity, since, upto, ctx.device_id, [table.c.id])
                for row in s.execute(stmt)
            }
            assert joined == plain, entity
            if entity == "visit_answer":
                assert plain  # (the late visit's answers, older than the watermark)
