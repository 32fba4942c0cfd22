"""The write side of the partner import: each batch of checked rows is compared with the
partners of the same codes (one query per batch), checked against the rules that need
the stored card (status only through lifecycle events, HQ-owned fields once HQ has
published the card) and written inside the import's one write transaction
(``bulk_write.write_transaction``): new cards through ``partner_import_stage`` (staged,
then copied on the mover thread while the next rows are read), changes to cards that
were there before with ``executemany``. Per-field HLCs are kept as the ORM hook
does (``app.services.context._stamp_hlc``): every field of a new card (stored in the
short form of ``app.domain.field_hlc``: the card's one stamp), the changed fields of an
updated one."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from types import TracebackType
from typing import TYPE_CHECKING, Any

from app.domain import field_hlc as field_hlcs
from app.domain import partner_sheet as sheet
from app.domain import partners as rules
from app.domain.ids import uuid7_many
from app.i18n import tr
from app.services import import_tables as tables
from app.services import partner_import_stage as stage
from app.services import partner_search_index
from app.services.bulk_write import RowInserter, reserve_hlcs, sql_value, write_transaction
from app.services.context import AppContext
from app.services.sheet_read import RowError
from db.engine import busy_timeout_ms

if TYPE_CHECKING:
    from app.services.partner_io import ImportReport

# fields an import may set, as stored (status is checked, never written to an existing card)
FIELDS = (
    "name",
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
)
_SELECT = (
    "SELECT id, code, status, voided, field_hlc, "
    + ", ".join(FIELDS)
    + " FROM partner WHERE code IN ({marks})"
)
_UPDATE = (
    "UPDATE partner SET "
    + ", ".join(f"{k} = ?" for k in FIELDS)
    + ", field_hlc = ?, hlc = ?, updated_at = ? WHERE id = ?"
)
_PRIMARY_CONTACTS = (
    "SELECT partner_id, id, name, phone FROM contact WHERE voided = 0 AND partner_id IN ({marks}) "
    "ORDER BY partner_id, is_primary DESC, created_at"
)
_NEW_DEFAULTS: dict[str, Any] = {
    "type": "dealer",
    "grade": "C",
    "province_code": None,
    "city_code": None,
    "district_code": None,
    "address": "",
    "latitude": None,
    "longitude": None,
    "licence_no": "",
    "credit_rating": "",
    "credit_limit_fen": 0,
    "manager": "",
    "notes": "",
    "tags": [],
}
_OWNED_COLUMNS = {"grade": "grade", "credit_limit_fen": "credit_limit"}
# the lifecycle event that leads from active to a status a new card may arrive with
_EVENT_TO = {"suspended": "suspend", "terminated": "terminate", "merged": "merge"}


_TAGS_JSON: dict[tuple[str, ...], str] = {}


def _tags_json(tags: list[str] | None) -> str:
    """The tags column's JSON (as SQLAlchemy writes it); files repeat a few tag sets."""
    key = tuple(tags or ())
    text = _TAGS_JSON.get(key)
    if text is None:
        text = json.dumps(list(key))
        if len(_TAGS_JSON) < 10_000:
            _TAGS_JSON[key] = text
    return text


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _node(hlc: object) -> str:
    parts = str(hlc or "").split(":", 2)
    return parts[2] if len(parts) == 3 else ""


