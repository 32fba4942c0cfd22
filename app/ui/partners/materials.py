"""The partner's promotion-material ledger (宣传品台账): book quantity per item, the list
of issued / installed / returned entries, and a dialog to record a new entry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import materials as svc
from app.services import partners as partner_svc
from app.ui.partners.dialogs import add_error_and_buttons, error_label


def kind_labels() -> dict[str, str]:
    """Translated names of the ledger entry kinds (the stored words stay English)."""
    from PySide6.QtCore import QCoreApplication

    return {"issued": QCoreApplication.translate("MaterialLedger", "Issued"),
            "installed": QCoreApplication.translate("MaterialLedger", "Installed"),
            "returned": QCoreApplication.translate("MaterialLedger", "Returned")}


class MaterialEntryDialog(QDialog):
    """Record one ledger entry: item, issued/installed/returned, quantity, date, note."""

    def __init__(self, ui: Any, partner_id: str, known_items: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.partner_id = ui, partner_id
        self.setWindowTitle(self.tr("Add ledger entry"))
        self.item = QComboBox()
        self.item.setEditable(True)
        self.item.addItems(known_items)
        self.item.setCurrentIndex(-1)
        self.item.lineEdit().setPlaceholderText(self.tr("e.g. poster, table card, shop-sign light box"))
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kind = QComboBox()
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, svc.MAX_QUANTITY)
        self.when = QDateEdit(QDate.currentDate())
        self.when.setCalendarPopup(True)
        self.when.setMaximumDate(QDate.currentDate())
        self.when.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("&Item"), self.item)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Quantity"), self.quantity)
        form.addRow(self.tr("&Date"), self.when)
        form.addRow(self.tr("&Note"), self.note)
        add_error_and_buttons(self, form)
        self.setMinimumWidth(380)

    def save(self) -> None:
        d = self.when.date()
        try:
            changes = svc.record_material_entry(self.ui.ctx, self.partner_id, self.item.currentText(), self.kind.currentData(),
                                                self.quantity.value(), dt.date(d.year(), d.month(), d.day()), self.note.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.adjustSize()  # room for a message over two lines
            self.item.setFocus()
            return
        self.ui.changed.emit(changes)
        self.accept()


class MaterialLedgerDialog(QDialog):
    """Book quantity per item and every ledger entry of one partner, newest first."""

    def __init__(self, ui: Any, partner_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.partner_id = ui, partner_id
        partner = partner_svc.partner_detail(ui.ctx, partner_id).partner
        self.setWindowTitle(self.tr("Promotion materials of {name}").format(name=partner.name))
        self.resize(620, 460)
        self.book = QLabel()
        self.book.setWordWrap(True)
        self.book.setTextFormat(Qt.TextFormat.RichText)
        self.entries = QTableWidget(0, 5)
        self.entries.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Item"), self.tr("Kind"), self.tr("Quantity"), self.tr("Note")])
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.verticalHeader().setVisible(False)
        self.entries.setAlternatingRowColors(True)
        self.entries.setAccessibleName(self.tr("Ledger entries"))
        header = self.entries.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("&Add entry…"))
        self.add_button.clicked.connect(self.add_entry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.book)
        layout.addWidget(self.entries, 1)
        layout.addLayout(row)
        self.add_button.setFocus()
        self.reload()

    def reload(self) -> None:
        ledger = svc.partner_materials(self.ui.ctx, self.partner_id)
        self.items = list(ledger.book)
        if ledger.book:
            books = " · ".join(f"{name} <b>{qty}</b>" for name, qty in ledger.book.items())
            self.book.setText(self.tr("On the book: {items}").format(items=books))
        else:
            self.book.setText(self.tr("Nothing has been issued to this partner yet."))
        labels = kind_labels()
        self.entries.setRowCount(len(ledger.entries))
        for row, entry in enumerate(ledger.entries):
            quantity = QTableWidgetItem(str(entry.quantity))
            quantity.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, cell in enumerate((QTableWidgetItem(entry.entry_date.isoformat()), QTableWidgetItem(entry.item_name),
                                           QTableWidgetItem(labels.get(entry.kind, entry.kind)), quantity, QTableWidgetItem(entry.note))):
                self.entries.setItem(row, column, cell)

    def add_entry(self) -> None:
        dialog = MaterialEntryDialog(self.ui, self.partner_id, self.items, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
