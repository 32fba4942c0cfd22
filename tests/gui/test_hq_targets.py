"""pytest-qt: the HQ console's Targets section (issue 19) over SQLite and PostgreSQL: the
targets a manager decomposed on the laptop show beside HQ's once the bundle is in; HQ
decomposes a region's annual target in the laptop's own editor (an edited cell is an
override, every total exact), saves it as HQ's targets, and a laptop receives them as
HQ's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.hq import authoring, company_targets
from app.services.decomposition import decompose_region_target
from app.services.sync import export_bundle
from app.services.sync_down import import_hq_bundle
from db.models import Target
from tests.gui.test_decomposition import _assert_totals_exact, _edit_cell, _loaded
from tests.gui.test_hq_console import _ready, console
from tests.unit.services import test_sync

pg_url, hq_url, hq = (
    test_sync.pg_url,
    test_sync.hq_url,
    test_sync.hq,
)  # the HQ fixtures, on SQLite and PostgreSQL
__all__ = ["console", "hq", "hq_url", "pg_url"]

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@OFFSCREEN_DIALOG
def test_managers_targets_beside_hqs_and_hq_decomposes(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.hq.targets import TargetsSection

    ui, window, ctx, _visit_id, _bundle = console
    decompose_region_target(ctx, "sales_volume", 2030, "310104", 120)
    up = export_bundle(ctx, tmp_path / "targets.cdsync").path
    assert ui.hq.ingest(up, tmp_path / "acks").status == "accepted"
    targets = next(s for s in window.sections if isinstance(s, TargetsSection))
    window.nav.setCurrentRow(window.sections.index(targets))
    _ready(qtbot, targets)
    rows = targets.managers.rowCount()
    assert rows == 1 + 4 + 12 * 3  # the district's year, quarters, months; P002 and P003
    first = [targets.managers.item(0, c).text() for c in range(6)]
    assert first[0] == "lap" and first[5] == "decomposed" and targets.view.rowCount() == 0

    dialog = targets.decompose()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
    dialog.metric_box.setCurrentIndex(dialog.metric_box.findData("sales_volume"))
    dialog.year.setValue(2031)
    dialog.region.set_code("3101")
    _loaded(qtbot, dialog)
    assert [p[0] for p in dialog.model.plan.partners] == ["P001", "P002", "P003"]
    assert dialog.buttons.isEnabled() and not dialog.annual.isReadOnly()
    dialog.annual.setText("1200")
    dialog.apply_annual()
    _edit_cell(qtbot, dialog, 0, 3, "70")
    assert dialog.model.overrides == {("P001", 3): 70}
    _assert_totals_exact(dialog.model, 1200)
    shown = {
        (code, m): dialog.model.cell(row, m)
        for row, (code, _n, _g) in enumerate(dialog.model.plan.partners)
        for m in range(1, 13)
    }
    announced: list[Any] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=15000) as saved:
        dialog.save()
    assert saved.args[1] == "info" and "next HQ bundle" in saved.args[0]
    qtbot.waitUntil(lambda: targets.view.rowCount() == 1 + 4 + 12 * 4, timeout=15000)
    # the save's result carries its change; the op runner announces it once (the dialog's
    # ``saved`` signal no longer adds a second, hand-made announcement)
    assert [set(c.entities) for c in announced] == [{"record"}]
    stored = {
        (t["scope"], int(t["period"][5:])): t["amount"]
        for t in company_targets.hq_targets(ui.hq)
        if t["scope_kind"] == "partner"
    }
    assert stored == shown  # what the table showed is what HQ saved
    down = ui.hq.publish(
        ctx.device_id, tmp_path / "down.cdhq", authoring.reference_for_publish(ui.hq)
    )
    import_hq_bundle(ctx, down)
    with ctx.read_session() as s:
        laptop = {
            (t.scope, int(t.period[5:])): (t.amount, t.source)
            for t in s.scalars(
                select(Target).where(Target.period.like("2031-%"), Target.scope_kind == "partner")
            )
        }
    assert laptop == {key: (amount, "hq") for key, amount in shown.items()}
