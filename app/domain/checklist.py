"""Checklist templates and answers: item kinds, answer parsing per kind, scoring
(weighted share of applicable points, N-A excluded) per section and in total, and which
answers count as failures (they become findings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.domain.vocabulary import ANSWER
from app.i18n import tr

KINDS = ("yesno", "score", "number", "choice", "text", "photo")


class AnswerError(ValueError):
    """An answer that does not fit the item's kind (message is translated)."""


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    kind: str
    required: bool
    weight: float
    max: int | float | None
    options: tuple[str, ...]
    fail_if: Any
    pass_value: str
    section_key: str
    section_title: str
    min: float | None = None  # number items: the allowed range (template keys ``min`` / ``max``)


# A number item without its own range is a count: 0 to a million (a stock count of -5 or
# 1e29 is a typing slip, not a fact).
NUMBER_MIN = 0
NUMBER_MAX = 1_000_000


def _bound(raw: dict[str, Any], key: str, default: float | None) -> float | None:
    value = raw.get(key)
    if value is None or isinstance(value, bool):
        return default
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default  # ``validate_template`` names it
    if number != number or number in (float("inf"), float("-inf")):
        return default
    return int(number) if number.is_integer() else number


def _max(raw: dict[str, Any]) -> float | None:
    kind = raw.get("kind")
    if kind == "score":
        return int(raw["max"]) if raw.get("max") is not None else 5
    if kind == "number":
        return _bound(raw, "max", NUMBER_MAX)
    return int(raw["max"]) if raw.get("max") is not None else None


def template_items(body: dict[str, Any]) -> list[Item]:
    items = []
    for section in body.get("sections", []):
        for raw in section.get("items", []):
            items.append(
                Item(
                    key=str(raw["key"]),
                    label=str(raw.get("label", raw["key"])),
                    kind=str(raw.get("kind", "text")),
                    required=bool(raw.get("required", False)),
                    weight=float(raw.get("weight", 0) or 0),
                    max=_max(raw),
                    options=tuple(str(o) for o in raw.get("options", ())),
                    fail_if=raw.get("fail_if"),
                    pass_value=str(raw.get("pass_value", "yes")),
                    section_key=str(section.get("key", "")),
                    section_title=str(section.get("title", "")),
                    min=_bound(raw, "min", NUMBER_MIN) if raw.get("kind") == "number" else None,
                )
            )
    return items


def _not_number(value: Any) -> bool:
    return (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or value != value
        or abs(value) == float("inf")
    )


def validate_template(body: Any) -> list[str]:
    """Translated problems of a template body (empty when the laptops can run it): a
    name, sections with items, each item a key used once, a text label, a known kind, a
    weight of 0 or more, numeric ``min``/``max`` (a number item's ``min`` not above its
    ``max``), a choice's options and a yes/no item's ``fail_if`` (``yes`` or ``no``).
    HQ checks a version with it before publishing, the laptop a version it receives."""
    if not isinstance(body, dict):
        return [tr("checklist", "the template is not a JSON object")]
    problems: list[str] = []
    name = body.get("name")
    if not isinstance(name, str) or not name.strip() or len(name) > 100:
        problems.append(
            tr("checklist", "the template has no name (a text of at most 100 characters)")
        )
    sections = body.get("sections")
    if not isinstance(sections, list) or not sections:
        return [*problems, tr("checklist", "the template has no sections")]
    keys: set[str] = set()
    for s_no, section in enumerate(sections, 1):
        items = section.get("items") if isinstance(section, dict) else None
        if not isinstance(items, list) or not items:
            problems.append(tr("checklist", "section {n} has no items").format(n=s_no))
            continue
        for raw in items:
            key = raw.get("key") if isinstance(raw, dict) else None
            if not isinstance(key, str) or not key.strip():
                problems.append(tr("checklist", "section {n}: an item has no key").format(n=s_no))
                continue
            kind = raw.get("kind")
            label = raw.get("label", "")
            # an item as people know it: by its label (its key when it has none)
            who = label.strip() if isinstance(label, str) and label.strip() else key
            if not isinstance(label, str):
                problems.append(
                    tr("checklist", "item {key}: the label is not text").format(key=who)
                )
            if kind not in KINDS:
                problems.append(
                    tr("checklist", "item {key}: unknown kind {kind}; use one of {kinds}").format(
                        key=who, kind=kind, kinds=", ".join(sorted(KINDS))
                    )
                )
            if key in keys:
                problems.append(
                    tr("checklist", "item {key}: the key is used twice").format(key=who)
                )
            keys.add(key)
            weight = raw.get("weight", 1)
            if _not_number(weight) or weight < 0:
                problems.append(
                    tr("checklist", "item {key}: the weight is not a number of 0 or more").format(
                        key=who
                    )
                )
            bad_bound = False
            for bound in ("min", "max"):
                value = raw.get(bound)
                if value is not None and _not_number(value):
                    bad_bound = True
                    word = (
                        tr("checklist", "minimum") if bound == "min" else tr("checklist", "maximum")
                    )
                    problems.append(
                        tr("checklist", "item {key}: {bound} is not a number").format(
                            key=who, bound=word
                        )
                    )
            if kind == "number" and not bad_bound:
                low, high = _bound(raw, "min", NUMBER_MIN), _bound(raw, "max", NUMBER_MAX)
                if low > high:  # type: ignore[operator]
                    problems.append(tr("checklist", "item {key}: min is above max").format(key=who))
            if kind == "choice" and not (isinstance(raw.get("options"), list) and raw["options"]):
                problems.append(
                    tr("checklist", "item {key}: a choice needs options").format(key=who)
                )
            if kind == "yesno" and raw.get("fail_if") not in (None, "yes", "no"):
                problems.append(
                    tr("checklist", "item {key}: fail if must be yes or no").format(key=who)
                )
    return problems


