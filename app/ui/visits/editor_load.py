"""What the visit editor reads and what it keeps across a reload: the visit and its
materials lines, read together on a reader thread (``read_editor_data``); the answers
being typed when the same visit is read again, carried into the new form with the focus
(``typed_answers``, ``restore_typing``); and the check before sealing, run on the writer
thread after the answers given before it (``submit_unless_missing``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.visit_detail import VisitDetail
from app.services import visits
from app.services.visit_materials import MaterialLine, visit_materials
from app.services.visit_read import read_visit


@dataclass(frozen=True)
class EditorData:
    """One visit as the editor shows it."""

    detail: VisitDetail
    materials: list[MaterialLine]


def read_editor_data(ctx: Any, visit_id: str) -> EditorData:
    """The visit editor's queries (run off the UI thread)."""
    return EditorData(read_visit(ctx, visit_id), visit_materials(ctx, visit_id))


@dataclass(frozen=True)
class Typing:
    """Answers typed but not yet given (the field still being edited), by item key, and
    the item whose editor has the focus with the cursor's position."""

    texts: dict[str, str] = field(default_factory=dict)
    focus: str | None = None
    cursor: int = 0


def typed_answers(editors: dict[str, QWidget]) -> Typing:
    texts = {
        key: editor.text()
        for key, editor in editors.items()
        if isinstance(editor, QLineEdit) and editor.isModified()
    }
    # the window's focus widget, also while another window is active
    focused = next(iter(editors.values())).window().focusWidget() if editors else None
    focus = next((key for key, editor in editors.items() if editor is focused), None)
    editor = editors.get(focus) if focus is not None else None
    cursor = editor.cursorPosition() if isinstance(editor, QLineEdit) else 0
    return Typing(texts, focus, cursor)


def restore_typing(editors: dict[str, QWidget], typing: Typing) -> None:
    """Put what was being typed into the new form's editors (still to be given when the
    field is left) and the focus back where it was."""
    for key, text in typing.texts.items():
        editor = editors.get(key)
        if isinstance(editor, QLineEdit) and editor.isEnabled() and editor.text() != text:
            editor.setText(text)
            editor.setModified(True)
    editor = editors.get(typing.focus) if typing.focus is not None else None
    if editor is not None and editor.isEnabled():
        if isinstance(editor, QLineEdit):
            editor.setCursorPosition(min(typing.cursor, len(editor.text())))
        # once the layout has shown the new editor (it does so from the event loop)
        QTimer.singleShot(0, editor, editor.setFocus)


def submit_unless_missing(ctx: Any, visit_id: str) -> Any:
    """Seal the visit, or return the keys of the required items not answered yet (checked
    on the writer thread, so after every answer given before)."""
    missing = read_visit(ctx, visit_id).missing_required()
    return missing if missing else visits.submit(ctx, visit_id)
