"""HQ's generic ``record`` store queried by JSON field: the field expressions both
databases index (``field``; on PostgreSQL a visit's and a visit child's plain columns,
``visit_field`` and ``child_field``), the month and week filters of visits, records by id
and children by their parent, and the period and time texts the read models share
(``hq visits``, the overview, the score trend, the visit report)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, String, and_, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal

from app.domain import compliance as comp
from app.errors import ValidationError
from app.hq.records import PARENT_COLUMN, VISIT_COLUMNS
from app.i18n import tr
from db.hq.models import VISIT_CHILDREN, Record


class JsonField(FunctionElement[str]):
    """``record.data``'s field ``key`` as text, written with the key as a literal —
    ``json_extract(record.data, '$.key')`` on SQLite, ``(record.data ->> 'key')`` on
    PostgreSQL — so that the expression indexes of HQ migration hq0002 apply."""

    type = String()
    inherit_cache = True
    _traverse_internals = [("key", InternalTraversal.dp_string)]  # part of the statement cache key

    def __init__(self, key: str) -> None:
        if not re.fullmatch(r"[a-z_0-9]+", key):
            raise ValueError(key)
        self.key = key
        super().__init__()


@compiles(JsonField, "postgresql")
def _pg_field(element: JsonField, compiler: Any, **kw: Any) -> str:
    return f"(record.data ->> '{element.key}')"


@compiles(JsonField)
def _sqlite_field(element: JsonField, compiler: Any, **kw: Any) -> str:
    return f"json_extract(record.data, '$.{element.key}')"


def field(key: str) -> ColumnElement[Any]:
    """A record's JSON field as text (``json_extract`` on SQLite, ``->>`` on PostgreSQL)."""
    return JsonField(key)


class VisitField(JsonField):
    """A visit's field as ``JsonField`` gives it; on PostgreSQL its plain column of HQ
    migrations hq0003/hq0005 (``visit_started`` …, indexed by ``ix_record_visit_month``),
    which holds the same text for visits and NULL for other entities: only for
    statements on visits."""

    inherit_cache = True


_VISIT_COLUMN = {key: column for column, key in VISIT_COLUMNS.items()}


@compiles(VisitField, "postgresql")
def _pg_visit_field(element: VisitField, compiler: Any, **kw: Any) -> str:
    return f"record.{_VISIT_COLUMN[str(element.key)]}"


@compiles(VisitField)
def _sqlite_visit_field(element: VisitField, compiler: Any, **kw: Any) -> str:
    return _sqlite_field(element, compiler, **kw)


def visit_field(key: str) -> ColumnElement[Any]:
    """A visit's field ``key`` (one of ``VISIT_COLUMNS``' keys), in a statement on visits."""
    if key not in _VISIT_COLUMN:
        raise ValueError(key)
    return VisitField(key)


class ParentField(JsonField):
    """A visit child's ``visit_id`` as ``JsonField`` gives it; on PostgreSQL its plain
    column ``visit_parent`` of HQ migration hq0005 (indexed by ``ix_record_visit_child``),
    which only the entities of ``VISIT_CHILDREN`` fill."""

    inherit_cache = True


@compiles(ParentField, "postgresql")
def _pg_parent_field(element: ParentField, compiler: Any, **kw: Any) -> str:
    return f"record.{PARENT_COLUMN}"


@compiles(ParentField)
def _sqlite_parent_field(element: ParentField, compiler: Any, **kw: Any) -> str:
    return _sqlite_field(element, compiler, **kw)


def child_field(entity: str, key: str) -> ColumnElement[Any]:
    """``field(key)`` in a statement on ``entity``'s records; a visit child's
    ``visit_id`` read from its indexed plain column on PostgreSQL."""
    return ParentField(key) if key == "visit_id" and entity in VISIT_CHILDREN else field(key)


def check_week(week: str) -> str:
    """An ISO week label ``YYYY-Www`` (weeks 01–53 that exist in that year)."""
    if re.fullmatch(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])", week or ""):
        try:
            comp.week_bounds(week)
            return week
        except ValueError:
            pass
    raise ValidationError(
        tr("hq", "Give the week as YYYY-Www, e.g. 2026-W09 (got {value}).").format(value=week)
    )


def month_days(month: str) -> tuple[dt.date, dt.date]:
    """The first day of the month and of the next one."""
    year, mon = int(month[:4]), int(month[5:7])
    return dt.date(year, mon, 1), dt.date(year + mon // 12, mon % 12 + 1, 1)


def utc_bound(day: dt.date) -> str:
    """The local midnight that begins ``day`` as the UTC ISO text synced records carry
    (``YYYY-MM-DDTHH:MM:SS+00:00``): visits belong to the month of their local start, as
    on the laptop, and these texts compare in time order."""
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC).isoformat()


def iso_z(value: Any) -> str | None:
    """A synced datetime text as the laptop prints it (UTC, ``Z``)."""
    if not value:
        return None
    parsed = parse_time(value)
    return parsed.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if parsed else str(value)


def parse_time(value: Any) -> dt.datetime | None:
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)


def month_filter(month: str) -> ColumnElement[bool]:
    """Visits of a month: started in it (local days), or not started and planned in it."""
    start, end = month_days(comp.check_month(month))
    return days_filter(start, end)


def days_filter(start: dt.date, end: dt.date) -> ColumnElement[bool]:
    """Visits started on the local days ``start`` ≤ day < ``end``, or not started and
    planned on one of them (a month, or an ISO week of the Overview's week view)."""
    started = visit_field("started_at")
    return or_(
        and_(started >= utc_bound(start), started < utc_bound(end)),
        and_(
            started.is_(None),
            field("planned_for") >= start.isoformat(),
            field("planned_for") < end.isoformat(),
        ),
    )


def by_ids(s: Session, entity: str, ids: Iterable[str]) -> dict[str, Record]:
    """The records of ``entity`` with these ids, by id."""
    wanted = sorted(set(ids))
    found: dict[str, Record] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(
            {
                r.id: r
                for r in s.scalars(
                    select(Record).where(Record.entity == entity, Record.id.in_(chunk))
                )
            }
        )
    return found


def children(s: Session, entity: str, key: str, parent_ids: Iterable[str]) -> list[Record]:
    """The live records of ``entity`` whose ``key`` field names one of ``parent_ids``."""
    wanted = sorted(set(parent_ids))
    rows: list[Record] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows.extend(
            s.scalars(
                select(Record).where(
                    Record.entity == entity,
                    Record.voided.is_(False),
                    child_field(entity, key).in_(chunk),
                )
            )
        )
    return rows


def amendment_key(rec: Record) -> tuple[str, str]:
    return (str(iso_z(rec.data.get("amended_at")) or ""), rec.id)


def newest_scored(amendments: Iterable[Record]) -> dict[str, Record]:
    """Visit id → its newest amendment that carries the score of its version."""
    newest: dict[str, Record] = {}
    for rec in amendments:
        if rec.data.get("section_scores") is None:
            continue
        vid = str(rec.data.get("visit_id") or "")
        if vid not in newest or amendment_key(rec) > amendment_key(newest[vid]):
            newest[vid] = rec
    return newest
