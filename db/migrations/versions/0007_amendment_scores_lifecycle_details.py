"""the score and section scores a visit has once an amendment applies; what a lifecycle
event moved or added up

An amendment recomputes the visit's score in the same transaction; the sealed visit row
(append-only, also at HQ) keeps the original's, the newest amendment holds the current.

Revision ID: 0007
Revises: 0006
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visit_amendment") as batch:
        batch.add_column(sa.Column("score", sa.Float(), nullable=True))
        batch.add_column(sa.Column("section_scores", sa.JSON(), nullable=True))
    with op.batch_alter_table("lifecycle_event") as batch:
        batch.add_column(sa.Column("details", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lifecycle_event") as batch:
        batch.drop_column("details")
    with op.batch_alter_table("visit_amendment") as batch:
        batch.drop_column("section_scores")
        batch.drop_column("score")
