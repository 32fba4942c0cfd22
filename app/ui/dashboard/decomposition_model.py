"""The target decomposition editor's table (目标分解): ``DecompositionModel`` holds a
region's plan for one metric and year split to months and to the region's active partners
(rows: partners then a total row; columns: partner, 12 months, total). Overriding a partner
cell re-balances the other partners of that month, overriding a month total re-balances
the other months, so every total stays exact (integer fen,
``app.domain.targets.decompose_grid``); overridden cells are highlighted.
``DecompositionTable`` releases the selected overrides on Delete. The dialog around them is
``app.ui.dashboard.decomposition``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView

from app.domain import formats as fmt
from app.domain import targets as rules
from app.domain.decomposition import DecompositionPlan
from app.errors import UserError

Index = QModelIndex | QPersistentModelIndex
OVERRIDE_BACKGROUND = QColor("#ffe08a")
TOTAL_BACKGROUND = QColor("#eef1f5")
MONTHS = 12


class DecompositionModel(QAbstractTableModel):
    """Rows: the region's partners, then a total row. Columns: partner, 12 months, total.
    Month cells are editable (unless locked); an edit becomes an override: of a partner's
    month in a partner row, of the region's month total in the total row."""

    problem = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: DecompositionPlan | None = None
        self.annual = 0
        self.overrides: dict[tuple[str, int], int] = {}
        self.month_overrides: dict[int, int] = {}
        self.grid: list[list[int]] = []
        self.months: list[int] = []
        self.locked = False
        self.months_locked = False
        self.month_basis = "current"
        self.partner_basis = "current"

    # -- state ----------------------------------------------------------------
    def set_plan(self, plan: DecompositionPlan, annual: int) -> None:
        self.beginResetModel()
        self.plan = plan
        self.month_basis = self.partner_basis = "current"
        self.locked = plan.locked
        self.months_locked = plan.locked or plan.months_locked
        self.annual = annual
        self.overrides = dict(plan.overrides)
        self.month_overrides = {} if plan.months_locked else dict(plan.month_overrides)
        try:
            self._compute(annual, self.overrides, self.month_overrides)
        except UserError:
            self.overrides, self.month_overrides = {}, {}
            self._compute(annual, {}, {})
        self.endResetModel()

    def _compute(
        self, annual: int, overrides: dict[tuple[str, int], int], month_overrides: dict[int, int]
    ) -> None:
        """Recompute months and grid (raises ``UserError`` and keeps the state when it does not fit)."""
        assert self.plan is not None
        months = self.plan.months(annual, month_overrides, self.month_basis)
        grid = self.plan.grid_for(months, self.plan.partner_weights(self.partner_basis), overrides)
        self.annual, self.overrides, self.month_overrides, self.months, self.grid = (
            annual,
            overrides,
            month_overrides,
            months,
            grid,
        )

    def set_annual(self, annual: int) -> bool:
        """Re-split for a new annual target, keeping the overrides when they still fit."""
        if self.plan is None:
            return False
        try:
            self._compute(annual, self.overrides, self.month_overrides)
        except UserError as exc:
            self.problem.emit(exc.message)
            return False
        self._all_changed()
        return True

    def set_override(self, code: str, month: int, value: int | None) -> bool:
        """Fix (or with ``None`` release) one partner-month cell and re-balance the month."""
        if self.plan is None:
            return False
        overrides = dict(self.overrides)
        if value is None:
            overrides.pop((code, month), None)
        else:
            overrides[(code, month)] = value
        try:
            self._compute(self.annual, overrides, self.month_overrides)
        except UserError as exc:
            self.problem.emit(exc.message)
            return False
        self._all_changed()
        return True

    def set_month_override(self, month: int, value: int | None) -> bool:
        """Fix (or with ``None`` release) the region's total of ``month`` and re-balance the
        other months; the partners of every month are split again."""
        if self.plan is None:
            return False
        month_overrides = dict(self.month_overrides)
        if value is None:
            month_overrides.pop(month, None)
        else:
            month_overrides[month] = value
        try:
            self._compute(self.annual, self.overrides, month_overrides)
        except UserError as exc:
            self.problem.emit(exc.message)
            return False
        self._all_changed()
        return True

    def set_bases(self, month_basis: str, partner_basis: str) -> bool:
        """Re-shape the months and/or the partner shares (overrides stay fixed)."""
        if self.plan is None:
            return False
        old = (self.month_basis, self.partner_basis)
        self.month_basis, self.partner_basis = month_basis, partner_basis
        try:
            self._compute(self.annual, self.overrides, self.month_overrides)
        except UserError as exc:
            self.month_basis, self.partner_basis = old
            self.problem.emit(exc.message)
            return False
        self._all_changed()
        return True

    def clear_overrides(self) -> None:
        if self.plan is not None and (self.overrides or self.month_overrides):
            self._compute(self.annual, {}, {})
            self._all_changed()

    def _all_changed(self) -> None:
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    # -- cell helpers -----------------------------------------------------------
    def partner_count(self) -> int:
        return len(self.plan.partners) if self.plan is not None else 0

    def cell(self, row: int, column: int) -> int:
        """The amount shown at (row, column) for month and total columns (smallest unit)."""
        n = self.partner_count()
        if row < n:
            return sum(self.grid[row]) if column == MONTHS + 1 else self.grid[row][column - 1]
        if column == MONTHS + 1:
            return sum(self.months)
        return self.months[column - 1]

    def is_overridden(self, row: int, column: int) -> bool:
        if self.plan is None or not 1 <= column <= MONTHS:
            return False
        if row == self.partner_count():
            return column in self.month_overrides
        return row < self.partner_count() and (self.plan.partners[row][0], column) in self.overrides

    def month_of(self, index: Index) -> int | None:
        """Month (1..12) of a cell in the total row, else None."""
        if (
            self.plan is None
            or not index.isValid()
            or index.row() != self.partner_count()
            or not 1 <= index.column() <= MONTHS
        ):
            return None
        return index.column()

    def key_of(self, index: Index) -> tuple[str, int] | None:
        """(partner code, month) of an editable month cell, else None."""
        if (
            self.plan is None
            or not index.isValid()
            or index.row() >= self.partner_count()
            or not 1 <= index.column() <= MONTHS
        ):
            return None
        return self.plan.partners[index.row()][0], index.column()

    # -- Qt model -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.plan is None else self.partner_count() + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else MONTHS + 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            self.plan is None
            or not index.isValid()
            or not (0 <= index.row() < self.rowCount() and 0 <= index.column() < self.columnCount())
        ):
            return None
        row, column = index.row(), index.column()
        is_total = row == self.partner_count() or column == MONTHS + 1
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                if row == self.partner_count():
                    return self.tr("Total")
                code, name, grade = self.plan.partners[row]
                return f"{code} {name} ({grade})"
            if role == Qt.ItemDataRole.EditRole:  # typed over as a plain number
                return rules.format_amount(self.cell(row, column), self.plan.decimals)
            value = self.cell(row, column)  # shown with thousands separators (the one formatter)
            return (
                fmt.money_fen(value, symbol=False)
                if self.plan.decimals == 2
                else fmt.number(value / 10**self.plan.decimals, self.plan.decimals)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if self.is_overridden(row, column):
                return QBrush(OVERRIDE_BACKGROUND)
            if is_total:
                return QBrush(TOTAL_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole and (
            self.is_overridden(row, column)
            or (row == self.partner_count() and column == MONTHS + 1)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.is_overridden(row, column):
            if row == self.partner_count():
                return self.tr(
                    "Month total set by hand; the other months share the rest of the year. Press Delete to release it."
                )
            return self.tr(
                "Set by hand; the other partners of this month share the rest. Press Delete to release it."
            )
        if role == Qt.ItemDataRole.UserRole and self.is_overridden(row, column):
            return True
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or self.plan is None
            or not self.flags(index) & Qt.ItemFlag.ItemIsEditable
        ):
            return False
        text = str(value).strip()
        amount: int | None = None
        if text:
            try:
                amount = rules.parse_amount(text, self.plan.decimals)
            except ValueError:
                self.problem.emit(
                    self.tr("Not a non-negative amount with at most {d} decimals: {value}").format(
                        d=self.plan.decimals, value=text
                    )
                )
                return False
        key = self.key_of(index)
        if key is not None:
            return self.set_override(*key, amount)
        month = self.month_of(index)
        return month is not None and self.set_month_override(month, amount)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if (self.key_of(index) is not None and not self.locked) or (
            self.month_of(index) is not None and not self.months_locked
        ):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Partner")
        if 1 <= section <= MONTHS:
            return self.tr("Month {month}").format(month=section)
        if section == MONTHS + 1:
            return self.tr("Total")
        return None


class DecompositionTable(QTableView):
    """The table; Delete or Backspace on selected cells (not while editing one) releases
    their overrides."""

    release = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.release.emit()
            event.accept()
            return
        super().keyPressEvent(event)
