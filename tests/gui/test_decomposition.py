"""pytest-qt: the decomposition editor opens from the dashboard; an edited cell becomes a
highlighted override, the month re-balances and every total stays exact; Delete releases
an override; HQ-published targets are read-only; Save writes what the table shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from app.services import actuals as actuals_svc
from app.services import partner_io
from app.services import targets as svc
from app.ui.dashboard.decomposition import MONTHS, OVERRIDE_BACKGROUND
from db.models import Target

# a dialog shown over the main window makes the offscreen platform say it cannot pass size hints on
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _import_partners(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(
        "code,name,grade,region\nT1,甲商行,A,310115\nT2,乙超市,C,310115\nT3,丙便利,B,310104\n",
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, path)


def _assert_totals_exact(model, annual: int) -> None:  # type: ignore[no-untyped-def]
    n = model.partner_count()
    for column in range(1, MONTHS + 1):
        assert sum(model.cell(row, column) for row in range(n)) == model.cell(n, column)
    for row in range(n):
        assert sum(model.cell(row, column) for column in range(1, MONTHS + 1)) == model.cell(
            row, MONTHS + 1
        )
    assert (
        sum(model.cell(n, column) for column in range(1, MONTHS + 1))
        == model.cell(n, MONTHS + 1)
        == annual
    )


def _loaded(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    """Load what is chosen and wait: the dialog reads its choices and each plan on a reader
    thread."""
    qtbot.waitUntil(lambda: dialog.choices_read, timeout=10000)
    dialog.load()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10000)


def _edit_cell(qtbot, dialog, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    index = dialog.model.index(row, column)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editors = [
        e for e in dialog.table.viewport().findChildren(QLineEdit) if e.isVisible()
    ]  # closed ones await deletion
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    with qtbot.waitSignal(
        dialog.table.itemDelegate().closeEditor, timeout=3000
    ):  # the delegate commits queued
        qtbot.keyClick(editor, Qt.Key.Key_Return)


@OFFSCREEN_DIALOG
def test_decomposition_editor_rebalances_highlights_and_saves(
    qtbot, qtmodeltester, ctx, ui_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _import_partners(ctx, tmp_path)
    _ui, window = ui_window
    section = window.show_section("dashboard")
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    qtbot.mouseClick(section.decompose_button, Qt.MouseButton.LeftButton)
    dialog = section.decomposition
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
    assert dialog.region.code() == "3101"  # the territory first
    assert dialog.region.city.currentText() == "上海市市辖区"
    dialog.year.setValue(2030)
    dialog.region.set_code("3101")
    _loaded(qtbot, dialog)
    model = dialog.model
    assert model.partner_count() == 3 and model.rowCount() == 4 and model.columnCount() == 14
    dialog.annual.setText("1200000.01")
    dialog.apply_annual()
    annual = 1_200_000_01
    _assert_totals_exact(model, annual)
    march_total = model.cell(3, 3)
    qtmodeltester.check(model)

    _edit_cell(qtbot, dialog, 1, 3, "7000.5")  # T2, March
    assert model.overrides == {("T2", 3): 700_050}
    assert model.cell(1, 3) == 700_050 and model.cell(3, 3) == march_total
    _assert_totals_exact(model, annual)
    overridden = model.index(1, 3)
    assert model.data(overridden, Qt.ItemDataRole.BackgroundRole).color() == OVERRIDE_BACKGROUND
    assert model.data(overridden, Qt.ItemDataRole.FontRole).bold()
    assert (
        model.data(overridden) == "7,000.50"
        and model.data(overridden, Qt.ItemDataRole.EditRole) == "7000.50"
    )
    assert model.data(model.index(0, 3), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, 3), Qt.ItemDataRole.FontRole) is None
    for row in (0, 3):  # row totals and the grand total are computed
        assert model.index(row, 13).flags() & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags

    dialog.table.setCurrentIndex(overridden)
    dialog.table.edit(overridden)
    editor = next(e for e in dialog.table.viewport().findChildren(QLineEdit) if e.isVisible())
    editor.setCursorPosition(0)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)  # deletes a character in the editor, releases nothing
    assert editor.text() == "000.50" and ("T2", 3) in model.overrides
    with qtbot.waitSignal(dialog.table.itemDelegate().closeEditor, timeout=3000):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert model.overrides == {("T2", 3): 700_050}

    _edit_cell(qtbot, dialog, 0, 3, "abc")
    assert "Not a non-negative amount" in dialog.error.text()
    _edit_cell(qtbot, dialog, 0, 3, "99999999")
    assert "2030-03" in dialog.error.text()
    assert model.overrides == {("T2", 3): 700_050}
    _assert_totals_exact(model, annual)

    _edit_cell(qtbot, dialog, 2, 5, "0")  # T3, May
    dialog.table.setCurrentIndex(model.index(2, 5))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert ("T3", 5) not in model.overrides and model.cell(2, 5) > 0
    _edit_cell(qtbot, dialog, 2, 7, "1234")  # T3, July
    _assert_totals_exact(model, annual)

    _edit_cell(qtbot, dialog, 3, 12, "500000")  # the region's December total
    assert model.month_overrides == {12: 50_000_000} and model.cell(3, 12) == 50_000_000
    assert model.cell(3, 3) != march_total  # the other months shared the rest of the year
    assert model.cell(1, 3) == 700_050 and model.cell(2, 7) == 123_400  # partner overrides kept
    _assert_totals_exact(model, annual)
    assert (
        model.data(model.index(3, 12), Qt.ItemDataRole.BackgroundRole).color()
        == OVERRIDE_BACKGROUND
    )
    assert model.data(model.index(3, 12), Qt.ItemDataRole.FontRole).bold()
    _edit_cell(qtbot, dialog, 3, 12, "2000000")
    assert "do not fit the annual target" in dialog.error.text() and model.month_overrides == {
        12: 50_000_000
    }
    qtmodeltester.check(model)

    shown = {
        (model.plan.partners[row][0], f"2030-{column:02d}"): model.cell(row, column)
        for row in range(3)
        for column in range(1, 13)
    }
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    rows = svc.list_targets(ctx, year="2030")
    saved = {
        (r.scope, r.period): r.target
        for r in rows
        if r.scope_kind == "partner" and r.metric == "revenue"
    }
    assert saved == shown
    assert next(r.target for r in rows if r.scope_kind == "region" and r.period == "2030") == annual
    with ctx.read_session() as s:
        flagged = {
            (t.scope, t.period)
            for t in s.query(Target).filter(
                Target.overridden.is_(True), Target.scope_kind == "partner"
            )
        }
    assert flagged == {("T2", "2030-03"), ("T3", "2030-07")}
    assert (
        next(r.target for r in rows if r.scope_kind == "region" and r.period == "2030-12")
        == 50_000_000
    )

    reopened = section.open_decomposition()
    qtbot.waitExposed(reopened)
    reopened.year.setValue(2030)
    reopened.region.set_code("3101")
    _loaded(qtbot, reopened)
    assert reopened.model.overrides == {("T2", 3): 700_050, ("T3", 7): 123_400}
    assert reopened.model.month_overrides == {12: 50_000_000}
    assert [reopened.model.cell(r, c) for r in range(4) for c in range(1, 14)] == [
        model.cell(r, c) for r in range(4) for c in range(1, 14)
    ]
    assert reopened.annual.text() == "1200000.01"
    reopened.reject()


@OFFSCREEN_DIALOG
def test_decomposition_editor_read_only_for_hq_targets(
    qtbot, ctx, ui_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _import_partners(ctx, tmp_path)
    with ctx.session() as s:
        s.add(
            Target(
                metric="revenue",
                period="2031-02",
                scope_kind="partner",
                scope="T1",
                amount=500,
                source="hq",
            )
        )
    _ui, window = ui_window
    section = window.show_section("dashboard")
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    dialog = section.open_decomposition()
    qtbot.waitExposed(dialog)
    dialog.year.setValue(2031)
    dialog.region.set_code("310115")
    _loaded(qtbot, dialog)
    assert "HQ" in dialog.notice.text()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert dialog.annual.isReadOnly()
    assert not dialog.model.index(0, 2).flags() & Qt.ItemFlag.ItemIsEditable
    assert not dialog.model.setData(dialog.model.index(0, 2), "1")
    dialog.reject()


@OFFSCREEN_DIALOG
def test_decomposition_editor_bases_and_reopen_as_saved(
    qtbot, ctx, ui_window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from app.domain import targets as rules

    _import_partners(ctx, tmp_path)
    actuals = tmp_path / "a.csv"
    actuals.write_text(
        "partner_code,metric,period,amount\nT1,revenue,2031-03,100\nT2,revenue,2031-03,300\nT2,revenue,2031-09,200\n",
        encoding="utf-8",
    )
    actuals_svc.import_actuals(ctx, actuals)
    _ui, window = ui_window
    section = window.show_section("dashboard")
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    dialog = section.open_decomposition()
    qtbot.waitExposed(dialog)
    dialog.year.setValue(2032)
    dialog.region.set_code("310115")
    _loaded(qtbot, dialog)
    model = dialog.model
    assert (
        dialog.partner_basis.currentData() == "grade"
        and dialog.month_basis.currentData() == "seasonality"
    )
    assert (
        not dialog.partner_basis.model().item(dialog.partner_basis.findData("current")).isEnabled()
    )  # nothing saved yet
    dialog.annual.setText("10000")
    dialog.apply_annual()
    assert [model.cell(r, 1) for r in range(2)] == rules.split(
        model.cell(2, 1), [4, 2]
    )  # T1 grade A, T2 grade C
    dialog.month_basis.setCurrentIndex(dialog.month_basis.findData("last_year"))
    dialog.partner_basis.setCurrentIndex(dialog.partner_basis.findData("last_year"))
    dialog.apply_bases()
    assert [model.cell(2, c) for c in range(1, 13)] == rules.split(
        10000_00, [0, 0, 400, 0, 0, 0, 0, 0, 200, 0, 0, 0]
    )
    assert [model.cell(r, 3) for r in range(2)] == rules.split(model.cell(2, 3), [100, 500])
    _assert_totals_exact(model, 10000_00)
    shown = [[model.cell(r, c) for c in range(1, 14)] for r in range(3)]
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    reopened = section.open_decomposition()
    qtbot.waitExposed(reopened)
    reopened.year.setValue(2032)
    reopened.region.set_code("310115")
    _loaded(qtbot, reopened)
    assert (
        reopened.partner_basis.currentData() == "current"
        and reopened.month_basis.currentData() == "current"
    )
    assert [[reopened.model.cell(r, c) for c in range(1, 14)] for r in range(3)] == shown
    reopened.reject()


@OFFSCREEN_DIALOG
def test_the_decomposition_plan_is_read_off_the_ui_thread(
    qtbot, ctx, ui_window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """However slow the reads (300 ms each here), opening the editor and choosing another
    year return at once: the dialog says it is loading with the table and Save disabled,
    then shows the plan still chosen; a plan chosen and left again meanwhile is dropped
    (issue 17)."""
    import time

    from app.services import decomposition
    from app.ui.dashboard.decomposition import DecompositionDialog

    _import_partners(ctx, tmp_path)
    for name in ("decomposition_plan", "region_choices"):
        real = getattr(decomposition, name)

        def slow(*args, real=real, **kwargs):  # type: ignore[no-untyped-def]
            time.sleep(0.3)
            return real(*args, **kwargs)

        monkeypatch.setattr(decomposition, name, slow)
    ui, window = ui_window
    started = time.perf_counter()
    dialog = DecompositionDialog(ui, window)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.notice.text() == "Loading the targets…"
    assert not dialog.table.isEnabled() and not save.isEnabled() and dialog.annual.isReadOnly()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
    assert dialog.region.code() == "3101" and dialog.model.partner_count() == 3
    assert dialog.table.isEnabled() and save.isEnabled() and not dialog.annual.isReadOnly()
    this_year = dialog.year.value()
    for year in (this_year + 1, this_year + 2):
        started = time.perf_counter()
        dialog.year.setValue(year)
        assert time.perf_counter() - started < 0.05
    assert not dialog.table.isEnabled() and dialog.model.plan.year == this_year  # kept meanwhile
    qtbot.waitUntil(lambda: dialog.ready, timeout=10000)
    ui.ops.wait(10000)
    qtbot.wait(30)  # the dropped answer for next year has come back too
    assert dialog.model.plan.year == this_year + 2
    assert dialog.loaded_key == ("revenue", this_year + 2, "3101")
