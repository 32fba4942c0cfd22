"""The HQ rules of the manager's duties (retention, callback share, escalation, complaint
response times): published by HQ into ``duty_rule``, defaults from ``app.domain.duties``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.domain.duties import DEFAULT_RULES, validate_rules
from app.services.context import AppContext


def duty_rules(ctx: AppContext, session: Any = None) -> dict[str, Any]:
    """Every rule, HQ's value where it published one."""
    from db.models import DutyRule

    if session is not None:
        return validate_rules(dict(session.execute(select(DutyRule.key, DutyRule.value)).all()))
    with ctx.read_session() as s:
        return validate_rules(dict(s.execute(select(DutyRule.key, DutyRule.value)).all()))


def apply_published_rules(session: Any, rows: list[dict[str, Any]]) -> int:
    """Store the rules of a down-bundle (``{"key", "value"}`` rows); unknown keys are
    ignored. Returns how many were stored."""
    from db.models import DutyRule

    stored = 0
    for row in rows:
        key = str(row.get("key", ""))
        if key in DEFAULT_RULES:
            session.merge(DutyRule(key=key, value=row.get("value"), source="hq"))
            stored += 1
    return stored
