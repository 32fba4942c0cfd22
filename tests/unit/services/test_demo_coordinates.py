"""Demo partners lie in their own district (issue 16: only 1 of 200 Shanghai partners lay
in Shanghai): each point is within ~1 km of its district's centre."""

from __future__ import annotations

import random

from sqlalchemy import select

from app.domain.evidence import distance_m
from app.domain.region_centres import centre, demo_point
from app.services.demo import generate_demo
from app.services.device import initialise_device
from db.models import Partner


def test_demo_partners_lie_in_their_district(ctx) -> None:  # type: ignore[no-untyped-def]
    initialise_device(ctx, user="张经理", territory=["31"])
    generate_demo(ctx, partners=60, months=1, seed=3)
    with ctx.read_session() as s:
        rows = list(s.execute(select(Partner.district_code, Partner.latitude, Partner.longitude)))
    assert len(rows) == 60
    for district, lat, lon in rows:
        assert 30.6 < lat < 31.9 and 120.8 < lon < 122.2, (district, lat, lon)  # Shanghai
        home = centre(district)
        assert home is not None and distance_m(lat, lon, *home) < 1100


def test_centre_falls_back_to_city_and_province() -> None:
    assert centre("310115") != centre("3101")  # 浦东新区 has its own centre
    assert centre("130171") == centre("1301")  # a development zone: its city's
    assert centre("99") is None and centre(None) is None
    rng = random.Random(1)
    points = [demo_point("440305", rng) for _ in range(200)]
    assert all(p is not None and distance_m(*p, *centre("440305")) < 1100 for p in points)  # type: ignore[misc]
