"""HQ decomposes a region's annual target to quarters, months and partners with the
laptop's arithmetic (issue 19): the same inputs give the same targets to the unit on
both ends, overrides re-balance the rest, nothing unchanged is written again, and the
published targets arrive on the laptop as HQ's (its editor shows them read-only).
SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.hq import authoring, company_targets
from app.hq.decomposition import (
    hq_decompose,
    hq_decomposition_plan,
    metric_choices,
    region_choices,
)
from app.hq.server import Hq
from app.services import decomposition as laptop
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from db.hq.models import Record
from db.models import Target
from tests.unit.services import test_sync
from tests.unit.services.test_sync import make_laptop, seed

pg_url, hq_url, hq = (
    test_sync.pg_url,
    test_sync.hq_url,
    test_sync.hq,
)  # the HQ fixtures, on SQLite and PostgreSQL


def _targets(ctx, year: int) -> dict[tuple[str, str, str], tuple[int, str]]:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        return {
            (t.period, t.scope_kind, t.scope): (t.amount, t.source)
            for t in s.scalars(select(Target).where(Target.period.like(f"{year}%")))
        }


def test_hq_decomposes_like_the_laptop_and_publishes(hq: Hq, tmp_path: Path) -> None:
    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    assert hq.ingest(export_bundle(ctx, tmp_path / "up.cdsync").path, tmp_path).status == "accepted"
    assert ("sales_volume", "sales_volume") in [(c, c) for c, _n in metric_choices()]
    assert {"3101", "310104", "310115"} <= set(region_choices(hq))
    plan = hq_decomposition_plan(hq, "sales_volume", 2030, "310100")  # the 6-digit city form
    assert plan.region == "3101" and [p[0] for p in plan.partners] == ["P001", "P002", "P003"]
    assert not (plan.locked or plan.months_locked or plan.annual_locked)
    args = dict(month_overrides={12: 200}, cell_overrides={("P001", 3): 40})
    assert hq_decompose(hq, "sales_volume", 2030, "3101", 1201, **args).written == 1 + 4 + 12 * 4
    # the laptop's own decomposition of the same inputs, in another year
    laptop.decompose_region_target(ctx, "sales_volume", 2029, "3101", 1201, **args)
    at_hq = {
        (t["period"], t["scope_kind"], t["scope"]): t["amount"]
        for t in company_targets.hq_targets(hq)
        if t["metric"] == "sales_volume"
    }
    on_laptop = {
        (period.replace("2029", "2030"), kind, scope): amount
        for (period, kind, scope), (amount, _source) in _targets(ctx, 2029).items()
    }
    assert at_hq == on_laptop
    assert (
        at_hq[("2030-12", "region", "3101")] == 200 and at_hq[("2030-03", "partner", "P001")] == 40
    )
    assert sum(v for (p, k, _s), v in at_hq.items() if k == "region" and "Q" in p) == 1201
    reopened = hq_decomposition_plan(hq, "sales_volume", 2030, "3101")
    assert reopened.annual == 1201 and reopened.overrides == {("P001", 3): 40}
    assert reopened.month_overrides == {12: 200}
    again = hq_decompose(hq, "sales_volume", 2030, "3101", 1201, **args)
    assert again.to_json() == {"written": 0, "unchanged": 1 + 4 + 12 * 4, "voided": 0}
    with pytest.raises(ValidationError):
        hq_decompose(hq, "sales_volume", 2030, "3101", 100, month_overrides={1: 101})
    with pytest.raises(ValidationError):
        hq_decompose(hq, "sales_volume", 2030, "99", 100)
    with pytest.raises(ValidationError):
        hq_decompose(hq, "no_metric", 2030, "3101", 100)
    down = hq.publish(ctx.device_id, tmp_path / "down.cdhq", authoring.reference_for_publish(hq))
    import_hq_bundle(ctx, down)
    published = _targets(ctx, 2030)
    assert {k: a for k, (a, _s) in published.items()} == at_hq
    assert {s for _a, s in published.values()} == {"hq"}
    assert laptop.decomposition_plan(ctx, "sales_volume", 2030, "3101").locked
    ctx.close()


def _live(ctx, year: int) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        return {
            (t.period, t.scope_kind, t.scope)
            for t in s.scalars(
                select(Target).where(Target.period.like(f"{year}%"), Target.voided.is_(False))
            )
        }


def test_a_decomposition_that_drops_a_partner_voids_its_old_targets(hq: Hq, tmp_path: Path) -> None:
    from app.services.lifecycle import record_lifecycle_event

    ctx = make_laptop(tmp_path, "lap", hq)
    seed(ctx, tmp_path)
    laptop.decompose_region_target(ctx, "sales_volume", 2029, "3101", 1200)
    assert hq.ingest(export_bundle(ctx, tmp_path / "b1.cdsync").path, tmp_path).status == "accepted"
    assert hq_decompose(hq, "sales_volume", 2030, "3101", 2400).written == 1 + 4 + 12 + 12 * 3
    record_lifecycle_event(ctx, "P003", "suspend", "停业整顿")
    # the laptop: the re-decomposition replaces the region's partner set ...
    laptop.decompose_region_target(ctx, "sales_volume", 2029, "3101", 1200)
    partners = {scope for _p, kind, scope in _live(ctx, 2029) if kind == "partner"}
    assert partners == {"P001", "P002"}
    assert sum(t.amount for t in _rows(ctx, 2029) if t.scope_kind == "partner") == 1200
    # ... and the removal reaches HQ as tombstones of the manager's records
    up = export_bundle(ctx, tmp_path / "b2.cdsync")
    dropped = [r for r in _records(up.path, "target") if r["data"]["scope"] == "P003"]
    assert len(dropped) == 12 and {r["op"] for r in dropped} == {"void"}
    assert hq.ingest(up.path, tmp_path).status == "accepted"
    with hq.sessions() as s:
        at_hq = [
            rec
            for rec in s.scalars(select(Record).where(Record.entity == "target"))
            if rec.data["scope"] == "P003" and rec.data["period"].startswith("2029")
        ]
    assert len(at_hq) == 12 and all(rec.voided for rec in at_hq)
    # HQ: its own re-decomposition drops the partner HQ now holds as suspended
    assert hq_decompose(hq, "sales_volume", 2030, "3101", 2400).voided == 12
    hq_partners = {
        t["scope"] for t in company_targets.hq_targets(hq) if t["scope_kind"] == "partner"
    }
    assert hq_partners == {"P001", "P002"}
    assert hq_decompose(hq, "sales_volume", 2030, "3101", 2400).to_json() == {
        "written": 0,
        "unchanged": 1 + 4 + 12 + 12 * 2,
        "voided": 0,
    }
    # ... and the next down-bundle takes the removal to the laptop
    down = hq.publish(ctx.device_id, tmp_path / "down.cdhq", authoring.reference_for_publish(hq))
    import_hq_bundle(ctx, down)
    on_laptop = {scope for _p, kind, scope in _live(ctx, 2030) if kind == "partner"}
    assert on_laptop == {"P001", "P002"}
    ctx.close()


def _rows(ctx, year: int) -> list[Target]:  # type: ignore[no-untyped-def]
    with ctx.read_session() as s:
        return list(
            s.scalars(
                select(Target).where(Target.period.like(f"{year}-%"), Target.voided.is_(False))
            )
        )


def _records(bundle: Path, entity: str) -> list[dict]:  # type: ignore[type-arg]
    import json
    import zipfile

    with zipfile.ZipFile(bundle) as z:
        name = f"records/{entity}.jsonl"
        if name not in z.namelist():
            return []
        return [json.loads(line) for line in z.read(name).decode().splitlines() if line]
