"""HQ console section Templates and rules: the checklist template versions (export,
import as the next version, edit as the next version in ``template_editor``) and the
rules HQ publishes with the next down-bundles (visit frequency per grade, channels per
week, photo evidence limits, complaint response and resolution hours)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocabulary import GRADE, template_label
from app.ui.hq.base import HqSection, fill, key_of, table


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

        self.ui.ops.run(import_template, self.ui.hq, path, on_done=self._imported, initiator=self)

    def _imported(self, made: Any) -> None:
        self.ui.show_message(
            self.tr(
                "Template {name} version {version} saved; laptops receive it with their next HQ bundle."
            ).format(**made.to_json()),
            "info",
        )

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
            on_done=lambda _r: self.ui.show_message(
                self.tr("Rules saved; laptops receive them with their next HQ bundle."), "info"
            ),
            initiator=self,
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
) -> Any:
    from app.hq.authoring import save_rules

    return save_rules(
        hq,
        grades,
        weekly,
        {
            "evidence_photo_hours": hours,
            "evidence_photo_metres": metres,
            "complaint_response_hours": response_hours,
            "complaint_resolution_hours": resolution_hours,
        },
    )
