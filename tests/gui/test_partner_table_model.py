"""The partner table's first paint reads one page with one query (no count), its cells come
from per-row display text, the total is counted elsewhere, and paging to the end stops
exactly at the last partner; later queries and pages are read on a reader thread, only the
newest query's answer is shown, and a failed read leaves the rows shown; the model passes
Qt's model tester."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.services.partner_io import import_partners
from app.services.partner_list import PartnerQuery, partner_count
from app.ui.partners.model import FIRST_PAGE, PAGE, PartnerTableModel


def _seed(ctx, tmp_path: Path, count: int) -> None:  # type: ignore[no-untyped-def]
    lines = ["code,name,grade,region,address"] + [
        f"T{i:04d},测试门店{i},B,310115,金桥路{i}号" for i in range(count)
    ]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_partners(ctx, path)


def _model(ctx):  # type: ignore[no-untyped-def]
    from app.ui.services import UiServices

    ui = UiServices(ctx)
    return ui, PartnerTableModel(ui)


def test_first_page_is_one_query_and_the_next_page_is_read_once(
    qtbot, qtmodeltester, ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The first page at start-up is one query on the UI thread (no count); the total is
    counted elsewhere and handed over; the next page is read on a reader thread, asked
    for once however often Qt asks, and stops exactly at the last partner."""
    _seed(ctx, tmp_path, PAGE + 30)
    statements: list[str] = []
    real = ctx.read_sql
    monkeypatch.setattr(
        ctx, "read_sql", lambda sql, params=(): statements.append(sql) or real(sql, params)
    )
    ui, model = _model(ctx)
    model.load_now(PartnerQuery())
    assert len(statements) == 1 and "count(" not in statements[0].lower()
    assert model.rowCount() == FIRST_PAGE and model.canFetchMore(model.index(-1, -1))
    assert model.data(model.index(0, 0)) == "T0000" and model.data(model.index(0, 1)) == "测试门店0"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == model.rows[0].id
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == model.headers()[0]
    assert model.known_total is None
    model.set_total(PartnerQuery(grade="A"), 7)  # counted for another query: ignored
    model.set_total(PartnerQuery(), partner_count(ctx, PartnerQuery()))
    assert model.known_total == PAGE + 30
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):
        model.fetchMore(model.index(-1, -1))
        model.fetchMore(model.index(-1, -1))  # Qt asks again while the page is read
        assert model.fetching and ui.ops.running() == 1 and model.rowCount() == FIRST_PAGE
    assert model.rowCount() == PAGE + 30 and not model.canFetchMore(model.index(-1, -1))
    assert model.data(model.index(PAGE + 29, 0)) == f"T{PAGE + 29:04d}"
    assert len(statements) == 3  # first page, count, one further page
    qtmodeltester.check(model)
    ui.ops.wait(10000)


