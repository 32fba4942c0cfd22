"""The names a ``Changes`` value may carry: every table of the laptop and HQ databases, and
two that are not tables ("settings"; "demo": a whole demo data set). On the laptop
"device" is its identity and territory, at HQ the device registry. A name outside this
list is a programming error (a view waiting for a name nothing emits, or a service
announcing a typo), raised where it is made. ``tests/unit/test_entities.py`` keeps the
list equal to the databases' tables.

``Changes`` (what a user action changed) and ``Created`` (a new record's id with its
change) live here, beside the names they carry, so the laptop's services and HQ's
(``app/hq``, a sibling layer) both return them; ``app.services.context`` re-exports
them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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


@dataclass(frozen=True)
class Changes:
    """What a user action changed: entity names (``app.entities.EntityName``: table names
    and a few others, checked when made) and optional ids. ``initiator`` is the view that
    asked for the change (set by the UI's ``OpRunner``), so it can skip its own echo."""

    entities: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    note: str = ""
    initiator: object | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        check_entities(self.entities)

    @classmethod
    def of(
        cls, *entities: EntityName, ids: set[str] | frozenset[str] | None = None, note: str = ""
    ) -> Changes:
        return cls(frozenset(entities), frozenset(ids or ()), note)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.entities | other.entities,
            self.ids | other.ids,
            self.note or other.note,
            self.initiator or other.initiator,
        )

    def touches(self, *entities: EntityName) -> bool:
        check_entities(entities)
        return bool(self.entities & set(entities))

    def from_initiator(self, initiator: object | None) -> Changes:
        """The same change, marked as asked for by ``initiator``."""
        return replace(self, initiator=initiator)

    def echoes(self, view: object) -> bool:
        """True when ``view`` itself asked for this change (it has already shown it)."""
        return self.initiator is not None and self.initiator is view


@dataclass(frozen=True)
class Created:
    """What an action that makes one new record returns: the new record's ``id`` and the
    ``changes`` (which the UI's ``OpRunner`` announces)."""

    id: str
    changes: Changes
