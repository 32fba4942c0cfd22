"""The checklist form as the visit editor renders it: a bold title per section, one row
per item (its label, `` *`` when required) with the editor of its kind (yes/no and
choice lists, a score spin box, a number field that takes only numbers in the item's
range, a text field, a photo button). The visit editor fills it with a visit's answers;
HQ's template editor previews a template version with it, so HQ sees the form exactly as
the laptops will show it. Texts keep the visit editor's translation context."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.visit_detail import VisitItem
from app.domain.vocabulary import ANSWER

CONTEXT = "VisitEditor"  # the texts were the visit editor's and keep their translations
OnAnswer = Callable[[str, str | None], None]  # item key, answer text (None: none given)
OnPhotos = Callable[[str], None]  # item key: add photos to it


def answer_editor(
    item: VisitItem, enabled: bool, on_answer: OnAnswer, on_photos: OnPhotos
) -> QWidget:
    """The editor of one item, showing its answer; changes go to ``on_answer``."""
    kind, key, answer = item.kind, item.key, item.answer
    widget: QWidget
    if kind in ("yesno", "choice"):
        combo = QComboBox()
        combo.addItem("—", None)
        if kind == "yesno":
            for value in ("yes", "no", "na"):
                combo.addItem(ANSWER.label(value), value)
        else:
            for option in item.options:  # a re-inspected order's passed / failed as words
                combo.addItem(ANSWER.label(option) if option in ANSWER.keys else option, option)
        index = combo.findData(answer)
        combo.setCurrentIndex(max(index, 0))
        combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: on_answer(k, c.currentData()))
        widget = combo
    elif kind == "score":
        spin = QSpinBox()
        spin.setRange(-1, int(item.maximum or 5))
        spin.setSpecialValueText("—")
        spin.setValue(answer if isinstance(answer, int) else -1)
        spin.valueChanged.connect(lambda v, k=key: on_answer(k, None if v < 0 else str(v)))
        widget = spin
    elif kind in ("number", "text"):
        line = QLineEdit("" if answer is None else str(answer))
        if kind == "number":
            guard_number(line, item)
        line.editingFinished.connect(
            lambda k=key, le=line: on_answer(k, le.text()) if le.isModified() else None
        )
        widget = line
    else:
        count = len(answer) if isinstance(answer, list) else 0
        button = QPushButton(QCoreApplication.translate(CONTEXT, "%n photo(s) — add…", "", count))
        button.clicked.connect(lambda _c=False, k=key: on_photos(k))
        widget = button
    widget.setEnabled(enabled)
    return widget


def guard_number(line: QLineEdit, item: VisitItem) -> None:
    """A number field takes only numbers inside the item's range (template keys
    ``min``/``max``); the range is shown as the placeholder."""
    low, high = item.minimum, item.maximum
    validator = QDoubleValidator(line)
    validator.setNotation(QDoubleValidator.Notation.StandardNotation)
    validator.setLocale(QLocale.c())  # digits and a dot, whatever the locale's separators
    validator.setBottom(float(low) if low is not None else -1e12)
    validator.setTop(float(high) if high is not None else 1e12)
    line.setValidator(validator)
    if low is not None and high is not None:
        text = QCoreApplication.translate(CONTEXT, "a number from {low} to {high}").format(
            low=low, high=high
        )
    elif low is not None:
        text = QCoreApplication.translate(CONTEXT, "a number, at least {low}").format(low=low)
    elif high is not None:
        text = QCoreApplication.translate(CONTEXT, "a number, at most {high}").format(high=high)
    else:
        text = QCoreApplication.translate(CONTEXT, "a number")
    line.setPlaceholderText(text)


def fill_form(
    form: QFormLayout,
    items: Sequence[VisitItem],
    enabled: bool,
    on_answer: OnAnswer,
    on_photos: OnPhotos,
) -> dict[str, QWidget]:
    """Replace the rows of ``form`` with the checklist; the editors by item key."""
    while form.rowCount():
        form.removeRow(0)
    editors: dict[str, QWidget] = {}
    section = None
    for entry in items:
        if entry.section != section:
            section = entry.section
            form.addRow(QLabel(f"<b>{section}</b>"))
        editor = answer_editor(entry, enabled, on_answer, on_photos)
        editors[entry.key] = editor
        form.addRow(entry.label + (" *" if entry.required else ""), editor)
    return editors
