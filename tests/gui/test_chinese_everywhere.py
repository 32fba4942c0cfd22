"""Under zh_CN a person reads only Chinese: every section, the dialogs, the menus and the
PDFs are rendered with demo data and searched for words in Latin letters. Proper nouns,
file types, key names and codes are allowed (a small list); anything else fails the test
with where it was seen."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# Words a Chinese manager reads as they are: the product's name, file types and formats,
# key names, units, and codes the demo data uses (QD… partner codes, HT-… contracts,
# AAA credit ratings, the VI of a checklist item, IMG_ photo names).
ALLOWED = {
    "ChannelDesk",
    "KPI",
    "PDF",
    "CSV",
    "ZIP",
    "XLSX",
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Tab",
    "Del",
    "Enter",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "MB",
    "KB",
    "kB",
    "ISO",
    "SHA",
    "VI",
    "QD",
    "HT",
    "AA",
    "AAA",
    "BBB",
    "IMG",
    "jpg",
    "jpeg",
    "png",
    "webp",
    "pdf",
    "csv",
    "xlsx",
    "cdbackup",
    "cdsync",
    "cdack",
    "key",
    "json",
    "EXIF",
    "GPS",
    "HLC",
    "Ed",
    "UTC",
    "Delete",
    "English",  # the language choice names itself
}
PATHS = re.compile(
    r"(?:[A-Za-z]:)?(?:[/\\][^\s/\\]+)+[/\\]?"
    r"|[^\s/\\（）()]+\.(?:cdsync|cdack|cdbackup|csv|xlsx|json|pdf|jpe?g|png)\b"
)  # a file or folder path, or a file's name, is shown as it is
COMMANDS = re.compile(
    r"\bdevice export-key\b"
)  # a command a person types at the laptop (the only way to export its key file)
UUIDS = re.compile(
    r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"
)  # a device's id is a code shown as it is
LATIN = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z][A-Za-z_]+(?![A-Za-z0-9_])")
TAGS = re.compile(r"<[^>]+>")


def latin_words(text: str) -> set[str]:
    # paths before ids: a file's name may hold a UUID
    plain = (
        UUIDS.sub(" ", PATHS.sub(" ", COMMANDS.sub(" ", TAGS.sub(" ", text))))
        .replace("&amp;", "&")
        .replace("&", "")
    )
    return {w for w in LATIN.findall(plain) if w not in ALLOWED}


def _model_texts(view: QAbstractItemView, cells: bool = True) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list widget's private model: one column
        columns = 1
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(root), 25) if cells else 0):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            yield str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            yield str(index.data(Qt.ItemDataRole.ToolTipRole) or "")


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a person can read on ``root`` as it is shown now."""
    yield type(root).__name__, root.windowTitle()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        where = f"{type(root).__name__}/{type(widget).__name__}"
        yield where, widget.toolTip()
        yield where, widget.accessibleName()
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield where, widget.text()
        elif isinstance(widget, QLineEdit):
            yield where, widget.text()
            yield where, widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield where, widget.itemText(i)
        elif isinstance(widget, QGroupBox):
            yield where, widget.title()
        elif isinstance(widget, QTextEdit):
            yield where, widget.toPlainText()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield where, widget.tabText(i)
        if isinstance(widget, QAbstractItemView):
            # a file dialog's rows are the names of files and folders on the disk, shown as they are
            yield from (
                (where, text)
                for text in _model_texts(widget, cells=not isinstance(root, QFileDialog))
            )


def menu_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    for menu in window.findChildren(QMenu):
        yield "menu", menu.title()
        for action in menu.actions():
            yield "menu", action.text()
            yield (
                "menu",
                action.toolTip() if action.toolTip() != action.text().replace("&", "") else "",
            )


def pdf_texts(path: Path) -> Iterator[tuple[str, str]]:
    for number, page in enumerate(pypdf.PdfReader(path).pages, 1):
        yield f"{path.name} p.{number}", page.extract_text()


def settle(ui) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5):
        QApplication.processEvents()
        ui.ops.wait(30000)
    QApplication.processEvents()


@pytest.fixture
def chinese_window(qtbot, ctx):  # type: ignore[no-untyped-def]
    from app.services import demo
    from app.services.device import initialise_device
    from app.ui.application import create_main_window, ensure_application, install_translators

    app = ensure_application()
    install_translators(app, "zh_CN")
    initialise_device(ctx, user="李娜", territory=["3201"])
    demo.generate_demo(ctx, partners=30, months=2, seed=3)
    ui, window = create_main_window(ctx)
    window.finish_menus()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield ui, window
    ui.ops.wait(10000)
    install_translators(app, "en")


