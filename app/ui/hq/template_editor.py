"""HQ's checklist template editor: a copy of a published version is edited (sections and
items: label, kind, weight, required, fail if, min / max, options), checked as it
changes by the rules the laptops run it by (``validate_template``, translated), and
previewed with the laptop's own checklist form; Publish saves it as the next version of
the name (a published version never changes, and visits keep the version they were made
with)."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import checklist as cl
from app.domain.visit_detail import checklist_items
from app.domain.vocabulary import ANSWER, CHECKLIST_KIND, template_label
from app.ui.visits.checklist_form import fill_form

Path = tuple[int, ...]  # (section,) or (section, item)


def _number_or_text(text: str) -> int | float | str | None:
    """A bound as typed: empty is none, a number is a number, anything else stays text
    (the check then names it)."""
    text = text.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


# the keys that mean something for an item of each kind (others are left while editing,
# so switching a kind back and forth loses nothing, and dropped on publishing)
KIND_KEYS = {
    "fail_if": ("yesno",),
    "options": ("choice",),
    "min": ("number",),
    "max": ("number", "score"),
}


def published_body(body: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``body`` without the keys its items' kinds do not use."""
    clean = copy.deepcopy(body)
    for section in clean.get("sections", []):
        for item in section.get("items", []):
            for key, kinds in KIND_KEYS.items():
                if item.get("kind") not in kinds:
                    item.pop(key, None)
    return clean


