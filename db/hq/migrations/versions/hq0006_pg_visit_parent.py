"""PostgreSQL: the visit id of the records HQ looks up by their visit as a plain column
``visit_parent`` of ``record``, filled like hq0005's visit columns (the ingest sends it in
its COPY from the record it decoded; the ORM by an event of ``db.hq.models``), NULL for
every other entity. ``ix_record_visit_child`` moves onto it: on ``data ->> 'visit_id'``
the server parsed the JSON of each stored child again (66 000 answers in the 100 000-record
benchmark bundle), about a fifth of its CPU for the bundle. SQLite keeps hq0002's
expression index; nothing changes there.

Revision ID: hq0006
Revises: hq0005
"""

from __future__ import annotations

from alembic import op

revision = "hq0006"
down_revision = "hq0005"
branch_labels = None
depends_on = None

# the entities app.hq.read_models and app.hq.visit_report find by their visit's id
# (db.hq.models.VISIT_CHILDREN when this was written; hq0005's partial index)
CHILDREN = (
    "competitor_observation",
    "finding",
    "material_count",
    "visit_amendment",
    "visit_answer",
    "visit_photo",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_record_visit_child")
    op.execute("ALTER TABLE record ADD COLUMN visit_parent text")
    entities = ", ".join(f"'{e}'" for e in CHILDREN)
    op.execute(f"UPDATE record SET visit_parent = data->>'visit_id' WHERE entity IN ({entities})")
    op.execute(
        "CREATE INDEX ix_record_visit_child ON record (visit_parent, entity) "
        "WHERE visit_parent IS NOT NULL"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_record_visit_child")
    op.execute("ALTER TABLE record DROP COLUMN visit_parent")
    entities = ", ".join(f"'{e}'" for e in CHILDREN)
    op.execute(
        "CREATE INDEX ix_record_visit_child ON record ((data->>'visit_id'), entity) "
        f"WHERE entity IN ({entities})"
    )
