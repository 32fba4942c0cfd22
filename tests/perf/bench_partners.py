"""Issue 3 and 21 figures with 100 000 demo partners: partner table first paint, 2-character
Chinese search p95, cold start vs a bare PySide6 window, RSS."""

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

    from app.services.context import open_context
    from app.services.partners import PartnerQuery, partner_page_with_total
    from app.ui.partners.model import PartnerTableModel

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ctx = open_context(data)
    paints = []
    for _ in range(5):
        start = time.perf_counter()
        model = PartnerTableModel(ctx)
        model.set_query(PartnerQuery())
        view = QTableView()
        view.setModel(model)
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        view.grab()
        paints.append((time.perf_counter() - start) * 1000)
        view.close()
    # the reference: a lazy table model reading one page with plain sqlite3 (no
    # count, no formatting), painted in the same view size in this run
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

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

    bare_paints = []
    for _ in range(5):
        start = time.perf_counter()
        bare_model = BareModel()
        view = QTableView()
        view.setModel(bare_model)
        view.resize(1200, 700)
        view.show()
        app.processEvents()
        view.grab()
        bare_paints.append((time.perf_counter() - start) * 1000)
        view.close()
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
    searches = []
    for term in terms * 3:
        start = time.perf_counter()
        partner_page_with_total(ctx, PartnerQuery(search=term), 0, 200)
        searches.append((time.perf_counter() - start) * 1000)
    ctx.close()
    # an installed app has its bytecode compiled (pip and PyInstaller do it; an editable
    # checkout run with PYTHONDONTWRITEBYTECODE would compile every module at every start)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "app", "db"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    bare = [timed_subprocess(["-c", BARE])[0] for _ in range(3)]
    ours = [
        timed_subprocess(
            ["-m", "app", "--data-dir", str(data), "gui", "--screenshot", "/tmp/bench-shot.png"]
        )
        for _ in range(3)
    ]
    bare_ms = statistics.median(bare)
    ours_ms = statistics.median(o[0] for o in ours)
    rss_mb = max(o[1] for o in ours) / 1024
    return [
        BenchResult(
            "partner table first paint, 100k partners (median of 5)",
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
            "search 2-char Chinese p95 (total + first page, as the table does), 100k",
            p95(searches),
            "ms",
            30,
            "issue limit",
            "<=30 ms",
            p95(searches) <= 30,
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
