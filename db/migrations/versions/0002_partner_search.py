"""partner search index: denormalised search text + FTS5 trigram index, kept by triggers

Search matches any substring in code, name, address and contact names/phones. Queries
of 3+ characters use the trigram FTS index; shorter ones (two Chinese characters are
common) use LIKE on ``partner_search`` because trigram FTS returns nothing for them.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BODY = (
    "p.code || ' ' || p.name || ' ' || coalesce(p.address, '') || ' ' || "
    "coalesce((SELECT group_concat(c.name || ' ' || coalesce(c.phone, ''), ' ') FROM contact c "
    "WHERE c.partner_id = p.id AND c.voided = 0), '')"
)


def _refresh(partner_expr: str) -> str:
    return (
        f"DELETE FROM partner_search WHERE partner_id = {partner_expr}; "
        f"INSERT INTO partner_search(partner_id, body) SELECT p.id, {BODY} FROM partner p WHERE p.id = {partner_expr};"
    )


STATEMENTS = [
    "CREATE TABLE partner_search (partner_id VARCHAR(36) PRIMARY KEY REFERENCES partner(id) ON DELETE CASCADE, body TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE partner_fts USING fts5(body, content='partner_search', content_rowid='rowid', tokenize='trigram')",
    "CREATE TRIGGER partner_search_ai AFTER INSERT ON partner_search BEGIN "
    "INSERT INTO partner_fts(rowid, body) VALUES (new.rowid, new.body); END",
    "CREATE TRIGGER partner_search_ad AFTER DELETE ON partner_search BEGIN "
    "INSERT INTO partner_fts(partner_fts, rowid, body) VALUES ('delete', old.rowid, old.body); END",
    "CREATE TRIGGER partner_search_au AFTER UPDATE ON partner_search BEGIN "
    "INSERT INTO partner_fts(partner_fts, rowid, body) VALUES ('delete', old.rowid, old.body); "
    "INSERT INTO partner_fts(rowid, body) VALUES (new.rowid, new.body); END",
    f"CREATE TRIGGER partner_ai AFTER INSERT ON partner BEGIN {_refresh('new.id')} END",
    "CREATE TRIGGER partner_au AFTER UPDATE OF code, name, address ON partner BEGIN "
    f"{_refresh('new.id')} END",
    f"CREATE TRIGGER contact_ai AFTER INSERT ON contact BEGIN {_refresh('new.partner_id')} END",
    f"CREATE TRIGGER contact_au AFTER UPDATE ON contact BEGIN {_refresh('old.partner_id')} {_refresh('new.partner_id')} END",
    f"CREATE TRIGGER contact_ad AFTER DELETE ON contact BEGIN {_refresh('old.partner_id')} END",
    f"INSERT INTO partner_search(partner_id, body) SELECT p.id, {BODY} FROM partner p",
]


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for name in ("contact_ad", "contact_au", "contact_ai", "partner_au", "partner_ai",
                 "partner_search_au", "partner_search_ad", "partner_search_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS partner_fts")
    op.execute("DROP TABLE IF EXISTS partner_search")
