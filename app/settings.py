"""Typed user settings with defaults and a version number, stored as JSON in the data
dir (one module; no scattered QSettings calls). Reading converts every value to its
field's type (a value of the wrong type falls back to the default, logged); numbered
upgrade steps (``UPGRADES``, Picard's ``config_upgrade``) carry an older file forward.

The user's name and territory are not settings: they are the device's identity, kept in
the database's ``app_meta`` (``ctx.user_name``, ``ctx.territory``), which HQ also sees."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.atomic import Durability, atomic_write

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    language: str = ""  # "" = follow the system locale
    first_run_done: bool = False
    company_name: str = "渠道管理部"
    company_logo: str = ""
    default_template: str = "store_inspection"
    photo_max_mb: int = 100
    photo_report_max_px: int = 1200
    contract_warning_days: list[int] = field(default_factory=lambda: [90, 30, 7])
    rectification_warning_days: int = 3
    unacked_warning_days: int = 7
    auto_backup: bool = True
    window_geometry: str = ""
    text_scale: int = 100  # percent of the system font size (View → Larger/Smaller text)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Settings:
        raw = upgrade(dict(raw))
        defaults = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in raw or f.name == "version":
                continue
            value = _converted(raw[f.name], getattr(defaults, f.name))
            if value is None:
                log.warning(
                    "setting %s: %r is not a %s; using the default",
                    f.name,
                    raw[f.name],
                    type(getattr(defaults, f.name)).__name__,
                )
                continue
            values[f.name] = value
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _converted(value: Any, default: Any) -> Any:
    """``value`` as the type of ``default`` (None when it cannot be)."""
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    if isinstance(default, list):
        if not isinstance(value, list):
            return None
        item_type = type(default[0]) if default else object
        return (
            list(value)
            if all(isinstance(v, item_type) and not isinstance(v, bool) for v in value)
            else None
        )
    return value


def _upgrade_1_to_2(raw: dict[str, Any]) -> dict[str, Any]:
    """Version 2: the user's name and territory live only in the device identity
    (``app_meta``, written by ``init`` and Settings since version 1), not here."""
    raw.pop("user_name", None)
    raw.pop("territory", None)
    return raw


# version N → the step that makes it version N + 1
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _upgrade_1_to_2}


def upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Run every upgrade step from the file's version up to ``SETTINGS_VERSION``."""
    version = raw.get("version", 1)
    version = (
        version
        if isinstance(version, int) and not isinstance(version, bool) and version >= 1
        else 1
    )
    while version < SETTINGS_VERSION:
        raw = UPGRADES[version](raw)
        version += 1
    raw["version"] = version
    return raw


def load_settings(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("settings file is not a JSON object")
        return Settings.from_dict(raw)
    except (OSError, ValueError, TypeError) as exc:
        log.warning("settings file %s unreadable (%s); using defaults", path, exc)
        return Settings()


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically (temp file + replace) so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(
        path, json.dumps(settings.to_dict(), ensure_ascii=False, indent=2), Durability.SYNC
    )
