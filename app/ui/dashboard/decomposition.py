"""Target decomposition editor (目标分解): choose metric, year and region, enter the
region's annual target and override cells of the table (``decomposition_model``); months
and partner shares follow a chosen basis (as saved, seasonality / grade weights, last
year's actuals). The choices and each plan are read on a reader thread through
``OpRunner`` (the dialog says it is loading meanwhile and takes no typing the answer would
overwrite); Save writes the targets through ``decompose_region_target`` on the writer
thread. Targets published by HQ are read-only. HQ's console opens the same dialog over
HQ's database (``DecompositionSource``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
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
    QVBoxLayout,
    QWidget,
)

from app.domain import targets as rules
from app.domain.decomposition import DecompositionPlan
from app.domain.regions import regions
from app.domain.vocabulary import METRIC
from app.errors import UserError
from app.services import decomposition as decomposition_svc
from app.ui.dashboard.decomposition_model import (
    MONTHS,
    OVERRIDE_BACKGROUND,
    DecompositionModel,
    DecompositionTable,
)
from app.ui.widgets.region_picker import RegionPicker

__all__ = [
    "MONTHS",
    "OVERRIDE_BACKGROUND",
    "DecompositionDialog",
    "DecompositionModel",
    "DecompositionSource",
    "DecompositionTable",
    "laptop_source",
]


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
        self.metric_box = QComboBox()  # filled once the choices are read
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.region = RegionPicker()
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
        self.loading_key: tuple[str, int, str] | None = None  # the plan being read
        self.choices_read = False
        self._set_loading(True)
        self.ui.ops.run(
            read_choices,
            self.source,
            read_only=True,
            on_done=self._choices_read,
            on_error=self._choices_failed,
        )

    @property
    def ready(self) -> bool:
        """The choices are read and no plan is being read."""
        return self.choices_read and self.loading_key is None

    def _choices_read(self, choices: tuple[list[tuple[str, str]], list[str]]) -> None:
        if not shiboken6.isValid(self):
            return
        metrics, region_codes = choices
        self.metric_box.blockSignals(True)
        for code, name in metrics:
            self.metric_box.addItem(METRIC.label(code) if code in METRIC.entries else name, code)
        revenue = self.metric_box.findData("revenue")
        if revenue >= 0:
            self.metric_box.setCurrentIndex(revenue)
        self.metric_box.blockSignals(False)
        if not self.region.code():  # the territory first (on a laptop), then the regions in use
            self.region.blockSignals(True)
            self.region.set_code(region_codes[0] if region_codes else "")
            self.region.blockSignals(False)
        self.choices_read = True
        self.load()

    def _choices_failed(self, exc: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_loading(False)
        self._update_state()
        self._show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.error.setText(exc.message)
        else:
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))

    def _set_loading(self, loading: bool) -> None:
        """While a read runs the table and what the answer replaces take no input."""
        self.table.setEnabled(not loading)
        if loading:
            self.notice.setText(self.tr("Loading the targets…"))
            self.annual.setReadOnly(True)
            for widget in (
                self.buttons.button(QDialogButtonBox.StandardButton.Save),
                self.clear_one,
                self.clear_all,
                self.month_basis,
                self.partner_basis,
            ):
                widget.setEnabled(False)

    def chosen_key(self) -> tuple[str, int, str]:
        return self.metric_box.currentData() or "", self.year.value(), self.region.code()

    def load(self) -> None:
        """Read the plan of the chosen metric, year and region (what is saved so far) on a
        reader thread; the table shows it when it is still the one chosen."""
        if not self.choices_read:
            return  # loads once the choices are read
        key = self.chosen_key()
        if key == self.loading_key:
            return
        if key == self.loaded_key:
            if self.loading_key is not None:  # back to the plan shown: the read is moot
                self.loading_key = None
                self._set_loading(False)
                self._update_state()
            return
        self.error.clear()
        self.loading_key = key
        self._set_loading(True)
        self.ui.ops.run(
            self.source.plan,
            self.source.owner,
            *key,
            read_only=True,
            on_done=lambda plan, k=key: self._plan_read(k, plan),
            on_error=lambda exc, k=key: self._plan_failed(k, exc),
        )

    def _plan_failed(self, key: tuple[str, int, str], exc: BaseException) -> None:
        if not shiboken6.isValid(self) or key != self.loading_key:
            return
        self.loading_key = None
        self._set_loading(False)
        self.loaded_key = None
        self.model.beginResetModel()
        self.model.plan = None
        self.model.endResetModel()
        self._update_state()
        self._show_failure(exc)

    def _plan_read(self, key: tuple[str, int, str], plan: DecompositionPlan) -> None:
        if not shiboken6.isValid(self) or key != self.loading_key:
            return  # closed meanwhile, or another plan was chosen since
        self.loading_key = None
        self._set_loading(False)
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
        if plan is None or plan.locked or self.loading_key is not None:
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


def read_choices(source: DecompositionSource) -> tuple[list[tuple[str, str]], list[str]]:
    """The metrics and the regions (the territory first on a laptop) the dialog offers."""
    return source.metric_choices(source.owner), source.region_choices(source.owner)
