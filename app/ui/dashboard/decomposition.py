"""Target decomposition editor (目标分解): a region's annual target for one metric and year
split to months and to the region's active partners (table partner × month with row,
column and grand totals). Overriding a partner cell re-balances the other partners of that
month, overriding a month total (the total row) re-balances the other months, so every
total stays exact (integer fen, ``app.domain.targets.decompose_grid``); overridden cells
are highlighted and can be released. Months and partner shares follow a chosen basis (as
saved, seasonality / grade weights, last year's actuals). Save writes the targets through
``decompose_region_target``. Targets published by HQ are read-only. HQ's console opens
the same dialog over HQ's database (``DecompositionSource``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import formats as fmt
from app.domain import targets as rules
from app.domain.decomposition import DecompositionPlan
from app.domain.regions import regions
from app.domain.vocabulary import METRIC
from app.errors import UserError
from app.services import decomposition as decomposition_svc
from app.ui.widgets.region_picker import RegionPicker

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


@dataclass(frozen=True)
class DecompositionSource:
    """Where a decomposition is read from and saved to: the laptop's database
    (``laptop_source``) or HQ's (``app.ui.hq.targets``). ``owner`` is the first argument
    of each call; ``save`` takes the keyword arguments of ``decompose_region_target``."""

    owner: Any
    metric_choices: Callable[[Any], list[tuple[str, str]]]
    region_choices: Callable[[Any], list[str]]
    plan: Callable[[Any, str, int, str], DecompositionPlan]
    save: Callable[..., Any]
    saved_note: str = ""  # said after "saved" (HQ: when the laptops receive them)


def laptop_source(ctx: Any) -> DecompositionSource:
    return DecompositionSource(
        ctx,
        decomposition_svc.metric_choices,
        decomposition_svc.region_choices,
        decomposition_svc.decomposition_plan,
        decomposition_svc.decompose_region_target,
    )


class DecompositionDialog(QDialog):
    """Choose metric, year and region; enter the annual target; override cells; Save."""

    saved = Signal()

    def __init__(
        self, ui: Any, parent: QWidget | None = None, source: DecompositionSource | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = ui
        self.source = source or laptop_source(ui.ctx)
        self.setWindowTitle(self.tr("Target decomposition"))
        self.resize(1180, 560)
        self.metric_box = QComboBox()
        for code, name in self.source.metric_choices(self.source.owner):
            self.metric_box.addItem(METRIC.label(code) if code in METRIC.entries else name, code)
        revenue = self.metric_box.findData("revenue")
        if revenue >= 0:
            self.metric_box.setCurrentIndex(revenue)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.region = RegionPicker()
        # the territory first (on a laptop), then the regions in use
        choices = self.source.region_choices(self.source.owner)
        self.region.set_code(choices[0] if choices else "")
        self.annual = QLineEdit()
        self.annual.setPlaceholderText(self.tr("annual target of the region"))
        self.annual.setMaximumWidth(180)
        self.month_basis = QComboBox()
        for text, basis in (
            (self.tr("as saved"), "current"),
            (self.tr("seasonality"), "seasonality"),
            (self.tr("last year's actuals"), "last_year"),
        ):
            self.month_basis.addItem(text, basis)
        self.partner_basis = QComboBox()
        for text, basis in (
            (self.tr("as saved"), "current"),
            (self.tr("grade weights"), "grade"),
            (self.tr("last year's share"), "last_year"),
        ):
            self.partner_basis.addItem(text, basis)
        top = QHBoxLayout()
        for text, widget in (
            (self.tr("Metric"), self.metric_box),
            (self.tr("Year"), self.year),
            (self.tr("Region"), self.region),
            (self.tr("Annual target"), self.annual),
            (self.tr("Months by"), self.month_basis),
            (self.tr("Partners by"), self.partner_basis),
        ):
            top.addWidget(QLabel(text))
            top.addWidget(widget)
        top.addStretch(1)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.model = DecompositionModel(self)
        self.table = DecompositionTable()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.clear_one = QPushButton(self.tr("Release selected overrides"))
        self.clear_all = QPushButton(self.tr("Release all overrides"))
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        tools = QHBoxLayout()
        legend = QLabel(
            self.tr(
                "Highlighted bold cells were set by hand; type an amount into a partner's month "
                "or a month total to set it, "
                "Delete releases it."
            )
        )
        legend.setWordWrap(True)
        tools.addWidget(legend, 1)
        tools.addWidget(self.clear_one)
        tools.addWidget(self.clear_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.model.problem.connect(self.error.setText)
        self.metric_box.currentIndexChanged.connect(lambda _i: self.load())
        self.year.valueChanged.connect(lambda _v: self.load())
        self.region.changed.connect(lambda _code: self.load())
        self.annual.editingFinished.connect(self.apply_annual)
        self.month_basis.activated.connect(lambda _i: self.apply_bases())
        self.partner_basis.activated.connect(lambda _i: self.apply_bases())
        self.clear_one.clicked.connect(lambda _checked=False: self.release_selected())
        self.clear_all.clicked.connect(lambda _checked=False: self.model.clear_overrides())
        self.table.release.connect(self.release_selected)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.loaded_key: tuple[str, int, str] | None = None
        self.load()

    def load(self) -> None:
        """Read the plan of the chosen metric, year and region (what is saved so far)."""
        key = (self.metric_box.currentData() or "", self.year.value(), self.region.code())
        if key == self.loaded_key:
            return
        self.error.clear()
        try:
            plan = self.source.plan(self.source.owner, *key)
        except UserError as exc:
            self.error.setText(exc.message)
            self.loaded_key = None
            self.model.beginResetModel()
            self.model.plan = None
            self.model.endResetModel()
            self._update_state()
            return
        self.loaded_key = key
        annual = plan.annual if plan.annual is not None else sum(plan.month_totals or [])
        self.model.set_plan(plan, annual)
        self._offer_bases(plan)
        self.annual.setText(rules.format_amount(annual, plan.decimals))
        self.table.resizeColumnsToContents()
        self._update_state()

    def _offer_bases(self, plan: DecompositionPlan) -> None:
        """Enable only the bases there is something for; start from what is saved."""
        available = {
            (self.month_basis, "current"): plan.month_totals is not None and any(plan.month_totals),
            (self.month_basis, "seasonality"): not plan.months_locked,
            (self.month_basis, "last_year"): not plan.months_locked and any(plan.last_year_months),
            (self.partner_basis, "current"): plan.current is not None,
            (self.partner_basis, "grade"): True,
            (self.partner_basis, "last_year"): any(plan.last_year_partners),
        }
        for (combo, basis), enabled in available.items():
            item = combo.model().item(combo.findData(basis))  # type: ignore[attr-defined]
            item.setEnabled(enabled)
        self.month_basis.setCurrentIndex(
            self.month_basis.findData(
                "current" if available[(self.month_basis, "current")] else "seasonality"
            )
        )
        self.partner_basis.setCurrentIndex(
            self.partner_basis.findData("current" if plan.current is not None else "grade")
        )
        self.model.set_bases(self.month_basis.currentData(), self.partner_basis.currentData())

    def apply_bases(self) -> None:
        if self.model.plan is None:
            return
        if self.model.set_bases(self.month_basis.currentData(), self.partner_basis.currentData()):
            self.error.clear()
        else:
            self.month_basis.setCurrentIndex(self.month_basis.findData(self.model.month_basis))
            self.partner_basis.setCurrentIndex(
                self.partner_basis.findData(self.model.partner_basis)
            )

    def _update_state(self) -> None:
        plan = self.model.plan
        locked = plan is None or plan.locked
        self.annual.setReadOnly(locked or bool(plan and (plan.annual_locked or plan.months_locked)))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not locked)
        self.clear_one.setEnabled(not locked)
        self.clear_all.setEnabled(not locked)
        self.month_basis.setEnabled(not locked and not (plan is not None and plan.months_locked))
        self.partner_basis.setEnabled(not locked)
        if plan is None:
            self.notice.setText("")
        elif plan.locked:
            self.notice.setText(self.tr("HQ published these targets; they are shown read-only."))
        elif plan.months_locked:
            self.notice.setText(
                self.tr("HQ set the region's months; you can distribute them to the partners.")
            )
        elif plan.annual_locked:
            self.notice.setText(
                self.tr("The annual target comes from HQ; you can distribute it to the partners.")
            )
        elif not plan.partners:
            self.notice.setText(
                self.tr(
                    "Region {region} has no active partners; only the region's targets are saved."
                ).format(region=regions().name(plan.region))
            )
        else:
            self.notice.setText(
                self.tr(
                    "{count} active partners. Grade weights: A 4, B 3, C 2, D 1; last year means {year}'s actuals."
                ).format(count=len(plan.partners), year=plan.year - 1)
            )

    def apply_annual(self) -> None:
        plan = self.model.plan
        if plan is None or self.annual.isReadOnly():
            return
        try:
            annual = rules.parse_amount(self.annual.text(), plan.decimals)
        except ValueError:
            self.error.setText(
                self.tr(
                    "The annual target must be a non-negative amount with at most {d} decimals."
                ).format(d=plan.decimals)
            )
            return
        if annual != self.model.annual and self.model.set_annual(annual):
            self.error.clear()
        self.annual.setText(rules.format_amount(self.model.annual, plan.decimals))

    def release_selected(self) -> None:
        for index in self.table.selectionModel().selectedIndexes():
            key, month = self.model.key_of(index), self.model.month_of(index)
            if key is not None and key in self.model.overrides:
                self.model.set_override(*key, None)
            elif (
                month is not None
                and month in self.model.month_overrides
                and not self.model.months_locked
            ):
                self.model.set_month_override(month, None)

    def save(self) -> None:
        plan = self.model.plan
        if plan is None or plan.locked:
            return
        self.apply_annual()
        self.error.clear()
        self.buttons.setEnabled(False)
        self.ui.ops.run(
            self.source.save,
            self.source.owner,
            plan.metric,
            plan.year,
            plan.region,
            self.model.annual,
            month_overrides=dict(self.model.month_overrides) or None,
            cell_overrides=dict(self.model.overrides),
            month_basis=self.model.month_basis,
            partner_basis=self.model.partner_basis,
            on_done=self._saved,
            on_error=self._failed,
        )

    def _saved(self, _changes: Any) -> None:
        self.buttons.setEnabled(True)
        self.ui.show_message(
            " ".join(
                filter(
                    None,
                    [
                        self.tr("Targets of {region} for {year} saved.").format(
                            region=regions().name(self.model.plan.region)
                            if self.model.plan
                            else "",
                            year=self.year.value(),
                        ),
                        self.source.saved_note,
                    ],
                )
            ),
            "info",
        )
        self.saved.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, UserError):
            self.error.setText("\n".join([exc.message, *exc.details]))
        else:
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))
