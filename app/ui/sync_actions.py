"""Sync menu actions: export to HQ (size estimate, progress, reveal the file), apply HQ's
acknowledgement, import an HQ bundle. Results refresh the status bar via ``changed``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.services import sync


class SyncActions(QWidget):
    """Owns the Sync menu's actions (a hidden widget so translations have a context)."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.hide()
        self.export_action = QAction(self.tr("&Export to HQ…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.triggered.connect(self.export)
        self.next_part_action = QAction(self.tr("Export &next part to HQ…"), self)
        self.next_part_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.next_part_action.setToolTip(
            self.tr(
                "What comes after the newest bundle, before HQ has acknowledged it: the next part "
                "of a backlog over HQ's size limits, to hand over together."
            )
        )
        self.next_part_action.triggered.connect(lambda _checked=False: self.export(next_part=True))
        self.ack_action = QAction(self.tr("Apply HQ &acknowledgement…"), self)
        self.ack_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.ack_action.triggered.connect(self.apply_ack)
        self.import_action = QAction(self.tr("&Import HQ bundle…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.triggered.connect(self.import_bundle)

    def actions_for_menu(self) -> list[QAction]:
        return [self.export_action, self.next_part_action, self.ack_action, self.import_action]

    def export(
        self, _checked: bool = False, target: str | None = None, next_part: bool = False
    ) -> None:
        from app.services import sync  # imported on use (the menu is built at start-up)

        def done(result: sync.ExportResult) -> None:
            self.ui.show_message(
                self.tr(
                    "Bundle {seq} written: {path} ({size:.1f} MB, {count} records). Hand it to "
                    "HQ; it counts as synced only after HQ's acknowledgement."
                ).format(
                    seq=result.seq,
                    path=result.path,
                    size=result.size / 1e6,
                    count=sum(result.counts.values()),
                )
                + "".join(" " + note for note in self.notes(result)),
                "warning" if result.remaining or result.over_hq_caps else "info",
            )
            if target is None:
                # named here: PySide builds a Qt class's type and enums when Python first
                # names it, and the menu is built at start-up
                from PySide6.QtCore import QUrl
                from PySide6.QtGui import QDesktopServices

                QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(result.path).parent)))

        def start(estimate: sync.ExportEstimate) -> None:
            if next_part and not estimate.changes:  # every change is in a bundle already
                self.ui.show_message(sync.nothing_left_message(), "info")
                return
            title = self.tr(
                "Exporting to HQ: about {size} MB ({photos} photos, {changes} changes)…"
            ).format(
                size=f"{estimate.size / 1e6:,.1f}", photos=estimate.photos, changes=estimate.changes
            )
            self.ui.ops.run(
                sync.export_bundle,
                self.ui.ctx,
                Path(target) if target else None,
                on_done=done,
                progress_title=title,
                parent=self.ui.main_window,
                next_part=next_part,
            )

        # the size first (a quick count), so the progress dialog says what is coming
        self.ui.ops.run(
            sync.estimate_export, self.ui.ctx, on_done=start, read_only=True, next_part=next_part
        )

    def notes(self, result: sync.ExportResult) -> list[str]:
        """What the user must know about a bundle capped by HQ's size limits."""
        notes = []
        if result.remaining:
            notes.append(
                self.tr(
                    "{count} changes did not fit in this bundle (HQ's size limits): Sync → Export "
                    "next part writes them now, to hand both over together; or export again after "
                    "HQ has acknowledged this one."
                ).format(count=result.remaining)
            )
        if result.over_hq_caps:
            notes.append(
                self.tr(
                    "This bundle holds a single visit (or group of changes) that is larger than "
                    "HQ accepts by default; ask HQ to raise its limits."
                )
            )
        return notes

    def apply_ack(self, _checked: bool = False, path: str | None = None) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                self.ui.main_window,
                self.tr("Apply HQ acknowledgement"),
                "",
                self.tr("Acknowledgements (*.cdack)"),
            )
        from app.services import sync

        if path:
            self.ui.ops.run(
                sync.apply_ack,
                self.ui.ctx,
                Path(path),
                on_done=lambda _changes: self.ui.show_message(
                    self.tr("HQ's acknowledgement was applied."), "info"
                ),
                on_error=self._failed,
            )

    def import_bundle(self, _checked: bool = False, path: str | None = None) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                self.ui.main_window, self.tr("Import HQ bundle"), "", self.tr("Bundles (*.cdsync)")
            )
        if path:
            from app.services import sync_down

            self.ui.ops.run(
                sync_down.import_hq_bundle,
                self.ui.ctx,
                Path(path),
                on_done=lambda _c: self.ui.show_message(self.tr("HQ data applied."), "info"),
                on_error=self._failed,
            )

    def _failed(self, exc: BaseException) -> None:
        """A refused import or acknowledgement; without a trusted HQ key the message says
        where the GUI takes one (the service's names the CLI's ``init --hq-key``)."""
        from app.services.device import NoTrustedHqKey

        if isinstance(exc, NoTrustedHqKey):
            self.ui.show_message(
                self.tr(
                    "No trusted HQ key is set, so HQ's files cannot be checked. Choose HQ's "
                    "public-key file under Tools → Settings… → Trust HQ key…, then try again."
                ),
                "error",
            )
            return
        self.ui.report_failure(exc)
