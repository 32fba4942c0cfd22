"""pytest-qt: the HQ console's Publish (a toolbar action seen from every section) runs
``hq publish``'s function for every active device into the folder chosen, with progress,
and reports per device the file, what it holds and the warning for a device without an
encryption key; the Devices section says whose key HQ holds. SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from app.hq.devrecords import import_dev_records
from app.hq.publishing import bundle_name
from app.services.sheet_read import read_table
from app.services.sync_down import import_hq_bundle
from app.ui.hq.base import key_of
from tests.gui import test_hq_console
from tests.unit.services.test_duties_callbacks import records_csv
from tests.unit.services.test_sync import make_laptop

pg_url, hq_url, hq, console = (
    test_hq_console.pg_url,
    test_hq_console.hq_url,
    test_hq_console.hq,
    test_hq_console.console,
)


def _without_key(hq, device_id: str) -> None:  # type: ignore[no-untyped-def]
    from db.hq.models import Device

    with hq.sessions.begin() as s:
        s.get(Device, device_id).x25519_public_key = None


def test_publish_from_the_toolbar_reports_each_device(
    qtbot, console, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ui, window, ctx, _visit_id, _bundle = console
    old = make_laptop(tmp_path, "old", ui.hq)
    _without_key(ui.hq, old.device_id)
    path = records_csv(tmp_path / "r.csv")
    import_dev_records(ui.hq, read_table(path), path.name)
    out = tmp_path / "out"
    out.mkdir()
    asked: list[str] = []

    def pick(_parent, _title, start):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(out)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    window.nav.setCurrentRow(window.sections.index(window.inspections))  # any section
    assert window.publisher.action in window.findChildren(type(window.publisher.action))
    with qtbot.waitSignal(ui.message, timeout=60000) as told:
        window.publisher.action.trigger()
    assert told.args[1] == "warning" and "2" in told.args[0]  # two laptops, one warning
    report = window.publisher.report
    assert report is not None and report.isVisible()
    rows = {
        key_of(report.view, r): [
            report.view.item(r, c).text() for c in range(report.view.columnCount())
        ]
        for r in range(report.view.rowCount())
    }
    assert set(rows) == {ctx.device_id, old.device_id}
    mine, older = rows[ctx.device_id], rows[old.device_id]
    assert mine[0] == "lap" and mine[1] == bundle_name(ctx.device_id)
    assert "40 development record" in mine[2] and "3 partner" in mine[2] and mine[3] == ""
    assert "development record" not in older[2] and "device export-key" in older[3]
    assert str(out) in report.summary.text()
    import_hq_bundle(ctx, out / bundle_name(ctx.device_id))  # the laptop takes it
    assert (out / bundle_name(old.device_id)).exists()
    report.close()
    with qtbot.waitSignal(ui.message, timeout=60000):
        window.publisher.action.trigger()
    assert asked == ["", str(out)]  # asked each time, from the folder chosen before
    # the Devices section says whose encryption key HQ holds
    from app.ui.hq.devices import DevicesSection

    devices = next(s for s in window.sections if isinstance(s, DevicesSection))
    window.nav.setCurrentRow(window.sections.index(devices))
    qtbot.waitUntil(lambda: devices.view.rowCount() == 2, timeout=15000)
    keys = {
        devices.view.item(r, 1).text(): devices.view.item(r, 7).text()
        for r in range(devices.view.rowCount())
    }
    assert keys[ctx.device_id] == "held"
    assert keys[old.device_id].startswith("missing") and "register" in keys[old.device_id]
    old.close()


def test_publish_with_no_device_says_so(qtbot, console, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ui, window, ctx, _visit_id, _bundle = console
    ui.hq.revoke_device(ctx.device_id)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(tmp_path))
    with qtbot.waitSignal(ui.message, timeout=30000) as told:
        window.publisher.action.trigger()
    assert told.args[1] == "error" and "register" in told.args[0]
    assert window.publisher.report is None and not list(tmp_path.glob("hq-*.cdsync"))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: "")  # cancelled
    window.publisher.action.trigger()
    ui.ops.wait(10000)
    assert window.publisher.report is None


def test_development_records_dropped_checked_and_masked(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.hq.devrecords import DevRecordsSection
    from tests.unit.services.test_duties_callbacks import PHONES

    ui, window, _ctx, _visit_id, _bundle = console
    old = make_laptop(tmp_path, "old", ui.hq)
    _without_key(ui.hq, old.device_id)
    section = next(s for s in window.sections if isinstance(s, DevRecordsSection))
    window.nav.setCurrentRow(window.sections.index(section))
    qtbot.waitUntil(lambda: section.is_ready, timeout=15000)
    assert section.view.rowCount() == 0 and "no development records" in section.summary.text()
    assert section.keys.isVisible() and "old" in section.keys.text()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "date,partner_code,phone,kind\n2026-03-01,NOPE,13655550000,new\n", encoding="utf-8"
    )
    with qtbot.waitSignal(ui.message, timeout=30000) as refused:
        section.dropped([bad])
    text = refused.args[0] + "\n".join(refused.args[2])
    assert refused.args[1] == "error" and "row 2, column partner_code" in text
    assert "13655550000" not in text
    note = tmp_path / "notes.txt"
    note.write_text("x", encoding="utf-8")
    with qtbot.waitSignal(ui.message, timeout=30000) as wrong:
        section.dropped([note])
    assert wrong.args[1] == "error" and wrong.args[2] == ["notes.txt"]
    good = records_csv(tmp_path / "r.csv")
    announced: list[Any] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=30000) as told:
        section.dropped([good])
    assert told.args[1] == "info" and "40 rows: 40 new, 0 already held" in told.args[0]
    qtbot.waitUntil(lambda: section.view.rowCount() == 40, timeout=15000)
    # the import's summary carries its change; the op runner announces it once (the refused
    # files announced nothing)
    assert [set(c.entities) for c in announced] == [{"dev_record"}]
    cells = [
        section.view.item(r, c).text()
        for r in range(section.view.rowCount())
        for c in range(section.view.columnCount())
    ]
    assert not [p for p in PHONES if any(p in cell for cell in cells)]  # never in clear
    phones = {section.view.item(r, 5).text() for r in range(section.view.rowCount())}
    assert all(p.startswith("139****") and len(p) == 11 for p in phones)
    assert "40" in section.summary.text()
    with qtbot.waitSignal(ui.message, timeout=30000) as again:
        section.import_file(good)
    assert "40 rows: 0 new, 40 already held" in again.args[0]
    old.close()


def test_development_records_are_searched_off_the_ui_thread(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.hq.devrecords import DevRecordsSection

    ui, window, _ctx, _visit_id, _bundle = console
    import_dev_records(ui.hq, read_table(records_csv(tmp_path / "r.csv")), "r.csv")
    section = next(s for s in window.sections if isinstance(s, DevRecordsSection))
    window.nav.setCurrentRow(window.sections.index(section))
    qtbot.waitUntil(lambda: section.view.rowCount() == 40, timeout=15000)

    def search(text: str, rows: int) -> None:
        section.search.setText(text)
        qtbot.waitUntil(
            lambda: section.view.rowCount() == rows and f"“{text}”" in section.summary.text(),
            timeout=15000,
        )

    search("p002", 13)  # the partner's code, case ignored
    codes = {section.view.item(r, 1).text() for r in range(section.view.rowCount())}
    assert codes == {"P002"} and "13 of 40" in section.summary.text()
    search("abc digital", 13)  # P003's name
    search("C0007", 1)  # a customer reference
    search("50%", 0)  # a % is a character, not a wildcard
    section.search.setText("宽")  # typed on: the answer of an earlier search is dropped
    section.search.setText("宽带")
    qtbot.waitUntil(lambda: "“宽带”" in section.summary.text(), timeout=15000)
    assert section.view.rowCount() == 40 and "40 of 40" in section.summary.text()
    section.search.clear()
    qtbot.waitUntil(lambda: "“" not in section.summary.text(), timeout=15000)
    assert section.view.rowCount() == 40
