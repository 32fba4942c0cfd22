"""Reference data every laptop starts with (HQ can replace it through down-bundles):
visit-frequency rules, target metrics, KPI weights and the builtin checklist templates."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.domain.reference import (
    DEFAULT_FREQUENCY_RULES,
    DEFAULT_KPIS,
    DEFAULT_METRICS,
    builtin_templates,
)
from db.models import ChecklistTemplate, FrequencyRule, KpiDefinition, Metric

if TYPE_CHECKING:
    from app.services.context import AppContext

log = logging.getLogger(__name__)


def seed_reference_data(ctx: AppContext) -> None:
    """Insert what is missing; never overwrites data that HQ published."""
    with ctx.session() as s:
        if s.scalar(select(FrequencyRule.id).limit(1)) is None:
            for scope, grade, period, minimum in DEFAULT_FREQUENCY_RULES:
                s.add(FrequencyRule(scope=scope, grade=grade, period=period, min_visits=minimum))
        known_metrics = set(s.scalars(select(Metric.code)))
        for code, name, unit in DEFAULT_METRICS:
            if code not in known_metrics:
                s.add(Metric(code=code, name=name, unit=unit))
        known_kpis = set(s.scalars(select(KpiDefinition.code)))
        for order, (code, name, weight) in enumerate(DEFAULT_KPIS):
            if code not in known_kpis:
                s.add(KpiDefinition(code=code, name=name, weight=weight, sort_order=order))
        existing = {
            (n, v) for n, v in s.execute(select(ChecklistTemplate.name, ChecklistTemplate.version))
        }
        for body in builtin_templates():
            key = (body.get("name"), int(body.get("version", 1)))
            if key in existing:
                continue
            s.add(
                ChecklistTemplate(
                    name=body["name"],
                    version=int(body.get("version", 1)),
                    title=body.get("title", body["name"]),
                    body=body,
                    source="builtin",
                    is_default=bool(body.get("default", False)),
                )
            )
