"""pytest-qt: the visit list and the planner read on a reader thread (issue 17). With
their queries slowed to 300 ms, filtering the list and reloading the planner return
within 50 ms, the rows shown stay until the answer comes, and only the newest answer is
shown."""

from __future__ import annotations

import json
import time
from pathlib import Path

from app.services import partner_io, visits


def _slowed(monkeypatch, module, name: str) -> None:  # type: ignore[no-untyped-def]
    real = getattr(module, name)

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, slow)


def test_the_visit_list_and_the_planner_read_off_the_ui_thread(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.visits import planner as planner_module
    from app.ui.visits import section as section_module

    csv = tmp_path / "p.csv"
    csv.write_text(
        "code,name,grade,region\nL1,静安寺旗舰店,A,310106\nL2,徐汇天平路专营店,B,310104\n",
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, csv)
    for code in ("L1", "L2"):
        visits.new_visit(ctx, code)
    _slowed(monkeypatch, section_module, "visit_rows")
    _slowed(monkeypatch, planner_module, "planner_data")
    _ui, window = ui_window
    section = window.show_section("visits")
    qtbot.waitUntil(lambda: section.is_ready and len(section.model.rows) == 2, timeout=5000)
    for text in ("L", "L2"):
        started = time.perf_counter()
        section.filter.setText(text)
        assert time.perf_counter() - started < 0.05
    assert len(section.model.rows) == 2 and section.listing  # shown until the answer comes
    qtbot.waitUntil(lambda: not section.listing, timeout=5000)
    assert [r["partner_code"] for r in section.model.rows] == ["L2"]

    planner = window.show_section("planner")
    qtbot.waitUntil(lambda: planner.is_ready, timeout=5000)
    assert {r["partner_code"] for r in planner.shortfall.rows} == {"L1", "L2"}
    started = time.perf_counter()
    planner.reload()
    assert time.perf_counter() - started < 0.05
    assert planner.reading and len(planner.shortfall.rows) == 2
    qtbot.waitUntil(lambda: not planner.reading, timeout=5000)
    assert {r["partner_code"] for r in planner.shortfall.rows} == {"L1", "L2"}
    assert "callbacks" in planner.duty.text()


def test_the_dashboard_and_the_conflicts_read_off_the_ui_thread(
    qtbot, ctx, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The dashboard's figures and a month's click-through, and the open conflicts, are
    read on a reader thread: with the reads slowed to 300 ms each reload returns within
    50 ms and the section is ready once the first answer is shown."""
    from app.services import sync_conflicts, targets
    from app.services.demo import generate_demo
    from app.ui.dashboard import section as dashboard_module

    generate_demo(ctx, partners=10, months=2, seed=4)
    _slowed(monkeypatch, dashboard_module, "dashboard_figures")
    _slowed(monkeypatch, targets, "list_targets")
    _slowed(monkeypatch, sync_conflicts, "open_conflicts")
    _ui, window = ui_window
    dashboard = window.show_section("dashboard")
    assert not dashboard.is_ready
    qtbot.waitUntil(lambda: dashboard.is_ready, timeout=5000)
    assert dashboard.data is not None and dashboard.partners.rowCount() > 0
    for act in (dashboard.reload, lambda: dashboard.show_month(0)):
        started = time.perf_counter()
        act()
        assert time.perf_counter() - started < 0.05
    qtbot.waitUntil(
        lambda: not dashboard.reading.pending and not dashboard.month_reading.pending,
        timeout=5000,
    )
    assert dashboard.data.months[0] in dashboard.list_title.text()

    conflicts = window.show_section("conflicts")
    qtbot.waitUntil(lambda: conflicts.is_ready, timeout=5000)
    started = time.perf_counter()
    conflicts.reload()
    assert time.perf_counter() - started < 0.05 and conflicts.reading.pending
    qtbot.waitUntil(lambda: not conflicts.reading.pending, timeout=5000)
    assert conflicts.model.rows == [] and "0" in conflicts.info.text()


def test_the_new_visit_dialog_reads_the_partners_off_the_ui_thread(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The partners of the New visit dialog come from a reader thread: the dialog opens at
    once however slow the read, takes typing meanwhile (kept when the list comes) and
    waits with OK until it has them."""
    from app.ui.visits.new_visit import NewVisitDialog

    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nN1,静安寺旗舰店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    _slowed(monkeypatch, visits, "partner_names")
    _ui, window = ui_window
    started = time.perf_counter()
    dialog = NewVisitDialog(_ui, window)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(dialog)
    dialog.partner.setEditText("静安")
    dialog.accept()  # nothing to choose from yet
    assert not dialog.ok.isEnabled() and dialog.code == ""
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    assert dialog.partner.currentText() == "静安" and dialog.ok.isEnabled()
    dialog.accept()
    assert dialog.code == "N1" and dialog.result() == 1


def test_settings_read_the_checklists_off_the_ui_thread(qtbot, ui_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Settings opens at once however slow the read of the checklist templates; their box
    waits disabled, then offers them with the default chosen."""
    from app.ui.settings_dialog import SettingsDialog

    _slowed(monkeypatch, visits, "templates")
    ui, window = ui_window
    started = time.perf_counter()
    dialog = SettingsDialog(ui, window)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(dialog)
    assert not dialog.template.isEnabled() and dialog.template.currentData() is None
    qtbot.waitUntil(dialog.template.isEnabled, timeout=5000)
    assert dialog.template.currentData() == ui.ctx.settings.default_template


def test_settings_read_the_trusted_hq_key_off_the_ui_thread(
    qtbot, ui_window, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The trusted HQ key's file is read with the checklists on a reader thread: with the
    read slowed to 300 ms Settings opens within 50 ms, and trusting a key returns at once
    and shows its fingerprint once it is read back (issue 17)."""
    from app.services import device
    from app.sync import signing
    from app.ui.settings_dialog import SettingsDialog
    from tests.gui.conftest import settle

    _slowed(monkeypatch, device, "trusted_hq_key")
    ui, window = ui_window
    started = time.perf_counter()
    dialog = SettingsDialog(ui, window)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.hq_key.text() == "none yet", timeout=5000)
    raw = signing.public_raw(signing.write_private_key(tmp_path / "hq.pem"))
    key = tmp_path / "hq.key"
    key.write_text(json.dumps({"hq_id": "hq-1", "public_key": signing.b64(raw)}), encoding="utf-8")
    started = time.perf_counter()
    dialog.choose_hq_key(path=str(key))
    assert time.perf_counter() - started < 0.05
    settle(ui, qtbot)
    qtbot.waitUntil(lambda: signing.fingerprint(raw) in dialog.hq_key.text(), timeout=5000)
    key.write_text("not json", encoding="utf-8")
    ui.ctx.paths.hq_public_key.write_text("not json", encoding="utf-8")
    dialog = SettingsDialog(ui, window)  # a damaged trusted key: the line says why
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "not JSON" in dialog.hq_key.text(), timeout=5000)


def test_a_month_clicked_after_a_reload_keeps_its_list(qtbot, ctx, ui_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A reload's figures that come after a month's click-through (asked later) no longer
    replace that month's partner list with this month's."""
    from app.services.demo import generate_demo
    from app.ui.dashboard import section as dashboard_module

    generate_demo(ctx, partners=10, months=2, seed=4)
    _ui, window = ui_window
    dashboard = window.show_section("dashboard")
    qtbot.waitUntil(lambda: dashboard.is_ready, timeout=5000)
    _slowed(monkeypatch, dashboard_module, "dashboard_figures")  # 300 ms; the month at once
    dashboard.reload()
    dashboard.show_month(0)
    qtbot.waitUntil(
        lambda: not dashboard.reading.pending and not dashboard.month_reading.pending,
        timeout=5000,
    )
    assert dashboard.data.months[0] in dashboard.list_title.text()
