"""What both ends know about the records they exchange: one schema per synced entity
(each data key's type, nullability, enum values, length and numeric range, date, HLC,
UUID and SHA-256 formats, and which keys refer to a parent record of which entity).

The schemas are generated from the SQLAlchemy models in ``db.models`` (column type,
length, nullability, default, foreign key) plus the small ``OVERRIDES`` table below
(enumerations from ``app.domain.vocabulary``, numeric ranges, JSON shapes), so a column
added to a model is validated the day it is added and the two cannot drift
(``tests/unit/services/test_sync_records_valid.py`` fails when a column has no rule). Each schema is
compiled into a ``msgspec.Struct``, which ``app.sync.record_check`` checks records
against."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal

import msgspec

from app.domain import hlc
from app.domain import vocabulary as voc
from app.domain.formats import AMOUNT_LIMIT
from app.domain.partners import HQ_OWNED_FIELDS

PARENT_KEYS = {
    "partner_id": "partner",
    "visit_id": "visit",
    "order_id": "rectification_order",
    "invoice_id": "invoice",
    "finding_id": "finding",
}
PARENT_KEY_SET = frozenset(PARENT_KEYS)
# fields only HQ changes (docs/sync_format.md, "Ownership"): a device's value of a
# record HQ holds is never taken
HQ_OWNED = {"partner": HQ_OWNED_FIELDS, "grade_request": ("status", "decision_note", "decided_at")}
GRADE_REQUEST_STATUSES = ("pending", "approved", "refused")
TARGET_SCOPE_KINDS = ("region", "partner")
# who set a target: HQ (published, HQ-owned), or the manager (decomposed on the laptop,
# or imported there): only the manager's go up (docs/sync_format.md, "Ownership")
TARGET_SOURCES = ("hq", "local", "import")

# bounds of the wire format (the models' own types bound the rest)
TEXT_MAX = 100_000  # characters of a Text column
VOID_REASON_MAX = 2_000
INT32 = (-(2**31), 2**31 - 1)
INT64 = (-(2**63), 2**63 - 1)
AMOUNT = (-AMOUNT_LIMIT, AMOUNT_LIMIT)  # fen: ±10 trillion yuan
FLOAT = (-1e15, 1e15)  # finite, whatever JSON number a float column gets
TAGS_MAX = 200
UUID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
HLC_PATTERN = f"^{hlc.HLC_PATTERN}$"
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"

FORMATS = {
    "uuid": re.compile(UUID_PATTERN),
    "sha256": re.compile(SHA256_PATTERN),
    "month": re.compile(MONTH_PATTERN),
}
FORMAT_LENGTHS = {"uuid": 36, "sha256": 64, "month": 7}
KINDS = (
    "text",
    "line",
    "int",
    "float",
    "bool",
    "date",
    "datetime",
    "json",
    "uuid",
    "sha256",
    "hlc_map",
    "tags",
    "month",
)


@dataclass(frozen=True)
class FieldRule:
    """One data key of an entity."""

    name: str
    kind: str  # one of KINDS; "line" is single-line text, "text" multi-line
    nullable: bool = False
    required: bool = False
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None
    ref: str | None = None  # the parent entity a foreign key refers to
    shape: type | None = None  # JSON columns: dict or list (None: any JSON value)


@dataclass(frozen=True)
class EntitySchema:
    entity: str
    fields: dict[str, FieldRule]
    struct: Any  # the msgspec.Struct compiled from ``fields``
    batch: Any  # list of it: one entity's records checked in one call


# -- the override table: what a column's SQL type does not say -------------------------


def _enum(vocabulary: voc.Vocabulary) -> dict[str, Any]:
    return {"choices": vocabulary.keys}


def _range(low: float, high: float) -> dict[str, Any]:
    return {"minimum": low, "maximum": high}


NON_NEGATIVE_COUNT = _range(0, INT32[1])
LATITUDE, LONGITUDE = _range(-90, 90), _range(-180, 180)
OVERRIDES: dict[tuple[str, str], dict[str, Any]] = {
    ("partner", "type"): _enum(voc.PARTNER_TYPE),
    ("partner", "status"): _enum(voc.PARTNER_STATUS),
    ("partner", "grade"): _enum(voc.GRADE),
    ("partner", "latitude"): LATITUDE,
    ("partner", "longitude"): LONGITUDE,
    ("partner", "credit_limit_fen"): _range(0, AMOUNT[1]),
    ("partner", "tags"): {"kind": "tags"},
    ("partner", "field_hlc"): {"kind": "hlc_map"},
    ("grade_change", "old_grade"): _enum(voc.GRADE),
    ("grade_change", "new_grade"): _enum(voc.GRADE),
    ("grade_request", "current_grade"): _enum(voc.GRADE),
    ("grade_request", "requested_grade"): _enum(voc.GRADE),
    ("grade_request", "status"): {"choices": GRADE_REQUEST_STATUSES},
    ("inventory_limit", "min_qty"): NON_NEGATIVE_COUNT,
    ("inventory_limit", "max_qty"): NON_NEGATIVE_COUNT,
    ("lifecycle_event", "kind"): _enum(voc.LIFECYCLE_EVENT),
    ("lifecycle_event", "old_status"): _enum(voc.PARTNER_STATUS),
    ("lifecycle_event", "new_status"): _enum(voc.PARTNER_STATUS),
    ("complaint", "status"): _enum(voc.COMPLAINT_STATUS),
    ("complaint", "satisfaction"): _range(1, 5),
    ("attachment", "size"): _range(0, INT64[1]),
    ("visit", "status"): _enum(voc.VISIT_STATUS),
    ("visit", "latitude"): LATITUDE,
    ("visit", "longitude"): LONGITUDE,
    ("visit", "template_version"): NON_NEGATIVE_COUNT,
    ("visit_photo", "width"): NON_NEGATIVE_COUNT,
    ("visit_photo", "height"): NON_NEGATIVE_COUNT,
    ("visit_photo", "latitude"): LATITUDE,
    ("visit_photo", "longitude"): LONGITUDE,
    ("visit_amendment", "section_scores"): {"shape": dict},
    ("rectification_order", "status"): _enum(voc.RECTIFICATION_STATUS),
    ("rectification_event", "status"): _enum(voc.RECTIFICATION_STATUS),
    ("material_ledger_entry", "kind"): _enum(voc.MATERIAL_ENTRY_KIND),
    ("actual", "period"): {"kind": "month"},
    ("actual", "amount"): _range(*AMOUNT),
    ("invoice", "amount_fen"): _range(*AMOUNT),
    ("invoice", "paid_fen"): _range(*AMOUNT),
    ("payment", "amount_fen"): _range(*AMOUNT),
    ("kpi_score", "month"): {"kind": "month"},
    ("callback_draw", "rate"): _range(0, 1),
    ("callback_draw", "population"): NON_NEGATIVE_COUNT,
    ("callback_draw", "drawn"): NON_NEGATIVE_COUNT,
    ("callback_call", "kind"): _enum(voc.BUSINESS_RECORD_KIND),
    ("callback_call", "outcome"): _enum(voc.CALLBACK_OUTCOME),
    ("callback_call", "amount_fen"): _range(*AMOUNT),
    ("callback_call", "position"): NON_NEGATIVE_COUNT,
    ("callback_call", "attempts"): NON_NEGATIVE_COUNT,
    ("callback_call", "record_id"): {"kind": "uuid"},
    ("partner_warning", "kind"): _enum(voc.WARNING_KIND),
    ("partner_warning", "source"): _enum(voc.WARNING_SOURCE),
    ("partner_warning", "escalation"): _enum(voc.WARNING_ESCALATION),
    ("partner_warning", "ref_id"): {"kind": "uuid"},
    ("partner_warning", "rectification_id"): {"kind": "uuid"},
    ("frequency_rule", "scope"): _enum(voc.RULE_SCOPE),
    ("frequency_rule", "grade"): _enum(voc.GRADE),
    ("frequency_rule", "period"): _enum(voc.PERIOD),
    ("frequency_rule", "min_visits"): NON_NEGATIVE_COUNT,
    ("target", "amount"): _range(*AMOUNT),
    ("target", "scope_kind"): {"choices": TARGET_SCOPE_KINDS},
    ("target", "source"): {"choices": TARGET_SOURCES},
}
# data keys not generated from a column: the tombstone's reason
VOID_REASON = FieldRule("void_reason", "text", nullable=True, max_length=VOID_REASON_MAX)
# columns that are not data (the record's envelope, or local bookkeeping)
ENVELOPE_COLUMNS = frozenset({"id", "hlc", "created_at", "updated_at", "voided", "void_reason"})
# entities HQ publishes to laptops besides the synced ones
DOWN_ENTITIES = ("checklist_template", "frequency_rule", "duty_rule")
# what HQ publishes in a form of its own (no model's columns): a development record with
# its customer's phone sealed to the device (app/sync/sealed.py); never in an up-bundle
SEALED_PHONE_MAX = 200
SEALED_DOWN_RULES: dict[str, dict[str, FieldRule]] = {
    "dev_record": {
        rule.name: rule
        for rule in (
            FieldRule("partner_id", "uuid", required=True, ref="partner"),
            FieldRule("record_date", "date", required=True),
            FieldRule("product", "line", required=True, max_length=100),
            FieldRule("customer_ref", "line", required=True, max_length=100),
            FieldRule("amount_fen", "int", required=True, minimum=0, maximum=AMOUNT[1]),
            FieldRule("kind", "line", required=True, choices=voc.BUSINESS_RECORD_KIND.keys),
            FieldRule("phone_sealed", "line", required=True, max_length=SEALED_PHONE_MAX),
        )
    }
}


def _rule_of(entity: str, column: Any) -> FieldRule:
    """The rule a column gives before overrides."""
    from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, Integer, String, Text

    kind_type = getattr(column.type, "impl_instance", column.type)
    nullable = bool(column.nullable)
    required = not nullable and column.default is None and column.server_default is None
    ref = next((fk.column.table.name for fk in column.foreign_keys), None)
    base = {"name": column.key, "nullable": nullable, "required": required, "ref": ref}
    if ref is not None:
        return FieldRule(kind="uuid", **base)
    if isinstance(kind_type, Boolean):
        return FieldRule(kind="bool", **base)
    if isinstance(kind_type, BigInteger):
        return FieldRule(kind="int", minimum=INT64[0], maximum=INT64[1], **base)
    if isinstance(kind_type, Integer):
        return FieldRule(kind="int", minimum=INT32[0], maximum=INT32[1], **base)
    if isinstance(kind_type, Float):
        return FieldRule(kind="float", minimum=FLOAT[0], maximum=FLOAT[1], **base)
    if isinstance(kind_type, DateTime):
        return FieldRule(kind="datetime", **base)
    if isinstance(kind_type, Date):
        return FieldRule(kind="date", **base)
    if isinstance(kind_type, JSON):
        default = getattr(column.default, "arg", None)
        shape = dict if default is dict else list if default is list else None
        return FieldRule(kind="json", shape=shape, **base)
    if isinstance(kind_type, Text):
        return FieldRule(kind="text", max_length=TEXT_MAX, **base)
    if isinstance(kind_type, String):
        length = kind_type.length
        if length == 64 and column.key.endswith("sha256"):
            return FieldRule(kind="sha256", **base)
        return FieldRule(kind="line", max_length=length, **base)
    raise TypeError(
        f"{entity}.{column.key}: no wire rule for column type {type(kind_type).__name__}"
    )


def rules_from_model(entity: str, model: Any) -> dict[str, FieldRule]:
    """Every data key of ``entity``: its columns (less the envelope), overridden by
    ``OVERRIDES``, and ``void_reason``."""
    rules: dict[str, FieldRule] = {}
    for column in model.__table__.columns:
        if column.key in ENVELOPE_COLUMNS:
            continue
        rule = _rule_of(entity, column)
        override = OVERRIDES.get((entity, column.key))
        if override:
            rule = replace(rule, **override)
        rules[column.key] = rule
    rules["void_reason"] = VOID_REASON
    return rules


def field_annotation(rule: FieldRule) -> Any:
    """The msgspec type of one rule."""
    kind = rule.kind
    meta: dict[str, Any] = {}
    if rule.choices is not None:
        tp: Any = Literal[rule.choices]
    elif kind in ("text", "line"):
        tp = Annotated[str, msgspec.Meta(max_length=rule.max_length)] if rule.max_length else str
    elif kind == "int":
        tp = int
        meta = (
            {"ge": int(rule.minimum), "le": int(rule.maximum)}
            if rule.minimum is not None and rule.maximum is not None
            else {}
        )
    elif kind == "float":
        tp = float
        meta = (
            {"ge": rule.minimum, "le": rule.maximum}
            if rule.minimum is not None and rule.maximum is not None
            else {}
        )
    elif kind == "bool":
        tp = bool
    elif kind == "date":
        tp = dt.date
    elif kind == "datetime":
        tp = Annotated[dt.datetime, msgspec.Meta(tz=True)]
    elif kind in FORMATS:
        # the length here; the pattern by ``_check_formats`` (msgspec's pattern check
        # costs ~3 µs a value, a compiled pattern's match in a loop ~0.3 µs)
        length = FORMAT_LENGTHS[kind]
        tp = Annotated[str, msgspec.Meta(min_length=length, max_length=length)]
    elif kind == "hlc_map":
        tp = dict[str, str]
    elif kind == "tags":
        tp = Annotated[
            list[Annotated[str, msgspec.Meta(max_length=100)]], msgspec.Meta(max_length=TAGS_MAX)
        ]
    elif kind == "json":
        tp = dict[str, Any] if rule.shape is dict else list[Any] if rule.shape is list else Any
    else:
        raise ValueError(kind)
    if meta:
        tp = Annotated[tp, msgspec.Meta(**meta)]
    return tp | None if rule.nullable else tp


def compile_schema(entity: str, rules: dict[str, FieldRule]) -> EntitySchema:
    fields = []
    for rule in rules.values():
        tp = field_annotation(rule)
        # a key the sender leaves out keeps the column's default (HQ publishes part of a
        # card); the default is never checked, so an explicit null still fails
        fields.append((rule.name, tp) if rule.required else (rule.name, tp, None))
    fields.sort(key=lambda f: len(f) == 3)  # required fields first
    struct = msgspec.defstruct(
        f"{entity}_record", fields, forbid_unknown_fields=True, omit_defaults=True
    )
    return EntitySchema(entity, rules, struct, list[struct])  # type: ignore[valid-type]


@functools.cache
def schemas() -> dict[str, EntitySchema]:
    """Entity → schema, for every synced entity and what HQ publishes."""
    from db.base import Base
    from db.models import SYNC_TABLES

    models = {getattr(m.class_, "__tablename__", None): m.class_ for m in Base.registry.mappers}
    return {
        **{
            entity: compile_schema(entity, rules_from_model(entity, models[entity]))
            for entity in (*SYNC_TABLES, *DOWN_ENTITIES)
        },
        **{entity: compile_schema(entity, rules) for entity, rules in SEALED_DOWN_RULES.items()},
    }
