"""Reference data every laptop starts with (HQ can replace it through down-bundles):
visit-frequency rules, target metrics, KPI weights and the builtin checklist templates."""

from __future__ import annotations

import json
import logging

from sqlalchemy import select

from app.paths import resource_path
from app.services.context import AppContext
from db.models import ChecklistTemplate, FrequencyRule, KpiDefinition, Metric

log = logging.getLogger(__name__)

DEFAULT_FREQUENCY_RULES = [
    # (scope, grade, period, min_visits) — DOMAIN.md, seeds 002 and 001
    ("partner", "A", "month", 5),
    ("partner", "B", "month", 5),
    ("partner", "C", "month", 2),
    ("partner", "D", "month", 2),
    ("manager", None, "week", 3),
]

DEFAULT_METRICS = [
    ("sales_volume", "销量", "unit"),
    ("revenue", "销售额", "fen"),
    ("new_outlets", "新增网点", "count"),
    ("collections", "回款", "fen"),
    ("market_share", "市场份额", "permille"),
    ("development", "发展量", "count"),  # new customers signed up (the daily development records)
]

DEFAULT_KPIS = [
    ("market_share", "市场份额", 0.25),
    ("revenue", "销售收入", 0.25),
    ("channel_utilisation", "渠道利用率", 0.15),
    ("customer_satisfaction", "客户满意度", 0.15),
    ("visit_compliance", "巡检达标率", 0.10),
    ("rectification_closure", "整改完成率", 0.10),
]


def builtin_templates() -> list[dict]:
    """Checklist templates shipped in ``resources/checklists/*.json``."""
    folder = resource_path("checklists")
    result = []
    for path in sorted(folder.glob("*.json")):
        try:
            result.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            log.error("bad builtin template %s: %s", path, exc)
    return result


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
        existing = {(n, v) for n, v in s.execute(select(ChecklistTemplate.name, ChecklistTemplate.version))}
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
