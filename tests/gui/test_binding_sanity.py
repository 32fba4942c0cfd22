"""The Qt binding must not corrupt reference counts: PySide6 6.12.0 on Python 3.11 drops a
reference to ``None`` on every call of a void method, and the app aborts ("none_dealloc")
after a few thousand calls — e.g. a few minutes of typing. pyproject.toml pins it out."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20000):
        label.setText("渠道")
        QCoreApplication.processEvents()
    after = sys.getrefcount(None)
    if sys.version_info < (3, 12):  # None is immortal from 3.12 on: its count means nothing there
        assert after >= before - 100, f"None lost {before - after} references"
    label.deleteLater()
