"""partners HQ has published to this laptop

``partner_published`` holds one row per partner card that arrived in an HQ down-bundle.
From then on the card's HQ-owned fields (code, grade, credit limit) change only through
HQ: the partner import refuses changes to them with a row/column error. Existing cards
whose HQ-owned field stamps are another node's count as published too (the import reads
their field HLCs), so no back-fill is needed.

Revision ID: 0009
Revises: 0008
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_published",
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"], name=op.f("fk_partner_published_partner_id_partner")),
        sa.PrimaryKeyConstraint("partner_id", name=op.f("pk_partner_published")),
    )


def downgrade() -> None:
    op.drop_table("partner_published")
