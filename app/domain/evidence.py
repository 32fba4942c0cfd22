"""Photo evidence checks of a visit (warnings the manager can explain, never refusals):
a photo taken more than N hours before check-in or after submit (``photo_time``), taken
more than M metres from the partner (``photo_place``), the same photo in another visit
(``photo_reused``), or without camera data — neither capture time nor GPS — (``no_exif``).
N and M are HQ's rules ``evidence_photo_hours`` and ``evidence_photo_metres``."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from app.domain.region_centres import centre
from app.i18n import tr, trn

KINDS = ("photo_time", "photo_place", "photo_reused", "no_exif")
DEFAULT_HOURS = 12
DEFAULT_METRES = 500
DISTRICT_METRES = (
    50_000  # a partner without coordinates: farther than this from its district's centre
)
EARTH_RADIUS_M = 6_371_008.8
_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


@dataclass(frozen=True)
class PhotoFacts:
    sha256: str
    taken_at: dt.datetime | None  # aware
    latitude: float | None
    longitude: float | None
    reused_in: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    kind: str
    sha256: str
    detail: str


def exif_time(stamp: object, offset: object = None) -> dt.datetime | None:
    """EXIF ``DateTimeOriginal`` (``YYYY:MM:DD HH:MM:SS``) as an aware time: with its
    ``OffsetTimeOriginal`` (``+08:00``) when the camera wrote one, else read as this
    computer's local time (camera clocks are set to local time)."""
    try:
        naive = dt.datetime.strptime(str(stamp).strip("\x00 "), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    match = _OFFSET.match(str(offset or "").strip("\x00 "))
    if match:
        sign = -1 if match.group(1) == "-" else 1
        delta = dt.timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
        if delta <= dt.timedelta(hours=14):
            return naive.replace(tzinfo=dt.timezone(sign * delta)).astimezone(dt.UTC)
    return naive.astimezone().astimezone(dt.UTC)


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in metres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def check_photos(
    photos: list[PhotoFacts],
    checked_in: dt.datetime | None,
    until: dt.datetime,
    partner_lat: float | None,
    partner_lon: float | None,
    hours: float = DEFAULT_HOURS,
    metres: float = DEFAULT_METRES,
    district_centre: bool = False,
) -> list[Evidence]:
    """The warnings for a visit's photos. ``until`` is the submit time (now for a draft).
    ``district_centre``: the point is the centre of the partner's district (the partner has
    no coordinates of its own), so only a photo farther than ``DISTRICT_METRES`` warns."""
    found: list[Evidence] = []
    window = dt.timedelta(hours=hours)
    for photo in photos:
        if photo.taken_at is None and photo.latitude is None:
            found.append(
                Evidence(
                    "no_exif",
                    photo.sha256,
                    tr("evidence", "The photo carries no capture time and no GPS position."),
                )
            )
        if photo.taken_at is not None:
            taken = photo.taken_at.astimezone(dt.UTC)
            if checked_in is not None and taken < checked_in - window:
                found.append(
                    Evidence(
                        "photo_time",
                        photo.sha256,
                        tr(
                            "evidence", "Taken {taken}, more than {hours} h before check-in."
                        ).format(taken=_local(taken), hours=_number(hours)),
                    )
                )
            elif taken > until:
                found.append(
                    Evidence(
                        "photo_time",
                        photo.sha256,
                        tr("evidence", "Taken {taken}, after the visit was submitted.").format(
                            taken=_local(taken)
                        ),
                    )
                )
        if (
            photo.latitude is not None
            and photo.longitude is not None
            and partner_lat is not None
            and partner_lon is not None
        ):
            gap = distance_m(photo.latitude, photo.longitude, partner_lat, partner_lon)
            if district_centre and gap > max(metres, DISTRICT_METRES):
                found.append(
                    Evidence(
                        "photo_place",
                        photo.sha256,
                        tr(
                            "evidence",
                            "Taken {distance} from the centre of the partner's district "
                            "(the partner has no coordinates).",
                        ).format(distance=_distance(gap)),
                    )
                )
            elif not district_centre and gap > metres:
                found.append(
                    Evidence(
                        "photo_place",
                        photo.sha256,
                        tr(
                            "evidence",
                            "Taken {distance} from the partner's location (limit {limit} m).",
                        ).format(distance=_distance(gap), limit=_number(metres)),
                    )
                )
        if photo.reused_in:
            found.append(
                Evidence(
                    "photo_reused",
                    photo.sha256,
                    trn(
                        "evidence", "The same photo is in %n other visit(s).", len(photo.reused_in)
                    ),
                )
            )
    return found


def _local(value: dt.datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _number(value: float) -> str:
    return f"{value:g}"


def _distance(metres: float) -> str:
    if metres >= 1000:
        return tr("evidence", "{km} km").format(km=f"{metres / 1000:.1f}")
    return tr("evidence", "{m} m").format(m=f"{metres:.0f}")


@dataclass(frozen=True)
class StoredPhoto:
    """A photo of the visit as stored (``taken_at`` aware or None), in attachment order."""

    sha256: str
    taken_at: dt.datetime | None
    latitude: float | None
    longitude: float | None
    caption: str | None


def visit_warnings(
    photos: list[StoredPhoto],
    others: dict[str, set[str]],
    checked_in: dt.datetime | None,
    until: dt.datetime,
    partner_point: tuple[float | None, float | None] | None,
    partner_region: str | None,
    hours: float,
    metres: float,
) -> list[dict[str, str]]:
    """The warnings of a visit's photos (``kind``, ``sha256``, ``detail``, the manager's
    ``explanation``), from what the database holds: one check per distinct photo (its
    first attachment's facts), ``others`` the other visits holding each photo,
    ``partner_point`` the partner's own coordinates (None without a partner) and
    ``partner_region`` its most specific region code, whose centre stands in for a partner
    without coordinates."""

    if not photos:
        return []
    shas = list(dict.fromkeys(p.sha256 for p in photos))
    first = {p.sha256: p for p in reversed(photos)}
    explanations = {p.sha256: p.caption for p in photos if p.caption}
    facts = [
        PhotoFacts(
            sha,
            first[sha].taken_at,
            first[sha].latitude,
            first[sha].longitude,
            tuple(sorted(others.get(sha, ()))),
        )
        for sha in shas
    ]
    lat, lon = partner_point if partner_point else (None, None)
    fallback = lat is None or lon is None
    if fallback and partner_point is not None:  # its district's centre, with a wide margin
        point = centre(partner_region)
        lat, lon = point if point else (None, None)
    found = check_photos(
        facts, checked_in, until, lat, lon, hours, metres, district_centre=fallback
    )
    return [
        {
            "kind": e.kind,
            "sha256": e.sha256,
            "detail": e.detail,
            "explanation": explanations.get(e.sha256, ""),
        }
        for e in found
    ]
