"""A re-inspection's checklist as data: its "orders" section lists one choice item per
rectification order (keyed by the order id), with the after-photo and the note answered
under the order id plus a suffix. ``outcome`` reads one order's result from the answers
(``app.services.reinspection`` writes them; the visit read model reads them)."""

from __future__ import annotations

from typing import Any

ORDERS_SECTION = "orders"
PASSED, FAILED = "passed", "failed"
PHOTO_SUFFIX = ":after_photo"
NOTE_SUFFIX = ":note"


def order_keys(body: dict[str, Any]) -> list[str]:
    """The order ids a re-inspection's checklist lists."""
    return [
        str(item["key"])
        for section in body.get("sections", [])
        if section.get("key") == ORDERS_SECTION
        for item in section.get("items", [])
        if item.get("kind") == "choice" and item.get("order_id")
    ]


def outcome(
    order_id: str,
    description: str,
    answers: dict[str, Any],
    before_photo: str | None,
    stored_after_photo: str | None,
) -> dict[str, Any]:
    """One order of a re-inspection: description, outcome, note, before- and after-photo
    (the photo answered at this re-inspection, else the one the order holds)."""
    photos = answers.get(order_id + PHOTO_SUFFIX) or []
    return {
        "order_id": order_id,
        "description": description,
        "outcome": answers.get(order_id),
        "note": str(answers.get(order_id + NOTE_SUFFIX) or ""),
        "before_photo": before_photo,
        "after_photo": photos[0] if isinstance(photos, list) and photos else stored_after_photo,
    }
