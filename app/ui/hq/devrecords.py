"""HQ console section Development records (issue 20): the channels' daily business records
imported from the operator's CSV/XLSX (dropped on the section or picked), checked row by
row by ``app.hq.devrecords.import_dev_records`` — what ``hq devrecords import`` runs —
with each bad row named by row and column; the newest records HQ holds with the phones
masked (never in clear at HQ), and the devices that get none of them because HQ holds no
encryption key of theirs. Publish (the toolbar) takes them to the laptops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.domain.vocabulary import BUSINESS_RECORD_KIND
from app.ui.hq.admin import DropSection
from app.ui.hq.base import fill, table
from app.ui.widgets.empty_state import set_empty_text

SHOWN = 500  # the newest records listed (of those the search matches); the summary counts all
SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs (on a reader thread)
SHEETS = (".csv", ".xlsx")


def _import(hq: Any, path: Path, progress: Any = None) -> Any:
    from app.hq.devrecords import import_dev_records
    from app.services.sheet_read import read_table

    return import_dev_records(hq, read_table(path), path.name, progress)


class DevRecordsSection(DropSection):
    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        intro = QLabel(
            self.tr(
                "The channels' daily business records from the operator's system (CSV or XLSX: "
                "date, partner code, product, customer, phone, prepaid amount, new or served). "
                "Drop a file here or import it: every row is checked first, nothing is stored "
                "while one is wrong. Publish takes each partner's records to the laptops of its "
                "territory, the phones sealed to each laptop's key."
            )
        )
        intro.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self._pick)
        row = QHBoxLayout()
        row.addWidget(intro, 1)
        row.addWidget(self.import_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.keys = QLabel()
        self.keys.setWordWrap(True)
        self.keys.hide()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search partner code or name, product, customer"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.load)
        self.search.textChanged.connect(self._debounce.start)
        self.view = table(
            [
                self.tr("Date"),
                self.tr("Partner"),
                self.tr("Name"),
                self.tr("Product"),
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Prepaid"),
                self.tr("Kind"),
            ],
            empty=self._empty_text(),
        )
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.keys)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)

    def title(self) -> str:
        return self.tr("Development records")

    def _empty_text(self, search: str = "") -> str:
        if search:
            return self.tr("No development record matches “{search}”.").format(search=search)
        return self.tr(
            "HQ holds no development records: drop the operator's CSV or XLSX file here."
        )

    def load(self) -> None:
        from app.hq.devrecords import held_records

        self.read(held_records, SHOWN, self.search.text(), on_done=self._show)

    def _show(self, data: dict[str, Any]) -> None:
        if data["search"] != self.search.text().strip():
            return  # typed on since: the newer search's answer follows
        set_empty_text(self.view, self._empty_text(data["search"]))
        if data["total"] and data["search"]:
            text = self.tr("{matched} of {total} records match “{search}”.").format(
                matched=data["matched"], total=data["total"], search=data["search"]
            )
            if data["matched"] > len(data["rows"]):
                text += " " + self.tr("The newest {n} are listed.").format(n=len(data["rows"]))
        elif data["total"]:
            text = self.tr(
                "HQ holds %n record(s) from {first} to {last}; partners with records: {partners}.",
                "",
                data["total"],
            ).format(
                partners=data["partners"],
                first=fmt.date_text(data["first"]),
                last=fmt.date_text(data["last"]),
            )
            if data["total"] > len(data["rows"]):
                text += " " + self.tr("The newest {n} are listed.").format(n=len(data["rows"]))
        else:
            text = self.tr("HQ holds no development records yet.")
        text += " " + self.tr("Records older than {days} days are deleted.").format(
            days=data["retention_days"]
        )
        self.summary.setText(text)
        missing = data["without_key"]
        self.keys.setVisible(bool(missing))
        if missing:
            self.keys.setText(
                self.tr(
                    "⚠ No encryption key is registered for {devices}: they get no development "
                    "records. Have each laptop export its key file again and register it under "
                    "Devices."
                ).format(devices=self.tr(", ").join(d["user"] or d["device_id"] for d in missing))
            )
        fill(
            self.view,
            [
                [
                    fmt.date_text(r["record_date"]),
                    r["partner_code"],
                    r["partner_name"],
                    r["product"],
                    r["customer_ref"],
                    r["phone_masked"] or "—",
                    fmt.money_fen(r["amount_fen"]),
                    BUSINESS_RECORD_KIND.label(r["kind"]),
                ]
                for r in data["rows"]
            ],
        )

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import development records"),
            "",
            self.tr("Spreadsheets (*.csv *.xlsx)"),
        )
        if path:
            self.import_file(Path(path))

    def dropped(self, paths: list[Path]) -> None:
        sheets = [p for p in paths if p.suffix.lower() in SHEETS]
        if len(sheets) < len(paths):
            self.ui.show_message(
                self.tr("Only CSV or XLSX files can be imported here."),
                "error",
                details=[p.name for p in paths if p not in sheets],
            )
        for path in sheets:
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        """Check and store ``path``'s records on the writer thread, with progress."""
        self.ui.ops.run(
            _import,
            self.ui.hq,
            path,
            progress_title=self.tr("Importing development records…"),
            on_done=self._imported,
            initiator=self,
        )

    def _imported(self, summary: Any) -> None:
        self.ui.show_message(
            self.tr("{rows} rows: {created} new, {skipped} already held.").format(
                **summary.to_json()
            )
            + " "
            + self.tr("Laptops receive them with their next HQ bundle."),
            "info",
        )
