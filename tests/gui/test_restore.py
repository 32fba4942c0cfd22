"""Tools → Restore from backup in the running app: a damaged backup is refused with the
window and data untouched; a good one replaces the data, keeps the previous data as a dated
copy and reopens the window on the restored data."""

from __future__ import annotations

from pathlib import Path

from app.services import partner_io, partner_list
from app.services.backup import create_backup
from app.services.opening import open_context

CSV_A = "code,name,grade,region,address\nR001,备份前的门店,A,310115,金桥路1号\n"
CSV_B = "code,name,grade,region,address\nR002,备份后的门店,B,310115,金桥路2号\n"


def _codes(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(
        r.code
        for r in partner_list.partner_page(ctx, partner_list.PartnerQuery(search=""), 0, None)
    )


def _import(ctx, tmp_path: Path, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    partner_io.import_partners(ctx, path)


def test_restore_from_the_running_app(qtbot, data_dir: Path, tmp_path: Path) -> None:
    from app.ui.application import GuiSession, ensure_application

    ctx = open_context(data_dir)
    _import(ctx, tmp_path, "a.csv", CSV_A)
    backup = create_backup(ctx, tmp_path / "good.cdbackup")
    _import(ctx, tmp_path, "b.csv", CSV_B)
    damaged = tmp_path / "damaged.cdbackup"
    raw = bytearray(backup.read_bytes())
    raw[len(raw) // 3] ^= 0xFF
    damaged.write_bytes(bytes(raw))

    session = GuiSession(ensure_application())
    session.open(ctx)
    first = session.window

    first._restore(path=str(damaged), confirm=False)
    qtbot.waitUntil(lambda: "damaged" in first.message_bar.text(), timeout=10000)
    assert session.window is first and first.isVisible()
    assert _codes(ctx) == ["R001", "R002"]

    with qtbot.waitSignal(session.reopened, timeout=30000):
        first._restore(path=str(backup), confirm=False)
    second = session.window
    qtbot.addWidget(second)
    assert second is not first and second.isVisible()
    assert _codes(session.ui.ctx) == ["R001"]
    assert "R002" not in second.message_bar.text()
    kept = [
        p
        for p in data_dir.parent.iterdir()
        if p.name.startswith(f"{data_dir.name}.before-restore-")
    ]
    assert len(kept) == 1
    assert str(kept[0]) in second.message_bar.text()
    previous = open_context(kept[0])
    try:
        assert _codes(previous) == ["R001", "R002"]
    finally:
        previous.close()
    session.ui.ops.wait(10000)
    session.ui.ctx.close()
