"""pytest-qt: without a trusted HQ key, importing an HQ bundle or applying an
acknowledgement from the Sync menu tells the user where the GUI takes the key (Tools →
Settings… → Trust HQ key…), in the user's language and without the CLI's
``init --hq-key``; the CLI keeps naming its option."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.i18n import set_language, translate_in


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_trusted_hq_key_points_to_settings(
    qtbot, ui_window, tmp_path: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import ensure_application, install_translators

    set_language(language)
    install_translators(ensure_application(), language)
    try:
        _refused_twice(qtbot, ui_window, tmp_path, language)
    finally:
        set_language("en")
        install_translators(ensure_application(), "en")


def _refused_twice(qtbot, ui_window, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    ui, window = ui_window
    assert not ui.ctx.paths.hq_public_key.exists()
    shown: list[tuple[str, str]] = []
    ui.message.connect(lambda text, level, _details: shown.append((text, level)))
    bundle = tmp_path / "down.cdsync"
    bundle.write_bytes(b"not read")
    window.sync_actions.import_bundle(path=str(bundle))
    ui.ops.wait()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    window.sync_actions.apply_ack(path=str(tmp_path / "x.cdack"))
    ui.ops.wait()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    trust = translate_in(language, "SettingsDialog", "Trust HQ key…")
    for text, level in shown:
        assert level == "error"
        assert "--hq-key" not in text and "init" not in text
        assert trust in text
    if language == "zh_CN":
        assert "信任总部公钥…" in shown[0][0] and "设置" in shown[0][0]


def test_the_cli_still_names_its_option(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("init").returncode == 0
    ack = tmp_path / "x.cdack"
    ack.write_text("{}", encoding="utf-8")
    done = cli("sync", "ack", str(ack))
    assert done.returncode == 1
    assert "init --hq-key" in done.stderr


NO_DEVICE = (
    "This data directory has no device identity yet. Close ChannelDesk and open it again: "
    "it sets one up as it opens."
)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_device_identity_says_what_to_do_in_the_gui(
    qtbot, ui_window, tmp_path: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    """A data dir without a device identity (its row gone under the running window):
    exporting to HQ and exporting the laptop's key file say what to do in the GUI, in the
    user's language, not the CLI's ``channeldesk init``."""
    from sqlalchemy import text

    from app.ui.application import ensure_application, install_translators
    from app.ui.settings_dialog import SettingsDialog

    ui, window = ui_window
    with ui.ctx.session() as s:
        s.execute(text("DELETE FROM app_meta WHERE key = 'device_id'"))
    set_language(language)
    install_translators(ensure_application(), language)
    try:
        wanted = translate_in(language, "OpRunner", NO_DEVICE)
        assert language == "en" or wanted != NO_DEVICE
        shown: list[tuple[str, str]] = []
        ui.message.connect(lambda text, level, _details: shown.append((text, level)))
        window.sync_actions.export(target=str(tmp_path / "up.cdsync"))
        qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
        assert shown == [(wanted, "error")]
        dialog = SettingsDialog(ui, window)
        qtbot.addWidget(dialog)
        dialog.export_device_key(path=str(tmp_path / "lap.key"))
        qtbot.waitUntil(lambda: dialog.error.text() == wanted, timeout=5000)
        assert not (tmp_path / "lap.key").exists() and not (tmp_path / "up.cdsync").exists()
    finally:
        set_language("en")
        install_translators(ensure_application(), "en")


def test_the_services_keep_the_command_line_s_wording(ctx) -> None:  # type: ignore[no-untyped-def]
    """Without the GUI's rewording the services (and so the CLI) name ``channeldesk init``."""
    from sqlalchemy import text

    from app.errors import NotInitialised
    from app.services import device, sync

    with ctx.session() as s:
        s.execute(text("DELETE FROM app_meta WHERE key = 'device_id'"))
    for call in (sync.estimate_export, device.device_info):
        with pytest.raises(NotInitialised, match="channeldesk init"):
            call(ctx)
