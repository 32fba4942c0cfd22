"""What both ends know about the records they exchange: one schema per synced entity
(each data key's type, nullability, enum values, length and numeric range, date, HLC,
UUID and SHA-256 formats, and which keys refer to a parent record of which entity).

The schemas are generated from the SQLAlchemy models in ``db.models`` (column type,
length, nullability, default, foreign key) plus the small ``OVERRIDES`` table below
(enumerations from ``app.domain.vocabulary``, numeric ranges, JSON shapes), so a column
added to a model is validated the day it is added and the two cannot drift
(``tests/unit/services/test_sync_records_valid.py`` fails when a column has no rule). Each schema is
compiled into a ``msgspec.Struct``: HQ checks a whole entity's records in one C call
(``check_records``) and only explains, in Python and translated, the record that fails
(``RecordProblem``: entity, id, field and rule). The laptop checks HQ's down-bundles
with the same schemas."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal

import msgspec

from app.domain import vocabulary as voc
from app.domain.formats import AMOUNT_LIMIT
from app.domain.partners import HQ_OWNED_FIELDS
from app.i18n import tr
from app.sync.formats import all_uuids

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
HLC_PATTERN = r"^[0-9]{15}:[0-9]{6}:[^\n]+$"
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
# characters no stored text may hold: C0 controls (tab, newline and carriage return
# only in multi-line text), DEL, and lone surrogates (not UTF-8)
_BAD_LINE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_BAD_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")

FORMATS = {
    "uuid": re.compile(UUID_PATTERN),
    "sha256": re.compile(SHA256_PATTERN),
    "month": re.compile(MONTH_PATTERN),
}
FORMAT_LENGTHS = {"uuid": 36, "sha256": 64, "month": 7}
_HLC = re.compile(HLC_PATTERN)
_ONE_PATTERN = {
    "uuid": UUID_PATTERN,
    "sha256": SHA256_PATTERN,
    "month": MONTH_PATTERN,
    "hlc_map": r"^[0-9]{15}:[0-9]{6}:[^\n]+$",
}
_BATCH = {
    kind: re.compile("(?:{p})(?:\n(?:{p}))*".format(p=p.strip("^$").replace("[^\\n]", "[^\\n]")))
    for kind, p in _ONE_PATTERN.items()
}
_ONE = {kind: re.compile(p.replace("$", "\\Z")).match for kind, p in _ONE_PATTERN.items()}
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


def _annotation(rule: FieldRule) -> Any:
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
        tp = _annotation(rule)
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


# -- checking -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordProblem:
    """The first fault of a record: which field breaks which rule (translated)."""

    entity: str
    record_id: str
    field: str
    rule: str

    @property
    def message(self) -> str:
        return tr("sync", "{entity} {id}: field {field} {rule}").format(
            entity=self.entity, id=self.record_id, field=self.field, rule=self.rule
        )


_AT = re.compile(r"at `\$\[(\d+)\](?:\.(\w+))?")
_UNKNOWN = re.compile(r"Object contains unknown field `([^`]*)`")
_MISSING = re.compile(r"Object missing required field `([^`]*)`")


def check_records(
    entity: str, datas: Sequence[Any], ids: Sequence[str], texts: Sequence[str | None] | None = None
) -> RecordProblem | None:
    """The first problem of these records' ``data`` against ``entity``'s schema, or None.
    ``texts`` (the JSON text of each data as it came, or None) lets records whose text
    holds no escape skip the look at their characters."""
    schema = schemas().get(entity)
    if schema is None:
        return RecordProblem(
            entity, ids[0] if ids else "", "-", tr("sync", "belongs to an unknown record type")
        )
    try:
        msgspec.convert(datas, schema.batch)
    except msgspec.ValidationError as exc:
        return _explain(schema, datas, ids, str(exc))
    except UnicodeError:  # a lone surrogate where msgspec wants UTF-8 (an enumeration, a date)
        for i, data in enumerate(datas):
            found = (
                _check_characters(entity, ids[i], schema.fields, data)
                if isinstance(data, dict)
                else None
            )
            if found is not None:
                return found
        return RecordProblem(
            entity,
            ids[0] if ids else "",
            "-",
            tr("sync", "holds a control character or invalid text"),
        )
    problem = _check_formats(schema, datas, ids)
    if problem is not None:
        return problem
    rules = schema.fields
    for i, data in enumerate(datas):
        text = texts[i] if texts is not None else None
        if text is not None and "\\" not in text and "\x7f" not in text:
            # every character of a string in it is printable as it stands (JSON escapes
            # the other control characters, never DEL)
            continue
        problem = _check_characters(entity, ids[i], rules, data)
        if problem is not None:
            return problem
    return None


def _check_formats(
    schema: EntitySchema, datas: Sequence[Any], ids: Sequence[str]
) -> RecordProblem | None:
    """The patterns of the UUID, SHA-256, month and HLC keys (after msgspec: every
    data is a dict and each of these values a string of the right length, or null).
    Each key's values are joined by newlines and matched at once (one call of the
    pattern engine for all records); only a mismatch looks at them one by one."""
    for name, rule in schema.fields.items():
        if rule.kind in FORMATS:
            values = [data.get(name) for data in datas]
        elif rule.kind == "hlc_map":
            values = [h for data in datas if (hlcs := data.get(name)) for h in hlcs.values()]
        else:
            continue
        batch = _BATCH[rule.kind]
        present = [v for v in values if v is not None]
        if not present or (
            all_uuids(present) if rule.kind == "uuid" else batch.fullmatch("\n".join(present))
        ):
            continue
        one = _ONE[rule.kind]
        for i, data in enumerate(datas):
            value = data.get(name)
            if value is None:
                continue
            if (
                not all(one(h) for h in value.values())
                if rule.kind == "hlc_map"
                else not one(value)
            ):
                return RecordProblem(schema.entity, ids[i], name, explain_value(rule, value) or "")
    return None


def check_record(entity: str, data: Any, record_id: str) -> RecordProblem | None:
    return check_records(entity, [data], [record_id])


def _explain(
    schema: EntitySchema, datas: Sequence[Any], ids: Sequence[str], error: str
) -> RecordProblem:
    """The problem msgspec found, with the field and a translated rule."""
    found = _AT.search(error)
    index = int(found[1]) if found else 0
    rid = ids[index] if index < len(ids) else ""
    data = datas[index] if index < len(datas) else None
    if not isinstance(data, dict):
        return RecordProblem(schema.entity, rid, "data", tr("sync", "is not a JSON object"))
    unknown = _UNKNOWN.search(error)
    if unknown:
        return RecordProblem(
            schema.entity, rid, unknown[1], tr("sync", "is not a field of this record type")
        )
    missing = _MISSING.search(error)
    if missing:
        return RecordProblem(schema.entity, rid, missing[1], tr("sync", "is missing"))
    name = found[2] if found and found[2] else ""
    rule = schema.fields.get(name)
    if rule is not None:
        reason = explain_value(rule, data.get(name))
        if reason:
            return RecordProblem(schema.entity, rid, name, reason)
    # a rule the explanation does not know: msgspec's words (English, machine detail)
    return RecordProblem(schema.entity, rid, name or "-", error.split(" - at ")[0])


def explain_value(rule: FieldRule, value: Any) -> str | None:
    """Why ``value`` breaks ``rule`` (translated), or None when it does not."""
    if value is None:
        return None if rule.nullable else tr("sync", "must not be null")
    kind = rule.kind
    if rule.choices is not None:
        return (
            None
            if value in rule.choices
            else tr("sync", "must be one of {allowed} (got {value})").format(
                allowed=", ".join(rule.choices), value=_short(value)
            )
        )
    if kind in ("text", "line", "uuid", "sha256", "month"):
        if not isinstance(value, str):
            return tr("sync", "must be text (got {value})").format(value=_short(value))
        if rule.max_length and len(value) > rule.max_length:
            return tr("sync", "is longer than {n} characters ({length})").format(
                n=rule.max_length, length=len(value)
            )
        pattern = FORMATS.get(kind)
        if pattern is not None and (len(value) != FORMAT_LENGTHS[kind] or not pattern.match(value)):
            what = {
                "uuid": tr("sync", "a UUID"),
                "sha256": tr("sync", "a SHA-256 in hex"),
                "month": tr("sync", "a month YYYY-MM"),
            }[kind]
            return tr("sync", "must be {what} (got {value})").format(what=what, value=_short(value))
        return None
    if kind == "int":
        if type(value) is not int:
            return tr("sync", "must be a whole number (got {value})").format(value=_short(value))
        return _out_of_range(rule, value)
    if kind == "float":
        if type(value) not in (int, float) or (type(value) is float and not math.isfinite(value)):
            return tr("sync", "must be a number (got {value})").format(value=_short(value))
        return _out_of_range(rule, value)
    if kind == "bool":
        return (
            None
            if type(value) is bool
            else tr("sync", "must be true or false (got {value})").format(value=_short(value))
        )
    if kind in ("date", "datetime"):
        try:
            msgspec.convert(value, _annotation(replace(rule, nullable=False)))
        except msgspec.ValidationError:
            what = (
                tr("sync", "a date YYYY-MM-DD")
                if kind == "date"
                else tr("sync", "a date and time with its UTC offset (RFC 3339)")
            )
            return tr("sync", "must be {what} (got {value})").format(what=what, value=_short(value))
        return None
    if kind == "hlc_map":
        if not isinstance(value, dict) or not all(
            isinstance(h, str) and _HLC.match(h) for h in value.values()
        ):
            return tr("sync", "must map field names to HLCs")
        return None
    if kind == "tags":
        if (
            not isinstance(value, list)
            or len(value) > TAGS_MAX
            or not all(isinstance(t, str) and len(t) <= 100 for t in value)
        ):
            return tr("sync", "must be a list of at most {n} short texts").format(n=TAGS_MAX)
        return None
    if kind == "json":
        if rule.shape is dict and not isinstance(value, dict):
            return tr("sync", "must be a JSON object (got {value})").format(value=_short(value))
        if rule.shape is list and not isinstance(value, list):
            return tr("sync", "must be a JSON list (got {value})").format(value=_short(value))
    return None


def _out_of_range(rule: FieldRule, value: float) -> str | None:
    if (rule.minimum is not None and value < rule.minimum) or (
        rule.maximum is not None and value > rule.maximum
    ):
        return tr("sync", "must lie between {low} and {high} (got {value})").format(
            low=_number(rule.minimum), high=_number(rule.maximum), value=_short(value)
        )
    return None


def _number(value: float | None) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else value
    text = _BAD_LINE.sub("\N{REPLACEMENT CHARACTER}", text)
    return text if len(text) <= 40 else text[:37] + "…"


def _check_characters(
    entity: str, rid: str, rules: dict[str, FieldRule], data: dict[str, Any]
) -> RecordProblem | None:
    """Control characters and lone surrogates in any text of ``data`` (JSON values too)."""
    for name, value in data.items():
        rule = rules.get(name)
        bad = _BAD_TEXT if rule is not None and rule.kind in ("text", "json") else _BAD_LINE
        for text in _strings(value):
            if bad.search(text):
                return RecordProblem(
                    entity, rid, name, tr("sync", "holds a control character or invalid text")
                )
    return None


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            found.extend(k for k in item if isinstance(k, str))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found
