"""pytest-qt: the HQ console (``hq gui``) section by section over a real HQ database,
SQLite and PostgreSQL: Overview (a month per manager, click through to the visits),
Inspections (filter, open a visit read-only, verify a printed report's hash), Inbox
(ingest with accepted / duplicate / rejected), Targets, Templates and rules, Receivables
(imports, published) and Devices (register from a key file, revoke, sync history)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.hq import authoring
from app.hq.server import Hq
from app.services import visits
from app.services.sync import export_bundle
from tests.unit.services import test_sync
from tests.unit.services.test_sync import make_laptop, seed

pg_url, hq_url, hq = (
    test_sync.pg_url,
    test_sync.hq_url,
    test_sync.hq,
)  # the HQ fixtures, on SQLite and PostgreSQL


@pytest.fixture
def console(qtbot, hq: Hq, tmp_path: Path) -> Iterator[tuple[object, object, object, str, Path]]:  # type: ignore[no-untyped-def]
    """(ui, window, laptop context, visit id, the laptop's bundle) with the bundle ingested."""
    from app.ui.hq.console import HqUi, HqWindow
    from app.ui.qt_app import ensure_application

    ctx = make_laptop(tmp_path, "lap", hq)
    visit_id = seed(ctx, tmp_path)
    bundle = export_bundle(ctx, tmp_path / "up.cdsync").path
    assert hq.ingest(bundle, tmp_path / "acks").status == "accepted"
    ensure_application()
    ui = HqUi(hq)
    window = HqWindow(ui)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield ui, window, ctx, visit_id, bundle
    window.close()  # waits for the jobs in flight, as closing the console does
    assert ui.ops.wait(30000)
    ctx.close()


def _ready(qtbot, section) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: section.is_ready, timeout=15000)
    section.ui.ops.wait(10000)
    qtbot.wait(50)


