"""The partner's promotion-material ledger (宣传品台账): book quantity per item, the list
of issued / installed / returned entries, a dialog to record a new entry, and correcting
or voiding an entry made in error (with a reason; the original stays in the history and
is shown struck out with "Show voided entries")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import materials as svc
from app.services import partner_read
from app.ui.dialog_ops import save_through_ops
from app.ui.partners.dialogs import add_error_and_buttons, error_label
from app.ui.widgets.dates import date_edit


def kind_labels() -> dict[str, str]:
    """Translated names of the ledger entry kinds (the stored words stay English)."""
    from PySide6.QtCore import QCoreApplication

    return {
        "issued": QCoreApplication.translate("MaterialLedger", "Issued"),
        "installed": QCoreApplication.translate("MaterialLedger", "Installed"),
        "returned": QCoreApplication.translate("MaterialLedger", "Returned"),
    }


def entry_summary(entry: svc.LedgerEntry) -> str:
    """One line naming a ledger entry: date, item, kind and quantity."""
    kind = kind_labels().get(entry.kind, entry.kind)
    return f"{entry.entry_date.isoformat()} · {entry.item_name} · {kind} · {entry.quantity}"


class MaterialEntryDialog(QDialog):
    """Record one ledger entry: item, issued/installed/returned, quantity, date, note. Given
    ``entry``, correct that entry instead: the form starts with its values and asks for the
    reason; saving voids the original and records the corrected entry."""

    def __init__(
        self,
        ui: Any,
        partner_id: str,
        known_items: list[str],
        parent: QWidget | None = None,
        entry: svc.LedgerEntry | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui, self.partner_id, self.entry = ui, partner_id, entry
        self.setWindowTitle(
            self.tr("Add ledger entry") if entry is None else self.tr("Correct ledger entry")
        )
        self.item = QComboBox()
        self.item.setEditable(True)
        self.item.addItems(known_items)
        self.item.setCurrentIndex(-1)
        self.item.lineEdit().setPlaceholderText(
            self.tr("e.g. poster, table card, shop-sign light box")
        )
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.kind = QComboBox()
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, svc.MAX_QUANTITY)
        self.when = date_edit(QDate.currentDate())
        self.when.setCalendarPopup(True)
        self.when.setMaximumDate(QDate.currentDate())
        self.when.setDisplayFormat("yyyy-MM-dd")
        self.note = QLineEdit()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the entry was wrong (required)"))
        self.reason.setMaxLength(svc.REASON_MAX)
        self.error = error_label()
        form = QFormLayout(self)
        if entry is not None:
            original = QLabel(self.tr("Recorded: {entry}").format(entry=entry_summary(entry)))
            original.setStyleSheet("color:#666;")
            form.addRow(original)
        form.addRow(self.tr("&Item"), self.item)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Quantity"), self.quantity)
        form.addRow(self.tr("&Date"), self.when)
        form.addRow(self.tr("&Note"), self.note)
        if entry is not None:
            form.addRow(self.tr("&Reason"), self.reason)
            self.item.setEditText(entry.item_name)
            self.kind.setCurrentIndex(max(self.kind.findData(entry.kind), 0))
            self.quantity.setValue(entry.quantity)
            self.when.setDate(
                QDate(entry.entry_date.year, entry.entry_date.month, entry.entry_date.day)
            )
            self.note.setText(entry.note)
        else:
            self.reason.hide()
        add_error_and_buttons(self, form)
        self.setMinimumWidth(420 if entry is not None else 380)

    def save(self) -> None:
        d = self.when.date()
        day = dt.date(d.year(), d.month(), d.day())

        def failed(_exc: UserError) -> None:
            self.adjustSize()  # room for a message over two lines
            (
                self.reason
                if self.entry is not None and not self.reason.text().strip()
                else self.item
            ).setFocus()

        if self.entry is None:
            save_through_ops(
                self.ui,
                self,
                self.error,
                svc.record_material_entry,
                self.ui.ctx,
                self.partner_id,
                self.item.currentText(),
                self.kind.currentData(),
                self.quantity.value(),
                day,
                self.note.text(),
                on_failed=failed,
            )
        else:
            save_through_ops(
                self.ui,
                self,
                self.error,
                svc.correct_material_entry,
                self.ui.ctx,
                self.entry.id,
                self.item.currentText(),
                self.kind.currentData(),
                self.quantity.value(),
                day,
                self.note.text(),
                self.reason.text(),
                on_failed=failed,
            )


class VoidEntryDialog(QDialog):
    """Void a ledger entry recorded in error: shows the entry and asks for the reason."""

    def __init__(self, ui: Any, entry: svc.LedgerEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.entry = ui, entry
        self.setWindowTitle(self.tr("Void ledger entry"))
        summary = QLabel(entry_summary(entry))
        summary.setStyleSheet("font-weight:bold;")
        explain = QLabel(
            self.tr(
                "The entry stays in the ledger's history, struck out with the reason, and no longer counts "
                "in the book. To fix a wrong quantity, item or date use Correct… instead."
            )
        )
        explain.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. entered twice, never delivered"))
        self.reason.setMaxLength(svc.REASON_MAX)
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.void_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.void_button.setText(self.tr("&Void entry"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(summary)
        form.addRow(explain)
        form.addRow(self.tr("&Reason"), self.reason)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(420)
        self.reason.setFocus()

    def save(self) -> None:
        def failed(_exc: UserError) -> None:
            self.adjustSize()
            self.reason.setFocus()

        save_through_ops(
            self.ui,
            self,
            self.error,
            svc.void_material_entry,
            self.ui.ctx,
            self.entry.id,
            self.reason.text(),
            on_failed=failed,
        )


class MaterialLedgerDialog(QDialog):
    """Book quantity per item and every ledger entry of one partner, newest first; an
    entry is corrected or voided from the buttons, the context menu, a double-click
    (correct) or Delete (void); each change emits ``ui.changed`` so the partner card and
    an open visit's book quantities refresh."""

    def __init__(self, ui: Any, partner_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui, self.partner_id = ui, partner_id
        self.setWindowTitle(self.tr("Promotion materials"))  # the partner's name once read
        self.resize(620, 460)
        self.book = QLabel()
        self.book.setWordWrap(True)
        self.book.setTextFormat(Qt.TextFormat.RichText)
        self.entries = QTableWidget(0, 5)
        self.entries.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Item"),
                self.tr("Kind"),
                self.tr("Quantity"),
                self.tr("Note"),
            ]
        )
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
        self.correct_action = QAction(self.tr("&Correct…"), self)
        self.correct_action.setToolTip(
            self.tr(
                "Correct the selected entry: it is voided with your reason and the corrected entry recorded"
            )
        )
        self.correct_action.triggered.connect(self.correct_entry)
        self.void_action = QAction(self.tr("&Void…"), self)
        self.void_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.void_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.void_action.setToolTip(
            self.tr("Void the selected entry (kept in the history with your reason)")
        )
        self.void_action.triggered.connect(self.void_entry)
        self.entries.installEventFilter(self)  # Delete on the table voids (see eventFilter)
        self.menu = QMenu(self)
        self.menu.addAction(self.correct_action)
        self.menu.addAction(self.void_action)
        self.entries.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.entries.customContextMenuRequested.connect(self.show_menu)
        self.entries.itemSelectionChanged.connect(self.update_actions)
        self.entries.itemDoubleClicked.connect(lambda _item: self.correct_entry())
        self.correct_button = QPushButton(self.correct_action.text())
        self.correct_button.setToolTip(self.correct_action.toolTip())
        self.correct_button.clicked.connect(self.correct_action.trigger)
        self.void_button = QPushButton(self.void_action.text())
        self.void_button.setToolTip(self.void_action.toolTip())
        self.void_button.clicked.connect(self.void_action.trigger)
        self.show_voided = QCheckBox(self.tr("Show v&oided entries"))
        self.show_voided.toggled.connect(lambda _on: self.reload())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.correct_button)
        row.addWidget(self.void_button)
        row.addSpacing(12)
        row.addWidget(self.show_voided)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.book)
        layout.addWidget(self.entries, 1)
        layout.addLayout(row)
        self.shown: list[svc.LedgerEntry] = []
        self.items: list[str] = []
        self.partner_name: str | None = None
        self._reading = 0  # the newest read asked for; older answers are dropped
        self.loaded = False
        self.book.setText(self.tr("Loading the ledger…"))
        self.update_actions()
        self.add_button.setFocus()
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.entries
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.void_action.trigger()
            return True
        return super().eventFilter(watched, event)

    def selected_entry(self) -> svc.LedgerEntry | None:
        rows = {index.row() for index in self.entries.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.shown[row] if row < len(self.shown) else None

    def update_actions(self) -> None:
        entry = self.selected_entry()
        live = entry is not None and not entry.voided
        for widget in (
            self.correct_action,
            self.void_action,
            self.correct_button,
            self.void_button,
        ):
            widget.setEnabled(live)

    def show_menu(self, pos: QPoint) -> None:
        item = self.entries.itemAt(pos)
        if item is None:
            return
        self.entries.selectRow(item.row())
        self.menu.popup(self.entries.viewport().mapToGlobal(pos))

    def correct_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.voided:
            return
        dialog = MaterialEntryDialog(self.ui, self.partner_id, self.items, self, entry=entry)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def void_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.voided:
            return
        if VoidEntryDialog(self.ui, entry, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def reload(self) -> None:
        """Read the ledger on a reader thread (the rows shown stay until it arrives)."""
        self._reading += 1
        reading = self._reading
        self.ui.ops.run(
            ledger_data,
            self.ui.ctx,
            self.partner_id,
            self.show_voided.isChecked(),
            self.partner_name is None,
            read_only=True,
            on_done=lambda data: self._read(reading, data),
            on_error=lambda exc: self._failed(reading, exc),
        )

    def _failed(self, reading: int, exc: BaseException) -> None:
        if not shiboken6.isValid(self) or reading != self._reading:
            return
        if isinstance(exc, UserError):
            self.book.setText(exc.message)
        else:
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

    def _read(self, reading: int, data: LedgerData) -> None:
        if not shiboken6.isValid(self) or reading != self._reading:
            return  # closed meanwhile, or a newer read is on its way
        if data.partner_name is not None:
            self.partner_name = data.partner_name
            self.setWindowTitle(
                self.tr("Promotion materials of {name}").format(name=data.partner_name)
            )
        self.show_ledger(data.ledger)
        self.loaded = True

    def show_ledger(self, ledger: svc.PartnerMaterials) -> None:
        """Fill the book line and the table, keeping the selected entry selected."""
        selected = self.selected_entry() if self.shown else None
        self.shown = list(ledger.entries)
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
            note = entry.note
            if entry.voided:
                status = (
                    self.tr("Corrected: {reason}")
                    if entry.corrected
                    else self.tr("Voided: {reason}")
                ).format(reason=entry.reason or "—")
                note = f"{status} · {entry.note}" if entry.note else status
            cells = (
                QTableWidgetItem(entry.entry_date.isoformat()),
                QTableWidgetItem(entry.item_name),
                QTableWidgetItem(labels.get(entry.kind, entry.kind)),
                quantity,
                QTableWidgetItem(note),
            )
            for column, cell in enumerate(cells):
                if entry.voided:
                    font = cell.font()
                    font.setStrikeOut(column != 4)
                    cell.setFont(font)
                    cell.setForeground(QBrush(QColor("#888")))
                    cell.setToolTip(
                        self.tr("Not counted in the book. {status}").format(status=note)
                    )
                self.entries.setItem(row, column, cell)
        if selected is not None:
            ids = [e.id for e in self.shown]
            if selected.id in ids:
                self.entries.selectRow(ids.index(selected.id))
        self.update_actions()

    def add_entry(self) -> None:
        dialog = MaterialEntryDialog(self.ui, self.partner_id, self.items, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()


@dataclass(frozen=True)
class LedgerData:
    """What the ledger dialog shows, read off the UI thread: the partner's name (when asked
    for) and the ledger."""

    partner_name: str | None
    ledger: svc.PartnerMaterials


def ledger_data(ctx: Any, partner_id: str, include_voided: bool, with_name: bool) -> LedgerData:
    """The ledger dialog's queries: the partner's ledger and, with ``with_name``, its name."""
    name = partner_read.partner_detail(ctx, partner_id).partner.name if with_name else None
    return LedgerData(name, svc.partner_materials(ctx, partner_id, include_voided=include_voided))
