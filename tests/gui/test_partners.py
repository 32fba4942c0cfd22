"""pytest-qt: the real main window's Partners section — search, edit and save, cancel an
edit, import a file with a bad row and see the row/column errors; model tester."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.errors import ValidationError
from app.services import partner_drafts, partner_edit, partner_list, partner_read
from app.ui.partners.dialogs import PartnerDialog
from tests.gui.conftest import list_partners, settle, wait_loaded

CSV = (
    "code,name,grade,region,address,contact_name,contact_phone\n"
    "P001,上海浦东金桥通信器材经营部,A,310115,金桥路100号,王小明,13800138000\n"
    "P002,徐汇天平路专营店,B,310104,天平路8号,李四,021-64001234\n"
)


def _seed(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.services.partner_io import import_partners

    path = tmp_path / "seed.csv"
    path.write_text(CSV, encoding="utf-8")
    import_partners(ctx, path)


def test_search_filters_table_including_two_chinese_characters(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    _ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    assert section.model.rowCount() == 2
    section.search.setText("浦东")  # QTest.keyClicks cannot type CJK
    qtbot.waitUntil(lambda: section.model.rowCount() == 1, timeout=3000)
    assert section.model.rows[0].code == "P001"
    section.search.setText("6400")
    qtbot.waitUntil(
        lambda: section.model.rowCount() == 1 and section.model.rows[0].code == "P002", timeout=3000
    )
    qtbot.waitUntil(lambda: "徐汇天平路专营店" in section.card.toPlainText(), timeout=5000)


@pytest.mark.qt_log_ignore(
    r"This plugin does not support (propagateSizeHints|raise\(\)|grabbing the keyboard)"
)  # the completion list is a popup the offscreen platform cannot raise
def test_region_filter_boxes_are_typed_into(qtbot, ctx, tmp_path, ui_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    _seed(ctx, tmp_path)
    _ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    region = section.region
    for combo, typed in ((region.province, "shs"), (region.city, "3101"), (region.district, "xh")):
        combo.setFocus()
        combo.lineEdit().selectAll()
        qtbot.keyClicks(combo.lineEdit(), typed)  # pinyin initials or a code
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert region.code() == "310104" and region.district.currentText() == "徐汇区"
    qtbot.waitUntil(lambda: [r.code for r in section.model.rows] == ["P002"], timeout=3000)
    region.district.lineEdit().selectAll()
    qtbot.keyClicks(region.district.lineEdit(), "nowhere")
    qtbot.keyClick(region.district.lineEdit(), Qt.Key.Key_Return)
    assert region.district.currentText() == "徐汇区"  # not accepted: the filter stays
    assert [r.code for r in section.model.rows] == ["P002"]


def test_model_passes_qabstractitemmodeltester(
    qtbot, qtmodeltester, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    _ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    qtmodeltester.check(section.model)


def test_edit_and_save_partner_records_grade_history(qtbot, ctx, tmp_path, ui_window) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    partner_id = section.model.rows[0].id
    dialog = PartnerDialog(ui, partner_id, section)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    dialog.name.setText("浦东金桥旗舰店")
    dialog.grade.setCurrentIndex(dialog.grade.findData("B"))
    assert dialog.grade.currentText().startswith("B ")  # with the grade's meaning
    dialog.grade_reason.setText("季度考核下降")
    with qtbot.waitSignal(ui.changed, timeout=3000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    detail = partner_read.partner_detail(ctx, partner_id)
    assert detail.partner.name == "浦东金桥旗舰店"
    assert [g.new_grade for g in detail.grade_history][-1] == "B"
    assert detail.grade_history[-1].reason == "季度考核下降"
    qtbot.waitUntil(
        lambda: any(r.name == "浦东金桥旗舰店" for r in section.model.rows), timeout=3000
    )


def test_invalid_input_shows_message_and_saves_nothing(qtbot, ctx, tmp_path, ui_window) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    ui, window = ui_window
    dialog = PartnerDialog(ui, None, window)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    qtbot.keyClicks(dialog.code, "P009")
    dialog.region.set_code("999999")  # the picker cannot hold an unknown region
    assert dialog.region.code() == ""
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(ui, qtbot)
    assert "name" in dialog.error.text()
    assert dialog.isVisible() or dialog.result() == 0
    assert partner_list.partner_count(ctx, partner_list.PartnerQuery()) == 2


def test_cancel_with_changes_asks_and_discards_draft(
    qtbot, ctx, tmp_path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    partner_id = section.model.rows[0].id
    dialog = PartnerDialog(ui, partner_id, section)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    qtbot.keyClicks(dialog.name, " x")
    dialog.save_draft()
    settle(ui, qtbot)  # drafts are written on the writer thread
    assert partner_drafts.load_draft(ctx, partner_drafts.draft_key(partner_id))["name"].endswith(
        " x"
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
    settle(ui, qtbot)
    assert partner_drafts.load_draft(ctx, partner_drafts.draft_key(partner_id)) is None
    assert partner_read.partner_detail(ctx, partner_id).partner.name == "上海浦东金桥通信器材经营部"


def test_draft_is_restored_after_a_crash(qtbot, ctx, tmp_path, ui_window) -> None:  # type: ignore[no-untyped-def]
    ui, window = ui_window
    partner_drafts.save_draft(
        ctx,
        partner_drafts.draft_key(None),
        {
            "code": "N1",
            "name": "未保存的渠道",
            "type": "dealer",
            "status": "active",
            "grade": "C",
            "grade_reason": "",
            "region": "",
            "address": "",
            "latitude": 0,
            "longitude": 0,
            "licence_no": "",
            "credit_rating": "",
            "credit_limit": "0.00",
            "manager": "",
            "tags": "",
            "notes": "",
        },
    )
    dialog = PartnerDialog(ui, None, window)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    assert dialog.name.text() == "未保存的渠道"
    assert window.message_bar.isVisible()


def test_import_with_bad_row_lists_errors_and_imports_nothing(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    ui, window = ui_window
    section = window.show_section("partners")
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,grade\nP1,好店,A\nP2,,E\n", encoding="utf-8")
    with qtbot.waitSignal(ui.message, timeout=5000):
        section.import_dialog(str(bad))
    assert window.message_bar.level == "error"
    details = window.message_bar.details.toPlainText()
    assert "row 3, column name" in details and "row 3, column grade" in details
    assert partner_list.partner_count(ctx, partner_list.PartnerQuery()) == 0


def test_contract_stock_limits_and_attachment(qtbot, ctx, tmp_path, ui_window) -> None:  # type: ignore[no-untyped-def]
    from app.ui.partners.file_dialogs import ContractDialog, InventoryDialog

    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    partner_id = section.model.rows[0].id
    scan = tmp_path / "合同扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    dialog = ContractDialog(ui, partner_id, section)
    qtbot.addWidget(dialog)
    dialog.number.setText("HT-2026-001")
    dialog.scan.setText(str(scan))
    dialog.save()
    settle(ui, qtbot)
    stock = InventoryDialog(ui, partner_id, section)
    qtbot.addWidget(stock)
    stock.line.setText("手机终端")
    stock.minimum.setValue(10)
    stock.maximum.setValue(5)
    stock.save()
    settle(ui, qtbot)
    assert "minimum" in stock.error.text()
    stock.maximum.setValue(50)
    stock.save()
    settle(ui, qtbot)
    detail = partner_read.partner_detail(ctx, partner_id)
    assert detail.contracts[0].number == "HT-2026-001" and detail.contracts[0].scan_sha256
    assert ctx.paths.media_file(detail.contracts[0].scan_sha256).read_bytes() == b"%PDF-1.4 scan"
    limits, files = partner_read.partner_extras(ctx, partner_id)
    assert (limits[0].min_qty, limits[0].max_qty) == (10, 50) and files[
        0
    ].filename == "合同扫描件.pdf"
    section.table.selectRow(section.model.row_of(partner_id))
    text = section.card_html(partner_id)
    assert "HT-2026-001" in text and "手机终端" in text


def test_attaching_a_file_is_announced_once_by_the_op_runner(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    partner_id = section.model.rows[0].id
    section.table.selectRow(section.model.row_of(partner_id))
    scan = tmp_path / "营业执照.jpg"
    scan.write_bytes(b"licence scan")
    announced: list[object] = []
    ui.changed.connect(announced.append)
    section.attach_file(path=str(scan))
    settle(ui, qtbot)
    qtbot.waitUntil(lambda: bool(announced), timeout=5000)
    qtbot.wait(50)
    # the service returns its change (naming the partner); no hand-made second announcement
    assert [(set(c.entities), set(c.ids)) for c in announced] == [
        ({"attachment", "partner"}, {partner_id})
    ]
    _limits, files = partner_read.partner_extras(ctx, partner_id)
    assert [f.filename for f in files] == ["营业执照.jpg"]


def test_code_is_fixed_after_creation_and_region_is_picked(qtbot, ctx, tmp_path, ui_window) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    partner_id = section.model.rows[0].id
    code = section.model.rows[0].code
    dialog = PartnerDialog(ui, partner_id, section)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    assert dialog.code.isReadOnly()
    assert dialog.region.code()  # the stored region is shown in the picker, not as a code
    dialog.region.set_code("320100")
    with qtbot.waitSignal(ui.changed, timeout=3000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert partner_read.partner_detail(ctx, partner_id).partner.city_code == "3201"
    data = partner_edit.input_from_partner(partner_read.partner_detail(ctx, partner_id).partner)
    data.code = code + "X"
    with pytest.raises(ValidationError, match="HQ"):
        partner_edit.save_partner(ctx, data, partner_id)
    assert partner_read.partner_detail(ctx, partner_id).partner.code == code
    new = PartnerDialog(ui, None, section)
    qtbot.addWidget(new)
    wait_loaded(qtbot, new)
    assert not new.code.isReadOnly()


def test_the_partner_card_is_read_off_the_ui_thread(
    qtbot, ctx, tmp_path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Selecting a partner returns at once however slow the card's queries are (they run on
    a reader thread); the card shows the partner selected when they finish (issue 17)."""
    import time

    from app.ui.partners import card as card_module

    _seed(ctx, tmp_path)
    _ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    qtbot.waitUntil(lambda: section.model.rowCount() == 2, timeout=3000)
    real = card_module.card_data

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(card_module, "card_data", slow)
    section.table.selectRow(0)
    settle(_ui, qtbot)
    started = time.perf_counter()
    section.table.selectRow(1)
    assert time.perf_counter() - started < 0.05
    qtbot.waitUntil(lambda: "徐汇天平路专营店" in section.card.toPlainText(), timeout=5000)


