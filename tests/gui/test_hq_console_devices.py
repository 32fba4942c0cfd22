"""pytest-qt: the HQ console's Devices section (issue 19), on SQLite and PostgreSQL: a
key file dropped on the section (a real drop event) registers the laptop, a file that is
no key is refused with one line, the territory is changed and shown, the sync history
says when nothing came yet, and revoking is offered only for an active device."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.hq.devices import device_list
from tests.gui import test_hq_console
from tests.unit.services import test_sync

pg_url, hq_url, hq = test_sync.pg_url, test_sync.hq_url, test_sync.hq  # the HQ fixtures
console, _ready = test_hq_console.console, test_hq_console._ready


def _drop(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_devices_drop_territory_history_and_revoke(qtbot, console, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ui, window, _ctx, _visit_id, _bundle = console
    from app.ui.hq.devices import DevicesSection

    devices = next(s for s in window.sections if isinstance(s, DevicesSection))
    window.nav.setCurrentRow(window.sections.index(devices))
    _ready(qtbot, devices)
    assert devices.view.rowCount() == 1 and not devices.empty.isVisibleTo(devices)
    assert not devices.revoke_button.isEnabled() and not devices.territory_button.isEnabled()

    junk = tmp_path / "junk.json"
    junk.write_text("[1, 2]", encoding="utf-8")
    with qtbot.waitSignal(ui.message, timeout=15000) as refused:
        _drop(devices, junk)
    assert refused.args[1] == "error" and "junk.json" in refused.args[0]

    from app.services.device import export_public_key, initialise_device
    from app.services.opening import open_context

    ctx2 = open_context(tmp_path / "lap2")
    initialise_device(
        ctx2, user="二号", territory=["4401"], hq_key_file=ui.hq.key_dir / "hq_public.key"
    )
    key = export_public_key(ctx2, tmp_path / "lap2.key.json")
    ctx2.close()
    announced: list[Any] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=15000) as registered:
        _drop(devices, key)
    assert registered.args[1] == "info"
    qtbot.waitUntil(lambda: devices.view.rowCount() == 2, timeout=15000)
    row = next(r for r in range(2) if devices.view.item(r, 0).text() == "二号")
    new_id = devices.view.item(row, 1).text()
    devices.view.selectRow(row)
    qtbot.waitUntil(lambda: "no bundle" in devices.history_label.text(), timeout=15000)
    assert devices.history.rowCount() == 0
    assert devices.revoke_button.isEnabled() and devices.territory_button.isEnabled()

    with qtbot.waitSignal(ui.message, timeout=15000) as bad:
        devices.set_territory(new_id, "4401, 999999")
    assert bad.args[1] == "error" and "999999" in bad.args[0]
    with qtbot.waitSignal(ui.message, timeout=15000):
        devices.set_territory(new_id, "440100、3201")
    assert {d["device_id"]: d["territory"] for d in device_list(ui.hq)}[new_id] == ["4401", "3201"]

    with qtbot.waitSignal(ui.message, timeout=15000):
        devices.revoke(new_id)
    qtbot.waitUntil(
        lambda: any(
            devices.view.item(r, 5).text() == "revoked" for r in range(devices.view.rowCount())
        ),
        timeout=15000,
    )
    # registering, the new territory and revoking each return their change (naming the
    # device); the op runner announces each once, nothing by hand (the bad territory: none)
    assert [(set(c.entities), set(c.ids)) for c in announced] == [({"device"}, {new_id})] * 3
    row = next(r for r in range(2) if devices.view.item(r, 1).text() == new_id)
    devices.view.selectRow(row)
    assert not devices.revoke_button.isEnabled() and not devices.territory_button.isEnabled()
    other = 1 - row
    devices.view.selectRow(other)
    qtbot.waitUntil(lambda: devices.history.rowCount() == 1, timeout=15000)
    assert int(devices.history.item(0, 3).text()) >= 1  # the laptop's visit


def test_territory_is_chosen_with_the_region_picker(qtbot, console, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Change territory… lists the device's regions by name and adds others with the shared
    region picker (no codes typed); OK stores them."""
    from PySide6.QtWidgets import QDialog

    from app.ui.hq.devices import DevicesSection
    from app.ui.widgets.region_picker import TerritoryDialog

    ui, window, ctx, _visit_id, _bundle = console
    devices = next(s for s in window.sections if isinstance(s, DevicesSection))
    window.nav.setCurrentRow(window.sections.index(devices))
    _ready(qtbot, devices)
    devices.view.selectRow(0)
    shown: list[str] = []

    def choose(dialog: TerritoryDialog) -> int:
        shown.extend(dialog.editor.list.item(i).text() for i in range(dialog.editor.list.count()))
        dialog.editor.picker.set_code("320100")
        dialog.editor.add_current()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TerritoryDialog, "exec", choose)
    with qtbot.waitSignal(ui.message, timeout=15000) as told:
        devices.territory_button.click()
    assert told.args[1] == "info" and "南京市" in told.args[0]
    assert shown and shown[0].startswith("上海市")  # the territory it had, by name
    territory = {d["device_id"]: d["territory"] for d in device_list(ui.hq)}[ctx.device_id]
    assert territory == ["3101", "3201"]
