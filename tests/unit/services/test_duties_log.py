"""The complaint workflow (forward only, step times, satisfaction 1–5, HQ's response
times and overdue reminders) and the daily log (assembled, notes and plan, sealed on
close, roll-ups)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import NotFoundError, ValidationError
from app.services import callbacks, complaints, daily_log, devrecords
from app.services.reminders import duty_reminders
from db.base import utcnow
from tests.unit.services.test_duties_callbacks import records_csv
from tests.unit.services.test_partners_and_visits import CSV


@pytest.fixture
def seeded(ctx, tmp_path):  # type: ignore[no-untyped-def]
    from app.services import partner_io

    path = tmp_path / "p.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)
    return ctx


def test_complaint_moves_forward_with_times_and_satisfaction(seeded) -> None:  # type: ignore[no-untyped-def]
    from db.models import Complaint

    cid = complaints.new_complaint(seeded, "P001", "营业员态度差").id
    with pytest.raises(ValidationError):
        complaints.advance_complaint(seeded, cid, "assigned", satisfaction=4)
    complaints.advance_complaint(seeded, cid, "assigned", note="交店长处理")
    with pytest.raises(ValidationError, match="only move forward"):
        complaints.advance_complaint(seeded, cid, "received")
    complaints.advance_complaint(seeded, cid, "resolved", note="已道歉", satisfaction=5)
    with pytest.raises(ValidationError):
        complaints.advance_complaint(seeded, cid, "closed", satisfaction=6)
    complaints.advance_complaint(seeded, cid, "closed")
    with seeded.read_session() as s:
        c = s.get(Complaint, cid)
        assert c.status == "closed" and c.satisfaction == 5 and c.closed_date == dt.date.today()
        assert (
            c.assigned_at and c.responded_at and c.resolved_at and c.closed_at
        )  # the skipped step got a time too
        assert "交店长处理" in c.handling and "已道歉" in c.handling
    assert [r.status for r in complaints.list_complaints(seeded, "closed")] == ["closed"]
    with pytest.raises(NotFoundError):
        complaints.advance_complaint(seeded, "nope", "closed")
    with pytest.raises(NotFoundError):
        complaints.new_complaint(seeded, "NOPE", "x")
    with pytest.raises(ValidationError):
        complaints.new_complaint(seeded, "P001", "  ")


def test_overdue_by_hq_rule(seeded) -> None:  # type: ignore[no-untyped-def]
    from db.models import Complaint, DutyRule

    cid = complaints.new_complaint(seeded, "P002", "等太久").id
    later = utcnow() + dt.timedelta(hours=3)
    assert [c.overdue for c in complaints.list_complaints(seeded, now=later)] == ["response"]
    with seeded.session() as s:
        s.merge(DutyRule(key="complaint_response_hours", value=4))
    assert complaints.overdue_complaints(seeded, now=later) == []
    complaints.advance_complaint(seeded, cid, "responded")
    assert [
        c.overdue for c in complaints.list_complaints(seeded, now=utcnow() + dt.timedelta(hours=49))
    ] == ["resolution"]
    with seeded.session() as s:
        s.get(Complaint, cid).received_at = utcnow() - dt.timedelta(hours=50)
    assert any("complaint" in r.text for r in duty_reminders(seeded, dt.date.today()))


def test_daily_log_assembles_seals_and_rolls_up(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from db.models import DailyLog

    devrecords.import_dev_records(seeded, records_csv(tmp_path / "r.csv"))
    today = dt.date.today()
    draw = callbacks.draw_callbacks(seeded, today)
    callbacks.record_outcome(seeded, draw.calls[0].id, "confirmed")
    cid = complaints.new_complaint(seeded, "P001", "投诉").id
    complaints.advance_complaint(seeded, cid, "assigned")
    daily_log.save_log_notes(seeded, today, note="回访一户", plan="明天去P002")
    view = daily_log.show_log(seeded, today)
    assert (
        view.to_json()["callbacks"] == 1
        and view.figures["callbacks_drawn"] == draw.drawn
        and view.figures["complaints"] == 1
    )
    assert view.note == "回访一户" and not view.closed
    closed = daily_log.close_log(seeded, today, plan="明天去P003").view
    assert closed.closed and closed.plan == "明天去P003" and len(closed.content_hash) == 64
    assert closed.content_hash == daily_log.seal_hash(
        today, closed.figures, closed.note, closed.plan, closed.manager
    )
    callbacks.record_outcome(
        seeded, draw.calls[1].id, "confirmed"
    )  # after closing: the sealed figures stay
    assert daily_log.show_log(seeded, today).figures["callbacks"] == 1
    with pytest.raises(ValidationError, match="closed"):
        daily_log.close_log(seeded, today)
    with pytest.raises(ValidationError, match="closed"):
        daily_log.save_log_notes(seeded, today, note="改")
    with pytest.raises(ValidationError):
        daily_log.close_log(seeded, today + dt.timedelta(days=1))
    start, end = daily_log.parse_week(None)
    week = daily_log.rollup(seeded, start, end)
    assert week.figures["callbacks"] >= 1 and week.closed_days == 1 and len(week.days) == 7
    assert daily_log.parse_month("2026-02") == (dt.date(2026, 2, 1), dt.date(2026, 3, 1))
    with pytest.raises(ValidationError):
        daily_log.parse_week("2026-W60")
    with pytest.raises(ValidationError):
        daily_log.parse_month("2026-13")
    with seeded.read_session() as s:
        assert s.scalar(
            select(DailyLog.hlc).where(DailyLog.log_date == today)
        )  # syncs like every row


def test_suspension_proposal_is_a_reminder(seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    devrecords.import_dev_records(seeded, records_csv(tmp_path / "r.csv"))
    draw = callbacks.draw_callbacks(seeded)
    p1 = [c for c in draw.calls if c.partner_code == "P001"]
    assert not any("Suspension" in r.text for r in duty_reminders(seeded, dt.date.today()))
    for call, outcome in zip(
        p1, ("fake", "deposit_withheld", "unauthorised_connection"), strict=False
    ):
        callbacks.record_outcome(seeded, call.id, outcome)
    assert any(
        "Suspension proposed for P001" in r.text for r in duty_reminders(seeded, dt.date.today())
    )
