"""pytest-qt: demo data chosen in the first-run wizard is created after the main window
shows, with a progress dialog over it (the screen stayed blank for ~12 s before)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog

from app.services.opening import open_context
from app.ui.services import UiServices


def test_demo_choice_is_filled_in_the_main_window(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import gc

    from app.services import demo
    from app.ui import application
    from app.ui.first_run import FirstRunWizard

    # Objects earlier tests left for the cyclic collector (a closed context's sessions) are
    # freed now, not while the demo worker thread writes (that crashed: see the report).
    gc.collect()
    app = application.ensure_application()

    def answer(self: FirstRunWizard) -> int:
        self.user.setText("李娜")
        self.territory.set_codes(["3101"])
        self.start_demo.setChecked(True)
        self.accept()  # stored on the writer thread; exec's own loop would wait for it
        qtbot.waitUntil(lambda: self.result() == FirstRunWizard.DialogCode.Accepted)
        return int(FirstRunWizard.DialogCode.Accepted.value)

    monkeypatch.setattr(FirstRunWizard, "exec", answer)
    ui = UiServices(open_context(tmp_path / "fresh", initialise=False))
    ctx, demo_now = application._first_run(app, ui, "en")
    assert demo_now and demo.is_data_dir_empty(ctx)  # nothing created before a window shows
    original = demo.generate_demo
    seen: list[str] = []

    def small_demo(ctx, progress=None):  # type: ignore[no-untyped-def]
        def watch(done: int, total: int, message: str) -> None:
            seen.append(message)
            callback(done, total, message)

        callback = progress._callback
        progress._callback = watch
        return original(ctx, partners=12, months=1, progress=progress)

    monkeypatch.setattr(demo, "generate_demo", small_demo)
    import threading

    from app import atomic

    real_fsync, flushed_here = atomic.fsync_file, []

    def fsync(path):  # type: ignore[no-untyped-def]
        flushed_here.append(threading.current_thread() is threading.main_thread())
        return real_fsync(path)

    monkeypatch.setattr(atomic, "fsync_file", fsync)
    ui, window = application.create_main_window(ctx, ui=ui)  # the wizard's services
    window.finish_menus()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(ui.changed, timeout=30000):
        application._maybe_fill_demo(ui)
        assert window.findChildren(
            QProgressDialog
        )  # the progress dialog belongs to the main window
    assert not demo.is_data_dir_empty(ctx) and ctx.settings.first_run_done
    assert flushed_here and not any(flushed_here)  # the settings are written off the UI thread
    assert any(seen)
    ui.ops.wait(10000)
    ctx.close()


def test_the_wizard_is_freed_as_the_first_run_returns(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The wizard is freed by reference counting on the UI thread the moment the first run
    is over. Its first page kept a reference back to it, a cycle only the cyclic collector
    freed: on whichever thread it ran next, the demo data's worker thread, where deleting
    the wizard crashed the process."""
    import gc
    import weakref

    from app.ui import application
    from app.ui.first_run import FirstRunWizard

    app = application.ensure_application()
    shown: list[weakref.ref[FirstRunWizard]] = []

    def answer(self: FirstRunWizard) -> int:
        shown.append(weakref.ref(self))
        self.user.setText("李娜")
        self.territory.set_codes(["3101"])
        self.start_demo.setChecked(True)
        self.accept()
        qtbot.waitUntil(lambda: self.result() == FirstRunWizard.DialogCode.Accepted)
        return int(FirstRunWizard.DialogCode.Accepted.value)

    monkeypatch.setattr(FirstRunWizard, "exec", answer)
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()  # nothing but reference counting frees it
    try:
        ui = UiServices(open_context(tmp_path / "fresh", initialise=False))
        ctx, demo_now = application._first_run(app, ui, "en")
        assert demo_now and shown and shown[0]() is None
    finally:
        if enabled:
            gc.enable()
    ctx.close()


def test_the_wizard_refuses_a_missing_name_on_its_first_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The first page finds its wizard through Qt (``wizard()``), and says what is missing."""
    from app.ui.application import ensure_application
    from app.ui.first_run import FirstRunWizard

    ensure_application()
    ctx = open_context(tmp_path / "fresh", initialise=False)
    wizard = FirstRunWizard(UiServices(ctx))
    qtbot.addWidget(wizard)
    wizard.user.setText("")
    page = wizard.page(wizard.pageIds()[0])
    assert not page.validatePage()
    assert "name" in wizard.about_error.text()
    wizard.user.setText("李娜")
    wizard.territory.set_codes(["3101"])
    assert page.validatePage() and wizard.about_error.text() == ""
    ctx.close()
