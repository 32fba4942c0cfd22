"""Demo visits have photos of their own (issue 16 left: every demo visit carried a "photo
used before" warning, the demo reusing a pool of ~60 photos); only the few visits the demo
means to reuse a photo carry it. Each photo is a readable JPEG in the media store."""

from __future__ import annotations

from PIL import Image

from app.services.demo import generate_demo
from app.services.device import initialise_device


def test_demo_visits_have_their_own_photos(ctx) -> None:  # type: ignore[no-untyped-def]
    initialise_device(ctx, user="张经理", territory=["31"])
    generate_demo(ctx, partners=40, months=3, seed=5)
    photos = ctx.read_sql("SELECT visit_id, sha256 FROM visit_photo")
    assert len(photos) > 100
    reused = ctx.read_sql(
        "SELECT count(*) FROM visit_photo WHERE sha256 IN (SELECT sha256 FROM visit_photo "
        "GROUP BY sha256 HAVING count(DISTINCT visit_id) > 1)"
    )[0][0]
    assert 0 < reused < len(photos) * 0.1, (reused, len(photos))
    known = {sha for (sha,) in ctx.read_sql("SELECT sha256 FROM media_file")}
    for _visit, sha in photos[:: max(1, len(photos) // 20)]:
        assert sha in known
        with Image.open(ctx.paths.media_file(sha)) as image:
            assert image.format == "JPEG" and image.size == (640, 480)
            image.load()
