"""HQ's week overview and score trend (issue 19) on SQLite and PostgreSQL: a week's
figures against the weekly rule, the average score per manager and region over the
recent months and weeks, amended scores counted, other periods and drafts left out."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest

from app.domain import compliance as comp
from app.errors import ValidationError
from app.hq.overview import period_overview, week_overview
from app.hq.server import Hq
from app.hq.trend import recent_periods, score_trend
from db.hq.models import Device, Record
from tests.unit.services import test_sync

pg_url, hq_url, hq = test_sync.pg_url, test_sync.hq_url, test_sync.hq

NOW = dt.datetime.now(dt.UTC)


def _local_noon(day: dt.date) -> str:
    return dt.datetime.combine(day, dt.time(12)).astimezone().astimezone(dt.UTC).isoformat()


def _fill(hq: Hq) -> dict[str, str]:
    """Two managers in two regions; visits this week, last week and two months ago."""
    devices = {"lap-a": str(uuid.uuid4()), "lap-b": str(uuid.uuid4())}
    this_monday = comp.week_bounds(comp.iso_week_label(dt.date.today()))[0]
    day_this_week = dt.date.today()
    day_last_week = this_monday - dt.timedelta(days=5)
    two_months_ago = (dt.date.today().replace(day=1) - dt.timedelta(days=40)).replace(day=10)
    n = 0

    def record(entity: str, device: str, data: dict[str, object], voided: bool = False) -> str:
        nonlocal n
        n += 1
        rid = str(uuid.uuid4())
        s.add(
            Record(
                entity=entity,
                id=rid,
                hlc=f"{1_700_000_000_000 + n:015d}:0000:{device}",
                device_id=device,
                voided=voided,
                data=data,
                field_hlc={},
                bundle_id=str(uuid.uuid4()),
            )
        )
        return rid

    def visit(device: str, day: dt.date, score: float, partner: str = "p1", **extra: object) -> str:
        data = {"partner_id": partner, "status": "submitted", "started_at": _local_noon(day)}
        return record("visit", device, {**data, "score": score, **extra})

    with hq.sessions.begin() as s:
        for user, territory in (("lap-a", "3101"), ("lap-b", "3201")):
            s.add(
                Device(
                    device_id=devices[user],
                    public_key="x" * 43 + "=",
                    user=user,
                    territory=territory,
                    revoked=False,
                    registered_at=NOW,
                )
            )
        a, b = devices["lap-a"], devices["lap-b"]
        visit(a, day_this_week, 80, "p1")
        amended = visit(a, day_this_week, 60, "p2")
        record(
            "visit_amendment",
            a,
            {"visit_id": amended, "section_scores": {}, "score": 90, "amended_at": NOW.isoformat()},
        )
        visit(a, day_this_week, 10, "p3", status="draft")  # drafts never count
        record(
            "visit",
            a,
            {"partner_id": "p4", "status": "submitted", "started_at": _local_noon(day_this_week)},
            voided=True,
        )
        visit(a, day_last_week, 70)
        visit(b, day_this_week, 50)
        visit(b, two_months_ago, 100)
    return devices


def test_recent_periods_and_bad_labels() -> None:
    assert recent_periods("month", "2026-02", 3) == ["2025-12", "2026-01", "2026-02"]
    assert recent_periods("week", "2026-W01", 3) == ["2025-W51", "2025-W52", "2026-W01"]
    for kind, label in (("week", "2026-W54"), ("week", "2025-W53"), ("month", "2026-13")):
        with pytest.raises(ValidationError):
            recent_periods(kind, label)


def test_week_overview_and_score_trend(hq: Hq) -> None:
    devices = _fill(hq)
    week = comp.iso_week_label(dt.date.today())
    data = week_overview(hq, week)
    assert data["kind"] == "week" and data["period"] == week and data["weeks"] == [week]
    rows = {m["manager"]: m for m in data["managers"]}
    # lap-a: two submitted visits this week (the amended one at 90), channels p1 and p2
    assert rows["lap-a"]["visits"] == 2 and rows["lap-a"]["channels"] == 2
    assert rows["lap-a"]["average_score"] == 85.0
    weekly = rows["lap-a"]["weekly_minimum"]
    assert weekly > 0 and rows["lap-a"]["required"] == weekly
    assert rows["lap-a"]["done"] == min(2, weekly) and rows["lap-b"]["done"] == min(1, weekly)

    trend = score_trend(hq, "week", week, 3)
    assert len(trend["periods"]) == 3 and trend["periods"][-1] == week
    by_manager = {m["manager"]: m["scores"] for m in trend["managers"]}
    assert by_manager["lap-a"] == [None, 70.0, 85.0]
    assert by_manager["lap-b"] == [None, None, 50.0]
    assert [r["territory"] for r in trend["regions"]] == [["3101"], ["3201"]]

    month = dt.date.today().strftime("%Y-%m")
    monthly = score_trend(hq, "month", month, 4)
    scores = {m["device_id"]: m["scores"] for m in monthly["managers"]}
    assert scores[devices["lap-b"]][-3] == 100.0 and scores[devices["lap-b"]][-1] == 50.0
    assert scores[devices["lap-b"]][-2] is None
    assert period_overview(hq, "month", month)["period"] == month
    assert period_overview(hq, "week", week)["period"] == week


def test_trend_with_no_devices(hq: Hq, tmp_path: Path) -> None:
    empty = score_trend(hq, "month", "2026-01")
    assert empty["managers"] == [] and empty["regions"] == [] and len(empty["periods"]) == 6


def test_visit_rows_of_a_week(hq: Hq) -> None:
    from app.hq.read_models import visit_rows

    _fill(hq)
    week = comp.iso_week_label(dt.date.today())
    last_week = comp.iso_week_label(dt.date.today() - dt.timedelta(days=7))
    assert (
        len(visit_rows(hq, week=week)) == 4
    )  # two of lap-a and its draft, lap-b's; not the voided
    assert len(visit_rows(hq, week=last_week)) == 1
    with pytest.raises(ValidationError):
        visit_rows(hq, week="2026-W60")
