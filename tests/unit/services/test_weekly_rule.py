"""The weekly rule counts distinct channels inspected by this device's user (issue 16;
seed 001: 每周至少巡检 3 个渠道): three visits to one shop are one channel, and another
manager's visits do not count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import update

from app.domain import compliance as comp
from app.services import partner_io, period_reports, visits
from db.models import Visit
from tests.unit.services.test_amendments import ANSWERS
from tests.unit.services.test_reinspection import PHOTOS


def submitted(ctx, code: str) -> str:  # type: ignore[no-untyped-def]
    visit_id = visits.new_visit(ctx, code)
    for key, value in ANSWERS.items():
        visits.answer(ctx, visit_id, key, value)
    visits.attach_photos(ctx, visit_id, PHOTOS[:1], item_key="storefront_photo")
    visits.submit(ctx, visit_id)
    return visit_id


def test_week_counts_distinct_channels_of_this_user(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "p.csv").write_text(
        "code,name,grade,region\nP1,甲店,A,310115\nP2,乙店,A,310115\nP3,丙店,A,310115\n",
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, tmp_path / "p.csv")
    for code in ("P1", "P1", "P1", "P2"):
        submitted(ctx, code)
    other = submitted(ctx, "P3")
    with ctx.session() as s:
        s.execute(update(Visit).where(Visit.id == other).values(manager="别的经理"))
    today = dt.date.today()
    week = comp.iso_week_label(today)
    thursday = today + dt.timedelta(days=3 - today.weekday())  # the month an ISO week is listed in
    row = next(
        w for w in visits.compliance(ctx, thursday.strftime("%Y-%m"))["weeks"] if w["week"] == week
    )
    assert (row["done"], row["required"], row["shortfall"]) == (2, 3, 1)
    figures = dict(period_reports.weekly_log_data(ctx, week).figures)
    assert (
        figures["Inspections"] == "5"
        and figures["Channels you inspected"] == "2"
        and figures["Rule met"] == "No"
    )
