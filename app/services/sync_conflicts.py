"""Sync conflicts on the laptop: the unresolved ones with both values (the Conflicts
list) and their resolution — keep the current value or take the one that lost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.domain.hlc import Timestamp
from app.errors import UserError
from app.i18n import tr
from app.services.context import AppContext, Changes
from db.models import (
    Partner,
    SyncConflict,
)


def hlc_wall(hlc: str) -> int:
    return Timestamp.parse(hlc).wall_ms


@dataclass(frozen=True)
class ConflictRow:
    id: str
    entity: str
    record_id: str
    label: str
    field: str
    kept: Any
    lost: Any


def open_conflicts(ctx: AppContext) -> list[ConflictRow]:
    """Unresolved conflicts with both values, for the Conflicts list."""
    with ctx.read_session() as s:
        rows = list(
            s.scalars(
                select(SyncConflict)
                .where(SyncConflict.resolved.is_(False))
                .order_by(SyncConflict.created_at)
            )
        )
        labels = {
            p.id: f"{p.code} {p.name}"
            for p in s.scalars(select(Partner).where(Partner.id.in_([r.record_id for r in rows])))
        }
    return [
        ConflictRow(
            r.id,
            r.entity,
            r.record_id,
            labels.get(r.record_id, r.record_id[:8]),
            r.field,
            r.winner_value,
            r.loser_value,
        )
        for r in rows
    ]


def resolve_conflict(ctx: AppContext, conflict_id: str, take_lost_value: bool) -> Changes:
    """Keep the current value, or take the value that lost — which is then a new change
    of this device and syncs to HQ like any edit."""
    with ctx.session() as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.resolved:
            raise UserError(tr("sync", "This conflict was already resolved."))
        if take_lost_value and conflict.entity == "partner":
            partner = s.get(Partner, conflict.record_id)
            if partner is not None and conflict.field in {c.key for c in Partner.__table__.columns}:
                setattr(partner, conflict.field, conflict.loser_value)
        conflict.resolved, conflict.resolution = True, "theirs" if take_lost_value else "kept"
    return Changes.of("sync_conflict", "partner")
