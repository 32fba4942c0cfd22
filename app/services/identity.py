"""The user's identity on this laptop as a user action: the name printed on every report
and the territory sent with every bundle (kept in ``app_meta`` by ``initialise_device``),
and the first-run wizard's answers."""

from __future__ import annotations

from pathlib import Path

from app.services.context import AppContext, Changes
from app.services.device import initialise_device
from app.services.preferences import store_settings


def save_identity(ctx: AppContext, user: str, territory: list[str]) -> Changes:
    """Store the user's name and territory (Settings' identity save)."""
    initialise_device(ctx, user=user, territory=territory)
    return Changes.of("device")


def trust_hq_key(ctx: AppContext, path: Path) -> Changes:
    """Trust the HQ public key in ``path`` (Settings' "HQ public key…")."""
    initialise_device(ctx, hq_key_file=path)
    return Changes.of("device")


def complete_first_run(
    ctx: AppContext,
    *,
    user: str,
    territory: list[str],
    hq_key_file: Path | None,
    language: str,
    first_run_done: bool = True,
) -> Changes:
    """The first-run wizard's answers: the device's identity (created if missing: the
    device id, the keys, the reference data), the trusted HQ key if one was given, and
    the language, with the first run marked done (``first_run_done=False`` while demo
    data is still to be created). The settings file is written last and the settings in
    memory replaced only once it is; every step may be run again, so after a failure the
    wizard's Finish simply tries again with the answers it kept."""
    initialise_device(ctx, user=user, territory=territory, hq_key_file=hq_key_file)
    return Changes.of("device") | store_settings(
        ctx, language=language, first_run_done=first_run_done
    )
