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
