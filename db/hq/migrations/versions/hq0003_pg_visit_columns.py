"""PostgreSQL: a visit's start, status, partner and score as stored generated columns of
``record`` (NULL for other entities) with a covering index, so HQ's month overview reads
a month's visits from the index instead of parsing each visit's JSON (with its checklist
template, kept compressed out of line) four times. SQLite reads them from hq0002's
covering expression index; nothing changes there.

Revision ID: hq0003
Revises: hq0002
"""
from __future__ import annotations

from alembic import op

revision = "hq0003"
down_revision = "hq0002"
branch_labels = None
depends_on = None

COLUMNS = {"visit_started": "started_at", "visit_status": "status", "visit_partner": "partner_id", "visit_score": "score"}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column, key in COLUMNS.items():
        op.execute(f"ALTER TABLE record ADD COLUMN {column} text GENERATED ALWAYS AS (CASE WHEN entity = 'visit' THEN data->>'{key}' END) STORED")
    op.execute("CREATE INDEX ix_record_visit_month ON record (entity, visit_started) "
               "INCLUDE (device_id, id, visit_status, visit_partner, visit_score, voided) WHERE entity = 'visit'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_record_visit_month")
    for column in COLUMNS:
        op.execute(f"ALTER TABLE record DROP COLUMN {column}")
