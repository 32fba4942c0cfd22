"""``sync status`` through plain sqlite3 (``app.services.sync_state``): the same tables as
the models, the same pending count as the rows an export selects (``pending_selects``), and
the same JSON as the ORM answered before."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.services import visits
from app.services.sync_state import (
    SYNC_ENTITIES,
    VISIT_GATED,
    pending_count,
    read_watermark,
)
from tests.unit.services.test_sync import seed


def _orm_pending(ctx: Any, since: str, upto: str) -> int:
    """The count as ``sync_status`` made it with the ORM before (one count per select)."""
    from app.services.sync_records import model_of, pending_selects
    from db.base import SYNC_TABLES

    node = ctx.device_id or "local"
    with ctx.read_session() as s:
        return sum(
            int(s.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
            for entity in SYNC_TABLES
            for stmt in pending_selects(
                entity, since, upto, node, [model_of(entity).__table__.c.id]
            )
        )


def _orm_status_json(ctx: Any) -> str:
    """``sync status --json`` as the ORM answered it before."""
    from app.services.sync import watermark
    from db.models import ExportedBundle

    with ctx.read_session() as s:
        last = s.scalar(select(func.max(ExportedBundle.acked_at)))
    data = {
        "last_synced_at": last.isoformat() if last else None,
        "pending_changes": _orm_pending(ctx, watermark(ctx), "~"),
    }
    return json.dumps(data, ensure_ascii=False, default=str, indent=None) + "\n"


def test_sync_entities_are_the_models_synced_tables() -> None:
    from app.services.sync_records import export_columns, model_of
    from db.base import SYNC_TABLES

    assert tuple(SYNC_TABLES) == SYNC_ENTITIES
    assert all("visit_id" in export_columns(model_of(e)).keys for e in VISIT_GATED)


def _hlcs(ctx: Any) -> list[str]:
    rows = ctx.read_sql(
        " UNION ".join(f"SELECT hlc FROM {e} WHERE hlc IS NOT NULL" for e in SYNC_ENTITIES)
    )
    return sorted(r[0] for r in rows)


def test_pending_count_is_what_an_export_selects(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed(ctx, tmp_path)
    draft = visits.new_visit(ctx, "P002")
    visits.add_finding(ctx, draft, "价签缺失")  # an order waiting for its draft visit
    hlcs = _hlcs(ctx)
    cuts = ["", hlcs[0], hlcs[len(hlcs) // 3], hlcs[len(hlcs) // 2], hlcs[-1], "~"]
    checked = 0
    for since in cuts:
        for upto in cuts:
            if since <= upto:
                assert pending_count(ctx, since, upto) == _orm_pending(ctx, since, upto), (
                    since,
                    upto,
                )
                checked += 1
    assert checked > 10 and pending_count(ctx, "", "~") > 0


def test_sync_status_json_is_unchanged_and_reads_no_orm(ctx, tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    from app.services.sync import export_bundle, watermark
    from db.base import utcnow
    from db.models import ExportedBundle

    seed(ctx, tmp_path)
    assert cli("sync", "status", "--json").stdout == _orm_status_json(ctx)
    export_bundle(ctx, tmp_path / "up.zip")
    with ctx.session() as s:  # as an ack from HQ leaves it
        bundle = s.scalars(select(ExportedBundle)).one()
        bundle.ack_status, bundle.acked_at = "accepted", utcnow()
    draft = visits.new_visit(ctx, "P003")
    visits.answer(ctx, draft, "signage", "yes")
    assert read_watermark(ctx) == watermark(ctx) != ""
    shown = cli("sync", "status", "--json").stdout
    assert shown == _orm_status_json(ctx)
    assert json.loads(shown)["last_synced_at"].endswith("+00:00")
