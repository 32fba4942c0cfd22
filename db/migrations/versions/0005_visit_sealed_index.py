"""a covering index of sealed visits by HLC

Every export query of a visit's children asks which visits are sealed up to an HLC
(``status``, ``hlc``, ``id``). The visit row begins with its template body (KiBs of
JSON), so without an index holding those three columns SQLite reads each visit's
overflow pages, ~50 ms per query for 10 000 visits.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_visit_sealed", "visit", ["status", "hlc", "id"])


def downgrade() -> None:
    op.drop_index("ix_visit_sealed", table_name="visit")
