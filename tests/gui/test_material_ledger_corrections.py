"""pytest-qt: correcting and voiding promotion-material ledger entries from the partner
file's ledger dialog — buttons, context menu and the Delete key, the reason dialogs with
their validation messages, struck-out history with "Show voided entries", and the change
signal refreshing the partner card."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from app.services import materials, partner_io
from app.ui.partners.materials import MaterialEntryDialog, MaterialLedgerDialog, VoidEntryDialog
from tests.gui.conftest import list_partners, load_visit, settle, wait_saved

# a dialog shown over the main window makes the offscreen platform say it cannot pass size hints on;
# a popup menu makes it say it cannot raise windows or grab the keyboard
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise\(\)|grabbing the keyboard)"
)
DAY = dt.date(2026, 1, 5)


def _seed(ctx, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nM1,静安寺旗舰店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    materials.record_material_entry(ctx, "M1", "海报", "issued", 50, DAY, note="春季活动")
    materials.record_material_entry(ctx, "M1", "台卡", "issued", 3, DAY - dt.timedelta(days=1))
    from app.services import partner_read

    return partner_read.partner_detail(ctx, "M1").partner.id


def _rows(ledger: MaterialLedgerDialog) -> list[list[str]]:
    return [
        [ledger.entries.item(r, c).text() for c in range(5)]
        for r in range(ledger.entries.rowCount())
    ]


def _in_modal(qtbot, kind: type, act) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Run ``act(dialog)`` inside the next modal dialog of type ``kind`` (it runs in exec())."""
    seen: dict[str, object] = {}

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, step)
            return
        seen["dialog_title"] = dialog.windowTitle()
        try:
            act(dialog)
        except BaseException:
            dialog.reject()  # a failed check must fail the test, not leave exec() waiting
            raise

    QTimer.singleShot(20, step)
    return seen