class TemplateEditor(QDialog):
    """Edit ``template`` (a row of ``template_versions``) and publish it as a new version."""

    published = Signal(dict)  # name and version

    def __init__(self, ui: Any, template: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.body: dict[str, Any] = copy.deepcopy(template["body"])
        self.body.setdefault("sections", [])
        self.source_version = int(template["version"])
        self._filling = False
        self.setWindowTitle(
            self.tr("Edit {template} as a new version").format(
                template=template_label(template["name"], template.get("title", ""))
            )
        )
        self.resize(1240, 720)
        self.title = QLineEdit(str(self.body.get("title") or ""))
        self.title.textEdited.connect(self._title_edited)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Checklist")])
        self.tree.currentItemChanged.connect(lambda _c, _p: self._show_selected())
        buttons = QHBoxLayout()
        self.add_section_button = QPushButton(self.tr("Add section"))
        self.add_section_button.clicked.connect(lambda _c=False: self.add_section())
        self.add_item_button = QPushButton(self.tr("Add item"))
        self.add_item_button.clicked.connect(lambda _c=False: self.add_item())
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda _c=False: self.remove_selected())
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(lambda _c=False: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(lambda _c=False: self.move_selected(1))
        for button in (
            self.add_section_button,
            self.add_item_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(buttons)
        # the properties of the selected section or item
        # (keys are not shown: an existing one is kept, so a section or item stays itself
        # across versions; a new one gets a fresh key)
        self.section_title = QLineEdit()
        section_page = QWidget()
        section_form = QFormLayout(section_page)
        section_form.addRow(self.tr("Section title"), self.section_title)
        self.item_label = QLineEdit()
        self.kind = QComboBox()
        for kind in cl.KINDS:
            self.kind.addItem(CHECKLIST_KIND.label(kind), kind)
        self.required = QCheckBox(self.tr("An answer is required"))
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0, 100)
        self.weight.setDecimals(1)
        self.fail_if = QComboBox()
        self.fail_if.addItem(self.tr("never"), None)
        for value in ("no", "yes"):
            self.fail_if.addItem(ANSWER.label(value), value)
        self.minimum = QLineEdit()
        self.maximum = QLineEdit()
        for line in (self.minimum, self.maximum):
            line.setPlaceholderText(self.tr("none"))
        self.options = QLineEdit()
        self.options.setPlaceholderText(self.tr("options separated by commas"))
        item_page = QWidget()
        item_form = QFormLayout(item_page)
        item_form.addRow(self.tr("Label"), self.item_label)
        item_form.addRow(self.tr("Kind"), self.kind)
        item_form.addRow("", self.required)
        item_form.addRow(self.tr("Weight"), self.weight)
        item_form.addRow(self.tr("A finding when the answer is"), self.fail_if)
        item_form.addRow(self.tr("Minimum"), self.minimum)
        item_form.addRow(self.tr("Maximum"), self.maximum)
        item_form.addRow(self.tr("Options"), self.options)
        self.pages = QStackedWidget()
        self.pages.addWidget(QLabel(self.tr("Select a section or an item.")))
        self.pages.addWidget(section_page)
        self.pages.addWidget(item_page)
        self.section_title.textEdited.connect(lambda t: self._set_section("title", t))
        self.item_label.textEdited.connect(lambda t: self._set_item("label", t))
        self.kind.activated.connect(lambda _i: self._set_item("kind", self.kind.currentData()))
        self.required.toggled.connect(lambda on: self._set_item("required", bool(on)))
        self.weight.valueChanged.connect(
            lambda v: self._set_item("weight", int(v) if float(v).is_integer() else v)
        )
        self.fail_if.activated.connect(
            lambda _i: self._set_item("fail_if", self.fail_if.currentData())
        )
        self.minimum.textEdited.connect(lambda t: self._set_item("min", _number_or_text(t)))
        self.maximum.textEdited.connect(lambda t: self._set_item("max", _number_or_text(t)))
        self.options.textEdited.connect(
            lambda t: self._set_item(
                "options", [o.strip() for o in t.replace("，", ",").split(",") if o.strip()] or None
            )
        )
        properties = QGroupBox(self.tr("Properties"))
        QVBoxLayout(properties).addWidget(self.pages)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        title_row = QFormLayout()
        title_row.addRow(self.tr("Title"), self.title)
        middle_layout.addLayout(title_row)
        middle_layout.addWidget(properties, 1)
        # the form as the laptop will show it
        self.preview_host = QWidget()
        self.preview = QFormLayout(self.preview_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.preview_host)
        preview_box = QGroupBox(self.tr("Preview: the form as the laptops show it"))
        QVBoxLayout(preview_box).addWidget(scroll)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(preview_box)
        split.setSizes([320, 420, 500])
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color:#b00020;")
        self.publish_button = QPushButton(self.tr("Publish as a new version"))
        self.publish_button.clicked.connect(lambda _c=False: self.publish())
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems, 1)
        bottom.addWidget(self.publish_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        self.next_version: int | None = None
        self._rebuild_tree((0,) if self.body["sections"] else None)
        self._ui_next_version()

    # -- the body ------------------------------------------------------------------
    def sections(self) -> list[dict[str, Any]]:
        return self.body["sections"]  # type: ignore[no-any-return]

    def selected(self) -> Path | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None

    def _entry(self, path: Path) -> dict[str, Any]:
        section = self.sections()[path[0]]
        return section if len(path) == 1 else section["items"][path[1]]  # type: ignore[no-any-return]

    def _unique(self, prefix: str) -> str:
        used = {s.get("key") for s in self.sections()} | {
            i.get("key") for s in self.sections() for i in s.get("items", [])
        }
        n = 1
        while f"{prefix}{n}" in used:
            n += 1
        return f"{prefix}{n}"

    def add_section(self) -> None:
        self.sections().append(
            {"key": self._unique("section_"), "title": self.tr("New section"), "items": []}
        )
        self._rebuild_tree((len(self.sections()) - 1,))

    def add_item(self) -> None:
        path = self.selected()
        if path is None:
            if not self.sections():
                self.add_section()
            path = (len(self.sections()) - 1,)
        items = self.sections()[path[0]].setdefault("items", [])
        at = path[1] + 1 if len(path) == 2 else len(items)
        items.insert(
            at,
            {
                "key": self._unique("item_"),
                "label": self.tr("New item"),
                "kind": "yesno",
                "required": True,
                "weight": 1,
                "fail_if": "no",
            },
        )
        self._rebuild_tree((path[0], at))

    def remove_selected(self) -> None:
        path = self.selected()
        if path is None:
            return
        if len(path) == 1:
            del self.sections()[path[0]]
            left = len(self.sections())
            self._rebuild_tree((min(path[0], left - 1),) if left else None)
        else:
            items = self.sections()[path[0]]["items"]
            del items[path[1]]
            self._rebuild_tree((path[0], min(path[1], len(items) - 1)) if items else (path[0],))

    def move_selected(self, step: int) -> None:
        path = self.selected()
        if path is None:
            return
        siblings = self.sections() if len(path) == 1 else self.sections()[path[0]]["items"]
        here, there = path[-1], path[-1] + step
        if not 0 <= there < len(siblings):
            return
        siblings[here], siblings[there] = siblings[there], siblings[here]
        self._rebuild_tree((*path[:-1], there))

    def _title_edited(self, text: str) -> None:
        self.body["title"] = text
        self._refresh()

    def _set_section(self, key: str, value: Any) -> None:
        path = self.selected()
        if self._filling or path is None or len(path) != 1:
            return
        self._entry(path)[key] = value
        self._relabel(path)

    def _set_item(self, key: str, value: Any) -> None:
        path = self.selected()
        if self._filling or path is None or len(path) != 2:
            return
        entry = self._entry(path)
        if value is None:
            entry.pop(key, None)
        else:
            entry[key] = value
        if key == "kind":
            self._enable_item_fields(str(value))
        self._relabel(path)

    # -- the views -----------------------------------------------------------------
    def _label(self, path: Path) -> str:
        entry = self._entry(path)
        if len(path) == 1:
            return str(entry.get("title") or entry.get("key") or "—")
        kind = entry.get("kind")
        kind_text = CHECKLIST_KIND.label(kind) if kind in cl.KINDS else str(kind)
        return f"{entry.get('label') or entry.get('key') or '—'} ({kind_text})"

    def _relabel(self, path: Path) -> None:
        item = self.tree.currentItem()
        if item is not None:
            item.setText(0, self._label(path))
        self._refresh()

    def _rebuild_tree(self, select: Path | None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        chosen = None
        for s_index, section in enumerate(self.sections()):
            top = QTreeWidgetItem([self._label((s_index,))])
            top.setData(0, Qt.ItemDataRole.UserRole, (s_index,))
            self.tree.addTopLevelItem(top)
            if select == (s_index,):
                chosen = top
            for i_index, _item in enumerate(section.get("items", [])):
                child = QTreeWidgetItem([self._label((s_index, i_index))])
                child.setData(0, Qt.ItemDataRole.UserRole, (s_index, i_index))
                top.addChild(child)
                if select == (s_index, i_index):
                    chosen = child
        self.tree.expandAll()
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        self._show_selected()

    def _enable_item_fields(self, kind: str) -> None:
        self.fail_if.setEnabled(kind == "yesno")
        self.minimum.setEnabled(kind == "number")
        self.maximum.setEnabled(kind in ("number", "score"))
        self.options.setEnabled(kind == "choice")

    def _show_selected(self) -> None:
        path = self.selected()
        self._filling = True
        try:
            if path is None:
                self.pages.setCurrentIndex(0)
            elif len(path) == 1:
                entry = self._entry(path)
                self.section_title.setText(str(entry.get("title") or ""))
                self.pages.setCurrentIndex(1)
            else:
                entry = self._entry(path)
                self.item_label.setText(str(entry.get("label") or ""))
                self.kind.setCurrentIndex(max(self.kind.findData(entry.get("kind")), 0))
                self.required.setChecked(bool(entry.get("required")))
                weight = entry.get("weight", 1)
                self.weight.setValue(float(weight) if isinstance(weight, int | float) else 0)
                self.fail_if.setCurrentIndex(max(self.fail_if.findData(entry.get("fail_if")), 0))
                for line, key in ((self.minimum, "min"), (self.maximum, "max")):
                    value = entry.get(key)
                    line.setText("" if value is None else str(value))
                options = entry.get("options")
                self.options.setText(
                    ", ".join(str(o) for o in options) if isinstance(options, list) else ""
                )
                self._enable_item_fields(str(entry.get("kind")))
                self.pages.setCurrentIndex(2)
        finally:
            self._filling = False
        has = path is not None
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has)
        self.down_button.setEnabled(has)
        self._refresh()

    def problem_list(self) -> list[str]:
        return cl.validate_template(self.body)

    def _refresh(self) -> None:
        """The problems and the preview of the body as it stands."""
        problems = self.problem_list()
        self.problems.setText("\n".join(problems[:6]) + ("\n…" if len(problems) > 6 else ""))
        self.publish_button.setEnabled(not problems and self.next_version is not None)
        if problems:
            return  # the preview keeps the last form that could be shown
        fill_form(
            self.preview,
            checklist_items(self.body, {}),
            True,
            lambda _key, _value: None,
            lambda _key: None,
        )

    def _ui_next_version(self) -> None:
        from app.hq.authoring import template_versions

        name = str(self.body.get("name") or "")
        self.ui.ops.run(
            lambda hq: (
                max((t["version"] for t in template_versions(hq) if t["name"] == name), default=0)
                + 1
            ),
            self.ui.hq,
            read_only=True,
            on_done=self._know_next,
        )

    def _know_next(self, version: int) -> None:
        self.next_version = version
        self.publish_button.setText(self.tr("Publish as version {n}").format(n=version))
        self._refresh()

    def publish(self) -> None:
        from app.hq.authoring import save_template_version

        if self.problem_list():
            return
        self.publish_button.setEnabled(False)
        self.ui.ops.run(
            save_template_version,
            self.ui.hq,
            published_body(self.body),
            on_done=self._published,
            initiator=self,
            on_error=self._failed,
        )

    def _published(self, saved: Any) -> None:
        made = saved.to_json()
        self.ui.show_message(
            self.tr(
                "Template {name} version {version} published; laptops receive it with their "
                "next HQ bundle, visits already made keep their version."
            ).format(
                name=template_label(made["name"], str(self.body.get("title") or "")),
                version=made["version"],
            ),
            "info",
        )
        self.published.emit(made)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from app.errors import UserError

        self.publish_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.problems.setText("\n".join([exc.message, *exc.details]))
        else:
            self.ui.show_crash(exc, getattr(exc, "__traceback_text__", ""))
