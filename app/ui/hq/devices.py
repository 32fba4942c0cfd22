"""HQ console section Devices: the laptops HQ knows; register one by dropping (or
picking) its public-key file, change its territory, revoke it, and read the bundles it
sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.entities import Created
from app.ui.hq.admin import DropSection
from app.ui.hq.base import fill, key_of, table
from app.ui.hq.review import territory_text


class DevicesSection(DropSection):
    """The laptops HQ knows: register one by dropping (or picking) its public-key file,
    revoke one, its territory and the bundles it sent."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.rows: list[dict[str, Any]] = []
        intro = QLabel(self.tr("Drop a laptop's public-key file here to register it."))
        register = QPushButton(self.tr("Register from key file…"))
        register.clicked.connect(self._pick)
        self.territory_button = QPushButton(self.tr("Change territory…"))
        self.territory_button.clicked.connect(self._change_territory)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self._revoke)
        row = QHBoxLayout()
        row.addWidget(intro, 1)
        row.addWidget(register)
        row.addWidget(self.territory_button)
        row.addWidget(self.revoke_button)
        self.empty = QLabel(
            self.tr(
                "No device is registered yet. On each laptop run “device export-key”, then drop the file here."
            )
        )
        self.empty.setWordWrap(True)
        self.view = table(
            [
                self.tr("Manager"),
                self.tr("Device"),
                self.tr("Territory"),
                self.tr("Bundles"),
                self.tr("Last sync"),
                self.tr("State"),
                self.tr("Registered"),
                self.tr("Encryption key"),
            ],
        )
        self.view.itemSelectionChanged.connect(self._history)
        self.history_label = QLabel(self.tr("Sync history of the selected device"))
        self.history = table(
            [self.tr("Bundle"), self.tr("Received"), self.tr("Records"), self.tr("Visits")],
            empty=self.tr("Select a device to see its bundles."),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Devices")

    def load(self) -> None:
        from app.hq.devices import device_list

        self.read(device_list, on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        selected = self._selected()
        self.rows = rows
        fill(
            self.view,
            [
                [
                    r["user"] or "—",
                    r["device_id"],
                    territory_text(r["territory"]),
                    str(r["bundles"]),
                    fmt.datetime_text(r["last_sync"], empty=self.tr("never")),
                    self.tr("revoked") if r["revoked"] else self.tr("active"),
                    fmt.date_text(r["registered_at"]),
                    self.tr("held")
                    if r["x25519"]
                    else self.tr(
                        "missing: gets no development records, register its key file again"
                    ),
                ]
                for r in rows
            ],
            [r["device_id"] for r in rows],
        )
        self.empty.setVisible(not rows)
        for index, r in enumerate(rows):
            if r["device_id"] == selected:
                self.view.selectRow(index)
                break
        self._history()

    def _selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return key_of(self.view, rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        device = next((r for r in self.rows if r["device_id"] == self._selected()), None)
        self.revoke_button.setEnabled(device is not None and not device["revoked"])
        self.territory_button.setEnabled(device is not None and not device["revoked"])

    def _history(self) -> None:
        from app.hq.devices import sync_history

        self._update_buttons()
        device = self._selected()
        if device is None:
            fill(self.history, [])
            self.history_label.setText(self.tr("Select a device to see its sync history."))
            return
        self.read(sync_history, device, on_done=lambda rows: self._show_history(device, rows))

    def _show_history(self, device: str, rows: list[dict[str, Any]]) -> None:
        if device != self._selected():
            return  # another device was selected meanwhile
        self.history_label.setText(
            self.tr("Sync history of the selected device")
            if rows
            else self.tr("HQ has received no bundle from this device yet.")
        )
        fill(
            self.history,
            [
                [
                    str(r["seq"]),
                    fmt.datetime_text(r["imported_at"]),
                    str(sum(r["counts"].values())),
                    str(r["counts"].get("visit", 0)),
                ]
                for r in rows
            ],
        )

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Device key file"), "", self.tr("Key files (*.json *.key);;All files (*)")
        )
        if path:
            self.dropped([Path(path)])

    def dropped(self, paths: list[Path]) -> None:
        for path in paths:
            self.ui.ops.run(
                lambda hq, p: hq.register_device(p),
                self.ui.hq,
                path,
                on_done=self._registered,
                initiator=self,
            )

    def _registered(self, registered: Created) -> None:
        self.ui.show_message(self.tr("Device {id} registered.").format(id=registered.id), "info")

    def _change_territory(self) -> None:
        device = next((r for r in self.rows if r["device_id"] == self._selected()), None)
        if device is None:
            return
        from app.ui.widgets.region_picker import TerritoryDialog

        dialog = TerritoryDialog(
            self.tr("Change territory"),
            self.tr(
                "The regions of {manager}'s territory (none: everywhere). The next HQ bundle "
                "brings the partners of the new territory."
            ).format(manager=device["user"] or device["device_id"][:8]),
            list(device["territory"]),
            self,
        )
        self.territory_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_territory(device["device_id"], ",".join(dialog.codes()))

    def set_territory(self, device_id: str, text: str) -> None:
        from app.hq.devices import set_territory

        self.ui.ops.run(
            lambda hq, d, t: set_territory(hq.sessions, d, t),
            self.ui.hq,
            device_id,
            text,
            on_done=lambda kept: self.ui.show_message(
                self.tr("Territory of device {id}: {territory}.").format(
                    id=device_id[:8],
                    territory=territory_text(kept.codes) if kept.codes else self.tr("everywhere"),
                ),
                "info",
            ),
            initiator=self,
        )

    def _revoke(self) -> None:
        device = self._selected()
        if device is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Revoke device"),
            self.tr("Revoke device {id}? HQ then refuses its bundles.").format(id=device),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke(device)

    def revoke(self, device_id: str) -> None:
        self.ui.ops.run(
            lambda hq, d: hq.revoke_device(d),
            self.ui.hq,
            device_id,
            on_done=lambda _r: self.ui.show_message(
                self.tr("Device {id} revoked.").format(id=device_id), "info"
            ),
            initiator=self,
        )
