"""The user's identity on this laptop as a user action: the name printed on every report
and the territory sent with every bundle (kept in ``app_meta`` by ``initialise_device``)."""

from __future__ import annotations

from pathlib import Path

from app.services.context import AppContext, Changes
from app.services.device import initialise_device


def save_identity(ctx: AppContext, user: str, territory: list[str]) -> Changes:
    """Store the user's name and territory (Settings' identity save)."""
    initialise_device(ctx, user=user, territory=territory)
    return Changes.of("device")


def trust_hq_key(ctx: AppContext, path: Path) -> Changes:
    """Trust the HQ public key in ``path`` (Settings' "HQ public key…")."""
    initialise_device(ctx, hq_key_file=path)
    return Changes.of("device")
