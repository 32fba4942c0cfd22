"""grade change requests

``grade_request``: a manager's request to change a partner's grade (HQ owns grades),
synced up, decided at HQ and published back (issue 15).

Revision ID: 0010
Revises: 0009
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "grade_request",
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("current_grade", sa.String(length=1), nullable=False),
        sa.Column("requested_grade", sa.String(length=1), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("requested_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("voided", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["partner_id"], ["partner.id"], name=op.f("fk_grade_request_partner_id_partner")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grade_request")),
    )
    op.create_index(op.f("ix_grade_request_hlc"), "grade_request", ["hlc"], unique=False)
    op.create_index(op.f("ix_grade_request_partner_id"), "grade_request", ["partner_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_grade_request_partner_id"), table_name="grade_request")
    op.drop_index(op.f("ix_grade_request_hlc"), table_name="grade_request")
    op.drop_table("grade_request")
