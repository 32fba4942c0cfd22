"""Typed settings: values converted on read, numbered upgrade steps, and the user's name
kept only in the device identity."""

from __future__ import annotations

import json
from pathlib import Path

from app.settings import SETTINGS_VERSION, Settings, load_settings, save_settings, upgrade


def test_a_version_1_file_is_upgraded_and_leaves_the_identity_to_the_device(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"version": 1, "user_name": "张三", "territory": ["3101"], "text_scale": 120}),
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.version == SETTINGS_VERSION == 2
    assert settings.text_scale == 120
    assert "user_name" not in settings.to_dict() and "territory" not in settings.to_dict()
    save_settings(path, settings)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_values_of_the_wrong_type_fall_back_to_their_defaults() -> None:
    defaults = Settings()
    read = Settings.from_dict(
        {
            "version": 2,
            "text_scale": "big",
            "auto_backup": "yes",
            "contract_warning_days": [30, "x"],
            "company_name": 42,
            "photo_max_mb": True,
            "unknown_key": 1,
            "rectification_warning_days": 5,
        }
    )
    assert read.text_scale == defaults.text_scale and read.auto_backup is defaults.auto_backup
    assert (
        read.contract_warning_days == defaults.contract_warning_days
        and read.company_name == defaults.company_name
    )
    assert read.photo_max_mb == defaults.photo_max_mb and read.rectification_warning_days == 5


def test_upgrade_steps_run_in_order_from_any_older_version() -> None:
    assert upgrade({"user_name": "x"}) == {"version": SETTINGS_VERSION}  # no version: the first one
    assert upgrade({"version": "garbage", "territory": []})["version"] == SETTINGS_VERSION


def test_the_user_name_has_one_home(ctx) -> None:  # type: ignore[no-untyped-def]
    from app.services.device import initialise_device

    initialise_device(ctx, user="李四", territory=["3101"])
    assert ctx.user_name == "李四" and ctx.territory == ["3101"]
    assert not hasattr(ctx.settings, "user_name")
