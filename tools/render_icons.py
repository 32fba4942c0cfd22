"""Render the app icon (resources/icons/channeldesk.svg) to the PNG sizes Linux desktops
use (packaging/icons/hicolor/<N>x<N>/apps/channeldesk.png) and a multi-size Windows
``channeldesk.ico``. Run after changing the SVG: ``.venv/bin/python tools/render_icons.py``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out_dir / "hicolor" / f"{size}x{size}" / "apps" / "channeldesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target), "PNG")
        written.append(target)
    biggest = Image.open(out_dir / "hicolor" / "256x256" / "apps" / "channeldesk.png")
    ico = out_dir / "channeldesk.ico"
    biggest.save(ico, sizes=[(s, s) for s in SIZES if s <= 256])
    written.append(ico)
    return written


if __name__ == "__main__":
    for path in render(
        ROOT / "resources" / "icons" / "channeldesk.svg", ROOT / "packaging" / "icons"
    ):
        print(path.relative_to(ROOT))
