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
