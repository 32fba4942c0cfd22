"""The visit editor's promotion-materials part (宣传品, 账实相符): the partner's ledger items
with their book quantity, an editable "Counted" column and the difference. Entering a
count emits ``count_entered``; the editor saves it through the op runner. An item stays
uncounted until a number is typed: the count editor of an uncounted item opens empty, and
Enter on an empty editor moves on without recording anything (never "counted = book")."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.visits import MaterialLine, check_material_name

Index = QModelIndex | QPersistentModelIndex
ITEM, BOOK, COUNTED, DIFFERENCE = range(4)
MAX_COUNT = 100_000


class MaterialCountModel(QAbstractTableModel):
    """Rows are ``MaterialLine`` values; counts typed but not yet saved show at once."""

    count_entered = Signal(str, int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[MaterialLine] = []
        self.editable = False
        self.pending: dict[str, int] = {}
        self.headers = [self.tr("Item"), self.tr("Book"), self.tr("Counted"), self.tr("Difference")]

    def set_lines(self, lines: list[MaterialLine], editable: bool) -> None:
        self.beginResetModel()
        self.lines, self.editable = list(lines), editable
        self.endResetModel()

    def counted(self, row: int) -> int | None:
        line = self.lines[row]
        return self.pending.get(line.item_name, line.counted)

    def difference(self, row: int) -> int | None:
        counted = self.counted(row)
        return None if counted is None else counted - self.lines[row].book

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COUNTED and self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.lines)):
            return None
        row, column = index.row(), index.column()
        line = self.lines[row]
        counted, difference = self.counted(row), self.difference(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ITEM:
                return line.item_name
            if column == BOOK:
                return str(line.book)
            if column == COUNTED:
                return "—" if counted is None else str(counted)
            if difference is None:
                return ""
            return "✓ 0" if difference == 0 else f"{difference:+d}".replace("-", "−")
        if role == Qt.ItemDataRole.EditRole and column == COUNTED:
            return (
                counted  # None while uncounted: the editor opens empty, not with the book quantity
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column != ITEM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == DIFFERENCE
            and difference is not None
        ):
            return QColor("#1b7a2f") if difference == 0 else QColor("#b00020")
        if role == Qt.ItemDataRole.BackgroundRole and difference:
            return QColor("#fdecea")
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COUNTED and self.editable:
                return self.tr(
                    "Type the quantity found in the store and press Enter. "
                    "Enter without a number leaves the item uncounted."
                )
            if column == DIFFERENCE and difference:
                return self.tr("Counted {counted}, book {book}: recorded as a finding.").format(
                    counted=counted, book=line.book
                )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != COUNTED
            or not self.editable
        ):
            return False
        if value is None or (isinstance(value, str) and not value.strip()):
            return False  # nothing typed: the item keeps its count, or stays uncounted
        try:
            counted = int(value)
        except (TypeError, ValueError):
            return False
        if counted < 0:
            return False
        line = self.lines[index.row()]
        if counted == self.counted(index.row()):
            return True  # the same number again: nothing to save
        self.pending[line.item_name] = counted
        self.dataChanged.emit(self.index(index.row(), COUNTED), self.index(index.row(), DIFFERENCE))
        self.count_entered.emit(line.item_name, counted)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


# a whole number from 0 to MAX_COUNT without leading zeros, or nothing (not counted)
COUNT_PATTERN = rf"|0|[1-9]\d{{0,{len(str(MAX_COUNT)) - 2}}}|{MAX_COUNT}"


class CountDelegate(QStyledItemDelegate):
    """A line edit for the counted quantity that takes digits only (0..MAX_COUNT). It opens
    with the saved count, or empty for an uncounted item; left empty it saves nothing."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(COUNT_PATTERN), edit))
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        edit.setPlaceholderText(self.tr("not counted"))
        edit.setAccessibleName(self.tr("Counted quantity"))
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        if text:
            model.setData(index, int(text), Qt.ItemDataRole.EditRole)


