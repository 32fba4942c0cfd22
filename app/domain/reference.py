"""Reference data every laptop starts with and HQ publishes (HQ can replace it through
down-bundles): visit-frequency rules, target metrics, KPI weights and the builtin
checklist templates shipped in ``resources/checklists``."""

from __future__ import annotations

import json
import logging
from typing import Any

from app.paths import resource_path

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


def builtin_templates() -> list[dict[str, Any]]:
    """Checklist templates shipped in ``resources/checklists/*.json``."""
    folder = resource_path("checklists")
    result = []
    for path in sorted(folder.glob("*.json")):
        try:
            result.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            log.error("bad builtin template %s: %s", path, exc)
    return result
