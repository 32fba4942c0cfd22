"""HQ read model: expression indexes for the overview and the visit lists — visits by
start time (with the fields the month's aggregate reads), child records by their visit,
rectification orders by finding, photos by hash (reuse across visits).

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
# ``entity`` leads the visit index so that, without statistics, the planners prefer it
# (equality and range) to the primary key (equality only) for a month's visits; the child
# index leads with the visit id (never usable for a month's visits) and has ``entity``
# after it, so a visit's answers, photos, findings are found by it, not by the key.
SQLITE = {
    "ix_record_visit_started": ("visit", ["entity", "json_extract(data, '$.started_at')", "device_id", "json_extract(data, '$.status')",
                                          "json_extract(data, '$.partner_id')", "json_extract(data, '$.score')", "voided", "id"]),
    "ix_record_visit_child": (None, ["json_extract(data, '$.visit_id')", "entity"]),
    "ix_record_finding_child": ("rectification_order", ["json_extract(data, '$.finding_id')", "entity"]),
    "ix_record_photo_sha": ("visit_photo", ["json_extract(data, '$.sha256')", "entity"]),
}
POSTGRES = {
    "ix_record_visit_started": ("visit", ["entity", "(data->>'started_at')"]),
    "ix_record_visit_child": (None, ["(data->>'visit_id')", "entity"]),
    "ix_record_finding_child": ("rectification_order", ["(data->>'finding_id')", "entity"]),
    "ix_record_photo_sha": ("visit_photo", ["(data->>'sha256')", "entity"]),
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, (entity, columns) in (POSTGRES if dialect == "postgresql" else SQLITE).items():
        where = f" WHERE entity = '{entity}'" if entity else ""
        op.execute(f"CREATE INDEX {name} ON record ({', '.join(columns)}){where}")


def downgrade() -> None:
    for name in SQLITE:
        op.execute(f"DROP INDEX {name}")
