"""The Settings dialog's preferences as a service (``save_preferences``): written to
``settings.json``, and on a failed write neither the file nor the settings in memory
change."""

from __future__ import annotations

import pytest

from app.services.preferences import save_preferences
from app.settings import load_settings


def test_preferences_are_written_and_announced(ctx) -> None:  # type: ignore[no-untyped-def]
    changes = save_preferences(ctx, company_name="华东渠道部", photo_max_mb=20)
    assert changes.touches("settings")
    saved = load_settings(ctx.paths.settings_file)
    assert saved.company_name == "华东渠道部" and saved.photo_max_mb == 20
    assert ctx.settings.company_name == "华东渠道部"


def test_a_failed_write_changes_nothing(ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    save_preferences(ctx, company_name="华东渠道部")
    before = ctx.paths.settings_file.read_bytes()

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.services.preferences.save_settings", full_disk)
    with pytest.raises(OSError):
        save_preferences(ctx, company_name="华南渠道部", photo_max_mb=5)
    assert ctx.settings.company_name == "华东渠道部" and ctx.settings.photo_max_mb != 5
    assert ctx.paths.settings_file.read_bytes() == before


def test_only_preferences_are_taken(ctx) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        save_preferences(ctx, first_run_done=False)
