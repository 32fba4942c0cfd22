"""The partner table's first paint reads one page with one query (no count), its cells come
from per-row display text, the total is counted when asked for, and paging to the end
stops exactly at the last partner; the model passes Qt's model tester."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.services.partner_io import import_partners
from app.services.partner_list import PartnerQuery
from app.ui.partners.model import FIRST_PAGE, PAGE, PartnerTableModel


def _seed(ctx, tmp_path: Path, count: int) -> None:  # type: ignore[no-untyped-def]
    lines = ["code,name,grade,region,address"] + [
        f"T{i:04d},测试门店{i},B,310115,金桥路{i}号" for i in range(count)
    ]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_partners(ctx, path)


def test_first_page_is_one_query_and_the_total_comes_when_asked(
    qtmodeltester, ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path, PAGE + 30)
    statements: list[str] = []
    real = ctx.read_sql
    monkeypatch.setattr(
        ctx, "read_sql", lambda sql, params=(): statements.append(sql) or real(sql, params)
    )
    model = PartnerTableModel(ctx)
    model.set_query(PartnerQuery())
    assert len(statements) == 1 and "count(" not in statements[0].lower()
    assert model.rowCount() == FIRST_PAGE and model.canFetchMore(model.index(-1, -1))
    assert model.data(model.index(0, 0)) == "T0000" and model.data(model.index(0, 1)) == "测试门店0"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == model.rows[0].id
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == model.headers()[0]
    assert model.total == PAGE + 30 and len(statements) == 2
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == PAGE + 30 and not model.canFetchMore(model.index(-1, -1))
    assert model.data(model.index(PAGE + 29, 0)) == f"T{PAGE + 29:04d}"
    qtmodeltester.check(model)


def test_a_window_taller_than_the_first_page_fills_itself(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The first paint reads a short first page; a view showing more rows than that has
    the next page fetched by Qt as soon as the last loaded row is in view."""
    from PySide6.QtWidgets import QTableView

    _seed(ctx, tmp_path, FIRST_PAGE + 40)
    model = PartnerTableModel(ctx)
    model.set_query(PartnerQuery())
    assert model.rowCount() == FIRST_PAGE
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, (FIRST_PAGE + 10) * view.verticalHeader().defaultSectionSize())
    view.show()
    qtbot.waitUntil(lambda: model.rowCount() == FIRST_PAGE + 40, timeout=3000)
    assert not model.canFetchMore(model.index(-1, -1)) and model.total == FIRST_PAGE + 40


def test_a_search_counts_while_it_finds(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path, 12)
    model = PartnerTableModel(ctx)
    model.set_query(PartnerQuery(search="门店1"))
    assert model.total == model.rowCount() == 3  # 门店1, 门店10, 门店11
    assert not model.canFetchMore(model.index(-1, -1))


def test_the_sections_first_paint_comes_from_one_page_query(
    qtbot, ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """In the main window as a person starts it, the Partners table paints its first page
    after one page query on the UI thread; the count over every partner comes after, from
    a reader thread, and the section is ready once it shows."""
    import threading

    from PySide6.QtCore import QEvent, QObject

    from app.ui.application import create_main_window, ensure_application

    _seed(ctx, tmp_path, FIRST_PAGE + 40)
    ui_thread = threading.get_ident()
    statements: list[tuple[bool, str]] = []
    real = ctx.read_sql
    monkeypatch.setattr(
        ctx,
        "read_sql",
        lambda sql, params=(): (
            statements.append((threading.get_ident() == ui_thread, sql)) or real(sql, params)
        ),
    )
    ensure_application()
    ui, window = create_main_window(ctx, deferred=True)
    qtbot.addWidget(window)
    section = window.sections[0]
    at_first_paint: list[list[tuple[bool, str]]] = []

    class FirstPaint(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not at_first_paint:
                at_first_paint.append(list(statements))
            return False

    watcher = FirstPaint()
    section.table.viewport().installEventFilter(watcher)
    statements.clear()  # the window's own reads (user name, territory) are not the list's
    window.show()
    qtbot.waitUntil(lambda: bool(at_first_paint), timeout=3000)
    (before,) = at_first_paint
    on_ui_thread = [sql for on_ui, sql in before if on_ui]
    assert len(on_ui_thread) == 1 and "count(" not in on_ui_thread[0].lower()
    assert section.model.rowCount() == FIRST_PAGE
    qtbot.waitUntil(lambda: section.is_ready, timeout=3000)
    assert section.count_label.text() == section.tr("%n partner(s)", "", FIRST_PAGE + 40)
    assert not any("count(" in sql.lower() for on_ui, sql in statements if on_ui)
    ui.ops.wait(10000)


def test_a_failing_query_leaves_the_model_out_of_a_reset(ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The page is read before the reset begins: a read that fails (here a locked
    database) neither leaves the model inside a reset that never ends nor loses its rows."""
    import sqlite3

    import pytest

    import app.ui.partners.model as model_module

    _seed(ctx, tmp_path, 3)
    model = PartnerTableModel(ctx)
    model.set_query(PartnerQuery())
    resets: list[str] = []
    model.modelAboutToBeReset.connect(lambda: resets.append("begin"))
    model.modelReset.connect(lambda: resets.append("end"))

    def locked(*_args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    real = model_module.partner_page
    monkeypatch.setattr(model_module, "partner_page", locked)
    with pytest.raises(sqlite3.OperationalError):
        model.set_query(PartnerQuery(grade="A"), force=True)
    assert resets == [] and model.rowCount() == 3 and model.query == PartnerQuery()
    monkeypatch.setattr(model_module, "partner_page", real)
    model.set_query(PartnerQuery(grade="B"), force=True)
    assert resets == ["begin", "end"] and model.rowCount() == 3
