"""pytest-qt: targets and actuals imported from the dashboard — a bad file is reported in
the message bar with file, row and column and changes nothing; a good one is applied and
the dashboard refreshes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.services import partner_io
from app.services import targets as svc


def test_import_targets_and_actuals_from_the_dashboard(
    qtbot, ctx, ui_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    partners = tmp_path / "p.csv"
    partners.write_text(
        "code,name,grade,region\nT1,甲,A,310115\nT2,乙,C,310115\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, partners)
    ui, window = ui_window
    section = window.show_section("dashboard")
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    month = dt.date.today().strftime("%Y-%m")

    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"metric,period,scope,amount\nrevenue,{month},T1,100\nrevenue,{month},T9,5\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(ui.message, timeout=10000) as blocker:
        section.import_file("targets", str(bad))
    text, level, details = blocker.args
    assert level == "error" and "nothing was imported" in text
    assert details == ["bad.csv, row 3, column scope: unknown partner T9"]
    assert svc.list_targets(ctx) == []

    good = tmp_path / "good.csv"
    good.write_text(
        f"metric,period,scope,amount\nrevenue,{month},T1,1000\nrevenue,{month},T2,500\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(ui.message, timeout=10000) as blocker:
        section.import_file("targets", str(good))
    assert "2 rows, 2 new" in blocker.args[0]
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(
        f"partner_code,metric,period,amount\nT1,revenue,{month},250\n", encoding="utf-8"
    )
    with qtbot.waitSignal(ui.message, timeout=10000):
        section.import_file("actuals", str(actuals))
    qtbot.waitUntil(  # the dashboard reads its figures again on a reader thread
        lambda: (
            {r["partner_code"]: (r["target"], r["actual"]) for r in section.partners.rows}
            == {"T1": (1000.0, 250.0), "T2": (500.0, 0.0)}
        ),
        timeout=5000,
    )