def test_a_window_taller_than_the_first_page_fills_itself(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The first paint reads a short first page; a view showing more rows than that has
    the next page fetched by Qt (on a reader thread) as soon as the last loaded row is in
    view."""
    from PySide6.QtWidgets import QTableView

    _seed(ctx, tmp_path, FIRST_PAGE + 40)
    ui, model = _model(ctx)
    model.load_now(PartnerQuery())
    assert model.rowCount() == FIRST_PAGE
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, (FIRST_PAGE + 10) * view.verticalHeader().defaultSectionSize())
    view.show()
    qtbot.waitUntil(lambda: model.rowCount() == FIRST_PAGE + 40, timeout=3000)
    assert not model.canFetchMore(model.index(-1, -1)) and model.known_total == FIRST_PAGE + 40
    ui.ops.wait(10000)


def test_a_search_counts_while_it_finds(qtbot, ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path, 12)
    _ui, model = _model(ctx)
    with qtbot.waitSignal(model.shown, timeout=5000):
        model.set_query(PartnerQuery(search="门店1"))
    assert model.known_total == model.rowCount() == 3  # 门店1, 门店10, 门店11
    assert not model.canFetchMore(model.index(-1, -1))


def test_only_the_newest_querys_answer_is_shown(qtbot, ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Typed fast: the answer to an older query that comes after the newer one's is
    dropped, and so is a page asked for under the query shown before."""
    import threading

    _seed(ctx, tmp_path, FIRST_PAGE + 40)
    ui, model = _model(ctx)
    model.load_now(PartnerQuery())
    held: dict[str, threading.Event] = {}  # a statement containing the key waits for it
    real = ctx.read_sql

    def read_sql(sql, params=()):  # type: ignore[no-untyped-def]
        for key, gate in held.items():
            if key in sql or key in str(params):
                assert gate.wait(10)
        return real(sql, params)

    monkeypatch.setattr(ctx, "read_sql", read_sql)
    held["门店1"] = threading.Event()
    model.set_query(PartnerQuery(search="门店1"))  # its answer comes last
    with qtbot.waitSignal(model.shown, timeout=5000):
        model.set_query(PartnerQuery(search="门店2"))
    shown = [r.code for r in model.rows]
    assert model.query.search == "门店2" and "T0002" in shown and "T0001" not in shown
    held["门店1"].set()
    ui.ops.wait(10000)
    qtbot.wait(50)  # the older answer reaches the UI thread, and is dropped
    assert [r.code for r in model.rows] == shown and model.query.search == "门店2"

    with qtbot.waitSignal(model.shown, timeout=5000):
        model.set_query(PartnerQuery())
    assert model.rowCount() == FIRST_PAGE
    held[f"LIMIT {PAGE} OFFSET"] = threading.Event()
    model.fetchMore(model.index(-1, -1))  # the next page of every partner: comes last
    with qtbot.waitSignal(model.shown, timeout=5000):
        model.set_query(PartnerQuery(grade="B"))  # all of them again, a new list
    held[f"LIMIT {PAGE} OFFSET"].set()
    ui.ops.wait(10000)
    qtbot.wait(50)
    assert model.rowCount() == FIRST_PAGE and model.query == PartnerQuery(grade="B")
    assert not model.reading and not model.fetching
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):  # this list's own next page
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == FIRST_PAGE + 40


def test_a_failing_read_leaves_the_model_out_of_a_reset(
    qtbot, ctx, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The page is read before the reset begins: a read that fails (here a locked
    database) neither leaves the model inside a reset that never ends nor loses its rows;
    on a reader thread, its translated message reaches the user."""
    import sqlite3

    import pytest

    from app.services.db_errors import operational_error

    _seed(ctx, tmp_path, 3)
    ui, model = _model(ctx)
    model.load_now(PartnerQuery())
    resets: list[str] = []
    model.modelAboutToBeReset.connect(lambda: resets.append("begin"))
    model.modelReset.connect(lambda: resets.append("end"))
    messages: list[tuple[str, str]] = []
    ui.message.connect(lambda text, level, _details: messages.append((text, level)))
    locked = operational_error(ctx.paths, sqlite3.OperationalError("database is locked"))
    assert locked is not None
    real = ctx.read_sql

    def fails(*_args: object) -> None:
        raise locked

    monkeypatch.setattr(ctx, "read_sql", fails)
    with pytest.raises(type(locked)):
        model.load_now(PartnerQuery(grade="A"))
    with qtbot.waitSignal(model.read_failed, timeout=5000):
        model.set_query(PartnerQuery(grade="A"))
    assert messages == [(locked.message, "error")] and "busy" in locked.message
    assert resets == [] and model.rowCount() == 3 and model.query == PartnerQuery()
    assert model.wanted_query == PartnerQuery() and not model.reading
    monkeypatch.setattr(ctx, "read_sql", real)
    with qtbot.waitSignal(model.shown, timeout=5000):
        model.set_query(PartnerQuery(grade="B"))
    assert resets == ["begin", "end"] and model.rowCount() == 3


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
