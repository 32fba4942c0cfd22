"""Typed user settings with defaults and a version number, stored as JSON in the data
dir (one module; no scattered QSettings calls). Upgrade hooks migrate old versions."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.atomic import Durability, atomic_write

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass
class Settings:
    version: int = SETTINGS_VERSION
    language: str = ""  # "" = follow the system locale
    user_name: str = ""
    territory: list[str] = field(default_factory=list)
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
        raw = _upgrade(dict(raw))
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        settings = cls(**values)
        settings.version = SETTINGS_VERSION
        return settings

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _upgrade(raw: dict[str, Any]) -> dict[str, Any]:
    """Upgrade hooks, one per old version (Picard style)."""
    version = int(raw.get("version", 1) or 1)
    if version < 1:
        raw["version"] = 1
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
    atomic_write(path, json.dumps(settings.to_dict(), ensure_ascii=False, indent=2), Durability.SYNC)
