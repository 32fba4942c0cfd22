"""Strings of Qt's own dialogs that Qt's ``qtbase_zh_CN`` catalogue leaves in English.

Qt looks every string up in all installed translators, so listing them here (the scanner
collects ``QCoreApplication.translate`` calls) puts their Chinese into our catalogue and the
standard file dialog reads 查找范围 / 文件类型 instead of "Look in:" / "Files of type:".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qtbase_gaps() -> list[str]:
    """The filled-in strings (called by the tests that check them)."""
    translate = QCoreApplication.translate
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QFileSystemModel", "Drive"),
        # the Type column of the file dialog's detail view ("{suffix} File" for files)
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QAbstractFileIconProvider", "Folder"),
        translate("QAbstractFileIconProvider", "File"),
        translate("QAbstractFileIconProvider", "Unknown"),
        translate("QAbstractFileIconProvider", "Computer"),
        translate("QAbstractFileIconProvider", "%1 File"),
    ]
