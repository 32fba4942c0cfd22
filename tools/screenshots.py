"""Screenshots of every section at 1280 × 800 under zh_CN, for the README.

    python tools/screenshots.py [OUT_DIR]      # default docs/screenshots; `make screenshots`

A fresh data dir gets the demo data (seeded, so the pictures are stable), then the main
window shows each section in turn and is grabbed as ``<section_id>.png``.
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


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from app.services import demo
    from app.services.context import open_context
    from app.services.device import initialise_device
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
            for _ in range(20):
                QApplication.processEvents()
            table = getattr(section, "table", None)
            if section_id == "visits" and table is not None:
                table.selectRow(0)  # an open visit shows the editor, not an empty pane
            ui.ops.wait(30000)
            for _ in range(20):
                QApplication.processEvents()
            target = out / f"{section_id}.png"
            window.grab().save(str(target))
            print(target)
        window.close()
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
