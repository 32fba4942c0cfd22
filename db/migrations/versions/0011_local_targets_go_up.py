"""the manager's own targets go up to HQ

``target`` became a synced entity (issue 19): the targets a manager decomposed or
imported on this laptop (``source`` other than ``hq``) are sent to HQ. Those written
before this build carry HLCs HQ may already have acknowledged past, so an export would
never send them: they are stamped once with fresh HLCs of this device's clock (no
schema change).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from app.domain.hlc import HybridLogicalClock, Timestamp

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def restamp_local_targets(conn: Any) -> int:
    """Give this device's own targets fresh HLCs (after the clock's last); how many."""
    device = conn.execute(sa.text("SELECT value FROM app_meta WHERE key = 'device_id'")).scalar()
    if not device:
        return 0  # nothing was ever exported: every row goes with the first bundle anyway
    ids = [
        rid
        for (rid,) in conn.execute(
            sa.text(
                "SELECT id FROM target WHERE source != 'hq' AND hlc LIKE :node ORDER BY hlc, id"
            ),
            {"node": f"%:{device}"},
        )
    ]
    if not ids:
        return 0
    last_text = conn.execute(sa.text("SELECT value FROM app_meta WHERE key = 'hlc_last'")).scalar()
    last = None
    if last_text:
        parsed = Timestamp.parse(last_text)
        last = Timestamp(parsed.wall_ms, parsed.counter, device)
    clock = HybridLogicalClock(node=device, last=last)
    for rid in ids:
        conn.execute(
            sa.text("UPDATE target SET hlc = :hlc WHERE id = :id"), {"hlc": clock.tick(), "id": rid}
        )
    conn.execute(
        sa.text("UPDATE app_meta SET value = :v WHERE key = 'hlc_last'"), {"v": str(clock.last)}
    )
    if last_text is None:
        conn.execute(
            sa.text("INSERT INTO app_meta (key, value) VALUES ('hlc_last', :v)"),
            {"v": str(clock.last)},
        )
    return len(ids)


def upgrade() -> None:
    restamp_local_targets(op.get_bind())


def downgrade() -> None:
    pass  # the fresh stamps are as good as the old ones
