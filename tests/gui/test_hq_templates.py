"""pytest-qt: the HQ console's template editor (issue 19) over SQLite and PostgreSQL: a
published version is edited as a copy (an item added with its kind, weight, required,
range), each problem is named as it is typed (``validate_template``) and blocks
publishing, the preview is the laptop's own checklist form, Publish makes the next
version and leaves the old one as it was; a laptop starts new visits with it while a
visit made before keeps its version. The deadline rules are edited beside the others."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit

from app.hq import authoring
from app.hq.duty_rules import duty_rules
from app.services import visits
from app.services.sync_down import import_hq_bundle
from tests.gui.test_hq_console import _ready, console
from tests.unit.services import test_sync

pg_url, hq_url, hq = (
    test_sync.pg_url,
    test_sync.hq_url,
    test_sync.hq,
)  # the HQ fixtures, on SQLite and PostgreSQL
__all__ = ["console", "hq", "hq_url", "pg_url"]

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _type(line: QLineEdit, text: str) -> None:
    line.setText(text)
    line.textEdited.emit(text)


@OFFSCREEN_DIALOG
def test_edit_preview_and_publish_a_template_version(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.hq.templates import TemplatesSection

    ui, window, ctx, visit_id, _bundle = console
    section = next(s for s in window.sections if isinstance(s, TemplatesSection))
    window.nav.setCurrentRow(window.sections.index(section))
    _ready(qtbot, section)
    before = {(t["name"], t["version"]): t["body"] for t in authoring.template_versions(ui.hq)}
    row = next(i for i, t in enumerate(section.templates) if t["name"] == "store_inspection")
    section.view.selectRow(row)
    editor = section.edit_selected()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.next_version == 2, timeout=15000)
    assert editor.publish_button.isEnabled() and editor.problems.text() == ""
    rows_before = editor.preview.rowCount()
    editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
    editor.add_item()
    assert editor.selected() == (0, len(editor.sections()[0]["items"]) - 1)
    key = editor.sections()[0]["items"][-1]["key"]  # a fresh key, unlike any other
    _type(editor.item_label, "排队人数")
    editor.kind.setCurrentIndex(editor.kind.findData("number"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    editor.weight.setValue(2)
    _type(editor.minimum, "1")
    _type(editor.maximum, "x")
    assert "排队人数" in editor.problems.text() and not editor.publish_button.isEnabled()
    _type(editor.maximum, "30")
    assert editor.problems.text() == "" and editor.publish_button.isEnabled()
    assert editor.preview.rowCount() == rows_before + 1  # the laptop's form, one row more
    fields = [w for w in editor.preview_host.findChildren(QLineEdit) if "30" in w.placeholderText()]
    assert fields and "1" in fields[0].placeholderText()  # the range, as the laptop shows it
    editor.kind.setCurrentIndex(editor.kind.findData("choice"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    assert "排队人数" in editor.problems.text() and not editor.publish_button.isEnabled()
    editor.kind.setCurrentIndex(editor.kind.findData("number"))
    editor.kind.activated.emit(editor.kind.currentIndex())
    announced: list[Any] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=15000) as told:
        editor.publish()
    assert told.args[1] == "info" and "2" in told.args[0]
    qtbot.waitUntil(lambda: bool(announced), timeout=15000)
    qtbot.wait(50)
    # the saved version carries its change (the new record's id); announced once
    assert [set(c.entities) for c in announced] == [{"record"}] and len(announced[0].ids) == 1
    ui.changed.disconnect(announced.append)
    after = {(t["name"], t["version"]): t["body"] for t in authoring.template_versions(ui.hq)}
    assert after[("store_inspection", 1)] == before[("store_inspection", 1)]  # never mutated
    new = after[("store_inspection", 2)]
    added = next(i for i in new["sections"][0]["items"] if i["key"] == key)
    assert added == {
        "key": key,
        "label": "排队人数",
        "kind": "number",
        "required": True,
        "weight": 2,
        "min": 1,
        "max": 30,
    }
    qtbot.waitUntil(lambda: len(section.templates) == len(before) + 1, timeout=15000)
    down = ui.hq.publish(
        ctx.device_id, tmp_path / "down.cdhq", authoring.reference_for_publish(ui.hq)
    )
    import_hq_bundle(ctx, down)
    fresh = visits.new_visit(ctx, "P003")
    assert visits.visit_detail(ctx, fresh)["template_version"] == 2
    assert key in [i["key"] for i in visits.visit_detail(ctx, fresh)["items"]]
    assert visits.visit_detail(ctx, visit_id)["template_version"] == 1

    section.response_hours.setValue(4)
    section.resolution_hours.setValue(72)
    saved: list[Any] = []
    ui.changed.connect(saved.append)
    with qtbot.waitSignal(ui.message, timeout=15000):
        section._save_rules()
    qtbot.waitUntil(lambda: bool(saved), timeout=15000)
    qtbot.wait(50)
    assert [set(c.entities) for c in saved] == [{"record", "hq_meta"}]  # once, by the runner
    rules = duty_rules(ui.hq)
    assert rules["complaint_response_hours"] == 4 and rules["complaint_resolution_hours"] == 72
