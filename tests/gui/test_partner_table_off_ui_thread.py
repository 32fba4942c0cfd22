"""pytest-qt: the Partners table reads on a reader thread (issue 17). With the database
slowed (every statement of the partner list takes 300 ms), typing a search, sorting,
scrolling for more and the refresh after a change each return within 50 ms, the event loop
keeps running meanwhile, the rows shown stay (the count says it is loading) and the right
rows arrive afterwards, with the selection kept where it makes sense. A read that fails is
said in the message bar and leaves the rows shown."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView

from app.entities import Changes
from app.services.db_errors import operational_error
from app.services.partner_io import import_partners
from app.ui.partners.model import FIRST_PAGE
from tests.gui.conftest import list_partners

COUNT = FIRST_PAGE + 40  # the first page, then one more page of 40


def _seed(ctx, tmp_path: Path, codes: range) -> None:  # type: ignore[no-untyped-def]
    lines = ["code,name,grade,region"] + [f"T{i:04d},测试门店{i},B,310115" for i in codes]
    path = tmp_path / f"partners-{codes.start}.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_partners(ctx, path)


def _slow_database(monkeypatch, ctx) -> None:  # type: ignore[no-untyped-def]
    """Every statement the partner list reads takes 300 ms more, on whatever thread."""
    real = ctx.read_sql

    def slow(sql, params=()):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return real(sql, params)

    monkeypatch.setattr(ctx, "read_sql", slow)


def _returns_at_once(action: Callable[[], object]) -> None:
    started = time.perf_counter()
    action()
    elapsed = time.perf_counter() - started
    assert elapsed < 0.05, f"the action took {elapsed * 1000:.0f} ms"


class Heartbeat:
    """The longest wait between two ticks of a 10 ms timer while it runs: a statement read
    on the UI thread (300 ms here) would stop the ticks for as long."""

    def __init__(self) -> None:
        self.runs: list[list[float]] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.runs[-1].append(time.perf_counter()))
        self.resume()

    def resume(self) -> None:
        self.runs.append([time.perf_counter()])
        self.timer.start()

    def pause(self) -> None:
        self.timer.stop()
        self.runs[-1].append(time.perf_counter())

    def longest_gap(self) -> float:
        self.pause()
        return max(b - a for ticks in self.runs for a, b in pairwise(ticks))


def test_no_action_on_the_partner_table_waits_for_a_slow_database(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path, range(COUNT))
    ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)  # the window opened before the partners were there
    model = section.model
    assert model.rowCount() == FIRST_PAGE
    _slow_database(monkeypatch, ctx)
    heartbeat = Heartbeat()

    # a search typed: the rows shown stay until the answer, the count says it is loading
    section.search.setText("门店1")
    _returns_at_once(section.apply_filters)
    assert model.reading and model.rowCount() == FIRST_PAGE
    qtbot.waitUntil(lambda: section.count_label.text() == "Loading the partners…", timeout=2000)
    qtbot.waitUntil(lambda: not model.reading, timeout=5000)
    hits = [f"T{i:04d}" for i in range(COUNT) if str(i).startswith("1")]
    assert [r.code for r in model.rows] == hits
    assert section.selected_id() == model.rows[0].id  # a new search: its first hit
    assert section.count_label.text() == section.tr("%n partner(s)", "", len(hits))

    # back to every partner, then a sort: the partner selected stays selected
    section.search.setText("")
    _returns_at_once(section.apply_filters)
    qtbot.waitUntil(lambda: not model.reading, timeout=5000)
    assert model.rowCount() == FIRST_PAGE and model.rows[0].code == "T0000"
    section.table.selectRow(50)
    chosen = model.rows[50].id
    _returns_at_once(lambda: section.table.sortByColumn(0, Qt.SortOrder.DescendingOrder))
    assert model.reading and model.rows[0].code == "T0000"
    qtbot.waitUntil(lambda: section.count_label.text() == "Loading the partners…", timeout=2000)
    qtbot.waitUntil(lambda: not model.reading, timeout=5000)
    assert model.rows[0].code == f"T{COUNT - 1:04d}" and model.query.descending
    assert section.selected_id() == chosen

    # scrolling for more: the next page is asked for once and inserted when it comes
    _returns_at_once(section.table.scrollToBottom)
    _returns_at_once(lambda: model.fetchMore(QModelIndex()))
    assert model.fetching and model.rowCount() == FIRST_PAGE
    qtbot.waitUntil(lambda: model.rowCount() == COUNT, timeout=5000)
    assert model.rows[-1].code == "T0000" and not model.canFetchMore(QModelIndex())
    section.table.selectRow(FIRST_PAGE + 2)  # beyond the first page
    chosen, chosen_code = model.rows[FIRST_PAGE + 2].id, model.rows[FIRST_PAGE + 2].code
    section.table.scrollTo(
        model.index(FIRST_PAGE + 2, 0), QAbstractItemView.ScrollHint.PositionAtTop
    )
    scrolled = section.table.verticalScrollBar().value()
    assert scrolled == FIRST_PAGE + 2

    # a change saved elsewhere: the refresh reads on a reader thread too
    heartbeat.pause()  # the test's own import, on this thread, is not an action's read
    _seed(ctx, tmp_path, range(9000, 9001))
    heartbeat.resume()
    _returns_at_once(lambda: ui.changed.emit(Changes.of("partner")))
    assert model.reading and model.rows[0].code == f"T{COUNT - 1:04d}"
    qtbot.waitUntil(lambda: not model.reading, timeout=5000)
    assert model.rows[0].code == "T9000" and model.query.descending
    assert model.rowCount() == COUNT and model.canFetchMore(QModelIndex())  # as many as before
    assert section.selected_id() == chosen and model.rows[FIRST_PAGE + 3].code == chosen_code
    assert section.table.verticalScrollBar().value() == scrolled  # the table did not move
    qtbot.waitUntil(
        lambda: section.count_label.text() == section.tr("%n partner(s)", "", COUNT + 1),
        timeout=5000,
    )
    assert heartbeat.longest_gap() < 0.2
    ui.ops.wait(10000)


def test_a_failed_read_is_said_and_the_rows_shown_stay(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    _seed(ctx, tmp_path, range(3))
    _ui, window = ui_window
    section = window.show_section("partners")
    list_partners(qtbot, section)  # the window opened before the partners were there
    locked = operational_error(ctx.paths, sqlite3.OperationalError("database is locked"))
    assert locked is not None

    def fails(*_args: object) -> None:
        raise locked

    monkeypatch.setattr(ctx, "read_sql", fails)
    section.search.setText("门店1")
    with qtbot.waitSignal(section.model.read_failed, timeout=5000):
        section.apply_filters()
    assert window.message_bar.label.text() == locked.message
    assert [r.code for r in section.model.rows] == ["T0000", "T0001", "T0002"]
    assert section.model.query.search == "" and not section.model.reading
    assert section.count_label.text() == section.tr("%n partner(s)", "", 3)


def test_a_start_whose_first_page_fails_says_why(qtbot, ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first page at start-up is read on the UI thread: when that read fails the
    window still opens, says why in the message bar and the section counts as ready."""
    from app.ui.application import create_main_window, ensure_application

    _seed(ctx, tmp_path, range(3))
    locked = operational_error(ctx.paths, sqlite3.OperationalError("database is locked"))
    assert locked is not None
    real = ctx.read_sql

    def read_sql(sql, params=()):  # type: ignore[no-untyped-def]
        if "FROM partner" in sql:
            raise locked
        return real(sql, params)

    monkeypatch.setattr(ctx, "read_sql", read_sql)
    ensure_application()
    ui, window = create_main_window(ctx, deferred=True)
    qtbot.addWidget(window)
    window.show()
    section = window.sections[0]
    qtbot.waitUntil(lambda: section.is_ready, timeout=5000)
    assert window.message_bar.label.text() == locked.message
    assert section.model.rowCount() == 0 and not section.model.loaded
    monkeypatch.setattr(ctx, "read_sql", real)
    with qtbot.waitSignal(section.model.shown, timeout=5000):
        section.apply_filters()  # once the database answers, the list comes
    assert [r.code for r in section.model.rows] == ["T0000", "T0001", "T0002"]
    ui.ops.wait(10000)