class CountTable(QTableView):
    """Enter saves the typed count (if any) and moves down; Tab saves and opens the next count."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        if hint in (
            QAbstractItemDelegate.EndEditHint.SubmitModelCache,
            QAbstractItemDelegate.EndEditHint.EditNextItem,
        ):
            step = 1
        elif hint == QAbstractItemDelegate.EndEditHint.EditPreviousItem:
            step = -1
        else:
            return
        row = self.currentIndex().row() + step
        if 0 <= row < self.model().rowCount():
            target = self.model().index(row, COUNTED)
            self.setCurrentIndex(target)
            if hint != QAbstractItemDelegate.EndEditHint.SubmitModelCache:
                self.edit(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on a count cell starts editing it (typing a digit does too)."""
        index = self.currentIndex()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and index.isValid()
            and self.state() != QAbstractItemView.State.EditingState
            and index.flags() & Qt.ItemFlag.ItemIsEditable
        ):
            self.edit(index)
            return
        super().keyPressEvent(event)


class OtherItemDialog(QDialog):
    """Count an item found in the store that is not on the partner's ledger (book 0)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Count an item not on the ledger"))
        self.item = QLineEdit()
        self.counted = QSpinBox()
        self.counted.setRange(0, MAX_COUNT)
        self.counted.setValue(1)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Item"), self.item)
        form.addRow(self.tr("&Counted"), self.counted)
        form.addRow(self.error)
        form.addRow(buttons)
        self.setMinimumWidth(340)
        self.name = ""

    def save(self) -> None:
        try:
            self.name = check_material_name(self.item.text())
        except UserError as exc:
            self.error.setText(exc.message)
            self.item.setFocus()
            return
        self.accept()


class MaterialsPanel(QWidget):
    """Table of book vs counted quantities, or a hint when the ledger is empty."""

    count_entered = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MaterialCountModel(self)
        self.model.count_entered.connect(self.count_entered)
        self.table = CountTable()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COUNTED, CountDelegate(self.table))
        self.table.setAccessibleName(self.tr("Promotion materials: book and counted quantities"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(ITEM, QHeaderView.ResizeMode.Stretch)
        for column in (BOOK, COUNTED, DIFFERENCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(
            self.tr(
                "No promotion materials on this partner's ledger. Record issued items in the partner file "
                "(Partners → Materials…)."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color:#666;")
        self.other_button = QPushButton(self.tr("&Other item…"))
        self.other_button.setToolTip(
            self.tr("Count an item found in the store that is not on the partner's ledger")
        )
        self.other_button.clicked.connect(self.count_other_item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.other_button)
        layout.addLayout(row)
        self.visit_id: str | None = None
        self._deferred: tuple[list[MaterialLine], bool] | None = None
        self.table.itemDelegateForColumn(COUNTED).closeEditor.connect(
            lambda *_a: self._apply_deferred()
        )

    def set_lines(self, visit_id: str | None, lines: list[MaterialLine], editable: bool) -> None:
        """Show ``lines``; for the same visit the current cell and focus are kept, and a
        reload arriving while a count is being typed waits until the editor closes."""
        same = visit_id == self.visit_id and visit_id is not None
        if not same:
            self.model.pending.clear()
        if same and self.table.state() == QAbstractItemView.State.EditingState:
            self._deferred = (lines, editable)
            return
        self.visit_id = visit_id
        current = self.table.currentIndex()
        current_item = (
            self.model.lines[current.row()].item_name
            if same and current.isValid() and current.row() < len(self.model.lines)
            else None
        )
        self.model.set_lines(lines, editable)
        self.table.setVisible(bool(lines))
        self.empty.setVisible(visit_id is not None and not lines)
        self.other_button.setVisible(editable)
        names = [line.item_name for line in lines]
        row = names.index(current_item) if current_item in names else 0
        if lines:
            self.table.setCurrentIndex(self.model.index(row, COUNTED if editable else ITEM))

    def count_other_item(self) -> None:
        dialog = OtherItemDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.count_entered.emit(dialog.name, dialog.counted.value())

    def _apply_deferred(self) -> None:
        if self._deferred is not None:
            lines, editable = self._deferred
            self._deferred = None
            self.set_lines(self.visit_id, lines, editable)

    def saved(self, item_name: str) -> None:
        """The count for ``item_name`` was stored (or refused): show the stored value."""
        self.model.pending.pop(item_name, None)
