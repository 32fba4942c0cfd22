"""Checking records against their entity's schema (``app.sync.schema``): HQ checks a
whole entity's records in one C call (``check_records``) and only explains, in Python
and translated, the record that fails (``RecordProblem``: entity, id, field and rule).
The laptop checks HQ's down-bundles with the same schemas."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import msgspec

from app.i18n import tr
from app.sync.formats import all_uuids
from app.sync.schema import (
    FORMAT_LENGTHS,
    FORMATS,
    HLC_PATTERN,
    MONTH_PATTERN,
    SHA256_PATTERN,
    TAGS_MAX,
    UUID_PATTERN,
    EntitySchema,
    FieldRule,
    field_annotation,
    schemas,
)

# characters no stored text may hold: C0 controls (tab, newline and carriage return
# only in multi-line text), DEL, and lone surrogates (not UTF-8)
_BAD_LINE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")
_BAD_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_HLC = re.compile(HLC_PATTERN)
_ONE_PATTERN = {
    "uuid": UUID_PATTERN,
    "sha256": SHA256_PATTERN,
    "month": MONTH_PATTERN,
    "hlc_map": HLC_PATTERN,
}
_BATCH = {
    kind: re.compile("(?:{p})(?:\n(?:{p}))*".format(p=p.strip("^$").replace("[^\\n]", "[^\\n]")))
    for kind, p in _ONE_PATTERN.items()
}
_ONE = {kind: re.compile(p.replace("$", "\\Z")).match for kind, p in _ONE_PATTERN.items()}


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
            msgspec.convert(value, field_annotation(replace(rule, nullable=False)))
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
