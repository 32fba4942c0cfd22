"""exported bundles remember where their selection began

``since_hlc`` is the HLC after which a bundle's changes were selected: HQ's acknowledged
watermark for an ordinary export, or the cut of the previous, not yet acknowledged bundle
for the next part of a backlog that is over HQ's size limits (``sync export --next``).
An acknowledgement moves the watermark only along a chain of acknowledged bundles that
each began at or before it, so the ack of a later part never skips an earlier one that
HQ has not received. Existing rows began at the then watermark: they are back-filled
with '' (no lower bound), which keeps their acks applying as before.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("exported_bundle") as batch:
        batch.add_column(sa.Column("since_hlc", sa.String(80), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("exported_bundle") as batch:
        batch.drop_column("since_hlc")
