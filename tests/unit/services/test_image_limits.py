"""Image size limits: what is refused at input, and a too-large photo stored by an older
version is left out of previews and reports instead of being decoded (gigabytes)."""

from __future__ import annotations

import hashlib
import resource
from pathlib import Path

import pytest

from app.errors import UserError


def _store(ctx, path: Path) -> str:  # type: ignore[no-untyped-def]
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    target = ctx.paths.media_file(sha)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(path.read_bytes())
    return sha


def test_huge_stored_images_are_not_decoded(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    from app.services.media import inspect_photo, thumbnail
    from app.services.reports import scaled_photo

    big = tmp_path / "big.png"
    Image.new("1", (13_000, 13_000)).save(big, optimize=True)  # 169 million pixels in ~20 KB
    with pytest.raises(UserError, match="too large an image"):
        inspect_photo(big)
    sha = _store(ctx, big)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert scaled_photo(ctx, sha) is None
    assert thumbnail(ctx.paths, sha) is None
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100, grown_mb  # decoding it would take ~500 MB

    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (4000, 3000), (120, 80, 40)).save(photo, quality=85)
    info = inspect_photo(photo)
    assert (info.width, info.height) == (4000, 3000)
    scaled = scaled_photo(ctx, _store(ctx, photo))
    assert scaled is not None and max(scaled[1], scaled[2]) <= ctx.settings.photo_report_max_px


def test_a_visit_report_leaves_out_a_too_large_stored_photo_and_says_so(
    ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    from app.services.partner_edit import PartnerInput, save_partner
    from app.services.reports import visit_report_data, write_visit_report
    from app.services.visits import attach_photos, new_visit

    save_partner(
        ctx,
        PartnerInput(
            code="P001", name="大图测试店", grade="A", region="310115", address="金桥路1号"
        ),
    )
    visit_id = new_visit(ctx, "P001")
    photo = tmp_path / "photo.png"
    Image.new("RGB", (64, 64), (10, 20, 30)).save(photo)
    [info] = attach_photos(ctx, visit_id, [photo])
    Image.new("1", (13_000, 13_000)).save(
        ctx.paths.media_file(info.sha256), "PNG", optimize=True
    )  # as an older version stored it
    data = visit_report_data(ctx, visit_id)
    assert any("too large or damaged to print" in w for w in data.warnings), data.warnings
    assert write_visit_report(ctx, visit_id, tmp_path / "v.pdf").stat().st_size > 0
