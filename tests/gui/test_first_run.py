"""pytest-qt: the first-run wizard stores its answers through ``OpRunner`` on the writer
thread (issue 17): Finish returns at once while another process holds the database's
write lock, the wizard waits disabled with a hint and cannot be cancelled meanwhile, and
a refusal is one translated line in the wizard with every answer kept."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from PySide6.QtWidgets import QWizard

from app.i18n import set_language
from app.services.opening import open_context
from app.settings import load_settings
from app.ui.services import UiServices


def _wizard(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from app.ui.application import ensure_application
    from app.ui.first_run import FirstRunWizard

    ensure_application()
    ui = UiServices(open_context(tmp_path / "fresh", initialise=False))
    wizard = FirstRunWizard(ui)
    qtbot.addWidget(wizard)
    wizard.user.setText("李娜")
    wizard.territory.set_codes(["3101"])
    return ui, wizard


def test_finish_does_not_wait_for_a_locked_database(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ui, wizard = _wizard(qtbot, tmp_path)
    ctx = ui.ctx
    holder = sqlite3.connect(ctx.paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's write transaction
    try:
        started = time.perf_counter()
        wizard.accept()
        assert time.perf_counter() - started < 0.2  # the lock would hold it for seconds
        qtbot.wait(200)  # the answers wait for the lock meanwhile
        assert not wizard.isEnabled() and wizard.working.text()
        rejected: list[bool] = []
        wizard.rejected.connect(lambda: rejected.append(True))
        wizard.reject()  # Cancel (or closing the window) waits for the save
        assert not rejected and not hasattr(wizard, "choice")
        assert ctx.device_id is None
    finally:
        holder.execute("COMMIT")
        holder.close()
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=10000)
    assert wizard.choice == "empty" and wizard.isEnabled() and not wizard.working.text()
    assert ctx.device_id is not None and ctx.user_name == "李娜" and ctx.territory == ["3101"]
    assert ctx.settings.first_run_done and load_settings(ctx.paths.settings_file).first_run_done
    ui.ops.wait(10000)
    ctx.close()


def test_a_refused_answer_is_shown_in_the_wizard_with_the_answers_kept(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    set_language("zh_CN")
    try:
        ui, wizard = _wizard(qtbot, tmp_path)
        missing = tmp_path / "hq.key"
        wizard.hq_key.setText(str(missing))
        wizard.accept()
        qtbot.waitUntil(lambda: bool(wizard.error.text()), timeout=10000)
        assert "hq.key" in wizard.error.text() and "File not found" not in wizard.error.text()
        assert wizard.isEnabled() and not hasattr(wizard, "choice")
        assert wizard.user.text() == "李娜" and wizard.hq_key.text() == str(missing)
        assert not load_settings(ui.ctx.paths.settings_file).first_run_done
        wizard.hq_key.clear()  # corrected: Finish again
        wizard.accept()
        qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=10000)
        assert ui.ctx.user_name == "李娜"
    finally:
        set_language("en")
    ui.ops.wait(10000)
    ui.ctx.close()


def test_a_restore_without_a_file_is_refused_before_anything_is_written(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ui, wizard = _wizard(qtbot, tmp_path)
    wizard.start_restore.setChecked(True)
    wizard.accept()
    assert "backup" in wizard.error.text() and wizard.isEnabled()
    assert ui.ops.running() == 0 and ui.ctx.device_id is None  # nothing stored
    ui.ctx.close()


def test_a_restore_chosen_at_the_first_run_runs_in_the_main_window(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The restore ran on the main thread between the wizard and the window, with nothing
    on screen; the first run now hands the backup to the main window, which restores it as
    Tools → Restore does (progress, the data reopened, a message)."""
    from app.services import partner_io, partner_list
    from app.services.backup import create_backup
    from app.ui import application
    from app.ui.first_run import FirstRunWizard

    source = open_context(tmp_path / "old-laptop")
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nR001,备份里的门店,A,310115\n", encoding="utf-8")
    partner_io.import_partners(source, csv)
    backup = create_backup(source, tmp_path / "old.cdbackup")
    source.close()

    def answer(self: FirstRunWizard) -> int:
        self.user.setText("李娜")
        self.territory.set_codes(["3101"])
        self.start_restore.setChecked(True)
        self.backup.setText(str(backup))
        self.accept()
        qtbot.waitUntil(lambda: self.result() == FirstRunWizard.DialogCode.Accepted)
        return int(FirstRunWizard.DialogCode.Accepted.value)

    monkeypatch.setattr(FirstRunWizard, "exec", answer)
    app = application.ensure_application()
    ui = UiServices(open_context(tmp_path / "fresh", initialise=False))
    ctx, then = application._first_run(app, ui, "en")
    assert then == backup and ctx is ui.ctx  # nothing restored before a window shows
    assert ctx.read_sql("SELECT count(*) FROM partner") == [(0,)]
    session = application.GuiSession(app)
    session.open(ctx, ui=ui)  # the window, then the restore once it has started (run_gui)
    qtbot.waitUntil(session.window.sections_ready, timeout=10000)
    with qtbot.waitSignal(session.reopened, timeout=30000):
        session.restore(then)
    qtbot.addWidget(session.window)
    rows = partner_list.partner_page(session.ui.ctx, partner_list.PartnerQuery(search=""), 0, None)
    assert [r.code for r in rows] == ["R001"]
    assert "Restored the backup" in session.window.message_bar.text()
    session.ui.ops.wait(10000)
    session.ui.ctx.close()