def test_the_partner_form_keeps_its_draft_without_waiting_for_a_locked_database(
    qtbot, ctx, tmp_path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    """Another process holds the write lock: the form's autosave hands the draft to the
    writer thread and returns at once (it wrote on the UI thread every second while the
    form had changes), one save at a time; the draft lands once the lock is released
    (issue 17)."""
    import sqlite3
    import time

    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    partner_id = section.model.rows[0].id
    dialog = PartnerDialog(ui, partner_id, section)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    dialog.autosave.stop()  # saved by hand here
    qtbot.keyClicks(dialog.name, " y")
    holder = sqlite3.connect(ui.ctx.paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the other process's write transaction
    try:
        for _ in range(3):
            started = time.perf_counter()
            dialog.save_draft()
            assert time.perf_counter() - started < 0.05
        assert dialog.draft_saving  # the first still waits; the others were not queued
        qtbot.wait(200)
        assert partner_drafts.load_draft(ctx, partner_drafts.draft_key(partner_id)) is None
    finally:
        holder.execute("COMMIT")
        holder.close()
    qtbot.waitUntil(lambda: not dialog.draft_saving, timeout=10000)
    assert partner_drafts.load_draft(ctx, partner_drafts.draft_key(partner_id))["name"].endswith(
        " y"
    )


def test_the_partner_form_is_read_off_the_ui_thread(
    qtbot, ctx, tmp_path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """However slow the form's reads (300 ms here), opening the partner form returns at
    once: it says it is loading and takes no input until the card and the last session's
    draft arrive, then shows the draft over the card as before (issue 17)."""
    import time

    from app.ui.partners import dialogs as dialogs_module

    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    partner_id = section.model.rows[0].id
    draft = partner_edit.input_from_partner(partner_read.partner_detail(ctx, partner_id).partner)
    values = PartnerDialog._to_values(draft)
    values["name"] = "草稿里的名字"
    partner_drafts.save_draft(ctx, partner_drafts.draft_key(partner_id), values)
    real = dialogs_module.read_partner_form

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(dialogs_module, "read_partner_form", slow)
    started = time.perf_counter()
    dialog = PartnerDialog(ui, partner_id, section)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.state.text() == "Loading the partner…" and dialog.state.isVisible()
    assert not dialog.loaded and not dialog.name.isEnabled() and not save.isEnabled()
    assert dialog.name.text() == ""
    wait_loaded(qtbot, dialog)
    assert dialog.name.text() == "草稿里的名字" and dialog.dirty
    assert "Unsaved input from your last session was restored." in (window.message_bar.label.text())
    assert dialog.name.isEnabled() and save.isEnabled() and not dialog.state.isVisible()
    assert not dialog.status.isEnabled()  # still only through Lifecycle
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()  # the restored draft counts as a change


def test_the_partner_form_says_why_it_could_not_be_read(qtbot, ctx, ui_window) -> None:  # type: ignore[no-untyped-def]
    """A partner gone before its form was read: the form shows the translated reason and
    cannot be saved (issue 17)."""
    ui, window = ui_window
    dialog = PartnerDialog(ui, "no-such-partner", window)
    qtbot.addWidget(dialog)
    settle(ui, qtbot)
    assert not dialog.loaded and "no-such-partner" in dialog.state.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()


def test_the_lifecycle_dialog_reads_the_partner_off_the_ui_thread(
    qtbot, ctx, tmp_path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """However slow the partner's read (300 ms here), opening Lifecycle (开停并转) returns at
    once and takes no input until the partner arrives; then it shows the partner's name, the
    events its status allows and its history (issue 17). An unknown partner shows why."""
    import time

    from app.services import partner_read as read_module
    from app.ui.partners.file_dialogs import LifecycleDialog

    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)
    partner_id = section.model.rows[0].id
    detail = partner_read.partner_detail(ctx, partner_id)
    real = read_module.partner_detail

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(read_module, "partner_detail", slow)
    started = time.perf_counter()
    dialog = LifecycleDialog(ui, partner_id, section)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.state.text() == "Loading the partner…" and dialog.state.isVisible()
    assert not dialog.loaded and not dialog.reason.isEnabled() and not dialog.ok.isEnabled()
    assert dialog.kind.count() == 0
    wait_loaded(qtbot, dialog)
    assert detail.partner.name in dialog.windowTitle()
    assert dialog.kind.findData("suspend") >= 0 and dialog.kind.findData("open") < 0
    assert dialog.history.count() == len(detail.lifecycle)
    assert dialog.reason.isEnabled() and dialog.ok.isEnabled() and not dialog.state.isVisible()
    dialog.close()
    missing = LifecycleDialog(ui, "no-such-partner", section)
    qtbot.addWidget(missing)
    settle(ui, qtbot)
    assert not missing.loaded and "no-such-partner" in missing.state.text()
    assert not missing.ok.isEnabled()
