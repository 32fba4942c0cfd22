"""Development records at HQ (issue 20): the device's X25519 public key (HQ seals the
customers' phones it publishes to it; NULL for a device registered from an older key
file) and the ``dev_record`` table of the records HQ imports (phones encrypted under
HQ's record key).

Revision ID: hq0004
Revises: hq0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "hq0004"
down_revision = "hq0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.add_column(sa.Column("x25519_public_key", sa.String(length=64), nullable=True))
    op.create_table(
        "dev_record",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=False),
        sa.Column("partner_code", sa.String(length=40), nullable=False),
        sa.Column("record_date", sa.Date(), nullable=False),
        sa.Column("product", sa.String(length=100), nullable=False),
        sa.Column("customer_ref", sa.String(length=100), nullable=False),
        sa.Column("phone_cipher", sa.LargeBinary(), nullable=False),
        sa.Column("amount_fen", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("dedup_key", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dev_record")),
        sa.UniqueConstraint("dedup_key", name=op.f("uq_dev_record_dedup_key")),
    )
    with op.batch_alter_table("dev_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dev_record_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dev_record_record_date"), ["record_date"], unique=False)


def downgrade() -> None:
    op.drop_table("dev_record")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_column("x25519_public_key")
