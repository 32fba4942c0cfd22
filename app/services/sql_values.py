"""Values as the database holds them, for the plain sqlite3 read models (``ctx.read_sql``,
no ORM): datetimes are naive UTC text ``YYYY-MM-DD HH:MM:SS.ffffff`` (what SQLAlchemy's
``UTCDateTime`` writes), dates ``YYYY-MM-DD``, booleans 0/1."""

from __future__ import annotations

import datetime as dt


def db_datetime(value: dt.datetime) -> str:
    """An aware datetime as the stored text it is compared with."""
    return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def parse_datetime(text: str | None) -> dt.datetime | None:
    """Stored datetime text as an aware UTC datetime (None stays None)."""
    if text is None:
        return None
    return dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def iso_z(text: str | None) -> str | None:
    """Stored datetime text in the JSON form ``2026-03-01T08:00:00Z`` (None stays None)."""
    value = parse_datetime(text)
    return value.isoformat().replace("+00:00", "Z") if value else None


def like_contains(term: str) -> str:
    """A LIKE pattern (``ESCAPE '/'``) matching ``term`` anywhere."""
    return "%" + term.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"
