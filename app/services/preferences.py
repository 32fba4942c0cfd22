"""The Settings dialog's preferences (and any other change of the settings file) as a user
action: the values are applied to a copy of the laptop's settings, the copy is written to
``settings.json`` (atomically, on the writer thread) and only then becomes the context's
settings, so a failed write leaves both the file and the settings in memory as they were."""

from __future__ import annotations

import dataclasses
from typing import Any

from app.services.context import AppContext, Changes
from app.settings import Settings, save_settings

PREFERENCE_FIELDS = frozenset(
    {
        "language",
        "company_name",
        "default_template",
        "photo_max_mb",
        "rectification_warning_days",
        "unacked_warning_days",
    }
)


def save_preferences(ctx: AppContext, **values: Any) -> Changes:
    """Store the given preferences (names from ``PREFERENCE_FIELDS``); an ``OSError``
    when the file cannot be written, with nothing changed."""
    unknown = set(values) - PREFERENCE_FIELDS
    if unknown:
        raise ValueError(f"not a preference: {sorted(unknown)}")
    return store_settings(ctx, **values)


def store_settings(ctx: AppContext, **values: Any) -> Changes:
    """Store the given ``Settings`` fields, the file first, then the settings in memory
    (the preferences, View → text size, the first run's end); an ``OSError`` when the
    file cannot be written, with nothing changed."""
    updated: Settings = dataclasses.replace(ctx.settings, **values)
    save_settings(ctx.paths.settings_file, updated)
    ctx.settings = updated
    return Changes.of("settings")
