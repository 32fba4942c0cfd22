"""The names a ``Changes`` value may carry: every table of the laptop and HQ databases, and
two that are not tables ("settings"; "demo": a whole demo data set). On the laptop
"device" is its identity and territory, at HQ the device registry. A name outside this
list is a programming error (a view waiting for a name nothing emits, or a service
announcing a typo), raised where it is made. ``tests/unit/test_entities.py`` keeps the
list equal to the databases' tables."""

from __future__ import annotations

from typing import Literal, get_args

EntityName = Literal[
    "actual",
    "app_meta",
    "attachment",
    "blob",
    "callback_call",
    "callback_draw",
    "checklist_template",
    "competitor_observation",
    "complaint",
    "contact",
    "contract",
    "daily_log",
    "demo",
    "dev_record",
    "device",
    "duty_rule",
    "exported_bundle",
    "finding",
    "form_draft",
    "frequency_rule",
    "grade_change",
    "grade_request",
    "hq_conflict",
    "hq_meta",
    "imported_bundle",
    "inventory_limit",
    "invoice",
    "kpi_definition",
    "kpi_score",
    "lifecycle_event",
    "material_count",
    "material_ledger_entry",
    "media_file",
    "metric",
    "partner",
    "partner_published",
    "partner_warning",
    "payment",
    "promotion",
    "record",
    "rectification_event",
    "rectification_order",
    "settings",
    "sync_conflict",
    "target",
    "training_session",
    "visit",
    "visit_amendment",
    "visit_answer",
    "visit_photo",
]

ENTITIES: frozenset[str] = frozenset(get_args(EntityName))


def check_entities(names: frozenset[str] | set[str] | tuple[str, ...]) -> None:
    """Raise ``ValueError`` naming any unknown entity."""
    unknown = set(names) - ENTITIES
    if unknown:
        raise ValueError(
            f"unknown entity name(s) {sorted(unknown)}: use a table name, or add it to app/entities.py"
        )
