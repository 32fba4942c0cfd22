"""The main-window shell: ops helper (worker thread, changed signal, errors to the
message bar), message bar details, menus with shortcuts."""

from __future__ import annotations

from app.errors import UserError
from app.services.context import Changes


def test_op_emits_changed_and_user_error_goes_to_message_bar(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    ui, window = ui_window
    with qtbot.waitSignal(ui.changed, timeout=5000) as blocker:
        ui.ops.run(lambda: Changes.of("partner"))
    assert blocker.args[0].touches("partner")

    def refuse() -> None:
        raise UserError(
            "Partner P1 is suspended; it cannot be visited.", details=["row 2, column code: empty"]
        )

    with qtbot.waitSignal(ui.message, timeout=5000):
        ui.ops.run(refuse)
    assert window.message_bar.isVisible()
    assert "suspended" in window.message_bar.text()
    assert "row 2" in window.message_bar.details.toPlainText()


def test_quit_has_a_shortcut(ui_window) -> None:  # type: ignore[no-untyped-def]
    _ui, window = ui_window
    assert not window.quit_action.shortcut().isEmpty()
    assert window.menus["file"].actions()[-1] is window.quit_action


def test_an_announced_change_reads_no_database_on_the_ui_thread(
    qtbot, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: the status bar's user and territory were read from ``app_meta`` on the UI
    thread after every change. With the database slowed to 300 ms per read, announcing a
    change returns within 50 ms; a change of the device's identity is shown once read on
    a reader thread."""
    import time

    from app.services.context import AppContext
    from app.services.identity import save_identity

    ui, window = ui_window
    real = AppContext.meta

    def slow(self, key, default=None):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(self, key, default)

    monkeypatch.setattr(AppContext, "meta", slow)
    for changes in (Changes.of("visit"), Changes.of("device")):
        started = time.perf_counter()
        ui.changed.emit(changes)
        assert time.perf_counter() - started < 0.05
    ui.ops.wait(10000)
    monkeypatch.setattr(AppContext, "meta", real)
    save_identity(ui.ctx, "王芳", ["31"])
    ui.changed.emit(Changes.of("device"))
    qtbot.waitUntil(lambda: "王芳" in window.identity_label.text(), timeout=5000)
    assert "上海市" in window.identity_label.text()


def test_a_saved_draft_is_announced_and_recounts_nothing(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    """The partner form's autosave (every second while typing) returns its ``form_draft``
    change like every write (issue 17); the status bar does not count the pending
    changes again for it, since a draft never syncs."""
    from app.services import partner_drafts
    from tests.gui.conftest import settle

    ui, _window = ui_window
    settle(ui, qtbot)
    key = partner_drafts.draft_key(None)
    for write, args in (
        (partner_drafts.save_draft, (key, {"name": "静安店"})),
        (partner_drafts.discard_draft, (key,)),
    ):
        with qtbot.waitSignal(ui.changed, timeout=5000) as blocker:
            ui.ops.run(write, ui.ctx, *args)
        assert blocker.args[0].entities == {"form_draft"}
        assert ui.ops.running() == 0  # no sync status read started


def test_a_window_closed_before_its_delayed_reads_start_does_not_read(
    qtbot, ctx, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A restore closes the window and then its data dir: the visible section's first load
    (queued when it was shown) and the window's status read (300 ms after it was built)
    must not start once the window is closed. Shown again, the section loads."""
    from app.ui.application import create_main_window, ensure_application
    from app.ui.main_window import MainWindow

    ensure_application()
    ui, window = create_main_window(ctx)
    qtbot.addWidget(window)
    section = window.stack.currentWidget()
    loads: list[object] = []
    status: list[object] = []
    real_load = type(section).first_load
    monkeypatch.setattr(type(section), "first_load", lambda self: loads.append(self))
    monkeypatch.setattr(MainWindow, "_refresh_status", lambda self: status.append(self))
    window.show()  # the section queues its first load
    window.close()  # before the event loop ran it
    qtbot.wait(500)
    ui.ops.wait(10000)
    assert section not in loads and window not in status and not section.is_ready
    monkeypatch.setattr(type(section), "first_load", real_load)
    window.show()
    qtbot.waitUntil(lambda: section.is_ready, timeout=10000)
    ui.ops.wait(10000)