@OFFSCREEN_POPUP
def test_correct_and_void_ledger_entries_in_the_partner_file(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    partner_id = _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    qtbot.waitUntil(lambda: "海报: 50" in section.card.toPlainText(), timeout=3000)
    ledger = MaterialLedgerDialog(ui, partner_id, window)
    qtbot.addWidget(ledger)
    ledger.show()
    qtbot.waitExposed(ledger)
    settle(ui, qtbot)  # the ledger is read on a reader thread
    assert _rows(ledger) == [
        ["2026-01-05", "海报", "Issued", "50", "春季活动"],
        ["2026-01-04", "台卡", "Issued", "3", ""],
    ]
    assert (
        not ledger.correct_button.isEnabled() and not ledger.void_button.isEnabled()
    )  # nothing selected yet

    # Correct…: the form starts with the entry's values; without a reason nothing is saved
    ledger.entries.selectRow(0)
    assert ledger.correct_button.isEnabled() and ledger.void_button.isEnabled()
    messages: list[str] = []

    def correct(dialog: MaterialEntryDialog) -> None:
        assert (
            dialog.item.currentText(),
            dialog.kind.currentData(),
            dialog.quantity.value(),
            dialog.note.text(),
        ) == ("海报", "issued", 50, "春季活动")
        assert dialog.when.date().toString("yyyy-MM-dd") == "2026-01-05"
        dialog.quantity.setValue(5)
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        save.click()
        wait_saved(dialog)
        messages.append(dialog.error.text())
        assert (
            dialog.isVisible()
            and dialog.focusWidget() is dialog.reason
            and dialog.quantity.value() == 5
        )  # input kept for correction
        dialog.reason.setText("多输了一个零")
        save.click()

    seen = _in_modal(qtbot, MaterialEntryDialog, correct)
    with qtbot.waitSignal(ui.changed, timeout=3000) as changed:
        qtbot.mouseClick(ledger.correct_button, Qt.MouseButton.LeftButton)
    assert seen["dialog_title"] == "Correct ledger entry"
    settle(ui, qtbot)
    assert messages == ["Give the reason for the change (e.g. wrong quantity, entered twice)."]
    assert changed.args[0].touches("material_ledger_entry")
    assert _rows(ledger) == [
        ["2026-01-05", "海报", "Issued", "5", "春季活动"],
        ["2026-01-04", "台卡", "Issued", "3", ""],
    ]
    assert ledger.book.text() == "On the book: 台卡 <b>3</b> · 海报 <b>5</b>"
    qtbot.waitUntil(
        lambda: (
            "海报: 5" in section.card.toPlainText() and "海报: 50" not in section.card.toPlainText()
        ),
        timeout=3000,
    )

    # Void… from the context menu: a reason is required, then the entry leaves the book
    ledger.entries.clearSelection()
    menus: list[list[str]] = []

    def void(dialog: VoidEntryDialog) -> None:
        assert "台卡 · Issued · 3" in dialog.findChildren(type(dialog.error))[0].text()
        dialog.void_button.click()
        wait_saved(dialog)
        messages.append(dialog.error.text())
        dialog.reason.setText("重复录入")
        dialog.void_button.click()

    def pick_from_menu() -> None:
        menu = ledger.menu
        assert isinstance(menu, QMenu) and menu.isVisible()
        menus.append([a.text() for a in menu.actions()])
        _in_modal(qtbot, VoidEntryDialog, void)
        menu.actions()[1].trigger()
        menu.close()

    row_rect = ledger.entries.visualRect(ledger.entries.model().index(1, 1))
    QTimer.singleShot(50, pick_from_menu)
    with qtbot.waitSignal(ui.changed, timeout=3000):
        ledger.entries.customContextMenuRequested.emit(row_rect.center())
    assert menus == [["&Correct…", "&Void…"]]
    settle(ui, qtbot)
    assert messages[-1] == "Give the reason for the change (e.g. wrong quantity, entered twice)."
    assert _rows(ledger) == [["2026-01-05", "海报", "Issued", "5", "春季活动"]]
    assert ledger.book.text() == "On the book: 海报 <b>5</b>"
    qtbot.waitUntil(lambda: "台卡" not in section.card.toPlainText(), timeout=3000)

    # the history: voided entries struck out with their reasons, not correctable again
    ledger.show_voided.setChecked(True)
    settle(ui, qtbot)
    assert _rows(ledger) == [
        ["2026-01-05", "海报", "Issued", "5", "春季活动"],
        ["2026-01-05", "海报", "Issued", "50", "Corrected: 多输了一个零 · 春季活动"],
        ["2026-01-04", "台卡", "Issued", "3", "Voided: 重复录入"],
    ]
    assert (
        ledger.entries.item(1, 3).font().strikeOut()
        and not ledger.entries.item(0, 3).font().strikeOut()
    )
    assert ledger.entries.item(2, 0).toolTip() == "Not counted in the book. Voided: 重复录入"
    ledger.entries.selectRow(2)
    assert not ledger.correct_button.isEnabled() and not ledger.void_button.isEnabled()
    assert ledger.book.text() == "On the book: 海报 <b>5</b>"

    # Delete on a live entry opens the void dialog; a void the book cannot take is refused there
    materials.record_material_entry(ctx, "M1", "海报", "returned", 4, dt.date.today())
    ledger.reload()
    settle(ui, qtbot)
    ledger.entries.setFocus()
    row = next(
        r
        for r, e in enumerate(ledger.shown)
        if (e.kind, e.quantity, e.voided) == ("issued", 5, False)
    )
    ledger.entries.selectRow(row)

    def refused(dialog: VoidEntryDialog) -> None:
        dialog.reason.setText("发错了")
        dialog.void_button.click()
        wait_saved(dialog)
        messages.append(dialog.error.text())
        dialog.reject()

    seen = _in_modal(qtbot, VoidEntryDialog, refused)
    qtbot.keyClick(ledger.entries, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: "dialog_title" in seen, timeout=3000)
    assert seen["dialog_title"] == "Void ledger entry"
    assert (
        messages[-1]
        == "After this change M1 would have returned 4 × 海报 more than were issued; correct or void the return first."
    )
    assert materials.partner_materials(ctx, "M1").book == {"海报": 1}
    assert len(materials.partner_materials(ctx, "M1", include_voided=True).entries) == 4


@OFFSCREEN_DIALOG
def test_ledger_dialog_layout_renders(qtbot, ctx, tmp_path, ui_window) -> None:  # type: ignore[no-untyped-def]
    """The dialogs at their default sizes show every control without clipping (rendered
    offscreen; ``CHANNELDESK_SHOTS=DIR`` keeps the PNGs for a look)."""
    import os

    partner_id = _seed(ctx, tmp_path)
    entry = next(e for e in materials.partner_materials(ctx, "M1").entries if e.item_name == "台卡")
    materials.void_material_entry(ctx, entry.id, "重复录入")
    ui, window = ui_window
    ledger = MaterialLedgerDialog(ui, partner_id, window)
    qtbot.addWidget(ledger)
    ledger.show_voided.setChecked(True)
    ledger.show()
    qtbot.waitExposed(ledger)
    settle(ui, qtbot)
    ledger.entries.selectRow(0)
    live = ledger.shown[0]
    correct = MaterialEntryDialog(ui, partner_id, ledger.items, ledger, entry=live)
    void = VoidEntryDialog(ui, live, ledger)
    for dialog in (correct, void):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    shots = os.environ.get("CHANNELDESK_SHOTS")
    for name, widget in (("ledger", ledger), ("correct", correct), ("void", void)):
        image = widget.grab()
        assert not image.isNull() and image.width() >= widget.minimumWidth()
        if shots:
            image.save(str(Path(shots) / f"{name}.png"))
    for button in (
        ledger.add_button,
        ledger.correct_button,
        ledger.void_button,
        ledger.show_voided,
    ):
        assert button.isVisible() and button.width() >= button.sizeHint().width()
        assert ledger.rect().contains(
            button.geometry().translated(button.parentWidget().mapTo(ledger, QPoint(0, 0)))
        )
    assert void.reason.isVisible() and correct.reason.isVisible()


def test_an_open_draft_visit_shows_the_corrected_book(qtbot, ctx, tmp_path, ui_window) -> None:  # type: ignore[no-untyped-def]
    from app.services import visits
    from app.ui.visits.materials import BOOK, ITEM

    partner_id = _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("visits")
    visit_id = visits.new_visit(ctx, "M1")
    section.reload()
    load_visit(qtbot, section.editor, visit_id)
    model = section.editor.materials.model
    assert [
        (model.index(r, ITEM).data(), model.index(r, BOOK).data()) for r in range(model.rowCount())
    ] == [("台卡", "3"), ("海报", "50")]
    entries = {e.item_name: e for e in materials.partner_materials(ctx, "M1").entries}

    correct = MaterialEntryDialog(ui, partner_id, ["海报", "台卡"], window, entry=entries["海报"])
    qtbot.addWidget(correct)
    correct.quantity.setValue(5)
    correct.reason.setText("多输了一个零")
    with qtbot.waitSignal(ui.changed, timeout=3000):
        correct.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    void = VoidEntryDialog(ui, entries["台卡"], window)
    qtbot.addWidget(void)
    void.reason.setText("重复录入")
    with qtbot.waitSignal(ui.changed, timeout=3000):
        void.void_button.click()
    qtbot.waitUntil(
        lambda: (
            [
                (model.index(r, ITEM).data(), model.index(r, BOOK).data())
                for r in range(model.rowCount())
            ]
            == [("海报", "5")]
        ),
        timeout=5000,
    )


def test_the_ledger_is_read_off_the_ui_thread(qtbot, ctx, tmp_path, ui_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Opening the ledger and showing its voided entries return at once however slow the
    ledger's query is (it runs on a reader thread): the dialog says it is loading, then
    shows the partner's name and entries (issue 17)."""
    import time

    partner_id = _seed(ctx, tmp_path)
    ui, window = ui_window
    real = materials.partner_materials

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(materials, "partner_materials", slow)
    started = time.perf_counter()
    ledger = MaterialLedgerDialog(ui, partner_id, window)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(ledger)
    assert ledger.book.text() == "Loading the ledger…" and ledger.entries.rowCount() == 0
    qtbot.waitUntil(lambda: ledger.entries.rowCount() == 2, timeout=5000)
    assert ledger.windowTitle() == "Promotion materials of 静安寺旗舰店"
    started = time.perf_counter()
    ledger.show_voided.setChecked(True)
    assert time.perf_counter() - started < 0.05
    assert _rows(ledger)[0] == ["2026-01-05", "海报", "Issued", "50", "春季活动"]  # kept meanwhile
    settle(ui, qtbot)
    assert ledger.entries.rowCount() == 2 and ledger.loaded
