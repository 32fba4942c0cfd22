"""Main-window sections (Partners, Visits, Planner, Dashboard, …). Each is a ``Section``
subclass listed in ``SECTION_CLASSES`` as ``"module:Class"``; only working sections are
listed (no placeholders). Sections refresh only from ``UiServices.changed``."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import QWidget

from app.services.context import Changes

SECTION_CLASSES: list[str] = [
    "app.ui.partners.section:PartnersSection",
    "app.ui.visits.section:VisitsSection",
    "app.ui.visits.section:PlannerSection",
    "app.ui.dashboard.section:DashboardSection",
    "app.ui.conflicts:ConflictsSection",
]


class Section(QWidget):
    """Base class: ``title()`` for the navigation, ``on_changed`` for refreshes, ``ready``
    emitted once the first data has loaded (used by ``gui --screenshot``)."""

    ready = Signal()
    section_id = "section"
    shortcut = ""  # e.g. "Ctrl+1"

    def __init__(self, ui, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ui = ui
        self.is_ready = False
        self.loaded = False
        ui.changed.connect(self._changed)

    def showEvent(self, event: QShowEvent) -> None:
        """Sections load their data the first time they are shown (fast start-up)."""
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            QTimer.singleShot(0, self._first_load)

    def _first_load(self) -> None:
        self.first_load()
        self.mark_ready()

    def first_load(self) -> None:
        """Load the section's data (called once, when first shown)."""

    def _changed(self, changes: Changes) -> None:
        if self.loaded:
            self.on_changed(changes)

    def title(self) -> str:
        raise NotImplementedError

    def icon(self) -> QIcon:
        return QIcon()

    def on_changed(self, changes: Changes) -> None:
        """Refresh what ``changes`` touches."""

    def mark_ready(self) -> None:
        if not self.is_ready:
            self.is_ready = True
            self.ready.emit()

    def menu_actions(self) -> list:  # type: ignore[type-arg]
        """QActions this section contributes to the main window's menus (name, actions)."""
        return []

    def can_close(self) -> bool:
        """False when the user chose to stay to keep unsaved input."""
        return True


def load_section_classes() -> list[type[Section]]:
    classes = []
    for spec in SECTION_CLASSES:
        module_name, _, class_name = spec.partition(":")
        classes.append(getattr(importlib.import_module(module_name), class_name))
    return classes
