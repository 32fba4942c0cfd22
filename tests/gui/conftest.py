"""GUI fixtures: the real main window over a fresh data dir."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def ui_window(qtbot, ctx) -> Iterator[tuple[object, object]]:  # type: ignore[no-untyped-def]
    """(UiServices, MainWindow) over the ``ctx`` fixture's data dir."""
    from app.ui.application import create_main_window, ensure_application

    ensure_application()
    ui, window = create_main_window(ctx)
    window.finish_menus()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield ui, window
    ui.ops.wait(10000)
