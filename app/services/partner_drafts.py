"""Autosaved drafts of the partner form (``form_draft``, one per card and one for a new
card), kept until the card is saved or the draft discarded. Saving or discarding one is
announced as a ``form_draft`` change (no view shows drafts; nothing else refreshes)."""

from __future__ import annotations

from typing import Any

from app.services.context import AppContext, Changes
from db.models import FormDraft


def draft_key(partner_id: str | None) -> str:
    return f"partner:{partner_id or 'new'}"


def save_draft(ctx: AppContext, key: str, payload: dict[str, Any]) -> Changes:
    with ctx.session() as s:
        s.merge(FormDraft(key=key, payload=payload))
    return Changes.of("form_draft")


def load_draft(ctx: AppContext, key: str) -> dict[str, Any] | None:
    with ctx.read_session() as s:
        row = s.get(FormDraft, key)
        return dict(row.payload) if row else None


def discard_draft(ctx: AppContext, key: str) -> Changes:
    with ctx.session() as s:
        row = s.get(FormDraft, key)
        if row is not None:
            s.delete(row)
    return Changes.of("form_draft")
