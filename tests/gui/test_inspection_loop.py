"""pytest-qt (issue 16): a re-inspection started from the new-visit dialog lists the open
orders with translated passed/failed answers; the partner card shows its status read-only
(only 开停并转 changes it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox

from app.services import partner_io, visits
from tests.gui.conftest import load_visit


def test_reinspection_from_the_dialog_and_read_only_status(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.partners.dialogs import PartnerDialog
    from app.ui.visits.new_visit import NewVisitDialog

    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nR1,复查店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    first = visits.new_visit(ctx, "R1")
    visits.add_finding(ctx, first, "价签缺失")
    (order,) = [r["id"] for r in visits.rectification_orders(ctx, "R1")]
    ui, window = ui_window
    section = window.show_section("visits")

    def choose(dialog: NewVisitDialog) -> int:
        qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)  # partners read on a reader thread
        dialog.partner.setEditText("R1")
        dialog.reinspect.setChecked(True)
        dialog.accept()
        return 1

    monkeypatch.setattr(NewVisitDialog, "exec", choose)
    section.new_visit()
    qtbot.waitUntil(
        lambda: section.editor.visit_id is not None and not section.editor.loading, timeout=5000
    )
    visit_id = section.editor.visit_id
    assert visit_id and visits.visit_detail(ctx, visit_id)["template"] == "reinspection"
    combo = section.editor.editors[order]
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["—", "Passed", "Failed"]
    combo.setCurrentIndex(combo.findData("passed"))  # saved off the UI thread
    qtbot.waitUntil(
        lambda: (
            next(
                i["answer"]
                for i in visits.visit_detail(ctx, visit_id)["items"]
                if i["key"] == order
            )
            == "passed"
        ),
        timeout=5000,
    )
    card = PartnerDialog(ui, _partner_id(ctx, "R1"), window)
    qtbot.addWidget(card)
    assert not card.status.isEnabled() and "Lifecycle" in card.status.toolTip()
    new = PartnerDialog(ui, None, window)
    qtbot.addWidget(new)
    assert [new.status.itemData(i) for i in range(new.status.count())] == ["prospect", "active"]


def _partner_id(ctx, code: str) -> str:  # type: ignore[no-untyped-def]
    from app.services import partner_read

    return partner_read.partner_detail(ctx, code).partner.id


def test_editor_lists_photo_evidence_and_takes_an_explanation(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from tests.unit.services.test_evidence import jpeg

    csv = tmp_path / "p.csv"
    csv.write_text(
        "code,name,grade,region,latitude,longitude\nE1,证据店,A,310115,31.268,121.595\n",
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, csv)
    visit_id = visits.new_visit(ctx, "E1")
    visits.attach_photos(ctx, visit_id, [jpeg(tmp_path / "bare.jpg")])
    ui, window = ui_window
    section = window.show_section("visits")
    load_visit(qtbot, section.editor, visit_id)
    editor = section.editor
    assert editor.evidence.count() == 1 and "camera data" in editor.evidence.item(0).text()
    editor.evidence.setCurrentRow(0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("关闭了定位", True))
    with qtbot.waitSignal(ui.changed, timeout=5000):
        editor.explain_evidence()
    qtbot.waitUntil(lambda: "关闭了定位" in editor.evidence.item(0).text(), timeout=5000)


def test_lifecycle_dialog_merges_partners_with_targets_of_the_same_month(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    from app.services import lifecycle, targets
    from app.ui.partners.file_dialogs import LifecycleDialog
    from tests.gui.conftest import wait_loaded

    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nM1,甲店,A,310115\nM2,乙店,B,310115\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    targets.set_target(ctx, "revenue", "2026-03", "partner", "M1", "1000")
    targets.set_target(ctx, "revenue", "2026-03", "partner", "M2", "500")
    ui, window = ui_window
    dialog = LifecycleDialog(ui, _partner_id(ctx, "M1"), window)
    qtbot.addWidget(dialog)
    wait_loaded(qtbot, dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("merge"))
    dialog.reason.setText("业务整合")
    dialog.survivor.setText("M2")
    with qtbot.waitSignal(ui.changed, timeout=5000):
        dialog.save()
    assert dialog.error.text() == ""
    event = lifecycle.lifecycle_history(ctx, "M1")[-1]  # after the import's "open"
    assert (
        event["to_status"] == "merged" and event["details"]["targets_added"][0]["after"] == 150000
    )


def test_amend_from_the_editor_by_label_shows_the_current_score(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QInputDialog

    from tests.unit.services.test_amendments import sealed_visit

    visit_id = sealed_visit(ctx, tmp_path, {"signage": "no"})
    before = visits.visit_detail(ctx, visit_id)["score"]
    ui, window = ui_window
    section = window.show_section("visits")
    load_visit(qtbot, section.editor, visit_id)
    editor = section.editor
    offered: list[str] = []

    def pick(_parent, _title, _label, items, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        offered.extend(items)
        return next(i for i in items if i.endswith("：门头招牌完好、符合VI规范")), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    answers = iter([("yes", True), ("录入错误", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    with qtbot.waitSignal(ui.changed, timeout=5000):
        editor.amend()
    after = visits.visit_detail(ctx, visit_id)["score"]
    assert after > before and "signage" not in offered
    qtbot.waitUntil(lambda: f"{after:.1f}" in editor.score.text(), timeout=5000)


def test_planner_starts_a_reinspection_of_the_selected_orders_partner(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nQ1,复查店,A,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    visits.add_finding(ctx, visits.new_visit(ctx, "Q1"), "价签缺失")
    _ui, window = ui_window
    planner = window.show_section("planner")
    planner.reload()
    qtbot.waitUntil(lambda: not planner.reading, timeout=5000)  # read on a reader thread
    row = next(i for i, r in enumerate(planner.overdue.rows) if r["partner_code"] == "Q1")
    planner.overdue_view.selectRow(row)
    planner.reinspect_button.click()
    editor = window.show_section("visits").editor
    qtbot.waitUntil(
        lambda: editor.detail is not None and editor.detail.template == "reinspection", timeout=5000
    )
    (order,) = [r["id"] for r in visits.rectification_orders(ctx, "Q1")]
    assert order in editor.editors
