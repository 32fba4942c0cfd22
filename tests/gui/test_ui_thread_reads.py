"""Issue 17's rule, checked as a whole: once the window is up, nothing reads or writes the
database on the UI thread. Every section is shown with a row selected, every dialog of
the laptop opened, every kind of change announced; any ``read_sql``, ``read_session`` or
``session`` call on the UI thread fails the test with where it came from. (Start-up,
before the window shows, reads there on purpose: the first page of partners, the
identity; the window is built before the watch begins.) The HQ console likewise: no
SQLAlchemy statement runs on the UI thread while every section is shown and every kind
of change announced."""

from __future__ import annotations

import threading
import traceback
from typing import Any

import pytest

from app.entities import ENTITIES, Changes
from app.services.context import AppContext
from app.services.demo import generate_demo
from tests.gui.conftest import settle
from tests.gui.test_hq_console import console, hq, hq_url, pg_url  # noqa: F401  (fixtures)


def _watch(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each database access on the UI thread came from (innermost app frames)."""
    found: list[str] = []
    main = threading.main_thread()
    for name in ("read_sql", "read_session", "session"):
        real = getattr(AppContext, name)

        def watched(self: Any, *args: Any, _real: Any = real, _name: str = name, **kw: Any) -> Any:
            if threading.current_thread() is main:
                frames = [
                    f"{f.filename.split('/app/')[-1]}:{f.lineno} {f.name}"
                    for f in traceback.extract_stack()[:-1]
                    if "/app/" in f.filename
                ]
                found.append(f"{_name} <- " + " <- ".join(reversed(frames[-4:])))
            return _real(self, *args, **kw)

        monkeypatch.setattr(AppContext, name, watched)
    return found


def test_nothing_touches_the_database_on_the_ui_thread(qtbot, ctx, ui_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.ui.complaints import AdvanceDialog, NewComplaintDialog
    from app.ui.dashboard.decomposition import DecompositionDialog
    from app.ui.partners.dialogs import PartnerDialog
    from app.ui.partners.file_dialogs import (
        ContactDialog,
        ContractDialog,
        InventoryDialog,
        LifecycleDialog,
        ObservationDialog,
    )
    from app.ui.partners.materials import MaterialLedgerDialog
    from app.ui.settings_dialog import SettingsDialog
    from app.ui.training import HeldTrainingDialog, PlanTrainingDialog, PromotionDialog
    from app.ui.visits.new_visit import NewVisitDialog

    generate_demo(ctx, partners=10, months=1, seed=3)
    partner_id, code = ctx.read_sql("SELECT id, code FROM partner ORDER BY code LIMIT 1")[0]
    ui, window = ui_window
    ui.changed.emit(Changes.of("demo", "partner", "visit"))
    settle(ui, qtbot)
    found = _watch(monkeypatch)
    for section in window.sections:
        shown = window.show_section(section.section_id)
        settle(ui, qtbot)
        table = getattr(shown, "table", None)
        if table is not None and table.model() is not None and table.model().rowCount() > 1:
            table.selectRow(1)
            settle(ui, qtbot)
    dialogs = [
        PartnerDialog(ui, None, window),
        PartnerDialog(ui, partner_id, window),
        ContactDialog(ui, partner_id, window),
        LifecycleDialog(ui, partner_id, window),
        ContractDialog(ui, partner_id, window),
        InventoryDialog(ui, partner_id, window),
        ObservationDialog(ui, code, "complaint", None, window),
        ObservationDialog(ui, code, "competitor", None, window),
        MaterialLedgerDialog(ui, partner_id, window),
        SettingsDialog(ui, window),
        NewVisitDialog(ui, window),
        DecompositionDialog(ui, window),
        NewComplaintDialog(window),
        AdvanceDialog("received", window),
        PlanTrainingDialog(window),
        HeldTrainingDialog(window),
        PromotionDialog(window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        settle(ui, qtbot)
        dialog.close()
    for entity in sorted(ENTITIES):
        ui.changed.emit(Changes.of(entity))  # type: ignore[arg-type]
        settle(ui, qtbot)
    assert not found, "\n".join(dict.fromkeys(found))


@pytest.mark.parametrize("hq_url", ["sqlite"], indirect=True)
def test_nothing_touches_hq_s_database_on_the_ui_thread(qtbot, console, monkeypatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    from sqlalchemy.orm import Session

    ui, window, _ctx, _visit_id, _bundle = console
    ui.ops.wait(10000)
    found: list[str] = []
    real = Session.execute

    def execute(self: Any, *args: Any, **kw: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            frames = [
                f"{f.filename.split('/app/')[-1]}:{f.lineno} {f.name}"
                for f in traceback.extract_stack()[:-1]
                if "/app/" in f.filename
            ]
            found.append(" <- ".join(reversed(frames[-4:])))
        return real(self, *args, **kw)

    monkeypatch.setattr(Session, "execute", execute)
    for row in range(window.stack.count()):
        window.nav.setCurrentRow(row)
        ui.ops.wait(10000)
        qtbot.wait(50)
    for entity in sorted(ENTITIES):
        ui.changed.emit(Changes.of(entity))  # type: ignore[arg-type]
        ui.ops.wait(10000)
        qtbot.wait(10)
    assert not found, "\n".join(dict.fromkeys(found))
