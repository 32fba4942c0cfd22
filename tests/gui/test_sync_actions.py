"""pytest-qt: Export to HQ from the Sync menu writes a bundle and shows where."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from app.services import partner_io


def test_export_to_hq_from_menu(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nS1,同步测试店,B,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    ui, window = ui_window
    target = tmp_path / "out.cdsync"
    titles: list[str] = []
    run = ui.ops.run

    def recording_run(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("progress_title"):
            titles.append(kwargs["progress_title"])
        return run(fn, *args, **kwargs)

    ui.ops.run = recording_run
    announced: list[object] = []
    ui.changed.connect(announced.append)
    with qtbot.waitSignal(ui.message, timeout=10000) as blocker:
        window.sync_actions.export(target=str(target))
    assert target.exists() and "out.cdsync" in blocker.args[0]
    qtbot.waitUntil(lambda: bool(announced), timeout=5000)
    qtbot.wait(50)
    # the export's result carries its change; the op runner announces it once
    assert [c.touches("exported_bundle") for c in announced] == [True]
    assert len(titles) == 1 and re.search(
        r"about [\d.,]+ MB \(0 photos, [1-9]\d* changes\)", titles[0]
    ), titles  # the estimate, before writing
    assert window.menus["sync"].actions()


def test_capped_export_says_what_is_left(
    qtbot, ctx, tmp_path: Path, ui_window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Over HQ's size limits the bundle holds a prefix; the message says how many changes
    wait for the next export and stays up (a warning)."""
    from app.services import sync
    from app.sync.caps import ExportCaps

    csv = tmp_path / "p.csv"
    csv.write_text(
        "code,name,grade,region\nS1,同步测试店,B,310106\nS2,第二家,C,310106\n", encoding="utf-8"
    )
    partner_io.import_partners(ctx, csv)
    monkeypatch.setattr(
        sync, "ExportCaps", lambda: ExportCaps(records_bytes=1)
    )  # every group over the caps
    ui, window = ui_window
    target = tmp_path / "capped.cdsync"
    with qtbot.waitSignal(ui.message, timeout=10000) as blocker:
        window.sync_actions.export(target=str(target))
    text, level = blocker.args[0], blocker.args[1]
    assert target.exists() and level == "warning"
    assert "did not fit in this bundle" in text and "HQ has acknowledged this one" in text
    with zipfile.ZipFile(target) as z:
        sent = sum(len(z.read(n).splitlines()) for n in z.namelist() if n.startswith("records/"))
    remaining = sync.sync_status(ctx).pending_changes - sent  # nothing acknowledged yet
    assert sent > 0 and remaining > 0 and f"{remaining} changes" in text
    # Sync → Export next part: the rest, without waiting for HQ's acknowledgement
    assert window.sync_actions.next_part_action in window.menus["sync"].actions()
    following = tmp_path / "next.cdsync"
    with qtbot.waitSignal(ui.message, timeout=10000) as blocker:
        window.sync_actions.export(target=str(following), next_part=True)
    with zipfile.ZipFile(target) as first, zipfile.ZipFile(following) as second:

        def ids(z: zipfile.ZipFile) -> set[str]:
            return {
                line.split(b'"id":"')[-1][:36].decode()
                for n in z.namelist()
                if n.startswith("records/")
                for line in z.read(n).splitlines()
            }

        assert ids(second) and not ids(first) & ids(second)


def test_next_part_with_nothing_left_writes_nothing(qtbot, ctx, tmp_path: Path, ui_window) -> None:  # type: ignore[no-untyped-def]
    """Sync → Export next part when every change is in a bundle already: an info message
    says there is nothing left to send, and no file is written."""
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nS1,同步测试店,B,310106\n", encoding="utf-8")
    partner_io.import_partners(ctx, csv)
    ui, window = ui_window
    with qtbot.waitSignal(ui.message, timeout=10000):
        window.sync_actions.export(target=str(tmp_path / "first.cdsync"))
    assert (tmp_path / "first.cdsync").exists()
    following = tmp_path / "next.cdsync"
    with qtbot.waitSignal(ui.message, timeout=10000) as blocker:
        window.sync_actions.export(target=str(following), next_part=True)
    assert "Nothing left to send" in blocker.args[0] and blocker.args[1] == "info"
    qtbot.wait(100)
    assert not following.exists()