def test_every_section_dialog_and_pdf_reads_chinese(
    qtbot, ctx, tmp_path: Path, chinese_window
) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.services import duty_reports, partner_card, period_reports, reports, visits
    from app.ui.complaints import AdvanceDialog, NewComplaintDialog
    from app.ui.dashboard.decomposition import DecompositionDialog
    from app.ui.first_run import FirstRunWizard
    from app.ui.partners.dialogs import PartnerDialog
    from app.ui.partners.file_dialogs import (
        ContactDialog,
        ContractDialog,
        InventoryDialog,
        LifecycleDialog,
        ObservationDialog,
    )
    from app.ui.partners.materials import MaterialLedgerDialog
    from app.ui.reports.preview import PdfPreviewDialog
    from app.ui.settings_dialog import SettingsDialog
    from app.ui.training import HeldTrainingDialog, PlanTrainingDialog, PromotionDialog
    from app.ui.visits.new_visit import NewVisitDialog

    ui, window = chinese_window
    file_dialog = QFileDialog(window, "导入", str(tmp_path), "表格 (*.csv *.xlsx)")
    file_dialog.setOption(
        QFileDialog.Option.DontUseNativeDialog
    )  # Qt's own dialog, as on a desktop without a portal
    printer = QPrinter()  # outlives its print dialog
    seen: list[tuple[str, str]] = []
    for section in [s.section_id for s in window.sections]:
        shown = window.show_section(section)
        settle(ui)
        if section == "visits" and shown is not None:
            shown.table.selectRow(0)
            settle(ui)
        seen += [(f"{section}:{where}", text) for where, text in widget_texts(window)]
    seen += list(menu_texts(window))

    partner = window.show_section("partners")
    settle(ui)
    partner_id = partner.selected_id()
    code = partner.model.rows[0].code
    submitted = next(v for v in visits.list_visits(ctx) if v["status"] == "submitted")
    pdfs = [
        reports.write_visit_report(ctx, submitted["id"], tmp_path / "visit.pdf"),
        reports.write_period_report(period_reports.weekly_log_data(ctx), tmp_path / "week.pdf"),
        reports.write_period_report(period_reports.monthly_data(ctx), tmp_path / "month.pdf"),
        reports.write_period_report(
            partner_card.partner_card_data(ctx, code), tmp_path / "card.pdf"
        ),
        # the duties' papers: the daily log, the weekly bulletin, the commission check
        duty_reports.write_day_report(ctx, dt.date.today(), tmp_path / "day.pdf"),
        duty_reports.write_bulletin(ctx, None, tmp_path / "bulletin.pdf"),
        duty_reports.write_commission_check(ctx, None, tmp_path / "commission.pdf"),
    ]
    dialogs = [
        PartnerDialog(ui, None, window),
        PartnerDialog(ui, partner_id, window),
        ContactDialog(ui, partner_id, window),
        LifecycleDialog(ui, partner_id, window),
        ContractDialog(ui, partner_id, window),
        InventoryDialog(ui, partner_id, window),
        ObservationDialog(ui, code, "complaint", None, window),
        ObservationDialog(ui, code, "competitor", None, window),
        MaterialLedgerDialog(ui, partner_id, window),
        SettingsDialog(ui, window),
        NewVisitDialog(ui, window),
        DecompositionDialog(ui, window),
        PdfPreviewDialog(ui, pdfs[0], "报告", window),
        FirstRunWizard(ui, window),
        NewComplaintDialog(window),
        AdvanceDialog("received", window),
        PlanTrainingDialog(window),
        HeldTrainingDialog(window),
        PromotionDialog(window),
        QPrintDialog(printer, window),
        file_dialog,
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        settle(ui)
        seen += list(widget_texts(dialog))
        dialog.close()
    for pdf in pdfs:
        seen += list(pdf_texts(pdf))

    assert len(seen) > 2000  # the sections, menus, dialogs and PDFs were really read
    offenders = sorted(
        {
            (where, word, text.strip()[:80])
            for where, text in seen
            if text
            for word in latin_words(text)
        }
    )
    assert not offenders, "\n".join(
        f"{where}: {word!r} in {text!r}" for where, word, text in offenders
    )


def _hq_with_a_month_of_work(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An HQ (SQLite) that has ingested a demo laptop's bundle, with targets and
    receivables imported: every section has rows to read."""
    import datetime as dt

    from app.hq import company_targets
    from app.hq.receivables import import_receivables
    from app.hq.server import Hq
    from app.services import demo
    from app.services.device import export_public_key, initialise_device
    from app.services.opening import open_context
    from app.services.sync import export_bundle

    (tmp_path / "hq").mkdir()
    hq = Hq(f"sqlite:///{tmp_path / 'hq' / 'hq.sqlite'}", tmp_path / "hq")
    hq.init()
    ctx = open_context(tmp_path / "laptop")
    initialise_device(
        ctx, user="李娜", territory=["3201"], hq_key_file=hq.key_dir / "hq_public.key"
    )
    hq.register_device(export_public_key(ctx, tmp_path / "laptop.key.json"))
    demo.generate_demo(ctx, partners=20, months=2, seed=3)
    from app.services.decomposition import decompose_region_target

    # the manager's own decomposition, shown beside HQ's targets
    decompose_region_target(ctx, "development", dt.date.today().year + 1, "3201", 600)
    from app.services.grade_requests import request_grade_change
    from app.services.partner_list import search_any

    partner = search_any(ctx, "", 1)[0]
    code = partner.code
    # a grade request for HQ to decide (Grade requests section)
    request_grade_change(ctx, code, "D" if partner.grade != "D" else "C", "连续两月未达标")
    bundle = export_bundle(ctx, tmp_path / "up.cdsync").path
    assert hq.ingest(bundle, tmp_path / "acks").status == "accepted"
    ctx.close()
    year = dt.date.today().year
    company_targets.import_targets(
        hq,
        [
            ["metric", "period", "scope_kind", "scope", "amount"],
            ["revenue", str(year), "region", "3201", "500000"],
            ["new_outlets", f"{year}-01", "region", "320102", "40"],
        ],
        "targets.csv",
    )
    import_receivables(
        hq,
        [
            ["partner_code", "kind", "date", "amount", "ref"],
            [code, "invoice", f"{year}-01-05", "1200.00", "INV-1"],
        ],
        "erp.csv",
    )
    from app.hq.devrecords import import_dev_records

    day = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    import_dev_records(
        hq,
        [
            ["日期", "渠道编码", "产品", "客户编号", "手机号", "预存款", "业务类型"],
            *[[day, code, "宽带", f"C{i:03d}", f"1390000{i:04d}", "50", "发展"] for i in range(5)],
        ],
        "records.csv",
    )
    return hq, bundle


def test_every_hq_console_section_dialog_and_pdf_reads_chinese(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The HQ console (``hq gui``) under zh_CN: every section with rows, the visit and
    photo dialogs, the inbox's results, the ranking and the visit report on paper."""
    import datetime as dt

    from app.domain.compliance import iso_week_label
    from app.hq.ranking_report import write_ranking_report
    from app.hq.visit_report import write_hq_visit_report
    from app.ui.application import ensure_application, install_translators
    from app.ui.hq.console import HqUi, HqWindow
    from app.ui.hq.inspections import PhotoDialog, VisitDialog

    hq, bundle = _hq_with_a_month_of_work(tmp_path)
    app = ensure_application()
    install_translators(app, "zh_CN")
    ui = HqUi(hq)
    try:
        window = HqWindow(ui)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        seen: list[tuple[str, str]] = []
        for row, section in enumerate(window.sections):
            kind = type(section).__name__
            window.nav.setCurrentRow(row)
            qtbot.waitUntil(lambda s=section: s.is_ready, timeout=30000)
            settle(ui)
            view = getattr(section, "view", None)
            if view is not None and view.rowCount():
                view.selectRow(0)  # the devices' history, a partner's card, a request's detail
                settle(ui)
            if kind in ("PartnersSection", "GradeRequestsSection"):
                assert view is not None and view.rowCount() > 0, kind  # rows were really read
            if kind == "InboxSection":  # a duplicate and a rejected file
                junk = tmp_path / "junk.cdsync"
                junk.write_bytes(b"not a bundle")
                section.ack_dir = tmp_path / "acks"
                with qtbot.waitSignal(ui.message, timeout=30000) as told:
                    section.dropped([bundle, junk])
                settle(ui)
                seen.append(("inbox message", told.args[0]))
                seen += [("inbox message", d) for d in told.args[2]]
            if kind == "DevRecordsSection":  # a file of another kind dropped
                note = tmp_path / "visit.pdf"
                note.write_text("x")
                with qtbot.waitSignal(ui.message, timeout=30000) as told:
                    section.dropped([note])
                assert told.args[1] == "error"
                seen += [("records import message", told.args[0])]
                seen += [("records import message", d) for d in told.args[2]]
            if kind in ("TargetsSection", "ReceivablesSection", "DevRecordsSection"):
                # a file with a wrong row, one lacking columns
                bad = tmp_path / f"bad{row}.csv"
                for content in (
                    "指标,期间,范围类型,范围,目标\n销售额,2030,地区,999999,-1\n",
                    "渠道编码,日期\nQD0001,2030-01-01\n",
                ):
                    bad.write_text(content, encoding="utf-8")
                    with qtbot.waitSignal(ui.message, timeout=30000) as told:
                        section.import_file(bad)
                    assert told.args[1] == "error"
                    seen += [("import message", told.args[0])]
                    seen += [("import message", d) for d in told.args[2]]
            if kind == "DevicesSection":  # the question before revoking
                asked: list[str] = []

                def ask(_parent, title, text, *_args, asked=asked):  # type: ignore[no-untyped-def]
                    asked.extend((title, text))
                    return QMessageBox.StandardButton.No

                with pytest.MonkeyPatch.context() as patch:
                    patch.setattr(QMessageBox, "question", ask)
                    section._revoke()
                assert asked
                seen += [("revoke question", text) for text in asked]
            title = section.title()
            seen += [(f"hq {title}:{where}", text) for where, text in widget_texts(window)]
            for tabs in section.findChildren(QTabWidget):  # every tab, as a person opens it
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    settle(ui)
                    seen += [(f"hq {title}/{index}:{w}", t) for w, t in widget_texts(window)]
            if kind == "OverviewSection":  # the week view
                section.kind.setCurrentIndex(section.kind.findData("week"))
                settle(ui)
                seen += [(f"hq {title} week:{w}", t) for w, t in widget_texts(window)]
            seen.append(("hq nav", title))
        # Publish (the toolbar), a device without an encryption key warned in the report
        from db.hq.models import Device

        with hq.sessions.begin() as s:
            for device in s.query(Device):
                device.x25519_public_key = None
        out = tmp_path / "published"
        out.mkdir()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(out))
            with qtbot.waitSignal(ui.message, timeout=60000) as told:
                window.publisher.action.trigger()
        seen += [("publish message", told.args[0])]
        report = window.publisher.report
        assert report is not None and report.view.rowCount() == 1
        assert report.view.item(0, 3).text()  # the warning is there to be read
        seen += [(f"publish report:{w}", t) for w, t in widget_texts(report)]
        seen += [("publish action", window.publisher.action.text())]
        seen += [("publish action", window.publisher.action.toolTip())]
        report.close()
        from app.ui.hq.devrecords import DevRecordsSection

        records = next(s for s in window.sections if isinstance(s, DevRecordsSection))
        window.nav.setCurrentRow(window.sections.index(records))
        from app.entities import Changes

        ui.changed.emit(Changes.of("device"))  # read again: now it names the device without a key
        qtbot.waitUntil(records.keys.isVisible, timeout=30000)
        settle(ui)
        seen += [(f"records keys:{w}", t) for w, t in widget_texts(window)]
        inspections = window.inspections
        assert inspections.visits.rowCount() > 0
        from app.hq.read_models import list_visits, visit_detail

        listed = list_visits(hq)
        with_photos = next(
            (v for v in (visit_detail(hq, r["id"]) for r in listed[:40]) if v["photos"]),
            visit_detail(hq, listed[0]["id"]),
        )
        from app.ui.hq.targets import TargetsSection

        targets = next(s for s in window.sections if isinstance(s, TargetsSection))
        assert targets.managers.rowCount() > 0
        from app.ui.hq.templates import TemplatesSection
        from app.ui.widgets.region_picker import TerritoryDialog

        templates = next(s for s in window.sections if isinstance(s, TemplatesSection))
        templates.view.selectRow(
            next(i for i, t in enumerate(templates.templates) if t["name"] == "store_inspection")
        )
        editor = templates.edit_selected()
        editor.tree.setCurrentItem(editor.tree.topLevelItem(0).child(1))  # an item's properties
        dialogs = [
            targets.decompose(),
            editor,
            VisitDialog(ui, with_photos, window),
            TerritoryDialog("辖区", "辖区的地区", ["3201"], window),  # Devices' Change territory…
        ]
        if with_photos["photos"]:
            dialogs.append(PhotoDialog(ui, with_photos["photos"][0], window))
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            settle(ui)
            tabs = getattr(dialog, "tabs", None)
            for index in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(index)
                    settle(ui)
                seen += list(widget_texts(dialog))
            dialog.close()
        month = listed[0]["started_at"][:7]
        pdfs = [
            write_ranking_report(hq, month, tmp_path / "ranking.pdf"),
            write_ranking_report(
                hq, iso_week_label(dt.date.today()), tmp_path / "week.pdf", "week"
            ),
            write_hq_visit_report(hq, with_photos["id"], tmp_path / "hq-visit.pdf"),
        ]
        for pdf in pdfs:
            seen += list(pdf_texts(pdf))
        assert len(seen) > 800  # the sections, dialogs and PDFs were really read
        offenders = sorted(
            {
                (where, word, text.strip()[:80])
                for where, text in seen
                if text
                for word in latin_words(text)
            }
        )
        assert not offenders, "\n".join(
            f"{where}: {word!r} in {text!r}" for where, word, text in offenders
        )
    finally:
        ui.ops.wait(10000)
        install_translators(app, "en")
        hq.close()