class PartnerBatchWriter:
    """Use as a context manager around the whole import; ``write`` each batch."""

    def __init__(
        self, ctx: AppContext, report: ImportReport, *, skip_invalid: bool, dry_run: bool
    ) -> None:
        self.ctx = ctx
        self.report = report
        self.skip_invalid = skip_invalid
        self.dry_run = dry_run
        self.failed = False
        self._tx: Any = None
        self.conn: sqlite3.Connection | None = None
        self.stage: stage.NewPartnerStage | None = None
        self.reader: sqlite3.Connection | None = None

    # -- transaction ---------------------------------------------------------------------
    def __enter__(self) -> PartnerBatchWriter:
        self.partners = RowInserter.from_spec(tables.PARTNER)
        self.contacts = RowInserter.from_spec(tables.CONTACT)
        self.grades = RowInserter.from_spec(tables.GRADE_CHANGE)
        self.events = RowInserter.from_spec(tables.LIFECYCLE_EVENT)
        self.device = self.ctx.device_id or "local"
        self.user = self.ctx.user_name
        self.today = dt.date.today()
        self.reason = tr("import", "imported")
        self.make_contact = self.contacts.maker(
            ("id", "partner_id", "name", "phone", "hlc", "created_at", "updated_at"),
            is_primary=1,
        )  # a new contact of a card that was there before
        self._tx = write_transaction(self.ctx, write=not self.dry_run)
        self.conn = self._tx.__enter__()
        self.has_published_table = (
            self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'partner_published'"
            ).fetchone()
            is not None
        )
        # the search index is kept per batch (partner_search_index); its triggers come
        # back before the commit, or with the rollback
        self.triggers = [] if self.dry_run else partner_search_index.suspend(self.conn)
        self.stage = (
            None
            if self.dry_run
            else stage.NewPartnerStage(
                self.conn,
                {
                    "partner": self.partners,
                    "grade_change": self.grades,
                    "lifecycle_event": self.events,
                    "contact": self.contacts,
                },
                reason=self.reason,
                user=self.user,
            )
        )
        # the stored cards are looked up through a second connection, so the next batch
        # is checked and built while the mover still writes the last one: it reads the
        # database as it was when the import began, which is all a lookup needs (a code
        # appears once in a file: a later row with it is refused as a duplicate)
        self.reader = self.conn if self.dry_run else _snapshot_reader(self.ctx)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> bool | None:
        try:
            if self.reader is not None and self.reader is not self.conn:
                self.reader.close()
            if self.stage is not None:
                self.stage.wait()  # the mover is idle before the commit or the rollback
            if kind is None and self.triggers and self.conn is not None:
                partner_search_index.resume(self.conn, self.triggers)
        except BaseException as error:
            if kind is None:
                self._tx.__exit__(type(error), error, error.__traceback__)
                raise
            # already failing: that error is the one reported, after the rollback
        return self._tx.__exit__(kind, exc, tb)  # type: ignore[no-any-return]

    # -- rows ----------------------------------------------------------------------------
    def reject(self, errors: list[RowError]) -> None:
        """Count a row as skipped with its errors."""
        self.report.errors.extend(errors)
        self.report.skipped += 1
        self.failed = True

    def _published(self, rows: list[sqlite3.Row | tuple[Any, ...]]) -> set[str]:
        """Ids of the partners whose HQ-owned fields HQ has published: the laptop applied
        them from a down-bundle (``partner_published``), or their stamps are another
        node's (the card came from HQ or another device)."""
        published = {
            r[0]
            for r in rows
            if any(
                _node(h) not in (self.device, "local", "")
                for k, h in field_hlcs.expand_text(r[4], tables.PARTNER_LWW_FIELDS).items()
                if k in rules.HQ_OWNED_FIELDS
            )
        }
        if self.has_published_table and rows:
            assert self.reader is not None
            ids = [r[0] for r in rows]
            published.update(
                pid
                for (pid,) in self.reader.execute(
                    f"SELECT partner_id FROM partner_published WHERE partner_id IN ({_marks(len(ids))})",
                    ids,
                )
            )
        return published

    def write(self, batch: list[tuple[int, dict[str, Any]]], names: dict[str, str]) -> None:
        """Check the batch against the stored partners, count it and (when every row so far
        is valid or invalid rows are skipped, and this is no dry run) write it."""
        if not batch:
            return
        conn, reader = self.conn, self.reader
        assert conn is not None and reader is not None
        codes = [values["code"] for _, values in batch]
        rows = reader.execute(_SELECT.format(marks=_marks(len(codes))), codes).fetchall()
        existing = {r[1]: r for r in rows}
        published = self._published(rows)
        contacts: dict[str, tuple[str, str, str]] = {}
        if rows:
            ids = [r[0] for r in rows]
            for pid, cid, cname, cphone in reader.execute(
                _PRIMARY_CONTACTS.format(marks=_marks(len(ids))), ids
            ):
                contacts.setdefault(pid, (cid, cname, cphone))
        now = sql_value(dt.datetime.now(dt.UTC))
        today = sql_value(self.today)
        new_contacts: list[tuple[Any, ...]] = []  # of cards that were there before
        changes: list[tuple[Any, ...]] = []  # grade changes of existing cards
        updates: list[tuple[Any, ...]] = []
        touched: list[str] = []
        contact_updates: list[tuple[Any, ...]] = []
        make_contact = self.make_contact
        ids = iter(uuid7_many(5 * len(batch)))
        stamps = iter(reserve_hlcs(self.ctx, 5 * len(batch)))

        def column(key: str) -> str:
            return names.get(key, sheet.header(key))

        stage_add = self.stage.add if self.stage is not None else _ignore
        for row_no, values in batch:
            current = existing.get(values["code"])
            if current is None:
                status = values.get("status", "active")
                self.report.created += 1
                pid, hlc = next(ids), next(stamps)
                get = values.get
                code, name, address = values["code"], values["name"], get("address", "")
                grade_id, grade_hlc = next(ids), next(stamps)
                open_id, open_hlc = (
                    (next(ids), next(stamps)) if status != "prospect" else (None, None)
                )
                # a card that arrives suspended, terminated or merged gets the event that
                # made it so
                event_id, event_kind, event_hlc = (
                    (next(ids), _EVENT_TO[status], next(stamps))
                    if status in _EVENT_TO
                    else (None, None, None)
                )
                contact = (
                    (values["contact_name"], values["phone"]) if "contact_name" in values else None
                )
                contact_id, contact_hlc = (
                    (next(ids), next(stamps)) if contact is not None else (None, None)
                )
                text = stage.body(code, name, address, contact)
                stage_add(
                    (
                        pid,
                        code,
                        name,
                        status,
                        get("type", "dealer"),
                        get("grade", "C"),
                        get("province_code"),
                        get("city_code"),
                        get("district_code"),
                        address,
                        get("latitude"),
                        get("longitude"),
                        get("licence_no", ""),
                        get("credit_rating", ""),
                        get("credit_limit_fen", 0),
                        get("manager", ""),
                        get("notes", ""),
                        _tags_json(get("tags")),
                        hlc,
                        grade_id,
                        grade_hlc,
                        open_id,
                        open_hlc,
                        event_id,
                        event_kind,
                        event_hlc,
                        contact_id,
                        *(contact or (None, None)),
                        contact_hlc,
                        text,
                        partner_search_index.grams(text),
                    )
                )
                continue
            pid, status, voided = current[0], current[2], bool(current[3])
            stored = dict(zip(FIELDS, current[5:], strict=True))
            stored["tags"] = json.loads(stored["tags"]) if stored["tags"] else []
            errors = []
            if voided:
                errors.append(
                    RowError(
                        row_no,
                        column("code"),
                        tr(
                            "import", "the partner {code} was deleted; it cannot be imported again"
                        ).format(code=values["code"]),
                    )
                )
            if "status" in values and values["status"] != status:
                errors.append(
                    RowError(
                        row_no,
                        column("status"),
                        tr(
                            "import",
                            "an import cannot change the status ({current} → {wanted}); use the "
                            "lifecycle action: partners lifecycle {code} EVENT --reason TEXT, or "
                            "Lifecycle… in the partner screen",
                        ).format(
                            current=sheet.display_label("status", status),
                            wanted=sheet.display_label("status", values["status"]),
                            code=values["code"],
                        ),
                    )
                )
            if pid in published:
                for key, col in _OWNED_COLUMNS.items():
                    if key in values and values[key] != stored[key]:
                        shown = (
                            rules.fen_to_text(stored[key])
                            if key == "credit_limit_fen"
                            else stored[key]
                        )
                        errors.append(
                            RowError(
                                row_no,
                                column(col),
                                tr(
                                    "import",
                                    "set by HQ for a partner HQ has published (now {current}); only HQ changes it",
                                ).format(current=shown),
                            )
                        )
            if errors:
                self.reject(errors)
                continue
            changed = [k for k in FIELDS if k in values and values[k] != stored[k]]
            contact = contacts.get(pid)
            contact_changed = "contact_name" in values and (
                contact is None
                or (contact[1], contact[2]) != (values["contact_name"], values["phone"])
            )
            if not changed and not contact_changed:
                self.report.unchanged += 1
                continue
            self.report.updated += 1
            touched.append(pid)
            if changed:
                hlc = next(stamps)
                card = {**stored, **{k: values[k] for k in changed}}
                field_hlc = field_hlcs.expand_text(current[4], tables.PARTNER_LWW_FIELDS)
                field_hlc.update(dict.fromkeys(changed, hlc))
                updates.append(
                    (*(sql_value(card[k]) for k in FIELDS), json.dumps(field_hlc), hlc, now, pid)
                )
                if "grade" in changed:
                    changes.append(
                        self.grades.row(
                            {
                                "id": next(ids),
                                "partner_id": pid,
                                "old_grade": stored["grade"],
                                "new_grade": values["grade"],
                                "reason": self.reason,
                                "effective_date": today,
                                "changed_by": self.user,
                                "hlc": next(stamps),
                                "created_at": now,
                                "updated_at": now,
                            }
                        )
                    )
            if contact_changed:
                if contact is None:
                    new_contacts.append(
                        make_contact(
                            next(ids),
                            pid,
                            values["contact_name"],
                            values["phone"],
                            next(stamps),
                            now,
                            now,
                        )
                    )
                else:
                    contact_updates.append(
                        (values["contact_name"], values["phone"], next(stamps), now, contact[0])
                    )
        if self.dry_run or (self.failed and not self.skip_invalid):
            if self.stage is not None:
                self.stage.discard()
            return
        assert self.stage is not None
        self.stage.wait()  # the write connection is this thread's again
        # cards that were there before: the per-row statements (few in a large import)
        if new_contacts:
            conn.executemany(self.contacts.sql, new_contacts)
        if changes:
            conn.executemany(self.grades.sql, changes)
        if updates:
            conn.executemany(_UPDATE, updates)
        if contact_updates:
            conn.executemany(
                "UPDATE contact SET name = ?, phone = ?, hlc = ?, updated_at = ? WHERE id = ?",
                contact_updates,
            )
        partner_search_index.reindex(conn, touched)
        self.stage.flush(now, today)  # the new cards: written while the next rows are read

    def finish(self) -> None:
        """Wait until every batch is written; raises the mover's error."""
        if self.stage is not None:
            self.stage.wait()


def _snapshot_reader(ctx: AppContext) -> sqlite3.Connection:
    """A connection reading the database as committed before the import's transaction
    (which holds the write lock, so nothing commits meanwhile)."""
    reader = sqlite3.connect(
        ctx.paths.database,
        timeout=busy_timeout_ms() / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM app_meta").fetchone()  # the snapshot starts here
    except BaseException:
        reader.close()
        raise
    return reader


def _ignore(_row: tuple[Any, ...]) -> None:
    """A dry run stages nothing."""
