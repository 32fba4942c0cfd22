"""The visit editor's photo list: a thumbnail per attached photo, made on a reader thread
(the list shows "loading…" meanwhile and takes each thumbnail when it comes if the photo is
still listed); activating one shows it large, made off the UI thread as well."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.visit_detail import VisitPhotoInfo
from app.services import media


class PhotoList(QListWidget):
    """Thumbnails of a visit's photos; the photo's hash is each item's ``UserRole``."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(120, 120))
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.itemActivated.connect(self.show_large)

    def show_photos(self, photos: Sequence[VisitPhotoInfo]) -> None:
        """List ``photos``; their thumbnails are made on a reader thread."""
        self.clear()
        for photo in photos:
            item = QListWidgetItem(self.tr("loading…"))
            item.setData(Qt.ItemDataRole.UserRole, photo.sha256)
            item.setToolTip(
                f"{photo.original_name}\n{photo.sha256[:16]}\n{photo.width}×{photo.height}"
                + (self.tr("\nalso used in another visit") if photo.reused_in else "")
            )
            self.addItem(item)
            self.ui.ops.run(
                media.thumbnail,
                self.ui.ctx.paths,
                photo.sha256,
                read_only=True,
                on_done=lambda path, sha=photo.sha256: self._set_thumb(sha, path),
            )

    def _set_thumb(self, sha: str, path: Path | None) -> None:
        """Thumbnails arrive from a worker; the list may have been reloaded meanwhile."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) != sha:
                continue
            if path is None:
                item.setText(self.tr("photo missing"))
            else:
                item.setText("")
                item.setIcon(QIcon(QPixmap(str(path))))

    def show_large(self, item: QListWidgetItem) -> None:
        """The photo at 1024 pixels (made on a reader thread), in a dialog of its own."""
        sha = item.data(Qt.ItemDataRole.UserRole)
        self.ui.ops.run(
            media.thumbnail,
            self.ui.ctx.paths,
            sha,
            1024,
            read_only=True,
            on_done=lambda path: self._open_large(sha, path),
        )

    def _open_large(self, sha: str, path: Path | None) -> None:
        if not shiboken6.isValid(self):
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(sha[:16])
        label = QLabel()
        if path is not None:
            label.setPixmap(QPixmap(str(path)))
        else:
            label.setText(
                self.tr("The original photo is missing (hash {hash}).").format(hash=sha[:12])
            )
        QVBoxLayout(dialog).addWidget(label)
        dialog.exec()
