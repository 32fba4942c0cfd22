"""Demo data covers the manager's duties: records (phones encrypted), two weeks of drawn
and answered callbacks with one missed day, warnings with an escalation, closed daily
logs, complaints in every state, today's work under way."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.services import callbacks, complaints, daily_log
from app.services.demo import generate_demo


def test_demo_fills_the_duties(ctx) -> None:  # type: ignore[no-untyped-def]
    from db.models import DevRecord

    generate_demo(ctx, partners=80, months=1, seed=3)
    today = dt.date.today()
    with ctx.read_session() as s:
        assert s.scalar(select(func.count()).select_from(DevRecord)) > 100
        masked = s.scalar(select(DevRecord.phone_masked).limit(1))
    assert "****" in masked
    assert callbacks.missed_days(ctx, today) == [today - dt.timedelta(days=4)]
    progress = callbacks.day_progress(ctx, today)
    assert 0 < progress.answered < progress.drawn
    warnings = callbacks.list_warnings(ctx)
    assert warnings and any(w.escalation for w in warnings)
    assert daily_log.show_log(ctx, today - dt.timedelta(days=1)).closed
    assert not daily_log.show_log(ctx, today).closed and daily_log.show_log(ctx, today).note
    from app.services import training

    assert {t.status for t in training.list_trainings(ctx)} == {"held", "planned"}
    assert len(training.list_promotions(ctx, running_on=today)) == 1
    states = {c.status for c in complaints.list_complaints(ctx)}
    assert "closed" in states and len(states) >= 3