def test_overview_and_click_through_to_inspections(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    _ui, window, ctx, _visit_id, _bundle = console
    overview = window.overview
    _ready(qtbot, overview)
    assert overview.month.currentData() == dt.date.today().strftime("%Y-%m")
    assert overview.managers.rowCount() == 1
    assert (
        overview.managers.item(0, 0).text() == "lap" and overview.managers.item(0, 2).text() == "1"
    )
    assert overview.managers.item(0, 3).text() == "1/12"
    assert overview.regions.rowCount() == 1
    overview.managers.cellDoubleClicked.emit(0, 0)
    inspections = window.inspections
    qtbot.waitUntil(lambda: inspections.visits.rowCount() == 1, timeout=15000)
    assert (
        window.stack.currentWidget() is inspections
        and inspections.device.currentData() == ctx.device_id
    )
    overview.month.setCurrentIndex(
        overview.month.findData("2001-01")
        if overview.month.findData("2001-01") >= 0
        else overview.month.count() - 1
    )
    qtbot.waitUntil(lambda: overview.managers.item(0, 2).text() == "0", timeout=15000)


def test_inspections_open_a_visit_and_verify_a_report(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.hq.inspections import VisitDialog

    ui, window, ctx, visit_id, _bundle = console
    window.nav.setCurrentRow(window.sections.index(window.inspections))
    inspections = window.inspections
    _ready(qtbot, inspections)
    assert inspections.visits.rowCount() == 1 and inspections.visits.item(0, 1).text() == "P001"
    inspections.partner.setText("no such partner")
    inspections.load()
    qtbot.waitUntil(lambda: inspections.visits.rowCount() == 0, timeout=15000)
    detail = visits.visit_detail(ctx, visit_id)
    inspections.hash.setText(detail["content_hash"])
    with qtbot.waitSignal(ui.message, timeout=15000) as blocker:
        inspections.verify()
    assert visit_id in blocker.args[0] and blocker.args[1] == "info"
    qtbot.waitUntil(
        lambda: any(isinstance(w, VisitDialog) for w in inspections.findChildren(VisitDialog)),
        timeout=15000,
    )
    dialog = inspections.findChildren(VisitDialog)[0]
    checklist = dialog.tabs.widget(0)
    assert checklist.rowCount() == len(detail["items"])
    assert dialog.tabs.widget(1).count() == len(detail["photos"])
    pdf = tmp_path / "visit.pdf"
    with qtbot.waitSignal(ui.message, timeout=30000) as printed:
        dialog.print_to(pdf)
    assert printed.args[1] == "info" and pdf.read_bytes()[:5] == b"%PDF-"
    from app.hq.visit_report import hq_visit_report_data

    data = hq_visit_report_data(ui.hq, visit_id)
    assert (
        data.content_hash == detail["content_hash"]
        and data.photos
        and all(p.jpeg for p in data.photos)
    )  # photos from HQ's blobs
    assert len(data.checklist) == len(detail["items"])
    dialog.close()
    inspections.hash.setText("0" * 64)
    with qtbot.waitSignal(ui.message, timeout=15000) as refused:
        inspections.verify()
    assert refused.args[1] == "error" and "0" * 64 in refused.args[0]


def test_inbox_ingests_dropped_bundles(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ui, window, ctx, _visit_id, bundle = console
    inbox = window.sections[2]
    window.nav.setCurrentRow(2)
    junk = tmp_path / "junk.cdsync"
    junk.write_bytes(b"not a bundle")
    visits.new_visit(ctx, "P003")
    second = export_bundle(ctx, tmp_path / "second.cdsync").path
    inbox.ack_dir = tmp_path / "acks-here"
    announced: list[Any] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=30000) as blocker:
        inbox.dropped([bundle, second, junk])
    qtbot.waitUntil(lambda: bool(announced), timeout=15000)
    qtbot.wait(50)
    # the ingest returns its change; the op runner announces it once
    assert [set(c.entities) for c in announced] == [{"record", "imported_bundle"}]
    words = [inbox.results.item(r, 1).text() for r in range(inbox.results.rowCount())]
    assert words == ["duplicate", "accepted", "rejected"] and blocker.args[1] == "warning"
    assert inbox.results.item(2, 2).text()  # the reason
    assert len(list((tmp_path / "acks-here").glob("*.cdack"))) == 2


def test_targets_templates_rules_and_receivables(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ui, window, _ctx, _visit_id, _bundle = console
    targets, templates, receivables = window.sections[3], window.sections[4], window.sections[5]
    window.nav.setCurrentRow(3)
    _ready(qtbot, targets)
    csv = tmp_path / "t.csv"
    csv.write_text(
        f"metric,period,scope_kind,scope,amount\nrevenue,{dt.date.today().year},region,3101,500000\n",
        encoding="utf-8",
    )
    announced: list[Any] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=15000) as done:
        targets.import_file(csv)
    assert "1 created" in done.args[0]
    qtbot.waitUntil(lambda: targets.view.rowCount() == 1, timeout=15000)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "metric,period,scope_kind,scope,amount\nrevenue,2026,region,999999,1\n", encoding="utf-8"
    )
    with qtbot.waitSignal(ui.message, timeout=15000) as refused:
        targets.import_file(bad)
    assert refused.args[1] == "error" and refused.args[2]
    # the import's summary carries its change; announced once by the op runner, the refused
    # file not at all
    assert [set(c.entities) for c in announced] == [{"record"}]
    ui.changed.disconnect(announced.append)

    window.nav.setCurrentRow(4)
    _ready(qtbot, templates)
    before = templates.view.rowCount()
    body = json.loads(
        (Path("resources/checklists/store_inspection.json")).read_text(encoding="utf-8")
    )
    path = tmp_path / "store.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    with qtbot.waitSignal(ui.message, timeout=15000) as made:
        templates.import_file(path)
    assert "version 2" in made.args[0]
    qtbot.waitUntil(lambda: templates.view.rowCount() == before + 1, timeout=15000)
    templates.grades["A"].setValue(9)
    templates.hours.setValue(6)
    with qtbot.waitSignal(ui.message, timeout=15000):
        templates._save_rules()
    assert {r["grade"]: r["min_visits"] for r in authoring.frequency_rules_for_publish(ui.hq)}[
        "A"
    ] == 9

    window.nav.setCurrentRow(5)
    _ready(qtbot, receivables)
    erp = tmp_path / "erp.csv"
    erp.write_text(
        "partner_code,kind,date,amount,ref\nP001,invoice,2026-01-05,1200.00,INV-1\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(ui.message, timeout=15000):
        receivables.import_file(erp)
    qtbot.waitUntil(lambda: receivables.view.rowCount() == 1, timeout=15000)
    assert receivables.view.item(0, 0).text() == "P001"


def test_devices_register_revoke_and_history(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ui, window, _ctx, _visit_id, _bundle = console
    devices = window.sections[6]
    window.nav.setCurrentRow(6)
    _ready(qtbot, devices)
    assert devices.view.rowCount() == 1
    devices.view.selectRow(0)
    qtbot.waitUntil(lambda: devices.history.rowCount() == 1, timeout=15000)
    from app.services.device import export_public_key, initialise_device
    from app.services.opening import open_context

    ctx2 = open_context(tmp_path / "lap2")
    initialise_device(
        ctx2, user="二号", territory=["4401"], hq_key_file=ui.hq.key_dir / "hq_public.key"
    )
    key = export_public_key(ctx2, tmp_path / "lap2.key.json")
    ctx2.close()
    with qtbot.waitSignal(ui.message, timeout=15000):
        devices.dropped([key])
    qtbot.waitUntil(lambda: devices.view.rowCount() == 2, timeout=15000)
    with qtbot.waitSignal(ui.message, timeout=15000):
        devices.revoke(devices.view.item(0, 1).text())
    qtbot.waitUntil(
        lambda: (
            "revoked" in [devices.view.item(r, 5).text() for r in range(devices.view.rowCount())]
        ),
        timeout=15000,
    )


def test_a_message_does_not_follow_to_another_section(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    ui, window, _ctx, _visit_id, _bundle = console
    window.nav.setCurrentRow(6)
    ui.show_message("Select a device first.", "warning")
    assert window.bar.isVisible()
    window.nav.setCurrentRow(6)  # the same section: the message stays
    assert window.bar.isVisible()
    window.nav.setCurrentRow(3)
    assert not window.bar.isVisible()


def test_every_empty_table_says_why(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A fresh HQ: every table a section shows without rows says why (and what to do)
    instead of staying blank."""
    from PySide6.QtWidgets import QLabel, QTableWidget

    from app.ui.hq.console import HqUi, HqWindow
    from app.ui.qt_app import ensure_application

    (tmp_path / "hq").mkdir()
    server = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    server.init()
    ensure_application()
    ui = HqUi(server)
    try:
        window = HqWindow(ui)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        checked = 0
        for row, section in enumerate(window.sections):
            window.nav.setCurrentRow(row)
            _ready(qtbot, section)
            for view in section.findChildren(QTableWidget):
                if not view.isVisibleTo(window) or view.rowCount():
                    continue
                labels = view.viewport().findChildren(QLabel, "emptyState")
                own = getattr(section, "empty", None)  # a section's own line above its table
                said = [
                    label.text()
                    for label in [*labels, *([own] if isinstance(own, QLabel) else [])]
                    if label.isVisibleTo(window)
                ]
                assert said and said[0], f"{type(section).__name__}: a blank table"
                checked += 1
        assert checked >= 6
    finally:
        ui.ops.wait(10000)
        server.close()


def test_inspections_name_a_template_by_its_title(qtbot, console) -> None:  # type: ignore[no-untyped-def]
    """A template HQ imported under a name of its own is shown by its title, as the
    builtin ones are by their labels (never the machine name)."""
    from app.hq.devices import device_list
    from app.hq.read_models import visit_rows

    ui, window, _ctx, _visit_id, _bundle = console
    inspections = window.inspections
    window.nav.setCurrentRow(window.sections.index(inspections))
    _ready(qtbot, inspections)
    column = next(
        c
        for c in range(inspections.visits.columnCount())
        if inspections.visits.horizontalHeaderItem(c).text() == "Template"
    )
    assert inspections.visits.item(0, column).text() == "Store inspection"
    rows = [{**r, "template": "promo_check"} for r in visit_rows(ui.hq)]
    inspections._show((device_list(ui.hq), rows, {"promo_check": "Promotion check"}))
    assert inspections.visits.item(0, column).text() == "Promotion check"


def test_a_visits_photos_are_decoded_off_the_ui_thread(qtbot, console, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A visit opened at HQ shows at once however slow its photos are to decode (300 ms
    here): each icon says it is loading until its reader thread is done, and a photo
    opened large likewise (issue 17)."""
    import time

    from app.hq.read_models import visit_detail
    from app.ui.hq import inspections

    ui, window, _ctx, visit_id, _bundle = console
    detail = visit_detail(ui.hq, visit_id)
    assert detail["photos"]
    real = inspections.read_images

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(inspections, "read_images", slow)
    started = time.perf_counter()
    dialog = inspections.VisitDialog(ui, detail, window)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(dialog)
    photos = dialog.tabs.widget(1)
    assert photos.item(0).text() == "loading…" and photos.item(0).icon().isNull()
    qtbot.waitUntil(lambda: not photos.item(0).icon().isNull(), timeout=10000)
    first = detail["photos"][0]
    assert photos.item(0).text() == (first["original_name"] or first["sha256"][:12])
    started = time.perf_counter()
    large = inspections.PhotoDialog(ui, detail["photos"][0], window)
    assert time.perf_counter() - started < 0.05
    qtbot.addWidget(large)
    assert large.image.text() == "Loading the photo…"
    qtbot.waitUntil(
        lambda: large.image.pixmap() is not None and not large.image.pixmap().isNull(),
        timeout=10000,
    )
    from PySide6.QtGui import QPixmap

    sha = first["sha256"]
    assert large.image.pixmap().size() == QPixmap(str(ui.hq.blob_dir / sha[:2] / sha)).size()
