"""An export whose registration fails (the database locked by another process once the
bundle is written) leaves no bundle and consumes no seq: the next export is that seq."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.errors import DataDirError


def test_export_failing_at_registration_leaves_no_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANNELDESK_BUSY_TIMEOUT_MS", "300")
    from app.services import sync as sync_svc
    from app.services.opening import open_context
    from app.services.partner_edit import PartnerInput, save_partner

    ctx = open_context(tmp_path / "data")
    try:
        save_partner(
            ctx,
            PartnerInput(
                code="X001", name="导出失败店", grade="A", region="310115", address="金桥路1号"
            ),
        )
        real = sync_svc.write_bundle
        holders: list[sqlite3.Connection] = []

        def write_then_lock(*args, **kwargs):  # type: ignore[no-untyped-def]
            written = real(*args, **kwargs)
            other = sqlite3.connect(ctx.paths.database, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")  # another process takes the write lock now
            holders.append(other)
            return written

        monkeypatch.setattr(sync_svc, "write_bundle", write_then_lock)
        target = tmp_path / "out" / "a.cdsync"
        target.parent.mkdir()
        with pytest.raises(DataDirError, match="busy"):
            sync_svc.export_bundle(ctx, target)
        assert list(target.parent.iterdir()) == []  # neither the bundle nor its temporary file
        holders[0].execute("ROLLBACK")
        holders[0].close()
        monkeypatch.setattr(sync_svc, "write_bundle", real)
        again = sync_svc.export_bundle(ctx, target)
        assert again.seq == 1 and target.exists()
    finally:
        ctx.close()
