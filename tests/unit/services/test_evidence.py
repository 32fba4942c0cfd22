"""Photo evidence is checked (issue 16): a photo taken in 2019 in Beijing for a Pudong
store visited today warns (time and place), as do a reused photo and one without camera
data; the warnings are on the visit, in its report and recorded as partner warnings that
sync; N and M are HQ's rules; EXIF time honours its offset, camera-local without one."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import pytest
from PIL import Image

from app.domain import evidence as rules
from app.errors import UserError
from app.services import evidence, partner_io, reports, visits

CSV = "code,name,grade,region,latitude,longitude\nP001,浦东金桥店,A,310115,31.2680,121.5950\n"
PUDONG = (31.2685, 121.5953)  # ~60 m from the store
BEIJING = (39.9042, 116.4074)


def jpeg(
    path: Path,
    stamp: str | None = None,
    offset: str | None = None,
    place: tuple[float, float] | None = None,
    color: tuple[int, int, int] = (200, 0, 0),
) -> Path:
    """A small JPEG with the EXIF we want (capture time with offset, GPS)."""
    image = Image.new("RGB", (64, 48), color)
    exif = Image.Exif()
    if stamp:
        sub = exif.get_ifd(0x8769)
        sub[0x9003] = stamp
        if offset:
            sub[0x9011] = offset
    if place is not None:
        gps = exif.get_ifd(0x8825)

        def dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
            degrees = int(value)
            minutes = int((value - degrees) * 60)
            return (
                Fraction(degrees),
                Fraction(minutes),
                Fraction(round(((value - degrees) * 60 - minutes) * 60, 4)).limit_denominator(
                    10000
                ),
            )

        gps[1], gps[2], gps[3], gps[4] = "N", dms(place[0]), "E", dms(place[1])
    image.save(path, "JPEG", exif=exif)
    return path


def now_stamp(delta: dt.timedelta = dt.timedelta()) -> tuple[str, str]:
    moment = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))) + delta
    return moment.strftime("%Y:%m:%d %H:%M:%S"), "+08:00"


@pytest.fixture
def seeded(ctx, tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "p.csv").write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, tmp_path / "p.csv")
    return ctx


def kinds(ctx, visit_id: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(e["kind"], e["sha256"]) for e in visits.visit_detail(ctx, visit_id)["evidence"]}


def test_old_far_photo_reused_photo_and_photo_without_exif_warn(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = jpeg(tmp_path / "good.jpg", *now_stamp(), place=PUDONG)
    beijing = jpeg(
        tmp_path / "bj.jpg", "2019:05:01 10:00:00", "+08:00", place=BEIJING, color=(0, 200, 0)
    )
    bare = jpeg(tmp_path / "bare.jpg", color=(0, 0, 200))
    visit_id = visits.new_visit(seeded, "P001")
    good_sha, bj_sha, bare_sha = (
        i.sha256 for i in visits.attach_photos(seeded, visit_id, [good, beijing, bare])
    )
    assert kinds(seeded, visit_id) == {
        ("photo_time", bj_sha),
        ("photo_place", bj_sha),
        ("no_exif", bare_sha),
    }
    evidence.explain(seeded, visit_id, bare_sha, "相机关闭了定位")
    other = visits.new_visit(seeded, "P001")
    visits.attach_photos(seeded, other, [good])
    assert ("photo_reused", good_sha) in kinds(seeded, other)
    detail = visits.visit_detail(seeded, visit_id)
    assert all(set(e) >= {"kind", "sha256", "detail"} for e in detail["evidence"])
    assert (
        next(e for e in detail["evidence"] if e["sha256"] == bare_sha)["explanation"]
        == "相机关闭了定位"
    )
    report = reports.visit_report_data(seeded, visit_id)
    assert len(report.evidence) == 4 and any("相机关闭了定位" in line for line in report.evidence)


def test_submit_records_evidence_warnings_and_hq_rules_apply(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.services.duty_rules import apply_published_rules
    from db.models import PartnerWarning

    early = jpeg(
        tmp_path / "early.jpg", *now_stamp(-dt.timedelta(hours=5)), place=(31.2720, 121.5950)
    )  # ~450 m away, 5 h ago
    visit_id = visits.new_visit(seeded, "P001")
    visits.attach_photos(seeded, visit_id, [early])
    assert kinds(seeded, visit_id) == set()
    with seeded.session() as s:
        apply_published_rules(
            s,
            [
                {"key": "evidence_photo_hours", "value": 4},
                {"key": "evidence_photo_metres", "value": 300},
            ],
        )
    assert {k for k, _ in kinds(seeded, visit_id)} == {"photo_time", "photo_place"}
    from tests.unit.services.test_amendments import ANSWERS

    for key, value in ANSWERS.items():
        visits.answer(seeded, visit_id, key, value)
    visits.attach_photos(seeded, visit_id, [early], item_key="storefront_photo")
    visits.submit(seeded, visit_id)
    with seeded.read_session() as s:
        warnings = {(w.kind, w.source, w.ref_id) for w in s.scalars(select(PartnerWarning))}
    assert warnings == {("photo_time", "evidence", visit_id), ("photo_place", "evidence", visit_id)}
    with pytest.raises(UserError, match="sealed"):
        evidence.explain(
            seeded, visit_id, visits.visit_detail(seeded, visit_id)["photos"][0]["sha256"], "x"
        )


def test_exif_time_with_offset_or_camera_local() -> None:
    assert rules.exif_time("2026:03:01 10:00:00", "+08:00") == dt.datetime(
        2026, 3, 1, 2, 0, tzinfo=dt.UTC
    )
    assert rules.exif_time("2026:03:01 10:00:00", "-05:00") == dt.datetime(
        2026, 3, 1, 15, 0, tzinfo=dt.UTC
    )
    local = dt.datetime(2026, 3, 1, 10, 0).astimezone()
    assert rules.exif_time("2026:03:01 10:00:00") == local.astimezone(dt.UTC)
    assert rules.exif_time("garbage") is None
    assert 1_060_000 < rules.distance_m(*PUDONG, *BEIJING) < 1_080_000


def test_evidence_warnings_do_not_escalate_a_callback_warning(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from app.services import callbacks, devrecords, partner_rows
    from db.models import PartnerWarning, RectificationOrder
    from tests.unit.services.test_duties_callbacks import records_csv

    visit_id = visits.new_visit(seeded, "P001")
    with (
        seeded.session() as s
    ):  # three photo warnings on the partner (a visit's photos without camera data)
        partner = partner_rows.get_partner(s, "P001")
        for _ in range(3):
            s.add(
                PartnerWarning(
                    partner_id=partner.id,
                    kind="no_exif",
                    source="evidence",
                    evidence="x",
                    ref_id=visit_id,
                    warned_on=dt.date.today(),
                )
            )
    (tmp_path / "more.csv").write_text(
        "code,name,grade,region\nP002,乙店,A,310115\nP003,丙店,A,310115\n", encoding="utf-8"
    )
    partner_io.import_partners(seeded, tmp_path / "more.csv")
    devrecords.import_dev_records(seeded, records_csv(tmp_path / "r.csv"))
    draw = callbacks.draw_callbacks(seeded, dt.date.today())
    call = next(c for c in draw.calls if c.partner_code == "P001")
    callbacks.record_outcome(seeded, call.id, "fake")
    (fake,) = [w for w in callbacks.list_warnings(seeded, "P001") if w.source == "callback"]
    assert (
        fake.escalation is None
    )  # one callback warning: no rectification order, no suspension proposal
    with seeded.read_session() as s:
        assert list(s.scalars(select(RectificationOrder))) == []


def test_partner_without_coordinates_is_checked_against_its_district(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "p.csv").write_text(
        "code,name,grade,region\nN1,无坐标店,A,310115\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, tmp_path / "p.csv")
    visit_id = visits.new_visit(ctx, "N1")
    near = jpeg(
        tmp_path / "near.jpg", *now_stamp(), place=(31.20, 121.60)
    )  # in Pudong, a few km from its centre
    far = jpeg(
        tmp_path / "far.jpg", "2019:05:01 10:00:00", "+08:00", place=BEIJING, color=(0, 200, 0)
    )
    near_sha, far_sha = (i.sha256 for i in visits.attach_photos(ctx, visit_id, [near, far]))
    assert kinds(ctx, visit_id) == {("photo_time", far_sha), ("photo_place", far_sha)}
    assert near_sha != far_sha
