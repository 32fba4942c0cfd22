"""The new partners of an import batch, written by ``INSERT … SELECT`` on a second thread.

The reading thread puts one row per new partner (its card, its first grade, its
lifecycle events, its contact and its search text, every id and HLC already made) into a
temporary table with one ``executemany`` and goes on reading and checking the next
rows. A mover thread copies the staged rows into ``partner``, ``grade_change``,
``lifecycle_event``, ``contact`` and the search index (``partner_search``,
``partner_fts``, ``partner_gram``), each with a single statement: SQLite runs the whole
statement in one step without Python's GIL, so the table and index work (about half an
import) runs on the other core. (An ``executemany`` from a second thread would not: it
gives the GIL back around every row and waits for it again while this thread runs
Python; see docs/pitfalls.md.)

One thread at a time uses the connection: ``wait`` returns once the mover is idle and is
called before any other statement. The rows stored are those of the per-row path
(``RowInserter.maker``): the same columns, defaults, ids, HLCs and order; the search text
is computed by the migration's SQL (``partner_search_index.BODY``), and the pair tokens,
cut in Python from the same text built here, are checked against it batch by batch."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from app.services import partner_search_index as search_index
from app.services.bulk_write import RowInserter

# one row per new partner; columns without a type keep the values as bound (the target
# tables' affinities apply when they are copied, as for a direct insert)
COLUMNS = (
    "pid",
    "code",
    "name",
    "status",
    "type",
    "grade",
    "province_code",
    "city_code",
    "district_code",
    "address",
    "latitude",
    "longitude",
    "licence_no",
    "credit_rating",
    "credit_limit_fen",
    "manager",
    "notes",
    "tags",
    "hlc",
    "grade_id",
    "grade_hlc",
    "open_id",
    "open_hlc",
    "event_id",
    "event_kind",
    "event_hlc",
    "contact_id",
    "contact_name",
    "contact_phone",
    "contact_hlc",
    "body",
    "grams",
)
_TABLE = "temp.partner_import_stage"
_PARTNER_FIELDS = COLUMNS[2:18]  # name … tags: stored as staged


def body(code: str, name: str, address: str, contact: tuple[str, str] | None) -> str:
    """The search text of a new partner with at most one contact, as ``BODY`` builds it."""
    tail = f"{contact[0]} {contact[1]}" if contact is not None else ""
    return f"{code} {name} {address} {tail}"


class NewPartnerStage:
    """Stage new partners with ``add``, write them with ``flush`` (the mover runs
    meanwhile), ``wait`` before using the connection for anything else."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        inserters: dict[str, RowInserter],
        *,
        reason: str,
        user: str,
    ) -> None:
        self.conn = conn
        self.rows: list[tuple[Any, ...]] = []
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        conn.execute(
            f"CREATE TEMP TABLE partner_import_stage (n INTEGER PRIMARY KEY, {', '.join(COLUMNS)})"
        )
        conn.execute("PRAGMA temp.cache_size=-16384")  # a batch stays in memory
        self._insert_stage = (
            f"INSERT INTO {_TABLE} ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
        )
        partner = {key: f"s.{key}" for key in _PARTNER_FIELDS}
        partner.update(
            id="s.pid",
            code="s.code",
            field_hlc="json_quote(s.hlc)",  # every field at the card's stamp (app.domain.field_hlc)
            hlc="s.hlc",
            created_at=":now",
            updated_at=":now",
        )
        self._moves: list[tuple[str, dict[str, Any]]] = []
        self._add_move(
            inserters["partner"], partner, {"voided": 0}, f"FROM {_TABLE} s ORDER BY s.n"
        )
        self._add_move(
            inserters["grade_change"],
            {
                "id": "s.grade_id",
                "partner_id": "s.pid",
                "new_grade": "s.grade",
                "effective_date": ":today",
                "hlc": "s.grade_hlc",
                "created_at": ":now",
                "updated_at": ":now",
            },
            {"old_grade": None, "reason": reason, "changed_by": user},
            f"FROM {_TABLE} s ORDER BY s.n",
        )
        self._add_move(
            inserters["lifecycle_event"],
            {
                "id": "e.id",
                "partner_id": "e.pid",
                "kind": "e.kind",
                "effective_date": ":today",
                "old_status": "e.old_status",
                "new_status": "e.new_status",
                "hlc": "e.hlc",
                "created_at": ":now",
                "updated_at": ":now",
            },
            {"reason": reason, "recorded_by": user},
            # "open" first, then the event that led to the status the card arrived with
            f"FROM (SELECT n, 0 AS k, pid, open_id AS id, 'open' AS kind, NULL AS old_status, "
            f"'active' AS new_status, open_hlc AS hlc FROM {_TABLE} WHERE open_id IS NOT NULL "
            f"UNION ALL SELECT n, 1, pid, event_id, event_kind, 'active', status, event_hlc "
            f"FROM {_TABLE} WHERE event_id IS NOT NULL) e ORDER BY e.n, e.k",
        )
        self._add_move(
            inserters["contact"],
            {
                "id": "s.contact_id",
                "partner_id": "s.pid",
                "name": "s.contact_name",
                "phone": "s.contact_phone",
                "hlc": "s.contact_hlc",
                "created_at": ":now",
                "updated_at": ":now",
            },
            {"is_primary": 1},
            f"FROM {_TABLE} s WHERE s.contact_id IS NOT NULL ORDER BY s.n",
        )

    def _add_move(
        self, inserter: RowInserter, exprs: dict[str, str], constants: dict[str, Any], source: str
    ) -> None:
        sql, params = inserter.select_sql(exprs, constants)
        self._moves.append((f"{sql} {source}", params))

    # -- the reading thread ------------------------------------------------------------------
    def add(self, row: tuple[Any, ...]) -> None:
        self.rows.append(row)

    def discard(self) -> None:
        self.rows = []

    def flush(self, now: str, today: str) -> None:
        """Stage the rows added since the last flush and start writing them."""
        self.wait()
        if not self.rows:
            return
        rows, self.rows = self.rows, []
        self.conn.execute(f"DELETE FROM {_TABLE}")
        self.conn.executemany(self._insert_stage, rows)
        times = {"now": now, "today": today}
        last = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM partner_search").fetchone()[0]
        self._error = None
        self._thread = threading.Thread(
            target=self._move, args=(times, last), name="partner-import-mover", daemon=True
        )
        self._thread.start()

    def wait(self) -> None:
        """Return once the mover is idle; raises its error."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    # -- the mover thread --------------------------------------------------------------------
    def _move(self, times: dict[str, Any], last: int) -> None:
        """Copy the staged rows; ``last`` is the highest search rowid before them."""
        try:
            conn = self.conn
            for sql, params in self._moves:
                conn.execute(sql, {**params, **times})
            conn.execute(
                f"INSERT INTO partner_search({search_index.COLUMNS}) "
                f"SELECT p.id, {search_index.BODY}, {search_index.KEYS} "
                f"FROM {_TABLE} s JOIN partner p ON p.id = s.pid ORDER BY p.id"
            )
            conn.execute(
                "INSERT INTO partner_fts(rowid, body) SELECT rowid, body FROM partner_search "
                "WHERE rowid > ? ORDER BY rowid",
                (last,),
            )
            differ = conn.execute(
                f"SELECT s.n, ps.body FROM partner_search ps JOIN {_TABLE} s "
                "ON s.pid = ps.partner_id WHERE ps.rowid > ? AND ps.body IS NOT s.body",
                (last,),
            ).fetchall()
            if differ:  # tokens from the stored text wherever the staged one differs
                conn.executemany(
                    f"UPDATE {_TABLE} SET grams = ? WHERE n = ?",
                    [(search_index.grams(text), n) for n, text in differ],
                )
            conn.execute(
                f"INSERT INTO partner_gram(rowid, grams) SELECT ps.rowid, s.grams "
                f"FROM partner_search ps JOIN {_TABLE} s ON s.pid = ps.partner_id "
                "WHERE ps.rowid > ? ORDER BY ps.rowid",
                (last,),
            )
        except BaseException as exc:  # raised in the reading thread by ``wait``
            self._error = exc
