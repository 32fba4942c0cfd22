"""Issue 3 and 21 figures with 100 000 demo partners: partner table first paint, 2-character
Chinese search p95, cold start vs a bare PySide6 window, RSS.

How the table's first paint is timed (ours and the bare one-page sqlite3 model alike, runs
taken in turn so a change of load hits both): from creating the model to the end of the
``processEvents`` after ``show()``, in which Qt paints the view into the window's backing
store; a paint event on the view's viewport is required to have happened. Until December
2026 the timing also took in ``view.grab()``: a second full render of the same cells into
a new pixmap, which the person at the screen never waits for (it only served to look at
the pixels), so every figure held two paints; the issue's "~7 ms" for the bare model is one
paint on this machine. Before either is timed, one throwaway table is shown and painted:
the first item view of a process polishes the style and loads the fonts, a one-time cost
of any Qt application that neither model is the cause of. Both the rendering and this
warm-up are the same for ours and for the bare model, which remains the reference.

The search is timed as the table's user meets it: from ``set_query`` (the search box's
query, once its 180 ms typing pause has passed) to the moment the new rows are in the model
(its ``shown`` signal, after the reset): the read on a reader thread (the first page and the
count, formatted there), the hop back to the UI thread and the reset. Until December 2026
the table read on the UI thread and the bench timed the service call
``partner_page_with_total`` alone, for 200 rows (the table asks for 64). A second row sets
the figure against the same page read and formatted on the calling thread (``read_page``,
what the table did before), taken in turn with it, first one then the other, so the cost of
the thread hop shows whatever the machine's load; a third row compares their CPU time (the
process's, every thread): on a busy machine the hop's wall time is mostly two waits for a
core (the reader thread's start, the UI thread's wake-up), which the CPU time leaves out.

The cold start is timed as whole processes, ours (``gui --screenshot`` over the 100 000
partners) and a bare PySide6 window taken in turn, five of each, medians compared."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from common import ROOT, demo_dir, timed_subprocess
from harness import BenchResult, p95

BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow; a = QApplication([]); "
    "w = QMainWindow(); w.resize(1280, 800); w.show(); a.processEvents(); "
    "w.grab().save('/tmp/bare.png')"
)


def benchmarks() -> list[BenchResult]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    data = demo_dir(100_000, 0)
    from PySide6.QtWidgets import QApplication, QTableView

    from app.services.opening import open_context
    from app.services.partner_list import PartnerQuery
    from app.ui.partners.model import FIRST_PAGE, PartnerTableModel, read_page
    from app.ui.services import UiServices

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = open_context(data)
    ui = UiServices(ctx)  # the op runner the table reads through
    # the reference: a lazy table model reading one page with plain sqlite3 (no
    # count, no formatting), painted in the same view size in this run
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QEvent, QEventLoop, QModelIndex, QObject, Qt

    class BareModel(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            conn = sqlite3.connect(f"file:{data / 'channeldesk.sqlite'}?mode=ro", uri=True)
            self.rows = conn.execute(
                "SELECT code, name, grade, status, type, district_code, manager FROM partner "
                "WHERE voided = 0 ORDER BY code LIMIT 200"
            ).fetchall()
            conn.close()

        def rowCount(self, parent: object = QModelIndex()) -> int:
            return len(self.rows)

        def columnCount(self, parent: object = QModelIndex()) -> int:
            return 7

        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            return (
                self.rows[index.row()][index.column()]
                if role == Qt.ItemDataRole.DisplayRole
                else None
            )

    class Painted(QObject):
        seen = False

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    def ours() -> QAbstractTableModel:
        model = PartnerTableModel(ui)
        model.load_now(PartnerQuery())  # the start-up's first page, read for the first paint
        return model

    def first_paint(make_model: object) -> float:
        start = time.perf_counter()
        model = make_model()  # type: ignore[operator]
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 700)
        painted = Painted()
        view.viewport().installEventFilter(painted)
        view.show()
        app.processEvents()
        elapsed = (time.perf_counter() - start) * 1000
        assert painted.seen, "the view was not painted"
        view.close()
        view.deleteLater()
        app.processEvents()
        return elapsed

    first_paint(BareModel)  # warm-up: the process's first item view (style, fonts)
    paints, bare_paints = [], []
    for _ in range(7):
        paints.append(first_paint(ours))
        bare_paints.append(first_paint(BareModel))
    terms = [
        "浦东",
        "黄浦",
        "徐汇",
        "经营",
        "通讯",
        "营部",
        "闵行",
        "数码",
        "宽带",
        "加盟",
        "长宁",
        "青年",
        "花园",
        "自营",
        "人民",
        "中山",
        "金桥",
        "代理",
        "服务",
        "校园",
    ]
    table = ours()
    arrived = QEventLoop()
    table.shown.connect(arrived.quit)
    table.read_failed.connect(arrived.quit)
    searches, here, search_cpu, here_cpu = [], [], [], []

    def search(term: str) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        table.set_query(PartnerQuery(search=term), force=True)
        arrived.exec()  # until the rows are in the model
        searches.append((time.perf_counter() - start) * 1000)
        search_cpu.append((time.process_time() - cpu) * 1000)
        assert table.query.search == term and table.known_total is not None, term

    def read_here(term: str) -> None:
        start, cpu = time.perf_counter(), time.process_time()
        read_page(ctx, PartnerQuery(search=term), 0, FIRST_PAGE)
        here.append((time.perf_counter() - start) * 1000)
        here_cpu.append((time.process_time() - cpu) * 1000)

    for turn, term in enumerate(terms * 3):
        for step in (search, read_here) if turn % 2 else (read_here, search):
            step(term)
    ui.ops.wait()
    ctx.close()
    # an installed app has its bytecode compiled (pip and PyInstaller do it; an editable
    # checkout run with PYTHONDONTWRITEBYTECODE would compile every module at every start)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "app", "db"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    # ours and the bare window in turn, so a change of the machine's load hits both
    bare, ours = [], []
    for _ in range(5):
        bare.append(timed_subprocess(["-c", BARE])[0])
        ours.append(
            timed_subprocess(
                ["-m", "app", "--data-dir", str(data), "gui", "--screenshot", "/tmp/bench-shot.png"]
            )
        )
    bare_ms = statistics.median(bare)
    ours_ms = statistics.median(o[0] for o in ours)
    rss_mb = max(o[1] for o in ours) / 1024
    return [
        BenchResult(
            "partner table first paint, 100k partners (median of 7)",
            statistics.median(paints),
            "ms",
            25,
            "issue 21 limit",
            "<=25 ms",
            statistics.median(paints) <= 25,
        ),
        BenchResult(
            "partner table first paint vs a bare one-page sqlite3 model (issue: 25 ms vs ~7 ms)",
            statistics.median(paints),
            "ms",
            statistics.median(bare_paints),
            "bare lazy QAbstractTableModel",
            "ratio <=3.5",
            statistics.median(paints) <= 3.5 * statistics.median(bare_paints),
        ),
        BenchResult(
            "search 2-char Chinese p95 (set_query to rows in the model), 100k",
            p95(searches),
            "ms",
            30,
            "issue limit",
            "<=30 ms",
            p95(searches) <= 30,
        ),
        BenchResult(
            "search p95 vs the same page read on the calling thread",
            p95(searches),
            "ms",
            p95(here),
            "read_page on the UI thread",
            "(the thread hop's cost)",
            None,
        ),
        BenchResult(
            "search CPU p95 (every thread) vs the same page read on the calling thread",
            p95(search_cpu),
            "ms",
            p95(here_cpu),
            "read_page on the UI thread",
            "(the hop's CPU, without waiting for a core)",
            None,
        ),
        BenchResult(
            "cold start to painted main window",
            ours_ms,
            "ms",
            bare_ms,
            "bare PySide6 QMainWindow",
            "ratio <=1.3",
            ours_ms <= 1.3 * bare_ms,
        ),
        BenchResult(
            "GUI peak RSS, 100k partners",
            rss_mb,
            "MB",
            250,
            "issue limit",
            "<=250 MB",
            rss_mb <= 250,
        ),
    ]