def parse_answer(item: Item, text: str) -> Any:
    """Turn typed text into the stored answer value for ``item`` (photo items are handled by
    the visit service, which resolves paths and hashes)."""
    value = text.strip()
    if item.kind == "yesno":
        lowered = value.lower()
        mapping = {
            "yes": "yes",
            "y": "yes",
            "是": "yes",
            "no": "no",
            "n": "no",
            "否": "no",
            "na": "na",
            "n/a": "na",
            "n-a": "na",
            "不适用": "na",
        }
        if lowered not in mapping:
            raise AnswerError(tr("visits", "{item}: answer yes, no or na.").format(item=item.label))
        return mapping[lowered]
    if item.kind == "score":
        if value.lower() in ("na", "n/a"):
            return "na"
        try:
            number: float = int(value)
        except ValueError:
            raise AnswerError(
                tr("visits", "{item}: give a whole number from 0 to {max}.").format(
                    item=item.label, max=item.max
                )
            ) from None
        if not 0 <= number <= (item.max or 5):
            raise AnswerError(
                tr("visits", "{item}: give a whole number from 0 to {max}.").format(
                    item=item.label, max=item.max
                )
            )
        return number
    if item.kind == "number":
        try:
            number = float(value)
        except ValueError:
            raise AnswerError(
                tr("visits", "{item}: give a number.").format(item=item.label)
            ) from None
        if number != number or number in (float("inf"), float("-inf")):
            raise AnswerError(tr("visits", "{item}: give a number.").format(item=item.label))
        low = NUMBER_MIN if item.min is None else item.min
        high = NUMBER_MAX if item.max is None else item.max
        if not low <= number <= high:
            raise AnswerError(
                tr("visits", "{item}: give a number from {min} to {max}.").format(
                    item=item.label, min=_plain(low), max=_plain(high)
                )
            )
        return int(number) if number.is_integer() else number
    if item.kind == "choice":
        if (
            value not in item.options and ANSWER.key_for(value) in item.options
        ):  # 通过 / 未通过 for passed / failed
            return ANSWER.key_for(value)
        if value not in item.options:
            raise AnswerError(
                tr("visits", "{item}: choose one of {options}.").format(
                    item=item.label,
                    options="、".join(
                        ANSWER.label(o) if o in ANSWER.entries else o for o in item.options
                    ),
                )
            )
        return value
    if item.kind == "text":
        if len(value) > 5000:
            raise AnswerError(
                tr("visits", "{item}: the text is longer than 5000 characters.").format(
                    item=item.label
                )
            )
        return value
    raise AnswerError(
        tr("visits", "{item}: answer a photo item with a photo file or its SHA-256.").format(
            item=item.label
        )
    )


def _plain(number: float) -> str:
    """1000000, 2.5 (never 1e+06)."""
    return f"{number:f}".rstrip("0").rstrip(".") if isinstance(number, float) else str(number)


def is_answered(item: Item, value: Any) -> bool:
    if value is None:
        return False
    if item.kind == "text":
        return bool(str(value).strip())
    if item.kind == "photo":
        return bool(value)
    return True


def points(item: Item, value: Any) -> tuple[float, float] | None:
    """(earned, possible) for a scored item; None when not scored or not applicable."""
    if item.weight <= 0 or value is None or value == "na":
        return None
    if item.kind == "yesno":
        return (item.weight if value == item.pass_value else 0.0, item.weight)
    if item.kind == "score":
        return (item.weight * float(value) / float(item.max or 5), item.weight)
    return None


def is_failure(item: Item, value: Any) -> bool:
    """An answer that should become a finding."""
    if value is None or value == "na":
        return False
    if item.kind == "yesno" and item.fail_if is not None:
        return bool(value == item.fail_if)
    if item.kind == "score":
        return float(value) <= (item.max or 5) * 0.4
    return False


@dataclass(frozen=True)
class Score:
    total: float | None  # percentage 0..100, None when nothing applicable
    sections: dict[str, float | None]


def score(body: dict[str, Any], answers: dict[str, Any]) -> Score:
    """Weighted share of applicable points, in percent, per section and in total."""
    earned_total = possible_total = 0.0
    by_section: dict[str, list[float]] = {}
    for item in template_items(body):
        result = points(item, answers.get(item.key))
        acc = by_section.setdefault(item.section_key, [0.0, 0.0])
        if result is None:
            continue
        acc[0] += result[0]
        acc[1] += result[1]
        earned_total += result[0]
        possible_total += result[1]
    sections = {k: (round(100 * v[0] / v[1], 1) if v[1] else None) for k, v in by_section.items()}
    total = round(100 * earned_total / possible_total, 1) if possible_total else None
    return Score(total, sections)


def missing_required(body: dict[str, Any], answers: dict[str, Any]) -> list[Item]:
    return [
        i for i in template_items(body) if i.required and not is_answered(i, answers.get(i.key))
    ]


def standing_scores(
    body: dict[str, Any],
    submitted: bool,
    sealed_score: float | None,
    answers: dict[str, Any],
    newest_scored: tuple[float | None, dict[str, Any] | None] | None,
    amended: bool,
) -> tuple[float | None, dict[str, Any]]:
    """(score, section scores) of a visit as it stands: a sealed visit's newest amendment
    that carries scores (``newest_scored``), else its sealed score when never amended;
    otherwise (a draft, or amendments older than scored ones) computed from ``answers``,
    the answers as they stand."""
    if submitted:
        if newest_scored is not None:
            return newest_scored[0], dict(newest_scored[1] or {})
        if not amended:
            return sealed_score, dict(score(body, answers).sections)
    result = score(body, answers)
    return result.total, dict(result.sections)
