"""The HQ console's Targets section: HQ's targets (imported from a spreadsheet or
decomposed region → quarter → month → partner in the laptop's own decomposition editor,
over HQ's database) published to every laptop, and beside them the targets managers
set on their laptops, as their bundles brought them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.domain import formats as fmt
from app.domain import targets as rules
from app.domain.reference import DEFAULT_METRICS
from app.domain.regions import regions
from app.domain.vocabulary import METRIC
from app.ui.dashboard.decomposition import DecompositionDialog, DecompositionSource
from app.ui.hq.admin import _ImportSection
from app.ui.hq.base import fill, table

UNITS = {code: unit for code, _name, unit in DEFAULT_METRICS}


def amount_text(metric: str, amount: int) -> str:
    """A target's amount as the laptop shows it (yuan for money, else its decimals)."""
    unit = UNITS.get(metric, "unit")
    if unit == "fen":
        return fmt.money_fen(amount)
    return rules.format_amount(amount, rules.decimals_of(unit))


def hq_source(hq: Any, note: str) -> DecompositionSource:
    """The decomposition editor over HQ's database (``app.hq.decomposition``)."""
    from app.hq import decomposition

    return DecompositionSource(
        hq,
        lambda _hq: decomposition.metric_choices(),
        decomposition.region_choices,
        decomposition.hq_decomposition_plan,
        decomposition.hq_decompose,
        saved_note=note,
    )


def _targets(hq: Any) -> dict[str, list[dict[str, Any]]]:
    from app.hq.company_targets import hq_targets, manager_targets

    return {"hq": hq_targets(hq), "managers": manager_targets(hq)}


class TargetsSection(_ImportSection):
    def __init__(self, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(
            ui, [self.tr("Metric"), self.tr("Period"), self.tr("Scope"), self.tr("Target")], parent
        )
        self.note.setText(
            self.tr(
                "The company's targets (columns metric, period, scope_kind, scope, amount), published to every laptop."
            )
        )
        self.decompose_button = QPushButton(self.tr("Decompose…"))
        self.decompose_button.clicked.connect(lambda _checked=False: self.decompose())
        self.layout().itemAt(0).layout().addWidget(self.decompose_button)  # beside Import…
        self.managers = table(
            [
                self.tr("Manager"),
                self.tr("Metric"),
                self.tr("Period"),
                self.tr("Scope"),
                self.tr("Target"),
                self.tr("Set by"),
            ],
            empty=self.tr("No manager has decomposed targets on a laptop yet."),
        )
        own = QGroupBox(self.tr("HQ's targets (published to the laptops)"))
        QVBoxLayout(own).addWidget(self.view)
        theirs = QGroupBox(self.tr("Targets managers set on their laptops"))
        QVBoxLayout(theirs).addWidget(self.managers)
        split = QSplitter()
        split.addWidget(own)
        split.addWidget(theirs)
        layout = self.layout()
        layout.removeWidget(self.view)
        layout.addWidget(split, 1)  # type: ignore[call-arg]
        self.dialog: DecompositionDialog | None = None

    def title(self) -> str:
        return self.tr("Targets")

    def importer(self) -> Any:
        from app.hq.company_targets import import_targets

        return import_targets

    def load(self) -> None:
        self.read(_targets, on_done=self._show)

    def _scope(self, row: dict[str, Any]) -> str:
        return regions().name(row["scope"]) if row["scope_kind"] == "region" else row["scope"]

    def _show(self, data: dict[str, list[dict[str, Any]]]) -> None:
        fill(
            self.view,
            [
                [
                    METRIC.label(r["metric"]),
                    r["period"],
                    self._scope(r),
                    amount_text(r["metric"], r["amount"]),
                ]
                for r in data["hq"]
            ],
        )
        how = {"local": self.tr("decomposed"), "import": self.tr("imported")}
        fill(
            self.managers,
            [
                [
                    r["user"] or r["device_id"],
                    METRIC.label(r["metric"]),
                    r["period"],
                    self._scope(r),
                    amount_text(r["metric"], r["amount"]),
                    how.get(r.get("source") or "", r.get("source") or ""),
                ]
                for r in data["managers"]
            ],
        )

    def decompose(self) -> DecompositionDialog:
        """Open the decomposition editor over HQ's targets."""
        source = hq_source(self.ui.hq, self.tr("Laptops receive them with their next HQ bundle."))
        self.dialog = DecompositionDialog(self.ui, self, source=source)
        self.dialog.show()
        return self.dialog
