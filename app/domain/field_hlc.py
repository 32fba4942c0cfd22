"""The stored form of a partner's ``field_hlc`` (the HLC of each field's last change).

A card whose every field was written by one stamp — a partner created by an import — is
stored as that stamp alone, as a JSON string (``"0017…:000000:node"``, 61 bytes), not as
the object that names it 21 times (~1.5 KB a card, 150 MB of a 100 000-row import).
Every reader sees the object: ``expand`` turns the string into ``{field: stamp}`` for
each of the partner's fields (the ORM column type in ``db.models.partners``, the sync
export's lines and size estimates in ``app.services``, the import's reads). The object
is what is merged, edited and sent: a sync bundle never holds the short form, and a
card is stored as the object again at its first change. Databases that may hold the short
form are at migration 0012 or later, so an older build refuses to open them; 0012's
downgrade writes the objects back.

The fields are the partner's columns other than ``id``, ``hlc``, ``created_at``,
``updated_at`` and ``field_hlc`` (``app.services.context.partner_lww_fields``). A
migration that adds a partner column must first rewrite the short forms as objects,
else the new field would read as written by the card's creation."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any


def compact(hlc: str) -> str:
    """The stored text of a card whose every field carries ``hlc``."""
    return json.dumps(hlc)


def expand(value: Any, fields: Sequence[str]) -> Any:
    """A parsed ``field_hlc`` as the object of stamps (a short form expanded; an object,
    or anything else, as it is)."""
    return dict.fromkeys(fields, value) if isinstance(value, str) else value


def expand_text(text: str | None, fields: Sequence[str]) -> dict[str, str]:
    """The object of a stored ``field_hlc`` text (``{}`` for NULL or empty)."""
    value = json.loads(text) if text else None
    return expand(value, fields) or {}
