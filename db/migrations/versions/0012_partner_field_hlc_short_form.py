"""partner field_hlc may be stored in its short form

A partner created by an import stores its ``field_hlc`` as its one stamp, a JSON string
(``app.domain.field_hlc``), which this build reads as the object of every field. No
schema change: the revision marks databases that may hold the short form, so an older
build refuses to open one ("written by a newer build") instead of failing on the first
edit of such a card. The downgrade writes every short form as its object.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_META = ("id", "hlc", "created_at", "updated_at", "field_hlc")


def upgrade() -> None:
    pass  # nothing to change: the short form is written from this revision on


def downgrade() -> None:
    conn = op.get_bind()
    fields = [
        row[1] for row in conn.execute(sa.text("PRAGMA table_info(partner)")) if row[1] not in _META
    ]
    conn.execute(
        sa.text(
            "UPDATE partner SET field_hlc = (SELECT json_group_object(f.value, "
            "json_extract(partner.field_hlc, '$')) FROM json_each(:fields) f) "
            "WHERE json_type(field_hlc) = 'text'"
        ),
        {"fields": json.dumps(fields)},
    )
