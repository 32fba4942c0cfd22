"""pytest-qt: states — empty tables say why, actions that cannot apply are disabled, the
new visit's row is selected, and a message does not follow the user to another section."""

from __future__ import annotations

from pathlib import Path

from app.services import partner_io, visits
from app.ui.widgets.empty_state import empty_text_of
from tests.gui.conftest import list_partners


def _seed(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text(
        "code,name,grade,region\nV1,静安寺旗舰店,A,310106\nV2,淮海路店,B,310101\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, csv)


def test_empty_partner_search_explains_and_disables_partner_actions(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    _ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    assert "No partners yet" in empty_text_of(section.table)
    assert not section.edit_button.isEnabled()
    _seed(ctx, tmp_path)
    list_partners(qtbot, section)
    assert empty_text_of(section.table) == "" and section.edit_button.isEnabled()
    section.search.setText("没有这个渠道")
    list_partners(qtbot, section)
    assert "No partner matches" in empty_text_of(section.table)
    assert not section.edit_button.isEnabled() and not section.lifecycle_button.isEnabled()
    assert section.new_button.isEnabled()


def test_conflicts_without_rows_disable_resolving(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    _ui, window = ui_window
    section = window.show_section("conflicts")
    section.reload()
    qtbot.waitUntil(lambda: not section.reading.pending, timeout=5000)  # a reader thread
    assert "No sync conflicts" in empty_text_of(section.table)
    assert not any(button.isEnabled() for button in section.resolve_buttons)


def test_new_visit_is_selected_and_messages_stay_with_their_section(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.visits import new_visit

    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("visits")
    old = visits.new_visit(ctx, "V1")
    section.reload()
    qtbot.waitUntil(lambda: not section.listing, timeout=5000)  # read on a reader thread
    section.table.selectRow(0)
    assert section.editor.visit_id == old

    class Chosen:
        code, reinspection = "V2", False

        def __init__(self, *_args: object) -> None:
            pass

        def exec(self) -> int:
            return 1

    monkeypatch.setattr(new_visit, "NewVisitDialog", Chosen)
    section.new_visit()
    qtbot.waitUntil(lambda: section.editor.visit_id != old, timeout=5000)
    created = section.editor.visit_id
    ui.ops.wait()
    qtbot.wait(50)  # the list reloads on the change that follows
    rows = section.table.selectionModel().selectedRows()
    assert [section.model.rows[i.row()]["id"] for i in rows] == [created]
    ui.show_message("巡检已保存", "error")
    assert window.message_bar.isVisible()
    window.show_section("partners")
    assert not window.message_bar.isVisible()


def test_lifecycle_transfer_picks_the_new_region(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    from app.services import partner_read
    from app.ui.partners.file_dialogs import LifecycleDialog
    from tests.gui.conftest import wait_loaded

    _seed(ctx, tmp_path)
    ui, window = ui_window
    partner_id = partner_read.partner_detail(ctx, "V1").partner.id
    dialog = LifecycleDialog(ui, partner_id, window)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("suspend"))
    assert not dialog.to_region.isEnabled() and not dialog.survivor.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("transfer"))
    assert dialog.to_region.isEnabled() and not dialog.survivor.isEnabled()
    dialog.reason.setText("区域调整")
    dialog.to_region.set_code("320102")
    with qtbot.waitSignal(ui.changed, timeout=5000):
        dialog.save()
    assert partner_read.partner_detail(ctx, "V1").partner.district_code == "320102"


def test_date_fields_show_iso_dates_under_zh_cn(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QDate

    from app.ui.application import ensure_application, install_translators
    from app.ui.widgets.dates import date_edit

    install_translators(ensure_application(), "zh_CN")
    try:
        edit = date_edit(QDate(2026, 12, 8))
        qtbot.addWidget(edit)
        assert edit.text() == "2026-12-08" and edit.calendarPopup()
    finally:
        install_translators(ensure_application(), "en")


def test_a_table_that_opens_with_rows_makes_its_empty_label_only_when_it_empties(
    qtbot, ctx, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The label is made on first need, so a start with partners paints without it (and
    without the classes PySide builds when Python asks for a view's viewport)."""
    from PySide6.QtWidgets import QLabel

    from app.ui.application import create_main_window, ensure_application

    _seed(ctx, tmp_path)
    ensure_application()
    ui, window = create_main_window(ctx, deferred=True)
    qtbot.addWidget(window)
    window.show()
    section = window.sections[0]
    qtbot.waitUntil(lambda: section.is_ready, timeout=3000)
    assert section.model.rowCount() == 2
    assert section.table.findChildren(QLabel, "emptyState") == []
    assert empty_text_of(section.table) == ""
    section.search.setText("没有这个渠道")
    list_partners(qtbot, section)
    assert "No partner matches" in empty_text_of(section.table)
    assert len(section.table.findChildren(QLabel, "emptyState")) == 1
    ui.ops.wait(10000)
