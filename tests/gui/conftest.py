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


def settle(ui, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let every queued operation finish and its result reach the UI thread (dialogs save
    through ``OpRunner`` on the writer thread)."""
    ui.ops.wait(10000)
    qtbot.wait(30)


def wait_saved(dialog, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """After a dialog's save was clicked: wait until its operation has come back (the
    dialog is disabled while it runs)."""
    import time

    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout
    while not dialog.isEnabled() and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)
    QApplication.processEvents()


def load_visit(qtbot, editor, visit_id: str | None) -> None:  # type: ignore[no-untyped-def]
    """Open ``visit_id`` in the visit editor and wait until it has been read (on a reader
    thread)."""
    editor.load(visit_id)
    qtbot.waitUntil(lambda: not editor.loading, timeout=10000)


def wait_loaded(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """Wait until a dialog that reads its data on a reader thread says it is loaded."""
    qtbot.waitUntil(lambda: dialog.loaded, timeout=10000)


def list_partners(qtbot, section) -> None:  # type: ignore[no-untyped-def]
    """Apply the Partners section's search and filters and wait until their rows are in the
    table (the section reads them on a reader thread)."""
    with qtbot.waitSignal(section.model.shown, timeout=10000):
        section.apply_filters()
