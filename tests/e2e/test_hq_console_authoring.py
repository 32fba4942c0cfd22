"""End to end through the HQ console (issue 19): HQ authors a checklist template version
in the console's template editor and decomposes a region's annual target to quarters,
months and partners in the console's decomposition editor; ``hq publish`` sends both; the
laptop (the real CLI, in its own process) imports them, sees HQ's partner targets, records
a visit with the new version and exports it together with a target its manager
decomposed; HQ ingests, its overview counts the visit, ``hq visits show`` has the new item,
and the manager's target shows beside HQ's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from tests.conftest import EXIF_DIR
from tests.e2e.test_hq_console_cli import ANSWERS, laptop_and_hq, sync_up

OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _type(line: QLineEdit, text: str) -> None:
    line.setText(text)
    line.textEdited.emit(text)


def _author_in_the_console(qtbot, db: str, hq_dir: Path, year: int) -> str:  # type: ignore[no-untyped-def]
    """The template version and the decomposition, made in the console; the new item's key."""
    from app.hq.server import Hq
    from app.ui.hq.console import HqUi, HqWindow
    from app.ui.hq.targets import TargetsSection
    from app.ui.hq.templates import TemplatesSection
    from app.ui.qt_app import ensure_application

    hq = Hq(db, hq_dir, create=False)
    ensure_application()
    ui = HqUi(hq)
    try:
        window = HqWindow(ui)
        qtbot.addWidget(window)
        window.show()
        templates = next(s for s in window.sections if isinstance(s, TemplatesSection))
        window.nav.setCurrentRow(window.sections.index(templates))
        qtbot.waitUntil(lambda: templates.is_ready, timeout=15000)
        templates.view.selectRow(
            next(i for i, t in enumerate(templates.templates) if t["name"] == "store_inspection")
        )
        editor = templates.edit_selected()
        qtbot.waitUntil(lambda: editor.next_version == 2, timeout=15000)
        editor.tree.setCurrentItem(editor.tree.topLevelItem(0))
        editor.add_item()
        _type(editor.item_label, "排队指引牌")
        key = str(editor.sections()[0]["items"][-1]["key"])
        with qtbot.waitSignal(ui.message, timeout=15000) as published:
            editor.publish()
        assert published.args[1] == "info", published.args

        targets = next(s for s in window.sections if isinstance(s, TargetsSection))
        window.nav.setCurrentRow(window.sections.index(targets))
        qtbot.waitUntil(lambda: targets.is_ready, timeout=15000)
        dialog = targets.decompose()
        qtbot.waitUntil(lambda: dialog.ready, timeout=15000)  # its choices read on a reader
        dialog.metric_box.setCurrentIndex(dialog.metric_box.findData("sales_volume"))
        dialog.year.setValue(year)
        dialog.region.set_code("31")
        dialog.load()
        qtbot.waitUntil(lambda: dialog.ready, timeout=15000)  # and the plan
        dialog.annual.setText("2400")
        dialog.apply_annual()
        with qtbot.waitSignal(ui.message, timeout=15000) as saved:
            dialog.save()
        assert saved.args[1] == "info", saved.args
        ui.ops.wait(10000)
        return key
    finally:
        ui.ops.wait(10000)
        hq.close()


@OFFSCREEN_DIALOG
def test_hq_authors_in_the_console_and_sees_the_visit_made_with_it(  # type: ignore[no-untyped-def]
    qtbot, cli, tmp_path: Path
) -> None:
    db, hq_dir = laptop_and_hq(cli, tmp_path)
    sync_up(cli, db, tmp_path, "partners.cdsync")  # HQ learns the partners
    year = date.today().year
    key = _author_in_the_console(qtbot, db, hq_dir, year)

    device = cli("hq", "--db", db, "stats", "--json", data=None).json()["devices"][0]["device_id"]
    down = tmp_path / "down.cdhq"
    published = cli("hq", "--db", db, "publish", "--device", device, "-o", str(down), data=None)
    assert published.returncode == 0, published.stderr
    assert cli("sync", "import", str(down)).returncode == 0
    listed = cli("targets", "list", "--year", str(year), "--json").json()
    partner_months = [
        int(t["target"])
        for t in listed
        if t["metric"] == "sales_volume"
        and t["scope"] in ("P001", "P002")
        and len(t["period"]) == 7
        and "Q" not in t["period"]
    ]
    assert len(partner_months) == 24 and sum(partner_months) == 2400, listed

    visit_id = cli("visits", "new", "--partner", "P001", "--json").json()["id"]
    shown = cli("visits", "show", visit_id, "--json").json()
    assert shown["template_version"] == 2 and key in [i["key"] for i in shown["items"]]
    for item, value in (*ANSWERS, (key, "yes")):
        assert cli("visits", "answer", visit_id, item, value).returncode == 0
    photo = cli("visits", "answer", visit_id, "storefront_photo", str(EXIF_DIR / "Landscape_2.jpg"))
    assert photo.returncode == 0
    assert cli("visits", "submit", visit_id).returncode == 0
    next_year = tmp_path / "mine.csv"  # the manager's own target goes up with the visit
    next_year.write_text(
        f"metric,period,scope_kind,scope,amount\nsales_volume,{year + 1},region,3101,77\n",
        encoding="utf-8",
    )
    assert cli("targets", "import", str(next_year)).returncode == 0
    sync_up(cli, db, tmp_path, "visit.cdsync")

    at_hq = cli("hq", "--db", db, "visits", "show", visit_id, "--json", data=None).json()
    assert at_hq["template_version"] == 2 and key in [i["key"] for i in at_hq["items"]]
    from app.hq import company_targets
    from app.hq.overview import month_overview
    from app.hq.server import Hq

    hq = Hq(db, hq_dir, create=False)
    try:
        month = date.today().strftime("%Y-%m")
        overview = month_overview(hq, month)
        assert [m["visits"] for m in overview["managers"]] == [1]
        assert visit_id in overview["visit_ids"][device]
        mine = company_targets.manager_targets(hq)
        assert [(t["period"], t["scope"], t["amount"], t["user"]) for t in mine] == [
            (str(year + 1), "3101", 77, "张经理")
        ]
        assert all(t["period"] != str(year + 1) for t in company_targets.hq_targets(hq))
    finally:
        hq.close()
