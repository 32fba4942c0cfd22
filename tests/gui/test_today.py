"""pytest-qt: the Today section draws the callbacks, shows a call's script and (only on
request) its number, records an outcome (a warning on the partner), keeps the log's notes
and closes the day; the Complaints section records and moves a complaint forward."""

from __future__ import annotations

from pathlib import Path

from app.services import callbacks, complaints, daily_log, devrecords, partner_io
from app.services.context import Changes
from tests.unit.services.test_duties_callbacks import PHONES, records_csv
from tests.unit.services.test_partners_and_visits import CSV


def _seed(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)


def test_today_draw_call_record_and_close(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("today")
    qtbot.waitUntil(lambda: section.overview is not None, timeout=10000)
    assert "nothing to call back" in section.progress_label.text()
    section.import_records(str(records_csv(tmp_path / "r.csv")))
    ui.ops.wait()
    qtbot.waitUntil(lambda: section.overview.progress.population == 40, timeout=10000)
    section.draw()
    ui.ops.wait()
    qtbot.waitUntil(lambda: len(section.model.rows) > 0, timeout=10000)
    assert not section.draw_button.isEnabled()
    assert all("****" in r["phone"] for r in section.model.rows)
    section.table.selectRow(0)
    assert section.model.rows[0]["call"].product in section.script.text()
    assert "****" in section.number.text()
    section.reveal()
    qtbot.waitUntil(lambda: section.number.text() in PHONES, timeout=5000)
    section.outcome.setCurrentIndex(section.outcome.findData("fake"))
    section.note.setText("客户说没办过")
    section.record()
    ui.ops.wait()
    qtbot.waitUntil(lambda: section.overview.progress.answered == 1, timeout=10000)
    assert section.model.rows[0]["outcome"] == "Fake record"
    assert [w.kind for w in callbacks.list_warnings(ctx)] == ["fake"]
    assert "1 of" in section.progress_label.text()
    announced: list[Changes] = []
    ui.changed.connect(announced.append)
    section.log_note.setPlainText("回访一户，发现虚假业务")
    section.log_plan.setPlainText("明天约谈店长")
    section.save_notes()
    ui.ops.wait()
    assert daily_log.show_log(ctx).note == "回访一户，发现虚假业务"
    section.close_day()
    ui.ops.wait()
    qtbot.waitUntil(lambda: section.overview.log.closed, timeout=10000)
    # saving the notes and closing each return their change; the op runner announces each
    # once (no hand-made echo); closing names the log
    assert [c.entities for c in announced] == [{"daily_log"}] * 2
    assert len(announced[1].ids) == 1
    assert not section.close_button.isEnabled() and section.log_note.isReadOnly()
    assert daily_log.show_log(ctx).plan == "明天约谈店长"


def test_today_callbacks_fit_at_1280_by_800_with_the_note_in_a_tooltip(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    """The callbacks table needs no horizontal scrollbar at 1280 × 800 (Chinese cells): the
    short columns take what their text needs, the partner and the note share the rest
    and elide, and a long note is whole in its tooltip."""
    import os

    from PySide6.QtCore import Qt

    from app.i18n import set_language

    set_language("zh_CN")
    path = tmp_path / "p.csv"
    path.write_text(  # demo-like names: a long company name would widen its column
        CSV.replace(
            "上海浦东金桥通信器材经营部", "上海市浦东新区金桥镇黄河宽带服务代理有限公司第一营业厅"
        ),
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, path)
    ui, window = ui_window
    window.resize(1280, 800)
    devrecords.import_dev_records(ctx, records_csv(tmp_path / "r.csv"))
    call = callbacks.draw_callbacks(ctx).calls[0]
    note = (
        "客户说营业厅的店员当时没有讲清楚预存款的到账时间，宽带也是隔了三天才上门安装，希望再核实"
    )
    callbacks.record_outcome(ctx, call.id, "confirmed", note=note)
    section = window.show_section("today")
    qtbot.waitUntil(lambda: bool(section.overview and section.model.rows), timeout=10000)
    qtbot.wait(50)
    if os.environ.get("CHANNELDESK_SHOT"):
        window.grab().save(os.environ["CHANNELDESK_SHOT"])
    assert not section.table.horizontalScrollBar().isVisible()
    keys = [key for key, _title in section.model.columns]
    (row,) = [i for i, r in enumerate(section.model.rows) if r["id"] == call.id]
    cell = section.model.index(row, keys.index("note"))
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == note
    assert section.table.columnWidth(
        keys.index("note")
    ) < section.table.fontMetrics().horizontalAdvance(note)
    partner = section.model.index(row, keys.index("partner"))
    assert partner.data(Qt.ItemDataRole.ToolTipRole) == section.model.rows[row]["partner"]
    header = section.table.horizontalHeader()
    assert header.length() <= section.table.viewport().width()
    ui.ops.wait()


def test_complaints_section(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("complaints")
    announced: list[Changes] = []
    ui.changed.connect(announced.append)
    section.new_complaint("P001", "营业员态度差")
    ui.ops.wait()
    qtbot.waitUntil(lambda: len(section.model.rows) == 1, timeout=10000)
    # the service's result carries its change (with the new id); the op runner announces it once
    (cid,) = [c.id for c in complaints.list_complaints(ctx)]
    assert [(set(c.entities), set(c.ids)) for c in announced] == [({"complaint"}, {cid})]
    assert section.model.rows[0]["status"] == "Received"
    section.table.selectRow(0)
    assert section.advance_button.isEnabled()
    section.advance("resolved", "已道歉", 4)
    ui.ops.wait()
    qtbot.waitUntil(
        lambda: section.model.rows and section.model.rows[0]["status"] == "Resolved", timeout=10000
    )
    assert complaints.list_complaints(ctx)[0].satisfaction == 4
    section.filter.setCurrentIndex(section.filter.findData("closed"))
    ui.ops.wait()
    qtbot.waitUntil(lambda: section.model.rows == [], timeout=10000)


def test_planner_shows_the_day_progress_and_missed_days(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.services import devrecords

    _seed(ctx, tmp_path)
    two_days_ago = dt.date.today() - dt.timedelta(days=2)
    devrecords.import_dev_records(
        ctx, records_csv(tmp_path / "r.csv", day=two_days_ago)
    )  # yesterday's duty: missed
    _ui, window = ui_window
    section = window.show_section("planner")
    qtbot.waitUntil(lambda: bool(section.duty.text()), timeout=10000)
    assert (
        "Missed callback days" in section.duty.text()
        and (two_days_ago + dt.timedelta(days=1)).strftime("%m-%d") in section.duty.text()
    )


def test_training_section(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.services import training
    from tests.conftest import EXIF_DIR

    _seed(ctx, tmp_path)
    ui, window = ui_window
    section = window.show_section("training")
    announced: list[Changes] = []
    ui.changed.connect(announced.append)
    section.plan(
        {"partner": "P001", "topic": "宽带业务培训", "day": dt.date.today(), "trainer": "王老师"}
    )
    ui.ops.wait()
    qtbot.waitUntil(lambda: len(section.trainings.rows) == 1, timeout=10000)
    assert section.trainings.rows[0]["state"] == "Planned"
    (tid,) = [t.id for t in training.list_trainings(ctx)]
    assert [(set(c.entities), set(c.ids)) for c in announced] == [({"training_session"}, {tid})]
    section.training_view.selectRow(0)
    assert section.held_button.isEnabled()
    section.held("张三，李四", "手册", str(EXIF_DIR / "Landscape_1.jpg"))
    ui.ops.wait()
    qtbot.waitUntil(
        lambda: section.trainings.rows and section.trainings.rows[0]["state"] == "Held",
        timeout=10000,
    )
    assert training.list_trainings(ctx)[0].attendees == ["张三", "李四"]
    section.new_promotion(
        {
            "name": "暑期促销",
            "start": dt.date.today(),
            "end": dt.date.today() + dt.timedelta(days=7),
            "partners": "P001, P002",
            "materials": "海报、台卡",
        }
    )
    ui.ops.wait()
    qtbot.waitUntil(lambda: len(section.promotions.rows) == 1, timeout=10000)
    assert (
        section.promotions.rows[0]["running"] == "Yes"
        and section.promotions.rows[0]["materials"] == "海报、台卡"
    )
    (pid,) = [p.id for p in training.list_promotions(ctx)]
    assert [c.ids for c in announced if c.touches("promotion")] == [{pid}]


def test_partner_card_lists_warnings_and_trainings(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.services import devrecords, partner_read, training

    _seed(ctx, tmp_path)
    devrecords.import_dev_records(ctx, records_csv(tmp_path / "r.csv"))
    call = next(c for c in callbacks.draw_callbacks(ctx).calls if c.partner_code == "P001")
    callbacks.record_outcome(ctx, call.id, "deposit_withheld")
    training.plan_training(ctx, "P001", "实名制登记要求", dt.date.today())
    _ui, window = ui_window
    section = window.show_section("partners")
    html = section.card_html(partner_read.partner_detail(ctx, "P001").partner.id)
    assert "Warnings" in html and "Deposit withheld" in html and "Callback" in html
    assert "Staff training" in html and "实名制登记要求" in html and "planned" in html


def test_start_up_purges_expired_records(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.services import devrecords
    from app.ui.application import _purge_records

    _seed(ctx, tmp_path)
    old = dt.date.today() - dt.timedelta(days=91)
    devrecords.import_dev_records(ctx, records_csv(tmp_path / "old.csv", day=old))
    assert devrecords.record_counts(ctx, old, old + dt.timedelta(days=1))
    ui, _window = ui_window
    _purge_records(ui)
    ui.ops.wait()
    assert devrecords.record_counts(ctx, old, old + dt.timedelta(days=1)) == {}


def test_file_menu_prints_the_duties_papers_under_zh_cn(qtbot, ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """File → daily log, development bulletin, commission check: each PDF is built and
    previewed (the GUI had no way to print them; only the command line did)."""
    import pypdf
    from PySide6.QtWidgets import QGroupBox

    from app.services.demo import generate_demo
    from app.services.device import initialise_device
    from app.ui.application import create_main_window, ensure_application, install_translators
    from app.ui.reports.preview import PdfPreviewDialog

    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        initialise_device(ctx, user="李娜", territory=["3201"])
        generate_demo(ctx, partners=15, months=1, seed=4)
        previewed: list[tuple[str, str]] = []
        monkeypatch.setattr(
            PdfPreviewDialog,
            "__init__",
            lambda self, _ui, path, title, _parent=None: previewed.append((str(path), title)),
        )
        monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: 0)
        ui, window = create_main_window(ctx)
        window.finish_menus()
        qtbot.addWidget(window)
        texts = {a.text(): a for a in window.menus["file"].actions()}
        for label in ("渠道经理日志(&D)…", "发展量周通报(&B)…", "代理佣金核查(&C)…"):
            texts[label].trigger()
        qtbot.waitUntil(lambda: len(previewed) == 3, timeout=30000)
        titles = {title for _path, title in previewed}
        assert titles == {"渠道经理日志", "发展量周通报", "代理佣金核查"}
        for path, title in previewed:
            first = pypdf.PdfReader(path).pages[0].extract_text()
            assert "渠道管理部" in first or "李娜" in first, first[:80]
            if "日志" in title:  # the preview and the paper call the daily log alike
                assert title in first and "工作日志" not in first, first[:80]
        # the Today section's own box says it the same way
        boxes = window.show_section("today").findChildren(QGroupBox)
        assert "渠道经理日志" in {box.title() for box in boxes}
        ui.ops.wait(10000)
    finally:
        install_translators(app, "en")


def test_partner_card_uses_chinese_colons_under_zh_cn(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    """Under zh_CN the card's labels end in a full-width colon (信用：BBB, 价签夹：7, the
    attendees of a training), as every other Chinese label does; English keeps ": "."""
    import datetime as dt

    from app.services import partner_read, training
    from app.ui.application import ensure_application, install_translators

    _seed(ctx, tmp_path)
    training.plan_training(ctx, "P001", "实名制登记要求", dt.date.today())
    _ui, window = ui_window
    section = window.show_section("partners")
    partner_id = partner_read.partner_detail(ctx, "P001").partner.id
    app = ensure_application()
    install_translators(app, "zh_CN")
    try:
        html = section.card_html(partner_id)
        assert "信用：" in html and "信用:" not in html, html[:400]
    finally:
        install_translators(app, "en")
    assert "Credit: " in section.card_html(partner_id)


def test_the_user_name_is_not_read_on_the_ui_thread(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 17: selecting a call (its script names the manager) and opening Settings read
    the user's name and territory from ``app_meta`` on the UI thread; they show the
    identity the window last read (again on a reader thread after a change)."""
    import threading

    from app.services.context import AppContext
    from app.services.identity import save_identity
    from app.ui.settings_dialog import SettingsDialog
    from tests.gui.conftest import settle

    _seed(ctx, tmp_path)
    save_identity(ctx, "李娜", ["3101"])
    ui, window = ui_window
    ui.changed.emit(Changes.of("device"))
    qtbot.waitUntil(lambda: "李娜" in window.identity_label.text(), timeout=5000)
    section = window.show_section("today")
    qtbot.waitUntil(lambda: section.overview is not None, timeout=10000)
    section.import_records(str(records_csv(tmp_path / "r.csv")))
    settle(ui, qtbot)
    section.draw()
    qtbot.waitUntil(lambda: len(section.model.rows) > 1, timeout=10000)
    real, on_ui_thread = AppContext.meta, []

    def meta(self, key, default=None):  # type: ignore[no-untyped-def]
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return real(self, key, default)

    monkeypatch.setattr(AppContext, "meta", meta)
    section.table.selectRow(1)
    assert "李娜" in section.script.text()
    dialog = SettingsDialog(ui, window)
    qtbot.addWidget(dialog)
    assert dialog.user.text() == "李娜" and dialog.territory.codes() == ["3101"]
    settle(ui, qtbot)
    assert not any(on_ui_thread)
