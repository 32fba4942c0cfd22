"""HQ read model: expression indexes for the overview and the visit lists — visits by
start time (with the fields the month's aggregate reads, so it is answered from the
index) and child records by their visit / finding.

Revision ID: hq0002
Revises: hq0001
"""
from __future__ import annotations

from alembic import op

revision = "hq0002"
down_revision = "hq0001"
branch_labels = None
depends_on = None

# the field expressions as app.hq.overview / app.hq.read_models write them
SQLITE = {
    "ix_record_visit_started": ("visit", ["json_extract(data, '$.started_at')", "device_id", "json_extract(data, '$.status')",
                                          "json_extract(data, '$.partner_id')", "json_extract(data, '$.score')", "voided", "id"]),
    "ix_record_visit_child": (None, ["entity", "json_extract(data, '$.visit_id')"]),
}
POSTGRES = {
    "ix_record_visit_started": ("visit", ["(data->>'started_at')"]),
    "ix_record_visit_child": (None, ["entity", "(data->>'visit_id')"]),
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, (entity, columns) in (POSTGRES if dialect == "postgresql" else SQLITE).items():
        where = f" WHERE entity = '{entity}'" if entity else ""
        op.execute(f"CREATE INDEX {name} ON record ({', '.join(columns)}){where}")


def downgrade() -> None:
    for name in SQLITE:
        op.execute(f"DROP INDEX {name}")
