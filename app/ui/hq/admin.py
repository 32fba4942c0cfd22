"""HQ console sections that receive: Inbox (bundles dropped or picked → ingest with
progress, each accepted / duplicate / rejected with its reason, acks where the user
chose) and Receivables (imports checked row by row, published with the next
down-bundles; Targets, in ``targets.py``, and Development records build on the import
and drop sections here). Templates and rules are in ``templates.py``, Devices in
``devices.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.domain.vocabulary import AGING_BUCKET
from app.ui.hq.base import HqSection, fill, table


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
        from app.hq.inbox import ingest_files

        self.ui.ops.run(
            ingest_files,
            self.ui.hq,
            paths,
            self.ack_dir,
            progress_title=self.tr("Ingesting bundles…"),
            on_done=self._done,
            initiator=self,
        )

    def _done(self, ingested: Any) -> None:
        results: list[tuple[str, str, str]] = ingested.results
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


def _read_table(path: Path) -> list[list[str]]:
    from app.services.sheet_read import read_table

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
            initiator=self,
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
