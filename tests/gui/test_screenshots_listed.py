"""The README shows every section of the laptop app and of the HQ console: each has its
screenshot under docs/screenshots/ (made by ``make screenshots``, tools/screenshots.py)
and the README shows it, so a new section without a picture fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _screenshots_tool():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "screenshots_tool", ROOT / "tools" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_section_has_a_screenshot_the_readme_shows(qtbot, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    from app.hq.server import Hq
    from app.ui.hq.console import HqUi, HqWindow

    _ui, window = ui_window
    names = [section.section_id for section in window.sections]
    (tmp_path / "hq").mkdir()
    hq = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    hq.init()
    hq_ui = HqUi(hq)
    try:
        console = HqWindow(hq_ui)
        qtbot.addWidget(console)
        names += [_screenshots_tool().hq_shot_name(section) for section in console.sections]
    finally:
        hq_ui.ops.wait(10000)
        hq.close()
    assert "partners" in names and "hq-overview" in names and "hq-grade-requests" in names
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [n for n in names if not (ROOT / "docs" / "screenshots" / f"{n}.png").is_file()]
    unshown = [n for n in names if f"](docs/screenshots/{n}.png)" not in readme]
    assert not missing and not unshown, (missing, unshown)


def test_the_tool_grabs_a_section_once_its_reads_are_shown(
    qtbot, ctx, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """``make screenshots`` waits until what a section reads on reader threads is shown,
    including the reads an answer starts (the dashboard's reminders and KPI scores, the
    visit editor of the selected visit): it grabbed an empty yellow box, an empty KPI table
    and an empty editor."""
    import time

    from app.services import reminders
    from app.services.demo import generate_demo
    from app.ui.application import ensure_application

    generate_demo(ctx, partners=20, months=2, seed=3)
    real = reminders.reminders
    monkeypatch.setattr(  # read as slowly as on a large data dir
        reminders, "reminders", lambda *a, **kw: time.sleep(0.3) or real(*a, **kw)
    )
    ui, window = ui_window
    tool = _screenshots_tool()
    app = ensure_application()
    dashboard = window.show_section("dashboard")
    tool.settle(app, ui, dashboard)
    assert dashboard.is_ready and dashboard.reminders.isVisible() and dashboard.kpi.rowCount()
    visits = window.show_section("visits")
    tool.settle(app, ui, visits)
    visits.table.selectRow(0)
    tool.settle(app, ui, visits)
    assert visits.editor.visit_id == visits.model.rows[0]["id"]
