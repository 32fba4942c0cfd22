"""partner search: 1- and 2-character index, filter/sort keys beside the search text

Migration 0002 served queries of 3+ characters from an FTS5 trigram index and scanned
``partner_search.body`` with LIKE for shorter ones (two Chinese characters are the most
common search) — a full scan of 100 000 rows on every keystroke. This revision rebuilds
the search tables:

* ``partner_search`` keeps the denormalised search text (code, name, address, contact
  names and phones) and also the partner's list sort and filter keys (``code``, ``name``,
  ``manager``, ``voided``, ``grade``, ``status``, ``type``, region codes), so a search
  counts, sorts and pages its hits without reading the wide ``partner`` rows;
  ``ix_partner_search_code`` pages a frequent term in code order.
* ``partner_fts`` (trigram, as before) serves queries of 3+ characters.
* ``partner_gram`` is a contentless FTS5 table (``detail=none``: it stores only which
  rows hold a token) whose tokens are every pair of adjacent characters of the search
  text, and its last character alone, each written as the hex of its UTF-8 bytes after
  ASCII lower-casing (``hex(lower(...))``, the same folding as SQLite's LIKE). A
  2-character query is one token lookup; a 1-character query is the prefix query
  ``"hex"*`` (UTF-8 is prefix-free, so the tokens starting with a character's hex are
  exactly the pairs starting with that character). The pairs are cut in SQL by joining
  the position table ``partner_search_pos`` (1..POSITIONS), so the triggers need no
  application function and any SQLite client keeps the index right.
* Text longer than POSITIONS characters is indexed up to that length; the search also
  runs LIKE over such rows, which the partial index ``ix_partner_search_long`` finds.

Everything is kept by triggers and back-filled here from the existing rows.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

POSITIONS = 10000

BODY = (
    "p.code || ' ' || p.name || ' ' || coalesce(p.address, '') || ' ' || "
    "coalesce((SELECT group_concat(c.name || ' ' || coalesce(c.phone, ''), ' ') FROM contact c "
    "WHERE c.partner_id = p.id AND c.voided = 0), '')"
)
KEYS = "p.code, p.name, p.manager, p.voided, p.grade, p.status, p.type, p.province_code, p.city_code, p.district_code"
COLUMNS = "partner_id, body, code, name, manager, voided, grade, status, type, province_code, city_code, district_code"


def grams(body: str) -> str:
    """SQL for the space-separated tokens of the text ``body``: each pair of adjacent
    characters (the last position gives the last character alone)."""
    return (
        f"(SELECT group_concat(hex(substr(x, n, 2)), ' ') "
        f"FROM (SELECT lower({body}) AS x) JOIN partner_search_pos ON n <= length(x))"
    )


def _refresh(partner_expr: str) -> str:
    """Update the partner's search row in place (the FTS triggers re-index only when the
    text changed); insert it when it is missing (also after an INSERT OR REPLACE of the
    partner on a connection without foreign keys, which leaves the old row behind)."""
    return (
        f"UPDATE partner_search SET ({COLUMNS}) = (SELECT p.id, {BODY}, {KEYS} FROM partner p WHERE p.id = {partner_expr}) "
        f"WHERE partner_id = {partner_expr}; "
        f"INSERT INTO partner_search({COLUMNS}) SELECT p.id, {BODY}, {KEYS} FROM partner p WHERE p.id = {partner_expr} "
        f"AND NOT EXISTS (SELECT 1 FROM partner_search WHERE partner_id = {partner_expr});"
    )


TRIGGERS = ("contact_ad", "contact_au", "contact_ai", "partner_au", "partner_ai",
            "partner_search_au", "partner_search_ad", "partner_search_ai")

STATEMENTS = [
    "CREATE TABLE partner_search_pos (n INTEGER PRIMARY KEY)",
    f"WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {POSITIONS}) "
    "INSERT INTO partner_search_pos(n) SELECT n FROM s",
    "CREATE TABLE partner_search (partner_id VARCHAR(36) PRIMARY KEY REFERENCES partner(id) ON DELETE CASCADE, "
    "body TEXT NOT NULL, code VARCHAR(40) NOT NULL, name VARCHAR(300), manager VARCHAR(100), voided BOOLEAN NOT NULL, grade VARCHAR(1), status VARCHAR(20), "
    "type VARCHAR(20), province_code VARCHAR(2), city_code VARCHAR(4), district_code VARCHAR(6))",
    "CREATE INDEX ix_partner_search_code ON partner_search(voided, code)",
    f"CREATE INDEX ix_partner_search_long ON partner_search(partner_id) WHERE length(body) > {POSITIONS}",
    "CREATE VIRTUAL TABLE partner_fts USING fts5(body, content='partner_search', content_rowid='rowid', tokenize='trigram')",
    "CREATE VIRTUAL TABLE partner_gram USING fts5(grams, content='', detail='none', tokenize='ascii')",
    "CREATE TRIGGER partner_search_ai AFTER INSERT ON partner_search BEGIN "
    "INSERT INTO partner_fts(rowid, body) VALUES (new.rowid, new.body); "
    f"INSERT INTO partner_gram(rowid, grams) VALUES (new.rowid, {grams('new.body')}); END",
    "CREATE TRIGGER partner_search_ad AFTER DELETE ON partner_search BEGIN "
    "INSERT INTO partner_fts(partner_fts, rowid, body) VALUES ('delete', old.rowid, old.body); "
    f"INSERT INTO partner_gram(partner_gram, rowid, grams) VALUES ('delete', old.rowid, {grams('old.body')}); END",
    "CREATE TRIGGER partner_search_au AFTER UPDATE OF body ON partner_search WHEN old.body IS NOT new.body BEGIN "
    "INSERT INTO partner_fts(partner_fts, rowid, body) VALUES ('delete', old.rowid, old.body); "
    f"INSERT INTO partner_gram(partner_gram, rowid, grams) VALUES ('delete', old.rowid, {grams('old.body')}); "
    "INSERT INTO partner_fts(rowid, body) VALUES (new.rowid, new.body); "
    f"INSERT INTO partner_gram(rowid, grams) VALUES (new.rowid, {grams('new.body')}); END",
    f"CREATE TRIGGER partner_ai AFTER INSERT ON partner BEGIN {_refresh('new.id')} END",
    "CREATE TRIGGER partner_au AFTER UPDATE OF code, name, address, manager, voided, grade, status, type, province_code, "
    f"city_code, district_code ON partner BEGIN {_refresh('new.id')} END",
    f"CREATE TRIGGER contact_ai AFTER INSERT ON contact BEGIN {_refresh('new.partner_id')} END",
    "CREATE TRIGGER contact_au AFTER UPDATE OF partner_id, name, phone, voided ON contact BEGIN "
    f"{_refresh('old.partner_id')} {_refresh('new.partner_id')} END",
    f"CREATE TRIGGER contact_ad AFTER DELETE ON contact BEGIN {_refresh('old.partner_id')} END",
    f"INSERT INTO partner_search({COLUMNS}) SELECT p.id, {BODY}, {KEYS} FROM partner p",
]


def _drop_all() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("partner_gram", "partner_fts", "partner_search", "partner_search_pos"):
        op.execute(f"DROP TABLE IF EXISTS {table}")


def upgrade() -> None:
    _drop_all()
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    _drop_all()
    path = Path(__file__).with_name("0002_partner_search.py")
    spec = importlib.util.spec_from_file_location("channeldesk_migration_0002", path)
    assert spec and spec.loader
    previous = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(previous)
    for statement in previous.STATEMENTS:
        op.execute(statement)
