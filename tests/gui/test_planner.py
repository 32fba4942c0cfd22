"""Planner: partners below the visit frequency with their names, a partner over its credit
limit flagged, rectification states in people's words (not machine states)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from app.services import partner_io, visits
from db.models import Invoice, Partner

CSV = (
    "code,name,grade,region,address,credit_limit\n"
    "K001,超额测试门店,A,310115,金桥路1号,1000.00\n"
    "K002,正常测试门店,B,310115,金桥路2号,5000.00\n"
)


def test_planner_shows_names_credit_flag_and_translated_states(
    qtbot, qtmodeltester, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    _ui, window = ui_window
    path = tmp_path / "p.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)
    today = dt.date.today()
    with ctx.session() as s:
        for code, amount in (
            ("K001", 150_000),
            ("K002", 10_000),
        ):  # fen: ¥1500 owed over ¥1000; ¥100 within ¥5000
            partner_id = s.scalar(select(Partner.id).where(Partner.code == code))
            s.add(
                Invoice(
                    partner_id=partner_id,
                    number=f"INV-{code}",
                    issue_date=today,
                    due_date=today,
                    amount_fen=amount,
                    paid_fen=0,
                )
            )
    visit = visits.new_visit(ctx, "K002")
    visits.add_finding(ctx, visit, "海报破损")
    planned = visits.new_visit(ctx, "K001", planned_for=today + dt.timedelta(days=2))

    planner = window.show_section("planner")
    planner.reload()
    qtbot.waitUntil(lambda: not planner.reading, timeout=5000)  # read on a reader thread
    for model in (planner.shortfall, planner.weeks, planner.overdue, planner.agenda):
        qtmodeltester.check(model)
    # the actions apply to a selected row only
    assert (
        not planner.plan_button.isEnabled()
        and not planner.escalate_button.isEnabled()
        and not planner.reinspect_button.isEnabled()
    )
    planner.shortfall_view.selectRow(0)
    assert planner.plan_button.isEnabled() and not planner.fixed_button.isEnabled()
    planner.overdue_view.selectRow(0)
    assert (
        planner.fixed_button.isEnabled()
        and planner.escalate_button.isEnabled()
        and planner.reinspect_button.isEnabled()
    )
    rows = {row["partner_code"]: row for row in planner.shortfall.rows}
    assert rows["K001"]["partner_name"] == "超额测试门店"
    credit_column = [key for key, _header in planner.shortfall.columns].index("credit")
    k001 = next(i for i, row in enumerate(planner.shortfall.rows) if row["partner_code"] == "K001")
    k002 = next(i for i, row in enumerate(planner.shortfall.rows) if row["partner_code"] == "K002")
    flag = planner.shortfall.index(k001, credit_column).data()
    assert "⚠" in flag and "¥1,500 " in flag and flag.endswith("¥1,000")
    assert planner.shortfall.index(k002, credit_column).data() == ""

    status_column = [key for key, _header in planner.overdue.columns].index("status")
    assert planner.overdue.rows[0]["status"] == "open"
    shown = planner.overdue.index(0, status_column).data()
    assert shown and shown != "open"  # a label for people, translated through the "States" context

    agenda = {row["id"]: row for row in planner.agenda.rows}
    assert agenda[planned]["day"] == (today + dt.timedelta(days=2)).isoformat()
    assert (
        agenda[visit]["status"] == "draft" and agenda[visit]["day"] == dt.date.today().isoformat()
    )
    position = [row["id"] for row in planner.agenda.rows].index(planned)
    planner.open_agenda_visit(planner.agenda.index(position, 0))
    assert window.stack.currentWidget().section_id == "visits"
    assert window.stack.currentWidget().editor.visit_id == planned


def test_new_visit_dialog_finds_partners_by_part_of_the_name(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    from app.ui.visits.new_visit import NewVisitDialog

    ui, window = ui_window
    path = tmp_path / "p.csv"
    path.write_text(CSV, encoding="utf-8")
    partner_io.import_partners(ctx, path)
    dialog = NewVisitDialog(ui, window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)  # partners read on a reader thread
    dialog.partner.setEditText("测试门店")  # both partners match: refused with a message
    dialog.accept()
    assert dialog.result() == 0 and "测试门店" in dialog.error.text()
    dialog.partner.setEditText("超额")
    dialog.accept()
    assert dialog.code == "K001"

    visits.new_visit(ctx, "K002")
    section = window.show_section("visits")
    section.filter.setText("正常测试")  # the list is read on a reader thread
    qtbot.waitUntil(lambda: not section.listing, timeout=5000)
    assert [row["partner_code"] for row in section.model.rows] == ["K002"]
    section.filter.setText("k00")
    qtbot.waitUntil(lambda: not section.listing, timeout=5000)
    assert {row["partner_code"] for row in section.model.rows} == {"K002"}


def test_planner_columns_fit_at_1280_by_800_with_full_text_in_tooltips(
    qtbot, ctx, tmp_path: Path, ui_window
) -> None:  # type: ignore[no-untyped-def]
    """The credit column shows its whole flag (no ``⚠ over limit …``), no table needs a
    horizontal scrollbar, and an elided name or rectification carries its full text in
    the tooltip."""
    from PySide6.QtCore import Qt

    _ui, window = ui_window
    window.resize(1280, 800)
    path = tmp_path / "p.csv"
    path.write_text(
        "code,name,grade,region,credit_limit\n"
        "K001,南京市玄武区黄河宽带服务代理有限公司第一营业厅,A,310115,200000.00\n",
        encoding="utf-8",
    )
    partner_io.import_partners(ctx, path)
    with ctx.session() as s:
        s.add(
            Invoice(
                partner_id=s.scalar(select(Partner.id).where(Partner.code == "K001")),
                number="INV-K001",
                issue_date=dt.date.today(),
                due_date=dt.date.today(),
                amount_fen=33_473_912,  # ¥334,739.12 over ¥200,000.00
                paid_fen=0,
            )
        )
    long_finding = "店面形象与标识（形象）：门头灯箱破损，营业时间牌缺失，宣传品过期未撤换"
    visits.add_finding(ctx, visits.new_visit(ctx, "K001"), long_finding)
    planner = window.show_section("planner")
    planner.reload()
    qtbot.waitUntil(lambda: not planner.reading, timeout=5000)
    qtbot.wait(50)

    keys = [key for key, _header in planner.shortfall.columns]
    credit = planner.shortfall.index(0, keys.index("credit"))
    flag = credit.data()
    assert flag.startswith("⚠") and "¥334,739" in flag and "¥200,000" in flag
    view = planner.shortfall_view
    needed = view.fontMetrics().horizontalAdvance(flag)
    assert view.columnWidth(keys.index("credit")) >= needed, (view.columnWidth(2), needed)
    tip = credit.data(Qt.ItemDataRole.ToolTipRole)
    assert "¥334,739.12" in tip and "¥200,000.00" in tip
    name = planner.shortfall.index(0, keys.index("partner_name"))
    assert (
        name.data(Qt.ItemDataRole.ToolTipRole) == "南京市玄武区黄河宽带服务代理有限公司第一营业厅"
    )
    order_keys = [key for key, _header in planner.overdue.columns]
    description = planner.overdue.index(0, order_keys.index("description"))
    assert description.data(Qt.ItemDataRole.ToolTipRole) == long_finding
    for table in (planner.shortfall_view, planner.overdue_view):
        assert not table.horizontalScrollBar().isVisible()
    # the two halves share the width (the wider English headers took more for the right)
    assert abs(planner.shortfall_view.width() - planner.overdue_view.width()) < 40
