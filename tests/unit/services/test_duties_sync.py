"""End to end (issue 20): import records, draw, record outcomes, a warning escalates, the
daily log closes and syncs, HQ sees it all — and no phone number in the bundle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.hq.server import Hq
from app.services import callbacks, complaints, daily_log, devrecords, partner_io
from app.services.sync import export_bundle
from tests.unit.services.test_duties_callbacks import PHONES, records_csv
from tests.unit.services.test_sync import make_laptop

CSV = "code,name,grade,region\nP001,金桥通信器材经营部,A,310115\nP002,天平路专营店,B,310104\nP003,淮海路数码,C,310104\n"


def test_a_day_of_duties_reaches_hq(tmp_path: Path) -> None:
    (tmp_path / "hq").mkdir()
    hq = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    hq.init()
    ctx = make_laptop(tmp_path, "lap", hq)
    partners = tmp_path / "p.csv"
    partners.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, partners)
    devrecords.import_dev_records(ctx, records_csv(tmp_path / "r.csv"))
    today = dt.date.today()
    draw = callbacks.draw_callbacks(ctx, today)
    p1 = [c for c in draw.calls if c.partner_code == "P001"]
    callbacks.record_outcome(ctx, p1[0].id, "fake", note="客户否认办理")
    callbacks.record_outcome(ctx, p1[1].id, "deposit_withheld")
    for call in draw.calls[2:]:
        if call.id not in {p1[0].id, p1[1].id}:
            callbacks.record_outcome(ctx, call.id, "confirmed")
    escalated = [w for w in callbacks.list_warnings(ctx, "P001") if w.escalation]
    assert [w.escalation for w in escalated] == ["rectification_order"]
    cid = complaints.new_complaint(ctx, "P002", "营业员态度差").id
    complaints.advance_complaint(ctx, cid, "resolved", note="已处理", satisfaction=4)
    closed = daily_log.close_log(ctx, today, note="回访完成", plan="约谈P001").view
    assert callbacks.day_progress(ctx, today).met

    bundle = export_bundle(ctx, tmp_path / "b1.cdsync")
    for entity in (
        "callback_draw",
        "callback_call",
        "partner_warning",
        "daily_log",
        "complaint",
        "rectification_order",
    ):
        assert bundle.counts.get(entity), entity
    assert "dev_record" not in bundle.counts
    raw = bundle.path.read_bytes()
    for phone in PHONES:
        assert phone.encode() not in raw
    result = hq.ingest(bundle.path, tmp_path)
    assert result.status == "accepted", result.reason

    logs = hq.records("daily_log")
    assert (
        len(logs) == 1
        and logs[0].data["closed"] is True
        and logs[0].data["content_hash"] == closed.content_hash
    )
    assert logs[0].data["note"] == "回访完成" and logs[0].data["figures"]["callbacks"] == draw.drawn
    warnings = hq.records("partner_warning")
    assert sorted(w.data["kind"] for w in warnings if not w.voided) == ["deposit_withheld", "fake"]
    assert any(w.data["escalation"] == "rectification_order" for w in warnings)
    calls = hq.records("callback_call")
    assert len(calls) == draw.drawn and all("phone" not in key for c in calls for key in c.data)
    draws = hq.records("callback_draw")
    assert draws[0].data["seed"] == draw.seed and draws[0].data["population"] == 40
    assert [c.data["status"] for c in hq.records("complaint")] == ["resolved"]
    assert hq.stats()["tables"]["daily_log"]["rows"] == 1
    ctx.close()
    hq.close()


def test_hq_month_report_counts_the_duties(tmp_path: Path) -> None:
    from app.hq.reports import hq_month_data

    (tmp_path / "hq").mkdir()
    hq = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    hq.init()
    ctx = make_laptop(tmp_path, "lap", hq)
    partners = tmp_path / "p.csv"
    partners.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, partners)
    devrecords.import_dev_records(ctx, records_csv(tmp_path / "r.csv"))
    draw = callbacks.draw_callbacks(ctx)
    callbacks.record_outcome(ctx, draw.calls[0].id, "fake")
    daily_log.close_log(ctx)
    assert hq.ingest(export_bundle(ctx, tmp_path / "b.cdsync").path, tmp_path).status == "accepted"
    data = hq_month_data(hq, dt.date.today().strftime("%Y-%m"))
    figures = dict(data.figures)
    assert (
        figures["Callbacks recorded"] == "1"
        and figures["Warnings raised"] == "1"
        and figures["Daily logs closed"] == "1"
    )
    assert data.tables[-1].rows[0][1] == "1" and data.tables[-1].rows[0][2] == "Fake record"
    ctx.close()
    hq.close()


def test_hq_rules_reach_the_laptop(tmp_path: Path) -> None:
    from app.hq.duty_rules import duty_rules, parse_assignments, set_duty_rules
    from app.services.duty_rules import duty_rules as laptop_rules
    from app.services.sync_down import import_hq_bundle

    (tmp_path / "hq").mkdir()
    hq = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    hq.init()
    ctx = make_laptop(tmp_path, "lap", hq)
    assert duty_rules(hq)["devrecord_retention_days"] == 90
    set_duty_rules(
        hq, parse_assignments(["devrecord_retention_days=30", "complaint_response_hours=1.5"])
    )
    with pytest.raises(ValidationError):
        parse_assignments(["nonsense=3"])
    with pytest.raises(ValidationError):
        parse_assignments(["callback_percent=-5"])
    device = ctx.device_id
    assert device is not None
    import_hq_bundle(ctx, hq.publish(device, tmp_path / "down.cdsync", {}))
    rules = laptop_rules(ctx)
    assert (
        rules["devrecord_retention_days"] == 30
        and rules["complaint_response_hours"] == 1.5
        and rules["callback_percent"] == 15
    )
    old = dt.date.today() - dt.timedelta(days=40)
    partners = tmp_path / "p.csv"
    partners.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, partners)
    devrecords.import_dev_records(ctx, records_csv(tmp_path / "old.csv", day=old))
    assert devrecords.purge_expired_records(ctx).count == 40  # HQ's 30 days, not the default 90
    ctx.close()
    hq.close()
