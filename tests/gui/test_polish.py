"""pytest-qt: first-run wizard on an empty data dir, settings persist and apply, single
instance (second start defers to the first; a stale socket is recovered), reminders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from app.services.opening import open_context
from app.settings import load_settings


def test_first_run_wizard_end_to_end(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import ensure_application
    from app.ui.first_run import FirstRunWizard
    from app.ui.services import UiServices

    ensure_application()
    ctx = open_context(tmp_path / "fresh", initialise=False)
    ui = UiServices(ctx)
    wizard = FirstRunWizard(ui)
    qtbot.addWidget(wizard)
    wizard.start_demo.setChecked(True)
    wizard.accept()  # no name, no territory: refused with a reason, nothing saved
    assert "name" in wizard.error.text() and not hasattr(wizard, "choice")
    wizard.user.setText("李经理")
    wizard.accept()
    assert "territory" in wizard.error.text() and not hasattr(wizard, "choice")
    wizard.territory.picker.set_code("310100")
    wizard.territory.add_current()
    wizard.accept()  # stored on the writer thread
    qtbot.waitUntil(lambda: hasattr(wizard, "choice"), timeout=10000)
    assert wizard.choice == "demo" and wizard.result() == QDialog.DialogCode.Accepted
    assert ctx.user_name == "李经理" and ctx.territory == ["3101"]
    assert not load_settings(ctx.paths.settings_file).first_run_done  # until the demo is in
    ctx.close()


def test_settings_persist_and_apply(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    from app.ui.settings_dialog import SettingsDialog

    ui, window = ui_window
    dialog = SettingsDialog(ui, window)
    qtbot.addWidget(dialog)
    dialog.company.setText("华东渠道部")
    dialog.photo_mb.setValue(20)
    dialog.user.setText("王芳")
    dialog.territory.set_codes([])
    dialog.save()  # the territory is required
    assert (
        "territory" in dialog.error.text()
        and load_settings(ui.ctx.paths.settings_file).company_name != "华东渠道部"
    )
    dialog.territory.set_codes(["310000"])
    dialog.confirm_territory_change = lambda: QMessageBox.StandardButton.Cancel  # type: ignore[method-assign]
    dialog.save()  # the warning about sync was declined: nothing changes
    assert ui.ctx.territory != ["31"]
    dialog.confirm_territory_change = lambda: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    with qtbot.waitSignal(ui.changed, timeout=3000):
        dialog.save()
    # the identity, then the preferences, each saved on the writer thread; then it closes
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    saved = load_settings(ui.ctx.paths.settings_file)
    assert saved.company_name == "华东渠道部" and saved.photo_max_mb == 20
    assert ui.ctx.settings.photo_max_mb == 20
    assert ui.ctx.user_name == "王芳" and ui.ctx.territory == ["31"]
    qtbot.waitUntil(
        lambda: "王芳" in window.identity_label.text(), timeout=5000
    )  # read off the UI thread
    assert "上海市" in window.identity_label.text()


def test_settings_identity_save_does_not_wait_for_a_locked_database(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    """Another process holds the write lock: Settings saves the name through OpRunner on
    the writer thread, so Save returns at once with the dialog waiting disabled, and the
    name, then the settings file, land once the lock is released (issue 17)."""
    import sqlite3
    import time

    from app.ui.settings_dialog import SettingsDialog

    ui, window = ui_window
    dialog = SettingsDialog(ui, window)
    qtbot.addWidget(dialog)
    dialog.user.setText("赵敏")
    dialog.territory.set_codes(["310000"])  # the fixture's laptop has no territory yet
    dialog.confirm_territory_change = lambda: QMessageBox.StandardButton.Yes  # type: ignore[method-assign]
    dialog.company.setText("华南渠道部")
    holder = sqlite3.connect(ui.ctx.paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the other process's write transaction
    try:
        started = time.perf_counter()
        dialog.save()
        assert time.perf_counter() - started < 0.05
        qtbot.wait(200)  # the save waits for the lock meanwhile
        assert not dialog.isEnabled() and ui.ctx.user_name != "赵敏", dialog.error.text()
    finally:
        holder.execute("COMMIT")
        holder.close()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10000)
    assert ui.ctx.user_name == "赵敏"
    assert load_settings(ui.ctx.paths.settings_file).company_name == "华南渠道部"


def test_single_instance_and_stale_socket(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.application import ensure_application
    from app.ui.single_instance import SingleInstance

    ensure_application()
    first = SingleInstance(str(tmp_path))
    assert first.try_primary()
    second = SingleInstance(str(tmp_path))
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert not second.try_primary()
    assert first.server is not None
    first.server.close()  # like a crash: the name is free but nobody answers
    third = SingleInstance(str(tmp_path))
    assert third.try_primary()
    assert third.server is not None
    third.server.close()


def test_reminders_panel_lists_overdue_work(qtbot, ctx, ui_window) -> None:  # type: ignore[no-untyped-def]
    from app.services.demo import generate_demo

    generate_demo(ctx, partners=20, months=2, seed=4)
    _ui, window = ui_window
    section = window.show_section("dashboard")
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    qtbot.waitUntil(
        lambda: bool(section.reminders.text()), timeout=5000
    )  # filled from a reader thread
    assert "visit frequency" in section.reminders.text() or "contract" in section.reminders.text()


def test_settings_export_the_laptops_key_file(qtbot, ui_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The key file HQ registers a laptop from is exported from Settings, as `device
    export-key` does: both public keys, written on the writer thread; a folder that cannot
    be written to is one line in the dialog."""
    import json

    from app.ui.settings_dialog import SettingsDialog

    ui, window = ui_window
    dialog = SettingsDialog(ui, window)
    qtbot.addWidget(dialog)
    target = tmp_path / "lap.key"
    dialog.export_device_key(path=str(target))
    qtbot.waitUntil(lambda: target.exists() and str(target) in dialog.error.text(), timeout=10000)
    body = json.loads(target.read_text(encoding="utf-8"))
    assert body["device_id"] == ui.ctx.device_id and body["x25519_public_key"]
    dialog.export_device_key(path=str(tmp_path / "missing" / "lap.key"))
    qtbot.waitUntil(lambda: "missing" in dialog.error.text(), timeout=10000)
    assert "Cannot write" in dialog.error.text()
