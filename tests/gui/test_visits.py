"""pytest-qt: create a visit, answer items in the editor, attach a photo, submit; a
submitted visit cannot be edited; the planner's shortfall changes after submit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from app.services import partner_io, visits
from tests.conftest import EXIF_DIR
from tests.gui.conftest import load_visit, settle


def test_visit_editor_answer_submit_and_planner_updates(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nV1,静安寺旗舰店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    ui, window = ui_window
    planner = window.show_section("planner")
    planner.reload()
    qtbot.waitUntil(lambda: not planner.reading, timeout=5000)  # read on a reader thread
    assert next(r for r in planner.shortfall.rows if r["partner_code"] == "V1")["done"] == 0
    section = window.show_section("visits")
    visit_id = visits.new_visit(ctx, "V1")
    section.reload()
    load_visit(qtbot, section.editor, visit_id)
    editor = section.editor
    combo = editor.editors["signage"]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("yes"))
    spin = editor.editors["cleanliness"]
    assert isinstance(spin, QSpinBox)
    spin.setValue(4)  # saved off the UI thread, then the live score follows
    qtbot.waitUntil(
        lambda: visits.visit_detail(ctx, visit_id)["items"][1]["answer"] == 4, timeout=5000
    )
    qtbot.waitUntil(lambda: "Score" in editor.score.text(), timeout=5000)
    with qtbot.waitSignal(
        ui.changed, timeout=10000, check_params_cb=lambda change: change.touches("visit_photo")
    ):
        editor.attach([str(EXIF_DIR / "Landscape_6.jpg")], item_key="storefront_photo")
    qtbot.waitUntil(lambda: editor.photos.count() == 1, timeout=5000)
    for key, value in (
        ("price_tags", "yes"),
        ("price_violation", "no"),
        ("poster_display", "4"),
        ("stock_units", "10"),
        ("stock_within_limits", "yes"),
        ("staff_knowledge", "4"),
        ("service_attitude", "5"),
        ("cross_territory", "no"),
        ("fake_business", "no"),
        ("licence_valid", "yes"),
    ):
        visits.answer(ctx, visit_id, key, value)
    with qtbot.waitSignal(ui.changed, timeout=5000):
        editor.submit()
    qtbot.waitUntil(
        lambda: editor.detail is not None and editor.detail.status == "submitted", timeout=5000
    )
    assert not editor.editors["signage"].isEnabled()
    assert not editor.submit_button.isEnabled() and editor.amend_button.isEnabled()
    qtbot.waitUntil(  # the planner reads its figures again on a reader thread
        lambda: next(r for r in planner.shortfall.rows if r["partner_code"] == "V1")["done"] == 1,
        timeout=5000,
    )


def test_planned_visit_check_in_observations_and_rectification_actions(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.services import partner_read
    from app.ui.partners.file_dialogs import ObservationDialog

    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nW1,淮海路店,B,310101\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    ui, window = ui_window
    planned = visits.new_visit(ctx, "W1", planned_for=dt.date.today() + dt.timedelta(days=1))
    section = window.show_section("visits")
    section.reload()
    load_visit(qtbot, section.editor, planned)
    assert not section.editor.checkin_button.isHidden()
    section.editor.check_in()  # on the writer thread
    qtbot.waitUntil(lambda: visits.visit_detail(ctx, planned)["status"] == "draft", timeout=5000)
    dialog = ObservationDialog(ui, "W1", "competitor", planned, window)
    qtbot.addWidget(dialog)
    dialog.first.setText("华信通讯")
    dialog.third.setText("主推机型低100元")
    dialog.save()  # on the writer thread
    settle(ui, qtbot)
    assert partner_read.partner_detail(ctx, "W1").competitors[0].brand == "华信通讯"
    visits.add_finding(ctx, planned, "海报破损")
    planner = window.show_section("planner")
    planner.reload()
    qtbot.waitUntil(lambda: not planner.reading, timeout=5000)  # read on a reader thread
    planner.overdue_view.selectRow(0)
    planner.update_order("escalated")
    qtbot.waitUntil(
        lambda: visits.open_rectifications(ctx, "W1")[0]["status"] == "escalated", timeout=5000
    )


def test_an_answer_does_not_wait_for_a_locked_database(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    """Another process holds the write lock: the editor's autosave is queued on the writer
    thread, so changing an answer returns at once and the answer lands once the lock is
    released (issue 17: no UI action stalls the event loop)."""
    import sqlite3
    import time

    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nL1,静安寺旗舰店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    _ui, window = ui_window
    section = window.show_section("visits")
    visit_id = visits.new_visit(ctx, "L1")
    section.reload()
    load_visit(qtbot, section.editor, visit_id)
    spin = section.editor.editors["cleanliness"]
    assert isinstance(spin, QSpinBox)
    holder = sqlite3.connect(ctx.paths.database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the other process's write transaction
    try:
        started = time.perf_counter()
        spin.setValue(3)
        assert time.perf_counter() - started < 0.05
        qtbot.wait(200)  # the save is waiting for the lock meanwhile
        assert visits.visit_detail(ctx, visit_id)["items"][1]["answer"] is None
    finally:
        holder.execute("COMMIT")
        holder.close()
    qtbot.waitUntil(
        lambda: visits.visit_detail(ctx, visit_id)["items"][1]["answer"] == 3, timeout=10000
    )


def test_the_editor_says_what_to_do_before_a_visit_is_selected(qtbot, ui_window) -> None:  # type: ignore[no-untyped-def]
    """Opening Visits with no visit selected, the editor's pane says to select one or start
    one under zh_CN, instead of a blank form."""
    from app.ui.application import ensure_application, install_translators

    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        from app.ui.visits.editor import VisitEditor

        ui, _window = ui_window
        editor = VisitEditor(ui)
        qtbot.addWidget(editor)
        assert editor.visit_id is None
        assert "新建巡检" in editor.header.text(), editor.header.text()
    finally:
        install_translators(app, "en")


def test_the_list_shows_every_column_without_scrolling_sideways(qtbot, ctx) -> None:  # type: ignore[no-untyped-def]
    """At 1280 × 800 under zh_CN the visits list fits its pane: the status and the score
    are in view with their headings (the score's column began past the pane's edge and the
    status was cut), the name takes what is left."""
    from app.services.demo import generate_demo
    from app.services.device import initialise_device
    from app.ui.application import create_main_window, ensure_application, install_translators

    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        initialise_device(ctx, user="李娜", territory=["3201"])
        generate_demo(ctx, partners=10, months=1, seed=2)
        ui, window = create_main_window(ctx)
        window.finish_menus()
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        section = window.show_section("visits")
        qtbot.waitUntil(lambda: section.is_ready and section.model.rowCount() > 0, timeout=10000)
        table = section.table
        header = table.horizontalHeader()
        widths = [table.columnWidth(c) for c in range(section.model.columnCount())]
        assert sum(widths) <= table.viewport().width() + 1, (widths, table.viewport().width())
        metrics = header.fontMetrics()
        for column in (0, 1, 3, 4):
            label = str(section.model.headerData(column, Qt.Orientation.Horizontal))
            assert metrics.horizontalAdvance(label) <= widths[column], label
        assert widths[2] >= 60  # the name still reads
        ui.ops.wait(10000)
    finally:
        install_translators(app, "en")
