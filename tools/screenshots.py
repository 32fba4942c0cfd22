"""Screenshots of every section at 1280 × 800 under zh_CN, for the README.

    python tools/screenshots.py [OUT_DIR]      # default docs/screenshots; `make screenshots`

A fresh data dir gets the demo data (seeded, so the pictures are stable), then the main
window shows each section in turn and is grabbed as ``<section_id>.png``. The laptop's
bundle then goes to a fresh HQ (with a few targets and ERP invoices imported, and a grade
request waiting) and the HQ console (``hq gui``) is grabbed section by section as
``hq-<section>.png`` (``hq_shot_name``).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1280, 800)


def hq_shot_name(section: object) -> str:
    """``hq-grade-requests`` for a ``GradeRequestsSection``."""
    import re

    words = re.findall(r"[A-Z][a-z]*", type(section).__name__.removesuffix("Section"))
    return "hq-" + "-".join(w.lower() for w in words)


def settle(app: object, ui: object, section: object = None, rounds: int = 8) -> None:
    """Let the section's reads come and be shown before it is grabbed: a section reads on
    reader threads, and an answer may start the next read (the dashboard's reminders
    after its charts, the visit editor after the list), so several rounds of waiting for
    the jobs and delivering their answers; and until the section says it is ready."""
    import time

    end = time.monotonic() + 60
    for _ in range(rounds):
        for _ in range(20):
            app.processEvents()  # type: ignore[attr-defined]
        ui.ops.wait(60000)  # type: ignore[attr-defined]
        for _ in range(20):
            app.processEvents()  # type: ignore[attr-defined]
    while not getattr(section, "is_ready", True) and time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        ui.ops.wait(100)  # type: ignore[attr-defined]
    for _ in range(20):
        app.processEvents()  # type: ignore[attr-defined]


def hq_screens(out: Path, tmp: Path, ctx: object, app: object) -> None:
    """The HQ console's sections over the demo laptop's bundle."""
    import datetime as dt

    from app.hq import company_targets
    from app.hq.receivables import import_receivables
    from app.hq.server import Hq
    from app.services.device import export_public_key
    from app.services.grade_requests import request_grade_change
    from app.services.partner_list import search_any
    from app.services.sync import export_bundle
    from app.ui.hq.console import HqUi, HqWindow

    (tmp / "hq").mkdir()
    hq = Hq(f"sqlite:///{tmp / 'hq' / 'hq.sqlite'}", tmp / "hq")
    hq.init()
    hq.register_device(export_public_key(ctx, tmp / "laptop.key.json"))  # type: ignore[arg-type]
    partner = search_any(ctx, "", 1)[0]  # type: ignore[arg-type]
    request_grade_change(ctx, partner.code, "B" if partner.grade != "B" else "C", "季度考核达标")  # type: ignore[arg-type]
    hq.ingest(export_bundle(ctx, tmp / "up.cdsync").path, tmp / "acks")  # type: ignore[arg-type]
    year = dt.date.today().year
    company_targets.import_targets(
        hq,
        [
            ["指标", "期间", "范围类型", "范围", "目标"],
            ["销售额", str(year), "地区", "3201", "12000000"],
            ["回款", str(year), "地区", "3201", "9000000"],
            ["新增网点", str(year), "地区", "320102", "40"],
        ],
        "目标.csv",
    )
    import_receivables(
        hq,
        [
            ["渠道编码", "类型", "日期", "金额", "单号"],
            [partner.code, "发票", f"{year}-01-05", "128000.00", "FP-0001"],
            [partner.code, "回款", f"{year}-02-01", "50000.00", "FP-0001"],
        ],
        "财务.csv",
    )
    ui = HqUi(hq)
    window = HqWindow(ui)
    window.resize(*SIZE)
    window.show()
    for row, section in enumerate(window.sections):
        window.nav.setCurrentRow(row)
        settle(app, ui, section)
        view = getattr(section, "view", None)
        if view is not None and view.rowCount():
            view.selectRow(0)  # a partner's card, a request's detail, a device's history
            settle(app, ui, section)
        target = out / f"{hq_shot_name(section)}.png"
        window.grab().save(str(target))
        print(target)
    window.close()
    hq.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)

    from app.services import demo
    from app.services.device import initialise_device
    from app.services.opening import open_context
    from app.ui.application import create_main_window, ensure_application, install_translators

    app = ensure_application()
    install_translators(app, "zh_CN")
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(Path(tmp) / "data")
        initialise_device(ctx, user="李娜", territory=["3201"])
        demo.generate_demo(ctx, seed=1)
        ctx.settings.first_run_done = True
        ctx.save_settings()
        ui, window = create_main_window(ctx)
        window.finish_menus()
        window.resize(*SIZE)
        window.show()
        for section_id in [section.section_id for section in window.sections]:
            section = window.show_section(section_id)
            settle(app, ui, section)
            table = getattr(section, "table", None)
            if section_id == "visits" and table is not None:
                table.selectRow(0)  # an open visit shows the editor, not an empty pane
                settle(app, ui, section)
            target = out / f"{section_id}.png"
            window.grab().save(str(target))
            print(target)
        window.close()
        hq_screens(out, Path(tmp), ctx, app)
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
