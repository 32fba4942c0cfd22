"""HQ console sections that receive and author: Inbox (bundles dropped or picked →
ingest with progress, each accepted / duplicate / rejected with its reason, acks where
the user chose), Templates and rules, Receivables (imports checked row by row,
published with the next down-bundles; Targets, in ``targets.py``, build on them) and
Devices (register by dropping a key file, revoke, sync history)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.domain.vocabulary import AGING_BUCKET, GRADE, template_label
from app.ui.hq.base import HqSection, fill, key_of, table
from app.ui.hq.review import territory_text


class DropSection(HqSection):
    """A section that takes files dropped on it (``dropped`` gets their paths)."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.dropped(paths)

    def dropped(self, paths: list[Path]) -> None:
        raise NotImplementedError


def ingest_files(
    hq: Any, paths: list[Path], ack_dir: Path | None, progress: Any = None
) -> list[tuple[str, str, str]]:
    """Ingest each bundle (folders: the ``.cdsync`` files in them); (file, status, reason)."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.cdsync")) if path.is_dir() else [path])
    results = []
    for index, path in enumerate(files):
        if progress is not None:
            progress(index, len(files), path.name)
        result = hq.ingest(path, ack_dir)
        results.append((str(path), result.status, result.reason))
    if progress is not None:
        progress(len(files), len(files), "")
    return results


class InboxSection(DropSection):
    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.ack_dir: Path | None = None
        intro = QLabel(
            self.tr(
                "Drop bundle files (.cdsync) or a folder here, or pick them. Each is checked, "
                "then applied as a whole or not at all."
            )
        )
        intro.setWordWrap(True)
        pick = QPushButton(self.tr("Pick bundles…"))
        pick.clicked.connect(self._pick)
        folder = QPushButton(self.tr("Pick a folder…"))
        folder.clicked.connect(self._pick_folder)
        acks = QPushButton(self.tr("Acknowledgements folder…"))
        acks.clicked.connect(self._pick_acks)
        self.ack_label = QLabel(self.tr("Acknowledgements are written beside each bundle."))
        row = QHBoxLayout()
        for w in (pick, folder, acks):
            row.addWidget(w)
        row.addStretch(1)
        self.results = table(
            [self.tr("File"), self.tr("Result"), self.tr("Reason")],
            empty=self.tr("Drop bundle files here or pick them; each result is listed here."),
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.ack_label)
        layout.addWidget(self.results, 1)
        self.rows: list[tuple[str, str, str]] = []

    def title(self) -> str:
        return self.tr("Inbox")

    def load(self) -> None:
        self.is_ready = True

    def _pick(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Pick bundles"), "", self.tr("Sync bundles (*.cdsync);;All files (*)")
        )
        if files:
            self.dropped([Path(f) for f in files])

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Pick a folder of bundles"))
        if folder:
            self.dropped([Path(folder)])

    def _pick_acks(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for acknowledgements"))
        if folder:
            self.ack_dir = Path(folder)
            self.ack_label.setText(self.tr("Acknowledgements go to {dir}").format(dir=folder))

    def dropped(self, paths: list[Path]) -> None:
        self.ui.ops.run(
            ingest_files,
            self.ui.hq,
            paths,
            self.ack_dir,
            progress_title=self.tr("Ingesting bundles…"),
            on_done=self._done,
        )

    def _done(self, results: list[tuple[str, str, str]]) -> None:
        words = {
            "accepted": self.tr("accepted"),
            "duplicate": self.tr("duplicate"),
            "rejected": self.tr("rejected"),
        }
        self.rows = results + self.rows
        fill(
            self.results,
            [[Path(f).name, words.get(status, status), reason] for f, status, reason in self.rows],
        )
        accepted = sum(1 for _f, status, _r in results if status == "accepted")
        rejected = sum(1 for _f, status, _r in results if status == "rejected")
        self.ui.show_message(
            self.tr("{a} accepted, {r} rejected, {d} duplicate.").format(
                a=accepted, r=rejected, d=len(results) - accepted - rejected
            ),
            "warning" if rejected else "info",
        )
        self.ui.announce("record")


def _read_table(path: Path) -> list[list[str]]:
    from app.services.spreadsheets import read_table

    return read_table(path)


class _ImportSection(HqSection):
    """A table with an Import… button for a CSV/XLSX file checked by ``importer``."""

    importer_name = ""

    def __init__(self, ui: Any, headers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.import_button = QPushButton(QCoreApplication.translate("HqImport", "Import…"))
        self.import_button.clicked.connect(self._pick)
        self.view = table(
            headers,
            empty=QCoreApplication.translate(
                "HqImport", "Nothing imported yet: import a CSV or XLSX file."
            ),
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)

    def importer(self) -> Any:
        raise NotImplementedError

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("HqImport", "Import"),
            "",
            QCoreApplication.translate("HqImport", "Spreadsheets (*.csv *.xlsx)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        importer = self.importer()
        self.ui.ops.run(
            lambda hq: importer(hq, _read_table(path), path.name),
            self.ui.hq,
            progress_title=QCoreApplication.translate("HqImport", "Importing…"),
            on_done=self._imported,
        )

    def _imported(self, summary: Any) -> None:
        self.ui.show_message(
            QCoreApplication.translate(
                "HqImport",
                "{rows} rows: {created} created, {updated} updated, {unchanged} unchanged",
            ).format(**summary.to_json())
            + " "
            + QCoreApplication.translate(
                "HqImport", "Laptops receive them with their next HQ bundle."
            ),
            "info",
        )
        self.ui.announce("record")


class ReceivablesSection(_ImportSection):
    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(
            ui,
            [
                self.tr("Partner"),
                self.tr("Name"),
                self.tr("Open"),
                *[AGING_BUCKET.label(b) for b in ("0-30", "31-60", "61-90", "90+")],
                self.tr("Credit limit"),
            ],
            parent,
        )
        self.note.setText(
            self.tr(
                "Invoices and payments from the ERP (columns partner_code, kind, date, amount, ref); aging per partner."
            )
        )

    def title(self) -> str:
        return self.tr("Receivables")

    def importer(self) -> Any:
        from app.hq.receivables import import_receivables

        return import_receivables

    def load(self) -> None:
        from app.hq.receivables import receivables_by_partner

        self.read(receivables_by_partner, on_done=self._show)

    def _show(self, rows: list[dict[str, Any]]) -> None:
        fill(
            self.view,
            [
                [
                    r["partner_code"],
                    r["partner_name"],
                    fmt.money_fen(r["open_fen"]),
                    *[fmt.money_fen(r[b]) for b in ("0-30", "31-60", "61-90", "90+")],
                    fmt.money_fen(r["credit_limit_fen"])
                    + (" ⚠" if 0 < r["credit_limit_fen"] < r["open_fen"] else ""),
                ]
                for r in rows
            ],
        )


class TemplatesSection(HqSection):
    """Checklist template versions (export, import as the next version) and the rules
    HQ publishes: visit frequency per grade, channels per week, evidence limits."""

    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.view = table(
            [
                self.tr("Template"),
                self.tr("Version"),
                self.tr("Title"),
                self.tr("Items"),
                self.tr("Source"),
            ],
            empty=self.tr("No checklist template."),
        )
        export = QPushButton(self.tr("Export…"))
        export.clicked.connect(self._export)
        imp = QPushButton(self.tr("Import as new version…"))
        imp.clicked.connect(self._import)
        edit = QPushButton(self.tr("Edit as new version…"))
        edit.clicked.connect(lambda _c=False: self.edit_selected())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(edit)
        buttons.addWidget(export)
        buttons.addWidget(imp)
        self.templates: list[dict[str, Any]] = []
        rules = QGroupBox(self.tr("Rules published to the laptops"))
        form = QFormLayout(rules)
        self.grades = {}
        for grade in ("A", "B", "C", "D"):
            box = QSpinBox()
            box.setRange(0, 31)
            self.grades[grade] = box
            form.addRow(
                self.tr("Visits per month, grade {grade}").format(grade=GRADE.label(grade)), box
            )
        self.weekly = QSpinBox()
        self.weekly.setRange(0, 50)
        form.addRow(self.tr("Channels a manager inspects per week"), self.weekly)
        self.hours = QSpinBox()
        self.hours.setRange(1, 720)
        form.addRow(self.tr("Photo taken at most this many hours before check-in"), self.hours)
        self.metres = QSpinBox()
        self.metres.setRange(1, 100000)
        form.addRow(self.tr("Photo taken at most this many metres from the partner"), self.metres)
        self.response_hours = QSpinBox()
        self.response_hours.setRange(1, 720)
        form.addRow(self.tr("A complaint is answered within this many hours"), self.response_hours)
        self.resolution_hours = QSpinBox()
        self.resolution_hours.setRange(1, 2160)
        form.addRow(
            self.tr("A complaint is resolved within this many hours"), self.resolution_hours
        )
        save = QPushButton(self.tr("Save rules"))
        save.clicked.connect(self._save_rules)
        form.addRow("", save)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(rules)

    def title(self) -> str:
        return self.tr("Templates and rules")

    def load(self) -> None:
        self.read(_templates_and_rules, on_done=self._show)

    def _show(self, data: dict[str, Any]) -> None:
        from app.domain import checklist as cl

        words = {"builtin": self.tr("built in"), "hq": self.tr("HQ")}
        templates = self.templates = data["templates"]
        fill(
            self.view,
            [
                [
                    template_label(t["name"], t["title"]),
                    str(t["version"]),
                    t["title"],
                    str(len(cl.template_items(t["body"]))),
                    words.get(t["source"], t["source"]),
                ]
                for t in templates
            ],
            [t["name"] for t in templates],
        )
        for rule in data["frequency"]:
            if rule["scope"] == "partner" and rule["grade"] in self.grades:
                self.grades[rule["grade"]].setValue(int(rule["min_visits"]))
            elif rule["scope"] == "manager":
                self.weekly.setValue(int(rule["min_visits"]))
        self.hours.setValue(int(data["duty"]["evidence_photo_hours"]))
        self.metres.setValue(int(data["duty"]["evidence_photo_metres"]))
        self.response_hours.setValue(int(data["duty"]["complaint_response_hours"]))
        self.resolution_hours.setValue(int(data["duty"]["complaint_resolution_hours"]))

    def _selected(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return key_of(self.view, rows[0].row()) if rows else None

    def edit_selected(self) -> Any:
        """Open the selected version in the template editor (it publishes a new one)."""
        from app.ui.hq.template_editor import TemplateEditor

        rows = self.view.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.templates):
            self.ui.show_message(self.tr("Select a template first."), "warning")
            return None
        editor = TemplateEditor(self.ui, self.templates[rows[0].row()], self)
        editor.show()
        return editor

    def _export(self) -> None:
        from app.hq.authoring import export_template

        name = self._selected()
        if name is None:
            self.ui.show_message(self.tr("Select a template first."), "warning")
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export template"), f"{name}.json", self.tr("Templates (*.json)")
        )
        if path:
            self.ui.ops.run(
                export_template,
                self.ui.hq,
                name,
                Path(path),
                on_done=lambda p: self.ui.show_message(
                    self.tr("Template saved to {path}").format(path=p), "info"
                ),
            )

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import template"), "", self.tr("Templates (*.json)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        from app.hq.authoring import import_template

        self.ui.ops.run(import_template, self.ui.hq, path, on_done=self._imported)

    def _imported(self, made: dict[str, Any]) -> None:
        self.ui.show_message(
            self.tr(
                "Template {name} version {version} saved; laptops receive it with their next HQ bundle."
            ).format(**made),
            "info",
        )
        self.ui.announce("record")

    def _save_rules(self) -> None:
        grades = {g: box.value() for g, box in self.grades.items()}
        values = (
            self.weekly.value(),
            self.hours.value(),
            self.metres.value(),
            self.response_hours.value(),
            self.resolution_hours.value(),
        )
        self.ui.ops.run(
            _save_rules,
            self.ui.hq,
            grades,
            *values,
            on_done=lambda _r: (
                self.ui.show_message(
                    self.tr("Rules saved; laptops receive them with their next HQ bundle."), "info"
                ),
                self.ui.announce("record"),
            ),
        )


def _templates_and_rules(hq: Any) -> dict[str, Any]:
    from app.hq.authoring import frequency_rules_for_publish, template_versions
    from app.hq.duty_rules import duty_rules

    return {
        "templates": template_versions(hq),
        "frequency": frequency_rules_for_publish(hq),
        "duty": duty_rules(hq),
    }


def _save_rules(
    hq: Any,
    grades: dict[str, int],
    weekly: int,
    hours: int,
    metres: int,
    response_hours: int = 2,
    resolution_hours: int = 48,
) -> None:
    from app.hq.authoring import set_frequency_rules
    from app.hq.duty_rules import set_duty_rules

    set_frequency_rules(hq, grades, weekly)
    set_duty_rules(
        hq,
        {
            "evidence_photo_hours": hours,
            "evidence_photo_metres": metres,
            "complaint_response_hours": response_hours,
            "complaint_resolution_hours": resolution_hours,
        },
    )


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
        from app.hq.read_models import device_list

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
        from app.hq.read_models import sync_history

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
                lambda hq, p: hq.register_device(p).device_id,
                self.ui.hq,
                path,
                on_done=self._registered,
            )

    def _registered(self, device_id: str) -> None:
        self.ui.show_message(self.tr("Device {id} registered.").format(id=device_id), "info")
        self.ui.announce("device")

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
            on_done=lambda codes: (
                self.ui.show_message(
                    self.tr("Territory of device {id}: {territory}.").format(
                        id=device_id[:8],
                        territory=territory_text(codes) if codes else self.tr("everywhere"),
                    ),
                    "info",
                ),
                self.ui.announce("device"),
            ),
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
            on_done=lambda _r: (
                self.ui.show_message(self.tr("Device {id} revoked.").format(id=device_id), "info"),
                self.ui.announce("device"),
            ),
        )
