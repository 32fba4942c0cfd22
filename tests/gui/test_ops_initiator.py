"""The view that starts an operation is named on the change it causes (``OpRunner``), so
it can tell its own echo from another view's change."""

from __future__ import annotations

from app.services.context import Changes


def test_changes_of_an_op_carry_their_initiator(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    ui, window = ui_window
    asking = window
    with qtbot.waitSignal(ui.changed, timeout=5000) as blocker:
        ui.ops.run(lambda: Changes.of("partner", ids={"x"}), initiator=asking)
    change = blocker.args[0]
    assert change.touches("partner") and change.echoes(asking)
    with qtbot.waitSignal(ui.changed, timeout=5000) as blocker:
        ui.ops.run(lambda: Changes.of("visit"))
    assert not blocker.args[0].echoes(asking)
