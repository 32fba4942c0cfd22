"""The columns and defaults of the tables the partner import writes (``partner``,
``contact``, ``grade_change``, ``lifecycle_event``), as their ORM models declare them, so
that an import builds its rows without importing SQLAlchemy's ORM (a third of a second
of every ``partners import``). A test keeps each spec equal to ``RowInserter(Model)``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_ROW = ("id", "hlc", "created_at", "updated_at", "voided", "void_reason")  # SyncMixin's
_ROW_DEFAULTS: dict[str, Any] = {"hlc": "", "voided": 0, "void_reason": None}
_MADE_PER_ROW = ("id", "created_at", "updated_at")


@dataclass(frozen=True)
class TableSpec:
    """A table's columns in the model's order, the defaults the ORM fills in, and the
    columns whose default is made per row (a writer must give those)."""

    table: str
    columns: tuple[str, ...]
    static: dict[str, Any]
    made_per_row: tuple[str, ...]


PARTNER = TableSpec(
    "partner",
    (
        "code",
        "name",
        "type",
        "status",
        "grade",
        "province_code",
        "city_code",
        "district_code",
        "address",
        "latitude",
        "longitude",
        "licence_no",
        "credit_rating",
        "credit_limit_fen",
        "bank_info",
        "tags",
        "notes",
        "manager",
        "merged_into_id",
        "field_hlc",
        *_ROW,
    ),
    {
        "code": None,
        "name": None,
        "type": "dealer",
        "status": "active",
        "grade": "C",
        "province_code": None,
        "city_code": None,
        "district_code": None,
        "address": "",
        "latitude": None,
        "longitude": None,
        "licence_no": "",
        "credit_rating": "",
        "credit_limit_fen": 0,
        "bank_info": "",
        "notes": "",
        "manager": "",
        "merged_into_id": None,
        **_ROW_DEFAULTS,
    },
    ("tags", "field_hlc", *_MADE_PER_ROW),
)
CONTACT = TableSpec(
    "contact",
    ("partner_id", "name", "role", "phone", "email", "is_primary", *_ROW),
    {
        "partner_id": None,
        "name": None,
        "role": "",
        "phone": "",
        "email": "",
        "is_primary": 0,
        **_ROW_DEFAULTS,
    },
    _MADE_PER_ROW,
)
GRADE_CHANGE = TableSpec(
    "grade_change",
    ("partner_id", "old_grade", "new_grade", "reason", "effective_date", "changed_by", *_ROW),
    {
        "partner_id": None,
        "old_grade": None,
        "new_grade": None,
        "reason": "",
        "effective_date": None,
        "changed_by": "",
        **_ROW_DEFAULTS,
    },
    _MADE_PER_ROW,
)
LIFECYCLE_EVENT = TableSpec(
    "lifecycle_event",
    (
        "partner_id",
        "kind",
        "reason",
        "effective_date",
        "note",
        "approver",
        "old_status",
        "new_status",
        "survivor_id",
        "from_manager",
        "to_manager",
        "from_region",
        "to_region",
        "recorded_by",
        "details",
        *_ROW,
    ),
    {
        "partner_id": None,
        "kind": None,
        "reason": "",
        "effective_date": None,
        "note": "",
        "approver": "",
        "old_status": None,
        "new_status": None,
        "survivor_id": None,
        "from_manager": None,
        "to_manager": None,
        "from_region": None,
        "to_region": None,
        "recorded_by": "",
        "details": None,
        **_ROW_DEFAULTS,
    },
    _MADE_PER_ROW,
)
SPECS = (PARTNER, CONTACT, GRADE_CHANGE, LIFECYCLE_EVENT)
# a partner's fields with their own HLC (``field_hlc``), as context.partner_lww_fields
PARTNER_LWW_FIELDS = tuple(
    c for c in PARTNER.columns if c not in {"id", "hlc", "created_at", "updated_at", "field_hlc"}
)
