"""pytest-qt: the HQ console's Partners and Grade requests sections (issue 19), on SQLite
and PostgreSQL: the partner list searched and filtered, HQ's edit of a partner's code,
grade and credit limit (disabled until something changed, a bad amount refused), and a
manager's grade change request approved, another refused with its note — as the CLI's
``hq grade-requests`` does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.hq.grade_requests import list_requests
from app.hq.partners import partner_rows
from app.services import partner_read
from app.services.grade_requests import request_grade_change
from app.services.sync import export_bundle
from tests.gui import test_hq_console
from tests.unit.services import test_sync

pg_url, hq_url, hq = test_sync.pg_url, test_sync.hq_url, test_sync.hq  # the HQ fixtures
console, _ready = test_hq_console.console, test_hq_console._ready


def _row_of(view, text: str) -> int:  # type: ignore[no-untyped-def]
    return next(r for r in range(view.rowCount()) if view.item(r, 0).text() == text)


def test_partners_filter_and_edit_hq_owned_fields(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    ui, window, _ctx, _visit_id, _bundle = console
    from app.ui.hq.partners import PartnersSection

    section = next(s for s in window.sections if isinstance(s, PartnersSection))
    window.nav.setCurrentRow(window.sections.index(section))
    _ready(qtbot, section)
    assert section.view.rowCount() == 3 and "3" in section.count.text()
    assert not section.editor.isEnabled()  # nothing selected
    section.search.setText("p002")
    assert section.view.rowCount() == 1 and section.view.item(0, 0).text() == "P002"
    section.search.setText("no such partner")
    assert section.view.rowCount() == 0 and section.count.text()
    section.search.clear()
    section.grade.setCurrentIndex(section.grade.findData("D"))
    assert all(section.view.item(r, 2).text() for r in range(section.view.rowCount()))
    section.grade.setCurrentIndex(0)
    section.region.set_code("310115")  # the shared region picker: 浦东新区
    assert [section.view.item(r, 0).text() for r in range(section.view.rowCount())] == ["P001"]
    section.region.set_code("44")  # 广东省: none there
    assert section.view.rowCount() == 0
    section.region.set_code("3101")
    assert section.view.rowCount() == 3
    section.region.set_code(None)

    section.view.selectRow(_row_of(section.view, "P001"))
    assert section.editor.isEnabled() and section.code.text() == "P001"
    assert not section.save_button.isEnabled()  # nothing changed yet
    section.credit.setText("12,34x")
    assert section.save_button.isEnabled()
    with qtbot.waitSignal(ui.message, timeout=15000) as refused:
        section.save()
    assert refused.args[1] == "error" and "12,34x" in refused.args[0]
    section.code.setText("P002")  # another partner's code
    section.credit.setText("")
    with qtbot.waitSignal(ui.message, timeout=15000) as taken:
        section.save()
    assert taken.args[1] == "error" and "P002" in taken.args[0]
    before = {r["code"]: r for r in partner_rows(ui.hq)}["P001"]
    grade = "A" if before["grade"] != "A" else "B"
    section.code.setText("HQ-001")
    section.grade_edit.setCurrentIndex(section.grade_edit.findData(grade))
    section.credit.setText("50000.5")
    announced: list[Any] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=15000) as saved:
        section.save_button.click()
    assert saved.args[1] == "info" and "HQ-001" in saved.args[0]
    qtbot.waitUntil(lambda: bool(announced), timeout=15000)
    qtbot.wait(50)
    # the save returns its change (the partner's id); the op runner announces it once
    assert [(set(c.entities), set(c.ids)) for c in announced] == [({"record"}, {before["id"]})]
    after = {r["id"]: r for r in partner_rows(ui.hq)}[before["id"]]
    assert (after["code"], after["grade"], after["credit_limit_fen"]) == (
        "HQ-001",
        grade,
        5_000_050,
    )
    qtbot.waitUntil(lambda: any(r["code"] == "HQ-001" for r in section.rows), timeout=15000)
    assert section.selected() == before["id"]  # still selected after the refresh
    qtbot.waitUntil(lambda: not section.save_button.isEnabled(), timeout=15000)


def test_grade_requests_approved_and_refused(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ui, window, ctx, _visit_id, _bundle = console
    from app.ui.hq.partners import GradeRequestsSection

    section = next(s for s in window.sections if isinstance(s, GradeRequestsSection))
    window.nav.setCurrentRow(window.sections.index(section))
    _ready(qtbot, section)
    assert section.view.rowCount() == 0 and section.empty.isVisibleTo(section)
    assert not section.approve_button.isEnabled() and not section.refuse_button.isEnabled()

    g1 = partner_read.partner_detail(ctx, "P001").partner.grade
    g2 = partner_read.partner_detail(ctx, "P002").partner.grade
    up, down = ("A" if g1 != "A" else "B"), ("D" if g2 != "D" else "C")
    request_grade_change(ctx, "P001", up, "月销量翻倍")
    request_grade_change(ctx, "P002", down, "长期不进货")
    bundle = export_bundle(ctx, tmp_path / "requests.cdsync").path
    assert ui.hq.ingest(bundle, tmp_path / "acks").status == "accepted"
    section.load()
    qtbot.waitUntil(lambda: section.view.rowCount() == 2, timeout=15000)
    assert not section.empty.isVisibleTo(section)
    first = _row_of(section.view, "P001")
    assert section.view.item(first, 3).text() == "月销量翻倍"
    assert section.view.item(first, 4).text() == "lap"
    section.view.selectRow(first)
    assert section.approve_button.isEnabled() and not section.refuse_button.isEnabled()
    announced: list[Any] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=15000) as approved:
        section.approve_button.click()
    assert approved.args[1] == "info"
    qtbot.waitUntil(lambda: bool(announced), timeout=15000)
    qtbot.wait(50)
    assert [set(c.entities) for c in announced] == [{"record"}]  # once, by the op runner
    qtbot.waitUntil(lambda: section.view.rowCount() == 1, timeout=15000)  # pending only
    assert {r["code"]: r["grade"] for r in partner_rows(ui.hq)}["P001"] == up

    section.view.selectRow(0)
    assert not section.refuse_button.isEnabled()  # a refusal needs its note
    section.note.setText("先整改")
    assert section.refuse_button.isEnabled()
    with qtbot.waitSignal(ui.message, timeout=15000):
        section.refuse_button.click()
    qtbot.waitUntil(lambda: section.view.rowCount() == 0, timeout=15000)
    assert section.empty.isVisibleTo(section)
    decided = {r["partner_code"]: r for r in list_requests(ui.hq)}
    assert decided["P001"]["status"] == "approved"
    assert decided["P002"]["status"] == "refused" and decided["P002"]["decision_note"] == "先整改"
    section.status.setCurrentIndex(section.status.findData(None))  # all of them
    qtbot.waitUntil(lambda: section.view.rowCount() == 2, timeout=15000)
    section.view.selectRow(0)
    assert not section.approve_button.isEnabled()  # already decided
