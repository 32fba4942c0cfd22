"""Where a region lies: the centre point of each province, city and district
(``resources/regions/centres.csv``, see its LICENSE) and a demo point inside a district.

A district without its own centre (development zones, codes renamed since the data was
taken) falls back to its city's centre, then its province's. The demo point is the
centre moved by at most ``DEMO_RADIUS_DEG`` (~1 km) in a direction drawn from the random
generator: district centres are the seats of the district governments, so such a point
stays inside all but the smallest districts (the city-centre fallback only promises the
city)."""

from __future__ import annotations

import csv
import math
import random
from functools import lru_cache

from app.paths import resource_path

DEMO_RADIUS_DEG = 0.009


@lru_cache(maxsize=1)
def _centres() -> dict[str, tuple[float, float]]:
    with resource_path("regions", "centres.csv").open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(handle)
        }


def centre(code: str | None) -> tuple[float, float] | None:
    """The centre of the region, or of the nearest enclosing region that has one."""
    if not code:
        return None
    table = _centres()
    for length in (6, 4, 2):
        if len(code) >= length and code[:length] in table:
            return table[code[:length]]
    return None


def demo_point(code: str | None, rng: random.Random) -> tuple[float, float] | None:
    """A point near the region's centre (see the module docstring), rounded to 6 places."""
    point = centre(code)
    if point is None:
        return None
    angle, distance = rng.uniform(0, 2 * math.pi), DEMO_RADIUS_DEG * math.sqrt(rng.random())
    lat = point[0] + distance * math.sin(angle)
    lon = point[1] + distance * math.cos(angle) / max(math.cos(math.radians(point[0])), 0.2)
    return round(lat, 6), round(lon, 6)
