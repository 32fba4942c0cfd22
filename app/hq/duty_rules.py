"""HQ's rules of the managers' duties (record retention, callback share, escalation,
complaint response times): kept in ``hq_meta`` as JSON over the defaults of
``app.domain.duties`` and published to every laptop in its down-bundle."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from app.domain.duties import DEFAULT_RULES, validate_rules
from app.errors import ValidationError
from app.i18n import tr

if TYPE_CHECKING:
    from app.hq.server import Hq

META_KEY = "duty_rules"


def duty_rules(hq: Hq) -> dict[str, Any]:
    """Every rule, HQ's value where it set one."""
    raw = hq.meta(META_KEY)
    return validate_rules(json.loads(raw) if raw else {})


def parse_assignments(items: list[str]) -> dict[str, float | int]:
    """``KEY=NUMBER`` pairs of known rules (positive numbers), or a clear error."""
    values: dict[str, float | int] = {}
    for item in items:
        key, sep, text = item.partition("=")
        key = key.strip()
        if not sep or key not in DEFAULT_RULES:
            raise ValidationError(
                tr("hq", "Unknown rule {item}; use KEY=NUMBER with one of: {keys}.").format(
                    item=item, keys=", ".join(DEFAULT_RULES)
                )
            )
        try:
            number = float(text)
        except ValueError as exc:
            raise ValidationError(
                tr("hq", "{key} takes a positive number (got {value}).").format(key=key, value=text)
            ) from exc
        if not number > 0 or number != number or number == float("inf"):
            raise ValidationError(
                tr("hq", "{key} takes a positive number (got {value}).").format(key=key, value=text)
            )
        values[key] = int(number) if number.is_integer() else number
    return values


def set_duty_rules(hq: Hq, values: dict[str, Any]) -> dict[str, Any]:
    """Store HQ's values (published with the next down-bundles); returns every rule."""
    raw = hq.meta(META_KEY)
    stored = json.loads(raw) if raw else {}
    stored.update(values)
    with hq.sessions.begin() as s:
        hq._set_meta(s, META_KEY, json.dumps(stored, sort_keys=True))
    return duty_rules(hq)
