"""What both ends know about the records they exchange: which data keys refer to a parent
record of which entity."""

from __future__ import annotations

PARENT_KEYS = {"partner_id": "partner", "visit_id": "visit", "order_id": "rectification_order", "invoice_id": "invoice", "finding_id": "finding"}
PARENT_KEY_SET = frozenset(PARENT_KEYS)
