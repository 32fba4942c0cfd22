"""HQ's month overview per manager and region (issue 19): visits done against HQ's
visit-frequency rules, channels per week, average (amended) score, open rectification
orders, last sync; HQ's own rules are published to the laptop. SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.hq import authoring
from app.hq.overview import month_overview, ranking
from app.hq.server import Hq
from app.services import visits
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from tests.unit.services import test_sync
from tests.unit.services.test_sync import make_laptop, seed

pg_url, hq_url, hq = (
    test_sync.pg_url,
    test_sync.hq_url,
    test_sync.hq,
)  # the HQ fixtures, on SQLite and PostgreSQL


def test_month_overview_counts_the_managers_work(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    idle = make_laptop(tmp_path, "idle", hq, territory="4401")
    visit_id = seed(ctx, tmp_path)
    score = visits.visit_detail(ctx, visit_id)["score"]
    assert hq.ingest(export_bundle(ctx, tmp_path / "up.cdsync").path, tmp_path).status == "accepted"
    month = dt.date.today().strftime("%Y-%m")
    data = month_overview(hq, month)
    rows = {m["manager"]: m for m in data["managers"]}
    lap = rows["lap"]
    assert lap["visits"] == 1 and lap["channels"] == 1 and lap["average_score"] == round(score, 1)
    assert lap["required"] == 5 + 5 + 2 and lap["done"] == 1  # P001 (A), P002 (B), P003 (C) in 3101
    assert lap["last_sync"] is not None and sum(w["channels"] for w in lap["weeks"]) <= 1
    assert (
        rows["idle"]["visits"] == 0
        and rows["idle"]["last_sync"] is None
        and rows["idle"]["required"] == 0
    )
    assert data["visit_ids"][ctx.device_id] == [visit_id]
    assert ranking(data)[0]["manager"] == "lap"
    assert {tuple(r["territory"]) for r in data["regions"]} == {("3101",), ("4401",)}
    assert month_overview(hq, "2001-01")["managers"][0]["visits"] == 0
    with pytest.raises(ValidationError):
        month_overview(hq, "2026-13")
    rules = authoring.set_frequency_rules(hq, {"A": 8, "B": 4, "C": 1, "D": 1}, 5)
    assert {(r["grade"], r["min_visits"]) for r in rules if r["scope"] == "partner"} == {
        ("A", 8),
        ("B", 4),
        ("C", 1),
        ("D", 1),
    }
    assert {m["manager"]: m for m in month_overview(hq, month)["managers"]}["lap"][
        "required"
    ] == 8 + 4 + 1
    with pytest.raises(ValidationError):
        authoring.set_frequency_rules(hq, {"A": -1}, 3)
    import_hq_bundle(
        ctx, hq.publish(ctx.device_id, tmp_path / "down.cdhq", authoring.reference_for_publish(hq))
    )
    assert visits.compliance(ctx, month)["partners"][0]["required"] in (8, 4, 1)
    assert {
        r["partner_code"]: r["required"] for r in visits.compliance(ctx, month)["partners"]
    } == {"P001": 8, "P002": 4, "P003": 1}
    ctx.close()
    idle.close()
