"""Keyboard and text size: every menu action has a mnemonic, shortcuts are never
ambiguous, Help → Keyboard shortcuts lists them all, and View → Larger/Smaller text scales
the application font and is remembered."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QTableWidget

from tests.gui.conftest import settle


def _menu_actions(window):  # type: ignore[no-untyped-def]
    for menu in window.menus.values():
        if menu.menuAction().isVisible():
            yield from (a for a in menu.actions() if not a.isSeparator())


def test_every_action_has_a_mnemonic_and_shortcuts_are_unique(ui_window) -> None:  # type: ignore[no-untyped-def]
    _ui, window = ui_window
    seen: dict[str, str] = {}
    actions = list(_menu_actions(window))
    assert len(actions) >= 20
    for action in actions:
        assert "&" in action.text() or action.shortcuts(), action.text()
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text} is used by {seen[text]} and {action.text()}"
            seen[text] = action.text()
    for menu in window.menus.values():
        assert "&" in menu.title()


def test_shortcut_list_shows_every_menu_action(ui_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _ui, window = ui_window
    window.show_shortcuts()
    dialog = window.shortcuts_dialog
    qtbot.waitExposed(dialog)
    table = dialog.findChild(QTableWidget)
    assert table.rowCount() == len(list(_menu_actions(window)))
    keys = {table.item(row, 2).text() for row in range(table.rowCount())}
    assert "Ctrl+Shift+B" in keys and "Ctrl+Q" in keys
    dialog.close()


def test_text_size_scales_and_is_remembered(qtbot, ui_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The size applies at once; the settings file is written on the writer thread (with
    the disk slowed to 300 ms per flush, Ctrl++ does not wait for it), in the order asked."""
    import time

    from app import atomic

    ui, window = ui_window
    app = QApplication.instance()
    start = app.font().pointSizeF()
    real = atomic.fsync_file

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)  # a slow disk
        return real(*args, **kwargs)

    monkeypatch.setattr(atomic, "fsync_file", slow)
    began = time.perf_counter()
    window.scale_text(20)
    try:
        # Qt lays every widget out again for the new font; the 300 ms write is not waited for
        assert time.perf_counter() - began < 0.2
        assert abs(app.font().pointSizeF() - start * 1.2) < 0.01
        assert window.nav.font().pointSizeF() > start
        settle(ui, qtbot)
        saved = json.loads(ui.ctx.paths.settings_file.read_text(encoding="utf-8"))
        assert saved["text_scale"] == 120
        monkeypatch.setattr(atomic, "fsync_file", real)
        for _ in range(20):
            window.scale_text(-10)
        settle(ui, qtbot)
        assert ui.ctx.settings.text_scale == 70
    finally:
        window.scale_text(0)
    settle(ui, qtbot)
    assert abs(app.font().pointSizeF() - start) < 0.01
    assert ui.ctx.settings.text_scale == 100


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_alt_letters_are_not_ambiguous(qtbot, ctx, language: str) -> None:  # type: ignore[no-untyped-def]
    """In either language no two things a person sees together answer the same
    Alt+letter: a section's buttons and labels, and the menu bar (文件(&F) and 添加附件(&F)
    made Alt+F ambiguous, so neither the File menu nor the button opened; in English
    &Edit the button and &Edit the menu)."""
    import re
    from collections import defaultdict

    from PySide6.QtWidgets import QAbstractButton, QLabel

    from app.services.demo import generate_demo
    from app.services.device import initialise_device
    from app.ui.application import create_main_window, ensure_application, install_translators

    mnemonic = re.compile(r"&([^&\s])")
    app = ensure_application()
    install_translators(app, language)
    try:
        initialise_device(ctx, user="李娜", territory=["3201"])
        generate_demo(ctx, partners=10, months=1, seed=1)
        ui, window = create_main_window(ctx)
        window.finish_menus()
        qtbot.addWidget(window)
        window.show()
        menu_bar = [action.text() for action in window.menuBar().actions()]
        clashes = {}
        for section in window.sections:
            window.show_section(section.section_id)
            ui.ops.wait(10000)
            QApplication.processEvents()
            keys: dict[str, list[str]] = defaultdict(list)
            widgets = section.findChildren(QAbstractButton) + section.findChildren(QLabel)
            texts = menu_bar + [w.text() for w in widgets if w.isVisibleTo(window)]
            for text in texts:
                found = mnemonic.search(text)
                if found:
                    keys[found.group(1).lower()].append(text)
            clashes.update(
                {f"{section.section_id} Alt+{k}": v for k, v in keys.items() if len(v) > 1}
            )
        ui.ops.wait(10000)
        assert not clashes, "\n".join(f"{k}: {v}" for k, v in clashes.items())
    finally:
        install_translators(app, "en")
