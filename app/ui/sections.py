"""Main-window sections (Partners, Visits, Planner, Dashboard, …). Each is a ``Section``
subclass listed in ``SECTION_CLASSES`` as ``"module:Class"``; only working sections are
listed (no placeholders). Sections refresh only from ``UiServices.changed``."""

from __future__ import annotations

import importlib

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QIcon, QShowEvent
from PySide6.QtWidgets import QWidget

from app.services.context import Changes
from app.ui.deferred import window_open

SECTION_CLASSES: list[str] = [
    "app.ui.partners.section:PartnersSection",
    "app.ui.visits.section:VisitsSection",
    "app.ui.visits.planner:PlannerSection",
    "app.ui.dashboard.section:DashboardSection",
    "app.ui.today:TodaySection",
    "app.ui.complaints:ComplaintsSection",
    "app.ui.training:TrainingSection",
    "app.ui.conflicts:ConflictsSection",
]

# Navigation titles — each class's own ``self.tr`` text (context = the class name) — so
# the main window can list every section before importing its module: at start-up only
# the visible section is built and the others (and the services they import) are loaded
# after the first paint (``MainWindow(deferred=True)``). A section missing here is
# simply built at once.
SECTION_TITLES: dict[str, str] = {
    "app.ui.partners.section:PartnersSection": "Partners",
    "app.ui.visits.section:VisitsSection": "Visits",
    "app.ui.visits.planner:PlannerSection": "Planner",
    "app.ui.dashboard.section:DashboardSection": "Dashboard",
    "app.ui.today:TodaySection": "Today",
    "app.ui.complaints:ComplaintsSection": "Complaints",
    "app.ui.training:TrainingSection": "Training",
    "app.ui.conflicts:ConflictsSection": "Conflicts",
}


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
        self.starting = False  # True while a deferred main window has not finished its start
        ui.changed.connect(self._changed)

    def showEvent(self, event: QShowEvent) -> None:
        """Sections load their data the first time they are shown (fast start-up)."""
        super().showEvent(event)
        if not self.loaded:
            self.loaded = True
            QTimer.singleShot(0, self, self._start_first_load)  # a deleted section cancels it

    def finish_start(self) -> None:
        """Called once the rest of the window has loaded after a deferred start (the
        section may then do what it skipped to paint sooner)."""
        self.starting = False

    def _start_first_load(self) -> None:
        """The delayed first load, unless the window was closed before it started (a
        restore closes the window, then its data dir): shown again, the section loads."""
        if not window_open(self):
            self.loaded = False
            return
        self._first_load()

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


def load_section_class(spec: str) -> type[Section]:
    module_name, _, class_name = spec.partition(":")
    return getattr(importlib.import_module(module_name), class_name)  # type: ignore[no-any-return]


def load_section_classes() -> list[type[Section]]:
    return [load_section_class(spec) for spec in SECTION_CLASSES]


def section_title(spec: str) -> str | None:
    """The translated navigation title of a section without importing it (None when unknown)."""
    text = SECTION_TITLES.get(spec)
    return QCoreApplication.translate(spec.partition(":")[2], text) if text else None
