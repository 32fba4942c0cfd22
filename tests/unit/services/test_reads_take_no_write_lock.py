"""Reads never take the write lock (issue 17): a read in a write session begins ``BEGIN
IMMEDIATE`` and so waits behind another process's writer — the partner form's check of
HQ-owned fields (read on a reader thread) and ``partners grade-requests`` did, and failed
as "locked" after the busy timeout. With another process's write transaction open they
answer at once."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from app.services import partner_io, partner_read
from app.services.grade_requests import grade_requests
from app.services.opening import open_context
from app.services.partner_edit import hq_owned_fields_locked
from tests.unit.services.test_partners_and_visits import CSV


def test_reads_answer_while_another_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHANNELDESK_BUSY_TIMEOUT_MS", "300")
    ctx = open_context(tmp_path / "data")
    try:
        csv = tmp_path / "p.csv"
        csv.write_text(CSV, encoding="utf-8")
        partner_io.import_partners(ctx, csv)
        partner_id = partner_read.partner_detail(ctx, "P001").partner.id
        holder = sqlite3.connect(ctx.paths.database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another process's write transaction
        try:
            started = time.perf_counter()
            assert hq_owned_fields_locked(ctx, partner_id) is False
            assert grade_requests(ctx) == [] and grade_requests(ctx, "P001") == []
            assert time.perf_counter() - started < 0.25  # never waited for the lock
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    finally:
        ctx.close()
