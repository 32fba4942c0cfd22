"""Keeping the partner search index (migration 0003: ``partner_search`` with its FTS5
tables ``partner_fts`` and ``partner_gram``) right during a bulk write, without its
triggers.

The triggers index one row at a time, and their pair-cutting join costs ~0.3 ms a row:
30 s for an import of 100 000 partners. A bulk writer instead calls ``suspend`` inside
its write transaction (the triggers are dropped; they come back at ``resume``, or with
the rollback if the transaction fails, since SQLite's DDL is transactional) and
``reindex`` with the ids it touched: their search rows are computed with the same SQL
as the triggers (``BODY`` / ``KEYS``) and the pair tokens in Python exactly as the SQL
cuts them (hex of the UTF-8 bytes of each pair of adjacent characters after ASCII
lower-casing, the last character alone, up to ``GRAM_POSITIONS``)."""

from __future__ import annotations

import operator
import sqlite3

from app.services.partner_list import GRAM_POSITIONS

# the same expressions as migration 0003's triggers (a test compares the results)
BODY = (
    "p.code || ' ' || p.name || ' ' || coalesce(p.address, '') || ' ' || "
    "coalesce((SELECT group_concat(c.name || ' ' || coalesce(c.phone, ''), ' ') FROM contact c "
    "WHERE c.partner_id = p.id AND c.voided = 0), '')"
)
KEYS = "p.code, p.name, p.manager, p.voided, p.grade, p.status, p.type, p.province_code, p.city_code, p.district_code"
COLUMNS = "partner_id, body, code, name, manager, voided, grade, status, type, province_code, city_code, district_code"
TRIGGERS = (
    "partner_ai",
    "partner_au",
    "contact_ai",
    "contact_au",
    "contact_ad",
    "partner_search_ai",
    "partner_search_au",
    "partner_search_ad",
)


class _Hex(dict[str, str]):
    def __missing__(self, char: str) -> str:
        value = self[char] = char.encode("utf-8").hex().upper()
        return value


_HEX = _Hex()


def grams(body: str) -> str | None:
    """The ``partner_gram`` tokens of a search text (what the trigger's SQL computes)."""
    text = body[: GRAM_POSITIONS + 1]
    text = (
        text.lower() if text.isascii() else text.encode("utf-8").lower().decode("utf-8")
    )  # bytes.lower: ASCII only, as SQLite
    if not text:
        return None
    hexes = list(map(_HEX.__getitem__, text))
    pairs = list(map(operator.add, hexes, hexes[1:]))
    if len(text) <= GRAM_POSITIONS:
        pairs.append(hexes[-1])
    return " ".join(pairs[:GRAM_POSITIONS])


def suspend(conn: sqlite3.Connection) -> list[str]:
    """Drop the index triggers inside the caller's transaction; returns their SQL for
    ``resume``."""
    rows = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN ({', '.join('?' * len(TRIGGERS))})",
        TRIGGERS,
    ).fetchall()
    for name, _sql in rows:
        conn.execute(f"DROP TRIGGER {name}")
    return [sql for _name, sql in rows]


def resume(conn: sqlite3.Connection, triggers: list[str]) -> None:
    for sql in triggers:
        conn.execute(sql)


def reindex(conn: sqlite3.Connection, partner_ids: list[str]) -> None:
    """Replace the search rows of ``partner_ids`` (new or changed partners or contacts)."""
    if not partner_ids:
        return
    marks = ", ".join("?" * len(partner_ids))
    old = conn.execute(
        f"SELECT rowid, body FROM partner_search WHERE partner_id IN ({marks})", partner_ids
    ).fetchall()
    if old:
        conn.executemany(
            "INSERT INTO partner_fts(partner_fts, rowid, body) VALUES ('delete', ?, ?)", old
        )
        conn.executemany(
            "INSERT INTO partner_gram(partner_gram, rowid, grams) VALUES ('delete', ?, ?)",
            [(rowid, grams(body)) for rowid, body in old],
        )
        conn.execute(f"DELETE FROM partner_search WHERE partner_id IN ({marks})", partner_ids)
    rows = conn.execute(
        f"SELECT p.id, {BODY}, {KEYS} FROM partner p WHERE p.id IN ({marks})", partner_ids
    ).fetchall()
    start = (conn.execute("SELECT max(rowid) FROM partner_search").fetchone()[0] or 0) + 1
    conn.executemany(
        f"INSERT INTO partner_search(rowid, {COLUMNS}) VALUES (?, {', '.join('?' * 12)})",
        [(start + i, *row) for i, row in enumerate(rows)],
    )
    conn.executemany(
        "INSERT INTO partner_fts(rowid, body) VALUES (?, ?)",
        [(start + i, row[1]) for i, row in enumerate(rows)],
    )
    conn.executemany(
        "INSERT INTO partner_gram(rowid, grams) VALUES (?, ?)",
        [(start + i, grams(row[1])) for i, row in enumerate(rows)],
    )
